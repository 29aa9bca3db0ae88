//===- KilnNNOps.cpp - contractions, pooling, normalization ---------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::kiln;

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

/// Checks the element type of a contraction's additive operand (the bias of
/// a convolution, `C` of a gemm): the operands' float type for float
/// contractions, otherwise i32 or a quantized type stored in i32.
/// - name: how the message names the additive operand.
LogicalResult verifyBiasElementType(Operation *op, Value bias, Value operand,
                                    StringRef name) {
  Type biasElement = getElementTypeOrSelf(bias.getType());
  Type operandElement = getElementTypeOrSelf(operand.getType());
  bool isFloat = isa<FloatType>(operandElement);
  bool valid = isFloat ? biasElement == operandElement
                       : biasElement.isSignlessInteger(32) ||
                             (isa<quant::QuantizedType>(biasElement) &&
                              cast<quant::QuantizedType>(biasElement)
                                  .getStorageType()
                                  .isSignlessInteger(32));
  if (!valid)
    return op->emitOpError()
           << name << " element type " << biasElement << " must be "
           << (isFloat ? "the input's" : "i32-based");
  return success();
}

/// Checks a contraction's element types: its multiplied operands against the
/// result, then its optional additive operand `bias` (named `biasName`).
LogicalResult verifyContraction(Operation *op, Value lhs, Value rhs,
                                Value bias, StringRef biasName) {
  if (failed(verifyContractionElementTypes(op, {lhs, rhs},
                                           op->getResult(0).getType())))
    return failure();
  if (!bias)
    return success();
  return verifyBiasElementType(op, bias, lhs, biasName);
}

/// Checks that `epsilon` (of a normalization) is positive.
LogicalResult verifyEpsilon(std::optional<Location> location,
                            const APFloat &epsilon) {
  if (!(epsilon.convertToDouble() > 0.0))
    return emitOptionalError(location, "epsilon must be positive, got ",
                             epsilon.convertToDouble());
  return success();
}

/// Checks that a channel parameter (scale, bias, mean, variance) is 1-D with
/// `channels` elements (dynamic extents match anything).
LogicalResult verifyChannelParameter(std::optional<Location> location,
                                     StringRef name, Value value,
                                     int64_t channels) {
  ArrayRef<int64_t> shape = getShape(value);
  if (shape.size() != 1 ||
      (!ShapedType::isDynamic(shape[0]) && !ShapedType::isDynamic(channels) &&
       shape[0] != channels))
    return emitOptionalError(location, name, " must have shape ",
                             formatShape(channels), ", got ",
                             formatShape(shape));
  return success();
}

/// Whether `from` broadcasts unidirectionally to `to` (ONNX): `from` has at
/// most the rank of `to` and, aligned at the trailing dimension, every
/// extent of `from` is 1 or equal to that of `to`. Dynamic extents match.
bool isUnidirectionallyBroadcastable(ArrayRef<int64_t> from,
                                     ArrayRef<int64_t> to) {
  if (from.size() > to.size())
    return false;
  ArrayRef<int64_t> aligned = to.take_back(from.size());
  for (auto [f, t] : llvm::zip_equal(from, aligned))
    if (f != 1 && !ShapedType::isDynamic(f) && !ShapedType::isDynamic(t) &&
        f != t)
      return false;
  return true;
}

/// Infers the result shape of a max or average pooling of `input`
/// (`[N, C, D...]`) and checks the window attributes.
LogicalResult inferPoolShape(std::optional<Location> location, StringRef op,
                             ArrayRef<int64_t> input,
                             ArrayRef<int64_t> kernelShape,
                             ArrayRef<int64_t> strides,
                             ArrayRef<int64_t> dilations,
                             ArrayRef<int64_t> pads, bool ceilMode,
                             SmallVectorImpl<ShapedTypeComponents> &inferred) {
  if (failed(verifySpatialInputRank(location, op, input)))
    return failure();
  int64_t spatialRank = input.size() - 2;
  if (failed(verifyKernelShape(location, spatialRank, kernelShape)) ||
      failed(verifyWindowAttributes(location, spatialRank, strides, dilations,
                                    pads)))
    return failure();
  SmallVector<int64_t> result = {input[0], input[1]};
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t extent = getWindowedExtent(input[i + 2], kernelShape[i], strides[i],
                                       dilations[i], pads[i],
                                       pads[spatialRank + i], ceilMode);
    if (extent < 0 && !ShapedType::isDynamic(extent))
      return emitOptionalError(location, "kernel extent ", kernelShape[i],
                               " (dilated) exceeds padded input extent in "
                               "spatial dimension ",
                               i);
    result.push_back(extent);
  }
  inferred.emplace_back(result);
  return success();
}

/// Infers the result shape `[N, C, 1, .., 1]` of a global pooling of
/// `input` (`[N, C, D...]`).
LogicalResult
inferGlobalPoolShape(std::optional<Location> location, ArrayRef<int64_t> input,
                     SmallVectorImpl<ShapedTypeComponents> &inferred) {
  if (input.size() < 3)
    return emitOptionalError(location,
                             "global pooling input must have rank >= 3, got ",
                             input.size());
  SmallVector<int64_t> result(input.size(), 1);
  result[0] = input[0];
  result[1] = input[1];
  inferred.emplace_back(result);
  return success();
}

/// Infers the shape of a softmax-like op: checks `axis` and returns the
/// input shape.
LogicalResult
inferAxisPreservingShape(std::optional<Location> location,
                         ArrayRef<int64_t> input, int64_t axis,
                         SmallVectorImpl<ShapedTypeComponents> &inferred) {
  if (failed(verifyAxis(location, axis, input.size())))
    return failure();
  inferred.emplace_back(input);
  return success();
}

/// Checks that the element type of `value` is not quantized per axis (or
/// per block) along a dimension other than 0: ops that rearrange the
/// channel and spatial dimensions would break such a quantization.
LogicalResult verifyQuantizedOnlyAlongBatch(Operation *op, Value value,
                                            StringRef what) {
  for (int32_t dim :
       getQuantizedDimensions(getElementTypeOrSelf(value.getType())))
    if (dim != 0)
      return op->emitOpError()
             << what << " is quantized along dimension " << dim
             << ", which the op rearranges; only dimension 0 is allowed";
  return success();
}

} // namespace

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnNNOps.cpp.inc"

void KilnDialect::registerNNOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnNNOps.cpp.inc"
      >();
}

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
  if (failed(verifyWindowAttributes(location, spatialRank, adaptor.getStrides(),
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
  return verifyContraction(*this, getInput(), getWeight(), getBias(), "bias");
}

//===----------------------------------------------------------------------===//
// BatchNormOp
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  if (input.size() < 2)
    return emitOptionalError(location,
                             "batch_norm input must have rank >= 2, "
                             "got ",
                             input.size());
  if (failed(verifyEpsilon(location, adaptor.getEpsilon())))
    return failure();
  StringRef names[] = {"scale", "bias", "mean", "variance"};
  Value values[] = {adaptor.getScale(), adaptor.getBias(), adaptor.getMean(),
                    adaptor.getVariance()};
  for (auto [name, value] : llvm::zip_equal(names, values))
    if (failed(verifyChannelParameter(location, name, value, input[1])))
      return failure();
  inferredShapes.emplace_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// ConvTransposeOp
//===----------------------------------------------------------------------===//

LogicalResult ConvTransposeOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> weight = getShape(adaptor.getWeight());
  if (failed(verifySpatialInputRank(location, "conv_transpose", input)))
    return failure();
  if (weight.size() != input.size())
    return emitOptionalError(location, "conv_transpose weight has rank ",
                             weight.size(), " but the input has rank ",
                             input.size());
  int64_t spatialRank = input.size() - 2;
  int64_t group = adaptor.getGroup();
  if (group < 1)
    return emitOptionalError(location, "group must be positive, got ", group);
  ArrayRef<int64_t> strides = adaptor.getStrides();
  ArrayRef<int64_t> dilations = adaptor.getDilations();
  ArrayRef<int64_t> pads = adaptor.getPads();
  ArrayRef<int64_t> outputPadding = adaptor.getOutputPadding();
  if (failed(verifyWindowAttributes(location, spatialRank, strides, dilations,
                                    pads)))
    return failure();
  if (static_cast<int64_t>(outputPadding.size()) != spatialRank)
    return emitOptionalError(location, "output_padding has ",
                             outputPadding.size(), " entries, expected ",
                             spatialRank);
  for (int64_t i = 0; i < spatialRank; ++i)
    if (outputPadding[i] < 0 ||
        (outputPadding[i] >= strides[i] && outputPadding[i] >= dilations[i]))
      return emitOptionalError(
          location, "output_padding[", i, "] = ", outputPadding[i],
          " must be non-negative and smaller than the stride (", strides[i],
          ") or the dilation (", dilations[i], ")");
  int64_t channels = input[1];
  if (!ShapedType::isDynamic(channels) && !ShapedType::isDynamic(weight[0]) &&
      channels != weight[0])
    return emitOptionalError(location, "input has ", channels,
                             " channels but weight has ", weight[0],
                             " input channels");
  if (ShapedType::isDynamic(channels))
    channels = weight[0];
  if (!ShapedType::isDynamic(channels) && channels % group != 0)
    return emitOptionalError(location, "input channels ", channels,
                             " are not a multiple of group ", group);
  int64_t outChannels = ShapedType::isDynamic(weight[1]) ? ShapedType::kDynamic
                                                         : weight[1] * group;
  if (Value bias = adaptor.getBias())
    if (failed(verifyChannelParameter(location, "bias", bias, outChannels)))
      return failure();
  SmallVector<int64_t> result = {input[0], outChannels};
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t in = input[i + 2], kernel = weight[i + 2];
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(kernel)) {
      result.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t extent = strides[i] * (in - 1) + outputPadding[i] +
                     (kernel - 1) * dilations[i] + 1 - pads[i] -
                     pads[spatialRank + i];
    if (extent <= 0)
      return emitOptionalError(location, "output extent ", extent,
                               " in spatial dimension ", i,
                               " is not positive (pads crop too much)");
    result.push_back(extent);
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult ConvTransposeOp::verify() {
  return verifyContraction(*this, getInput(), getWeight(), getBias(), "bias");
}

//===----------------------------------------------------------------------===//
// GemmOp
//===----------------------------------------------------------------------===//

LogicalResult GemmOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> a = getShape(adaptor.getA());
  ArrayRef<int64_t> b = getShape(adaptor.getB());
  if (a.size() != 2 || b.size() != 2)
    return emitOptionalError(location, "gemm operands must be 2-D, got A ",
                             formatShape(a), " and B ", formatShape(b));
  bool transA = adaptor.getTransA(), transB = adaptor.getTransB();
  int64_t m = transA ? a[1] : a[0], aK = transA ? a[0] : a[1];
  int64_t bK = transB ? b[1] : b[0], n = transB ? b[0] : b[1];
  if (!ShapedType::isDynamic(aK) && !ShapedType::isDynamic(bK) && aK != bK)
    return emitOptionalError(location, "contracted dimensions differ: A ",
                             formatShape(a), transA ? " (transposed)" : "",
                             " has K = ", aK, ", B ", formatShape(b),
                             transB ? " (transposed)" : "", " has K = ", bK);
  SmallVector<int64_t> result = {m, n};
  if (Value c = adaptor.getC()) {
    ArrayRef<int64_t> cShape = getShape(c);
    if (!isUnidirectionallyBroadcastable(cShape, result))
      return emitOptionalError(location, "C of shape ", formatShape(cShape),
                               " does not broadcast unidirectionally to ",
                               formatShape(result));
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult GemmOp::verify() {
  return verifyContraction(*this, getA(), getB(), getC(), "C");
}

//===----------------------------------------------------------------------===//
// MaxPoolOp, MaxPoolWithIndicesOp, AveragePoolOp
//===----------------------------------------------------------------------===//

LogicalResult MaxPoolOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  return inferPoolShape(location, "max_pool", getShape(adaptor.getInput()),
                        adaptor.getKernelShape(), adaptor.getStrides(),
                        adaptor.getDilations(), adaptor.getPads(),
                        adaptor.getCeilMode(), inferredShapes);
}

LogicalResult MaxPoolWithIndicesOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  if (failed(inferPoolShape(location, "max_pool_with_indices",
                            getShape(adaptor.getInput()),
                            adaptor.getKernelShape(), adaptor.getStrides(),
                            adaptor.getDilations(), adaptor.getPads(),
                            adaptor.getCeilMode(), inferredShapes)))
    return failure();
  // The indices have the pooled shape too.
  ShapedTypeComponents pooled = inferredShapes.back();
  inferredShapes.push_back(pooled);
  return success();
}

LogicalResult AveragePoolOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  return inferPoolShape(location, "average_pool", getShape(adaptor.getInput()),
                        adaptor.getKernelShape(), adaptor.getStrides(),
                        adaptor.getDilations(), adaptor.getPads(),
                        adaptor.getCeilMode(), inferredShapes);
}

//===----------------------------------------------------------------------===//
// SoftmaxOp, LogSoftmaxOp
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  return inferAxisPreservingShape(location, getShape(adaptor.getInput()),
                                  adaptor.getAxis(), inferredShapes);
}

LogicalResult LogSoftmaxOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  return inferAxisPreservingShape(location, getShape(adaptor.getInput()),
                                  adaptor.getAxis(), inferredShapes);
}

//===----------------------------------------------------------------------===//
// LayerNormOp
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  int64_t axis = adaptor.getAxis();
  if (failed(verifyAxis(location, axis, input.size())) ||
      failed(verifyEpsilon(location, adaptor.getEpsilon())))
    return failure();
  ArrayRef<int64_t> normalized = input.drop_front(axis);
  StringRef names[] = {"scale", "bias"};
  Value values[] = {adaptor.getScale(), adaptor.getBias()};
  for (auto [name, value] : llvm::zip_equal(names, values)) {
    if (!value)
      continue;
    ArrayRef<int64_t> shape = getShape(value);
    if (!isUnidirectionallyBroadcastable(shape, normalized))
      return emitOptionalError(location, name, " of shape ", formatShape(shape),
                               " does not broadcast unidirectionally to the "
                               "normalized shape ",
                               formatShape(normalized));
  }
  inferredShapes.emplace_back(input);
  return success();
}

LogicalResult LayerNormOp::verify() {
  if (!getBias())
    return success();
  Type bias = getElementTypeOrSelf(getBias().getType());
  Type input = getElementTypeOrSelf(getInput().getType());
  if (bias != input)
    return emitOpError("bias element type ")
           << bias << " must match the input's " << input;
  return success();
}

//===----------------------------------------------------------------------===//
// InstanceNormOp
//===----------------------------------------------------------------------===//

LogicalResult InstanceNormOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  if (input.size() < 3)
    return emitOptionalError(location,
                             "instance_norm input must have rank >= 3, got ",
                             input.size());
  if (failed(verifyEpsilon(location, adaptor.getEpsilon())) ||
      failed(verifyChannelParameter(location, "scale", adaptor.getScale(),
                                    input[1])) ||
      failed(verifyChannelParameter(location, "bias", adaptor.getBias(),
                                    input[1])))
    return failure();
  inferredShapes.emplace_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// LpNormalizationOp
//===----------------------------------------------------------------------===//

LogicalResult LpNormalizationOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  int64_t p = adaptor.getP();
  if (p != 1 && p != 2)
    return emitOptionalError(location, "p must be 1 or 2, got ", p);
  return inferAxisPreservingShape(location, getShape(adaptor.getInput()),
                                  adaptor.getAxis(), inferredShapes);
}

//===----------------------------------------------------------------------===//
// DetOp
//===----------------------------------------------------------------------===//

LogicalResult DetOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  if (input.size() < 2)
    return emitOptionalError(location, "det input must have rank >= 2, got ",
                             input.size());
  int64_t rows = input[input.size() - 2], columns = input.back();
  if (!ShapedType::isDynamic(rows) && !ShapedType::isDynamic(columns) &&
      rows != columns)
    return emitOptionalError(location, "det needs square matrices, got ",
                             formatShape(input));
  inferredShapes.emplace_back(input.drop_back(2));
  return success();
}

//===----------------------------------------------------------------------===//
// DepthToSpaceOp, SpaceToDepthOp
//===----------------------------------------------------------------------===//

namespace {

/// Checks the input (rank 4) and `blocksize` (positive) of depth_to_space and
/// space_to_depth.
LogicalResult verifyBlockRearrangement(std::optional<Location> location,
                                       StringRef op, ArrayRef<int64_t> input,
                                       int64_t blocksize) {
  if (input.size() != 4)
    return emitOptionalError(location, op, " input must have rank 4, got ",
                             input.size());
  if (blocksize < 1)
    return emitOptionalError(location, "blocksize must be positive, got ",
                             blocksize);
  int64_t blockArea;
  if (llvm::MulOverflow(blocksize, blocksize, blockArea))
    return emitOptionalError(location, "blocksize ", blocksize,
                             " is too large (blocksize^2 overflows)");
  return success();
}

/// Returns `extent * factor`, dynamic if `extent` is.
int64_t multiplyExtent(int64_t extent, int64_t factor) {
  return ShapedType::isDynamic(extent) ? extent : extent * factor;
}

/// Returns `extent / divisor`, dynamic if `extent` is.
int64_t divideExtent(int64_t extent, int64_t divisor) {
  return ShapedType::isDynamic(extent) ? extent : extent / divisor;
}

} // namespace

LogicalResult DepthToSpaceOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  int64_t b = adaptor.getBlocksize();
  if (failed(verifyBlockRearrangement(location, "depth_to_space", input, b)))
    return failure();
  if (!ShapedType::isDynamic(input[1]) && input[1] % (b * b) != 0)
    return emitOptionalError(location, "input channels ", input[1],
                             " are not a multiple of blocksize^2 = ", b * b);
  inferredShapes.emplace_back(SmallVector<int64_t>{
      input[0], divideExtent(input[1], b * b), multiplyExtent(input[2], b),
      multiplyExtent(input[3], b)});
  return success();
}

LogicalResult DepthToSpaceOp::verify() {
  if (failed(verifyQuantizedOnlyAlongBatch(*this, getInput(), "input")))
    return failure();
  return success();
}

OpFoldResult DepthToSpaceOp::fold(FoldAdaptor) {
  if (getBlocksize() == 1 && getInput().getType() == getOutput().getType())
    return getInput();
  return {};
}

LogicalResult SpaceToDepthOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  int64_t b = adaptor.getBlocksize();
  if (failed(verifyBlockRearrangement(location, "space_to_depth", input, b)))
    return failure();
  for (int64_t dim : {2, 3})
    if (!ShapedType::isDynamic(input[dim]) && input[dim] % b != 0)
      return emitOptionalError(location, "input extent ", input[dim],
                               " of dimension ", dim,
                               " is not a multiple of blocksize ", b);
  inferredShapes.emplace_back(SmallVector<int64_t>{
      input[0], multiplyExtent(input[1], b * b), divideExtent(input[2], b),
      divideExtent(input[3], b)});
  return success();
}

LogicalResult SpaceToDepthOp::verify() {
  if (failed(verifyQuantizedOnlyAlongBatch(*this, getInput(), "input")))
    return failure();
  return success();
}

OpFoldResult SpaceToDepthOp::fold(FoldAdaptor) {
  if (getBlocksize() == 1 && getInput().getType() == getOutput().getType())
    return getInput();
  return {};
}
