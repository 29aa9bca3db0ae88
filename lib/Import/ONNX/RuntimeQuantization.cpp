//===- RuntimeQuantization.cpp - quantization with run-time parameters ----===//
//
// QuantizeLinear, DequantizeLinear, QLinearConv/MatMul and ConvInteger /
// MatMulInteger whose scales or zero points are computed at run time, as
// float and integer arithmetic on kiln ops (constant parameters import as
// `!quant.uniform` types instead).
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

namespace mlir::kiln::onnx_import {

namespace {

/// Converts `value` to element type `element` (a no-op if it has it).
Value castElements(NodeBinder &binder, Value value, Type element) {
  RankedTensorType type = getTensorType(value);
  if (type.getElementType() == element)
    return value;
  if (auto quantized = dyn_cast<quant::QuantizedType>(type.getElementType()))
    value = StorageCastOp::create(
        binder.getBuilder(), binder.getLoc(),
        type.clone(getStoredIntegerType(quantized)), value);
  return CastOp::create(binder.getBuilder(), binder.getLoc(),
                        type.clone(element), value);
}

template <typename OpTy>
FailureOr<Value> createBinary(NodeBinder &binder, Value lhs, Value rhs) {
  FailureOr<OpTy> op = binder.create<OpTy>(
      {getElementTypeOrSelf(lhs.getType())}, lhs, rhs);
  if (failed(op))
    return failure();
  return Value(*op);
}

} // namespace

Value alignAlongAxis(NodeBinder &binder, Value parameter, int64_t rank,
                     int64_t axis) {
  if (!parameter)
    return parameter;
  RankedTensorType type = getTensorType(parameter);
  if (type.getRank() != 1 || type.getDimSize(0) == 1)
    return parameter;
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = type.getDimSize(0);
  return ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                           type.clone(shape), parameter, Value(),
                           /*allow_zero=*/false);
}

bool hasRuntimeInput(NodeBinder &binder, ArrayRef<unsigned> indices) {
  return llvm::any_of(indices, [&](unsigned index) {
    return isRuntimeValue(binder.getOptionalInput(index));
  });
}

FailureOr<RuntimeQuantParams>
bindRuntimeQuantParams(NodeBinder &binder, unsigned scaleIndex,
                       unsigned zeroPointIndex, int64_t rank,
                       std::optional<int64_t> axis) {
  Value scale = binder.getInput(scaleIndex);
  Value zeroPoint = binder.getOptionalInput(zeroPointIndex);
  if (!scale)
    return failure();
  if (binder.getInt("block_size", 0) != 0) {
    binder.emitError() << "blocked quantization needs constant scales and "
                          "zero points";
    return failure();
  }
  RankedTensorType scaleType = getTensorType(scale);
  if (!isa<FloatType>(scaleType.getElementType()) ||
      scaleType.getRank() > 1 ||
      (zeroPoint && getTensorType(zeroPoint).getShape() !=
                        scaleType.getShape())) {
    binder.emitError() << "the scale must be a float scalar or 1-D tensor and "
                          "the zero point of its shape, got "
                       << scaleType
                       << (zeroPoint ? " and " : "")
                       << (zeroPoint ? getTensorType(zeroPoint) : Type());
    return failure();
  }
  if (scaleType.getRank() == 0 || scaleType.getDimSize(0) == 1)
    return RuntimeQuantParams{scale, zeroPoint};
  FailureOr<int64_t> channelAxis =
      binder.normalizeAxis(axis ? *axis : binder.getInt("axis", 1), rank);
  if (failed(channelAxis))
    return failure();
  return RuntimeQuantParams{
      alignAlongAxis(binder, scale, rank, *channelAxis),
      alignAlongAxis(binder, zeroPoint, rank, *channelAxis)};
}

FailureOr<Value> buildRuntimeDequantize(NodeBinder &binder, Value stored,
                                        const RuntimeQuantParams &params) {
  Type expressed = getTensorType(params.scale).getElementType();
  Value value = castElements(binder, stored, expressed);
  if (params.zeroPoint) {
    FailureOr<Value> shifted = createBinary<SubOp>(
        binder, value, castElements(binder, params.zeroPoint, expressed));
    if (failed(shifted))
      return failure();
    value = *shifted;
  }
  return createBinary<MulOp>(binder, value, params.scale);
}

FailureOr<Value> buildRuntimeQuantize(NodeBinder &binder, Value value,
                                      const RuntimeQuantParams &params,
                                      IntegerType storage) {
  Type expressed = getTensorType(value).getElementType();
  FailureOr<Value> scaled = createBinary<DivOp>(
      binder, value, castElements(binder, params.scale, expressed));
  if (failed(scaled))
    return failure();
  OpBuilder &builder = binder.getBuilder();
  Value rounded = RoundOp::create(builder, binder.getLoc(),
                                  scaled->getType(), *scaled);
  if (params.zeroPoint) {
    FailureOr<Value> shifted = createBinary<AddOp>(
        binder, rounded, castElements(binder, params.zeroPoint, expressed));
    if (failed(shifted))
      return failure();
    rounded = *shifted;
  }
  bool isSigned = !storage.isUnsigned();
  auto bound = [&](int64_t limit) {
    return builder.getFloatAttr(expressed, static_cast<double>(limit));
  };
  Value saturated = ClipOp::create(
      builder, binder.getLoc(), rounded.getType(), rounded,
      bound(quant::QuantizedType::getDefaultMinimumForInteger(
          isSigned, storage.getWidth())),
      bound(quant::QuantizedType::getDefaultMaximumForInteger(
          isSigned, storage.getWidth())));
  return castElements(binder, saturated, storage);
}

FailureOr<Value> buildRuntimeRequantize(NodeBinder &binder, Value accumulator,
                                        Value inputScale, Value weightScale,
                                        int64_t channelAxis,
                                        const RuntimeQuantParams &result,
                                        IntegerType storage) {
  Type expressed = getTensorType(inputScale).getElementType();
  int64_t rank = getTensorType(accumulator).getRank();
  FailureOr<Value> multiplier = createBinary<MulOp>(
      binder, inputScale,
      alignAlongAxis(binder, castElements(binder, weightScale, expressed),
                     rank, channelAxis));
  if (failed(multiplier))
    return failure();
  FailureOr<Value> real = createBinary<MulOp>(
      binder, castElements(binder, accumulator, expressed), *multiplier);
  if (failed(real))
    return failure();
  return buildRuntimeQuantize(binder, *real, result, storage);
}

FailureOr<DynamicQuantization> buildDynamicQuantize(NodeBinder &binder,
                                                    Value input) {
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (!element.isF32()) {
    binder.emitError() << "expects a float32 input, got " << element;
    return failure();
  }
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  auto scalar = RankedTensorType::get({}, element);
  auto constant = [&](float value) {
    return binder.createConstant(DenseElementsAttr::get(scalar, value));
  };
  SmallVector<int64_t> allAxes =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  FailureOr<ReduceMinOp> low =
      binder.create<ReduceMinOp>({element}, input, allAxes, false, Value());
  FailureOr<ReduceMaxOp> high =
      binder.create<ReduceMaxOp>({element}, input, allAxes, false, Value());
  if (failed(low) || failed(high))
    return failure();
  // The range always includes 0, so that 0 is exactly representable.
  Value zero = constant(0.0f);
  FailureOr<Value> lo = createBinary<MinOp>(binder, *low, zero);
  FailureOr<Value> hi = createBinary<MaxOp>(binder, *high, zero);
  if (failed(lo) || failed(hi))
    return failure();
  FailureOr<Value> range = createBinary<SubOp>(binder, *hi, *lo);
  if (failed(range))
    return failure();
  FailureOr<Value> scale = createBinary<DivOp>(binder, *range, constant(255.0f));
  if (failed(scale))
    return failure();
  FailureOr<Value> shifted = createBinary<DivOp>(binder, *lo, *scale);
  if (failed(shifted))
    return failure();
  Value negated = NegOp::create(builder, loc, scalar, *shifted);
  Value rounded = RoundOp::create(builder, loc, scalar, negated);
  Value saturated =
      ClipOp::create(builder, loc, scalar, rounded,
                     builder.getF32FloatAttr(0.0f),
                     builder.getF32FloatAttr(255.0f));
  auto uint8 = IntegerType::get(binder.getContext(), 8, IntegerType::Unsigned);
  Value zeroPoint = castElements(binder, saturated, uint8);
  RuntimeQuantParams params{*scale, zeroPoint};
  FailureOr<Value> stored = buildRuntimeQuantize(binder, input, params, uint8);
  if (failed(stored))
    return failure();
  return DynamicQuantization{*stored, params};
}

FailureOr<Value> buildZeroPointShift(NodeBinder &binder, Value stored,
                                     Value zeroPoint) {
  Type i32 = binder.getBuilder().getI32Type();
  Value value = castElements(binder, stored, i32);
  if (!zeroPoint)
    return value;
  return createBinary<SubOp>(binder, value,
                             castElements(binder, zeroPoint, i32));
}

LogicalResult bindIntegerOperands(NodeBinder &binder, Value &input,
                                  Value &weight, int64_t inputAxis,
                                  int64_t weightAxis) {
  Value *operands[] = {&input, &weight};
  int64_t axes[] = {inputAxis, weightAxis};
  for (unsigned i = 0; i < 2; ++i) {
    Value zeroPoint = binder.getOptionalInput(i + 2);
    if (!zeroPoint)
      continue;
    if (!isRuntimeValue(zeroPoint)) {
      FailureOr<SmallVector<int64_t>> values =
          binder.getConstantInts(i + 2, "the zero point");
      if (failed(values))
        return failure();
      if (llvm::all_of(*values, [](int64_t v) { return v == 0; }))
        continue;
    }
    RankedTensorType type = getTensorType(*operands[i]);
    RankedTensorType zeroPointType = getTensorType(zeroPoint);
    if (zeroPointType.getRank() > 1) {
      binder.emitError() << "zero point #" << i << " must be a scalar or 1-D, "
                         << "got " << zeroPointType;
      return failure();
    }
    FailureOr<Value> shifted = buildZeroPointShift(
        binder, *operands[i],
        alignAlongAxis(binder, zeroPoint, type.getRank(), axes[i]));
    if (failed(shifted))
      return failure();
    *operands[i] = *shifted;
  }
  return success();
}

} // namespace mlir::kiln::onnx_import
