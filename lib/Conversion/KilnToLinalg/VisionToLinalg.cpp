//===- VisionToLinalg.cpp - kiln sampling, RoI, unpooling ops to linalg ---===//
//
// Gathers are linalg.generic ops over the result that read their input with
// tensor.extract (grid_sample, roi_align, with the interpolation helpers
// that kiln.resize uses); scatters and data-dependent selections are scf
// loops carrying the result tensor (max_unpool, non_max_suppression).
//
//===----------------------------------------------------------------------===//

#include "Interpolation.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// A linalg.generic writing every element of `resultType` from `body`,
/// which reads what it needs with tensor.extract (no tensor operands).
Value buildIndexedGeneric(
    OpBuilder &builder, Location loc, RankedTensorType resultType,
    function_ref<Value(OpBuilder &, Location, ArrayRef<Value> indices)> body) {
  int64_t rank = resultType.getRank();
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, ValueRange{}, init,
             {builder.getMultiDimIdentityMap(rank)},
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange) {
               SmallVector<Value> indices;
               for (int64_t dim = 0; dim < rank; ++dim)
                 indices.push_back(
                     linalg::IndexOp::create(nested, nestedLoc, dim));
               linalg::YieldOp::create(nested, nestedLoc,
                                       body(nested, nestedLoc, indices));
             })
      .getResult(0);
}

//===----------------------------------------------------------------------===//
// GridSample
//===----------------------------------------------------------------------===//

/// `value` reflected at `lo` and `hi` until it lies between them, as
/// onnx/reference/ops/op_grid_sample.py's _gs_reflect: with
/// d = the distance past the border it crossed, n = floor(d / (hi - lo))
/// and r = d - n * (hi - lo), the result is r inside that border for even
/// n and r inside the other border for odd n.
Value reflect(const ScalarMath &math, Value value, double lo, double hi) {
  if (lo == hi)
    return math.constant(lo);
  Value low = math.constant(lo), high = math.constant(hi);
  Value range = math.constant(hi - lo);
  Value below = math.less(value, low);
  Value above = math.less(high, value);
  Value distance =
      math.select(below, math.sub(low, value), math.sub(value, high));
  Value flips = math.floor(math.div(distance, range));
  Value rest = math.sub(distance, math.mul(flips, range));
  Value halfFlips = math.mul(flips, math.constant(0.5));
  Value even = math.equal(math.floor(halfFlips), halfFlips);
  // Back inside from below after an even count of flips, or from above
  // after an odd one: measured from lo.
  Value fromLow = math.equal(below, even);
  Value reflected =
      math.select(fromLow, math.add(low, rest), math.sub(high, rest));
  return math.select(math.orOf(below, above), reflected, value);
}

/// output[n, c, o...] = interpolate(mode, input[n, c], p) where p_i is the
/// grid vector's coordinate for spatial dimension i, denormalized; as
/// onnx/reference/ops/op_grid_sample.py: nearest rounds p first; a p outside
/// [lo, hi] is clamped to [0, D - 1] (border) or reflected (reflection);
/// then every tap is read with the padding mode (zeros: 0 outside the
/// input; border: clamped; reflection: reflected).
struct LowerGridSample : OpConversionPattern<GridSampleOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GridSampleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    Type element = resultType.getElementType();
    Type gridElement =
        cast<RankedTensorType>(adaptor.getGrid().getType()).getElementType();
    FloatType floatType =
        interpolationFloatType(gridElement.isF64() ? gridElement : element);
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    ArrayRef<int64_t> spatial = inputType.getShape().drop_front(2);
    int64_t spatialRank = static_cast<int64_t>(spatial.size());
    bool alignCorners = op.getAlignCorners();
    ResizeMode mode = op.getMode();
    GridSamplePadding padding = op.getPaddingMode();
    Value input = adaptor.getInput(), grid = adaptor.getGrid();

    Value result = buildIndexedGeneric(
        rewriter, op.getLoc(), resultType,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> indices) {
          ScalarMath math(builder, loc, floatType);
          SmallVector<InterpolationTaps> taps;
          SmallVector<Value> gridIndices = {indices[0]};
          llvm::append_range(gridIndices, indices.drop_front(2));
          gridIndices.push_back(Value());
          for (auto [i, extent] : llvm::enumerate(spatial)) {
            double size = static_cast<double>(extent);
            // The grid lists coordinates innermost dimension first.
            gridIndices.back() = math.index(spatialRank - 1 - i);
            Value g = math.fromElement(
                tensor::ExtractOp::create(builder, loc, grid, gridIndices),
                /*isUnsigned=*/false);
            Value one = math.constant(1);
            Value half = math.constant(0.5);
            Value p = alignCorners
                          ? math.mul(math.mul(math.add(g, one), half),
                                     math.constant(size - 1))
                          : math.mul(math.sub(math.mul(math.add(g, one),
                                                       math.constant(size)),
                                              one),
                                     half);
            double lo = alignCorners ? 0 : -0.5;
            double hi = alignCorners ? size - 1 : size - 0.5;
            if (mode == ResizeMode::nearest)
              // PyTorch rounds 3-D grids half away from zero, others
              // half to even.
              p = spatialRank == 3
                      ? Value(math::RoundOp::create(builder, loc, p))
                      : Value(math::RoundEvenOp::create(builder, loc, p));
            if (padding == GridSamplePadding::border) {
              Value outside = math.orOf(math.less(p, math.constant(lo)),
                                        math.less(math.constant(hi), p));
              p = math.select(
                  outside,
                  math.clamp(p, math.constant(0), math.constant(size - 1)), p);
            } else if (padding == GridSamplePadding::reflection) {
              p = reflect(math, p, lo, hi);
            }
            InterpolationTaps dimTaps =
                mode == ResizeMode::nearest  ? exactTap(math.toIndex(p))
                : mode == ResizeMode::linear ? linearTaps(math, p)
                                             : cubicTaps(math, p, /*a=*/-0.75);
            // Border and reflection padding move each tap into the input;
            // zeros padding is checked at the read.
            for (Value &position : dimTaps.positions) {
              if (padding == GridSamplePadding::reflection)
                position =
                    math.toIndex(reflect(math, math.toFloat(position), lo, hi));
              if (padding != GridSamplePadding::zeros)
                position = math.clampIndex(position, extent);
            }
            taps.push_back(std::move(dimTaps));
          }
          Value zero = math.constant(0);
          Value value = interpolate(math, taps, [&](ArrayRef<Value> positions) {
            SmallVector<Value> inputIndices(indices.take_front(2));
            Value inside;
            for (auto [position, extent] :
                 llvm::zip_equal(positions, spatial)) {
              if (padding != GridSamplePadding::zeros) {
                inputIndices.push_back(position);
                continue;
              }
              Value in = math.inBounds(position, extent);
              inside = inside ? math.andOf(inside, in) : in;
              inputIndices.push_back(math.clampIndex(position, extent));
            }
            Value read = math.fromElement(
                tensor::ExtractOp::create(builder, loc, input, inputIndices),
                isUnsigned);
            return inside ? math.select(inside, read, zero) : read;
          });
          return math.toElement(value, element, isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// RoiAlign
//===----------------------------------------------------------------------===//

/// output[r, c, ph, pw] pools the bilinear samples of bin (ph, pw) of region
/// r, as onnx/reference/ops/op_roi_align.py: a linalg.generic over the
/// result whose body reads the region and loops (scf.for) over the bin's
/// g_h x g_w samples, a count that depends on the region when
/// sampling_ratio is 0. A sample outside [-1, H] x [-1, W] is 0; otherwise
/// its coordinates are clamped to [0, H - 1] x [0, W - 1] and its four
/// corners read with weights (1 - ly, ly) x (1 - lx, lx). avg sums the
/// interpolated values and divides by max(g_h * g_w, 1); max takes the
/// largest weighted corner term of every sample.
struct LowerRoiAlign : OpConversionPattern<RoiAlignOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RoiAlignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    Type element = resultType.getElementType();
    FloatType floatType = interpolationFloatType(element);
    int64_t batches = inputType.getDimSize(0);
    int64_t height = inputType.getDimSize(2), width = inputType.getDimSize(3);
    int64_t outputHeight = op.getOutputHeight();
    int64_t outputWidth = op.getOutputWidth();
    int64_t samplingRatio = op.getSamplingRatio();
    double spatialScale = op.getSpatialScale().convertToDouble();
    bool halfPixel =
        op.getCoordinateTransform() == RoiAlignCoordinateTransform::half_pixel;
    bool isMax = op.getMode() == RoiAlignMode::max;
    Value input = adaptor.getInput(), rois = adaptor.getRois(),
          batchIndices = adaptor.getBatchIndices();

    Value result = buildIndexedGeneric(
        rewriter, op.getLoc(), resultType,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> indices) {
          ScalarMath math(builder, loc, floatType);
          Value roi = indices[0], channel = indices[1];
          Value batch = math.clampIndex(math.toIndex(tensor::ExtractOp::create(
                                            builder, loc, batchIndices, roi)),
                                        batches);
          // The region in input coordinates.
          auto corner = [&](int64_t k) {
            Value coordinate = math.fromElement(
                tensor::ExtractOp::create(builder, loc, rois,
                                          ValueRange{roi, math.index(k)}),
                /*isUnsigned=*/false);
            return math.sub(math.mul(coordinate, math.constant(spatialScale)),
                            math.constant(halfPixel ? 0.5 : 0.0));
          };
          Value startX = corner(0), startY = corner(1);
          Value roiWidth = math.sub(corner(2), startX);
          Value roiHeight = math.sub(corner(3), startY);
          if (!halfPixel) {
            // output_half_pixel forces malformed regions to 1 x 1.
            roiWidth = math.max(roiWidth, math.constant(1));
            roiHeight = math.max(roiHeight, math.constant(1));
          }
          Value binHeight =
              math.div(roiHeight, math.constant(double(outputHeight)));
          Value binWidth =
              math.div(roiWidth, math.constant(double(outputWidth)));
          auto gridSize = [&](Value binSize) {
            return samplingRatio > 0 ? math.index(samplingRatio)
                                     : math.toIndex(math.ceil(binSize));
          };
          Value gridHeight = gridSize(binHeight);
          Value gridWidth = gridSize(binWidth);
          // The first sample of bin (ph, pw) and the steps between samples.
          auto firstSample = [&](Value start, Value bin, Value binSize,
                                 Value step) {
            return math.add(
                math.add(start, math.mul(math.toFloat(bin), binSize)),
                math.mul(math.constant(0.5), step));
          };
          Value stepY = math.div(binHeight, math.toFloat(gridHeight));
          Value stepX = math.div(binWidth, math.toFloat(gridWidth));
          Value firstY = firstSample(startY, indices[2], binHeight, stepY);
          Value firstX = firstSample(startX, indices[3], binWidth, stepX);

          Value zero = math.constant(0);
          Value init =
              isMax ? math.constant(-std::numeric_limits<double>::infinity())
                    : zero;
          Value lowerBound = math.index(0), unit = math.index(1);
          auto rows = scf::ForOp::create(
              builder, loc, lowerBound, gridHeight, unit, init,
              [&](OpBuilder &rowBuilder, Location rowLoc, Value iy,
                  ValueRange rowAcc) {
                ScalarMath rowMath(rowBuilder, rowLoc, floatType);
                Value y = rowMath.add(firstY,
                                      rowMath.mul(rowMath.toFloat(iy), stepY));
                auto columns = scf::ForOp::create(
                    rowBuilder, rowLoc, lowerBound, gridWidth, unit,
                    rowAcc.front(),
                    [&](OpBuilder &b, Location sampleLoc, Value ix,
                        ValueRange acc) {
                      ScalarMath sample(b, sampleLoc, floatType);
                      Value x = sample.add(
                          firstX, sample.mul(sample.toFloat(ix), stepX));
                      Value value =
                          bilinearSample(sample, input, batch, channel, y, x,
                                         height, width, isMax);
                      Value next = isMax ? sample.max(acc.front(), value)
                                         : sample.add(acc.front(), value);
                      scf::YieldOp::create(b, sampleLoc, next);
                    });
                scf::YieldOp::create(rowBuilder, rowLoc, columns.getResult(0));
              });
          Value pooled = rows.getResult(0);
          Value count = math.mul(gridHeight, gridWidth);
          if (isMax) {
            // No samples pool to 0.
            Value none = math.lessEqual(count, math.index(0));
            pooled = math.select(none, zero, pooled);
          } else {
            pooled = math.div(pooled,
                              math.max(math.toFloat(count), math.constant(1)));
          }
          return math.toElement(pooled, element, /*isUnsigned=*/false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

  /// The sample at (y, x) of input[batch, channel]: the bilinear
  /// interpolation (avg) or the largest weighted corner (max); 0 outside
  /// [-1, H] x [-1, W].
  static Value bilinearSample(const ScalarMath &math, Value input, Value batch,
                              Value channel, Value y, Value x, int64_t height,
                              int64_t width, bool isMax) {
    OpBuilder &builder = math.getBuilder();
    Location loc = math.getLoc();
    Value minusOne = math.constant(-1), zero = math.constant(0);
    Value outside =
        math.orOf(math.orOf(math.less(y, minusOne),
                            math.less(math.constant(double(height)), y)),
                  math.orOf(math.less(x, minusOne),
                            math.less(math.constant(double(width)), x)));
    SmallVector<InterpolationTaps> taps;
    for (auto [coordinate, extent] :
         {std::pair(y, height), std::pair(x, width)}) {
      Value clamped =
          math.clamp(coordinate, zero, math.constant(double(extent - 1)));
      InterpolationTaps dimTaps = linearTaps(math, clamped);
      for (Value &position : dimTaps.positions)
        position = math.clampIndex(position, extent);
      taps.push_back(std::move(dimTaps));
    }
    auto read = [&](ArrayRef<Value> positions) {
      return math.fromElement(
          tensor::ExtractOp::create(
              builder, loc, input,
              ValueRange{batch, channel, positions[0], positions[1]}),
          /*isUnsigned=*/false);
    };
    Value value;
    if (isMax) {
      forEachTapCombination(math, taps,
                            [&](ArrayRef<Value> positions, Value weight) {
                              Value term = math.mul(weight, read(positions));
                              value = value ? math.max(value, term) : term;
                            });
    } else {
      value = interpolate(math, taps, read);
    }
    return math.select(outside, zero, value);
  }
};

//===----------------------------------------------------------------------===//
// MaxUnpool
//===----------------------------------------------------------------------===//

/// A zero result, then one scf.for over the flattened input storing
/// input.flat[j] at the position indices.flat[j] names in the default
/// unpooled shape [N, C, O...] (the same coordinates in the result, whose
/// extra elements at the end of each spatial dimension stay zero). Later
/// indices overwrite earlier ones; an index outside the default shape is
/// skipped. A run-time output shape only restates the static result type.
struct LowerMaxUnpool : OpConversionPattern<MaxUnpoolOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MaxUnpoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    int64_t spatialRank = rank - 2;
    SmallVector<int64_t> unpooled(inputType.getShape().take_front(2));
    for (int64_t i = 0; i < spatialRank; ++i)
      unpooled.push_back((inputType.getDimSize(2 + i) - 1) *
                             op.getStrides()[i] +
                         op.getKernelShape()[i] - op.getPads()[i] -
                         op.getPads()[spatialRank + i]);
    int64_t unpooledElements = ShapedType::getNumElements(unpooled);

    ScalarMath math(rewriter, loc,
                    interpolationFloatType(resultType.getElementType()));
    Type element = resultType.getElementType();
    Value zeros = linalg::FillOp::create(
                      rewriter, loc,
                      ValueRange{arith::ConstantOp::create(
                          rewriter, loc, rewriter.getZeroAttr(element))},
                      ValueRange{tensor::EmptyOp::create(
                          rewriter, loc, resultType.getShape(), element)})
                      .getResult(0);
    // Both operands as 1-D tensors, read at the loop's flat position.
    auto flatten = [&](Value tensor) -> Value {
      auto type = cast<RankedTensorType>(tensor.getType());
      ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, rank));
      return tensor::CollapseShapeOp::create(
          rewriter, loc, type.clone({type.getNumElements()}), tensor,
          ArrayRef<ReassociationIndices>{all});
    };
    Value values = flatten(adaptor.getInput());
    Value positions = flatten(adaptor.getIndices());
    auto loop = scf::ForOp::create(
        rewriter, loc, math.index(0), math.index(inputType.getNumElements()),
        math.index(1), zeros,
        [&](OpBuilder &builder, Location bodyLoc, Value j, ValueRange acc) {
          ScalarMath body(builder, bodyLoc, math.getFloatType());
          Value value = tensor::ExtractOp::create(builder, bodyLoc, values, j);
          Value flat = body.toIndex(
              tensor::ExtractOp::create(builder, bodyLoc, positions, j));
          Value valid = body.inBounds(flat, unpooledElements);
          auto store = scf::IfOp::create(
              builder, bodyLoc, valid,
              [&](OpBuilder &thenBuilder, Location thenLoc) {
                // Row-major coordinates of `flat` in the unpooled shape.
                SmallVector<Value> coordinates(rank);
                Value rest = flat;
                for (int64_t dim = rank - 1; dim >= 0; --dim) {
                  Value extent = arith::ConstantIndexOp::create(
                      thenBuilder, thenLoc, unpooled[dim]);
                  coordinates[dim] = arith::RemUIOp::create(
                      thenBuilder, thenLoc, rest, extent);
                  rest = arith::DivUIOp::create(thenBuilder, thenLoc, rest,
                                                extent);
                }
                Value stored = tensor::InsertOp::create(
                    thenBuilder, thenLoc, value, acc.front(), coordinates);
                scf::YieldOp::create(thenBuilder, thenLoc, stored);
              },
              [&](OpBuilder &elseBuilder, Location elseLoc) {
                scf::YieldOp::create(elseBuilder, elseLoc, acc.front());
              });
          scf::YieldOp::create(builder, bodyLoc, store.getResult(0));
        });
    rewriter.replaceOp(op, loop.getResult(0));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// NonMaxSuppression
//===----------------------------------------------------------------------===//

/// Whether `box` and `other` (4 coordinates each) overlap by more than
/// `threshold`, as onnx/reference/ops/op_non_max_suppression.py's
/// suppress_by_iou: false unless both extents of the intersection, the
/// intersection area, both areas and the union are positive.
Value suppresses(const ScalarMath &math, ArrayRef<Value> box,
                 ArrayRef<Value> other, bool centerPointBox, Value threshold) {
  // [lo, hi] of a box along one axis: its coordinates `first` and
  // `first + 2` (corners, any order, or center and size).
  auto extent = [&](ArrayRef<Value> b, int64_t first) {
    if (centerPointBox) {
      Value half = math.mul(b[first + 2], math.constant(0.5));
      return std::pair(math.sub(b[first], half), math.add(b[first], half));
    }
    return std::pair(math.min(b[first], b[first + 2]),
                     math.max(b[first], b[first + 2]));
  };
  Value zero = math.constant(0);
  Value overlaps, intersection, area, otherArea;
  for (int64_t axis = 0; axis < 2; ++axis) {
    auto [lo, hi] = extent(box, axis);
    auto [otherLo, otherHi] = extent(other, axis);
    Value length = math.sub(math.min(hi, otherHi), math.max(lo, otherLo));
    Value positive = math.less(zero, length);
    overlaps = overlaps ? math.andOf(overlaps, positive) : positive;
    intersection = intersection ? math.mul(intersection, length) : length;
    Value side = math.sub(hi, lo), otherSide = math.sub(otherHi, otherLo);
    area = area ? math.mul(area, side) : side;
    otherArea = otherArea ? math.mul(otherArea, otherSide) : otherSide;
  }
  Value unionArea = math.sub(math.add(area, otherArea), intersection);
  for (Value positive : {intersection, area, otherArea, unionArea})
    overlaps = math.andOf(overlaps, math.less(zero, positive));
  Value iou = math.div(intersection, unionArea);
  return math.andOf(overlaps, math.less(threshold, iou));
}

/// The scalar of a one-element tensor operand, at rank 0 or 1.
Value extractScalar(OpBuilder &builder, Location loc, Value tensor) {
  int64_t rank = cast<RankedTensorType>(tensor.getType()).getRank();
  return tensor::ExtractOp::create(
      builder, loc, tensor,
      SmallVector<Value>(rank,
                         arith::ConstantIndexOp::create(builder, loc, 0)));
}

/// The loops of one non_max_suppression lowering, with the values they
/// share (built once, before the loops).
struct GreedySelection {
  Value boxes, scores, maxBoxes, iouThreshold;
  /// Null without a score threshold.
  Value scoreThreshold;
  bool centerPointBox;
  int64_t numBoxes, rows;
  FloatType floatType;

  /// The 4 coordinates of box `box` of batch `batch`.
  SmallVector<Value> readBox(const ScalarMath &math, Value batch,
                             Value box) const {
    SmallVector<Value> coordinates;
    for (int64_t k = 0; k < 4; ++k)
      coordinates.push_back(math.fromElement(
          tensor::ExtractOp::create(math.getBuilder(), math.getLoc(), boxes,
                                    ValueRange{batch, box, math.index(k)}),
          /*isUnsigned=*/false));
    return coordinates;
  }

  /// Scans the boxes of class `cls` (none unless `active`) for the best one
  /// after the previous candidate in the order (descending score, ascending
  /// index) and above the score threshold: (found, its score, its index).
  ValueRange findNext(const ScalarMath &math, Value batch, Value cls,
                      Value active, Value previousScore,
                      Value previousIndex) const {
    Value zero = math.index(0);
    Value end = math.select(active, math.index(numBoxes), zero);
    auto scan = scf::ForOp::create(
        math.getBuilder(), math.getLoc(), zero, end, math.index(1),
        ValueRange{math.boolean(false), previousScore, zero},
        [&](OpBuilder &b, Location l, Value box, ValueRange best) {
          ScalarMath m(b, l, floatType);
          Value score =
              m.fromElement(tensor::ExtractOp::create(
                                b, l, scores, ValueRange{batch, cls, box}),
                            /*isUnsigned=*/false);
          Value after = m.orOf(m.less(score, previousScore),
                               m.andOf(m.equal(score, previousScore),
                                       m.less(previousIndex, box)));
          if (scoreThreshold)
            after = m.andOf(after, m.less(scoreThreshold, score));
          // Strictly better: ties keep the lower index.
          Value better = m.orOf(m.notOf(best[0]), m.less(best[1], score));
          Value take = m.andOf(after, better);
          scf::YieldOp::create(b, l,
                               ValueRange{m.orOf(best[0], take),
                                          m.select(take, score, best[1]),
                                          m.select(take, box, best[2])});
        });
    return scan.getResults();
  }

  /// Whether one of the first `count` boxes of `kept` suppresses
  /// `candidate`.
  Value isSuppressed(const ScalarMath &math, Value batch, Value candidate,
                     Value kept, Value count) const {
    SmallVector<Value> candidateBox = readBox(math, batch, candidate);
    auto check = scf::ForOp::create(
        math.getBuilder(), math.getLoc(), math.index(0), count, math.index(1),
        ValueRange{math.boolean(false)},
        [&](OpBuilder &b, Location l, Value j, ValueRange suppressed) {
          ScalarMath m(b, l, floatType);
          Value keptBox = m.toIndex(tensor::ExtractOp::create(b, l, kept, j));
          Value hit = suppresses(m, candidateBox, readBox(m, batch, keptBox),
                                 centerPointBox, iouThreshold);
          scf::YieldOp::create(b, l, m.orOf(suppressed[0], hit));
        });
    return check.getResult(0);
  }

  /// Appends `candidate` to the kept boxes and the row [batch, cls,
  /// candidate] to the result when `keep`: the new (result, row, kept,
  /// kept count).
  ValueRange appendIf(const ScalarMath &math, Value keep, Value batch,
                      Value cls, Value candidate, ValueRange state) const {
    auto store = scf::IfOp::create(
        math.getBuilder(), math.getLoc(), keep,
        [&](OpBuilder &b, Location l) {
          ScalarMath m(b, l, floatType);
          Value result = state[0], row = state[1], kept = state[2],
                keptCount = state[3];
          auto asI64 = [&](Value index) -> Value {
            return arith::IndexCastOp::create(b, l, b.getI64Type(), index);
          };
          kept =
              tensor::InsertOp::create(b, l, asI64(candidate), kept, keptCount);
          for (auto [column, value] :
               llvm::enumerate(ArrayRef<Value>{batch, cls, candidate}))
            result = tensor::InsertOp::create(b, l, asI64(value), result,
                                              ValueRange{row, m.index(column)});
          scf::YieldOp::create(b, l,
                               ValueRange{result, m.add(row, m.index(1)), kept,
                                          m.add(keptCount, m.index(1))});
        },
        [&](OpBuilder &b, Location l) { scf::YieldOp::create(b, l, state); });
    return store.getResults();
  }

  /// One candidate of class `cls`. `state`: result, next row, kept boxes,
  /// their count, the previous candidate's score and index, whether no
  /// candidate is left; returns the next state.
  SmallVector<Value> step(const ScalarMath &math, Value batch, Value cls,
                          ValueRange state) const {
    Value row = state[1], keptCount = state[3], previousScore = state[4],
          previousIndex = state[5], exhausted = state[6];
    Value active = math.andOf(math.andOf(math.less(keptCount, maxBoxes),
                                         math.less(row, math.index(rows))),
                              math.notOf(exhausted));
    ValueRange next =
        findNext(math, batch, cls, active, previousScore, previousIndex);
    Value found = next[0], score = next[1], candidate = next[2];
    Value suppressed =
        isSuppressed(math, batch, candidate, state[2],
                     math.select(found, keptCount, math.index(0)));
    Value keep = math.andOf(found, math.notOf(suppressed));
    SmallVector<Value> result(
        appendIf(math, keep, batch, cls, candidate, state.take_front(4)));
    result.append({math.select(found, score, previousScore),
                   math.select(found, candidate, previousIndex),
                   math.orOf(exhausted, math.notOf(found))});
    return result;
  }
};

/// Greedy selection in loops carrying the result, its next row and a
/// tensor of the boxes kept for the current class: for every batch and
/// class, at most S steps, each finding the next candidate by a scan (no
/// sort: each scan resumes after the previous candidate), checking it
/// against the kept boxes and, when it survives, writing the row
/// [b, k, s]. The result has the extent the model declares (see the op's
/// description): selection stops once its rows are full, and rows the data
/// leave empty hold -1.
struct LowerNonMaxSuppression : OpConversionPattern<NonMaxSuppressionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(NonMaxSuppressionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto boxesType = cast<RankedTensorType>(adaptor.getBoxes().getType());
    int64_t numBatches = boxesType.getDimSize(0);
    int64_t numClasses =
        cast<RankedTensorType>(adaptor.getScores().getType()).getDimSize(1);
    GreedySelection selection;
    selection.boxes = adaptor.getBoxes();
    selection.scores = adaptor.getScores();
    selection.centerPointBox = op.getCenterPointBox();
    selection.numBoxes = boxesType.getDimSize(1);
    selection.rows = resultType.getDimSize(0);
    selection.floatType = interpolationFloatType(boxesType.getElementType());
    ScalarMath math(rewriter, loc, selection.floatType);
    Type i64 = rewriter.getI64Type();
    Value unfilled = linalg::FillOp::create(
                         rewriter, loc,
                         ValueRange{arith::ConstantOp::create(
                             rewriter, loc, rewriter.getI64IntegerAttr(-1))},
                         ValueRange{tensor::EmptyOp::create(
                             rewriter, loc, resultType.getShape(), i64)})
                         .getResult(0);
    if (!adaptor.getMaxOutputBoxesPerClass() || selection.rows == 0 ||
        selection.numBoxes == 0) {
      rewriter.replaceOp(op, unfilled);
      return success();
    }
    selection.maxBoxes =
        math.max(math.toIndex(extractScalar(
                     rewriter, loc, adaptor.getMaxOutputBoxesPerClass())),
                 math.index(0));
    auto threshold = [&](Value operand) -> Value {
      if (!operand)
        return {};
      return math.fromElement(extractScalar(rewriter, loc, operand),
                              /*isUnsigned=*/false);
    };
    selection.iouThreshold = adaptor.getIouThreshold()
                                 ? threshold(adaptor.getIouThreshold())
                                 : math.constant(0);
    selection.scoreThreshold = threshold(adaptor.getScoreThreshold());
    Value kept =
        tensor::EmptyOp::create(rewriter, loc, {selection.numBoxes}, i64);
    Value zero = math.index(0), one = math.index(1);

    auto batchLoop = scf::ForOp::create(
        rewriter, loc, zero, math.index(numBatches), one,
        ValueRange{unfilled, zero, kept},
        [&](OpBuilder &b, Location l, Value batch, ValueRange batchState) {
          auto classLoop = scf::ForOp::create(
              b, l, zero, math.index(numClasses), one, batchState,
              [&](OpBuilder &b, Location l, Value cls, ValueRange state) {
                ScalarMath m(b, l, selection.floatType);
                // A new class: nothing kept, no previous candidate.
                SmallVector<Value> init(state);
                init.append(
                    {zero, m.constant(std::numeric_limits<double>::infinity()),
                     m.index(-1), m.boolean(false)});
                auto steps = scf::ForOp::create(
                    b, l, zero, m.index(selection.numBoxes), one, init,
                    [&](OpBuilder &b, Location l, Value, ValueRange step) {
                      scf::YieldOp::create(
                          b, l,
                          selection.step(ScalarMath(b, l, selection.floatType),
                                         batch, cls, step));
                    });
                scf::YieldOp::create(b, l, steps.getResults().take_front(3));
              });
          scf::YieldOp::create(b, l, classLoop.getResults());
        });
    rewriter.replaceOp(op, batchLoop.getResult(0));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnVisionToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerGridSample, LowerRoiAlign, LowerMaxUnpool,
               LowerNonMaxSuppression>(typeConverter, patterns.getContext());
}
