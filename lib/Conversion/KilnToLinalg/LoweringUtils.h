//===- LoweringUtils.h - helpers shared by the kiln-to-linalg patterns -*- C++ -*-===//

#ifndef KILN_LIB_CONVERSION_KILNTOLINALG_LOWERINGUTILS_H
#define KILN_LIB_CONVERSION_KILNTOLINALG_LOWERINGUTILS_H

#include "kiln/Conversion/Passes.h"

#include "dialects/Kiln/KilnOps.h"

namespace mlir::kiln {

/// Builds the scalar result of an elementwise op inside a linalg.generic
/// body from the scalar operands (block arguments, signless types).
using ScalarBuilder =
    function_ref<Value(OpBuilder &builder, Location loc, ValueRange args)>;

/// Builds `linalg.generic` computing `body` for every element of
/// `resultType` (static shape, signless element type) from `operands`,
/// broadcast to it under numpy rules.
Value buildElementwiseGeneric(OpBuilder &builder, Location loc,
                              RankedTensorType resultType, ValueRange operands,
                              ScalarBuilder body);

/// Fails the match unless every type of `op` is a statically shaped tensor
/// of non-quantized elements (what the lowering handles so far).
LogicalResult checkLowerable(Operation *op, PatternRewriter &rewriter);

/// Like checkLowerable, but admits quantized element types: for ops that
/// only move stored integers (reshapes, slices, gathers, max pooling...),
/// whose results keep their inputs' quantization parameters.
LogicalResult checkLowerableStoredValues(Operation *op,
                                         PatternRewriter &rewriter);

/// Whether `type` (or its element type) is an unsigned integer or a
/// quantized type with unsigned storage; kiln keeps signedness in the type,
/// linalg code in the operation.
bool isUnsignedInteger(Type type);

/// A linalg.generic copying `input[inputMap(i)]` to every index `i` of
/// `resultType`.
Value buildCopyGeneric(OpBuilder &builder, Location loc, Value input,
                       AffineMap inputMap, RankedTensorType resultType);

/// The (signless) tensor type `value`'s type converts to.
RankedTensorType convertedType(const TypeConverter *converter, Value value);

/// Converts a scalar operand to the accumulator type `type` (integers
/// extended by their signedness `isUnsigned`).
Value extendToAccumulator(OpBuilder &builder, Location loc, Value value,
                          Type type, bool isUnsigned);

/// Guards `condition` (an i1) at run time: when it is false, the model's
/// run fails with "<ONNX node of op>: <what>" (a `cf.assert`; see
/// `convert-runtime-checks-to-calls`).
void buildRuntimeCheck(OpBuilder &builder, Operation *op, Value condition,
                       const Twine &what);

/// Converts a scalar to `target` with ONNX Cast semantics for the common
/// cases (float <-> float, int <-> int with the source's signedness, int ->
/// float, float -> int truncating toward zero, bool results as `!= 0`);
/// kiln.cast applies it to every element.
Value castScalar(OpBuilder &builder, Location loc, Value value, Type target,
                 bool sourceUnsigned, bool targetUnsigned);

/// acc + a * b for float or integer scalars.
Value multiplyAdd(OpBuilder &builder, Location loc, Value acc, Value a,
                  Value b);

/// An `index` constant.
Value indexConstant(OpBuilder &builder, Location loc, int64_t value);

/// A scalar index read from an index tensor, as `index`, plus `extent` when
/// negative (ONNX counts negative indices from the end).
Value wrappedIndex(OpBuilder &builder, Location loc, Value scalar,
                   int64_t extent);
/// A scalar constant of the float or integer `type`.
Value constantLike(OpBuilder &builder, Location loc, Type type, double value);

/// A tensor of `type` holding `scalar` everywhere.
Value filledTensor(OpBuilder &builder, Location loc, RankedTensorType type,
                   Value scalar);

/// `value` in the row-major element order of `resultType` (a tensor.reshape
/// to a constant shape; `value` itself when it has that type).
Value buildReshape(OpBuilder &builder, Location loc, Value value,
                   RankedTensorType resultType);

/// The slice of `source` with extents `sizes` at `offsets` (unit strides),
/// of type `resultType`, which may drop unit extents of `sizes`.
Value extractSlice(OpBuilder &builder, Location loc,
                   RankedTensorType resultType, Value source,
                   ArrayRef<OpFoldResult> offsets, ArrayRef<int64_t> sizes);

/// `dest` with `slice` written over extents `sizes` at `offsets` (unit
/// strides); `slice` may drop unit extents of `sizes`.
Value insertSlice(OpBuilder &builder, Location loc, Value slice, Value dest,
                  ArrayRef<OpFoldResult> offsets, ArrayRef<int64_t> sizes);

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_LOWERINGUTILS_H
