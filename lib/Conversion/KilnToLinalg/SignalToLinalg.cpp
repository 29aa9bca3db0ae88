//===- SignalToLinalg.cpp - kiln DFT, STFT, windows, mel filters ----------===//
//
// kiln.dft and kiln.stft share one direct O(N^2) DFT (buildDFT): a
// linalg.generic computes the twiddle factors once, a second one sums
// input x twiddle over the transformed axis (a reduction iterator) in f64,
// and a third packs (real, imaginary) into the trailing dimension in the
// element type. kiln.stft first gathers its windowed frames. Windows and
// mel filter banks are linalg.generics over their result, computed from
// linalg.index.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

Value indexConstant(OpBuilder &builder, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(builder, loc, value);
}

Value f64Constant(OpBuilder &builder, Location loc, double value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getF64FloatAttr(value));
}

/// An index (or an integer of any width) as an f64.
Value toF64(OpBuilder &builder, Location loc, Value value) {
  if (value.getType().isIndex())
    value =
        arith::IndexCastOp::create(builder, loc, builder.getI64Type(), value);
  return arith::SIToFPOp::create(builder, loc, builder.getF64Type(), value);
}

/// The one element of a tensor of any rank that holds one value.
Value extractOnly(OpBuilder &builder, Location loc, Value tensor) {
  int64_t rank = cast<RankedTensorType>(tensor.getType()).getRank();
  return tensor::ExtractOp::create(
      builder, loc, tensor,
      SmallVector<Value>(rank, indexConstant(builder, loc, 0)));
}

/// The one integer a run-time length or size operand holds, as an index.
Value extractLength(OpBuilder &builder, Location loc, Value tensor) {
  return arith::IndexCastOp::create(builder, loc, builder.getIndexType(),
                                    extractOnly(builder, loc, tensor));
}

/// A tensor of `shape` and `element` type holding zeros.
Value zeros(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
            Type element) {
  Value empty = tensor::EmptyOp::create(builder, loc, shape, element);
  Value zero =
      arith::ConstantOp::create(builder, loc, builder.getZeroAttr(element));
  return linalg::FillOp::create(builder, loc, zero, empty).getResult(0);
}

SmallVector<utils::IteratorType> parallelIterators(int64_t count) {
  return SmallVector<utils::IteratorType>(count, utils::IteratorType::parallel);
}

/// `input` cut or zero-padded at the end of `axis` to `extent`.
Value resizeAxis(OpBuilder &builder, Location loc, Value input, int64_t axis,
                 int64_t extent) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t current = type.getDimSize(axis);
  if (current == extent)
    return input;
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> zeroes(rank, builder.getIndexAttr(0));
  if (current > extent) {
    SmallVector<int64_t> shape(type.getShape());
    shape[axis] = extent;
    SmallVector<OpFoldResult> sizes =
        llvm::map_to_vector(shape, [&](int64_t size) -> OpFoldResult {
          return builder.getIndexAttr(size);
        });
    return tensor::ExtractSliceOp::create(
        builder, loc, type.clone(shape), input, zeroes, sizes,
        SmallVector<OpFoldResult>(rank, builder.getIndexAttr(1)));
  }
  SmallVector<OpFoldResult> high(zeroes);
  high[axis] = builder.getIndexAttr(extent - current);
  Value zero = arith::ConstantOp::create(
      builder, loc, builder.getZeroAttr(type.getElementType()));
  SmallVector<int64_t> shape(type.getShape());
  shape[axis] = extent;
  return tensor::PadOp::create(builder, loc, type.clone(shape), input, zeroes,
                               high, zero);
}

/// Component `component` (0: real, 1: imaginary) of a tensor whose
/// trailing dimension holds (real, imaginary), or only the real part; the
/// trailing extent becomes 1.
Value complexComponent(OpBuilder &builder, Location loc, Value input,
                       int64_t component) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getShape().back() == 1)
    return input;
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = 1;
  SmallVector<OpFoldResult> offsets(rank, builder.getIndexAttr(0));
  offsets.back() = builder.getIndexAttr(component);
  SmallVector<OpFoldResult> sizes =
      llvm::map_to_vector(shape, [&](int64_t size) -> OpFoldResult {
        return builder.getIndexAttr(size);
      });
  return tensor::ExtractSliceOp::create(
      builder, loc, type.clone(shape), input, offsets, sizes,
      SmallVector<OpFoldResult>(rank, builder.getIndexAttr(1)));
}

/// How buildDFT transforms along `axis`.
struct DFTPlan {
  /// The transformed axis (of the input and the result).
  int64_t axis;
  /// The DFT length N (an index, constant or read at run time).
  Value length;
  /// How many input entries along `axis` are summed over: the input is cut
  /// or zero-padded to this static extent.
  int64_t summed;
  /// Whether summed entries at positions >= N are dropped: set when N is
  /// only known at run time and `summed` is an upper bound of it.
  bool dropPastLength;
  bool inverse;
  /// A onesided inverse DFT: the input holds bins [0, floor(N/2)] of a
  /// conjugate-symmetric spectrum and the result is real.
  bool halfSpectrum;
};

/// The DFT of `input` (trailing dimension: real, or real and imaginary) as
/// `resultType` (trailing dimension: real and imaginary, or real only for a
/// half-spectrum inverse). By definition, in f64:
///
///   T[j, r] = w[r] * s * exp(sign * 2 pi i ((j * r) mod N) / N)
///   y[m, j] = sum(x[m, r] * T[j, r] for r in [0, summed))
///
/// with sign -1 forward, +1 inverse; s = 1 forward, 1/N inverse; w[r] = 1
/// except for a half spectrum, whose bins 0 < r < N/2 stand for themselves
/// and their conjugate mirror (w = 2), so the real part of the sum is the
/// inverse DFT of the whole spectrum. Twiddles at r >= N are 0 when
/// `dropPastLength`. Reducing `j * r` modulo N keeps the angles in
/// [0, 2 pi), as accurate for long transforms as for short ones.
Value buildDFT(OpBuilder &builder, Location loc, Value input,
               const DFTPlan &plan, RankedTensorType resultType) {
  MLIRContext *context = builder.getContext();
  Type f64 = builder.getF64Type();
  int64_t rank = resultType.getRank();
  int64_t transformed = resultType.getDimSize(plan.axis);
  input = resizeAxis(builder, loc, input, plan.axis, plan.summed);
  bool complexInput =
      cast<RankedTensorType>(input.getType()).getShape().back() == 2;
  bool complexResult = resultType.getShape().back() == 2;

  // Twiddles: cos and sin parts of T, shape [transformed, summed].
  SmallVector<int64_t> twiddleShape{transformed, plan.summed};
  SmallVector<Value> twiddleInits;
  for (int i = 0; i < 2; ++i)
    twiddleInits.push_back(
        tensor::EmptyOp::create(builder, loc, twiddleShape, f64));
  auto twiddles = linalg::GenericOp::create(
      builder, loc, TypeRange(ValueRange(twiddleInits)), ValueRange{},
      twiddleInits,
      SmallVector<AffineMap>(2, builder.getMultiDimIdentityMap(2)),
      parallelIterators(2),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange) {
        Value j = linalg::IndexOp::create(nested, nestedLoc, 0);
        Value r = linalg::IndexOp::create(nested, nestedLoc, 1);
        Value phase = arith::RemUIOp::create(
            nested, nestedLoc, arith::MulIOp::create(nested, nestedLoc, j, r),
            plan.length);
        Value length = toF64(nested, nestedLoc, plan.length);
        Value angle = arith::DivFOp::create(
            nested, nestedLoc,
            arith::MulFOp::create(
                nested, nestedLoc,
                f64Constant(nested, nestedLoc, 2 * llvm::numbers::pi),
                toF64(nested, nestedLoc, phase)),
            length);
        Value cos = math::CosOp::create(nested, nestedLoc, angle);
        Value sin = math::SinOp::create(nested, nestedLoc, angle);
        if (!plan.inverse)
          sin = arith::NegFOp::create(nested, nestedLoc, sin);
        // The factor w[r] * s, or null for 1.
        Value weight;
        if (plan.inverse)
          weight = arith::DivFOp::create(
              nested, nestedLoc, f64Constant(nested, nestedLoc, 1.0), length);
        if (plan.halfSpectrum) {
          // Bins 0 and N/2 are their own mirror images.
          Value own = arith::OrIOp::create(
              nested, nestedLoc,
              arith::CmpIOp::create(nested, nestedLoc, arith::CmpIPredicate::eq,
                                    r, indexConstant(nested, nestedLoc, 0)),
              arith::CmpIOp::create(
                  nested, nestedLoc, arith::CmpIPredicate::eq,
                  arith::MulIOp::create(nested, nestedLoc, r,
                                        indexConstant(nested, nestedLoc, 2)),
                  plan.length));
          if (!weight)
            weight = f64Constant(nested, nestedLoc, 1.0);
          Value doubled =
              arith::AddFOp::create(nested, nestedLoc, weight, weight);
          weight =
              arith::SelectOp::create(nested, nestedLoc, own, weight, doubled);
        }
        if (plan.dropPastLength) {
          Value inside = arith::CmpIOp::create(
              nested, nestedLoc, arith::CmpIPredicate::ult, r, plan.length);
          weight = arith::SelectOp::create(
              nested, nestedLoc, inside,
              weight ? weight : f64Constant(nested, nestedLoc, 1.0),
              f64Constant(nested, nestedLoc, 0));
        }
        if (weight) {
          cos = arith::MulFOp::create(nested, nestedLoc, cos, weight);
          sin = arith::MulFOp::create(nested, nestedLoc, sin, weight);
        }
        linalg::YieldOp::create(nested, nestedLoc, ValueRange{cos, sin});
      });

  // Sums over r (loop rank - 1) into f64 accumulators shaped like the
  // result without its trailing dimension.
  SmallVector<int64_t> sumShape(resultType.getShape().drop_back());
  AffineExpr r = builder.getAffineDimExpr(rank - 1);
  SmallVector<AffineExpr> inputExprs;
  for (int64_t dim = 0; dim < rank - 1; ++dim)
    inputExprs.push_back(dim == plan.axis ? r : builder.getAffineDimExpr(dim));
  inputExprs.push_back(builder.getAffineConstantExpr(0));
  AffineMap inputMap = AffineMap::get(rank, 0, inputExprs, context);
  AffineMap twiddleMap = AffineMap::get(
      rank, 0, {builder.getAffineDimExpr(plan.axis), r}, context);
  AffineMap sumMap =
      builder.getMultiDimIdentityMap(rank).getMajorSubMap(rank - 1);
  SmallVector<Value> inputs{complexComponent(builder, loc, input, 0)};
  if (complexInput)
    inputs.push_back(complexComponent(builder, loc, input, 1));
  SmallVector<AffineMap> maps(inputs.size(), inputMap);
  inputs.append({twiddles.getResult(0), twiddles.getResult(1)});
  maps.append({twiddleMap, twiddleMap});
  SmallVector<Value> sumInits;
  for (int i = 0, e = complexResult ? 2 : 1; i < e; ++i)
    sumInits.push_back(zeros(builder, loc, sumShape, f64));
  maps.append(sumInits.size(), sumMap);
  SmallVector<utils::IteratorType> iterators = parallelIterators(rank - 1);
  iterators.push_back(utils::IteratorType::reduction);
  auto sums = linalg::GenericOp::create(
      builder, loc, TypeRange(ValueRange(sumInits)), inputs, sumInits, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        // (xr + i xi) (c + i s) = (xr c - xi s) + i (xi c + xr s)
        Value xr = extendToAccumulator(nested, nestedLoc, args[0], f64,
                                       /*isUnsigned=*/false);
        Value xi = complexInput
                       ? extendToAccumulator(nested, nestedLoc, args[1], f64,
                                             /*isUnsigned=*/false)
                       : Value();
        ValueRange rest = args.drop_front(complexInput ? 2 : 1);
        Value c = rest[0], s = rest[1];
        Value real = multiplyAdd(nested, nestedLoc, rest[2], xr, c);
        if (xi)
          real = arith::SubFOp::create(
              nested, nestedLoc, real,
              arith::MulFOp::create(nested, nestedLoc, xi, s));
        SmallVector<Value> results{real};
        if (complexResult) {
          Value imaginary = multiplyAdd(nested, nestedLoc, rest[3], xr, s);
          if (xi)
            imaginary = multiplyAdd(nested, nestedLoc, imaginary, xi, c);
          results.push_back(imaginary);
        }
        linalg::YieldOp::create(nested, nestedLoc, results);
      });

  // Pack (real, imaginary) into the trailing dimension.
  Type element = resultType.getElementType();
  Value init =
      tensor::EmptyOp::create(builder, loc, resultType.getShape(), element);
  SmallVector<AffineMap> packMaps(sums.getNumResults(), sumMap);
  packMaps.push_back(builder.getMultiDimIdentityMap(rank));
  return linalg::GenericOp::create(
             builder, loc, resultType, sums.getResults(), init, packMaps,
             parallelIterators(rank),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value value = args[0];
               if (complexResult) {
                 Value isReal = arith::CmpIOp::create(
                     nested, nestedLoc, arith::CmpIPredicate::eq,
                     linalg::IndexOp::create(nested, nestedLoc, rank - 1),
                     indexConstant(nested, nestedLoc, 0));
                 value = arith::SelectOp::create(nested, nestedLoc, isReal,
                                                 args[0], args[1]);
               }
               linalg::YieldOp::create(nested, nestedLoc,
                                       castScalar(nested, nestedLoc, value,
                                                  element,
                                                  /*sourceUnsigned=*/false,
                                                  /*targetUnsigned=*/false));
             })
      .getResult(0);
}

/// kiln.dft: buildDFT with N from `dft_length`, the default, or the static
/// result extent. Only a onesided forward DFT of run-time length leaves N
/// open (floor(N/2) + 1 bins fit two lengths): it sums over the larger one
/// and drops the entries past the N read at run time.
struct LowerDFT : OpConversionPattern<DFTOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    Location loc = op.getLoc();
    int64_t axis = op.getAxis();
    int64_t inputExtent = inputType.getDimSize(axis);
    int64_t resultExtent = resultType.getDimSize(axis);
    bool inverse = op.getInverse(), onesided = op.getOnesided();
    DFTPlan plan{axis, Value(), 0, false, inverse, inverse && onesided};
    std::optional<int64_t> length;
    if (std::optional<uint64_t> given = op.getDftLength())
      length = static_cast<int64_t>(*given);
    else if (!op.getDynamicDftLength())
      length = plan.halfSpectrum ? 2 * (inputExtent - 1) : inputExtent;
    else if (!onesided || inverse)
      length = resultExtent;
    if (length) {
      plan.length = indexConstant(rewriter, loc, *length);
      plan.summed = plan.halfSpectrum ? *length / 2 + 1 : *length;
    } else {
      plan.length = extractLength(rewriter, loc, adaptor.getDynamicDftLength());
      plan.summed = 2 * resultExtent - 1;
      plan.dropPastLength = true;
    }
    rewriter.replaceOp(
        op, buildDFT(rewriter, loc, adaptor.getInput(), plan, resultType));
    return success();
  }
};

/// kiln.stft: frames[b, f, n, :] = signal[b, f * step + n, :] * window[n]
/// gathered by a linalg.generic, then buildDFT along n. A run-time frame
/// length of a onesided transform is open as in kiln.dft.
struct LowerSTFT : OpConversionPattern<STFTOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(STFTOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto signalType = cast<RankedTensorType>(adaptor.getSignal().getType());
    Location loc = op.getLoc();
    int64_t bins = resultType.getDimSize(2);
    int64_t signalLength = signalType.getDimSize(1);
    DFTPlan plan{/*axis=*/2,
                 Value(),
                 0,
                 false,
                 /*inverse=*/false,
                 /*halfSpectrum=*/false};
    std::optional<int64_t> length;
    if (std::optional<uint64_t> given = op.getFrameLength())
      length = static_cast<int64_t>(*given);
    else if (Value window = adaptor.getWindow())
      length = cast<RankedTensorType>(window.getType()).getDimSize(0);
    else if (!op.getOnesided())
      length = bins;
    if (length) {
      plan.length = indexConstant(rewriter, loc, *length);
      plan.summed = *length;
    } else {
      plan.length =
          extractLength(rewriter, loc, adaptor.getDynamicFrameLength());
      plan.summed = std::min(2 * bins - 1, signalLength);
      plan.dropPastLength = true;
    }
    Value step =
        op.getDynamicFrameStep()
            ? extractLength(rewriter, loc, adaptor.getDynamicFrameStep())
            : indexConstant(rewriter, loc, *op.getFrameStep());

    SmallVector<int64_t> framesShape{signalType.getDimSize(0),
                                     resultType.getDimSize(1), plan.summed,
                                     signalType.getDimSize(2)};
    Value framesInit = tensor::EmptyOp::create(rewriter, loc, framesShape,
                                               signalType.getElementType());
    SmallVector<Value> inputs;
    SmallVector<AffineMap> maps;
    if (Value window = adaptor.getWindow()) {
      inputs.push_back(window);
      maps.push_back(
          AffineMap::get(4, 0, rewriter.getAffineDimExpr(2), getContext()));
    }
    maps.push_back(rewriter.getMultiDimIdentityMap(4));
    Value signal = adaptor.getSignal();
    auto frames = linalg::GenericOp::create(
        rewriter, loc, framesInit.getType(), inputs, framesInit, maps,
        parallelIterators(4),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
          Value frame = linalg::IndexOp::create(builder, bodyLoc, 1);
          Value offset = linalg::IndexOp::create(builder, bodyLoc, 2);
          // Positions past N are dropped by the DFT; clamping keeps their
          // reads in bounds.
          Value position = arith::MinUIOp::create(
              builder, bodyLoc,
              arith::AddIOp::create(
                  builder, bodyLoc,
                  arith::MulIOp::create(builder, bodyLoc, frame, step), offset),
              indexConstant(builder, bodyLoc, signalLength - 1));
          Value value = tensor::ExtractOp::create(
              builder, bodyLoc, signal,
              ValueRange{linalg::IndexOp::create(builder, bodyLoc, 0), position,
                         linalg::IndexOp::create(builder, bodyLoc, 3)});
          if (inputs.size() == 1)
            value = arith::MulFOp::create(builder, bodyLoc, value, args[0]);
          linalg::YieldOp::create(builder, bodyLoc, value);
        });
    rewriter.replaceOp(
        op, buildDFT(rewriter, loc, frames.getResult(0), plan, resultType));
    return success();
  }
};

/// kiln.window: a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N) in f32 for
/// every n, cast to the result type; N comes from the static extent.
struct LowerWindow : OpConversionPattern<WindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(WindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    bool isUnsigned = isUnsignedInteger(op.getType());
    double a0 = 0.5, a1 = 0.5, a2 = 0.0;
    switch (op.getKind()) {
    case WindowKind::hann:
      break;
    case WindowKind::hamming:
      a0 = 25.0 / 46.0;
      a1 = 21.0 / 46.0;
      break;
    case WindowKind::blackman:
      a0 = 0.42;
      a2 = 0.08;
      break;
    }
    int64_t size = resultType.getDimSize(0);
    int64_t period = op.getPeriodic() ? size : size - 1;
    Type f32 = rewriter.getF32Type();
    Location loc = op.getLoc();
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        rewriter.getMultiDimIdentityMap(1), parallelIterators(1),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          auto constant = [&](double value) -> Value {
            return arith::ConstantOp::create(builder, bodyLoc,
                                             builder.getF32FloatAttr(value));
          };
          Value n = arith::SIToFPOp::create(
              builder, bodyLoc, f32,
              arith::IndexCastOp::create(
                  builder, bodyLoc, builder.getI64Type(),
                  linalg::IndexOp::create(builder, bodyLoc, 0)));
          // A symmetric one-point window divides by zero, as ONNX does.
          Value angle = arith::DivFOp::create(
              builder, bodyLoc,
              arith::MulFOp::create(builder, bodyLoc,
                                    constant(2 * llvm::numbers::pi), n),
              constant(static_cast<double>(period)));
          Value value = arith::SubFOp::create(
              builder, bodyLoc, constant(a0),
              arith::MulFOp::create(
                  builder, bodyLoc, constant(a1),
                  math::CosOp::create(builder, bodyLoc, angle)));
          if (a2 != 0.0) {
            Value doubled =
                arith::AddFOp::create(builder, bodyLoc, angle, angle);
            value = multiplyAdd(builder, bodyLoc, value, constant(a2),
                                math::CosOp::create(builder, bodyLoc, doubled));
          }
          linalg::YieldOp::create(
              builder, bodyLoc,
              castScalar(builder, bodyLoc, value, resultType.getElementType(),
                         /*sourceUnsigned=*/false, isUnsigned));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// kiln.mel_weight_matrix: the band edges (bin indices) in a first
/// linalg.generic, then every weight from its row j and the edges of its
/// band b. As ONNX's reference, the mel-scale bounds are computed in the
/// edges' float type and the rest in f64.
struct LowerMelWeightMatrix : OpConversionPattern<MelWeightMatrixOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MelWeightMatrixOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    bool isUnsigned = isUnsignedInteger(op.getType());
    Location loc = op.getLoc();
    Type f64 = rewriter.getF64Type();
    Type i64 = rewriter.getI64Type();
    int64_t bands = resultType.getDimSize(1);
    int64_t edgeCount = bands + 2;
    // floor(dft_length / 2) + 1 rows fit two lengths: read a run-time one.
    Value dftLength =
        op.getDftLength()
            ? indexConstant(rewriter, loc, *op.getDftLength())
            : extractLength(rewriter, loc, adaptor.getDynamicDftLength());
    Value sampleRate = extractOnly(rewriter, loc, adaptor.getSampleRate());
    Value lower = extractOnly(rewriter, loc, adaptor.getLowerEdgeHertz());
    Value upper = extractOnly(rewriter, loc, adaptor.getUpperEdgeHertz());
    Type edgeType = lower.getType();
    auto edgeConstant = [&](double value) -> Value {
      return arith::ConstantOp::create(rewriter, loc,
                                       rewriter.getFloatAttr(edgeType, value));
    };
    // mel(f) = 2595 * ln(1 + f / 700) / ln(10)
    auto mel = [&](Value hertz) -> Value {
      Value log = math::Log1pOp::create(
          rewriter, loc,
          arith::DivFOp::create(rewriter, loc, hertz, edgeConstant(700)));
      Value scaled =
          arith::MulFOp::create(rewriter, loc, edgeConstant(2595), log);
      return arith::DivFOp::create(
          rewriter, loc,
          extendToAccumulator(rewriter, loc, scaled, f64,
                              /*isUnsigned=*/false),
          f64Constant(rewriter, loc, llvm::numbers::ln10));
    };
    Value lowerMel = mel(lower);
    Value melStep = arith::DivFOp::create(
        rewriter, loc,
        arith::SubFOp::create(rewriter, loc, mel(upper), lowerMel),
        f64Constant(rewriter, loc, static_cast<double>(edgeCount)));
    Value scale = arith::DivFOp::create(
        rewriter, loc,
        arith::AddFOp::create(rewriter, loc, toF64(rewriter, loc, dftLength),
                              f64Constant(rewriter, loc, 1)),
        toF64(rewriter, loc, sampleRate));

    // edge[e] = floor((dft_length + 1) * hz(lowerMel + e * step) / rate)
    auto edgesType = RankedTensorType::get({edgeCount}, i64);
    Value edgesInit = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{edgeCount}, i64);
    auto edges = linalg::GenericOp::create(
        rewriter, loc, edgesType, ValueRange{}, edgesInit,
        rewriter.getMultiDimIdentityMap(1), parallelIterators(1),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          Value e = toF64(builder, bodyLoc,
                          linalg::IndexOp::create(builder, bodyLoc, 0));
          Value edgeMel = multiplyAdd(builder, bodyLoc, lowerMel, e, melStep);
          // hz(m) = 700 * (10^(m / 2595) - 1)
          Value hertz = arith::MulFOp::create(
              builder, bodyLoc, f64Constant(builder, bodyLoc, 700),
              math::ExpM1Op::create(
                  builder, bodyLoc,
                  arith::MulFOp::create(
                      builder, bodyLoc, edgeMel,
                      f64Constant(builder, bodyLoc,
                                  llvm::numbers::ln10 / 2595))));
          Value bin = math::FloorOp::create(
              builder, bodyLoc,
              arith::MulFOp::create(builder, bodyLoc, hertz, scale));
          linalg::YieldOp::create(
              builder, bodyLoc,
              Value(arith::FPToSIOp::create(builder, bodyLoc, i64, bin)));
        });

    Value edgesTensor = edges.getResult(0);
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{}, init,
        rewriter.getMultiDimIdentityMap(2), parallelIterators(2),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange) {
          Value row = arith::IndexCastOp::create(
              builder, bodyLoc, i64,
              linalg::IndexOp::create(builder, bodyLoc, 0));
          Value band = linalg::IndexOp::create(builder, bodyLoc, 1);
          auto edgeAt = [&](int64_t offset) -> Value {
            Value index =
                arith::AddIOp::create(builder, bodyLoc, band,
                                      indexConstant(builder, bodyLoc, offset));
            return tensor::ExtractOp::create(builder, bodyLoc, edgesTensor,
                                             index);
          };
          Value low = edgeAt(0), center = edgeAt(1), high = edgeAt(2);
          auto compare = [&](arith::CmpIPredicate predicate, Value lhs,
                             Value rhs) -> Value {
            return arith::CmpIOp::create(builder, bodyLoc, predicate, lhs, rhs);
          };
          auto ratio = [&](Value numerator, Value denominator) -> Value {
            return arith::DivFOp::create(builder, bodyLoc,
                                         toF64(builder, bodyLoc, numerator),
                                         toF64(builder, bodyLoc, denominator));
          };
          auto difference = [&](Value lhs, Value rhs) -> Value {
            return arith::SubIOp::create(builder, bodyLoc, lhs, rhs);
          };
          Value rising = ratio(difference(row, low), difference(center, low));
          Value falling =
              ratio(difference(high, row), difference(high, center));
          Value onRise = arith::AndIOp::create(
              builder, bodyLoc, compare(arith::CmpIPredicate::sle, low, row),
              compare(arith::CmpIPredicate::slt, row, center));
          Value onFall = arith::AndIOp::create(
              builder, bodyLoc, compare(arith::CmpIPredicate::slt, center, row),
              compare(arith::CmpIPredicate::slt, row, high));
          Value weight =
              arith::SelectOp::create(builder, bodyLoc, onFall, falling,
                                      f64Constant(builder, bodyLoc, 0));
          weight =
              arith::SelectOp::create(builder, bodyLoc, onRise, rising, weight);
          weight = arith::SelectOp::create(
              builder, bodyLoc, compare(arith::CmpIPredicate::eq, row, center),
              f64Constant(builder, bodyLoc, 1), weight);
          linalg::YieldOp::create(
              builder, bodyLoc,
              castScalar(builder, bodyLoc, weight, resultType.getElementType(),
                         /*sourceUnsigned=*/false, isUnsigned));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnSignalToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerDFT, LowerSTFT, LowerWindow, LowerMelWeightMatrix>(
      typeConverter, patterns.getContext());
}
