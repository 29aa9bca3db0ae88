//===- MicrosoftDomain.cpp - com.microsoft quantized ops ------------------===//
//
// The onnxruntime contrib ops that quantized models in the wild carry. Each
// maps onto kiln ops on `!quant.uniform` operands: the quantization
// parameters move into the types, the op itself is the ordinary kiln op.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

#include "dialects/Kiln/KilnConstantFolding.h"

namespace mlir::kiln::onnx_import {

namespace {

/// The quantized type described by y_scale / y_zero_point at `scaleIndex`
/// and `scaleIndex + 1` (the zero point may be omitted: uint8, 0).
FailureOr<quant::QuantizedType> getResultType(NodeBinder &binder,
                                              unsigned scaleIndex) {
  RankedTensorType scale = binder.getInputType(scaleIndex);
  if (!scale)
    return failure();
  Type storage =
      binder.hasInput(scaleIndex + 1)
          ? binder.getInputType(scaleIndex + 1).getElementType()
          : IntegerType::get(binder.getContext(), 8, IntegerType::Unsigned);
  return getQuantizedType(binder, scale, scaleIndex, scaleIndex + 1, storage,
                          scale.getElementType());
}

/// QLinearAdd / QLinearMul: A, A_scale, A_zp, B, B_scale, B_zp, C_scale,
/// C_zp with numpy broadcasting.
template <typename OpTy>
LogicalResult importQLinearBinary(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(7, 8)) || failed(binder.checkNumOutputs(1)))
    return failure();
  FailureOr<Value> lhs = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<Value> rhs = bindQuantizedInput(binder, 3, 4, 5);
  FailureOr<quant::QuantizedType> result = getResultType(binder, 6);
  if (failed(lhs) || failed(rhs) || failed(result))
    return failure();
  return setSingleOutput(binder, binder.create<OpTy>({*result}, *lhs, *rhs));
}

/// QLinearSigmoid / QLinearLeakyRelu: X, X_scale, X_zp, Y_scale, Y_zp.
template <typename OpTy, typename... Extra>
LogicalResult importQLinearUnary(NodeBinder &binder, Extra... extra) {
  if (failed(binder.checkNumInputs(4, 5)) || failed(binder.checkNumOutputs(1)))
    return failure();
  FailureOr<Value> input = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<quant::QuantizedType> result = getResultType(binder, 3);
  if (failed(input) || failed(result))
    return failure();
  binder.setOutput(0, OpTy::create(binder.getBuilder(), binder.getLoc(),
                                   getTensorType(*input).clone(*result),
                                   *input, extra...));
  return success();
}

LogicalResult importQLinearGlobalAveragePool(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(4, 5)) || failed(binder.checkNumOutputs(1)))
    return failure();
  if (binder.getInt("channels_last", 0) != 0) {
    binder.emitError() << "channels_last = 1 is not supported yet";
    return failure();
  }
  FailureOr<Value> input = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<quant::QuantizedType> result = getResultType(binder, 3);
  if (failed(input) || failed(result))
    return failure();
  return setSingleOutput(
      binder, binder.create<GlobalAveragePoolOp>({*result}, *input));
}

/// QLinearConcat: Y_scale, Y_zp, then (X, X_scale, X_zp) per input. Inputs
/// with other parameters are requantized to the result's first.
LogicalResult importQLinearConcat(NodeBinder &binder) {
  unsigned count = binder.getNumInputs();
  if (count < 5 || (count - 2) % 3 != 0) {
    binder.emitError() << "expects Y_scale, Y_zero_point and triples of "
                          "(X, X_scale, X_zero_point), got "
                       << count << " inputs";
    return failure();
  }
  if (failed(binder.checkNumOutputs(1)))
    return failure();
  FailureOr<quant::QuantizedType> result = getResultType(binder, 0);
  if (failed(result))
    return failure();
  SmallVector<Value> inputs;
  for (unsigned i = 2; i < count; i += 3) {
    FailureOr<Value> input = bindQuantizedInput(binder, i, i + 1, i + 2);
    if (failed(input))
      return failure();
    RankedTensorType type = getTensorType(*input);
    Value aligned = *input;
    if (type.getElementType() != *result)
      aligned = RequantizeOp::create(binder.getBuilder(), binder.getLoc(),
                                     type.clone(*result), *input);
    inputs.push_back(aligned);
  }
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", 0), getTensorType(inputs.front()).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(binder,
                         binder.create<ConcatOp>({*result}, inputs, *axis));
}

/// MatMulNBits: A (float) times a 4-bit weight stored transposed as
/// B[N][K / block_size][block_size / 2] (two values per byte, low nibble
/// first), with one scale (and optionally one packed 4-bit zero point, else
/// 8) per block of `block_size` along K:
///   Y = A * transpose(dequantize(W)),  W[n, k] = (q[n, k] - zp) * scale
/// The weight becomes a blocked `!quant.uniform<i4:...>` constant: stored
/// values and zero points are both shifted by -8 into signed 4-bit, which
/// leaves `q - zp` unchanged. (Upstream prints unsigned 4-bit sub-channel
/// zero points >= 8 as negative numbers, so `u4` would not round-trip.)
LogicalResult importMatMulNBits(NodeBinder &binder);

/// Returns `quantized` (a quantized tensor) as its real values.
Value dequantize(NodeBinder &binder, Value quantized) {
  RankedTensorType type = getTensorType(quantized);
  Type expressed =
      cast<quant::QuantizedType>(type.getElementType()).getExpressedType();
  return DequantizeOp::create(binder.getBuilder(), binder.getLoc(),
                              type.clone(expressed), quantized);
}

/// QGemm: A, a_scale, a_zp, B, b_scale, b_zp (per tensor or per column of
/// op(B)), optional C (int32 at scale a_scale * b_scale, zero point 0),
/// optional y_scale and y_zp; alpha, transA, transB. With y_scale the result
/// is quantized (kiln.gemm on quantized operands), without it float (the
/// operands and C dequantized).
LogicalResult importQGemm(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(6, 9)) || failed(binder.checkNumOutputs(1)))
    return failure();
  bool transA = binder.getInt("transA", 0) != 0;
  bool transB = binder.getInt("transB", 0) != 0;
  float alpha = binder.getFloat("alpha", 1.0f);
  FailureOr<Value> a = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<Value> b =
      bindQuantizedInput(binder, 3, 4, 5, /*axis=*/transB ? 0 : 1);
  if (failed(a) || failed(b))
    return failure();
  Value bias = binder.getOptionalInput(6);
  if (binder.hasInput(7)) {
    FailureOr<quant::QuantizedType> result = getResultType(binder, 7);
    if (failed(result))
      return failure();
    return setSingleOutput(
        binder, binder.create<GemmOp>({*result}, *a, *b, bias, transA, transB,
                                      APFloat(alpha), APFloat(1.0f)));
  }
  Value realA = dequantize(binder, *a), realB = dequantize(binder, *b);
  Type expressed = getTensorType(realA).getElementType();
  if (bias) {
    FailureOr<MulOp> scale = binder.create<MulOp>(
        {expressed}, binder.getInput(1), binder.getInput(4));
    if (failed(scale))
      return failure();
    Value realBias =
        CastOp::create(binder.getBuilder(), binder.getLoc(),
                       getTensorType(bias).clone(expressed), bias);
    FailureOr<MulOp> scaled =
        binder.create<MulOp>({expressed}, realBias, *scale);
    if (failed(scaled))
      return failure();
    bias = *scaled;
  }
  return setSingleOutput(
      binder, binder.create<GemmOp>({expressed}, realA, realB, bias, transA,
                                    transB, APFloat(alpha), APFloat(1.0f)));
}

/// DynamicQuantizeMatMul: A (float), B (int8/uint8), b_scale, optional b_zp
/// (per tensor or per column), optional float bias. onnxruntime quantizes A
/// to uint8 with parameters from its values (DynamicQuantizeLinear) and
/// multiplies the integers; in real values that is
///   dequantize(dynamic_quantize(A)) x dequantize(B) + bias,
/// which is how it imports.
LogicalResult importDynamicQuantizeMatMul(NodeBinder &binder) {
  Value a = binder.bindFirstInput(3, 5);
  RankedTensorType bType = binder.getInputType(1);
  if (!a || !bType)
    return failure();
  FailureOr<DynamicQuantization> quantizedA = buildDynamicQuantize(binder, a);
  if (failed(quantizedA))
    return failure();
  FailureOr<Value> realA =
      buildRuntimeDequantize(binder, quantizedA->stored, quantizedA->params);
  if (failed(realA))
    return failure();
  int64_t columnAxis = bType.getRank() - 1;
  FailureOr<Value> realB;
  if (hasRuntimeInput(binder, {2, 3})) {
    FailureOr<RuntimeQuantParams> params =
        bindRuntimeQuantParams(binder, 2, 3, bType.getRank(), columnAxis);
    if (failed(params))
      return failure();
    realB = buildRuntimeDequantize(binder, binder.getInput(1), *params);
  } else {
    FailureOr<Value> b = bindQuantizedInput(binder, 1, 2, 3, columnAxis);
    if (failed(b))
      return failure();
    realB = dequantize(binder, *b);
  }
  if (failed(realB))
    return failure();
  Type element = getTensorType(*realA).getElementType();
  FailureOr<MatMulOp> product = binder.create<MatMulOp>({element}, *realA,
                                                        *realB);
  if (failed(product) || !binder.hasInput(4))
    return setSingleOutput(binder, product);
  return setSingleOutput(binder, binder.create<AddOp>({element}, *product,
                                                      binder.getInput(4)));
}

LogicalResult importMatMulNBits(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 4)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  int64_t k = binder.getInt("K", 0), n = binder.getInt("N", 0);
  int64_t bits = binder.getInt("bits", 4);
  int64_t blockSize = binder.getInt("block_size", 0);
  if (bits != 4 || k <= 0 || n <= 0 || blockSize < 16 ||
      !llvm::isPowerOf2_64(blockSize)) {
    binder.emitError() << "expects bits = 4, positive K and N and a "
                          "power-of-two block_size >= 16, got bits = "
                       << bits << ", K = " << k << ", N = " << n
                       << ", block_size = " << blockSize;
    return failure();
  }
  if (k % blockSize != 0) {
    binder.emitError() << "K = " << k << " must be a multiple of block_size "
                       << blockSize;
    return failure();
  }
  int64_t blocks = k / blockSize;
  FailureOr<SmallVector<int64_t>> packed =
      binder.getConstantInts(1, "the packed weight");
  FailureOr<SmallVector<double>> scales =
      binder.getConstantFloats(2, "the scales");
  if (failed(packed) || failed(scales))
    return failure();
  int64_t bytesPerBlock = blockSize / 2;
  if (static_cast<int64_t>(packed->size()) != n * blocks * bytesPerBlock ||
      static_cast<int64_t>(scales->size()) != n * blocks) {
    binder.emitError() << "weight of " << packed->size() << " bytes and "
                       << scales->size() << " scales do not match N = " << n
                       << ", K = " << k << ", block_size = " << blockSize;
    return failure();
  }
  SmallVector<int64_t> zeroPoints(n * blocks, 8);
  if (binder.hasInput(3)) {
    FailureOr<SmallVector<int64_t>> packedZeroPoints =
        binder.getConstantInts(3, "the zero points");
    if (failed(packedZeroPoints))
      return failure();
    // One row of ceil(blocks / 2) bytes per output column.
    int64_t rowBytes = llvm::divideCeil(blocks, 2);
    if (static_cast<int64_t>(packedZeroPoints->size()) != n * rowBytes) {
      binder.emitError() << "expected " << n * rowBytes
                         << " bytes of packed 4-bit zero points, got "
                         << packedZeroPoints->size();
      return failure();
    }
    for (int64_t row = 0; row < n; ++row)
      for (int64_t block = 0; block < blocks; ++block) {
        int64_t byte = (*packedZeroPoints)[row * rowBytes + block / 2];
        zeroPoints[row * blocks + block] =
            block % 2 == 0 ? byte & 0xF : (byte >> 4) & 0xF;
      }
  }

  MLIRContext *context = binder.getContext();
  OpBuilder &builder = binder.getBuilder();
  Type expressed = getElementTypeOrSelf(binder.getInputType(2));
  auto i4 = IntegerType::get(context, 4);
  // Unpack the stored weight as [N, K] (dropping K's padding to a block).
  SmallVector<APInt> weights;
  for (int64_t row = 0; row < n; ++row)
    for (int64_t column = 0; column < k; ++column) {
      int64_t byte =
          (*packed)[row * blocks * bytesPerBlock + column / 2];
      int64_t stored = column % 2 == 0 ? byte & 0xF : (byte >> 4) & 0xF;
      weights.emplace_back(4, stored - 8, /*isSigned=*/true);
    }
  SmallVector<APInt> zeroPointValues;
  for (int64_t zeroPoint : zeroPoints)
    zeroPointValues.emplace_back(4, zeroPoint - 8, /*isSigned=*/true);
  auto scaleShape = RankedTensorType::get({n, blocks}, expressed);
  auto quantized = quant::UniformQuantizedSubChannelType::getChecked(
      [&] { return binder.emitError(); }, quant::QuantizationFlags::Signed, i4,
      expressed,
      getFloatElements(scaleShape, *scales),
      DenseElementsAttr::get(scaleShape.clone(i4),
                             ArrayRef<APInt>(zeroPointValues)),
      {0, 1}, {1, blockSize}, -8, 7);
  if (!quantized)
    return failure();
  auto storedType = RankedTensorType::get({n, k}, i4);
  Value weight = ConstantOp::create(
      builder, binder.getLoc(), storedType.clone(quantized),
      cast<ElementsAttr>(DenseElementsAttr::get(storedType, weights)));
  Value dequantized = DequantizeOp::create(
      builder, binder.getLoc(), storedType.clone(expressed), weight);
  FailureOr<TransposeOp> transposed = binder.create<TransposeOp>(
      {expressed}, dequantized, ArrayRef<int64_t>{1, 0});
  if (failed(transposed))
    return failure();
  return setSingleOutput(
      binder, binder.create<MatMulOp>({getElementTypeOrSelf(input.getType())},
                                      input, *transposed));
}

} // namespace

void populateMicrosoftDomain(OpTable &table) {
  table.onOp("DynamicQuantizeMatMul", 1, importDynamicQuantizeMatMul,
             kMicrosoftDomain);
  table.onOp("MatMulNBits", 1, importMatMulNBits, kMicrosoftDomain);
  table.onOp("QGemm", 1, importQGemm, kMicrosoftDomain);
  table.onOp("QLinearAdd", 1, importQLinearBinary<AddOp>, kMicrosoftDomain);
  table.onOp("QLinearConcat", 1, importQLinearConcat, kMicrosoftDomain);
  table.onOp("QLinearGlobalAveragePool", 1, importQLinearGlobalAveragePool,
             kMicrosoftDomain);
  table.onOp(
      "QLinearLeakyRelu", 1,
      [](NodeBinder &binder) {
        return importQLinearUnary<LeakyReluOp>(
            binder, APFloat(binder.getFloat("alpha", 0.01f)));
      },
      kMicrosoftDomain);
  table.onOp("QLinearMul", 1, importQLinearBinary<MulOp>, kMicrosoftDomain);
  table.onOp(
      "QLinearSigmoid", 1,
      [](NodeBinder &binder) { return importQLinearUnary<SigmoidOp>(binder); },
      kMicrosoftDomain);
}

} // namespace mlir::kiln::onnx_import
