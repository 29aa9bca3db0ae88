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

LogicalResult importBatchNormalization(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(5, 5)) ||
      failed(binder.checkNumOutputs(1)))
    return failure();
  if (binder.getInt("training_mode", 0) != 0) {
    binder.emitError() << "training_mode = 1 is not supported (inference "
                          "only)";
    return failure();
  }
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < 5; ++i)
    inputs.push_back(binder.getInput(i));
  if (llvm::is_contained(inputs, Value()))
    return failure();
  return setSingleOutput(
      binder, binder.create<BatchNormOp>(
      {getElementTypeOrSelf(inputs[0].getType())}, inputs[0], inputs[1],
      inputs[2], inputs[3], inputs[4],
      APFloat(binder.getFloat("epsilon", 1e-5f))));
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
  auto type = cast<RankedTensorType>(input.getType()).clone(element);
  binder.setOutput(0, CastOp::create(binder.getBuilder(), binder.getLoc(),
                                     type, input));
  return success();
}

LogicalResult importCastLike(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  RankedTensorType like = binder.getInputType(1);
  if (!input || !like)
    return failure();
  binder.setOutput(0, CastOp::create(binder.getBuilder(), binder.getLoc(),
                                     getTensorType(input).clone(
                                         like.getElementType()),
                                     input));
  return success();
}

LogicalResult importClip(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 3);
  if (!input)
    return failure();
  Type element = getElementTypeOrSelf(input.getType());
  Type expressed = getExpressedElementType(element);
  OpBuilder &builder = binder.getBuilder();
  // Opset 11 moved the bounds from attributes to (constant) inputs.
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
  FailureOr<SmallVector<int64_t>> shape =
      binder.getConstantInts(0, "the shape");
  if (failed(shape))
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
  auto type = RankedTensorType::get(*shape, cast<TypedAttr>(fill).getType());
  binder.setOutput(0, binder.createConstant(DenseElementsAttr::get(type, fill)));
  return success();
}

/// Conv and ConvInteger: X, W, optional B (Conv) or zero points (ConvInteger,
/// accepted only when absent or zero).
LogicalResult importConv(NodeBinder &binder) {
  bool isInteger = binder.getNode().op_type() == "ConvInteger";
  if (failed(binder.checkNumInputs(2, isInteger ? 4 : 3)) ||
      failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), weight = binder.getInput(1);
  if (!input || !weight)
    return failure();
  Value bias;
  if (isInteger) {
    for (unsigned i = 2; i < 4; ++i) {
      if (!binder.hasInput(i))
        continue;
      FailureOr<SmallVector<int64_t>> zeroPoint =
          binder.getConstantInts(i, "the zero point");
      if (failed(zeroPoint))
        return failure();
      if (llvm::any_of(*zeroPoint, [](int64_t v) { return v != 0; })) {
        binder.emitError() << "non-zero zero points of ConvInteger are not "
                              "supported yet";
        return failure();
      }
    }
  } else {
    bias = binder.getOptionalInput(2);
  }
  auto weightType = cast<RankedTensorType>(weight.getType());
  FailureOr<Window> window =
      readWindow(binder, cast<RankedTensorType>(input.getType()),
                 weightType.getShape().drop_front(std::min<int64_t>(
                     2, weightType.getRank())));
  if (failed(window))
    return failure();
  return setSingleOutput(
      binder, binder.create<ConvOp>(
      {getContractionResultType(binder, input)}, input, weight, bias,
      window->strides, window->dilations, window->pads,
      binder.getInt("group", 1)));
}

LogicalResult importConvTranspose(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), weight = binder.getInput(1);
  if (!input || !weight)
    return failure();
  if (binder.hasAttr("output_shape") ||
      binder.getString("auto_pad", "NOTSET") != "NOTSET") {
    binder.emitError() << "output_shape and auto_pad are not supported yet; "
                          "give explicit pads";
    return failure();
  }
  auto inputType = cast<RankedTensorType>(input.getType());
  auto weightType = cast<RankedTensorType>(weight.getType());
  FailureOr<Window> window = readWindow(
      binder, inputType,
      weightType.getShape().drop_front(std::min<int64_t>(2, weightType.getRank())));
  if (failed(window))
    return failure();
  SmallVector<int64_t> outputPadding = binder.getInts(
      "output_padding", SmallVector<int64_t>(inputType.getRank() - 2, 0));
  return setSingleOutput(
      binder, binder.create<ConvTransposeOp>(
      {getElementTypeOrSelf(input.getType())}, input, weight,
      binder.getOptionalInput(2), window->strides, window->dilations,
      window->pads, outputPadding, binder.getInt("group", 1)));
}

LogicalResult importCumSum(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  FailureOr<SmallVector<int64_t>> axis = binder.getConstantInts(1, "the axis");
  if (!input || failed(axis))
    return failure();
  if (axis->size() != 1) {
    binder.emitError() << "the axis must be a scalar";
    return failure();
  }
  FailureOr<int64_t> normalized = binder.normalizeAxis(
      axis->front(), cast<RankedTensorType>(input.getType()).getRank());
  if (failed(normalized))
    return failure();
  return setSingleOutput(
      binder, binder.create<CumSumOp>(
      {getElementTypeOrSelf(input.getType())}, input, *normalized,
      binder.getInt("exclusive", 0) != 0, binder.getInt("reverse", 0) != 0));
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

/// Dropout at inference forwards its input; the optional mask is all true.
LogicalResult importDropout(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 3, 2);
  if (!input)
    return failure();
  if (binder.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> training =
        binder.getConstantInts(2, "training_mode");
    if (failed(training))
      return failure();
    if (llvm::any_of(*training, [](int64_t v) { return v != 0; })) {
      binder.emitError() << "training_mode = true is not supported "
                            "(inference only)";
      return failure();
    }
  }
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

/// DequantizeLinear: x (stored integers), x_scale, optional x_zero_point.
LogicalResult importDequantizeLinear(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
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
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  FailureOr<SmallVector<int64_t>> shape =
      binder.getConstantInts(1, "the shape");
  if (!input || failed(shape))
    return failure();
  RankedTensorType type = getTensorType(input);
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
  table.onOp("Div", 1, binaryHandler<DivOp>());
  table.onOp("Dropout", 1, importDropout);
  table.onOp("Elu", 1, unaryHandler<EluOp>([](NodeBinder &binder) {
               return std::make_tuple(APFloat(binder.getFloat("alpha", 1.0f)));
             }));
  table.onOp("Equal", 1, binaryHandler<EqualOp>(/*boolResult=*/true));
  table.onOp("Erf", 9, unaryHandler<ErfOp>());
  table.onOp("Exp", 1, unaryHandler<ExpOp>());
  table.onOp("Expand", 8, importExpand);
  table.onOp("Flatten", 1, importFlatten);
  table.onOp("Floor", 1, unaryHandler<FloorOp>());
}

} // namespace mlir::kiln::onnx_import
