//===- HandlerUtils.cpp - building blocks of ONNX op handlers ------------===//

#include "HandlerUtils.h"

#include "dialects/Kiln/KilnConstantFolding.h"

namespace mlir::kiln::onnx_import {

FailureOr<Window> readWindow(NodeBinder &binder, RankedTensorType input,
                             ArrayRef<int64_t> defaultKernel) {
  int64_t spatialRank = input.getRank() - 2;
  if (spatialRank < 1) {
    binder.emitError() << "input must have rank >= 3 (batch, channels, "
                          "spatial), got rank "
                       << input.getRank();
    return failure();
  }
  Window window;
  SmallVector<int64_t> ones(spatialRank, 1);
  window.kernel = binder.getInts("kernel_shape", defaultKernel);
  window.strides = binder.getInts("strides", ones);
  window.dilations = binder.getInts("dilations", ones);
  for (auto [name, values] :
       {std::pair<StringRef, ArrayRef<int64_t>>{"kernel_shape", window.kernel},
        {"strides", window.strides},
        {"dilations", window.dilations}})
    if (static_cast<int64_t>(values.size()) != spatialRank) {
      binder.emitError() << name << " has " << values.size()
                         << " entries for " << spatialRank
                         << " spatial dimensions";
      return failure();
    }
  // ONNX auto_pad: SAME_* pads so that out = ceil(in / stride).
  std::string autoPad = binder.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    window.pads = binder.getInts("pads", SmallVector<int64_t>(2 * spatialRank));
    return window;
  }
  window.pads.assign(2 * spatialRank, 0);
  if (autoPad == "VALID")
    return window;
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
    binder.emitError() << "unknown auto_pad '" << autoPad << "'";
    return failure();
  }
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t extent = input.getDimSize(i + 2);
    if (ShapedType::isDynamic(extent)) {
      binder.emitError() << "auto_pad " << autoPad
                         << " needs a static extent of spatial dimension " << i
                         << " (give input shapes with --input-shape)";
      return failure();
    }
    if (window.strides[i] < 1) {
      binder.emitError() << "strides must be positive";
      return failure();
    }
    int64_t out = llvm::divideCeil(extent, window.strides[i]);
    int64_t span = (window.kernel[i] - 1) * window.dilations[i] + 1;
    int64_t total =
        std::max<int64_t>(0, (out - 1) * window.strides[i] + span - extent);
    int64_t small = total / 2, large = total - small;
    window.pads[i] = autoPad == "SAME_UPPER" ? small : large;
    window.pads[spatialRank + i] = autoPad == "SAME_UPPER" ? large : small;
  }
  return window;
}


FailureOr<SoftmaxOperand> getSoftmaxOperand(NodeBinder &binder, Value input) {
  RankedTensorType type = getTensorType(input);
  bool coerced = binder.getOpset() < 13;
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", coerced ? 1 : -1), type.getRank());
  if (failed(axis))
    return failure();
  if (!coerced || *axis == type.getRank() - 1)
    return SoftmaxOperand{input, *axis};
  if (!type.hasStaticShape()) {
    binder.emitError() << "needs a static input shape to flatten at axis "
                       << *axis;
    return failure();
  }
  int64_t outer = 1, inner = 1;
  for (auto [dim, extent] : llvm::enumerate(type.getShape()))
    (static_cast<int64_t>(dim) < *axis ? outer : inner) *= extent;
  Value flat = ReshapeOp::create(
      binder.getBuilder(), binder.getLoc(),
      RankedTensorType::get({outer, inner}, type.getElementType()), input);
  return SoftmaxOperand{flat, 1};
}

LogicalResult setSoftmaxResult(NodeBinder &binder, Value input, Value result) {
  if (result.getType() != input.getType())
    result = ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                               input.getType(), result);
  binder.setOutput(0, result);
  return success();
}

Value alignLegacyBroadcast(NodeBinder &binder, Value lhs, Value rhs) {
  if (binder.getOpset() >= 7 || binder.getInt("broadcast", 0) == 0 ||
      !binder.hasAttr("axis"))
    return rhs;
  RankedTensorType lhsType = getTensorType(lhs), rhsType = getTensorType(rhs);
  int64_t axis = binder.getInt("axis", 0);
  if (axis < 0)
    axis += lhsType.getRank();
  int64_t trailing = lhsType.getRank() - axis - rhsType.getRank();
  if (axis < 0 || trailing < 0) {
    binder.emitError() << "legacy broadcast of " << formatShape(rhsType.getShape())
                       << " at axis " << binder.getInt("axis", 0)
                       << " does not fit " << formatShape(lhsType.getShape());
    return {};
  }
  if (trailing == 0)
    return rhs;
  SmallVector<int64_t> shape(rhsType.getShape());
  shape.append(trailing, 1);
  return ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                           rhsType.clone(shape), rhs);
}

FailureOr<Value> buildNegativeLogLikelihood(NodeBinder &binder, Value logProb,
                                            Value target, Value weight) {
  RankedTensorType probType = getTensorType(logProb);
  RankedTensorType targetType = getTensorType(target);
  if (probType.getRank() < 2 || targetType.getRank() != probType.getRank() - 1) {
    binder.emitError() << "expects input [N, C, d...] and target [N, d...], "
                          "got "
                       << formatShape(probType.getShape()) << " and "
                       << formatShape(targetType.getShape());
    return failure();
  }
  std::string reduction = binder.getString("reduction", "mean");
  if (reduction != "none" && reduction != "sum" && reduction != "mean") {
    binder.emitError() << "unknown reduction '" << reduction << "'";
    return failure();
  }
  OpBuilder &builder = binder.getBuilder();
  Location loc = binder.getLoc();
  Type element = probType.getElementType();
  Type index = targetType.getElementType();
  Type i1 = builder.getI1Type();

  // Ignored targets may hold any value: gather class 0 for them instead and
  // mask their loss out.
  Value safeTarget = target, keep;
  if (binder.hasAttr("ignore_index")) {
    Value ignored = binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get({}, index),
        builder.getIntegerAttr(index, binder.getInt("ignore_index", 0))));
    FailureOr<EqualOp> isIgnored = binder.create<EqualOp>({i1}, target, ignored);
    if (failed(isIgnored))
      return failure();
    Value zero = binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get({}, index), builder.getIntegerAttr(index, 0)));
    FailureOr<WhereOp> replaced =
        binder.create<WhereOp>({index}, *isIgnored, zero, target);
    if (failed(replaced))
      return failure();
    safeTarget = *replaced;
    Value kept = NotOp::create(builder, loc, isIgnored->getType(), *isIgnored);
    keep = CastOp::create(builder, loc, targetType.clone(element), kept);
  }

  FailureOr<UnsqueezeOp> classIndex =
      binder.create<UnsqueezeOp>({index}, safeTarget, ArrayRef<int64_t>{1});
  if (failed(classIndex))
    return failure();
  FailureOr<GatherElementsOp> picked =
      binder.create<GatherElementsOp>({element}, logProb, *classIndex, 1);
  if (failed(picked))
    return failure();
  FailureOr<SqueezeOp> squeezed =
      binder.create<SqueezeOp>({element}, *picked, ArrayRef<int64_t>{1});
  if (failed(squeezed))
    return failure();
  Value loss = NegOp::create(builder, loc, squeezed->getType(), *squeezed);

  // Per-element weight: weight[t], times the keep mask.
  Value perElement;
  if (weight) {
    FailureOr<GatherOp> gathered =
        binder.create<GatherOp>({element}, weight, safeTarget, 0);
    if (failed(gathered))
      return failure();
    perElement = *gathered;
  }
  if (keep) {
    if (perElement) {
      FailureOr<MulOp> masked = binder.create<MulOp>({element}, perElement, keep);
      if (failed(masked))
        return failure();
      perElement = *masked;
    } else {
      perElement = keep;
    }
  }
  if (perElement) {
    FailureOr<MulOp> weighted = binder.create<MulOp>({element}, loss, perElement);
    if (failed(weighted))
      return failure();
    loss = *weighted;
  }
  if (reduction == "none")
    return loss;

  SmallVector<int64_t> allAxes =
      llvm::to_vector(llvm::seq<int64_t>(0, targetType.getRank()));
  FailureOr<ReduceSumOp> total =
      binder.create<ReduceSumOp>({element}, loss, allAxes, false, Value());
  if (failed(total))
    return failure();
  if (reduction == "sum")
    return Value(*total);
  if (!perElement) {
    FailureOr<ReduceMeanOp> mean =
        binder.create<ReduceMeanOp>({element}, loss, allAxes, false, Value());
    if (failed(mean))
      return failure();
    return Value(*mean);
  }
  FailureOr<ReduceSumOp> weightTotal =
      binder.create<ReduceSumOp>({element}, perElement, allAxes, false,
                                  Value());
  if (failed(weightTotal))
    return failure();
  FailureOr<DivOp> mean = binder.create<DivOp>({element}, *total, *weightTotal);
  if (failed(mean))
    return failure();
  return Value(*mean);
}

FailureOr<Moments> buildMoments(NodeBinder &binder, Value input,
                                ArrayRef<int64_t> axes) {
  Type element = getElementTypeOrSelf(input.getType());
  FailureOr<ReduceMeanOp> mean =
      binder.create<ReduceMeanOp>({element}, input, axes, /*keep_dims=*/true,
                                  Value());
  if (failed(mean))
    return failure();
  FailureOr<SubOp> centered = binder.create<SubOp>({element}, input, *mean);
  if (failed(centered))
    return failure();
  FailureOr<MulOp> squared =
      binder.create<MulOp>({element}, *centered, *centered);
  if (failed(squared))
    return failure();
  FailureOr<ReduceMeanOp> variance =
      binder.create<ReduceMeanOp>({element}, *squared, axes, true, Value());
  if (failed(variance))
    return failure();
  return Moments{*mean, *centered, *variance};
}

Value getRuntimeShape(NodeBinder &binder, unsigned index) {
  Value shape = binder.getInput(index);
  if (!shape || shape.getDefiningOp<ConstantOp>())
    return {};
  RankedTensorType type = getTensorType(shape);
  if (type.getRank() != 1 || type.isDynamicDim(0) ||
      !type.getElementType().isInteger(64)) {
    binder.emitError() << "a shape computed at run time must be a 1-D int64 "
                          "tensor of static length, got "
                       << type;
    return {};
  }
  return shape;
}

SplitOp buildSplit(NodeBinder &binder, Value input, ArrayRef<int64_t> sizes,
                   Value dynamicSizes, int64_t axis) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<Type> pieceTypes;
  for (int64_t size : sizes) {
    SmallVector<int64_t> shape(type.getShape());
    shape[axis] = size;
    pieceTypes.push_back(type.clone(shape));
  }
  return SplitOp::create(binder.getBuilder(), binder.getLoc(), pieceTypes,
                         input, dynamicSizes, axis);
}

FailureOr<Type> getDataTypeAttr(NodeBinder &binder, StringRef name,
                                Type defaultType,
                                function_ref<bool(Type)> isAllowed,
                                StringRef allowed) {
  if (!binder.hasAttr(name)) {
    if (isAllowed(defaultType))
      return defaultType;
    binder.emitError() << "without " << name << " the output would be "
                       << defaultType << ", which is not " << allowed;
    return failure();
  }
  int64_t dataType = binder.getInt(name, 0);
  if (failed(binder.status()))
    return failure();
  Type element;
  std::string typeName = std::to_string(dataType);
  if (llvm::isInt<32>(dataType)) {
    element =
        getElementType(binder.getContext(), static_cast<int32_t>(dataType));
    typeName = getDataTypeName(static_cast<int32_t>(dataType));
  }
  if (!element || !isAllowed(element)) {
    binder.emitError() << name << " " << typeName << " is not " << allowed;
    return failure();
  }
  return element;
}

FloatAttr getSeedAttr(NodeBinder &binder) {
  if (!binder.hasAttr("seed"))
    return {};
  return binder.getBuilder().getF32FloatAttr(binder.getFloat("seed", 0.0f));
}

FailureOr<IntegerAttr> getOptionalAxisAttr(NodeBinder &binder, int64_t rank) {
  if (!binder.hasAttr("axis"))
    return IntegerAttr();
  FailureOr<int64_t> axis = binder.normalizeAxis(binder.getInt("axis", 0), rank);
  if (failed(axis))
    return failure();
  return binder.getBuilder().getI64IntegerAttr(*axis);
}

FailureOr<quant::QuantizedType>
getQuantizedType(NodeBinder &binder, RankedTensorType data,
                 unsigned scaleIndex, unsigned zeroPointIndex,
                 Type defaultStorage, Type expressed,
                 std::optional<int64_t> axisOverride) {
  RankedTensorType scaleType = binder.getInputType(scaleIndex);
  FailureOr<SmallVector<double>> scales =
      binder.getConstantFloats(scaleIndex, "the scale");
  if (!scaleType || failed(scales))
    return failure();
  Type storage = defaultStorage;
  SmallVector<int64_t> zeroPoints(scales->size(), 0);
  if (binder.hasInput(zeroPointIndex)) {
    RankedTensorType zeroPointType = binder.getInputType(zeroPointIndex);
    if (!zeroPointType)
      return failure();
    storage = zeroPointType.getElementType();
    if (!isa<IntegerType>(storage)) {
      binder.emitError() << "zero points of type " << storage
                         << " (float 8 formats) are not supported yet";
      return failure();
    }
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(zeroPointIndex, "the zero point");
    if (failed(values))
      return failure();
    // A single scale and zero point may differ in shape (`[1]` and a
    // scalar, as onnxruntime writes some).
    bool perTensor = scales->size() == 1 && scaleType.getRank() <= 1 &&
                     zeroPointType.getRank() <= 1;
    if (values->size() != scales->size() ||
        (!perTensor && zeroPointType.getShape() != scaleType.getShape())) {
      binder.emitError() << "the zero point has shape "
                         << formatShape(zeroPointType.getShape())
                         << " but the scale has shape "
                         << formatShape(scaleType.getShape());
      return failure();
    }
    zeroPoints = std::move(*values);
  }
  auto integer = dyn_cast<IntegerType>(storage);
  if (!integer || integer.getWidth() > 32) {
    binder.emitError() << "unsupported quantized storage type " << storage;
    return failure();
  }
  bool isSigned = !integer.isUnsigned();
  unsigned width = integer.getWidth();
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  Type signless = IntegerType::get(binder.getContext(), width);
  int64_t storageMin =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t storageMax =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  auto emitTypeError = [&] { return binder.emitError(); };

  int64_t blockSize = binder.getInt("block_size", 0);
  if (blockSize == 0 && scales->size() == 1 && scaleType.getRank() <= 1)
    return cast<quant::QuantizedType>(quant::UniformQuantizedType::getChecked(
        emitTypeError, flags, signless, expressed, scales->front(),
        zeroPoints.front(), storageMin, storageMax));

  FailureOr<int64_t> axis = binder.normalizeAxis(
      axisOverride ? *axisOverride : binder.getInt("axis", 1), data.getRank());
  if (failed(axis))
    return failure();
  if (blockSize == 0) {
    if (scaleType.getRank() != 1) {
      binder.emitError() << "per-axis scales must be 1-D, got shape "
                         << formatShape(scaleType.getShape());
      return failure();
    }
    return cast<quant::QuantizedType>(
        quant::UniformQuantizedPerAxisType::getChecked(
            emitTypeError, flags, signless, expressed, *scales, zeroPoints,
            static_cast<int32_t>(*axis), storageMin, storageMax));
  }
  if (blockSize < 0 || scaleType.getRank() != data.getRank()) {
    binder.emitError() << "blocked quantization needs a positive block_size "
                          "and scales of the data's rank";
    return failure();
  }
  SmallVector<APInt> zeroPointValues;
  for (int64_t zeroPoint : zeroPoints)
    zeroPointValues.emplace_back(width, zeroPoint, isSigned);
  DenseElementsAttr scaleAttr =
      getFloatElements(scaleType.clone(expressed), *scales);
  auto zeroPointAttr = DenseElementsAttr::get(scaleType.clone(signless),
                                              ArrayRef<APInt>(zeroPointValues));
  // ONNX blocks only along `axis`: every other dimension has one scale per
  // element, i.e. block size 1 (upstream's default would be the extent).
  SmallVector<int32_t> dimensions;
  SmallVector<int64_t> blockSizes;
  for (int64_t dim = 0; dim < data.getRank(); ++dim) {
    dimensions.push_back(dim);
    blockSizes.push_back(dim == *axis ? blockSize : 1);
  }
  return cast<quant::QuantizedType>(
      quant::UniformQuantizedSubChannelType::getChecked(
          emitTypeError, flags, signless, expressed, scaleAttr, zeroPointAttr,
          dimensions, blockSizes, storageMin, storageMax));
}

FailureOr<Value> bindQuantizedInput(NodeBinder &binder, unsigned index,
                                    unsigned scaleIndex,
                                    unsigned zeroPointIndex,
                                    std::optional<int64_t> axis) {
  Value input = binder.getInput(index);
  RankedTensorType scaleType = binder.getInputType(scaleIndex);
  if (!input || !scaleType)
    return failure();
  RankedTensorType type = getTensorType(input);
  Type storage = type.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(storage))
    storage = getStoredIntegerType(quantized);
  FailureOr<quant::QuantizedType> quantized =
      getQuantizedType(binder, type, scaleIndex, zeroPointIndex, storage,
                       scaleType.getElementType(), axis);
  if (failed(quantized))
    return failure();
  return castToQuantized(binder, input, *quantized);
}

Value castToQuantized(NodeBinder &binder, Value value,
                      quant::QuantizedType quantized) {
  OpBuilder &builder = binder.getBuilder();
  RankedTensorType type = getTensorType(value);
  auto quantizedType = type.clone(quantized);
  if (type == quantizedType)
    return value;
  if (auto constant = value.getDefiningOp<ConstantOp>();
      constant && isa<IntegerType>(type.getElementType()) &&
      ConstantOp::isBuildableWith(constant.getValue(), quantizedType))
    return ConstantOp::create(builder, binder.getLoc(), quantizedType,
                              constant.getValue());
  if (auto current = dyn_cast<quant::QuantizedType>(type.getElementType())) {
    Type storage = getStoredIntegerType(current);
    value = StorageCastOp::create(builder, binder.getLoc(),
                                  type.clone(storage), value);
  }
  return StorageCastOp::create(builder, binder.getLoc(), quantizedType, value);
}

} // namespace mlir::kiln::onnx_import
