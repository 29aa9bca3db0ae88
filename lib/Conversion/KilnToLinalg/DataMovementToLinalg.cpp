//===- DataMovementToLinalg.cpp - kiln data movement to tensor / linalg ---===//

#include "LoweringUtils.h"
#include "QuantParameters.h"

#include "dialects/Kiln/KilnShapeUtils.h"

using namespace mlir;
using namespace mlir::kiln;

Value mlir::kiln::castScalar(OpBuilder &builder, Location loc, Value value,
                             Type target, bool sourceUnsigned,
                             bool targetUnsigned) {
  Type source = value.getType();
  if (source == target)
    return value;
  bool sourceFloat = isa<FloatType>(source);
  bool targetFloat = isa<FloatType>(target);
  if (target.isInteger(1)) {
    Value zero =
        arith::ConstantOp::create(builder, loc, builder.getZeroAttr(source));
    if (sourceFloat)
      return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::UNE,
                                   value, zero);
    return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ne, value,
                                 zero);
  }
  unsigned sourceWidth = source.getIntOrFloatBitWidth();
  unsigned targetWidth = target.getIntOrFloatBitWidth();
  if (sourceFloat && targetFloat) {
    // Formats of one width (f16 and bf16, f8E4M3FN and f8E5M2) convert
    // through f32, which holds both exactly.
    if (sourceWidth == targetWidth)
      value = arith::ExtFOp::create(builder, loc, builder.getF32Type(), value);
    return value.getType().getIntOrFloatBitWidth() < targetWidth
               ? Value(arith::ExtFOp::create(builder, loc, target, value))
               : Value(arith::TruncFOp::create(builder, loc, target, value));
  }
  if (sourceFloat)
    return targetUnsigned
               ? Value(arith::FPToUIOp::create(builder, loc, target, value))
               : Value(arith::FPToSIOp::create(builder, loc, target, value));
  bool extendUnsigned = sourceUnsigned || source.isInteger(1);
  if (targetFloat)
    return extendUnsigned
               ? Value(arith::UIToFPOp::create(builder, loc, target, value))
               : Value(arith::SIToFPOp::create(builder, loc, target, value));
  if (sourceWidth > targetWidth)
    return arith::TruncIOp::create(builder, loc, target, value);
  return extendUnsigned
             ? Value(arith::ExtUIOp::create(builder, loc, target, value))
             : Value(arith::ExtSIOp::create(builder, loc, target, value));
}

namespace {

SmallVector<OpFoldResult> indexAttrs(OpBuilder &builder,
                                     ArrayRef<int64_t> values) {
  return llvm::map_to_vector(values, [&](int64_t value) -> OpFoldResult {
    return builder.getIndexAttr(value);
  });
}

/// A reshape's run-time shape operand must describe the static result:
/// each entry the extent itself, -1 (inferred), or 0 copying an equal input
/// extent (unless `allow_zero`).
void checkRuntimeShape(OpBuilder &builder, ReshapeOp op, Value shape,
                       RankedTensorType resultType) {
  Location loc = op.getLoc();
  ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
  auto constant = [&](int64_t value) -> Value {
    return arith::ConstantIntOp::create(builder, loc, value, 64);
  };
  Value valid = arith::ConstantIntOp::create(builder, loc, 1, 1);
  for (auto [index, extent] : llvm::enumerate(resultType.getShape())) {
    Value position = arith::ConstantIndexOp::create(builder, loc, index);
    Value entry = tensor::ExtractOp::create(builder, loc, shape, position);
    auto equals = [&](int64_t value) -> Value {
      return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq,
                                   entry, constant(value));
    };
    Value matches = arith::OrIOp::create(builder, loc, equals(extent),
                                         equals(-1));
    if (!op.getAllowZero() && index < inputShape.size() &&
        inputShape[index] == extent)
      matches = arith::OrIOp::create(builder, loc, matches, equals(0));
    valid = arith::AndIOp::create(builder, loc, valid, matches);
  }
  buildRuntimeCheck(builder, op, valid,
                    "the run-time shape operand of the reshape differs from "
                    "the compiled result shape " +
                        formatShape(resultType.getShape()));
}

/// Ops that only reinterpret the row-major element order (reshape, squeeze,
/// unsqueeze, flatten): tensor.reshape to the result's constant shape. A
/// run-time `shape` operand of kiln.reshape is not read: the static result
/// type (the model's declared shape) already says what it holds.
template <typename OpTy>
struct LowerAsReshape : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType =
        convertedType(this->getTypeConverter(), op.getOutput());
    if constexpr (std::is_same_v<OpTy, ReshapeOp>)
      if (Value shape = adaptor.getShape())
        checkRuntimeShape(rewriter, op, shape, resultType);
    rewriter.replaceOp(op, buildReshape(rewriter, op.getLoc(),
                                        adaptor.getInput(), resultType));
    return success();
  }
};

struct LowerTranspose : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value init = tensor::EmptyOp::create(rewriter, op.getLoc(),
                                         resultType.getShape(),
                                         resultType.getElementType());
    rewriter.replaceOpWithNewOp<linalg::TransposeOp>(
        op, adaptor.getInput(), init, op.getPerm());
    return success();
  }
};

/// Clamps the float scalar `value` to the finite range of `target` (a float
/// type of at most 8 bits) for a saturating cast: infinities become the
/// largest finite value of their sign, NaN stays NaN. Small float inputs
/// are clamped as f32 (LLVM has no arithmetic on them).
Value clampToFiniteRange(OpBuilder &builder, Location loc, Value value,
                         FloatType target) {
  auto source = cast<FloatType>(value.getType());
  if (source.getWidth() <= 8) {
    source = builder.getF32Type();
    value = arith::ExtFOp::create(builder, loc, source, value);
  }
  APFloat largest = APFloat::getLargest(target.getFloatSemantics());
  bool losesInfo = false;
  largest.convert(source.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
  Value high = arith::ConstantOp::create(builder, loc,
                                         FloatAttr::get(source, largest));
  Value low = arith::ConstantOp::create(builder, loc,
                                        FloatAttr::get(source, -largest));
  // minimumf / maximumf propagate NaN.
  return arith::MinimumFOp::create(
      builder, loc, arith::MaximumFOp::create(builder, loc, value, low), high);
}

/// kiln.cast: castScalar on every element (after clamping, if saturating).
struct LowerCast : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    bool sourceUnsigned = isUnsignedInteger(op.getInput().getType());
    bool targetUnsigned = isUnsignedInteger(op.getType());
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &builder, Location loc, ValueRange args) {
          Value input = args[0];
          if (op.getSaturate())
            input = clampToFiniteRange(
                builder, loc, input,
                cast<FloatType>(resultType.getElementType()));
          return castScalar(builder, loc, input, resultType.getElementType(),
                            sourceUnsigned, targetUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Inputs placed one after the other along `axis` with tensor.insert_slice.
struct LowerConcat : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Location loc = op.getLoc();
    Value result = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                           resultType.getElementType());
    int64_t axis = op.getAxis();
    SmallVector<int64_t> offsets(resultType.getRank(), 0);
    SmallVector<int64_t> strides(resultType.getRank(), 1);
    for (Value input : adaptor.getInputs()) {
      ArrayRef<int64_t> shape =
          cast<RankedTensorType>(input.getType()).getShape();
      result = tensor::InsertSliceOp::create(
          rewriter, loc, input, result, indexAttrs(rewriter, offsets),
          indexAttrs(rewriter, shape), indexAttrs(rewriter, strides));
      offsets[axis] += shape[axis];
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Each piece is a tensor.extract_slice along `axis`; run-time sizes only
/// restate the static result types.
struct LowerSplit : OpConversionPattern<SplitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SplitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    int64_t axis = op.getAxis();
    int64_t rank = cast<RankedTensorType>(op.getInput().getType()).getRank();
    SmallVector<int64_t> offsets(rank, 0);
    SmallVector<int64_t> strides(rank, 1);
    SmallVector<Value> pieces;
    for (Value output : op.getOutputs()) {
      RankedTensorType pieceType = convertedType(getTypeConverter(), output);
      // An empty piece may start past the end, which extract_slice rejects.
      if (pieceType.getNumElements() == 0) {
        pieces.push_back(tensor::EmptyOp::create(
            rewriter, op.getLoc(), pieceType.getShape(),
            pieceType.getElementType()));
        continue;
      }
      pieces.push_back(tensor::ExtractSliceOp::create(
          rewriter, op.getLoc(), pieceType, adaptor.getInput(),
          indexAttrs(rewriter, offsets),
          indexAttrs(rewriter, pieceType.getShape()),
          indexAttrs(rewriter, strides)));
      offsets[axis] += pieceType.getDimSize(axis);
    }
    rewriter.replaceOp(op, pieces);
    return success();
  }
};

/// Element `index` of a 1-D i64 tensor, as an index.
Value extractIndex(OpBuilder &builder, Location loc, Value tensor,
                   int64_t index) {
  Value element = tensor::ExtractOp::create(
      builder, loc, tensor, ValueRange{indexConstant(builder, loc, index)});
  return arith::IndexCastOp::create(builder, loc, builder.getIndexType(),
                                    element);
}

/// Positive steps: tensor.extract_slice; a negative step walks backwards,
/// which extract_slice cannot, so then a generic reads input[start + i * step].
struct LowerSlice : OpConversionPattern<SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    ArrayRef<int64_t> starts = op.getStarts(), steps = op.getSteps();
    if (llvm::all_of(steps, [](int64_t step) { return step > 0; })) {
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          op, resultType, adaptor.getInput(), indexAttrs(rewriter, starts),
          indexAttrs(rewriter, resultType.getShape()),
          indexAttrs(rewriter, steps));
      return success();
    }
    int64_t rank = resultType.getRank();
    SmallVector<AffineExpr> exprs;
    for (int64_t dim = 0; dim < rank; ++dim)
      exprs.push_back(rewriter.getAffineDimExpr(dim) * steps[dim] +
                      starts[dim]);
    rewriter.replaceOp(
        op, buildCopyGeneric(rewriter, op.getLoc(), adaptor.getInput(),
                             AffineMap::get(rank, 0, exprs, getContext()),
                             resultType));
    return success();
  }
};

/// Slice bounds computed at run time, with ONNX's normalization: for every
/// input dimension a start and a step (from the operand entry naming that
/// axis, else 0 and 1), then a generic reading input[start + i * step]. The
/// static result type gives the extents.
struct LowerDynamicSlice : OpConversionPattern<DynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DynamicSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    int64_t numAxes =
        cast<RankedTensorType>(adaptor.getAxes().getType()).getDimSize(0);
    Location loc = op.getLoc();
    auto constant = [&](int64_t value) {
      return indexConstant(rewriter, loc, value);
    };
    auto select = [&](Value condition, Value yes, Value no) {
      return arith::SelectOp::create(rewriter, loc, condition, yes, no)
          .getResult();
    };
    auto less = [&](Value lhs, Value rhs) {
      return arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt,
                                   lhs, rhs)
          .getResult();
    };
    // start + extent where negative (counted from the end).
    auto fromEnd = [&](Value value, int64_t extent) {
      return select(less(value, constant(0)),
                    arith::AddIOp::create(rewriter, loc, value,
                                          constant(extent)),
                    value);
    };
    SmallVector<Value> starts(rank, constant(0)), steps(rank, constant(1));
    for (int64_t k = 0; k < numAxes; ++k) {
      Value axis = fromEnd(extractIndex(rewriter, loc, adaptor.getAxes(), k),
                           rank);
      Value start = extractIndex(rewriter, loc, adaptor.getStarts(), k);
      Value step = extractIndex(rewriter, loc, adaptor.getSteps(), k);
      Value backwards = less(step, constant(0));
      for (int64_t dim = 0; dim < rank; ++dim) {
        int64_t extent = inputType.getDimSize(dim);
        // clamp(start, 0, extent), or to extent - 1 walking backwards.
        Value upper = select(backwards, constant(extent - 1), constant(extent));
        Value clamped = arith::MinSIOp::create(
            rewriter, loc,
            arith::MaxSIOp::create(rewriter, loc, fromEnd(start, extent),
                                   constant(0)),
            upper);
        Value named = arith::CmpIOp::create(
            rewriter, loc, arith::CmpIPredicate::eq, axis, constant(dim));
        starts[dim] = select(named, clamped, starts[dim]);
        steps[dim] = select(named, step, steps[dim]);
      }
    }
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    Value input = adaptor.getInput();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        {rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          SmallVector<Value> indices;
          for (int64_t dim = 0; dim < rank; ++dim) {
            Value offset = arith::MulIOp::create(
                builder, bodyLoc, linalg::IndexOp::create(builder, bodyLoc, dim),
                steps[dim]);
            indices.push_back(
                arith::AddIOp::create(builder, bodyLoc, starts[dim], offset));
          }
          linalg::YieldOp::create(
              builder, bodyLoc,
              Value(tensor::ExtractOp::create(builder, bodyLoc, input,
                                              indices)));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// Numpy broadcasting to the result shape: a copying generic (a run-time
/// `shape` operand only restates the static result type).
struct LowerExpand : OpConversionPattern<ExpandOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ExpandOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    rewriter.replaceOp(
        op, buildElementwiseGeneric(
                rewriter, op.getLoc(), convertedType(getTypeConverter(), op),
                adaptor.getInput(),
                [](OpBuilder &, Location, ValueRange args) { return args[0]; }));
    return success();
  }
};

/// Tile as a broadcast to [m_0, d_0, m_1, d_1, ...] (input[i_1, i_3, ...])
/// reshaped to [m_0 * d_0, m_1 * d_1, ...]; the repeats m come from the
/// static result type, so run-time repeats are not read.
struct LowerTile : OpConversionPattern<TileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    SmallVector<int64_t> repeatedShape;
    SmallVector<AffineExpr> exprs;
    for (int64_t dim = 0; dim < rank; ++dim) {
      int64_t extent = inputType.getDimSize(dim);
      int64_t multiple = extent ? resultType.getDimSize(dim) / extent : 0;
      repeatedShape.append({multiple, extent});
      exprs.push_back(rewriter.getAffineDimExpr(2 * dim + 1));
    }
    Location loc = op.getLoc();
    Value repeated = buildCopyGeneric(
        rewriter, loc, adaptor.getInput(),
        AffineMap::get(2 * rank, 0, exprs, getContext()),
        resultType.clone(repeatedShape));
    rewriter.replaceOp(op, buildReshape(rewriter, loc, repeated, resultType));
    return success();
  }
};

/// `value mod modulus` in [0, modulus) (remsi keeps the dividend's sign).
Value positiveMod(OpBuilder &builder, Location loc, Value value,
                  int64_t modulus) {
  Value divisor = indexConstant(builder, loc, modulus);
  Value remainder = arith::RemSIOp::create(builder, loc, value, divisor);
  Value shifted = arith::AddIOp::create(builder, loc, remainder, divisor);
  return arith::RemSIOp::create(builder, loc, shifted, divisor);
}

/// The input index that a padded tensor reads at `shifted` (output index
/// minus begin padding) in a dimension of `extent`; in constant mode the
/// clamped index, a valid read whose value is replaced outside the input.
Value sourceIndex(OpBuilder &builder, Location loc, PadMode mode,
                  Value shifted, int64_t extent) {
  switch (mode) {
  case PadMode::constant:
  case PadMode::edge: {
    Value low = arith::MaxSIOp::create(builder, loc, shifted,
                                       indexConstant(builder, loc, 0));
    return arith::MinSIOp::create(builder, loc, low,
                                  indexConstant(builder, loc, extent - 1));
  }
  case PadMode::wrap:
    return positiveMod(builder, loc, shifted, extent);
  case PadMode::reflect: {
    if (extent == 1)
      return indexConstant(builder, loc, 0);
    // Mirror images repeat with period 2 * (extent - 1).
    int64_t period = 2 * (extent - 1);
    Value phase = positiveMod(builder, loc, shifted, period);
    Value mirrored = arith::SubIOp::create(
        builder, loc, indexConstant(builder, loc, period), phase);
    Value inside = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::slt,
                                         phase,
                                         indexConstant(builder, loc, extent));
    return arith::SelectOp::create(builder, loc, inside, phase, mirrored);
  }
  }
  llvm_unreachable("unknown pad mode");
}

/// Static constant padding: a tensor.extract_slice for negative pads
/// (cropping), then tensor.pad. Other modes, run-time pads and per-axis
/// quantized pad values: a generic reading tensor.extract at the reflected,
/// clamped or wrapped index (constant mode selects the pad value outside
/// the input).
struct LowerPad : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    Location loc = op.getLoc();
    Type element = resultType.getElementType();
    bool isConstant = op.getMode() == PadMode::constant;
    // The value of padded positions (constant mode only). A quantized
    // tensor pads with the stored form of the real pad value (its zero
    // point for 0); per-axis types have one per channel, read from
    // `padTable` at the quantized axis.
    Value padValue, padTable;
    std::optional<int64_t> padAxis;
    auto quantized =
        dyn_cast<quant::QuantizedType>(getElementTypeOrSelf(op.getType()));
    if (isConstant && quantized) {
      if (adaptor.getDynamicValue())
        return rewriter.notifyMatchFailure(
            op, "run-time pad values of quantized tensors are not lowered");
      QuantParameters parameters = QuantParameters::get(quantized, rank);
      if (!parameters.isUniform() && !parameters.axis)
        return rewriter.notifyMatchFailure(
            op, "pads of sub-channel quantized tensors are not lowered");
      double real = 0.0;
      if (auto given = dyn_cast_if_present<FloatAttr>(op.getValueAttr()))
        real = given.getValueAsDouble();
      SmallVector<APInt> stored;
      for (size_t entry = 0; entry < parameters.scales.size(); ++entry)
        stored.emplace_back(element.getIntOrFloatBitWidth(),
                            parameters.quantize(real, entry),
                            /*isSigned=*/true, /*implicitTrunc=*/true);
      if (parameters.isUniform()) {
        padValue = arith::ConstantOp::create(
            rewriter, loc, rewriter.getIntegerAttr(element, stored.front()));
      } else {
        padTable = arith::ConstantOp::create(
            rewriter, loc,
            DenseElementsAttr::get(
                RankedTensorType::get({static_cast<int64_t>(stored.size())},
                                      element),
                ArrayRef<APInt>(stored)));
        padAxis = parameters.axis;
      }
    } else if (isConstant) {
      if (adaptor.getDynamicValue()) {
        auto valueType =
            cast<RankedTensorType>(adaptor.getDynamicValue().getType());
        padValue = tensor::ExtractOp::create(
            rewriter, loc, adaptor.getDynamicValue(),
            SmallVector<Value>(valueType.getRank(),
                               indexConstant(rewriter, loc, 0)));
      } else {
        TypedAttr value = rewriter.getZeroAttr(element);
        if (auto given = op.getValueAttr()) {
          value = cast<TypedAttr>(given);
          if (auto integer = dyn_cast<IntegerAttr>(value))
            value = rewriter.getIntegerAttr(element, integer.getValue());
        }
        padValue = arith::ConstantOp::create(rewriter, loc, value);
      }
    }
    if (isConstant && !op.getDynamicPads() && !padTable) {
      SmallVector<int64_t> cropOffsets, cropSizes, low, high;
      for (int64_t dim = 0; dim < rank; ++dim) {
        int64_t begin = pads[dim], end = pads[rank + dim];
        cropOffsets.push_back(std::max<int64_t>(0, -begin));
        cropSizes.push_back(inputType.getDimSize(dim) +
                            std::min<int64_t>(0, begin) +
                            std::min<int64_t>(0, end));
        low.push_back(std::max<int64_t>(0, begin));
        high.push_back(std::max<int64_t>(0, end));
      }
      Value input = adaptor.getInput();
      if (cropSizes != SmallVector<int64_t>(inputType.getShape()))
        input = tensor::ExtractSliceOp::create(
            rewriter, loc, inputType.clone(cropSizes), input,
            indexAttrs(rewriter, cropOffsets), indexAttrs(rewriter, cropSizes),
            indexAttrs(rewriter, SmallVector<int64_t>(rank, 1)));
      rewriter.replaceOpWithNewOp<tensor::PadOp>(
          op, resultType, input, indexAttrs(rewriter, low),
          indexAttrs(rewriter, high), padValue);
      return success();
    }
    SmallVector<Value> begins;
    for (int64_t dim = 0; dim < rank; ++dim)
      begins.push_back(op.getDynamicPads()
                           ? extractIndex(rewriter, loc,
                                          adaptor.getDynamicPads(), dim)
                           : indexConstant(rewriter, loc, pads[dim]));
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         element);
    Value input = adaptor.getInput();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        {rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          SmallVector<Value> indices;
          Value inside;
          for (int64_t dim = 0; dim < rank; ++dim) {
            int64_t extent = inputType.getDimSize(dim);
            Value shifted = arith::SubIOp::create(
                builder, bodyLoc, linalg::IndexOp::create(builder, bodyLoc, dim),
                begins[dim]);
            indices.push_back(
                sourceIndex(builder, bodyLoc, op.getMode(), shifted, extent));
            if (!isConstant)
              continue;
            // In range iff the clamped index is the index itself.
            Value same = arith::CmpIOp::create(
                builder, bodyLoc, arith::CmpIPredicate::eq, shifted,
                indices.back());
            inside = inside ? arith::AndIOp::create(builder, bodyLoc, inside,
                                                    same)
                            : same;
          }
          Value result =
              tensor::ExtractOp::create(builder, bodyLoc, input, indices);
          if (inside) {
            Value pad = padValue;
            if (padTable)
              pad =
                  tensor::ExtractOp::create(builder, bodyLoc, padTable,
                                            ValueRange{linalg::IndexOp::create(
                                                builder, bodyLoc, *padAxis)});
            result =
                arith::SelectOp::create(builder, bodyLoc, inside, result, pad);
          }
          linalg::YieldOp::create(builder, bodyLoc, result);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// A generic over the result reading `data` with tensor.extract at
/// `dataIndices(loop indices, index operand scalar)`; `indicesMap` maps the
/// loops to the index operand.
Value buildGatherGeneric(
    OpBuilder &builder, Location loc, Value data, Value indices,
    AffineMap indicesMap, RankedTensorType resultType,
    function_ref<SmallVector<Value>(OpBuilder &, Location, ArrayRef<Value>,
                                    Value)>
        dataIndices) {
  int64_t rank = resultType.getRank();
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, indices, init,
             {indicesMap, builder.getMultiDimIdentityMap(rank)},
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               SmallVector<Value> loops;
               for (int64_t dim = 0; dim < rank; ++dim)
                 loops.push_back(
                     linalg::IndexOp::create(nested, nestedLoc, dim));
               Value element = tensor::ExtractOp::create(
                   nested, nestedLoc, data,
                   dataIndices(nested, nestedLoc, loops, args[0]));
               linalg::YieldOp::create(nested, nestedLoc, element);
             })
      .getResult(0);
}

/// output[a, j, b] = data[a, wrap(indices[j]), b].
struct LowerGather : OpConversionPattern<GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto dataType = cast<RankedTensorType>(adaptor.getData().getType());
    int64_t indicesRank =
        cast<RankedTensorType>(adaptor.getIndices().getType()).getRank();
    int64_t axis = op.getAxis();
    SmallVector<AffineExpr> exprs;
    for (int64_t dim = 0; dim < indicesRank; ++dim)
      exprs.push_back(rewriter.getAffineDimExpr(axis + dim));
    Value result = buildGatherGeneric(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getIndices(),
        AffineMap::get(resultType.getRank(), 0, exprs, getContext()),
        resultType,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> loops,
            Value index) {
          SmallVector<Value> indices(loops.take_front(axis));
          indices.push_back(
              wrappedIndex(builder, loc, index, dataType.getDimSize(axis)));
          llvm::append_range(indices, loops.drop_front(axis + indicesRank));
          return indices;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[i] = data[i with i[axis] = wrap(indices[i])].
struct LowerGatherElements : OpConversionPattern<GatherElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GatherElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto dataType = cast<RankedTensorType>(adaptor.getData().getType());
    int64_t axis = op.getAxis();
    Value result = buildGatherGeneric(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getIndices(),
        rewriter.getMultiDimIdentityMap(resultType.getRank()), resultType,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> loops,
            Value index) {
          SmallVector<Value> indices(loops);
          indices[axis] =
              wrappedIndex(builder, loc, index, dataType.getDimSize(axis));
          return indices;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[p, s] = data[p[0..b), wrap(indices[p, 0..m)), s]: a generic over
/// the result reading the m index components and then data with
/// tensor.extract.
struct LowerGatherND : OpConversionPattern<GatherNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto dataType = cast<RankedTensorType>(adaptor.getData().getType());
    auto indicesType = cast<RankedTensorType>(adaptor.getIndices().getType());
    int64_t tupleRank = indicesType.getRank() - 1;
    int64_t tupleSize = indicesType.getDimSize(tupleRank);
    int64_t batchDims = op.getBatchDims();
    int64_t rank = resultType.getRank();
    Location loc = op.getLoc();
    Value data = adaptor.getData(), indices = adaptor.getIndices();
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        {rewriter.getMultiDimIdentityMap(rank)},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          SmallVector<Value> loops;
          for (int64_t dim = 0; dim < rank; ++dim)
            loops.push_back(linalg::IndexOp::create(builder, bodyLoc, dim));
          ArrayRef<Value> tuple = ArrayRef<Value>(loops).take_front(tupleRank);
          SmallVector<Value> dataIndices(tuple.take_front(batchDims));
          for (int64_t k = 0; k < tupleSize; ++k) {
            SmallVector<Value> component(tuple);
            component.push_back(indexConstant(builder, bodyLoc, k));
            Value index =
                tensor::ExtractOp::create(builder, bodyLoc, indices, component);
            dataIndices.push_back(wrappedIndex(
                builder, bodyLoc, index, dataType.getDimSize(batchDims + k)));
          }
          llvm::append_range(dataIndices,
                             ArrayRef<Value>(loops).drop_front(tupleRank));
          linalg::YieldOp::create(
              builder, bodyLoc,
              Value(tensor::ExtractOp::create(builder, bodyLoc, data,
                                              dataIndices)));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// output[i] = input[i with i[t] = len - 1 - i[t] where i[t] < len] with
/// len = sequence_lens[i[b]] (t, b: the time and batch axes).
struct LowerReverseSequence : OpConversionPattern<ReverseSequenceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ReverseSequenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t batchAxis = op.getBatchAxis(), timeAxis = op.getTimeAxis();
    Value result = buildGatherGeneric(
        rewriter, op.getLoc(), adaptor.getInput(), adaptor.getSequenceLens(),
        AffineMap::get(resultType.getRank(), 0,
                       rewriter.getAffineDimExpr(batchAxis), getContext()),
        resultType,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> loops,
            Value length) {
          SmallVector<Value> indices(loops);
          Value time = loops[timeAxis];
          Value end = arith::IndexCastOp::create(
              builder, loc, builder.getIndexType(), length);
          Value reversed = arith::SubIOp::create(
              builder, loc,
              arith::SubIOp::create(builder, loc, end,
                                    indexConstant(builder, loc, 1)),
              time);
          Value inside = arith::CmpIOp::create(
              builder, loc, arith::CmpIPredicate::slt, time, end);
          indices[timeAxis] =
              arith::SelectOp::create(builder, loc, inside, reversed, time);
          return indices;
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[i] = start + i * delta over the static result extent.
/// The static extent of a range (folded from constants, or taken from the
/// model's declared shapes) must be its run-time length,
/// max(ceil((limit - start) / delta), 0), and delta must not be 0.
void checkRangeLength(OpBuilder &builder, RangeOp op, Value start,
                      Value limit, Value delta, int64_t extent) {
  Location loc = op.getLoc();
  Type element = start.getType();
  Value length, nonZeroDelta;
  if (isa<FloatType>(element)) {
    nonZeroDelta = arith::CmpFOp::create(
        builder, loc, arith::CmpFPredicate::ONE, delta,
        arith::ConstantOp::create(builder, loc,
                                  builder.getFloatAttr(element, 0.0)));
    Value quotient = arith::DivFOp::create(
        builder, loc, arith::SubFOp::create(builder, loc, limit, start), delta);
    length = arith::FPToSIOp::create(
        builder, loc, builder.getI64Type(),
        math::CeilOp::create(builder, loc, quotient));
  } else {
    Value zero = arith::ConstantIntOp::create(builder, loc, element, 0);
    Value one = arith::ConstantIntOp::create(builder, loc, element, 1);
    nonZeroDelta = arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::ne, delta, zero);
    // Integer division by zero would trap: divide by 1 instead (the check
    // fails anyway).
    Value divisor =
        arith::SelectOp::create(builder, loc, nonZeroDelta, delta, one);
    Value difference = arith::SubIOp::create(builder, loc, limit, start);
    length = arith::CeilDivSIOp::create(builder, loc, difference, divisor);
    if (!element.isInteger(64))
      length = arith::ExtSIOp::create(builder, loc, builder.getI64Type(),
                                      length);
  }
  Value zero = arith::ConstantIntOp::create(builder, loc, 0, 64);
  length = arith::MaxSIOp::create(builder, loc, length, zero);
  Value matches = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::eq, length,
      arith::ConstantIntOp::create(builder, loc, extent, 64));
  matches = arith::AndIOp::create(builder, loc, matches, nonZeroDelta);
  buildRuntimeCheck(builder, op, matches,
                    "the range's run-time length differs from its compiled "
                    "extent " + Twine(extent));
}

struct LowerRange : OpConversionPattern<RangeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Type element = resultType.getElementType();
    Location loc = op.getLoc();
    Value start = tensor::ExtractOp::create(rewriter, loc, adaptor.getStart(),
                                            ValueRange{});
    Value delta = tensor::ExtractOp::create(rewriter, loc, adaptor.getDelta(),
                                            ValueRange{});
    Value limit = tensor::ExtractOp::create(rewriter, loc, adaptor.getLimit(),
                                            ValueRange{});
    checkRangeLength(rewriter, op, start, limit, delta,
                     resultType.getDimSize(0));
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         element);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        {rewriter.getMultiDimIdentityMap(1)}, {utils::IteratorType::parallel},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          Value index = linalg::IndexOp::create(builder, bodyLoc, 0);
          Value step;
          if (isa<FloatType>(element)) {
            Value asInteger = arith::IndexCastOp::create(
                builder, bodyLoc, builder.getI64Type(), index);
            step = arith::SIToFPOp::create(builder, bodyLoc, element,
                                           asInteger);
          } else {
            step = arith::IndexCastOp::create(builder, bodyLoc, element,
                                              index);
          }
          Value value = multiplyAdd(builder, bodyLoc, start, step, delta);
          linalg::YieldOp::create(builder, bodyLoc, value);
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnDataMovementToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerAsReshape<ReshapeOp>, LowerAsReshape<SqueezeOp>,
               LowerAsReshape<UnsqueezeOp>, LowerAsReshape<FlattenOp>,
               LowerTranspose, LowerCast, LowerConcat, LowerSplit, LowerSlice,
               LowerDynamicSlice, LowerExpand, LowerTile, LowerPad, LowerGather,
               LowerGatherElements, LowerGatherND, LowerReverseSequence,
               LowerRange>(typeConverter, patterns.getContext());
}
