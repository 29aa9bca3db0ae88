//===- ResizeToLinalg.cpp - kiln.resize to a gathering linalg.generic -----===//
//
// ONNX Resize (and Upsample), after onnx/reference/ops/op_resize.py: every
// output element is a linalg.generic iteration that maps its index, one
// dimension at a time, to a source coordinate, turns the coordinate into
// interpolation taps and reads them with tensor.extract at indices clamped
// into the input (the reference's edge padding).
//
//===----------------------------------------------------------------------===//

#include "Interpolation.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// What one dimension of a resize reads.
enum class DimensionKind {
  /// Output index i reads input index i (unit scale, no crop).
  Identity,
  /// An input extent of 1: every tap clamps to index 0.
  Single,
  /// A source coordinate from the coordinate transformation.
  Transformed,
};

/// One dimension's parameters, computed once outside the generic.
struct ResizeDimension {
  DimensionKind kind;
  int64_t inputExtent, outputExtent;
  /// The scale, and the resized length `inputExtent * scale` (the output
  /// extent when only sizes are known): the reference's `output_width`,
  /// unfloored.
  Value scale, resizedLength;
  /// tf_crop_and_resize maps x to cropOrigin + x * cropStep.
  Value cropOrigin, cropStep;
};

/// Whether a unit scale maps every output index to itself under
/// `transform` (tf_half_pixel_for_nn shifts by half a pixel, a crop
/// depends on the roi).
bool preservesUnitScale(CoordinateTransform transform) {
  switch (transform) {
  case CoordinateTransform::half_pixel:
  case CoordinateTransform::half_pixel_symmetric:
  case CoordinateTransform::pytorch_half_pixel:
  case CoordinateTransform::align_corners:
  case CoordinateTransform::asymmetric:
    return true;
  case CoordinateTransform::tf_crop_and_resize:
  case CoordinateTransform::tf_half_pixel_for_nn:
    return false;
  }
  llvm_unreachable("unknown coordinate transformation");
}

/// The source coordinate of output index `x` (a float) in `dim`, as in
/// ONNX's Resize specification.
Value sourceCoordinate(const ScalarMath &math, CoordinateTransform transform,
                       const ResizeDimension &dim, Value x) {
  double inputExtent = static_cast<double>(dim.inputExtent);
  Value half = math.constant(0.5);
  // (x + 0.5) / scale - 0.5
  auto halfPixel = [&] {
    return math.sub(math.div(math.add(x, half), dim.scale), half);
  };
  switch (transform) {
  case CoordinateTransform::half_pixel:
    return halfPixel();
  case CoordinateTransform::half_pixel_symmetric: {
    // Centers the floored output on the input:
    // offset = in / 2 * (1 - out / resized_length).
    Value adjustment =
        math.div(math.constant(static_cast<double>(dim.outputExtent)),
                 dim.resizedLength);
    Value offset = math.mul(math.constant(inputExtent / 2),
                            math.sub(math.constant(1), adjustment));
    return math.add(offset, halfPixel());
  }
  case CoordinateTransform::pytorch_half_pixel:
    return math.select(math.less(math.constant(1), dim.resizedLength),
                       halfPixel(), math.constant(0));
  case CoordinateTransform::align_corners: {
    // x * (in - 1) / (resized_length - 1), 0 for a resized length of 1.
    Value one = math.constant(1);
    Value isOne = math.equal(dim.resizedLength, one);
    Value denominator =
        math.select(isOne, one, math.sub(dim.resizedLength, one));
    Value coordinate =
        math.div(math.mul(x, math.constant(inputExtent - 1)), denominator);
    return math.select(isOne, math.constant(0), coordinate);
  }
  case CoordinateTransform::asymmetric:
    return math.div(x, dim.scale);
  case CoordinateTransform::tf_half_pixel_for_nn:
    return math.div(math.add(x, half), dim.scale);
  case CoordinateTransform::tf_crop_and_resize:
    return math.add(dim.cropOrigin, math.mul(x, dim.cropStep));
  }
  llvm_unreachable("unknown coordinate transformation");
}

/// The input index nearest to `coordinate` under `mode`.
Value nearestIndex(const ScalarMath &math, NearestMode mode, Value coordinate) {
  Value half = math.constant(0.5);
  switch (mode) {
  case NearestMode::round_prefer_floor:
    return math.ceil(math.sub(coordinate, half));
  case NearestMode::round_prefer_ceil:
    return math.floor(math.add(coordinate, half));
  case NearestMode::floor:
    return math.floor(coordinate);
  case NearestMode::ceil:
    return math.ceil(coordinate);
  }
  llvm_unreachable("unknown nearest mode");
}

/// Zeroes the weights of taps outside [0, extent) and rescales the rest to
/// sum to one (cubic exclude_outside).
void excludeOutside(const ScalarMath &math, InterpolationTaps &taps,
                    int64_t extent) {
  Value zero = math.constant(0);
  Value sum;
  for (auto [position, weight] :
       llvm::zip_equal(taps.positions, taps.weights)) {
    weight = math.select(math.inBounds(position, extent), weight, zero);
    sum = sum ? math.add(sum, weight) : weight;
  }
  for (Value &weight : taps.weights)
    weight = math.div(weight, sum);
}

/// output[x] = interpolate(mode, input, coordinate_transform(x)), with
/// every tap read at its index clamped into the input, or
/// extrapolation_value where a tf_crop_and_resize coordinate falls outside
/// [0, in - 1]. Per dimension: a scale (the `scales` attribute, the
/// run-time `dynamic_scales`, or out / in for sizes) and, for crops, the
/// roi box are read once before the generic. Run-time sizes only restate
/// the static result type. Dimensions that provably map i to i (unit
/// scale) or read one element (extent 1) get one exact tap, so a 2-D
/// cubic resize of a 4-D tensor reads 16 taps, not 256.
struct LowerResize : OpConversionPattern<ResizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ResizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = resultType.getRank();
    Type element = resultType.getElementType();
    // In double precision, as the reference: a coordinate such as
    // 11.5 / 2.3f - 0.5 rounds to the tie 4.5 in single precision.
    ScalarMath outer(rewriter, loc, rewriter.getF64Type());
    CoordinateTransform transform = op.getCoordinateTransform();
    bool crops = transform == CoordinateTransform::tf_crop_and_resize;
    std::optional<ArrayRef<float>> scales = op.getScales();
    auto readFloat = [&](Value tensor, int64_t index) {
      return outer.fromElement(
          tensor::ExtractOp::create(rewriter, loc, tensor,
                                    ValueRange{outer.index(index)}),
          /*isUnsigned=*/false);
    };

    SmallVector<ResizeDimension> dims;
    for (int64_t d = 0; d < rank; ++d) {
      ResizeDimension dim;
      dim.inputExtent = inputType.getDimSize(d);
      dim.outputExtent = resultType.getDimSize(d);
      bool unitScale = scales ? (*scales)[d] == 1.0f
                              : !adaptor.getDynamicScales() &&
                                    dim.inputExtent == dim.outputExtent;
      if (dim.inputExtent == 1)
        dim.kind = DimensionKind::Single;
      else if (unitScale && preservesUnitScale(transform))
        dim.kind = DimensionKind::Identity;
      else
        dim.kind = DimensionKind::Transformed;
      if (dim.kind != DimensionKind::Transformed) {
        dims.push_back(dim);
        continue;
      }
      Value inputLength = outer.constant(static_cast<double>(dim.inputExtent));
      if (scales || adaptor.getDynamicScales()) {
        dim.scale = scales ? outer.constant((*scales)[d])
                           : readFloat(adaptor.getDynamicScales(), d);
        dim.resizedLength = outer.mul(inputLength, dim.scale);
      } else {
        dim.resizedLength =
            outer.constant(static_cast<double>(dim.outputExtent));
        dim.scale = outer.div(dim.resizedLength, inputLength);
      }
      if (crops) {
        // start * (in - 1) + x * (end - start) * (in - 1) / (out - 1), or
        // the middle of the box for one output element.
        Value start = readFloat(adaptor.getRoi(), d);
        Value end = readFloat(adaptor.getRoi(), rank + d);
        Value last = outer.constant(static_cast<double>(dim.inputExtent - 1));
        if (dim.outputExtent == 1) {
          dim.cropOrigin = outer.mul(
              outer.mul(outer.constant(0.5), outer.add(start, end)), last);
          dim.cropStep = outer.constant(0);
        } else {
          dim.cropOrigin = outer.mul(start, last);
          dim.cropStep = outer.div(
              outer.mul(outer.sub(end, start), last),
              outer.constant(static_cast<double>(dim.outputExtent - 1)));
        }
      }
      dims.push_back(dim);
    }

    Value input = adaptor.getInput();
    Value init =
        tensor::EmptyOp::create(rewriter, loc, resultType.getShape(), element);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        {rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          ScalarMath math(builder, bodyLoc, outer.getFloatType());
          SmallVector<InterpolationTaps> taps;
          Value outside;
          for (auto [d, dim] : llvm::enumerate(dims)) {
            if (dim.kind == DimensionKind::Single) {
              taps.push_back(exactTap(math.index(0)));
              continue;
            }
            Value index = linalg::IndexOp::create(builder, bodyLoc, d);
            if (dim.kind == DimensionKind::Identity) {
              taps.push_back(exactTap(index));
              continue;
            }
            Value coordinate =
                sourceCoordinate(math, transform, dim, math.toFloat(index));
            if (crops) {
              Value last =
                  math.constant(static_cast<double>(dim.inputExtent - 1));
              Value beyond = math.orOf(math.less(coordinate, math.constant(0)),
                                       math.less(last, coordinate));
              outside = outside ? math.orOf(outside, beyond) : beyond;
            }
            InterpolationTaps dimTaps;
            switch (op.getMode()) {
            case ResizeMode::nearest:
              dimTaps = exactTap(math.toIndex(
                  nearestIndex(math, op.getNearestMode(), coordinate)));
              break;
            case ResizeMode::linear:
              dimTaps = linearTaps(math, coordinate);
              break;
            case ResizeMode::cubic:
              dimTaps = cubicTaps(math, coordinate,
                                  op.getCubicCoeffA().convertToDouble());
              if (op.getExcludeOutside())
                excludeOutside(math, dimTaps, dim.inputExtent);
              break;
            }
            for (Value &position : dimTaps.positions)
              position = math.clampIndex(position, dim.inputExtent);
            taps.push_back(std::move(dimTaps));
          }
          Value value = interpolate(math, taps, [&](ArrayRef<Value> positions) {
            return math.fromElement(
                tensor::ExtractOp::create(builder, bodyLoc, input, positions),
                /*isUnsigned=*/false);
          });
          if (outside)
            value = math.select(
                outside,
                math.constant(op.getExtrapolationValue().convertToDouble()),
                value);
          linalg::YieldOp::create(
              builder, bodyLoc,
              math.toElement(value, element, /*isUnsigned=*/false));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnResizeToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerResize>(typeConverter, patterns.getContext());
}
