//===- FloatQuantization.cpp - float 8 casts, QuantizeLinear, Dequantize --===//
//
// ONNX's float 8 types (opset 19 on) are plain MLIR float element types, not
// `!quant.uniform` storage (MLIR's quantized types store integers only), so
// QuantizeLinear / DequantizeLinear with float 8 data are float arithmetic
// on kiln ops around a kiln.cast.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

#include "dialects/Kiln/KilnConstantFolding.h"

namespace mlir::kiln::onnx_import {

namespace {

/// Whether `value` is a constant whose elements are all zero.
bool isZeroConstant(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant)
    return false;
  FailureOr<SmallVector<double>> values = readFloatElements(constant.getValue());
  return succeeded(values) &&
         llvm::all_of(*values, [](double element) { return element == 0.0; });
}

/// The scale and zero point of a float 8 QuantizeLinear / DequantizeLinear
/// (inputs 1 and 2), per tensor or per axis; a zero point of zeros is
/// dropped.
FailureOr<RuntimeQuantParams> bindFloat8Params(NodeBinder &binder,
                                               int64_t rank) {
  if (binder.getInt("block_size", 0) != 0) {
    binder.emitError() << "blocked quantization with float 8 data is not "
                          "supported";
    return failure();
  }
  FailureOr<RuntimeQuantParams> params =
      bindRuntimeQuantParams(binder, 1, 2, rank);
  if (failed(params))
    return failure();
  if (params->zeroPoint && isZeroConstant(params->zeroPoint))
    params->zeroPoint = Value();
  return params;
}

template <typename OpTy>
FailureOr<Value> createBinary(NodeBinder &binder, Value lhs, Value rhs) {
  FailureOr<OpTy> op = binder.create<OpTy>(
      {getElementTypeOrSelf(lhs.getType())}, lhs, rhs);
  if (failed(op))
    return failure();
  return Value(*op);
}

/// `value` converted to `element` without saturation, or `value` itself if
/// it has that element type.
Value convertTo(NodeBinder &binder, Value value, Type element) {
  if (getTensorType(value).getElementType() == element)
    return value;
  return buildCast(binder, value, element, /*saturate=*/false);
}

/// Whether `element` is a float type of at most 8 bits (FP8, FP6, FP4).
bool isSmallFloat(Type element) {
  auto floatType = dyn_cast<FloatType>(element);
  return floatType && floatType.getWidth() <= 8;
}

} // namespace

Value buildCast(NodeBinder &binder, Value value, Type element, bool saturate) {
  OpBuilder &builder = binder.getBuilder();
  RankedTensorType type = getTensorType(value);
  saturate = saturate && isSmallFloat(element) &&
             !isa<Float8E8M0FNUType>(element);
  // Integers reach the float 8 range exactly through f32.
  if (saturate && !isa<FloatType>(type.getElementType()))
    value = CastOp::create(builder, binder.getLoc(),
                           type.clone(builder.getF32Type()), value);
  return CastOp::create(builder, binder.getLoc(), type.clone(element), value,
                        saturate);
}

FailureOr<Value> buildFloat8Quantize(NodeBinder &binder, Value input,
                                     Type storage) {
  RankedTensorType type = getTensorType(input);
  Type expressed = type.getElementType();
  if (!isa<FloatType>(expressed)) {
    binder.emitError() << "quantizing " << expressed << " to " << storage
                       << " is not supported; the input must be a float "
                          "tensor";
    return failure();
  }
  FailureOr<RuntimeQuantParams> params = bindFloat8Params(binder, type.getRank());
  if (failed(params))
    return failure();
  // y = convert(x / scale + zero_point), saturating unless saturate = 0.
  FailureOr<Value> scaled = createBinary<DivOp>(
      binder, input, convertTo(binder, params->scale, expressed));
  if (failed(scaled))
    return failure();
  if (params->zeroPoint) {
    scaled = createBinary<AddOp>(
        binder, *scaled,
        convertTo(binder, params->zeroPoint, expressed));
    if (failed(scaled))
      return failure();
  }
  return buildCast(binder, *scaled, storage,
                   binder.getInt("saturate", 1) != 0);
}

FailureOr<Value> buildFloat8Dequantize(NodeBinder &binder, Value stored) {
  FailureOr<RuntimeQuantParams> params =
      bindFloat8Params(binder, getTensorType(stored).getRank());
  if (failed(params))
    return failure();
  // y = (x - zero_point) * scale in the scale's type.
  return buildRuntimeDequantize(binder, stored, *params);
}

} // namespace mlir::kiln::onnx_import
