//===- DefaultDomainGtoP.cpp - ai.onnx ops Gather to Pow ------------------===//

#include "HandlerUtils.h"

namespace mlir::kiln::onnx_import {

namespace {

/// Gather and GatherElements: data, indices and an axis attribute.
template <typename OpTy>
LogicalResult importGatherAlongAxis(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value data = binder.getInput(0), indices = binder.getInput(1);
  if (!data || !indices)
    return failure();
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", 0), getTensorType(data).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(
      binder, binder.create<OpTy>({getElementTypeOrSelf(data.getType())}, data,
                                  indices, *axis));
}

LogicalResult importGatherND(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value data = binder.getInput(0), indices = binder.getInput(1);
  if (!data || !indices)
    return failure();
  return setSingleOutput(
      binder, binder.create<GatherNDOp>({getElementTypeOrSelf(data.getType())},
                                        data, indices,
                                        binder.getInt("batch_dims", 0)));
}

LogicalResult importGemm(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value a = binder.getInput(0), b = binder.getInput(1);
  if (!a || !b)
    return failure();
  return setSingleOutput(
      binder,
      binder.create<GemmOp>(
          {getElementTypeOrSelf(a.getType())}, a, b,
          binder.getOptionalInput(2), binder.getInt("transA", 0) != 0,
          binder.getInt("transB", 0) != 0,
          APFloat(binder.getFloat("alpha", 1.0f)),
          APFloat(binder.getFloat("beta", 1.0f))));
}

template <typename OpTy>
LogicalResult importGlobalPool(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  return setSingleOutput(
      binder,
      binder.create<OpTy>({getElementTypeOrSelf(input.getType())}, input));
}

/// Hardmax: 1 where an element is the first maximum along `axis`, else 0:
///   y = cast(argmax(x, axis, keep_dims) == iota(axis))
/// Before opset 13 the input is flattened to 2-D at `axis` (default 1).
LogicalResult importHardmax(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  FailureOr<SoftmaxOperand> operand = getSoftmaxOperand(binder, input);
  if (failed(operand))
    return failure();
  RankedTensorType operandType = getTensorType(operand->value);
  int64_t extent = operandType.getDimSize(operand->axis);
  if (ShapedType::isDynamic(extent)) {
    binder.emitError() << "needs the static extent of axis " << operand->axis;
    return failure();
  }
  OpBuilder &builder = binder.getBuilder();
  Type i64 = builder.getI64Type();
  FailureOr<ArgMaxOp> position = binder.create<ArgMaxOp>(
      {i64}, operand->value, operand->axis, true, false);
  if (failed(position))
    return failure();
  SmallVector<int64_t> iotaShape(operandType.getRank(), 1);
  iotaShape[operand->axis] = extent;
  Value iota = binder.createConstant(DenseElementsAttr::get(
      RankedTensorType::get(iotaShape, i64),
      ArrayRef<int64_t>(llvm::to_vector(llvm::seq<int64_t>(0, extent)))));
  FailureOr<EqualOp> isMax =
      binder.create<EqualOp>({builder.getI1Type()}, *position, iota);
  if (failed(isMax))
    return failure();
  return setSoftmaxResult(
      binder, input,
      CastOp::create(builder, binder.getLoc(), operandType, *isMax));
}

LogicalResult importInstanceNormalization(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), scale = binder.getInput(1),
        bias = binder.getInput(2);
  if (!input || !scale || !bias)
    return failure();
  return setSingleOutput(
      binder, binder.create<InstanceNormOp>(
                  {getElementTypeOrSelf(input.getType())}, input, scale, bias,
                  APFloat(binder.getFloat("epsilon", 1e-5f))));
}

LogicalResult importIsInf(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  auto type = getTensorType(input).clone(binder.getBuilder().getI1Type());
  binder.setOutput(0, IsInfOp::create(binder.getBuilder(), binder.getLoc(),
                                      type, input,
                                      binder.getInt("detect_positive", 1) != 0,
                                      binder.getInt("detect_negative", 1) != 0));
  return success();
}

LogicalResult importIsNaN(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  auto type = getTensorType(input).clone(binder.getBuilder().getI1Type());
  binder.setOutput(
      0, IsNaNOp::create(binder.getBuilder(), binder.getLoc(), type, input));
  return success();
}

/// LRN: x / (bias + alpha / size * sum of x^2 over `size` neighbouring
/// channels)^beta. The channel window sum is an average pool (counting pads)
/// over x^2 viewed as [N, 1, C, rest].
LogicalResult importLRN(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input || failed(binder.requireAttr("size")))
    return failure();
  RankedTensorType type = getTensorType(input);
  if (type.getRank() < 3 || !type.hasStaticShape() ||
      !isa<FloatType>(type.getElementType())) {
    binder.emitError() << "expects a static float input of rank >= 3, got "
                       << type;
    return failure();
  }
  int64_t size = binder.getInt("size", 1);
  if (size < 1) {
    binder.emitError() << "size must be positive, got " << size;
    return failure();
  }
  Type element = type.getElementType();
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  int64_t batch = type.getDimSize(0), channels = type.getDimSize(1);
  int64_t rest = type.getNumElements() / std::max<int64_t>(batch * channels, 1);
  FailureOr<MulOp> squared = binder.create<MulOp>({element}, input, input);
  if (failed(squared))
    return failure();
  auto planar = RankedTensorType::get({batch, 1, channels, rest}, element);
  Value viewed = ReshapeOp::create(builder, loc, planar, Value(*squared));
  int64_t before = (size - 1) / 2, after = size - 1 - before;
  FailureOr<AveragePoolOp> mean = binder.create<AveragePoolOp>(
      {element}, viewed, ArrayRef<int64_t>{size, 1}, ArrayRef<int64_t>{1, 1},
      ArrayRef<int64_t>{1, 1}, ArrayRef<int64_t>{before, 0, after, 0},
      /*ceil_mode=*/false, /*count_include_pad=*/true);
  if (failed(mean))
    return failure();
  Value sums = ReshapeOp::create(builder, loc, type, Value(*mean));
  auto scalar = [&](float value) {
    return binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get({}, element),
        builder.getFloatAttr(element, value)));
  };
  // mean = sum / size, so alpha / size * sum = alpha * mean.
  FailureOr<MulOp> scaled =
      binder.create<MulOp>({element}, sums, scalar(binder.getFloat("alpha", 1e-4f)));
  if (failed(scaled))
    return failure();
  FailureOr<AddOp> base =
      binder.create<AddOp>({element}, *scaled, scalar(binder.getFloat("bias", 1.0f)));
  if (failed(base))
    return failure();
  FailureOr<PowOp> denominator =
      binder.create<PowOp>({element}, *base, scalar(binder.getFloat("beta", 0.75f)));
  if (failed(denominator))
    return failure();
  return setSingleOutput(binder,
                         binder.create<DivOp>({element}, input, *denominator));
}

/// LayerNormalization; its optional Mean and InvStdDev outputs are
/// computed from kiln reductions (keeping the reduced dimensions as 1).
LogicalResult importLayerNormalization(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(3)))
    return failure();
  Value input = binder.getInput(0), scale = binder.getInput(1);
  if (!input || !scale)
    return failure();
  RankedTensorType type = getTensorType(input);
  FailureOr<int64_t> axis =
      binder.normalizeAxis(binder.getInt("axis", -1), type.getRank());
  if (failed(axis))
    return failure();
  float epsilon = binder.getFloat("epsilon", 1e-5f);
  Type element = type.getElementType();
  if (failed(setSingleOutput(
          binder, binder.create<LayerNormOp>({element}, input, scale,
                                             binder.getOptionalInput(2), *axis,
                                             APFloat(epsilon)))))
    return failure();
  if (!binder.hasOutput(1) && !binder.hasOutput(2))
    return success();
  // mean = E[x], inv_std_dev = 1 / sqrt(E[(x - mean)^2] + epsilon)
  SmallVector<int64_t> axes =
      llvm::to_vector(llvm::seq<int64_t>(*axis, type.getRank()));
  FailureOr<Moments> moments = buildMoments(binder, input, axes);
  if (failed(moments))
    return failure();
  binder.setOutput(1, moments->mean);
  Value epsilonValue = binder.createConstant(DenseElementsAttr::get(
      RankedTensorType::get({}, element),
      binder.getBuilder().getFloatAttr(element, epsilon)));
  FailureOr<AddOp> shifted =
      binder.create<AddOp>({element}, moments->variance, epsilonValue);
  if (failed(shifted))
    return failure();
  OpBuilder &builder = binder.getBuilder();
  Value deviation = SqrtOp::create(builder, binder.getLoc(),
                                   shifted->getType(), *shifted);
  binder.setOutput(2, ReciprocalOp::create(builder, binder.getLoc(),
                                           deviation.getType(), deviation));
  return success();
}

LogicalResult importLpNormalization(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", -1), getTensorType(input).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(
      binder, binder.create<LpNormalizationOp>(
                  {getElementTypeOrSelf(input.getType())}, input, *axis,
                  binder.getInt("p", 2)));
}

/// MatMul, and MatMulInteger (a's zero point per tensor or per row, b's per
/// tensor or per column).
LogicalResult importMatMul(NodeBinder &binder) {
  bool isInteger = binder.getNode().op_type() == "MatMulInteger";
  if (failed(binder.checkNumInputs(2, isInteger ? 4 : 2)) ||
      failed(binder.checkNumOutputs(1)))
    return failure();
  Value lhs = binder.getInput(0), rhs = binder.getInput(1);
  if (!lhs || !rhs)
    return failure();
  int64_t lhsRank = getTensorType(lhs).getRank();
  if (isInteger &&
      failed(bindIntegerOperands(binder, lhs, rhs,
                                 std::max<int64_t>(lhsRank - 2, 0),
                                 getTensorType(rhs).getRank() - 1)))
    return failure();
  Type element = getElementTypeOrSelf(lhs.getType());
  if (isa<IntegerType>(element))
    element = binder.getBuilder().getI32Type();
  return setSingleOutput(binder,
                         binder.create<MatMulOp>({element}, lhs, rhs));
}

LogicalResult importMean(NodeBinder &binder) {
  FailureOr<Value> sum = foldVariadic<AddOp>(binder);
  if (failed(sum) || failed(binder.checkNumOutputs(1)))
    return failure();
  auto type = getTensorType(*sum);
  if (!isa<FloatType>(type.getElementType())) {
    binder.emitError() << "Mean needs float inputs";
    return failure();
  }
  Value count = binder.createConstant(DenseElementsAttr::get(
      RankedTensorType::get({}, type.getElementType()),
      binder.getBuilder().getFloatAttr(type.getElementType(),
                                       binder.getNumInputs())));
  return setSingleOutput(
      binder, binder.create<DivOp>({type.getElementType()}, *sum, count));
}

/// MeanVarianceNormalization: (x - E[x]) / sqrt(E[(x - E[x])^2]) over
/// `axes` (default [0, 2, 3]), as ONNX's function body (no epsilon).
LogicalResult importMeanVarianceNormalization(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  SmallVector<int64_t> axes = binder.getInts("axes", {0, 2, 3});
  if (failed(binder.normalizeAxes(axes, type.getRank())))
    return failure();
  FailureOr<Moments> moments = buildMoments(binder, input, axes);
  if (failed(moments))
    return failure();
  Value deviation = SqrtOp::create(binder.getBuilder(), binder.getLoc(),
                                   moments->variance.getType(),
                                   moments->variance);
  return setSingleOutput(
      binder, binder.create<DivOp>({type.getElementType()}, moments->centered,
                                   deviation));
}

/// PRelu. Before opset 7 a 1-D slope is per channel (dimension 1), not
/// numpy-broadcast from the right.
LogicalResult importPRelu(NodeBinder &binder) {
  if (binder.getOpset() >= 7)
    return binaryHandler<PReluOp>()(binder);
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), slope = binder.getInput(1);
  if (!input || !slope)
    return failure();
  RankedTensorType inputType = getTensorType(input);
  RankedTensorType slopeType = getTensorType(slope);
  if (slopeType.getRank() == 1 && inputType.getRank() > 2 &&
      slopeType.getDimSize(0) != 1) {
    SmallVector<int64_t> shape = {slopeType.getDimSize(0)};
    shape.append(inputType.getRank() - 2, 1);
    slope = ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                              slopeType.clone(shape), slope);
  }
  return setSingleOutput(
      binder, binder.create<PReluOp>({inputType.getElementType()}, input, slope));
}

/// Mod: fmod = 0 takes the divisor's sign, fmod = 1 the dividend's (C's
/// fmod), which ONNX requires for floats.
LogicalResult importMod(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value lhs = binder.getInput(0), rhs = binder.getInput(1);
  if (!lhs || !rhs)
    return failure();
  Type element = getElementTypeOrSelf(lhs.getType());
  bool fmod = binder.getInt("fmod", 0) != 0;
  if (isa<FloatType>(getExpressedElementType(element)) && !fmod) {
    binder.emitError() << "fmod must be 1 for float inputs";
    return failure();
  }
  return setSingleOutput(binder,
                         binder.create<ModOp>({element}, lhs, rhs, fmod));
}

/// Multinomial: `sample_size` class indices per row of log-probabilities,
/// of type `dtype` (int32 by default, or int64).
LogicalResult importMultinomial(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  OpBuilder &builder = binder.getBuilder();
  FailureOr<Type> element = getDataTypeAttr(binder, "dtype", builder.getI32Type(),
      [](Type type) {
        return type.isSignlessInteger(32) || type.isSignlessInteger(64);
      },
      "int32 or int64");
  if (failed(element))
    return failure();
  return setSingleOutput(
      binder, binder.create<MultinomialOp>(
                  {*element}, input,
                  builder.getI64IntegerAttr(binder.getInt("sample_size", 1)),
                  getSeedAttr(binder)));
}

LogicalResult importNegativeLogLikelihoodLoss(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), target = binder.getInput(1);
  if (!input || !target)
    return failure();
  FailureOr<Value> loss = buildNegativeLogLikelihood(
      binder, input, target, binder.getOptionalInput(2));
  if (failed(loss))
    return failure();
  binder.setOutput(0, *loss);
  return success();
}

/// NonZero; the number of non-zero elements depends on the data, so the
/// output takes its extent from the model's declared shape.
LogicalResult importNonZero(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  return setSingleOutput(binder, binder.create<NonZeroOp>(
                                     {binder.getBuilder().getI64Type()}, input));
}

/// OneHot(indices, depth, values = [off, on]) along `axis` (default -1):
///   y[..., j, ...] = (index == j ? on : off),  index += depth if negative
/// The class dimension is `depth` long; depth may be known only at run time.
LogicalResult importOneHot(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value indices = binder.getInput(0), depth = binder.getInput(1),
        values = binder.getInput(2);
  if (!indices || !depth || !values)
    return failure();
  RankedTensorType indicesType = getTensorType(indices);
  RankedTensorType valuesType = getTensorType(values);
  if (getTensorType(depth).getNumElements() != 1 ||
      valuesType.getRank() != 1 || valuesType.getDimSize(0) != 2) {
    binder.emitError() << "expects a one-element depth and two values "
                          "[off, on]";
    return failure();
  }
  int64_t rank = indicesType.getRank() + 1;
  FailureOr<int64_t> axis = binder.normalizeAxis(binder.getInt("axis", -1), rank);
  if (failed(axis))
    return failure();
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  Type i64 = builder.getI64Type(), i1 = builder.getI1Type();
  auto scalar = RankedTensorType::get({}, i64);
  auto constant = [&](int64_t value) {
    return binder.createConstant(DenseElementsAttr::get(scalar, value));
  };
  // Indices and depth may be of any numeric type: classes are int64.
  auto toIndex = [&](Value value) -> Value {
    RankedTensorType type = getTensorType(value);
    if (type.getElementType() == i64)
      return value;
    return CastOp::create(builder, loc, type.clone(i64), value);
  };
  Value classes = toIndex(indices);
  Value count = toIndex(depth);
  if (getTensorType(count).getRank() != 0)
    count = ReshapeOp::create(builder, loc, scalar, count);
  Value zero = constant(0);
  FailureOr<LessOp> negative = binder.create<LessOp>({i1}, classes, zero);
  FailureOr<AddOp> wrapped = binder.create<AddOp>({i64}, classes, count);
  if (failed(negative) || failed(wrapped))
    return failure();
  FailureOr<WhereOp> normalized =
      binder.create<WhereOp>({i64}, *negative, *wrapped, classes);
  FailureOr<UnsqueezeOp> expanded =
      failed(normalized)
          ? FailureOr<UnsqueezeOp>(failure())
          : binder.create<UnsqueezeOp>({i64}, *normalized,
                                       ArrayRef<int64_t>{*axis});
  if (failed(expanded))
    return failure();
  // iota = [0, depth) laid along `axis`; static when depth is a constant.
  int64_t staticDepth = ShapedType::kDynamic;
  Value iota;
  if (depth.getDefiningOp<ConstantOp>()) {
    FailureOr<SmallVector<double>> value =
        binder.getConstantFloats(1, "the depth");
    if (failed(value))
      return failure();
    staticDepth = static_cast<int64_t>(value->front());
    if (staticDepth < 1) {
      binder.emitError() << "depth must be positive, got " << staticDepth;
      return failure();
    }
    iota = binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get({staticDepth}, i64),
        ArrayRef<int64_t>(llvm::to_vector(llvm::seq<int64_t>(0, staticDepth)))));
  } else {
    iota = RangeOp::create(builder, loc,
                           RankedTensorType::get({staticDepth}, i64), zero,
                           count, constant(1));
  }
  SmallVector<int64_t> otherAxes;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (dim != *axis)
      otherAxes.push_back(dim);
  FailureOr<UnsqueezeOp> laid =
      binder.create<UnsqueezeOp>({i64}, iota, otherAxes);
  if (failed(laid))
    return failure();
  FailureOr<EqualOp> hot = binder.create<EqualOp>({i1}, *expanded, *laid);
  if (failed(hot))
    return failure();
  Type element = valuesType.getElementType();
  auto pick = [&](int64_t index) -> FailureOr<GatherOp> {
    return binder.create<GatherOp>({element}, values, constant(index), 0);
  };
  FailureOr<GatherOp> off = pick(0), on = pick(1);
  if (failed(off) || failed(on))
    return failure();
  return setSingleOutput(binder,
                         binder.create<WhereOp>({element}, *hot, *on, *off));
}

LogicalResult importPad(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 4);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  SmallVector<int64_t> pads;
  std::optional<double> value;
  // Run-time pads and constant value (opset 11 on) stay operands.
  Value runtimePads, runtimeValue;
  auto isRuntime = [](Value v) { return v && !v.getDefiningOp<ConstantOp>(); };
  // Opset 11 moved pads and the value from attributes to inputs; opset 18
  // added `axes`.
  if (binder.getOpset() < 11) {
    if (failed(binder.checkNumInputs(1, 1)))
      return failure();
    pads = binder.getInts("pads");
    value = binder.getFloat("value", 0.0f);
  } else {
    if (failed(binder.checkNumInputs(2, 4)))
      return failure();
    if (isRuntime(binder.getOptionalInput(1))) {
      runtimePads = binder.getInput(1);
      if (binder.hasInput(3)) {
        binder.emitError() << "run-time pads together with axes are not "
                              "supported; give pads for every dimension";
        return failure();
      }
    } else {
      FailureOr<SmallVector<int64_t>> padInput =
          binder.getConstantInts(1, "the pads");
      if (failed(padInput))
        return failure();
      pads = std::move(*padInput);
    }
    if (isRuntime(binder.getOptionalInput(2))) {
      runtimeValue = binder.getInput(2);
    } else if (binder.hasInput(2)) {
      FailureOr<SmallVector<double>> values =
          binder.getConstantFloats(2, "the constant value");
      if (failed(values) || values->size() != 1) {
        if (succeeded(values))
          binder.emitError() << "the constant value must be a scalar";
        return failure();
      }
      value = values->front();
    }
    if (binder.hasInput(3)) {
      FailureOr<SmallVector<int64_t>> axes =
          binder.getConstantInts(3, "the axes");
      if (failed(axes))
        return failure();
      if (pads.size() != 2 * axes->size()) {
        binder.emitError() << "pads has " << pads.size() << " entries for "
                           << axes->size() << " axes";
        return failure();
      }
      SmallVector<int64_t> full(2 * rank, 0);
      for (auto [i, axis] : llvm::enumerate(*axes)) {
        FailureOr<int64_t> normalized = binder.normalizeAxis(axis, rank);
        if (failed(normalized))
          return failure();
        full[*normalized] = pads[i];
        full[rank + *normalized] = pads[axes->size() + i];
      }
      pads = std::move(full);
    }
  }
  std::string mode = binder.getString("mode", "constant");
  std::optional<PadMode> padMode = symbolizePadMode(mode);
  if (!padMode) {
    binder.emitError() << "unknown mode '" << mode << "'";
    return failure();
  }
  TypedAttr padValue;
  if (*padMode == PadMode::constant && value) {
    Type expressed = getExpressedElementType(type.getElementType());
    OpBuilder &builder = binder.getBuilder();
    if (auto integer = dyn_cast<IntegerType>(expressed))
      padValue = builder.getIntegerAttr(
          integer, APInt(integer.getWidth(), static_cast<int64_t>(*value),
                         /*isSigned=*/true));
    else
      padValue = builder.getFloatAttr(expressed, *value);
  }
  if (runtimeValue && *padMode != PadMode::constant)
    runtimeValue = {};
  return setSingleOutput(
      binder, binder.create<PadOp>({type.getElementType()}, input, pads,
                                   *padMode, padValue, runtimePads,
                                   runtimeValue));
}

LogicalResult importPow(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value base = binder.getInput(0), exponent = binder.getInput(1);
  if (!base || !exponent)
    return failure();
  return setSingleOutput(
      binder, binder.create<PowOp>({getElementTypeOrSelf(base.getType())},
                                   base, exponent));
}

} // namespace

void populateDefaultDomainGtoP(OpTable &table) {
  table.onOp("Gather", 1, importGatherAlongAxis<GatherOp>);
  table.onOp("GatherElements", 11, importGatherAlongAxis<GatherElementsOp>);
  table.onOp("GatherND", 11, importGatherND);
  table.onOp("Gelu", 20, unaryHandler<GeluOp>([](NodeBinder &binder) {
               return std::make_tuple(
                   binder.getString("approximate", "none") == "tanh"
                       ? GeluApproximation::tanh
                       : GeluApproximation::none);
             }));
  table.onOp("Gemm", 1, importGemm);
  table.onOp("GlobalAveragePool", 1, importGlobalPool<GlobalAveragePoolOp>);
  table.onOp("GlobalMaxPool", 1, importGlobalPool<GlobalMaxPoolOp>);
  table.onOp("Greater", 1, binaryHandler<GreaterOp>(/*boolResult=*/true));
  table.onOp("GreaterOrEqual", 12,
             binaryHandler<GreaterEqualOp>(/*boolResult=*/true));
  table.onOp("Hardmax", 1, importHardmax);
  table.onOp("HardSigmoid", 1, unaryHandler<HardSigmoidOp>([](NodeBinder &b) {
               return std::make_tuple(APFloat(b.getFloat("alpha", 0.2f)),
                                      APFloat(b.getFloat("beta", 0.5f)));
             }));
  table.onOp("HardSwish", 14, unaryHandler<HardSwishOp>());
  table.onOp("Identity", 1, passThroughHandler());
  table.onOp("InstanceNormalization", 1, importInstanceNormalization);
  table.onOp("IsInf", 10, importIsInf);
  table.onOp("IsNaN", 9, importIsNaN);
  table.onOp("LayerNormalization", 17, importLayerNormalization);
  table.onOp("LRN", 1, importLRN);
  table.onOp("LeakyRelu", 1, unaryHandler<LeakyReluOp>([](NodeBinder &b) {
               return std::make_tuple(APFloat(b.getFloat("alpha", 0.01f)));
             }));
  table.onOp("Less", 1, binaryHandler<LessOp>(/*boolResult=*/true));
  table.onOp("LessOrEqual", 12,
             binaryHandler<LessEqualOp>(/*boolResult=*/true));
  table.onOp("Log", 1, unaryHandler<LogOp>());
  table.onOp("LogSoftmax", 1, importSoftmax<LogSoftmaxOp>);
  table.onOp("LpNormalization", 1, importLpNormalization);
  table.onOp("MatMul", 1, importMatMul);
  table.onOp("MatMulInteger", 10, importMatMul);
  table.onOp("Max", 1, variadicHandler<MaxOp>());
  table.onOp("MaxPool", 1, importPool<MaxPoolOp>);
  table.onOp("Mean", 1, importMean);
  table.onOp("Min", 1, variadicHandler<MinOp>());
  table.onOp("MeanVarianceNormalization", 9, importMeanVarianceNormalization);
  table.onOp("Mish", 18, unaryHandler<MishOp>());
  table.onOp("Mod", 10, importMod);
  table.onOp("Mul", 1, binaryHandler<MulOp>());
  table.onOp("Multinomial", 7, importMultinomial);
  table.onOp("Neg", 1, unaryHandler<NegOp>());
  table.onOp("NegativeLogLikelihoodLoss", 12, importNegativeLogLikelihoodLoss);
  table.onOp("NonZero", 9, importNonZero);
  table.onOp("Not", 1, unaryHandler<NotOp>());
  table.onOp("OneHot", 9, importOneHot);
  table.onOp("Or", 1, binaryHandler<OrOp>(/*boolResult=*/true));
  table.onOp("PRelu", 1, importPRelu);
  table.onOp("Pad", 1, importPad);
  table.onOp("Pow", 1, importPow);
}

} // namespace mlir::kiln::onnx_import
