//===- KilnNNOps.cpp - contractions, pooling, normalization ---------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnNNOps.cpp.inc"

void KilnDialect::registerNNOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnNNOps.cpp.inc"
      >();
}

namespace {

/// Checks the element types of a contraction (matmul, gemm, conv): all float
/// and equal; integer operands with an i32 result; or quantized operands
/// with a quantized or i32 result.
/// - operands: the multiplied operands (not the bias).
LogicalResult verifyContractionElementTypes(Operation *op, ValueRange operands,
                                            Type result) {
  Type resultElement = getElementTypeOrSelf(result);
  Type first = getElementTypeOrSelf(operands.front().getType());
  if (isa<FloatType>(first)) {
    for (Value operand : operands)
      if (getElementTypeOrSelf(operand.getType()) != first)
        return op->emitOpError("float operands must share one element type, "
                               "got ")
               << first << " and " << getElementTypeOrSelf(operand.getType());
    if (resultElement != first)
      return op->emitOpError("result element type ")
             << resultElement << " must match the operands' " << first;
    return success();
  }
  bool quantized = isa<quant::QuantizedType>(first);
  for (Value operand : operands) {
    Type element = getElementTypeOrSelf(operand.getType());
    if (quantized ? !isa<quant::QuantizedType>(element)
                  : !isa<IntegerType>(element))
      return op->emitOpError("operands must be all float, all integer or all "
                             "quantized, got ")
             << first << " and " << element;
  }
  bool resultIsI32 = resultElement.isSignlessInteger(32);
  if (!resultIsI32 && !(quantized && isa<quant::QuantizedType>(resultElement)))
    return op->emitOpError("result element type must be i32")
           << (quantized ? " or quantized" : "") << ", got " << resultElement;
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

LogicalResult MatMulOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> lhs = getShape(adaptor.getLhs());
  ArrayRef<int64_t> rhs = getShape(adaptor.getRhs());
  if (lhs.empty() || rhs.empty())
    return emitOptionalError(location, "matmul operands must not be scalars");
  // Promote 1-D operands to matrices; the promoted dimension is dropped again.
  SmallVector<int64_t> lhsMatrix(lhs), rhsMatrix(rhs);
  if (lhs.size() == 1)
    lhsMatrix.insert(lhsMatrix.begin(), 1);
  if (rhs.size() == 1)
    rhsMatrix.push_back(1);
  int64_t lhsK = lhsMatrix.back(), rhsK = rhsMatrix[rhsMatrix.size() - 2];
  if (!ShapedType::isDynamic(lhsK) && !ShapedType::isDynamic(rhsK) &&
      lhsK != rhsK)
    return emitOptionalError(location, "contracted dimensions differ: lhs ",
                             formatShape(lhs), " has K = ", lhsK, ", rhs ",
                             formatShape(rhs), " has K = ", rhsK);
  SmallVector<int64_t> batch;
  ArrayRef<int64_t> lhsBatch = ArrayRef(lhsMatrix).drop_back(2);
  ArrayRef<int64_t> rhsBatch = ArrayRef(rhsMatrix).drop_back(2);
  if (!mlir::OpTrait::util::getBroadcastedShape(lhsBatch, rhsBatch, batch))
    return emitOptionalError(location, "batch dimensions ",
                             formatShape(lhsBatch), " and ",
                             formatShape(rhsBatch), " do not broadcast");
  if (lhs.size() > 1)
    batch.push_back(lhsMatrix[lhsMatrix.size() - 2]);
  if (rhs.size() > 1)
    batch.push_back(rhsMatrix.back());
  inferredShapes.emplace_back(batch);
  return success();
}

LogicalResult MatMulOp::verify() {
  return verifyContractionElementTypes(*this, {getLhs(), getRhs()},
                                       getOutput().getType());
}

//===----------------------------------------------------------------------===//
// ConvOp
//===----------------------------------------------------------------------===//

LogicalResult ConvOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> weight = getShape(adaptor.getWeight());
  if (input.size() < 3 || input.size() > 5)
    return emitOptionalError(location, "conv input must have rank 3 to 5, got ",
                             input.size());
  if (weight.size() != input.size())
    return emitOptionalError(location, "conv weight has rank ", weight.size(),
                             " but the input has rank ", input.size());
  int64_t spatialRank = input.size() - 2;
  int64_t group = adaptor.getGroup();
  if (group < 1)
    return emitOptionalError(location, "group must be positive, got ", group);
  if (failed(verifyWindowAttributes(location, spatialRank,
                                    adaptor.getStrides(),
                                    adaptor.getDilations(), adaptor.getPads())))
    return failure();
  int64_t channels = input[1], outChannels = weight[0];
  if (!ShapedType::isDynamic(channels) && !ShapedType::isDynamic(weight[1]) &&
      channels != group * weight[1])
    return emitOptionalError(location, "input has ", channels,
                             " channels but weight expects group (", group,
                             ") x ", weight[1]);
  if (!ShapedType::isDynamic(outChannels) && outChannels % group != 0)
    return emitOptionalError(location, "output channels ", outChannels,
                             " are not a multiple of group ", group);
  if (Value bias = adaptor.getBias()) {
    ArrayRef<int64_t> biasShape = getShape(bias);
    if (biasShape.size() != 1 ||
        (!ShapedType::isDynamic(biasShape[0]) &&
         !ShapedType::isDynamic(outChannels) && biasShape[0] != outChannels))
      return emitOptionalError(location, "bias must have shape ", outChannels,
                               ", got ", formatShape(biasShape));
  }
  SmallVector<int64_t> result = {input[0], outChannels};
  ArrayRef<int64_t> pads = adaptor.getPads();
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t extent = getWindowedExtent(
        input[i + 2], weight[i + 2], adaptor.getStrides()[i],
        adaptor.getDilations()[i], pads[i], pads[spatialRank + i]);
    if (extent < 0 && !ShapedType::isDynamic(extent))
      return emitOptionalError(location, "kernel extent ", weight[i + 2],
                               " (dilated) exceeds padded input extent in "
                               "spatial dimension ",
                               i);
    result.push_back(extent);
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult ConvOp::verify() {
  if (failed(verifyContractionElementTypes(*this, {getInput(), getWeight()},
                                           getOutput().getType())))
    return failure();
  if (!getBias())
    return success();
  Type bias = getElementTypeOrSelf(getBias().getType());
  Type input = getElementTypeOrSelf(getInput().getType());
  if (isa<FloatType>(input) ? bias != input
                            : !(bias.isSignlessInteger(32) ||
                                (isa<quant::QuantizedType>(bias) &&
                                 cast<quant::QuantizedType>(bias)
                                     .getStorageType()
                                     .isSignlessInteger(32))))
    return emitOpError("bias element type ")
           << bias << " must be " << (isa<FloatType>(input) ? "the input's" : "i32-based");
  return success();
}

//===----------------------------------------------------------------------===//
// BatchNormOp
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  if (input.size() < 2)
    return emitOptionalError(location, "batch_norm input must have rank >= 2, "
                                       "got ",
                             input.size());
  if (adaptor.getEpsilon().convertToDouble() <= 0.0)
    return emitOptionalError(location, "epsilon must be positive");
  for (auto [name, value] :
       llvm::zip(ArrayRef<StringRef>{"scale", "bias", "mean", "variance"},
                 ValueRange{adaptor.getScale(), adaptor.getBias(),
                            adaptor.getMean(), adaptor.getVariance()})) {
    ArrayRef<int64_t> shape = getShape(value);
    if (shape.size() != 1 ||
        (!ShapedType::isDynamic(shape[0]) &&
         !ShapedType::isDynamic(input[1]) && shape[0] != input[1]))
      return emitOptionalError(location, name, " must have shape ",
                               formatShape(input[1]), ", got ",
                               formatShape(shape));
  }
  inferredShapes.emplace_back(input);
  return success();
}
