//===- KilnShapeUtils.h - shape inference helpers for kiln ops ------*- C++ -*-===//
//
// Helpers the op families share in their `inferReturnTypeComponents` and
// verifiers. Each reports problems through `emitOptionalError(location, ...)`
// so that shape inference stays silent when called speculatively.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECTS_KILN_KILNSHAPEUTILS_H
#define KILN_DIALECTS_KILN_KILNSHAPEUTILS_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/ValueRange.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

#include <string>

namespace mlir::kiln {

/// Formats a shape as in a tensor type: `1x?x3`, or `scalar` for rank 0.
std::string formatShape(ArrayRef<int64_t> shape);

/// Returns the shape of a ranked tensor value.
ArrayRef<int64_t> getShape(Value value);

/// Infers the numpy-broadcast shape of all `operands` into `inferredShapes`.
/// - location: where to report shapes that do not broadcast (may be empty).
LogicalResult
inferBroadcastShape(std::optional<Location> location, ValueRange operands,
                    SmallVectorImpl<ShapedTypeComponents> &inferredShapes);

/// Checks `0 <= axis < rank`; `what` names the attribute in the message.
LogicalResult verifyAxis(std::optional<Location> location, int64_t axis,
                         int64_t rank, StringRef what = "axis");

/// Checks that a run-time scalar operand (a length, a step) holds one value:
/// a 0-d tensor or a 1-D tensor of extent 1. `what` names it in the message.
LogicalResult verifyScalarOperand(std::optional<Location> location,
                                  Value operand, StringRef what);

/// Returns the static length of `op`'s run-time shape operand `shape`, which
/// must be 1-D; `what` names the operand in the message.
FailureOr<int64_t> getShapeOperandLength(Operation *op, Value shape,
                                         StringRef what);

/// Checks that `op`'s run-time shape operand `shape` has one entry per
/// dimension of a result of rank `rank`; `what` names it in the message.
LogicalResult verifyShapeOperand(Operation *op, Value shape, int64_t rank,
                                 StringRef what);

/// Checks that `axes` are in `[0, rank)`, strictly increasing (so unique).
LogicalResult verifyAxes(std::optional<Location> location,
                         ArrayRef<int64_t> axes, int64_t rank,
                         StringRef what = "axes");

/// Infers the shape of a reduction of `shape` over `axes`: reduced dimensions
/// are dropped, or kept with extent 1 when `keepDims` is set.
LogicalResult
inferReducedShape(std::optional<Location> location, ArrayRef<int64_t> shape,
                  ArrayRef<int64_t> axes, bool keepDims,
                  SmallVectorImpl<ShapedTypeComponents> &inferredShapes);

/// Infers the shape of a reduction over axes known only at run time, held
/// by a 1-D tensor of type `axesType` (static length, no duplicates): the
/// rank follows from that length; extents of 1 stay 1 under `keepDims`,
/// the others are dynamic.
LogicalResult inferDynamicReducedShape(
    std::optional<Location> location, ArrayRef<int64_t> shape,
    ShapedType axesType, bool keepDims,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes);
/// Checks that the input of a convolution or pooling `op` has rank 3 to 5
/// (channels-first with 1 to 3 spatial dimensions).
LogicalResult verifySpatialInputRank(std::optional<Location> location,
                                     StringRef op, ArrayRef<int64_t> input);

/// Checks a pooling window's `kernel_shape`: one positive entry for each of
/// `spatialRank` dimensions.
LogicalResult verifyKernelShape(std::optional<Location> location,
                                int64_t spatialRank,
                                ArrayRef<int64_t> kernelShape);

/// Checks the window attributes of a convolution or pooling over
/// `spatialRank` dimensions: one positive stride and dilation per dimension,
/// and non-negative pads (all begins, then all ends).
LogicalResult verifyWindowAttributes(std::optional<Location> location,
                                     int64_t spatialRank,
                                     ArrayRef<int64_t> strides,
                                     ArrayRef<int64_t> dilations,
                                     ArrayRef<int64_t> pads);

/// Returns the number of window positions along one dimension:
/// `floor((input + padBegin + padEnd - span) / stride) + 1` with
/// `span = dilation * (kernel - 1) + 1`, rounding up instead under
/// `ceilMode`. Dynamic if an extent is dynamic; -1 if the window does not fit.
int64_t getWindowedExtent(int64_t input, int64_t kernel, int64_t stride,
                          int64_t dilation, int64_t padBegin, int64_t padEnd,
                          bool ceilMode = false);

/// Returns the integer type that holds a quantized type's stored values in
/// kiln: signless `iN` for signed storage, `uiN` for unsigned storage.
IntegerType getStoredIntegerType(quant::QuantizedType quantized);

/// Returns the element type with quantization stripped: the expressed type of
/// a quantized type, the type itself otherwise.
Type getExpressedElementType(Type elementType);

/// Returns the dimensions along which a per-axis or sub-channel quantized
/// element type changes its scale and zero point (none for other types).
SmallVector<int32_t> getQuantizedDimensions(Type elementType);

} // namespace mlir::kiln

#endif // KILN_DIALECTS_KILN_KILNSHAPEUTILS_H
