//===- DefaultDomainQtoZ.cpp - ai.onnx ops QuantizeLinear to Xor ----------===//

#include "HandlerUtils.h"

namespace mlir::kiln::onnx_import {

namespace {

/// QuantizeLinear: x, y_scale, optional y_zero_point (its type is the
/// storage type, integer or float 8; uint8 without one, or `output_dtype`
/// from opset 21).
LogicalResult importQuantizeLinear(NodeBinder &binder) {
  Value input = binder.bindFirstInput(2, 3);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  Type storage = IntegerType::get(binder.getContext(), 8, IntegerType::Unsigned);
  if (int64_t dtype = binder.getInt("output_dtype", 0)) {
    storage = getElementType(binder.getContext(), dtype);
    if (!storage) {
      binder.emitError() << "unsupported output_dtype "
                         << getDataTypeName(dtype);
      return failure();
    }
  }
  if (binder.hasInput(2)) {
    RankedTensorType zeroPoint = binder.getInputType(2);
    if (!zeroPoint)
      return failure();
    if (isa<FloatType>(zeroPoint.getElementType()))
      storage = zeroPoint.getElementType();
  }
  if (isa<FloatType>(storage)) {
    FailureOr<Value> quantized = buildFloat8Quantize(binder, input, storage);
    if (failed(quantized))
      return failure();
    binder.setOutput(0, *quantized);
    return success();
  }
  if (hasRuntimeInput(binder, {1, 2})) {
    if (binder.hasInput(2))
      storage = binder.getInputType(2).getElementType();
    auto integer = dyn_cast<IntegerType>(storage);
    FailureOr<RuntimeQuantParams> params =
        bindRuntimeQuantParams(binder, 1, 2, type.getRank());
    if (failed(params))
      return failure();
    if (!integer) {
      binder.emitError() << "quantizing to " << storage
                         << " needs a constant scale";
      return failure();
    }
    FailureOr<Value> quantized =
        buildRuntimeQuantize(binder, input, *params, integer);
    if (failed(quantized))
      return failure();
    binder.setOutput(0, *quantized);
    return success();
  }
  FailureOr<quant::QuantizedType> quantized = getQuantizedType(
      binder, type, 1, 2, storage, type.getElementType());
  if (failed(quantized))
    return failure();
  binder.setOutput(0, QuantizeOp::create(binder.getBuilder(), binder.getLoc(),
                                         type.clone(*quantized), input));
  return success();
}

/// The quantized result type of a QLinear* op: y_scale and y_zero_point at
/// `scaleIndex` and `scaleIndex + 1`, per tensor.
FailureOr<quant::QuantizedType> getQLinearResultType(NodeBinder &binder,
                                                     unsigned scaleIndex) {
  RankedTensorType scale = binder.getInputType(scaleIndex);
  RankedTensorType zeroPoint = binder.getInputType(scaleIndex + 1);
  if (!scale || !zeroPoint)
    return failure();
  return getQuantizedType(binder, scale, scaleIndex, scaleIndex + 1,
                          zeroPoint.getElementType(), scale.getElementType());
}

/// The inputs of a QLinear* op: x, x_scale, x_zero_point, w, w_scale,
/// w_zero_point, y_scale, y_zero_point.
constexpr unsigned kQLinearParameters[] = {1, 2, 4, 5, 6, 7};

/// A QLinear* op whose scales or zero points are computed at run time, as
/// integer arithmetic: acc = contraction(x - x_zp, w - w_zp) (i32), then
/// requantized. `contract` builds the contraction from the shifted
/// operands; the weight is per tensor or per channel along `weightAxis`,
/// which is `resultAxis` of the result.
LogicalResult importRuntimeQLinear(
    NodeBinder &binder, int64_t inputAxis, int64_t weightAxis,
    int64_t resultAxis,
    function_ref<FailureOr<Value>(Value input, Value weight)> contract) {
  Value input = binder.getInput(0), weight = binder.getInput(3);
  if (!input || !weight)
    return failure();
  int64_t inputRank = getTensorType(input).getRank();
  FailureOr<RuntimeQuantParams> inputParams =
      bindRuntimeQuantParams(binder, 1, 2, inputRank, inputAxis);
  FailureOr<RuntimeQuantParams> weightParams = bindRuntimeQuantParams(
      binder, 4, 5, getTensorType(weight).getRank(), weightAxis);
  if (failed(inputParams) || failed(weightParams))
    return failure();
  FailureOr<Value> shiftedInput =
      buildZeroPointShift(binder, input, inputParams->zeroPoint);
  FailureOr<Value> shiftedWeight =
      buildZeroPointShift(binder, weight, weightParams->zeroPoint);
  if (failed(shiftedInput) || failed(shiftedWeight))
    return failure();
  FailureOr<Value> accumulator = contract(*shiftedInput, *shiftedWeight);
  if (failed(accumulator))
    return failure();
  int64_t resultRank = getTensorType(*accumulator).getRank();
  FailureOr<RuntimeQuantParams> resultParams =
      bindRuntimeQuantParams(binder, 6, 7, resultRank, resultAxis);
  if (failed(resultParams))
    return failure();
  auto storage = dyn_cast<IntegerType>(binder.getInputType(7).getElementType());
  if (!storage) {
    binder.emitError() << "y_zero_point must be an integer tensor";
    return failure();
  }
  FailureOr<Value> result = buildRuntimeRequantize(
      binder, *accumulator, inputParams->scale, binder.getInput(4),
      resultAxis, *resultParams, storage);
  if (failed(result))
    return failure();
  binder.setOutput(0, *result);
  return success();
}

/// QLinearConv: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale,
/// y_zero_point, optional int32 B; the weight is quantized per output
/// channel (axis 0) or per tensor.
LogicalResult importQLinearConv(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(8, 9)) || failed(binder.checkNumOutputs(1)))
    return failure();
  if (hasRuntimeInput(binder, kQLinearParameters)) {
    RankedTensorType weightType = binder.getInputType(3);
    RankedTensorType inputType = binder.getInputType(0);
    if (!weightType || !inputType)
      return failure();
    FailureOr<Window> window = readWindow(
        binder, inputType,
        weightType.getShape().drop_front(
            std::min<int64_t>(2, weightType.getRank())));
    if (failed(window))
      return failure();
    return importRuntimeQLinear(
        binder, 1, 0, 1, [&](Value input, Value weight) -> FailureOr<Value> {
          FailureOr<ConvOp> conv = binder.create<ConvOp>(
              {binder.getBuilder().getI32Type()}, input, weight,
              binder.getOptionalInput(8), window->strides, window->dilations,
              window->pads, binder.getInt("group", 1));
          if (failed(conv))
            return failure();
          return Value(*conv);
        });
  }
  FailureOr<Value> input = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<Value> weight =
      bindQuantizedInput(binder, 3, 4, 5, /*axis=*/int64_t(0));
  FailureOr<quant::QuantizedType> result = getQLinearResultType(binder, 6);
  if (failed(input) || failed(weight) || failed(result))
    return failure();
  RankedTensorType weightType = getTensorType(*weight);
  FailureOr<Window> window = readWindow(
      binder, getTensorType(*input),
      weightType.getShape().drop_front(std::min<int64_t>(2, weightType.getRank())));
  if (failed(window))
    return failure();
  return setSingleOutput(
      binder, binder.create<ConvOp>({*result}, *input, *weight,
                                    binder.getOptionalInput(8),
                                    window->strides, window->dilations,
                                    window->pads, binder.getInt("group", 1)));
}

/// QLinearMatMul: a, a_scale, a_zero_point, b, b_scale, b_zero_point,
/// y_scale, y_zero_point; b may be quantized per column.
LogicalResult importQLinearMatMul(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(8, 8)) || failed(binder.checkNumOutputs(1)))
    return failure();
  RankedTensorType rhsType = binder.getInputType(3);
  RankedTensorType lhsType = binder.getInputType(0);
  if (!rhsType || !lhsType)
    return failure();
  if (hasRuntimeInput(binder, kQLinearParameters)) {
    // Per-row a parameters, per-column b parameters (and result columns).
    int64_t resultRank = std::max(lhsType.getRank(), rhsType.getRank());
    return importRuntimeQLinear(
        binder, std::max<int64_t>(lhsType.getRank() - 2, 0),
        rhsType.getRank() - 1, resultRank - 1,
        [&](Value lhs, Value rhs) -> FailureOr<Value> {
          FailureOr<MatMulOp> product = binder.create<MatMulOp>(
              {binder.getBuilder().getI32Type()}, lhs, rhs);
          if (failed(product))
            return failure();
          return Value(*product);
        });
  }
  FailureOr<Value> lhs = bindQuantizedInput(binder, 0, 1, 2);
  FailureOr<Value> rhs =
      bindQuantizedInput(binder, 3, 4, 5, rhsType.getRank() - 1);
  FailureOr<quant::QuantizedType> result = getQLinearResultType(binder, 6);
  if (failed(lhs) || failed(rhs) || failed(result))
    return failure();
  return setSingleOutput(binder,
                         binder.create<MatMulOp>({*result}, *lhs, *rhs));
}

/// RandomNormal and RandomUniform draw a tensor of the `shape` attribute's
/// shape (dtype default FLOAT); their *Like forms take the input's shape
/// (its `kiln.shape` when it has `?` extents) and, without dtype, its element
/// type. `distribution` reads the node's attributes (mean and scale, or low
/// and high) into the kiln op's builder arguments.
template <typename OpTy, typename DistributionFn>
OpHandler randomHandler(bool like, DistributionFn distribution) {
  return [like, distribution](NodeBinder &binder) -> LogicalResult {
    unsigned numInputs = like ? 1 : 0;
    if (failed(binder.checkNumInputs(numInputs, numInputs)) ||
        failed(binder.checkNumOutputs(1)))
      return failure();
    OpBuilder &builder = binder.getBuilder();
    SmallVector<int64_t> shape;
    Type defaultType = builder.getF32Type();
    Value dynamicShape;
    if (like) {
      Value input = binder.getInput(0);
      if (!input)
        return failure();
      RankedTensorType type = getTensorType(input);
      llvm::append_range(shape, type.getShape());
      defaultType = type.getElementType();
      if (!type.hasStaticShape()) {
        FailureOr<ShapeOp> extents =
            binder.create<ShapeOp>({builder.getI64Type()}, input);
        if (failed(extents))
          return failure();
        dynamicShape = *extents;
      }
    } else {
      if (failed(binder.requireAttr("shape")))
        return failure();
      shape = binder.getInts("shape");
      if (llvm::any_of(shape, [](int64_t extent) { return extent < 0; })) {
        binder.emitError() << "shape must not have negative extents, got ["
                           << ArrayRef<int64_t>(shape) << "]";
        return failure();
      }
    }
    FailureOr<Type> element = getDataTypeAttr(binder, "dtype", defaultType, llvm::IsaPred<FloatType>, "a float type");
    if (failed(element))
      return failure();
    auto op = std::apply(
        [&](auto &&...parameters) {
          return OpTy::create(builder, binder.getLoc(),
                              RankedTensorType::get(shape, *element),
                              dynamicShape, parameters...,
                              getSeedAttr(binder));
        },
        distribution(binder));
    binder.setOutput(0, op);
    return success();
  };
}

/// RandomNormal's and RandomNormalLike's distribution: N(mean, scale^2).
std::tuple<APFloat, APFloat> readNormalDistribution(NodeBinder &binder) {
  return {APFloat(binder.getFloat("mean", 0.0f)),
          APFloat(binder.getFloat("scale", 1.0f))};
}

/// RandomUniform's and RandomUniformLike's distribution: U[low, high).
std::tuple<APFloat, APFloat> readUniformDistribution(NodeBinder &binder) {
  return {APFloat(binder.getFloat("low", 0.0f)),
          APFloat(binder.getFloat("high", 1.0f))};
}

LogicalResult importRange(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value start = binder.getInput(0), limit = binder.getInput(1),
        delta = binder.getInput(2);
  if (!start || !limit || !delta)
    return failure();
  Type element = getElementTypeOrSelf(start.getType());
  // Constant bounds give a static length: ceil((limit - start) / delta).
  int64_t length = ShapedType::kDynamic;
  auto isConstant = [](Value v) { return v.getDefiningOp<ConstantOp>(); };
  if (isConstant(start) && isConstant(limit) && isConstant(delta)) {
    FailureOr<SmallVector<double>> s = binder.getConstantFloats(0, "start");
    FailureOr<SmallVector<double>> l = binder.getConstantFloats(1, "limit");
    FailureOr<SmallVector<double>> d = binder.getConstantFloats(2, "delta");
    if (failed(s) || failed(l) || failed(d))
      return failure();
    if (d->front() == 0.0) {
      binder.emitError() << "delta must not be zero";
      return failure();
    }
    length = std::max<int64_t>(
        0, static_cast<int64_t>(
               std::ceil((l->front() - s->front()) / d->front())));
  }
  binder.setOutput(0, RangeOp::create(binder.getBuilder(), binder.getLoc(),
                                      RankedTensorType::get({length}, element),
                                      start, limit, delta));
  return success();
}

/// Reduce* ops. Axes are an attribute before opset 13 (ReduceSum) or 18
/// (the others), an optional input after (constant, or a run-time operand);
/// no axes means all of them unless `noop_with_empty_axes`.
template <typename OpTy>
LogicalResult importReduce(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2);
  if (!input)
    return failure();
  int64_t rank = getTensorType(input).getRank();
  bool axesAreInput = binder.getOpset() >= (std::is_same_v<OpTy, ReduceSumOp>
                                                ? 13
                                                : 18);
  bool keepDims = binder.getInt("keepdims", 1) != 0;
  Type element = getElementTypeOrSelf(input.getType());
  SmallVector<int64_t> axes;
  Value runtimeAxes = axesAreInput ? binder.getOptionalInput(1) : Value();
  bool axesAreEmpty =
      runtimeAxes && getTensorType(runtimeAxes).getNumElements() == 0;
  if (runtimeAxes && !runtimeAxes.getDefiningOp<ConstantOp>() && !axesAreEmpty)
    return setSingleOutput(binder,
                           binder.create<OpTy>({element}, input,
                                               ArrayRef<int64_t>(), keepDims,
                                               runtimeAxes));
  if (axesAreInput && binder.hasInput(1) && !axesAreEmpty) {
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(1, "the axes");
    if (failed(values))
      return failure();
    axes = std::move(*values);
  } else if (!axesAreInput) {
    axes = binder.getInts("axes");
  }
  if (axes.empty()) {
    if (binder.getInt("noop_with_empty_axes", 0) != 0) {
      binder.setOutput(0, input);
      return success();
    }
    axes = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  }
  if (failed(binder.normalizeAxes(axes, rank)))
    return failure();
  if (std::adjacent_find(axes.begin(), axes.end()) != axes.end()) {
    binder.emitError() << "axes repeat an axis";
    return failure();
  }
  return setSingleOutput(binder, binder.create<OpTy>({element}, input, axes,
                                                      keepDims, Value()));
}

LogicalResult importReshape(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2);
  if (!input)
    return failure();
  SmallVector<int64_t> shape;
  if (binder.getOpset() < 5) {
    shape = binder.getInts("shape");
  } else {
    if (failed(binder.checkNumInputs(2, 2)))
      return failure();
    if (Value runtimeShape = getRuntimeShape(binder, 1)) {
      // Extents known only at run time: the shape operand carries them.
      RankedTensorType type = getTensorType(input);
      SmallVector<int64_t> dynamicShape(
          getTensorType(runtimeShape).getDimSize(0), ShapedType::kDynamic);
      binder.setOutput(0, ReshapeOp::create(
                              binder.getBuilder(), binder.getLoc(),
                              type.clone(dynamicShape), input, runtimeShape,
                              binder.getInt("allowzero", 0) != 0));
      return success();
    }
    if (failed(binder.status()))
      return failure();
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(1, "the shape");
    if (failed(values))
      return failure();
    shape = std::move(*values);
  }
  RankedTensorType type = getTensorType(input);
  bool allowZero = binder.getInt("allowzero", 0) != 0;
  // 0 copies the input's extent (unless allowzero); one -1 is inferred.
  std::optional<size_t> inferred;
  for (auto [i, extent] : llvm::enumerate(shape)) {
    if (extent == 0 && !allowZero) {
      if (static_cast<int64_t>(i) >= type.getRank()) {
        binder.emitError() << "shape entry " << i
                           << " is 0 (copy) but the input has rank "
                           << type.getRank();
        return failure();
      }
      extent = type.getDimSize(i);
    } else if (extent == -1) {
      if (inferred) {
        binder.emitError() << "the shape has more than one -1 entry";
        return failure();
      }
      inferred = i;
    } else if (extent < 0) {
      binder.emitError() << "invalid shape entry " << extent;
      return failure();
    }
  }
  if (inferred) {
    int64_t known = 1;
    for (auto [i, extent] : llvm::enumerate(shape))
      if (i != *inferred)
        known = ShapedType::isDynamic(extent) || ShapedType::isDynamic(known)
                    ? ShapedType::kDynamic
                    : known * extent;
    if (!type.hasStaticShape() || ShapedType::isDynamic(known))
      shape[*inferred] = ShapedType::kDynamic;
    else if (known == 0 || type.getNumElements() % known != 0) {
      binder.emitError() << "cannot reshape " << formatShape(type.getShape())
                         << " into a shape with " << known
                         << " elements per -1 entry";
      return failure();
    } else {
      shape[*inferred] = type.getNumElements() / known;
    }
  }
  binder.setOutput(0, ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                                        type.clone(shape), input));
  return success();
}

/// Resize (opset 10+) and Upsample: constant scales or sizes give a static
/// output shape. `roi` only matters for tf_crop_and_resize, which scales
/// the cropped extent: with scales, the output shape needs a constant roi
/// (or takes the model's declared one).
LogicalResult importResize(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 4);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  bool isUpsample = binder.getNode().op_type() == "Upsample";
  if (binder.hasAttr("axes") ||
      binder.getString("keep_aspect_ratio_policy", "stretch") != "stretch" ||
      binder.getInt("antialias", 0) != 0) {
    binder.emitError() << "axes, keep_aspect_ratio_policy and antialias are "
                          "not supported yet";
    return failure();
  }
  std::string modeName = binder.getString("mode", "nearest");
  // Opset 10 spelled linear interpolation with an extra "bi"/"tri".
  if (modeName == "bilinear" || modeName == "trilinear")
    modeName = "linear";
  std::optional<ResizeMode> mode = symbolizeResizeMode(modeName);
  std::string transformName = binder.getString(
      "coordinate_transformation_mode",
      isUpsample || binder.getOpset() < 11 ? "asymmetric" : "half_pixel");
  std::optional<CoordinateTransform> transform =
      symbolizeCoordinateTransform(transformName);
  std::string nearestName =
      binder.getString("nearest_mode", "round_prefer_floor");
  std::optional<NearestMode> nearest = symbolizeNearestMode(nearestName);
  if (!mode || !transform || !nearest) {
    binder.emitError() << "unknown mode '" << modeName
                       << "', coordinate_transformation_mode '"
                       << transformName << "' or nearest_mode '" << nearestName
                       << "'";
    return failure();
  }
  // Opset 10 Resize and Upsample round nearest neighbours down.
  if (isUpsample || binder.getOpset() < 11)
    nearest = NearestMode::floor;

  // Input positions: Upsample (X, scales); Resize-10 (X, scales);
  // Resize-11+ (X, roi, scales, sizes).
  bool hasRoi = !isUpsample && binder.getOpset() >= 11;
  unsigned roiIndex = 1, scalesIndex = hasRoi ? 2 : 1, sizesIndex = 3;
  Value roi;
  if (*transform == CoordinateTransform::tf_crop_and_resize) {
    if (hasRoi && binder.hasInput(roiIndex))
      roi = binder.getInput(roiIndex);
    if (!roi || getTensorType(roi).getNumElements() == 0) {
      binder.emitError() << "tf_crop_and_resize needs a non-empty roi";
      return failure();
    }
  }
  SmallVector<float> scales;
  SmallVector<int64_t> shape;
  // Scales or sizes computed at run time become operands of kiln.resize.
  Value dynamicScales, dynamicSizes;
  auto isRuntime = [&](unsigned index) {
    Value value = binder.getOptionalInput(index);
    return value && !value.getDefiningOp<ConstantOp>() &&
           getTensorType(value).getNumElements() != 0;
  };
  if (isUpsample && binder.getOpset() < 9) {
    scales = binder.getFloats("scales");
  } else if (isRuntime(scalesIndex)) {
    dynamicScales = binder.getInput(scalesIndex);
  } else if (binder.hasInput(scalesIndex) &&
             binder.getInputType(scalesIndex).getNumElements() != 0) {
    FailureOr<SmallVector<double>> values =
        binder.getConstantFloats(scalesIndex, "the scales");
    if (failed(values))
      return failure();
    scales.assign(values->begin(), values->end());
  }
  if (hasRoi && isRuntime(sizesIndex)) {
    dynamicSizes = getRuntimeShape(binder, sizesIndex);
    if (!dynamicSizes)
      return failure();
  } else if (hasRoi && binder.hasInput(sizesIndex)) {
    FailureOr<SmallVector<int64_t>> sizes =
        binder.getConstantInts(sizesIndex, "the sizes");
    if (failed(sizes))
      return failure();
    shape = std::move(*sizes);
  }
  if (dynamicScales || dynamicSizes) {
    scales.clear();
    shape.assign(rank, ShapedType::kDynamic);
  }
  if (shape.empty()) {
    if (static_cast<int64_t>(scales.size()) != rank) {
      binder.emitError() << "expected " << rank << " scales or sizes, got "
                         << scales.size() << " scales";
      return failure();
    }
    // A crop scales the cropped fraction (end - start) of each extent; a
    // roi computed at run time leaves the extents to the declared shape.
    SmallVector<double> fractions(rank, 1.0);
    bool runtimeRoi = roi && !roi.getDefiningOp<ConstantOp>();
    if (roi && !runtimeRoi) {
      FailureOr<SmallVector<double>> box =
          binder.getConstantFloats(roiIndex, "the roi");
      if (failed(box))
        return failure();
      if (static_cast<int64_t>(box->size()) != 2 * rank) {
        binder.emitError() << "expected " << 2 * rank << " roi entries, got "
                           << box->size();
        return failure();
      }
      for (int64_t dim = 0; dim < rank; ++dim)
        fractions[dim] = (*box)[rank + dim] - (*box)[dim];
    }
    for (auto [extent, scale, fraction] :
         llvm::zip(type.getShape(), scales, fractions))
      shape.push_back(runtimeRoi || ShapedType::isDynamic(extent)
                          ? ShapedType::kDynamic
                          : static_cast<int64_t>(
                                std::floor(extent * fraction * scale)));
  } else {
    if (static_cast<int64_t>(shape.size()) != rank) {
      binder.emitError() << "expected " << rank << " sizes, got "
                         << shape.size();
      return failure();
    }
    scales.clear();
  }
  OpBuilder &builder = binder.getBuilder();
  binder.setOutput(
      0, ResizeOp::create(
             builder, binder.getLoc(), type.clone(shape), input, *mode,
             *transform, *nearest,
             APFloat(binder.getFloat("cubic_coeff_a", -0.75f)),
             binder.getInt("exclude_outside", 0) != 0,
             APFloat(binder.getFloat("extrapolation_value", 0.0f)),
             scales.empty() ? DenseF32ArrayAttr()
                            : builder.getDenseF32ArrayAttr(scales),
             dynamicScales, dynamicSizes, roi));
  return success();
}

LogicalResult importReverseSequence(NodeBinder &binder) {
  Value input = binder.bindFirstInput(2, 2);
  Value lengths = binder.getInput(1);
  if (!input || !lengths)
    return failure();
  return setSingleOutput(
      binder, binder.create<ReverseSequenceOp>(
                  {getElementTypeOrSelf(input.getType())}, input, lengths,
                  binder.getInt("batch_axis", 1), binder.getInt("time_axis", 0)));
}

LogicalResult importShape(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) || failed(binder.checkNumOutputs(1)))
    return failure();
  RankedTensorType type = binder.getInputType(0);
  if (!type)
    return failure();
  int64_t rank = type.getRank();
  // Opset 15's start/end slice the shape, clamped like Slice.
  auto clamp = [&](int64_t index) {
    if (index < 0)
      index += rank;
    return std::clamp<int64_t>(index, 0, rank);
  };
  int64_t start = clamp(binder.getInt("start", 0));
  int64_t end = clamp(binder.getInt("end", rank));
  ArrayRef<int64_t> dims = type.getShape().slice(
      start, std::max<int64_t>(0, end - start));
  if (llvm::any_of(dims, ShapedType::isDynamic)) {
    binder.emitError() << "the input shape " << formatShape(type.getShape())
                       << " has unknown extents; give static input shapes "
                          "with --input-shape";
    return failure();
  }
  binder.setOutput(
      0, binder.createIntConstant(dims, binder.getBuilder().getI64Type()));
  return success();
}

LogicalResult importSize(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) || failed(binder.checkNumOutputs(1)))
    return failure();
  RankedTensorType type = binder.getInputType(0);
  if (!type)
    return failure();
  if (!type.hasStaticShape()) {
    binder.emitError() << "the input shape " << formatShape(type.getShape())
                       << " has unknown extents";
    return failure();
  }
  binder.setOutput(0, binder.createConstant(DenseElementsAttr::get(
                          RankedTensorType::get({}, binder.getBuilder().getI64Type()),
                          type.getNumElements())));
  return success();
}

LogicalResult importScatterElements(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value data = binder.getInput(0), indices = binder.getInput(1),
        updates = binder.getInput(2);
  if (!data || !indices || !updates)
    return failure();
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", 0), getTensorType(data).getRank());
  std::optional<ScatterReduction> reduction =
      symbolizeScatterReduction(binder.getString("reduction", "none"));
  if (failed(axis) || !reduction) {
    if (!reduction)
      binder.emitError() << "unknown reduction '"
                         << binder.getString("reduction", "none") << "'";
    return failure();
  }
  return setSingleOutput(
      binder, binder.create<ScatterElementsOp>(
                  {getElementTypeOrSelf(data.getType())}, data, indices,
                  updates, *axis, *reduction));
}

LogicalResult importScatterND(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value data = binder.getInput(0), indices = binder.getInput(1),
        updates = binder.getInput(2);
  if (!data || !indices || !updates)
    return failure();
  std::optional<ScatterReduction> reduction =
      symbolizeScatterReduction(binder.getString("reduction", "none"));
  if (!reduction) {
    binder.emitError() << "unknown reduction '"
                       << binder.getString("reduction", "none") << "'";
    return failure();
  }
  return setSingleOutput(
      binder, binder.create<ScatterNDOp>({getElementTypeOrSelf(data.getType())},
                                         data, indices, updates, *reduction));
}

/// Slice whose bounds are computed at run time: kiln.dynamic_slice with
/// every list spelled out (int64) and ONNX's clamping left to run time.
LogicalResult importDynamicSlice(NodeBinder &binder, Value input) {
  SmallVector<Value, 4> lists;
  for (unsigned index : {1, 2, 3, 4}) {
    Value list = binder.getOptionalInput(index);
    if (list && !getTensorType(list).getElementType().isInteger(64))
      list = CastOp::create(
          binder.getBuilder(), binder.getLoc(),
          getTensorType(list).clone(binder.getBuilder().getI64Type()), list);
    lists.push_back(list);
  }
  RankedTensorType startsType = getTensorType(lists[0]);
  if (startsType.getRank() != 1 || startsType.isDynamicDim(0)) {
    binder.emitError() << "run-time starts must be 1-D with a static length, "
                          "got "
                       << startsType;
    return failure();
  }
  int64_t length = startsType.getDimSize(0);
  // ONNX defaults: the first `length` axes, steps of 1.
  if (!lists[2])
    lists[2] = binder.createIntConstant(
        llvm::to_vector(llvm::seq<int64_t>(0, length)),
        binder.getBuilder().getI64Type());
  if (!lists[3])
    lists[3] = binder.createIntConstant(SmallVector<int64_t>(length, 1),
                                        binder.getBuilder().getI64Type());
  return setSingleOutput(
      binder, binder.create<DynamicSliceOp>(
                  {getTensorType(input).getElementType()}, input, lists[0],
                  lists[1], lists[2], lists[3]));
}

/// Slice: starts/ends/axes/steps as attributes (before opset 10) or
/// inputs; constant ones are normalized and clamped as ONNX specifies.
LogicalResult importSlice(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 5);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  if (binder.getOpset() >= 10) {
    if (failed(binder.checkNumInputs(3, 5)))
      return failure();
    for (unsigned index : {1, 2, 3, 4}) {
      Value list = binder.getOptionalInput(index);
      if (list && !list.getDefiningOp<ConstantOp>())
        return importDynamicSlice(binder, input);
    }
  }
  SmallVector<int64_t> starts, ends, axes, steps;
  if (binder.getOpset() < 10) {
    starts = binder.getInts("starts");
    ends = binder.getInts("ends");
    axes = binder.getInts("axes");
  } else {
    if (failed(binder.checkNumInputs(3, 5)))
      return failure();
    FailureOr<SmallVector<int64_t>> s = binder.getConstantInts(1, "starts");
    FailureOr<SmallVector<int64_t>> e = binder.getConstantInts(2, "ends");
    if (failed(s) || failed(e))
      return failure();
    starts = std::move(*s);
    ends = std::move(*e);
    if (binder.hasInput(3)) {
      FailureOr<SmallVector<int64_t>> a = binder.getConstantInts(3, "axes");
      if (failed(a))
        return failure();
      axes = std::move(*a);
    }
    if (binder.hasInput(4)) {
      FailureOr<SmallVector<int64_t>> st = binder.getConstantInts(4, "steps");
      if (failed(st))
        return failure();
      steps = std::move(*st);
    }
  }
  if (axes.empty())
    axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size()) {
    binder.emitError() << "starts, ends, axes and steps must have the same "
                          "length";
    return failure();
  }
  SmallVector<int64_t> fullStarts(rank, 0), fullEnds(type.getShape()),
      fullSteps(rank, 1);
  for (auto [start, end, axis, step] :
       llvm::zip_equal(starts, ends, axes, steps)) {
    FailureOr<int64_t> dim = binder.normalizeAxis(axis, rank);
    if (failed(dim))
      return failure();
    int64_t extent = type.getDimSize(*dim);
    if (ShapedType::isDynamic(extent)) {
      binder.emitError() << "slicing dimension " << *dim
                         << " needs its static extent";
      return failure();
    }
    if (step == 0) {
      binder.emitError() << "steps must not be zero";
      return failure();
    }
    auto normalize = [&](int64_t index, int64_t low, int64_t high) {
      if (index < 0)
        index += extent;
      return std::clamp(index, low, high);
    };
    if (step > 0) {
      fullStarts[*dim] = normalize(start, 0, extent);
      fullEnds[*dim] = normalize(end, 0, extent);
    } else {
      fullStarts[*dim] = normalize(start, 0, extent - 1);
      // ends below -extent mean "through index 0", i.e. -1.
      fullEnds[*dim] = end < -extent ? -1 : normalize(end, -1, extent - 1);
    }
    fullSteps[*dim] = step;
  }
  return setSingleOutput(
      binder, binder.create<SliceOp>({type.getElementType()}, input,
                                     fullStarts, fullEnds, fullSteps));
}

/// SoftmaxCrossEntropyLoss = NegativeLogLikelihoodLoss(LogSoftmax(scores,
/// axis 1)); the optional second output is the log-probabilities.
LogicalResult importSoftmaxCrossEntropyLoss(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) || failed(binder.checkNumOutputs(2)))
    return failure();
  Value scores = binder.getInput(0), labels = binder.getInput(1);
  if (!scores || !labels)
    return failure();
  FailureOr<LogSoftmaxOp> logProb = binder.create<LogSoftmaxOp>(
      {getElementTypeOrSelf(scores.getType())}, scores, 1);
  if (failed(logProb))
    return failure();
  FailureOr<Value> loss = buildNegativeLogLikelihood(
      binder, *logProb, labels, binder.getOptionalInput(2));
  if (failed(loss))
    return failure();
  binder.setOutput(0, *loss);
  binder.setOutput(1, *logProb);
  return success();
}

LogicalResult importSpaceToDepth(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 1)) ||
      failed(binder.checkNumOutputs(1)) ||
      failed(binder.requireAttr("blocksize")))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  return setSingleOutput(
      binder, binder.create<SpaceToDepthOp>(
                  {getElementTypeOrSelf(input.getType())}, input,
                  binder.getInt("blocksize", 1)));
}

LogicalResult importSplit(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(1, 2)))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  FailureOr<int64_t> axis =
      binder.normalizeAxis(binder.getInt("axis", 0), type.getRank());
  if (failed(axis))
    return failure();
  int64_t extent = type.getDimSize(*axis);
  int64_t pieces = binder.getNumOutputs();
  SmallVector<int64_t> sizes;
  Value dynamicSizes;
  if (binder.getOpset() >= 13 && binder.hasInput(1) &&
      !binder.getInput(1).getDefiningOp<ConstantOp>()) {
    // Sizes computed at run time: every piece has a `?` extent.
    dynamicSizes = binder.getInput(1);
    sizes.assign(pieces, ShapedType::kDynamic);
  } else if (binder.getOpset() >= 13 && binder.hasInput(1)) {
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(1, "the split sizes");
    if (failed(values))
      return failure();
    sizes = std::move(*values);
  } else if (binder.getOpset() < 13) {
    sizes = binder.getInts("split");
  }
  if (sizes.empty()) {
    // Equal pieces; from opset 18 the last may be smaller.
    if (ShapedType::isDynamic(extent)) {
      binder.emitError() << "splitting dimension " << *axis
                         << " needs its static extent";
      return failure();
    }
    int64_t piece = llvm::divideCeil(extent, pieces);
    for (int64_t i = 0; i < pieces; ++i)
      sizes.push_back(std::clamp<int64_t>(extent - i * piece, 0, piece));
  }
  if (static_cast<int64_t>(sizes.size()) != pieces) {
    binder.emitError() << "split into " << sizes.size() << " pieces but the "
                       << "node has " << pieces << " outputs";
    return failure();
  }
  SplitOp split = buildSplit(binder, input, sizes, dynamicSizes, *axis);
  for (auto [index, result] : llvm::enumerate(split.getResults()))
    binder.setOutput(index, result);
  return success();
}

/// Squeeze and Unsqueeze: axes as an attribute before opset 13, an input
/// after. Squeeze without axes removes every extent-1 dimension. Axes
/// computed at run time only move extents of 1, so the model's declared
/// result shape determines the op: a reshape to it.
template <typename OpTy>
LogicalResult importSqueezeLike(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  constexpr bool isUnsqueeze = std::is_same_v<OpTy, UnsqueezeOp>;
  SmallVector<int64_t> axes;
  if (binder.getOpset() >= 13) {
    Value runtimeAxes = binder.getOptionalInput(1);
    if (runtimeAxes && !runtimeAxes.getDefiningOp<ConstantOp>()) {
      FailureOr<SmallVector<int64_t>> shape = binder.requireDeclaredShape(
          0, "the axes (input #1) are computed at run time");
      if (failed(shape))
        return failure();
      binder.setOutput(0, ReshapeOp::create(binder.getBuilder(),
                                            binder.getLoc(),
                                            type.clone(*shape), input,
                                            Value(), /*allow_zero=*/false));
      return success();
    }
    if (binder.hasInput(1)) {
      FailureOr<SmallVector<int64_t>> values =
          binder.getConstantInts(1, "the axes");
      if (failed(values))
        return failure();
      axes = std::move(*values);
    }
  } else {
    axes = binder.getInts("axes");
  }
  int64_t rank = type.getRank() + (isUnsqueeze ? axes.size() : 0);
  if (!isUnsqueeze && axes.empty()) {
    for (auto [dim, extent] : llvm::enumerate(type.getShape())) {
      if (ShapedType::isDynamic(extent)) {
        binder.emitError() << "squeezing without axes needs static extents";
        return failure();
      }
      if (extent == 1)
        axes.push_back(dim);
    }
  }
  if (failed(binder.normalizeAxes(axes, rank)))
    return failure();
  return setSingleOutput(
      binder, binder.create<OpTy>({type.getElementType()}, input, axes));
}

LogicalResult importTile(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0);
  Value runtimeRepeats = binder.getInput(1);
  if (input && runtimeRepeats && !runtimeRepeats.getDefiningOp<ConstantOp>())
    return setSingleOutput(
        binder, binder.create<TileOp>({getElementTypeOrSelf(input.getType())},
                                      input, ArrayRef<int64_t>(),
                                      runtimeRepeats));
  FailureOr<SmallVector<int64_t>> repeats =
      binder.getConstantInts(1, "the repeats");
  if (!input || failed(repeats))
    return failure();
  return setSingleOutput(
      binder, binder.create<TileOp>({getElementTypeOrSelf(input.getType())},
                                    input, *repeats, Value()));
}

/// TopK; a K computed at run time becomes the `dynamic_k` operand.
LogicalResult importTopK(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2, 2);
  if (!input)
    return failure();
  IntegerAttr k;
  Value dynamicK;
  OpBuilder &builder = binder.getBuilder();
  if (binder.getOpset() < 10) {
    k = builder.getI64IntegerAttr(binder.getInt("k", 0));
  } else if (Value kInput = binder.getInput(1);
             kInput && !kInput.getDefiningOp<ConstantOp>()) {
    dynamicK = kInput;
  } else {
    FailureOr<SmallVector<int64_t>> values = binder.getConstantInts(1, "K");
    if (failed(values))
      return failure();
    if (values->size() != 1) {
      binder.emitError() << "K must hold one value";
      return failure();
    }
    k = builder.getI64IntegerAttr(values->front());
  }
  if (failed(binder.status()))
    return failure();
  FailureOr<int64_t> axis = binder.normalizeAxis(
      binder.getInt("axis", -1), getTensorType(input).getRank());
  if (failed(axis))
    return failure();
  FailureOr<TopKOp> op = binder.create<TopKOp>(
      {getElementTypeOrSelf(input.getType()), builder.getI64Type()}, input, k,
      dynamicK, *axis, binder.getInt("largest", 1) != 0,
      binder.getInt("sorted", 1) != 0);
  if (failed(op))
    return failure();
  binder.setOutput(0, op->getValues());
  binder.setOutput(1, op->getIndices());
  return success();
}

LogicalResult importTranspose(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  int64_t rank = getTensorType(input).getRank();
  SmallVector<int64_t> perm =
      binder.getInts("perm", llvm::to_vector(llvm::reverse(
                                 llvm::seq<int64_t>(0, rank))));
  return setSingleOutput(
      binder, binder.create<TransposeOp>(
                  {getElementTypeOrSelf(input.getType())}, input, perm));
}

/// Trilu; a diagonal offset k computed at run time selects with a mask:
///   y[..., i, j] = (upper ? j - i >= k : j - i <= k) ? x[..., i, j] : 0
LogicalResult importTrilu(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2);
  if (!input)
    return failure();
  bool upper = binder.getInt("upper", 1) != 0;
  Value runtimeK = binder.getOptionalInput(1);
  if (runtimeK && runtimeK.getDefiningOp<ConstantOp>())
    runtimeK = {};
  if (!runtimeK) {
    int64_t k = 0;
    if (binder.hasInput(1)) {
      FailureOr<SmallVector<int64_t>> values = binder.getConstantInts(1, "k");
      if (failed(values))
        return failure();
      if (values->size() != 1) {
        binder.emitError() << "k must hold one value";
        return failure();
      }
      k = values->front();
    }
    return setSingleOutput(
        binder, binder.create<TriluOp>({getElementTypeOrSelf(input.getType())},
                                       input, upper, k));
  }
  RankedTensorType type = getTensorType(input);
  int64_t rank = type.getRank();
  if (rank < 2 || type.isDynamicDim(rank - 2) || type.isDynamicDim(rank - 1)) {
    binder.emitError() << "a run-time k needs static matrix extents, got "
                       << formatShape(type.getShape());
    return failure();
  }
  int64_t rows = type.getDimSize(rank - 2), columns = type.getDimSize(rank - 1);
  OpBuilder &builder = binder.getBuilder();
  Type i64 = builder.getI64Type();
  auto iota = [&](ArrayRef<int64_t> shape, int64_t count) {
    return binder.createConstant(DenseElementsAttr::get(
        RankedTensorType::get(shape, i64),
        ArrayRef<int64_t>(llvm::to_vector(llvm::seq<int64_t>(0, count)))));
  };
  FailureOr<SubOp> offset = binder.create<SubOp>(
      {i64}, iota({1, columns}, columns), iota({rows, 1}, rows));
  if (failed(offset))
    return failure();
  Type i1 = builder.getI1Type();
  FailureOr<Operation *> keep =
      upper ? FailureOr<Operation *>(
                  binder.create<GreaterEqualOp>({i1}, *offset, runtimeK))
            : FailureOr<Operation *>(
                  binder.create<LessEqualOp>({i1}, *offset, runtimeK));
  if (failed(keep))
    return failure();
  Value zero = binder.createConstant(DenseElementsAttr::get(
      RankedTensorType::get({}, type.getElementType()),
      builder.getZeroAttr(type.getElementType())));
  return setSingleOutput(
      binder, binder.create<WhereOp>({type.getElementType()},
                                     (*keep)->getResult(0), input, zero));
}

/// Unique; the number of distinct items depends on the data, so the outputs
/// take their extents from the model's declared shapes.
LogicalResult importUnique(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1, 4);
  if (!input)
    return failure();
  FailureOr<IntegerAttr> axis =
      getOptionalAxisAttr(binder, getTensorType(input).getRank());
  if (failed(axis))
    return failure();
  Type i64 = binder.getBuilder().getI64Type();
  FailureOr<UniqueOp> unique = binder.create<UniqueOp>(
      {getElementTypeOrSelf(input.getType()), i64, i64, i64}, input,
      binder.getInt("sorted", 1) != 0, *axis);
  if (failed(unique))
    return failure();
  for (auto [index, result] : llvm::enumerate(unique->getResults()))
    binder.setOutput(index, result);
  return success();
}

LogicalResult importWhere(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value condition = binder.getInput(0), onTrue = binder.getInput(1),
        onFalse = binder.getInput(2);
  if (!condition || !onTrue || !onFalse)
    return failure();
  return setSingleOutput(
      binder, binder.create<WhereOp>({getElementTypeOrSelf(onTrue.getType())},
                                     condition, onTrue, onFalse));
}

} // namespace

void populateDefaultDomainQtoZ(OpTable &table) {
  table.onOp("QLinearConv", 10, importQLinearConv);
  table.onOp("QLinearMatMul", 10, importQLinearMatMul);
  table.onOp("QuantizeLinear", 10, importQuantizeLinear);
  table.onOp("RandomNormal", 1,
             randomHandler<RandomNormalOp>(/*like=*/false,
                                           readNormalDistribution));
  table.onOp("RandomNormalLike", 1,
             randomHandler<RandomNormalOp>(/*like=*/true,
                                           readNormalDistribution));
  table.onOp("RandomUniform", 1,
             randomHandler<RandomUniformOp>(/*like=*/false,
                                            readUniformDistribution));
  table.onOp("RandomUniformLike", 1,
             randomHandler<RandomUniformOp>(/*like=*/true,
                                            readUniformDistribution));
  table.onOp("Range", 11, importRange);
  table.onOp("Reciprocal", 1, unaryHandler<ReciprocalOp>());
  table.onOp("ReduceL1", 1, importReduce<ReduceL1Op>);
  table.onOp("ReduceL2", 1, importReduce<ReduceL2Op>);
  table.onOp("ReduceLogSum", 1, importReduce<ReduceLogSumOp>);
  table.onOp("ReduceLogSumExp", 1, importReduce<ReduceLogSumExpOp>);
  table.onOp("ReduceMax", 1, importReduce<ReduceMaxOp>);
  table.onOp("ReduceMean", 1, importReduce<ReduceMeanOp>);
  table.onOp("ReduceMin", 1, importReduce<ReduceMinOp>);
  table.onOp("ReduceProd", 1, importReduce<ReduceProdOp>);
  table.onOp("ReduceSum", 1, importReduce<ReduceSumOp>);
  table.onOp("ReduceSumSquare", 1, importReduce<ReduceSumSquareOp>);
  table.onOp("Relu", 1, unaryHandler<ReluOp>());
  table.onOp("Reshape", 1, importReshape);
  table.onOp("Resize", 10, importResize);
  table.onOp("ReverseSequence", 10, importReverseSequence);
  table.onOp("Round", 11, unaryHandler<RoundOp>());
  table.onOp("Scatter", 9, importScatterElements);
  table.onOp("ScatterElements", 11, importScatterElements);
  table.onOp("ScatterND", 11, importScatterND);
  table.onOp("Selu", 1, unaryHandler<SeluOp>([](NodeBinder &b) {
               return std::make_tuple(APFloat(b.getFloat("alpha", 1.67326319f)),
                                      APFloat(b.getFloat("gamma", 1.05070102f)));
             }));
  table.onOp("Shape", 1, importShape);
  table.onOp("Shrink", 9, unaryHandler<ShrinkOp>([](NodeBinder &b) {
               return std::make_tuple(APFloat(b.getFloat("bias", 0.0f)),
                                      APFloat(b.getFloat("lambd", 0.5f)));
             }));
  table.onOp("Sigmoid", 1, unaryHandler<SigmoidOp>());
  table.onOp("Sign", 9, unaryHandler<SignOp>());
  table.onOp("Sin", 7, unaryHandler<SinOp>());
  table.onOp("Sinh", 9, unaryHandler<SinhOp>());
  table.onOp("Size", 1, importSize);
  table.onOp("Slice", 1, importSlice);
  table.onOp("Softmax", 1, importSoftmax<SoftmaxOp>);
  table.onOp("SoftmaxCrossEntropyLoss", 12, importSoftmaxCrossEntropyLoss);
  table.onOp("Softplus", 1, unaryHandler<SoftplusOp>());
  table.onOp("Softsign", 1, unaryHandler<SoftsignOp>());
  table.onOp("SpaceToDepth", 1, importSpaceToDepth);
  table.onOp("Split", 1, importSplit);
  table.onOp("Sqrt", 1, unaryHandler<SqrtOp>());
  table.onOp("Squeeze", 1, importSqueezeLike<SqueezeOp>);
  table.onOp("Sub", 1, binaryHandler<SubOp>());
  table.onOp("Sum", 1, variadicHandler<AddOp>());
  table.onOp("Tan", 7, unaryHandler<TanOp>());
  table.onOp("Tanh", 1, unaryHandler<TanhOp>());
  table.onOp("ThresholdedRelu", 10,
             unaryHandler<ThresholdedReluOp>([](NodeBinder &b) {
               return std::make_tuple(APFloat(b.getFloat("alpha", 1.0f)));
             }));
  table.onOp("Tile", 6, importTile);
  table.onOp("TopK", 1, importTopK);
  table.onOp("Transpose", 1, importTranspose);
  table.onOp("Trilu", 14, importTrilu);
  table.onOp("Unique", 11, importUnique);
  table.onOp("Unsqueeze", 1, importSqueezeLike<UnsqueezeOp>);
  table.onOp("Upsample", 7, importResize);
  table.onOp("Where", 9, importWhere);
  table.onOp("Xor", 1, binaryHandler<XorOp>(/*boolResult=*/true));
}

} // namespace mlir::kiln::onnx_import
