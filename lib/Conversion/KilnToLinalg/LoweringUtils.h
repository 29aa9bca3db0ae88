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

/// Whether `type` (or its element type) is an unsigned integer; kiln keeps
/// signedness in the type, linalg code in the operation.
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

/// Converts a scalar to `target` with ONNX Cast semantics for the common
/// cases (float <-> float, int <-> int with the source's signedness, int ->
/// float, float -> int truncating toward zero, bool results as `!= 0`);
/// kiln.cast applies it to every element.
Value castScalar(OpBuilder &builder, Location loc, Value value, Type target,
                 bool sourceUnsigned, bool targetUnsigned);

/// acc + a * b for float or integer scalars.
Value multiplyAdd(OpBuilder &builder, Location loc, Value acc, Value a,
                  Value b);

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_LOWERINGUTILS_H
