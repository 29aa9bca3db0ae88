//===- DefaultDomainAtoF.cpp - ai.onnx ops Abs to Floor -------------------===//

#include "HandlerUtils.h"

#include "mlir/Dialect/Traits.h"

namespace mlir::kiln::onnx_import {

namespace {

/// Element type of a convolution / matmul result: the float type of float
/// operands, i32 for integer ones (ConvInteger, MatMulInteger).
Type getContractionResultType(NodeBinder &binder, Value operand) {
  Type element = getElementTypeOrSelf(operand.getType());
  if (isa<IntegerType>(element))
    return binder.getBuilder().getI32Type();
  return element;
}

/// BatchNormalization. In training mode (opset 14 on) Y is normalized with
/// the batch's own statistics over every axis but the channels (1), and the
/// running statistics are updated:
///   running = input * momentum + current * (1 - momentum)
LogicalResult importBatchNormalization(NodeBinder &binder) {
  bool training = binder.getInt("training_mode", 0) != 0;
  if (failed(binder.checkNumInputs(5, 5)) ||
      failed(binder.checkNumOutputs(training ? 3 : 1)))
    return failure();
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < 5; ++i)
    inputs.push_back(binder.getInput(i));
  if (llvm::is_contained(inputs, Value()))
    return failure();
  Value input = inputs[0], mean = inputs[3], variance = inputs[4];
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (training) {
    if (type.getRank() < 2 || !isa<FloatType>(element)) {
      binder.emitError() << "training mode expects a float input of rank >= "
                            "2, got "
                         << type;
      return failure();
    }
    SmallVector<int64_t> axes = {0};
    llvm::append_range(axes, llvm::seq<int64_t>(2, type.getRank()));
    FailureOr<Moments> moments = buildMoments(binder, input, axes);
    if (failed(moments))
      return failure();
    // The statistics kept as [1, C, 1, ...] become per-channel vectors.
    auto perChannel = RankedTensorType::get({type.getDimSize(1)}, element);
    OpBuilder &builder = binder.getBuilder();
    mean = ReshapeOp::create(builder, binder.getLoc(), perChannel,
                             moments->mean);
    variance = ReshapeOp::create(builder, binder.getLoc(), perChannel,
                                 moments->variance);
    float momentum = binder.getFloat("momentum", 0.9f);
    auto scalar = [&](float value) {
      return binder.createConstant(DenseElementsAttr::get(
          RankedTensorType::get({}, element),
          builder.getFloatAttr(element, value)));
    };
    Value kept = scalar(momentum), taken = scalar(1.0f - momentum);
    auto setRunning = [&](unsigned output, Value running,
                          Value current) -> LogicalResult {
      FailureOr<MulOp> decayed = binder.create<MulOp>({element}, running, kept);
      FailureOr<MulOp> added = binder.create<MulOp>({element}, current, taken);
      if (failed(decayed) || failed(added))
        return failure();
      FailureOr<AddOp> updated =
          binder.create<AddOp>({element}, *decayed, *added);
      if (failed(updated))
        return failure();
      binder.setOutput(output, *updated);
      return success();
    };
    if (failed(setRunning(1, inputs[3], mean)) ||
        failed(setRunning(2, inputs[4], variance)))
      return failure();
  }
  return setSingleOutput(
      binder, binder.create<BatchNormOp>(
                  {element}, input, inputs[1], inputs[2], mean, variance,
                  APFloat(binder.getFloat("epsilon", 1e-5f))));
}

/// Bernoulli: 0 or 1 with the input's probabilities, of type `dtype` (by
/// default the input's).
LogicalResult importBernoulli(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  FailureOr<Type> element =
      getDataTypeAttr(binder, "dtype", getElementTypeOrSelf(input.getType()),
                   llvm::IsaPred<FloatType, IntegerType>,
                   "a float, integer or bool type");
  if (failed(element))
    return failure();
  return setSingleOutput(binder, binder.create<BernoulliOp>(
                                     {*element}, input, getSeedAttr(binder)));
}

LogicalResult importCast(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) ||
      failed(binder.checkNumOutputs(1)) || failed(binder.requireAttr("to")))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  int64_t to = binder.getInt("to", 0);
  Type element = getElementType(binder.getContext(), to);
  if (!element) {
    binder.emitError() << "cannot cast to " << getDataTypeName(to);
    return failure();
  }
  binder.setOutput(0, buildCast(binder, input, element,
                                binder.getInt("saturate", 1) != 0));
  return success();
}

LogicalResult importCastLike(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  RankedTensorType like = binder.getInputType(1);
  if (!input || !like)
    return failure();
  binder.setOutput(0, buildCast(binder, input, like.getElementType(),
                                binder.getInt("saturate", 1) != 0));
  return success();
}

LogicalResult importClip(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 3);
  if (!input)
    return failure();
  Type element = getElementTypeOrSelf(input.getType());
  Type expressed = getExpressedElementType(element);
  OpBuilder &builder = binder.getBuilder();
  // Bounds computed at run time: clip(x, lo, hi) = min(max(x, lo), hi).
  auto isRuntimeBound = [&](unsigned index) {
    Value bound = binder.getOptionalInput(index);
    return bound && !bound.getDefiningOp<ConstantOp>();
  };
  if (binder.getOpset() >= 11 && (isRuntimeBound(1) || isRuntimeBound(2))) {
    Value result = input;
    if (Value lower = binder.getOptionalInput(1)) {
      FailureOr<MaxOp> clamped = binder.create<MaxOp>({element}, result, lower);
      if (failed(clamped))
        return failure();
      result = *clamped;
    }
    if (Value upper = binder.getOptionalInput(2)) {
      FailureOr<MinOp> clamped = binder.create<MinOp>({element}, result, upper);
      if (failed(clamped))
        return failure();
      result = *clamped;
    }
    binder.setOutput(0, result);
    return success();
  }
  // Opset 11 moved the bounds from attributes to inputs.
  auto getBound = [&](unsigned index, StringRef attrName,
                      float attrDefault) -> std::optional<TypedAttr> {
    double value;
    if (binder.getOpset() < 11) {
      if (!binder.hasAttr(attrName))
        return TypedAttr();
      value = binder.getFloat(attrName, attrDefault);
    } else {
      if (!binder.hasInput(index))
        return TypedAttr();
      FailureOr<SmallVector<double>> values = binder.getConstantFloats(
          index, index == 1 ? "the lower bound" : "the upper bound");
      if (failed(values))
        return std::nullopt;
      if (values->size() != 1) {
        binder.emitError() << "clip bounds must be scalars";
        return std::nullopt;
      }
      value = values->front();
    }
    if (auto integer = dyn_cast<IntegerType>(expressed))
      return TypedAttr(builder.getIntegerAttr(integer, APInt(
          integer.getWidth(), static_cast<int64_t>(value), true)));
    return TypedAttr(builder.getFloatAttr(expressed, value));
  };
  std::optional<TypedAttr> min = getBound(1, "min", 0.0f);
  std::optional<TypedAttr> max = getBound(2, "max", 0.0f);
  if (!min || !max)
    return failure();
  binder.setOutput(0, ClipOp::create(builder, binder.getLoc(), input.getType(),
                                     input, *min, *max));
  return success();
}

/// Compress; the number of selected slices depends on the data, so the
/// output takes its extent from the model's declared shape.
LogicalResult importCompress(NodeBinder &binder) {
  Value input = binder.bindFirstInput(2, 2);
  Value condition = binder.getInput(1);
  if (!input || !condition)
    return failure();
  FailureOr<IntegerAttr> axis =
      getOptionalAxisAttr(binder, getTensorType(input).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(
      binder, binder.create<CompressOp>({getElementTypeOrSelf(input.getType())},
                                        input, condition, *axis));
}

LogicalResult importConcat(NodeBinder &binder) {
  // `axis` became required in opset 4; it defaulted to 1 before.
  if (failed(binder.checkNumOutputs(1)) ||
      (binder.getOpset() >= 4 && failed(binder.requireAttr("axis"))))
    return failure();
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < binder.getNumInputs(); ++i) {
    Value input = binder.getInput(i);
    if (!input)
      return failure();
    inputs.push_back(input);
  }
  if (inputs.empty()) {
    binder.emitError() << "expected at least one input";
    return failure();
  }
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", 1),
      cast<RankedTensorType>(inputs.front().getType()).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(
      binder, binder.create<ConcatOp>(
      {getElementTypeOrSelf(inputs.front().getType())}, inputs, *axis));
}

LogicalResult importConstant(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(0, 0)) || failed(binder.checkNumOutputs(1)))
    return failure();
  OpBuilder &builder = binder.getBuilder();
  DenseElementsAttr value;
  if (const onnx::TensorProto *tensor = binder.getTensor("value")) {
    Type element = getElementType(binder.getContext(), tensor->data_type());
    if (!element) {
      binder.emitError() << "unsupported constant of type "
                         << getDataTypeName(tensor->data_type());
      return failure();
    }
    auto type = RankedTensorType::get(getTensorShape(*tensor), element);
    std::string error;
    FailureOr<ElementsAttr> elements = convertTensor(*tensor, type, "", error);
    if (failed(elements)) {
      binder.emitError() << error;
      return failure();
    }
    binder.setOutput(0, ConstantOp::create(builder, binder.getLoc(), *elements));
    return success();
  }
  if (binder.hasAttr("value_float")) {
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getF32Type()),
        binder.getFloat("value_float", 0));
  } else if (binder.hasAttr("value_floats")) {
    SmallVector<float> floats = binder.getFloats("value_floats");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(floats.size())},
                              builder.getF32Type()),
        ArrayRef<float>(floats));
  } else if (binder.hasAttr("value_int")) {
    value = DenseElementsAttr::get(
        RankedTensorType::get({}, builder.getI64Type()),
        binder.getInt("value_int", 0));
  } else if (binder.hasAttr("value_ints")) {
    SmallVector<int64_t> ints = binder.getInts("value_ints");
    value = DenseElementsAttr::get(
        RankedTensorType::get({static_cast<int64_t>(ints.size())},
                              builder.getI64Type()),
        ArrayRef<int64_t>(ints));
  } else {
    binder.emitError() << "expects one of the attributes value, value_float, "
                          "value_floats, value_int, value_ints (string and "
                          "sparse constants are unsupported)";
    return failure();
  }
  binder.setOutput(0, binder.createConstant(value));
  return success();
}

LogicalResult importConstantOfShape(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) || failed(binder.checkNumOutputs(1)))
    return failure();
  OpBuilder &builder = binder.getBuilder();
  Attribute fill = builder.getF32FloatAttr(0.0f);
  if (const onnx::TensorProto *tensor = binder.getTensor("value")) {
    Type element = getElementType(binder.getContext(), tensor->data_type());
    std::string error;
    FailureOr<ElementsAttr> elements =
        element ? convertTensor(*tensor,
                                RankedTensorType::get({1}, element), "", error)
                : FailureOr<ElementsAttr>(failure());
    auto dense = succeeded(elements)
                     ? dyn_cast<DenseElementsAttr>(*elements)
                     : DenseElementsAttr();
    if (!dense) {
      binder.emitError() << "value must be a one-element tensor"
                         << (error.empty() ? "" : ": ") << error;
      return failure();
    }
    fill = *dense.value_begin<Attribute>();
  }
  Type element = cast<TypedAttr>(fill).getType();
  if (Value runtimeShape = getRuntimeShape(binder, 0)) {
    SmallVector<int64_t> shape(getTensorType(runtimeShape).getDimSize(0),
                               ShapedType::kDynamic);
    binder.setOutput(0, FillOp::create(builder, binder.getLoc(),
                                       RankedTensorType::get(shape, element),
                                       runtimeShape, cast<TypedAttr>(fill)));
    return success();
  }
  if (failed(binder.status()))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      binder.getConstantInts(0, "the shape");
  if (failed(shape))
    return failure();
  auto type = RankedTensorType::get(*shape, element);
  binder.setOutput(0, binder.createConstant(DenseElementsAttr::get(type, fill)));
  return success();
}

/// Conv and ConvInteger: X, W, optional B (Conv) or zero points (ConvInteger;
/// x's per tensor, w's per tensor or per output channel).
LogicalResult importConv(NodeBinder &binder) {
  bool isInteger = binder.getNode().op_type() == "ConvInteger";
  if (failed(binder.checkNumInputs(2, isInteger ? 4 : 3)) ||
      failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), weight = binder.getInput(1);
  if (!input || !weight)
    return failure();
  auto weightType = cast<RankedTensorType>(weight.getType());
  FailureOr<Window> window =
      readWindow(binder, cast<RankedTensorType>(input.getType()),
                 weightType.getShape().drop_front(std::min<int64_t>(
                     2, weightType.getRank())));
  if (failed(window))
    return failure();
  Value bias;
  if (!isInteger)
    bias = binder.getOptionalInput(2);
  else if (failed(bindIntegerOperands(binder, input, weight, 1, 0)))
    return failure();
  return setSingleOutput(
      binder, binder.create<ConvOp>(
      {getContractionResultType(binder, input)}, input, weight, bias,
      window->strides, window->dilations, window->pads,
      binder.getInt("group", 1)));
}

/// ConvTranspose. With `output_shape` or `auto_pad = SAME_*` (output
/// extent in * stride) the pads follow from the requested output extent:
///   total = stride * (in - 1) + output_padding + (k - 1) * dilation + 1 - out
/// split evenly, the odd one at the end for SAME_UPPER, else at the start.
LogicalResult importConvTranspose(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), weight = binder.getInput(1);
  if (!input || !weight)
    return failure();
  RankedTensorType inputType = getTensorType(input);
  RankedTensorType weightType = getTensorType(weight);
  FailureOr<Window> window = readWindow(
      binder, inputType,
      weightType.getShape().drop_front(std::min<int64_t>(2, weightType.getRank())));
  if (failed(window))
    return failure();
  int64_t spatialRank = inputType.getRank() - 2;
  SmallVector<int64_t> outputPadding = binder.getInts(
      "output_padding", SmallVector<int64_t>(spatialRank, 0));
  std::string autoPad = binder.getString("auto_pad", "NOTSET");
  SmallVector<int64_t> outputShape = binder.getInts("output_shape");
  if (static_cast<int64_t>(outputShape.size()) == inputType.getRank())
    outputShape.erase(outputShape.begin(), outputShape.begin() + 2);
  bool isSame = autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER";
  if (!outputShape.empty() || isSame) {
    if (static_cast<int64_t>(outputPadding.size()) != spatialRank ||
        (!outputShape.empty() &&
         static_cast<int64_t>(outputShape.size()) != spatialRank)) {
      binder.emitError() << "output_shape and output_padding need one entry "
                            "per spatial dimension";
      return failure();
    }
    for (int64_t i = 0; i < spatialRank; ++i) {
      int64_t in = inputType.getDimSize(i + 2);
      if (ShapedType::isDynamic(in)) {
        binder.emitError() << "output_shape / auto_pad need a static extent of "
                              "spatial dimension "
                           << i;
        return failure();
      }
      int64_t out = outputShape.empty() ? in * window->strides[i]
                                        : outputShape[i];
      int64_t total = window->strides[i] * (in - 1) + outputPadding[i] +
                      (window->kernel[i] - 1) * window->dilations[i] + 1 - out;
      // One missing row is a zero row at the end, i.e. output padding;
      // more would need negative (cropping) pads at the start.
      if (total == -1) {
        ++outputPadding[i];
        total = 0;
      }
      if (total < 0) {
        binder.emitError() << "output extent " << out
                           << " cannot be reached in spatial dimension " << i;
        return failure();
      }
      int64_t small = total / 2, large = total - small;
      window->pads[i] = autoPad == "SAME_UPPER" ? small : large;
      window->pads[spatialRank + i] = autoPad == "SAME_UPPER" ? large : small;
    }
  }
  return setSingleOutput(
      binder, binder.create<ConvTransposeOp>(
                  {getElementTypeOrSelf(input.getType())}, input, weight,
                  binder.getOptionalInput(2), window->strides,
                  window->dilations, window->pads, outputPadding,
                  binder.getInt("group", 1)));
}

/// CumSum; an axis computed at run time becomes the `dynamic_axis` operand.
LogicalResult importCumSum(NodeBinder &binder) {
  Value input = binder.bindFirstInput(2, 2);
  Value axisInput = binder.getInput(1);
  if (!input || !axisInput)
    return failure();
  bool exclusive = binder.getInt("exclusive", 0) != 0;
  bool reverse = binder.getInt("reverse", 0) != 0;
  Type element = getElementTypeOrSelf(input.getType());
  if (!axisInput.getDefiningOp<ConstantOp>())
    return setSingleOutput(
        binder, binder.create<CumSumOp>({element}, input, IntegerAttr(),
                                        axisInput, exclusive, reverse));
  FailureOr<SmallVector<int64_t>> axis = binder.getConstantInts(1, "the axis");
  if (failed(axis))
    return failure();
  if (axis->size() != 1) {
    binder.emitError() << "the axis must be a scalar";
    return failure();
  }
  FailureOr<int64_t> normalized =
      binder.normalizeAxis(axis->front(), getTensorType(input).getRank());
  if (failed(normalized))
    return failure();
  return setSingleOutput(
      binder, binder.create<CumSumOp>(
                  {element}, input,
                  binder.getBuilder().getI64IntegerAttr(*normalized), Value(),
                  exclusive, reverse));
}

LogicalResult importDepthToSpace(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) ||
      failed(binder.checkNumOutputs(1)) ||
      failed(binder.requireAttr("blocksize")))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  std::string mode = binder.getString("mode", "DCR");
  if (mode != "DCR" && mode != "CRD") {
    binder.emitError() << "unknown mode '" << mode << "'";
    return failure();
  }
  return setSingleOutput(
      binder, binder.create<DepthToSpaceOp>(
      {getElementTypeOrSelf(input.getType())}, input,
      binder.getInt("blocksize", 1),
      mode == "DCR" ? DepthToSpaceMode::dcr : DepthToSpaceMode::crd));
}

LogicalResult importDet(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  return setSingleOutput(binder, binder.create<DetOp>(
                                     {getElementTypeOrSelf(input.getType())},
                                     input));
}

/// Dropout in training mode, as ONNX's reference (opset 12 on):
///   keep   = random_uniform(shape(x), 0, 1) >= ratio
///   output = where(training, where(keep, x / (ratio < 1 ? 1 - ratio : 1), 0),
///                  x)
///   mask   = keep || !training
/// The draws lie in [0, 1), so a ratio of 1 keeps nothing and gives zeros;
/// the guarded denominator never divides by zero.
/// - ratio: the run-time ratio, or null when it is `constantRatio`.
/// - training: the run-time training_mode, or null when it is constant true.
LogicalResult importTrainingDropout(NodeBinder &binder, Value input,
                                    Value ratio,
                                    std::optional<double> constantRatio,
                                    Value training) {
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  RankedTensorType type = getTensorType(input);
  Type element = type.getElementType();
  if (!isa<FloatType>(element)) {
    binder.emitError() << "expects a float input, got " << element;
    return failure();
  }
  if (constantRatio && (*constantRatio < 0.0 || *constantRatio > 1.0)) {
    binder.emitError() << "ratio must be in [0, 1], got " << *constantRatio;
    return failure();
  }
  auto scalarType = RankedTensorType::get({}, element);
  auto constant = [&](double value) {
    return binder.createConstant(DenseElementsAttr::get(
        scalarType, ArrayRef<Attribute>(builder.getFloatAttr(element, value))));
  };
  // Run-time ratio and training_mode are scalars (or hold one value).
  auto toScalar = [&](Value value, StringRef what) -> Value {
    RankedTensorType valueType = getTensorType(value);
    if (valueType.getRank() == 0)
      return value;
    if (!valueType.hasStaticShape() || valueType.getNumElements() != 1) {
      binder.emitError() << what << " must hold one value, got "
                         << formatShape(valueType.getShape());
      return {};
    }
    return ReshapeOp::create(builder, loc, valueType.clone(ArrayRef<int64_t>{}),
                             value, Value());
  };
  if (constantRatio) {
    ratio = constant(*constantRatio);
  } else if ((ratio = toScalar(ratio, "ratio"))) {
    if (getElementTypeOrSelf(ratio.getType()) != element)
      ratio = CastOp::create(builder, loc, scalarType, ratio);
  }
  if (training)
    training = toScalar(training, "training_mode");
  if (failed(binder.status()))
    return failure();

  Value dynamicShape;
  if (!type.hasStaticShape())
    dynamicShape =
        ShapeOp::create(builder, loc,
                        RankedTensorType::get({type.getRank()},
                                              builder.getI64Type()),
                        input);
  // Dropout's seed is an integer; the random ops take ONNX's float seeds.
  FloatAttr seed;
  if (binder.hasAttr("seed"))
    seed = builder.getF32FloatAttr(
        static_cast<float>(binder.getInt("seed", 0)));
  Value draws = RandomUniformOp::create(builder, loc, type, dynamicShape,
                                        APFloat(0.0f), APFloat(1.0f), seed);
  auto maskType = type.clone(builder.getI1Type());
  Value keep = GreaterEqualOp::create(builder, loc, maskType, draws, ratio);
  Value denominator;
  if (constantRatio) {
    denominator = constant(*constantRatio < 1.0 ? 1.0 - *constantRatio : 1.0);
  } else {
    Value one = constant(1.0);
    Value belowOne = LessOp::create(
        builder, loc, scalarType.clone(builder.getI1Type()), ratio, one);
    Value keptFraction = SubOp::create(builder, loc, scalarType, one, ratio);
    denominator =
        WhereOp::create(builder, loc, scalarType, belowOne, keptFraction, one);
  }
  Value scaled = DivOp::create(builder, loc, type, input, denominator);
  Value output =
      WhereOp::create(builder, loc, type, keep, scaled, constant(0.0));
  Value mask = keep;
  if (training) {
    output = WhereOp::create(builder, loc, type, training, output, input);
    Value notTraining =
        NotOp::create(builder, loc, training.getType(), training);
    mask = OrOp::create(builder, loc, maskType, keep, notTraining);
  }
  binder.setOutput(0, output);
  binder.setOutput(1, mask);
  return success();
}

/// Dropout. Not training (no training_mode, a constant false one, or a
/// constant ratio of 0, as in ONNX's reference), it forwards its input and
/// the optional mask is all true; otherwise see importTrainingDropout.
LogicalResult importDropout(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 3, 2);
  if (!input)
    return failure();
  // A constant training_mode or ratio decides at import time.
  Value training = binder.getOptionalInput(2);
  bool alwaysTraining = false;
  if (training && training.getDefiningOp<ConstantOp>()) {
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(2, "training_mode");
    if (failed(values))
      return failure();
    alwaysTraining = llvm::any_of(*values, [](int64_t v) { return v != 0; });
    training = {};
  }
  Value ratio = binder.getOptionalInput(1);
  std::optional<double> constantRatio;
  if (!ratio) {
    constantRatio = 0.5;
  } else if (ratio.getDefiningOp<ConstantOp>()) {
    FailureOr<SmallVector<double>> values =
        binder.getConstantFloats(1, "ratio");
    if (failed(values))
      return failure();
    if (values->size() != 1) {
      binder.emitError() << "ratio must hold one value, got "
                         << values->size();
      return failure();
    }
    constantRatio = values->front();
    ratio = {};
  }
  if ((training || alwaysTraining) && constantRatio != 0.0)
    return importTrainingDropout(binder, input, ratio, constantRatio,
                                 training);
  binder.setOutput(0, input);
  if (binder.hasOutput(1)) {
    RankedTensorType type = getTensorType(input);
    if (!type.hasStaticShape()) {
      binder.emitError() << "the mask output needs a static input shape";
      return failure();
    }
    binder.setOutput(1, binder.createConstant(DenseElementsAttr::get(
                            type.clone(binder.getBuilder().getI1Type()), true)));
  }
  return success();
}

/// DynamicQuantizeLinear: see buildDynamicQuantize.
LogicalResult importDynamicQuantizeLinear(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1, 3);
  if (!input)
    return failure();
  FailureOr<DynamicQuantization> quantized = buildDynamicQuantize(binder, input);
  if (failed(quantized))
    return failure();
  binder.setOutput(0, quantized->stored);
  binder.setOutput(1, quantized->params.scale);
  binder.setOutput(2, quantized->params.zeroPoint);
  return success();
}

/// DequantizeLinear: x (stored integers or float 8), x_scale, optional
/// x_zero_point.
LogicalResult importDequantizeLinear(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  if (RankedTensorType stored = binder.getInputType(0);
      stored && isa<FloatType>(stored.getElementType())) {
    FailureOr<Value> value = buildFloat8Dequantize(binder, binder.getInput(0));
    if (failed(value))
      return failure();
    binder.setOutput(0, *value);
    return success();
  }
  if (hasRuntimeInput(binder, {1, 2})) {
    Value stored = binder.getInput(0);
    if (!stored)
      return failure();
    FailureOr<RuntimeQuantParams> params =
        bindRuntimeQuantParams(binder, 1, 2, getTensorType(stored).getRank());
    if (failed(params))
      return failure();
    FailureOr<Value> value = buildRuntimeDequantize(binder, stored, *params);
    if (failed(value))
      return failure();
    binder.setOutput(0, *value);
    return success();
  }
  FailureOr<Value> stored = bindQuantizedInput(binder, 0, 1, 2);
  if (failed(stored))
    return failure();
  RankedTensorType type = getTensorType(*stored);
  Type expressed =
      cast<quant::QuantizedType>(type.getElementType()).getExpressedType();
  binder.setOutput(0, DequantizeOp::create(binder.getBuilder(), binder.getLoc(),
                                           type.clone(expressed), *stored));
  return success();
}

/// Returns the elements of a `rows` x `columns` matrix in row-major order:
/// one on diagonal `k` (column - row == k), zero elsewhere. `element` is a
/// float or integer type.
SmallVector<Attribute> getEyeValues(OpBuilder &builder, Type element,
                                    int64_t rows, int64_t columns, int64_t k) {
  Attribute one = isa<FloatType>(element)
                      ? Attribute(builder.getFloatAttr(element, 1.0))
                      : Attribute(builder.getIntegerAttr(element, 1));
  Attribute zero = builder.getZeroAttr(element);
  SmallVector<Attribute> values;
  for (int64_t row = 0; row < rows; ++row)
    for (int64_t column = 0; column < columns; ++column)
      values.push_back(column - row == k ? one : zero);
  return values;
}

/// An einsum operand during lowering: a value and one letter per dimension.
struct EinsumTerm {
  Value value;
  std::string letters;
};

/// Takes the diagonal for every letter that `term` repeats (`ii` -> `i`):
/// masks the operand with an identity over the two dimensions of a repeated
/// letter, then sums the second of them away.
FailureOr<EinsumTerm> takeDiagonals(NodeBinder &binder, EinsumTerm term) {
  Type element = getElementTypeOrSelf(term.value.getType());
  for (size_t second = 1; second < term.letters.size();) {
    size_t first = term.letters.find(term.letters[second]);
    if (first == second) {
      ++second;
      continue;
    }
    if (!isa<FloatType, IntegerType>(element)) {
      binder.emitError() << "einsum diagonals need float or integer "
                            "operands, got "
                         << element;
      return failure();
    }
    // The identity over dimensions `first` and `second`, extent 1 elsewhere.
    int64_t extent = getTensorType(term.value).getDimSize(first);
    SmallVector<int64_t> maskShape(term.letters.size(), 1);
    maskShape[first] = maskShape[second] = extent;
    Value mask = binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get(maskShape, element),
        getEyeValues(binder.getBuilder(), element, extent, extent, 0)));
    FailureOr<MulOp> masked =
        binder.create<MulOp>({element}, term.value, mask);
    if (failed(masked))
      return failure();
    FailureOr<ReduceSumOp> diagonal = binder.create<ReduceSumOp>(
        {element}, *masked, ArrayRef<int64_t>{static_cast<int64_t>(second)},
        /*keep_dims=*/false, Value());
    if (failed(diagonal))
      return failure();
    term.value = *diagonal;
    term.letters.erase(second, 1);
  }
  return term;
}

/// Sums `term` over the letters that `keep` does not contain.
FailureOr<EinsumTerm> sumOutLetters(NodeBinder &binder, EinsumTerm term,
                                    StringRef keep) {
  SmallVector<int64_t> axes;
  std::string kept;
  for (auto [axis, letter] : llvm::enumerate(term.letters)) {
    if (keep.contains(letter))
      kept.push_back(letter);
    else
      axes.push_back(axis);
  }
  if (axes.empty())
    return term;
  FailureOr<ReduceSumOp> sum = binder.create<ReduceSumOp>(
      {getElementTypeOrSelf(term.value.getType())}, term.value, axes, false,
      Value());
  if (failed(sum))
    return failure();
  return EinsumTerm{*sum, kept};
}

/// Transposes `term` so its letters read `order` (a permutation of them).
FailureOr<EinsumTerm> permuteLetters(NodeBinder &binder, EinsumTerm term,
                                     StringRef order) {
  if (term.letters == order)
    return term;
  SmallVector<int64_t> perm;
  for (char letter : order)
    perm.push_back(term.letters.find(letter));
  FailureOr<TransposeOp> transposed = binder.create<TransposeOp>(
      {getElementTypeOrSelf(term.value.getType())}, term.value, perm);
  if (failed(transposed))
    return failure();
  return EinsumTerm{*transposed, order.str()};
}

/// Contracts two terms into one with letters `batch + lhsFree + rhsFree`,
/// as a batched matmul of [batch, lhsFree, contracted] x
/// [batch, contracted, rhsFree], keeping only the letters in `needed`.
FailureOr<EinsumTerm> contractTerms(NodeBinder &binder, EinsumTerm lhs,
                                    EinsumTerm rhs, StringRef needed,
                                    const llvm::DenseMap<char, int64_t> &extents) {
  // Letters only one side has and nobody needs are summed out first.
  std::string lhsKeep = needed.str() + rhs.letters;
  std::string rhsKeep = needed.str() + lhs.letters;
  FailureOr<EinsumTerm> a = sumOutLetters(binder, lhs, lhsKeep);
  if (failed(a))
    return failure();
  FailureOr<EinsumTerm> b = sumOutLetters(binder, rhs, rhsKeep);
  if (failed(b))
    return failure();
  std::string batch, contracted, lhsFree, rhsFree;
  for (char letter : a->letters) {
    bool shared = b->letters.find(letter) != std::string::npos;
    bool kept = needed.contains(letter);
    (shared ? (kept ? batch : contracted) : lhsFree).push_back(letter);
  }
  for (char letter : b->letters)
    if (a->letters.find(letter) == std::string::npos)
      rhsFree.push_back(letter);
  FailureOr<EinsumTerm> left =
      permuteLetters(binder, *a, batch + lhsFree + contracted);
  if (failed(left))
    return failure();
  FailureOr<EinsumTerm> right =
      permuteLetters(binder, *b, batch + contracted + rhsFree);
  if (failed(right))
    return failure();
  auto extentOf = [&](StringRef letters) {
    int64_t result = 1;
    for (char letter : letters)
      result *= extents.lookup(letter);
    return result;
  };
  Type element = getElementTypeOrSelf(lhs.value.getType());
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  int64_t batchSize = extentOf(batch), rows = extentOf(lhsFree),
          inner = extentOf(contracted), columns = extentOf(rhsFree);
  Value lhs3d = ReshapeOp::create(
      builder, loc, RankedTensorType::get({batchSize, rows, inner}, element),
      left->value);
  Value rhs3d = ReshapeOp::create(
      builder, loc, RankedTensorType::get({batchSize, inner, columns}, element),
      right->value);
  FailureOr<MatMulOp> product3d =
      binder.create<MatMulOp>({element}, lhs3d, rhs3d);
  if (failed(product3d))
    return failure();
  std::string letters = batch + lhsFree + rhsFree;
  SmallVector<int64_t> shape;
  for (char letter : letters)
    shape.push_back(extents.lookup(letter));
  Value product = *product3d;
  Value result = ReshapeOp::create(
      builder, loc, RankedTensorType::get(shape, element), product);
  return EinsumTerm{result, letters};
}

/// Einsum on statically shaped operands, lowered to sums, transposes and
/// batched matmuls contracting the operands left to right. Ellipses are
/// supported; a letter repeated within one operand takes its diagonal first.
LogicalResult importEinsum(NodeBinder &binder) {
  if (failed(binder.checkNumOutputs(1)) || failed(binder.requireAttr("equation")))
    return failure();
  std::string equation;
  for (char c : binder.getString("equation", ""))
    if (c != ' ')
      equation.push_back(c);
  size_t arrow = equation.find("->");
  bool explicitOutput = arrow != std::string::npos;
  std::string inputsText = equation.substr(0, arrow);
  SmallVector<StringRef> inputSpecs;
  StringRef(inputsText).split(inputSpecs, ',');
  if (inputSpecs.size() != binder.getNumInputs() || inputSpecs.empty()) {
    binder.emitError() << "equation '" << equation << "' names "
                       << inputSpecs.size() << " operands for "
                       << binder.getNumInputs() << " inputs";
    return failure();
  }
  // Ellipsis dimensions get the letters '0', '1', ... (never subscripts).
  std::string ellipsisLetters;
  llvm::DenseMap<char, int64_t> extents;
  SmallVector<EinsumTerm> terms;
  // Every operand's letters before diagonals, for the implicit output.
  std::string allLetters;
  auto expand = [&](StringRef spec, int64_t rank) -> FailureOr<std::string> {
    size_t dots = spec.find("...");
    std::string letters = spec.str();
    if (dots != StringRef::npos) {
      int64_t count = rank - static_cast<int64_t>(spec.size() - 3);
      if (count < 0 || count > 10)
        return failure();
      std::string ellipsis;
      for (int64_t i = 0; i < count; ++i)
        ellipsis.push_back('0' + (10 - count + i));
      if (ellipsisLetters.empty() || ellipsis.size() > ellipsisLetters.size())
        ellipsisLetters = ellipsis;
      letters = spec.substr(0, dots).str() + ellipsis +
                spec.substr(dots + 3).str();
    }
    if (static_cast<int64_t>(letters.size()) != rank)
      return failure();
    return letters;
  };
  for (auto [index, spec] : llvm::enumerate(inputSpecs)) {
    Value input = binder.getInput(index);
    if (!input)
      return failure();
    RankedTensorType type = getTensorType(input);
    FailureOr<std::string> letters = expand(spec, type.getRank());
    if (failed(letters)) {
      binder.emitError() << "subscripts '" << spec << "' do not fit operand #"
                         << index << " of rank " << type.getRank();
      return failure();
    }
    for (auto [dim, letter] : llvm::enumerate(*letters)) {
      int64_t extent = type.getDimSize(dim);
      if (ShapedType::isDynamic(extent)) {
        binder.emitError() << "einsum needs static operand shapes";
        return failure();
      }
      auto [it, inserted] = extents.try_emplace(letter, extent);
      if (!inserted && it->second != extent) {
        binder.emitError() << "subscript '" << letter << "' has extents "
                           << it->second << " and " << extent;
        return failure();
      }
    }
    allLetters += *letters;
    FailureOr<EinsumTerm> term = takeDiagonals(binder, {input, *letters});
    if (failed(term))
      return failure();
    terms.push_back(*term);
  }
  std::string output;
  if (explicitOutput) {
    output = StringRef(equation).drop_front(arrow + 2).str();
    size_t dots = output.find("...");
    if (dots != std::string::npos)
      output = output.substr(0, dots) + ellipsisLetters + output.substr(dots + 3);
  } else {
    // Implicit output: ellipsis dimensions, then letters used once, sorted.
    output = ellipsisLetters;
    std::string once;
    for (char letter : allLetters)
      if (llvm::count(allLetters, letter) == 1 &&
          !llvm::is_contained(ellipsisLetters, letter))
        once.push_back(letter);
    llvm::sort(once);
    output += once;
  }
  for (char letter : output)
    if (!extents.count(letter)) {
      binder.emitError() << "output subscript '" << letter
                         << "' names no operand dimension";
      return failure();
    }

  EinsumTerm result = terms.front();
  for (size_t i = 1; i < terms.size(); ++i) {
    std::string needed = output;
    for (size_t j = i + 1; j < terms.size(); ++j)
      needed += terms[j].letters;
    FailureOr<EinsumTerm> contracted =
        contractTerms(binder, result, terms[i], needed, extents);
    if (failed(contracted))
      return failure();
    result = *contracted;
  }
  FailureOr<EinsumTerm> summed = sumOutLetters(binder, result, output);
  if (failed(summed))
    return failure();
  FailureOr<EinsumTerm> ordered = permuteLetters(binder, *summed, output);
  if (failed(ordered))
    return failure();
  binder.setOutput(0, ordered->value);
  return success();
}

/// EyeLike: ones on diagonal `k` of a 2-D tensor shaped like the input.
LogicalResult importEyeLike(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  if (type.getRank() != 2 || !type.hasStaticShape()) {
    binder.emitError() << "expects a static 2-D input, got "
                       << formatShape(type.getShape());
    return failure();
  }
  Type element = type.getElementType();
  if (int64_t dtype = binder.getInt("dtype", 0)) {
    element = getElementType(binder.getContext(), dtype);
    if (!element) {
      binder.emitError() << "unsupported dtype " << getDataTypeName(dtype);
      return failure();
    }
  }
  binder.setOutput(
      0, binder.createConstant(DenseElementsAttr::get(
             type.clone(element),
             getEyeValues(binder.getBuilder(), element, type.getDimSize(0),
                          type.getDimSize(1), binder.getInt("k", 0)))));
  return success();
}

LogicalResult importFlatten(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  int64_t rank = getTensorType(input).getRank();
  // Flatten's axis ranges over [-rank, rank].
  int64_t axis = binder.getInt("axis", 1);
  if (axis < -rank || axis > rank) {
    binder.emitError() << "axis " << axis << " is out of range for rank "
                       << rank;
    return failure();
  }
  return setSingleOutput(
      binder, binder.create<FlattenOp>({getElementTypeOrSelf(input.getType())},
                                       input, axis < 0 ? axis + rank : axis));
}

LogicalResult importExpand(NodeBinder &binder) {
  Value input = binder.bindFirstInput(2, 2);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  if (Value runtimeShape = getRuntimeShape(binder, 1)) {
    // Only the rank is known: max(input rank, shape length), extents `?`.
    int64_t rank = std::max(type.getRank(),
                            getTensorType(runtimeShape).getDimSize(0));
    binder.setOutput(0, ExpandOp::create(
                            binder.getBuilder(), binder.getLoc(),
                            type.clone(SmallVector<int64_t>(
                                rank, ShapedType::kDynamic)),
                            input, runtimeShape));
    return success();
  }
  if (failed(binder.status()))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      binder.getConstantInts(1, "the shape");
  if (failed(shape))
    return failure();
  SmallVector<int64_t> result;
  if (!mlir::OpTrait::util::getBroadcastedShape(type.getShape(), *shape, result)) {
    binder.emitError() << "cannot expand " << formatShape(type.getShape())
                       << " to " << formatShape(*shape);
    return failure();
  }
  binder.setOutput(0, ExpandOp::create(binder.getBuilder(), binder.getLoc(),
                                       type.clone(result), input));
  return success();
}

/// ArgMax and ArgMin.
template <typename OpTy>
LogicalResult importArgReduce(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", 0), getTensorType(input).getRank());
  if (failed(axis))
    return failure();
  return setSingleOutput(
      binder, binder.create<OpTy>({binder.getBuilder().getI64Type()}, input,
                                  *axis, binder.getInt("keepdims", 1) != 0,
                                  binder.getInt("select_last_index", 0) != 0));
}

} // namespace

void populateDefaultDomainAtoF(OpTable &table) {
  table.onOp("Abs", 1, unaryHandler<AbsOp>());
  table.onOp("Acos", 7, unaryHandler<AcosOp>());
  table.onOp("Acosh", 9, unaryHandler<AcoshOp>());
  table.onOp("Add", 1, binaryHandler<AddOp>());
  table.onOp("And", 1, binaryHandler<AndOp>(/*boolResult=*/true));
  table.onOp("ArgMax", 1, importArgReduce<ArgMaxOp>);
  table.onOp("ArgMin", 1, importArgReduce<ArgMinOp>);
  table.onOp("Asin", 7, unaryHandler<AsinOp>());
  table.onOp("Asinh", 9, unaryHandler<AsinhOp>());
  table.onOp("Atan", 7, unaryHandler<AtanOp>());
  table.onOp("Atanh", 9, unaryHandler<AtanhOp>());
  table.onOp("AveragePool", 1, importPool<AveragePoolOp>);
  table.onOp("BatchNormalization", 1, importBatchNormalization);
  table.onOp("Bernoulli", 15, importBernoulli);
  table.onOp("BitShift", 11, [](NodeBinder &binder) -> LogicalResult {
    std::string direction = binder.getString("direction", "");
    if (direction == "LEFT")
      return binaryHandler<ShiftLeftOp>()(binder);
    if (direction == "RIGHT")
      return binaryHandler<ShiftRightOp>()(binder);
    binder.emitError() << "direction must be LEFT or RIGHT, got '"
                       << direction << "'";
    return failure();
  });
  table.onOp("BitwiseAnd", 18, binaryHandler<BitwiseAndOp>());
  table.onOp("BitwiseNot", 18, unaryHandler<BitwiseNotOp>());
  table.onOp("BitwiseOr", 18, binaryHandler<BitwiseOrOp>());
  table.onOp("BitwiseXor", 18, binaryHandler<BitwiseXorOp>());
  table.onOp("Cast", 1, importCast);
  table.onOp("CastLike", 15, importCastLike);
  table.onOp("Ceil", 1, unaryHandler<CeilOp>());
  table.onOp("Celu", 12, unaryHandler<CeluOp>([](NodeBinder &binder) {
               return std::make_tuple(APFloat(binder.getFloat("alpha", 1.0f)));
             }));
  table.onOp("Clip", 1, importClip);
  table.onOp("Compress", 9, importCompress);
  table.onOp("Concat", 1, importConcat);
  table.onOp("Constant", 1, importConstant);
  table.onOp("ConstantOfShape", 9, importConstantOfShape);
  table.onOp("Conv", 1, importConv);
  table.onOp("ConvInteger", 10, importConv);
  table.onOp("ConvTranspose", 1, importConvTranspose);
  table.onOp("Cos", 7, unaryHandler<CosOp>());
  table.onOp("Cosh", 9, unaryHandler<CoshOp>());
  table.onOp("CumSum", 11, importCumSum);
  table.onOp("DepthToSpace", 1, importDepthToSpace);
  table.onOp("DequantizeLinear", 10, importDequantizeLinear);
  table.onOp("Det", 11, importDet);
  table.onOp("Div", 1, binaryHandler<DivOp>());
  table.onOp("Dropout", 1, importDropout);
  table.onOp("DynamicQuantizeLinear", 11, importDynamicQuantizeLinear);
  table.onOp("Einsum", 12, importEinsum);
  table.onOp("Elu", 1, unaryHandler<EluOp>([](NodeBinder &binder) {
               return std::make_tuple(APFloat(binder.getFloat("alpha", 1.0f)));
             }));
  table.onOp("Equal", 1, binaryHandler<EqualOp>(/*boolResult=*/true));
  table.onOp("Erf", 9, unaryHandler<ErfOp>());
  table.onOp("Exp", 1, unaryHandler<ExpOp>());
  table.onOp("Expand", 8, importExpand);
  table.onOp("EyeLike", 9, importEyeLike);
  table.onOp("Flatten", 1, importFlatten);
  table.onOp("Floor", 1, unaryHandler<FloorOp>());
}

} // namespace mlir::kiln::onnx_import
