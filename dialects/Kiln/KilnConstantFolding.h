//===- KilnConstantFolding.h - evaluate kiln ops on constants -------*- C++ -*-===//
//
// Folders that compute results of small constant tensors: the shape
// arithmetic that exporters emit (Shape -> Gather -> Concat -> Reshape)
// becomes constants, so shapes come out static. Large tensors are left alone
// to keep compile time and IR size bounded.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECTS_KILN_KILNCONSTANTFOLDING_H
#define KILN_DIALECTS_KILN_KILNCONSTANTFOLDING_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"

#include <functional>
#include <optional>

namespace mlir::kiln {

/// Tensors with more elements than this are not folded.
constexpr int64_t kMaxFoldedElements = 1 << 16;

/// Returns `attr` as a dense attribute that is small enough to fold, or null.
DenseElementsAttr getFoldableConstant(Attribute attr);

/// Elementwise functions of a binary op; an empty result means "do not fold"
/// (e.g. integer division by zero). `isUnsigned` tells how to read integers.
struct BinaryFolder {
  std::function<std::optional<APInt>(const APInt &, const APInt &, bool)>
      integer;
  std::function<std::optional<APFloat>(const APFloat &, const APFloat &)>
      floating;
};

/// Folds a broadcasting binary op on constants `lhs` and `rhs` into an
/// attribute of `resultType` (whose element type may be i1 for comparisons,
/// in which case the functions return 1-bit APInts).
Attribute foldBinary(Attribute lhs, Attribute rhs, Type resultType,
                     const BinaryFolder &folder);

/// Reads every element of a `dense` or `dense_resource` attribute of
/// integers or floats as doubles / int64 values; fails for element types a
/// resource blob does not hold byte-aligned (i1, 4-bit, f16...).
FailureOr<SmallVector<double>> readFloatElements(ElementsAttr elements);
FailureOr<SmallVector<int64_t>> readIntegerElements(ElementsAttr elements);

/// Builds a float elements attribute of `type` from double values, rounding
/// each once to the element type (nearest, ties to even).
DenseElementsAttr getFloatElements(ShapedType type, ArrayRef<double> values);

/// Like getFloatElements, but f32 tensors of 1 KiB or more become a
/// `dense_resource` blob named after `blobName` (weights stay compact).
ElementsAttr getFloatConstant(ShapedType type, ArrayRef<double> values,
                              StringRef blobName);

/// Folds an elementwise unary op on a constant into an attribute of
/// `resultType`; either function may be empty (that kind is not folded).
Attribute foldUnary(Attribute input, Type resultType,
                    function_ref<APInt(const APInt &)> integer,
                    function_ref<APFloat(const APFloat &)> floating);

/// Folds an element type conversion of a constant as kiln.cast defines it;
/// `saturate` clamps floats to the finite range of a small float result.
/// Infinities and NaN into float types that have neither (FP4, FP6) are not
/// folded: APFloat has no value for them.
Attribute foldCast(Attribute input, Type resultType, bool saturate = false);

} // namespace mlir::kiln

#endif // KILN_DIALECTS_KILN_KILNCONSTANTFOLDING_H
