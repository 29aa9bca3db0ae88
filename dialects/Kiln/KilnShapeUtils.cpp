//===- KilnShapeUtils.cpp - shape inference helpers for kiln ops ----------===//

#include "dialects/Kiln/KilnShapeUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Operation.h"

#include "llvm/Support/raw_ostream.h"

namespace mlir::kiln {

std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (ShapedType::isDynamic(dim))
          os << '?';
        else
          os << dim;
      },
      "x");
  return text;
}

ArrayRef<int64_t> getShape(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

LogicalResult
inferBroadcastShape(std::optional<Location> location, ValueRange operands,
                    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  SmallVector<int64_t> result;
  for (Value operand : operands) {
    ArrayRef<int64_t> shape = getShape(operand);
    SmallVector<int64_t> next;
    if (!OpTrait::util::getBroadcastedShape(result, shape, next))
      return emitOptionalError(location, "operand shapes ",
                               formatShape(result), " and ",
                               formatShape(shape), " do not broadcast");
    result = std::move(next);
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult verifyAxis(std::optional<Location> location, int64_t axis,
                         int64_t rank, StringRef what) {
  if (axis < 0 || axis >= rank)
    return emitOptionalError(location, what, " ", axis,
                             " is out of range for rank ", rank,
                             " (expected 0 <= ", what, " < ", rank, ")");
  return success();
}

LogicalResult verifyScalarOperand(std::optional<Location> location,
                                  Value operand, StringRef what) {
  ArrayRef<int64_t> shape = getShape(operand);
  if (shape.size() > 1 || (shape.size() == 1 && shape[0] != 1))
    return emitOptionalError(location, what, " must hold one value, got ",
                             formatShape(shape));
  return success();
}

FailureOr<int64_t> getShapeOperandLength(Operation *op, Value shape,
                                         StringRef what) {
  auto type = cast<RankedTensorType>(shape.getType());
  if (type.getRank() != 1 || type.isDynamicDim(0))
    return op->emitOpError()
           << what << " must be 1-D with a static length, got "
           << formatShape(type.getShape());
  return type.getDimSize(0);
}

LogicalResult verifyShapeOperand(Operation *op, Value shape, int64_t rank,
                                 StringRef what) {
  FailureOr<int64_t> length = getShapeOperandLength(op, shape, what);
  if (failed(length))
    return failure();
  if (*length != rank)
    return op->emitOpError() << what << " has " << *length
                             << " entries but the result has rank " << rank;
  return success();
}

LogicalResult verifyAxes(std::optional<Location> location,
                         ArrayRef<int64_t> axes, int64_t rank,
                         StringRef what) {
  for (auto [i, axis] : llvm::enumerate(axes)) {
    if (failed(verifyAxis(location, axis, rank, what)))
      return failure();
    if (i > 0 && axes[i - 1] >= axis)
      return emitOptionalError(location, what,
                               " must be strictly increasing, got [", axes,
                               "]");
  }
  return success();
}

LogicalResult
inferReducedShape(std::optional<Location> location, ArrayRef<int64_t> shape,
                  ArrayRef<int64_t> axes, bool keepDims,
                  SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  if (failed(verifyAxes(location, axes, shape.size())))
    return failure();
  SmallVector<int64_t> result;
  for (auto [dim, extent] : llvm::enumerate(shape)) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(dim)))
      result.push_back(extent);
    else if (keepDims)
      result.push_back(1);
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult inferDynamicReducedShape(
    std::optional<Location> location, ArrayRef<int64_t> shape,
    ShapedType axesType, bool keepDims,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  int64_t rank = shape.size();
  if (axesType.getRank() != 1 || axesType.isDynamicDim(0) ||
      axesType.getDimSize(0) < 1 || axesType.getDimSize(0) > rank)
    return emitOptionalError(location, "run-time axes must be 1-D with a "
                                       "static length in [1, ",
                             rank, "], got ",
                             formatShape(axesType.getShape()));
  if (!keepDims) {
    inferredShapes.emplace_back(SmallVector<int64_t>(
        rank - axesType.getDimSize(0), ShapedType::kDynamic));
    return success();
  }
  SmallVector<int64_t> result;
  for (int64_t extent : shape)
    result.push_back(extent == 1 ? 1 : ShapedType::kDynamic);
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult verifySpatialInputRank(std::optional<Location> location,
                                     StringRef op, ArrayRef<int64_t> input) {
  if (input.size() < 3 || input.size() > 5)
    return emitOptionalError(location, op, " input must have rank 3 to 5, got ",
                             input.size());
  return success();
}

LogicalResult verifyKernelShape(std::optional<Location> location,
                                int64_t spatialRank,
                                ArrayRef<int64_t> kernelShape) {
  if (static_cast<int64_t>(kernelShape.size()) != spatialRank)
    return emitOptionalError(location, "kernel_shape has ", kernelShape.size(),
                             " entries, expected ", spatialRank);
  if (llvm::any_of(kernelShape, [](int64_t k) { return k <= 0; }))
    return emitOptionalError(location, "kernel_shape must be positive, got [",
                             kernelShape, "]");
  return success();
}

LogicalResult verifyWindowAttributes(std::optional<Location> location,
                                     int64_t spatialRank,
                                     ArrayRef<int64_t> strides,
                                     ArrayRef<int64_t> dilations,
                                     ArrayRef<int64_t> pads) {
  auto checkPositive = [&](ArrayRef<int64_t> values, StringRef name,
                           size_t count, bool allowZero) -> LogicalResult {
    if (values.size() != count)
      return emitOptionalError(location, name, " has ", values.size(),
                               " entries, expected ", count);
    for (int64_t value : values)
      if (value < 0 || (value == 0 && !allowZero))
        return emitOptionalError(location, name, " must be ",
                                 allowZero ? "non-negative" : "positive",
                                 ", got [", values, "]");
    return success();
  };
  if (failed(checkPositive(strides, "strides", spatialRank, false)) ||
      failed(checkPositive(dilations, "dilations", spatialRank, false)) ||
      failed(checkPositive(pads, "pads", 2 * spatialRank, true)))
    return failure();
  return success();
}

int64_t getWindowedExtent(int64_t input, int64_t kernel, int64_t stride,
                          int64_t dilation, int64_t padBegin, int64_t padEnd,
                          bool ceilMode) {
  if (ShapedType::isDynamic(input) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  int64_t span = dilation * (kernel - 1) + 1;
  int64_t padded = input + padBegin + padEnd;
  if (padded < span)
    return -1;
  int64_t positions = (padded - span) / stride + 1;
  // ONNX ceil_mode: a last partial window counts if it starts inside the
  // input or its begin padding.
  if (ceilMode && (padded - span) % stride != 0 &&
      (positions)*stride < input + padBegin)
    ++positions;
  return positions;
}

IntegerType getStoredIntegerType(quant::QuantizedType quantized) {
  return IntegerType::get(quantized.getContext(),
                          quantized.getStorageTypeIntegralWidth(),
                          quantized.isSigned() ? IntegerType::Signless
                                               : IntegerType::Unsigned);
}

Type getExpressedElementType(Type elementType) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(elementType))
    return quantized.getExpressedType();
  return elementType;
}

SmallVector<int32_t> getQuantizedDimensions(Type elementType) {
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(elementType))
    return {perAxis.getQuantizedDimension()};
  if (auto subChannel =
          dyn_cast<quant::UniformQuantizedSubChannelType>(elementType))
    return llvm::to_vector(subChannel.getQuantizedDimensions());
  return {};
}

} // namespace mlir::kiln
