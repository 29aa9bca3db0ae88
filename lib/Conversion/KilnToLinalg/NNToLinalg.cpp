//===- NNToLinalg.cpp - kiln convolution, gemm, pooling, norms to linalg --===//
//
// Windowed ops read a tensor.pad of their input, so their bodies need no
// bounds checks: kiln.conv becomes linalg.conv_2d_nchw_fchw where a named op
// fits (2-D, one group, float) and a linalg.generic over
// (n, m, o..., c, k...) otherwise; pooling is a linalg.generic over
// (n, c, o..., k...) whose kernel extents come from an empty "window"
// operand, as in linalg's named pooling ops. Normalizations are chains of
// linalg.generic reductions and elementwise epilogues. The determinant is
// Gaussian elimination with partial pivoting in scf loops.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "QuantizedContraction.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// Pads the spatial dimensions (2..) of a `[N, C, D...]` tensor by `begins`
/// and `ends` with `padValue`; returns `input` itself when nothing is padded.
Value padSpatial(OpBuilder &builder, Location loc, Value input,
                 ArrayRef<int64_t> begins, ArrayRef<int64_t> ends,
                 Value padValue) {
  if (llvm::all_of(llvm::concat<const int64_t>(begins, ends),
                   [](int64_t pad) { return pad == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<OpFoldResult> low(2, builder.getIndexAttr(0));
  SmallVector<OpFoldResult> high(2, builder.getIndexAttr(0));
  SmallVector<int64_t> shape(type.getShape().take_front(2));
  for (auto [dim, extent] : llvm::enumerate(type.getShape().drop_front(2))) {
    low.push_back(builder.getIndexAttr(begins[dim]));
    high.push_back(builder.getIndexAttr(ends[dim]));
    shape.push_back(extent + begins[dim] + ends[dim]);
  }
  return tensor::PadOp::create(builder, loc, type.clone(shape), input, low,
                               high, padValue);
}

/// The sliding window of a convolution or pooling op over the spatial
/// dimensions: `pads` is all begins, then all ends.
struct Window {
  ArrayRef<int64_t> kernel, strides, dilations, pads;

  size_t rank() const { return kernel.size(); }
  ArrayRef<int64_t> begins() const { return pads.take_front(rank()); }

  /// End paddings, grown where the output (ceil mode) reads past them.
  SmallVector<int64_t> ends(ArrayRef<int64_t> inputSpatial,
                            ArrayRef<int64_t> outputSpatial) const {
    SmallVector<int64_t> result(pads.drop_front(rank()));
    for (size_t dim = 0; dim < rank(); ++dim) {
      int64_t needed = (outputSpatial[dim] - 1) * strides[dim] +
                       (kernel[dim] - 1) * dilations[dim] + 1;
      result[dim] =
          std::max(result[dim], needed - inputSpatial[dim] - pads[dim]);
    }
    return result;
  }

  /// The input position `o * strides[dim] + k * dilations[dim]` read at
  /// output position `output` and kernel position `kernelPos`.
  AffineExpr position(size_t dim, AffineExpr output,
                      AffineExpr kernelPos) const {
    return output * strides[dim] + kernelPos * dilations[dim];
  }
};

//===----------------------------------------------------------------------===//
// Convolution and gemm
//===----------------------------------------------------------------------===//

/// output = init + sum over the window of input * weight as a
/// linalg.generic over (n, m, o..., c, k...), for any rank and group count.
Value buildConvGeneric(OpBuilder &builder, Location loc, Value input,
                       Value weight, Value init, const Window &window,
                       int64_t group, bool inputUnsigned, bool weightUnsigned) {
  auto weightType = cast<RankedTensorType>(weight.getType());
  auto resultType = cast<RankedTensorType>(init.getType());
  MLIRContext *context = builder.getContext();
  int64_t spatial = window.rank();
  int64_t numLoops = 3 + 2 * spatial;
  auto dim = [&](int64_t index) { return getAffineDimExpr(index, context); };
  AffineExpr n = dim(0), m = dim(1), c = dim(2 + spatial);
  int64_t channelsPerGroup = weightType.getDimSize(1);
  int64_t outputsPerGroup = weightType.getDimSize(0) / group;
  // Group g = m floordiv outputsPerGroup reads channels g * Cg + c.
  AffineExpr channel =
      group == 1 ? c : m.floorDiv(outputsPerGroup) * channelsPerGroup + c;
  SmallVector<AffineExpr> inputExprs = {n, channel};
  SmallVector<AffineExpr> weightExprs = {m, c};
  SmallVector<AffineExpr> outputExprs = {n, m};
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = dim(2 + i), k = dim(3 + spatial + i);
    inputExprs.push_back(window.position(i, o, k));
    weightExprs.push_back(k);
    outputExprs.push_back(o);
  }
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inputExprs, context),
      AffineMap::get(numLoops, 0, weightExprs, context),
      AffineMap::get(numLoops, 0, outputExprs, context)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  Type accumulator = resultType.getElementType();
  return linalg::GenericOp::create(
             builder, loc, resultType, ValueRange{input, weight}, init, maps,
             iterators,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value a = extendToAccumulator(nested, nestedLoc, args[0],
                                             accumulator, inputUnsigned);
               Value b = extendToAccumulator(nested, nestedLoc, args[1],
                                             accumulator, weightUnsigned);
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   multiplyAdd(nested, nestedLoc, args[2], a, b));
             })
      .getResult(0);
}

/// A tensor of `type` ([N, M, O...]) holding `bias[m]` at every position.
Value broadcastChannels(OpBuilder &builder, Location loc, RankedTensorType type,
                        Value perChannel) {
  MLIRContext *context = builder.getContext();
  int64_t rank = type.getRank();
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, getAffineDimExpr(1, context)),
      builder.getMultiDimIdentityMap(rank)};
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  return linalg::GenericOp::create(
             builder, loc, type, perChannel, empty, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               linalg::YieldOp::create(nested, nestedLoc, args[0]);
             })
      .getResult(0);
}

struct LowerConv : OpConversionPattern<ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
    Window window{weightType.getShape().drop_front(2), op.getStrides(),
                  op.getDilations(), op.getPads()};
    Type inputElement = inputType.getElementType();
    Value padded =
        padSpatial(rewriter, loc, adaptor.getInput(), window.begins(),
                   window.ends(inputType.getShape().drop_front(2),
                               resultType.getShape().drop_front(2)),
                   constantLike(rewriter, loc, inputElement, 0));

    Type accumulator = resultType.getElementType();
    Value init =
        adaptor.getBias()
            ? broadcastChannels(rewriter, loc, resultType, adaptor.getBias())
            : filledTensor(rewriter, loc, resultType,
                           constantLike(rewriter, loc, accumulator, 0));
    bool namedOpFits = window.rank() == 2 && op.getGroup() == 1 &&
                       isa<FloatType>(accumulator) &&
                       inputElement == accumulator &&
                       weightType.getElementType() == accumulator;
    if (namedOpFits) {
      rewriter.replaceOpWithNewOp<linalg::Conv2DNchwFchwOp>(
          op, TypeRange{resultType}, ValueRange{padded, adaptor.getWeight()},
          init, rewriter.getI64TensorAttr(window.strides),
          rewriter.getI64TensorAttr(window.dilations));
      return success();
    }
    rewriter.replaceOp(
        op, buildConvGeneric(rewriter, loc, padded, adaptor.getWeight(), init,
                             window, op.getGroup(),
                             isUnsignedInteger(op.getInput().getType()),
                             isUnsignedInteger(op.getWeight().getType())));
    return success();
  }
};

/// kiln.conv on quantized operands, integer-only (QuantizedContraction.h):
/// the input padded with its zero point (padded positions then add
/// nothing), the stored values contracted into an i32 accumulator that
/// starts at bias[m] - z_x * sum(w[m]) + K * z_x * z_w[m], then
/// requantized per output channel. Non-zero weight zero points also
/// subtract z_w[m] * (window sum of the input), computed per group by the
/// same convolution with a kernel of ones.
struct LowerQuantizedConv : OpConversionPattern<ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<quant::QuantizedType>(
            getElementTypeOrSelf(op.getInput().getType())))
      return rewriter.notifyMatchFailure(op, "not quantized");
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    FailureOr<QuantizedContraction> contraction = QuantizedContraction::get(
        op, rewriter, op.getInput(), op.getWeight(), op.getBias(), op.getType(),
        /*weightChannelAxis=*/0, /*resultChannelAxis=*/1,
        /*alpha=*/1.0);
    if (failed(contraction))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
    Window window{weightType.getShape().drop_front(2), op.getStrides(),
                  op.getDilations(), op.getPads()};
    Value padded = padSpatial(
        rewriter, loc, adaptor.getInput(), window.begins(),
        window.ends(inputType.getShape().drop_front(2),
                    resultType.getShape().drop_front(2)),
        constantLike(rewriter, loc, inputType.getElementType(),
                     static_cast<double>(contraction->getInputZeroPoint())));

    MLIRContext *context = rewriter.getContext();
    int64_t rank = resultType.getRank();
    auto accType = resultType.clone(rewriter.getI32Type());
    AffineMap channelMap =
        AffineMap::get(rank, 0, getAffineDimExpr(1, context));
    int64_t reductionSize =
        ShapedType::getNumElements(weightType.getShape().drop_front());
    Value init = contraction->buildInit(
        rewriter, loc, accType, op.getWeight(), adaptor.getWeight(),
        /*keptDims=*/{0}, channelMap, reductionSize, adaptor.getBias(),
        channelMap);
    bool inputUnsigned = isUnsignedInteger(op.getInput().getType());
    int64_t group = op.getGroup();
    Value acc = buildConvGeneric(rewriter, loc, padded, adaptor.getWeight(),
                                 init, window, group, inputUnsigned,
                                 isUnsignedInteger(op.getWeight().getType()));

    Value windowSums;
    AffineMap windowSumsMap;
    if (contraction->hasWeightZeroPoints()) {
      // sums[n, g, o...] = sum over group g's channels and the window.
      SmallVector<int64_t> onesShape = {group, weightType.getDimSize(1)};
      llvm::append_range(onesShape, window.kernel);
      auto onesType = RankedTensorType::get(onesShape, rewriter.getI8Type());
      Value ones = arith::ConstantOp::create(
          rewriter, loc,
          DenseElementsAttr::get(onesType, rewriter.getI8IntegerAttr(1)));
      SmallVector<int64_t> sumsShape(accType.getShape());
      sumsShape[1] = group;
      Value zeros =
          filledTensor(rewriter, loc, accType.clone(sumsShape),
                       constantLike(rewriter, loc, rewriter.getI32Type(), 0));
      windowSums = buildConvGeneric(rewriter, loc, padded, ones, zeros, window,
                                    group, inputUnsigned,
                                    /*weightUnsigned=*/false);
      SmallVector<AffineExpr> exprs = {
          getAffineDimExpr(0, context),
          getAffineDimExpr(1, context)
              .floorDiv(weightType.getDimSize(0) / group)};
      for (int64_t dim = 2; dim < rank; ++dim)
        exprs.push_back(getAffineDimExpr(dim, context));
      windowSumsMap = AffineMap::get(rank, 0, exprs, context);
    }
    rewriter.replaceOp(
        op, contraction->buildEpilogue(rewriter, loc, acc, resultType,
                                       channelMap, windowSums, windowSumsMap));
    return success();
  }
};

/// A transposed convolution is a stride-1 convolution of the input with
/// `strides - 1` zeros between its elements and `(K - 1) * d - pads` of
/// zero padding (plus `output_padding` at the end), by the kernel flipped
/// and with input and output channels swapped per group:
///   W'[g * Mg + m, c, k] = W[g * Cg + c, m, K - 1 - k].
struct LowerConvTranspose : OpConversionPattern<ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    auto weightType = cast<RankedTensorType>(adaptor.getWeight().getType());
    ArrayRef<int64_t> kernel = weightType.getShape().drop_front(2);
    ArrayRef<int64_t> strides = op.getStrides(), dilations = op.getDilations();
    ArrayRef<int64_t> pads = op.getPads();
    int64_t spatial = kernel.size();
    int64_t group = op.getGroup();

    // The spread input: zeros, with the input inserted at stride `strides`.
    SmallVector<int64_t> spreadShape(inputType.getShape().take_front(2));
    SmallVector<int64_t> offsets(2, 0), steps(2, 1);
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t reach = (kernel[i] - 1) * dilations[i];
      int64_t low = reach - pads[i];
      int64_t high = reach - pads[spatial + i] + op.getOutputPadding()[i];
      if (low < 0 || high < 0)
        return rewriter.notifyMatchFailure(
            op, "pads beyond the kernel's reach (cropping) are not lowered "
                "yet");
      spreadShape.push_back((inputType.getDimSize(2 + i) - 1) * strides[i] + 1 +
                            low + high);
      offsets.push_back(low);
      steps.push_back(strides[i]);
    }
    Type inputElement = inputType.getElementType();
    Value zeros = filledTensor(rewriter, loc, inputType.clone(spreadShape),
                               constantLike(rewriter, loc, inputElement, 0));
    auto indexAttrs = [&](ArrayRef<int64_t> values) {
      return getAsIndexOpFoldResult(rewriter.getContext(), values);
    };
    Value spread = tensor::InsertSliceOp::create(
        rewriter, loc, adaptor.getInput(), zeros, indexAttrs(offsets),
        indexAttrs(inputType.getShape()), indexAttrs(steps));

    // The flipped, channel-swapped kernel.
    int64_t inputsPerGroup = weightType.getDimSize(0) / group;
    int64_t outputsPerGroup = weightType.getDimSize(1);
    SmallVector<int64_t> flippedShape = {group * outputsPerGroup,
                                         inputsPerGroup};
    llvm::append_range(flippedShape, kernel);
    MLIRContext *context = rewriter.getContext();
    int64_t rank = weightType.getRank();
    AffineExpr m = getAffineDimExpr(0, context);
    AffineExpr c = getAffineDimExpr(1, context);
    SmallVector<AffineExpr> readExprs = {c, m};
    if (group != 1)
      readExprs = {m.floorDiv(outputsPerGroup) * inputsPerGroup + c,
                   m % outputsPerGroup};
    for (int64_t i = 0; i < spatial; ++i)
      readExprs.push_back(kernel[i] - 1 - getAffineDimExpr(2 + i, context));
    auto flippedType = weightType.clone(flippedShape);
    Value flippedInit = tensor::EmptyOp::create(rewriter, loc, flippedShape,
                                                weightType.getElementType());
    Value flipped =
        linalg::GenericOp::create(
            rewriter, loc, flippedType, adaptor.getWeight(), flippedInit,
            {AffineMap::get(rank, 0, readExprs, context),
             rewriter.getMultiDimIdentityMap(rank)},
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
              linalg::YieldOp::create(nested, nestedLoc, args[0]);
            })
            .getResult(0);

    Type accumulator = resultType.getElementType();
    Value init =
        adaptor.getBias()
            ? broadcastChannels(rewriter, loc, resultType, adaptor.getBias())
            : filledTensor(rewriter, loc, resultType,
                           constantLike(rewriter, loc, accumulator, 0));
    SmallVector<int64_t> ones(spatial, 1);
    Window window{kernel, ones, dilations, {}};
    rewriter.replaceOp(
        op, buildConvGeneric(rewriter, loc, spread, flipped, init, window,
                             group, isUnsignedInteger(op.getInput().getType()),
                             isUnsignedInteger(op.getWeight().getType())));
    return success();
  }
};

/// acc[i, j] = init[i, j] + sum_k A'[i, k] * B'[k, j] (A' = A or A^T, B' =
/// B or B^T) as a contraction generic over (i, j, k).
Value buildGemmGeneric(OpBuilder &builder, Location loc, Value a, Value b,
                       Value init, bool transA, bool transB, bool aUnsigned,
                       bool bUnsigned) {
  MLIRContext *context = builder.getContext();
  AffineExpr i = getAffineDimExpr(0, context);
  AffineExpr j = getAffineDimExpr(1, context);
  AffineExpr k = getAffineDimExpr(2, context);
  auto map = [&](AffineExpr row, AffineExpr column) {
    return AffineMap::get(3, 0, {row, column}, context);
  };
  // A' is [M, K] and B' is [K, N].
  SmallVector<AffineMap> maps = {transA ? map(k, i) : map(i, k),
                                 transB ? map(j, k) : map(k, j), map(i, j)};
  auto resultType = cast<RankedTensorType>(init.getType());
  Type accumulator = resultType.getElementType();
  return linalg::GenericOp::create(
             builder, loc, resultType, ValueRange{a, b}, init, maps,
             {utils::IteratorType::parallel, utils::IteratorType::parallel,
              utils::IteratorType::reduction},
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value lhs = extendToAccumulator(nested, nestedLoc, args[0],
                                               accumulator, aUnsigned);
               Value rhs = extendToAccumulator(nested, nestedLoc, args[1],
                                               accumulator, bUnsigned);
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   multiplyAdd(nested, nestedLoc, args[2], lhs, rhs));
             })
      .getResult(0);
}

/// alpha * A' B' + beta * C: a contraction generic over (i, j, k), then an
/// elementwise epilogue where alpha, beta or C make one necessary.
struct LowerGemm : OpConversionPattern<GemmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Type accumulator = resultType.getElementType();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    bool isFloat = isa<FloatType>(accumulator);
    if (!isFloat && (alpha != 1.0 || beta != 1.0))
      return rewriter.notifyMatchFailure(op, "integer gemm with alpha or "
                                             "beta other than 1");
    Location loc = op.getLoc();
    Value init = filledTensor(rewriter, loc, resultType,
                              constantLike(rewriter, loc, accumulator, 0));
    Value product = buildGemmGeneric(
        rewriter, loc, adaptor.getA(), adaptor.getB(), init, op.getTransA(),
        op.getTransB(), isUnsignedInteger(op.getA().getType()),
        isUnsignedInteger(op.getB().getType()));
    if (!adaptor.getC() && alpha == 1.0) {
      rewriter.replaceOp(op, product);
      return success();
    }
    SmallVector<Value> operands = {product};
    if (adaptor.getC())
      operands.push_back(adaptor.getC());
    Value result = buildElementwiseGeneric(
        rewriter, loc, resultType, operands,
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          if (!isFloat)
            return arith::AddIOp::create(builder, bodyLoc, args[0], args[1]);
          Value scaled = arith::MulFOp::create(
              builder, bodyLoc, args[0],
              constantLike(builder, bodyLoc, accumulator, alpha));
          if (args.size() == 1)
            return scaled;
          return multiplyAdd(builder, bodyLoc, scaled, args[1],
                             constantLike(builder, bodyLoc, accumulator, beta));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Quantized gemm (com.microsoft QGemm), integer-only: B quantized per
/// tensor or per column of B' (axis 0 of a transposed B), A per tensor, C
/// i32 in units of s_a * s_b. The real result alpha * A'B' + beta * C is
/// alpha * s_a * s_b * (acc + C) when alpha = beta (or without C), so C
/// joins the accumulator's initial value with the zero-point terms and
/// alpha the requantization factor.
struct LowerQuantizedGemm : OpConversionPattern<GemmOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<quant::QuantizedType>(getElementTypeOrSelf(op.getA().getType())))
      return rewriter.notifyMatchFailure(op, "not quantized");
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    double alpha = op.getAlpha().convertToDouble();
    if (op.getC() && op.getBeta().convertToDouble() != alpha)
      return rewriter.notifyMatchFailure(
          op, "quantized gemm with C needs beta equal to alpha");
    bool transA = op.getTransA(), transB = op.getTransB();
    FailureOr<QuantizedContraction> contraction = QuantizedContraction::get(
        op, rewriter, op.getA(), op.getB(), op.getC(), op.getType(),
        /*weightChannelAxis=*/transB ? 0 : 1, /*resultChannelAxis=*/1, alpha);
    if (failed(contraction))
      return failure();
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto accType = resultType.clone(rewriter.getI32Type());
    AffineExpr i = getAffineDimExpr(0, context);
    AffineExpr j = getAffineDimExpr(1, context);
    AffineMap rowMap = AffineMap::get(2, 0, i);
    AffineMap columnMap = AffineMap::get(2, 0, j);
    // C broadcasts unidirectionally to [M, N].
    AffineMap cMap;
    if (Value c = adaptor.getC()) {
      ArrayRef<int64_t> shape = cast<RankedTensorType>(c.getType()).getShape();
      SmallVector<AffineExpr> exprs;
      int64_t offset = 2 - static_cast<int64_t>(shape.size());
      for (auto [dim, extent] : llvm::enumerate(shape)) {
        int64_t resultDim = offset + static_cast<int64_t>(dim);
        exprs.push_back(extent == 1 && resultType.getDimSize(resultDim) != 1
                            ? getAffineConstantExpr(0, context)
                            : getAffineDimExpr(resultDim, context));
      }
      cMap = AffineMap::get(2, 0, exprs, context);
    }
    auto aType = cast<RankedTensorType>(adaptor.getA().getType());
    Value init = contraction->buildInit(
        rewriter, loc, accType, op.getB(), adaptor.getB(),
        /*keptDims=*/{transB ? 0 : 1}, columnMap,
        aType.getDimSize(transA ? 0 : 1), adaptor.getC(), cMap);
    bool aUnsigned = isUnsignedInteger(op.getA().getType());
    Value acc = buildGemmGeneric(rewriter, loc, adaptor.getA(), adaptor.getB(),
                                 init, transA, transB, aUnsigned,
                                 isUnsignedInteger(op.getB().getType()));
    Value rowSums;
    if (contraction->hasWeightZeroPoints())
      rowSums = buildStoredSums(rewriter, loc, adaptor.getA(), aUnsigned,
                                /*keptDims=*/{transA ? 1 : 0});
    rewriter.replaceOp(op, contraction->buildEpilogue(rewriter, loc, acc,
                                                      resultType, columnMap,
                                                      rowSums, rowMap));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Determinant
//===----------------------------------------------------------------------===//

/// One step of Gaussian elimination with partial pivoting, at column `k`
/// of matrix `m` of `matrices` ([count, size, size]): the row p >= k with
/// the largest |a[p, k]| swaps with row k, then multiples of it are
/// subtracted from the rows below so that column k is zero there. Returns
/// `matrices` with matrix m updated (by a tensor.insert_slice, which
/// bufferizes in place) and `det` times the pivot, negated for a swap. A
/// zero pivot (column k is zero from row k on) leaves the matrix as it is:
/// the determinant is 0.
std::pair<Value, Value> eliminateColumn(OpBuilder &builder, Location loc,
                                        Value matrices, Value m, Value k,
                                        Value det) {
  auto matricesType = cast<RankedTensorType>(matrices.getType());
  int64_t size = matricesType.getDimSize(1);
  Type element = matricesType.getElementType();
  auto matrixType = RankedTensorType::get({size, size}, element);
  OpFoldResult zero = builder.getIndexAttr(0);
  SmallVector<int64_t> matrixSizes = {1, size, size};
  Value matrix = extractSlice(builder, loc, matrixType, matrices,
                              {m, zero, zero}, matrixSizes);
  auto read = [&](OpBuilder &b, Location l, Value row, Value column) {
    return tensor::ExtractOp::create(b, l, matrix, ValueRange{row, column});
  };

  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  auto search = scf::ForOp::create(
      builder, loc, arith::AddIOp::create(builder, loc, k, one),
      arith::ConstantIndexOp::create(builder, loc, size), one,
      ValueRange{k,
                 math::AbsFOp::create(builder, loc, read(builder, loc, k, k))},
      [&](OpBuilder &b, Location l, Value row, ValueRange best) {
        Value magnitude = math::AbsFOp::create(b, l, read(b, l, row, k));
        Value larger = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                             magnitude, best[1]);
        scf::YieldOp::create(
            b, l,
            ValueRange{
                arith::SelectOp::create(b, l, larger, row, best[0]),
                arith::SelectOp::create(b, l, larger, magnitude, best[1])});
      });
  Value pivotRow = search.getResult(0);
  Value pivot = read(builder, loc, pivotRow, k);
  Value swapped = arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ne,
                                        pivotRow, k);
  Value newDet = arith::MulFOp::create(
      builder, loc,
      arith::SelectOp::create(builder, loc, swapped,
                              arith::NegFOp::create(builder, loc, det), det),
      pivot);
  Value nonZeroPivot =
      arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::ONE, pivot,
                            constantLike(builder, loc, element, 0));

  // After the swap, row i holds old row s(i); below row k,
  // a[i, j] - a[i, k] / pivot * a[k, j].
  Value init =
      tensor::EmptyOp::create(builder, loc, matrixType.getShape(), element);
  Value eliminated =
      linalg::GenericOp::create(
          builder, loc, matrixType, ValueRange(), init,
          builder.getMultiDimIdentityMap(2),
          {utils::IteratorType::parallel, utils::IteratorType::parallel},
          [&](OpBuilder &b, Location l, ValueRange) {
            Value i = linalg::IndexOp::create(b, l, 0);
            Value j = linalg::IndexOp::create(b, l, 1);
            auto equals = [&](Value lhs, Value rhs) {
              return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, lhs,
                                           rhs);
            };
            Value source = arith::SelectOp::create(
                b, l, equals(i, k), pivotRow,
                arith::SelectOp::create(b, l, equals(i, pivotRow), k, i));
            Value value = read(b, l, source, j);
            Value factor =
                arith::DivFOp::create(b, l, read(b, l, source, k), pivot);
            Value reduced = arith::SubFOp::create(
                b, l, value,
                arith::MulFOp::create(b, l, factor, read(b, l, pivotRow, j)));
            Value below =
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::ugt, i, k);
            Value update = arith::AndIOp::create(b, l, below, nonZeroPivot);
            linalg::YieldOp::create(
                b, l,
                Value(arith::SelectOp::create(b, l, update, reduced, value)));
          })
          .getResult(0);
  return {insertSlice(builder, loc, eliminated, matrices, {m, zero, zero},
                      matrixSizes),
          newDet};
}

/// kiln.det by Gaussian elimination with partial pivoting, one matrix at a
/// time (an scf.for over the matrices, one over the pivot columns): the
/// determinant is the product of the pivots, negated for every row swap.
/// Computed in f64, as numpy's det (the ONNX reference) is.
struct LowerDet : OpConversionPattern<DetOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Type element = resultType.getElementType();
    Type compute = rewriter.getF64Type();
    int64_t size =
        cast<RankedTensorType>(adaptor.getInput().getType()).getShape().back();
    int64_t count = resultType.getNumElements();
    auto convert = [&](Value value, Type type) {
      auto valueType = cast<RankedTensorType>(value.getType());
      if (valueType.getElementType() == type)
        return value;
      return buildElementwiseGeneric(
          rewriter, loc, valueType.clone(type), value,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            if (type.getIntOrFloatBitWidth() <
                args[0].getType().getIntOrFloatBitWidth())
              return arith::TruncFOp::create(b, l, type, args[0]);
            return arith::ExtFOp::create(b, l, type, args[0]);
          });
    };
    Value matrices = convert(
        buildReshape(rewriter, loc, adaptor.getInput(),
                     RankedTensorType::get({count, size, size}, element)),
        compute);

    auto index = [](OpBuilder &b, Location l, int64_t value) {
      return arith::ConstantIndexOp::create(b, l, value);
    };
    Value dets = tensor::EmptyOp::create(rewriter, loc, {count}, compute);
    auto perMatrix = scf::ForOp::create(
        rewriter, loc, index(rewriter, loc, 0), index(rewriter, loc, count),
        index(rewriter, loc, 1), ValueRange{matrices, dets},
        [&](OpBuilder &b, Location l, Value m, ValueRange outer) {
          auto perColumn = scf::ForOp::create(
              b, l, index(b, l, 0), index(b, l, size), index(b, l, 1),
              ValueRange{outer[0], constantLike(b, l, compute, 1)},
              [&](OpBuilder &cb, Location cl, Value k, ValueRange inner) {
                auto [eliminated, det] =
                    eliminateColumn(cb, cl, inner[0], m, k, inner[1]);
                scf::YieldOp::create(cb, cl, ValueRange{eliminated, det});
              });
          scf::YieldOp::create(
              b, l,
              ValueRange{perColumn.getResult(0),
                         tensor::InsertOp::create(b, l, perColumn.getResult(1),
                                                  outer[1], m)});
        });
    rewriter.replaceOp(
        op, buildReshape(rewriter, loc,
                         convert(perMatrix.getResult(1), element), resultType));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// Combines two scalars of a window into one.
using Combiner =
    function_ref<Value(OpBuilder &builder, Location loc, Value acc, Value x)>;

/// output[n, c, o...] = combine over k... of padded[n, c, o * s + k * d],
/// starting from `init`.
Value buildWindowReduction(OpBuilder &builder, Location loc, Value padded,
                           Value init, const Window &window, Combiner combine) {
  auto resultType = cast<RankedTensorType>(init.getType());
  MLIRContext *context = builder.getContext();
  int64_t spatial = window.rank();
  int64_t numLoops = 2 + 2 * spatial;
  SmallVector<AffineExpr> inputExprs = {getAffineDimExpr(0, context),
                                        getAffineDimExpr(1, context)};
  SmallVector<AffineExpr> kernelExprs;
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr k = getAffineDimExpr(2 + spatial + i, context);
    inputExprs.push_back(
        window.position(i, getAffineDimExpr(2 + i, context), k));
    kernelExprs.push_back(k);
  }
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inputExprs, context),
      AffineMap::get(numLoops, 0, kernelExprs, context),
      AffineMap::getMultiDimIdentityMap(numLoops, context)
          .getMajorSubMap(2 + spatial)};
  SmallVector<utils::IteratorType> iterators(2 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(spatial, utils::IteratorType::reduction);
  // Only the kernel's extents matter: its values are never read.
  Value kernel = tensor::EmptyOp::create(builder, loc, window.kernel,
                                         resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, ValueRange{padded, kernel}, init, maps,
             iterators,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   combine(nested, nestedLoc, args[2], args[0]));
             })
      .getResult(0);
}

/// The identity of max over `type`: -inf, or the smallest integer.
Value lowestValue(OpBuilder &builder, Location loc, Type type,
                  bool isUnsigned) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        builder, loc,
        builder.getFloatAttr(type,
                             APFloat::getInf(floatType.getFloatSemantics(),
                                             /*Negative=*/true)));
  unsigned width = type.getIntOrFloatBitWidth();
  return arith::ConstantOp::create(
      builder, loc,
      builder.getIntegerAttr(type, isUnsigned
                                       ? APInt::getZero(width)
                                       : APInt::getSignedMinValue(width)));
}

Value maxPool(OpBuilder &builder, Location loc, Value input,
              RankedTensorType resultType, const Window &window,
              bool isUnsigned) {
  auto inputType = cast<RankedTensorType>(input.getType());
  Type element = resultType.getElementType();
  Value lowest = lowestValue(builder, loc, element, isUnsigned);
  Value padded = padSpatial(builder, loc, input, window.begins(),
                            window.ends(inputType.getShape().drop_front(2),
                                        resultType.getShape().drop_front(2)),
                            lowest);
  Value init = filledTensor(builder, loc, resultType, lowest);
  return buildWindowReduction(
      builder, loc, padded, init, window,
      [&](OpBuilder &nested, Location nestedLoc, Value acc, Value x) -> Value {
        if (isa<FloatType>(element))
          return arith::MaximumFOp::create(nested, nestedLoc, acc, x);
        if (isUnsigned)
          return arith::MaxUIOp::create(nested, nestedLoc, acc, x);
        return arith::MaxSIOp::create(nested, nestedLoc, acc, x);
      });
}

/// Max pooling that also tracks where each maximum was: one generic with
/// two accumulators, the running maximum and the flat input position of the
/// first element reaching it (a later element must be strictly greater).
struct LowerMaxPoolWithIndices : OpConversionPattern<MaxPoolWithIndicesOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MaxPoolWithIndicesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    Window window{op.getKernelShape(), op.getStrides(), op.getDilations(),
                  op.getPads()};
    Location loc = op.getLoc();
    RankedTensorType resultType =
        convertedType(getTypeConverter(), op.getOutput());
    RankedTensorType indicesType =
        convertedType(getTypeConverter(), op.getIndices());
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    ArrayRef<int64_t> inputSpatial = inputType.getShape().drop_front(2);
    Type element = resultType.getElementType();
    bool isUnsigned = isUnsignedInteger(op.getOutput().getType());
    Value lowest = lowestValue(rewriter, loc, element, isUnsigned);
    Value padded = padSpatial(
        rewriter, loc, adaptor.getInput(), window.begins(),
        window.ends(inputSpatial, resultType.getShape().drop_front(2)), lowest);

    // Strides of the flat position: row or column major over the spatial
    // dimensions, after the (n, c) plane.
    int64_t spatial = window.rank();
    SmallVector<int64_t> positionStrides(spatial, 1);
    for (int64_t i = 0; i < spatial; ++i)
      for (int64_t j = 0; j < spatial; ++j)
        if (op.getColumnMajor() ? j < i : j > i)
          positionStrides[i] *= inputSpatial[j];
    int64_t planeSize = ShapedType::getNumElements(inputSpatial);
    int64_t channels = inputType.getDimSize(1);

    MLIRContext *context = rewriter.getContext();
    int64_t numLoops = 2 + 2 * spatial;
    SmallVector<AffineExpr> inputExprs = {getAffineDimExpr(0, context),
                                          getAffineDimExpr(1, context)};
    SmallVector<AffineExpr> kernelExprs;
    for (int64_t i = 0; i < spatial; ++i) {
      AffineExpr k = getAffineDimExpr(2 + spatial + i, context);
      inputExprs.push_back(
          window.position(i, getAffineDimExpr(2 + i, context), k));
      kernelExprs.push_back(k);
    }
    AffineMap outputMap = AffineMap::getMultiDimIdentityMap(numLoops, context)
                              .getMajorSubMap(2 + spatial);
    SmallVector<AffineMap> maps = {
        AffineMap::get(numLoops, 0, inputExprs, context),
        AffineMap::get(numLoops, 0, kernelExprs, context), outputMap,
        outputMap};
    SmallVector<utils::IteratorType> iterators(2 + spatial,
                                               utils::IteratorType::parallel);
    iterators.append(spatial, utils::IteratorType::reduction);
    Value kernel =
        tensor::EmptyOp::create(rewriter, loc, window.kernel, element);
    Value maxInit = filledTensor(rewriter, loc, resultType, lowest);
    Value indexInit = filledTensor(
        rewriter, loc, indicesType,
        constantLike(rewriter, loc, indicesType.getElementType(), 0));
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType, indicesType},
        ValueRange{padded, kernel}, ValueRange{maxInit, indexInit}, maps,
        iterators, [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
          auto index = [&](int64_t dim) {
            return linalg::IndexOp::create(builder, bodyLoc, dim).getResult();
          };
          auto constant = [&](int64_t value) {
            return arith::ConstantIndexOp::create(builder, bodyLoc, value)
                .getResult();
          };
          auto mulAdd = [&](Value acc, Value value, int64_t factor) {
            Value scaled = arith::MulIOp::create(builder, bodyLoc, value,
                                                 constant(factor));
            return arith::AddIOp::create(builder, bodyLoc, acc, scaled)
                .getResult();
          };
          // ((n * C + c) * plane) + sum_i (o_i * s_i + k_i * d_i - pad_i)
          //                                * positionStrides[i]
          Value plane = mulAdd(index(1), index(0), channels);
          Value position = arith::MulIOp::create(builder, bodyLoc, plane,
                                                 constant(planeSize));
          for (int64_t i = 0; i < spatial; ++i) {
            Value coordinate =
                mulAdd(mulAdd(constant(-window.pads[i]), index(2 + i),
                              window.strides[i]),
                       index(2 + spatial + i), window.dilations[i]);
            position = mulAdd(position, coordinate, positionStrides[i]);
          }
          Value greater;
          if (isa<FloatType>(element))
            greater = arith::CmpFOp::create(
                builder, bodyLoc, arith::CmpFPredicate::OGT, args[0], args[2]);
          else
            greater =
                arith::CmpIOp::create(builder, bodyLoc,
                                      isUnsigned ? arith::CmpIPredicate::ugt
                                                 : arith::CmpIPredicate::sgt,
                                      args[0], args[2]);
          Value flat = arith::IndexCastOp::create(
              builder, bodyLoc, indicesType.getElementType(), position);
          linalg::YieldOp::create(
              builder, bodyLoc,
              ValueRange{arith::SelectOp::create(builder, bodyLoc, greater,
                                                 args[0], args[2]),
                         arith::SelectOp::create(builder, bodyLoc, greater,
                                                 flat, args[3])});
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

/// The number of window elements each output position averages over: those
/// inside the input, or inside the padded input with `countIncludePad`.
DenseElementsAttr windowCounts(RankedTensorType resultType,
                               ArrayRef<int64_t> inputSpatial,
                               const Window &window, bool countIncludePad) {
  ArrayRef<int64_t> outputSpatial = resultType.getShape().drop_front(2);
  // counts[i][o]: positions of dimension i's window at output o that count.
  SmallVector<SmallVector<int64_t>> counts;
  for (size_t dim = 0; dim < window.rank(); ++dim) {
    int64_t begin = window.pads[dim];
    int64_t low = countIncludePad ? -begin : 0;
    int64_t high = inputSpatial[dim] +
                   (countIncludePad ? window.pads[window.rank() + dim] : 0);
    SmallVector<int64_t> &perOutput = counts.emplace_back();
    for (int64_t o = 0; o < outputSpatial[dim]; ++o) {
      int64_t count = 0;
      for (int64_t k = 0; k < window.kernel[dim]; ++k) {
        int64_t position =
            o * window.strides[dim] + k * window.dilations[dim] - begin;
        count += position >= low && position < high;
      }
      perOutput.push_back(count);
    }
  }
  auto countType =
      RankedTensorType::get(outputSpatial, resultType.getElementType());
  SmallVector<APFloat> values;
  SmallVector<int64_t> strides = computeSuffixProduct(outputSpatial);
  const llvm::fltSemantics &semantics =
      cast<FloatType>(resultType.getElementType()).getFloatSemantics();
  for (int64_t linear = 0; linear < countType.getNumElements(); ++linear) {
    double count = 1;
    for (size_t dim = 0; dim < window.rank(); ++dim)
      count *= counts[dim][(linear / strides[dim]) % outputSpatial[dim]];
    APFloat value(count);
    bool losesInfo;
    value.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    values.push_back(value);
  }
  return DenseElementsAttr::get(countType, values);
}

Value averagePool(OpBuilder &builder, Location loc, Value input,
                  RankedTensorType resultType, const Window &window,
                  bool countIncludePad) {
  auto inputType = cast<RankedTensorType>(input.getType());
  ArrayRef<int64_t> inputSpatial = inputType.getShape().drop_front(2);
  Type element = resultType.getElementType();
  Value zero = constantLike(builder, loc, element, 0);
  Value padded = padSpatial(
      builder, loc, input, window.begins(),
      window.ends(inputSpatial, resultType.getShape().drop_front(2)), zero);
  Value sums = buildWindowReduction(
      builder, loc, padded, filledTensor(builder, loc, resultType, zero),
      window, [](OpBuilder &nested, Location nestedLoc, Value acc, Value x) {
        return Value(arith::AddFOp::create(nested, nestedLoc, acc, x));
      });
  Value counts = arith::ConstantOp::create(
      builder, loc,
      windowCounts(resultType, inputSpatial, window, countIncludePad));
  return buildElementwiseGeneric(
      builder, loc, resultType, {sums, counts},
      [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        return Value(
            arith::DivFOp::create(nested, nestedLoc, args[0], args[1]));
      });
}

struct LowerMaxPool : OpConversionPattern<MaxPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MaxPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    Window window{op.getKernelShape(), op.getStrides(), op.getDilations(),
                  op.getPads()};
    rewriter.replaceOp(op, maxPool(rewriter, op.getLoc(), adaptor.getInput(),
                                   convertedType(getTypeConverter(), op),
                                   window, isUnsignedInteger(op.getType())));
    return success();
  }
};

struct LowerAveragePool : OpConversionPattern<AveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Window window{op.getKernelShape(), op.getStrides(), op.getDilations(),
                  op.getPads()};
    rewriter.replaceOp(op,
                       averagePool(rewriter, op.getLoc(), adaptor.getInput(),
                                   convertedType(getTypeConverter(), op),
                                   window, op.getCountIncludePad()));
    return success();
  }
};

/// Global pooling is pooling with one window covering the spatial extents.
template <typename OpTy> struct LowerGlobalPool : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool isMax = std::is_same_v<OpTy, GlobalMaxPoolOp>;
    // Max commutes with the quantization map; averages need rescaling.
    if (failed(isMax ? checkLowerableStoredValues(op, rewriter)
                     : checkLowerable(op, rewriter)))
      return failure();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    ArrayRef<int64_t> spatial = inputType.getShape().drop_front(2);
    SmallVector<int64_t> ones(spatial.size(), 1);
    SmallVector<int64_t> zeros(2 * spatial.size(), 0);
    Window window{spatial, ones, ones, zeros};
    RankedTensorType resultType = convertedType(this->getTypeConverter(), op);
    Value result =
        isMax ? maxPool(rewriter, op.getLoc(), adaptor.getInput(), resultType,
                        window, isUnsignedInteger(op.getType()))
              : averagePool(rewriter, op.getLoc(), adaptor.getInput(),
                            resultType, window, /*countIncludePad=*/false);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// output[n, c, d...] = (x - mean[c]) * scale[c] / sqrt(variance[c] + eps)
///                      + bias[c].
struct LowerBatchNorm : OpConversionPattern<BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t rank = resultType.getRank();
    MLIRContext *context = rewriter.getContext();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    AffineMap channel = AffineMap::get(rank, 0, getAffineDimExpr(1, context));
    SmallVector<AffineMap> maps = {identity, channel, channel,
                                   channel,  channel, identity};
    Location loc = op.getLoc();
    Type element = resultType.getElementType();
    double epsilon = op.getEpsilon().convertToDouble();
    Value empty =
        tensor::EmptyOp::create(rewriter, loc, resultType.getShape(), element);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType,
        ValueRange{adaptor.getInput(), adaptor.getScale(), adaptor.getBias(),
                   adaptor.getMean(), adaptor.getVariance()},
        empty, maps,
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
          Value centered =
              arith::SubFOp::create(builder, bodyLoc, args[0], args[3]);
          Value normalized =
              normalize(builder, bodyLoc, centered, args[4], epsilon);
          linalg::YieldOp::create(
              builder, bodyLoc,
              multiplyAdd(builder, bodyLoc, args[2], normalized, args[1]));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }

  /// centered / sqrt(variance + epsilon).
  static Value normalize(OpBuilder &builder, Location loc, Value centered,
                         Value variance, double epsilon) {
    Value shifted = arith::AddFOp::create(
        builder, loc, variance,
        constantLike(builder, loc, variance.getType(), epsilon));
    Value deviation = math::SqrtOp::create(builder, loc, shifted);
    return arith::DivFOp::create(builder, loc, centered, deviation);
  }
};

/// (d_0, ..., d_(rank-1)) -> (d_0, ..., d_(count-1)); also for count 0,
/// where getMajorSubMap gives a null map.
AffineMap leadingDims(OpBuilder &builder, int64_t rank, int64_t count) {
  SmallVector<AffineExpr> exprs;
  for (int64_t dim = 0; dim < count; ++dim)
    exprs.push_back(builder.getAffineDimExpr(dim));
  return AffineMap::get(rank, 0, exprs, builder.getContext());
}

/// For every index of the dimensions before `axis`: the sum over the
/// dimensions from `axis` on of `term(x, leading...)`, where `leading` are
/// the values of `perLeading` (tensors of the leading shape) at that index.
Value reduceTrailing(
    OpBuilder &builder, Location loc, Value input, int64_t axis,
    ValueRange perLeading,
    function_ref<Value(OpBuilder &, Location, ValueRange)> term) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t rank = inputType.getRank();
  auto resultType = RankedTensorType::get(inputType.getShape().take_front(axis),
                                          inputType.getElementType());
  AffineMap leadingMap = leadingDims(builder, rank, axis);
  SmallVector<Value> operands = {input};
  llvm::append_range(operands, perLeading);
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank)};
  maps.append(perLeading.size() + 1, leadingMap);
  SmallVector<utils::IteratorType> iterators(axis,
                                             utils::IteratorType::parallel);
  iterators.append(rank - axis, utils::IteratorType::reduction);
  Value init =
      filledTensor(builder, loc, resultType,
                   constantLike(builder, loc, resultType.getElementType(), 0));
  return linalg::GenericOp::create(
             builder, loc, resultType, operands, init, maps, iterators,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value value = term(nested, nestedLoc, args.drop_back());
               Value sum =
                   arith::AddFOp::create(nested, nestedLoc, args.back(), value);
               linalg::YieldOp::create(nested, nestedLoc, sum);
             })
      .getResult(0);
}

/// output = (x - mean) / sqrt(variance + epsilon) * scale + bias with mean
/// and variance over the dimensions from `axis` on; `scale` and `bias`
/// (null: 0) are read through `parameterMap`.
Value normalizeTrailing(OpBuilder &builder, Location loc, Value input,
                        int64_t axis, Value scale, Value bias,
                        AffineMap parameterMap, double epsilon) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t count =
      inputType.getNumElements() /
      ShapedType::getNumElements(inputType.getShape().take_front(axis));
  Type element = inputType.getElementType();
  auto mean = [&](OpBuilder &nested, Location nestedLoc, Value sum) {
    return Value(
        arith::DivFOp::create(nested, nestedLoc, sum,
                              constantLike(nested, nestedLoc, element, count)));
  };
  Value sums = reduceTrailing(
      builder, loc, input, axis, {},
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
  Value squares = reduceTrailing(
      builder, loc, input, axis, sums,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value centered = arith::SubFOp::create(
            nested, nestedLoc, args[0], mean(nested, nestedLoc, args[1]));
        return Value(
            arith::MulFOp::create(nested, nestedLoc, centered, centered));
      });
  int64_t rank = inputType.getRank();
  AffineMap identity = builder.getMultiDimIdentityMap(rank);
  AffineMap leadingMap = leadingDims(builder, rank, axis);
  SmallVector<Value> operands = {input, sums, squares, scale};
  SmallVector<AffineMap> maps = {identity, leadingMap, leadingMap,
                                 parameterMap};
  if (bias) {
    operands.push_back(bias);
    maps.push_back(parameterMap);
  }
  maps.push_back(identity);
  Value empty =
      tensor::EmptyOp::create(builder, loc, inputType.getShape(), element);
  return linalg::GenericOp::create(
             builder, loc, inputType, operands, empty, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value centered =
                   arith::SubFOp::create(nested, nestedLoc, args[0],
                                         mean(nested, nestedLoc, args[1]));
               Value normalized = LowerBatchNorm::normalize(
                   nested, nestedLoc, centered,
                   mean(nested, nestedLoc, args[2]), epsilon);
               Value scaled = arith::MulFOp::create(nested, nestedLoc,
                                                    normalized, args[3]);
               if (bias)
                 scaled =
                     arith::AddFOp::create(nested, nestedLoc, scaled, args[4]);
               linalg::YieldOp::create(nested, nestedLoc, scaled);
             })
      .getResult(0);
}

struct LowerInstanceNorm : OpConversionPattern<InstanceNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(InstanceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    int64_t rank = cast<RankedTensorType>(op.getType()).getRank();
    rewriter.replaceOp(
        op,
        normalizeTrailing(rewriter, op.getLoc(), adaptor.getInput(), /*axis=*/2,
                          adaptor.getScale(), adaptor.getBias(),
                          AffineMap::get(rank, 0, rewriter.getAffineDimExpr(1)),
                          op.getEpsilon().convertToDouble()));
    return success();
  }
};

/// Layer normalization (its single result); scale and bias broadcast to the
/// normalized trailing dimensions under numpy rules.
struct LowerLayerNorm : OpConversionPattern<LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    auto scaleType = cast<RankedTensorType>(op.getScale().getType());
    if (op.getBias() && op.getBias().getType() != scaleType)
      return rewriter.notifyMatchFailure(op, "scale and bias of different "
                                             "shapes");
    int64_t rank = inputType.getRank();
    int64_t offset = rank - scaleType.getRank();
    SmallVector<AffineExpr> exprs;
    for (auto [dim, extent] : llvm::enumerate(scaleType.getShape())) {
      int64_t inputDim = offset + static_cast<int64_t>(dim);
      exprs.push_back(extent == 1 && inputType.getDimSize(inputDim) != 1
                          ? rewriter.getAffineConstantExpr(0)
                          : rewriter.getAffineDimExpr(inputDim));
    }
    rewriter.replaceOp(
        op,
        normalizeTrailing(rewriter, op.getLoc(), adaptor.getInput(),
                          op.getAxis(), adaptor.getScale(), adaptor.getBias(),
                          AffineMap::get(rank, 0, exprs, getContext()),
                          op.getEpsilon().convertToDouble()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Depth <-> space
//===----------------------------------------------------------------------===//

/// Copies whose input index is an affine function (floordiv / mod by the
/// block size) of the output index (n, c, y, x).
struct LowerDepthToSpace : OpConversionPattern<DepthToSpaceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DepthToSpaceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t block = op.getBlocksize();
    int64_t channels = resultType.getDimSize(1);
    MLIRContext *context = rewriter.getContext();
    AffineExpr n = getAffineDimExpr(0, context),
               c = getAffineDimExpr(1, context),
               y = getAffineDimExpr(2, context),
               x = getAffineDimExpr(3, context);
    // (i, j): the position inside the block.
    AffineExpr i = y % block, j = x % block;
    AffineExpr channel = op.getMode() == DepthToSpaceMode::dcr
                             ? (i * block + j) * channels + c
                             : c * block * block + i * block + j;
    AffineMap read = AffineMap::get(
        4, 0, {n, channel, y.floorDiv(block), x.floorDiv(block)}, context);
    rewriter.replaceOp(op,
                       buildCopyGeneric(rewriter, op.getLoc(),
                                        adaptor.getInput(), read, resultType));
    return success();
  }
};

struct LowerSpaceToDepth : OpConversionPattern<SpaceToDepthOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SpaceToDepthOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t block = op.getBlocksize();
    int64_t channels =
        cast<RankedTensorType>(op.getInput().getType()).getDimSize(1);
    MLIRContext *context = rewriter.getContext();
    AffineExpr n = getAffineDimExpr(0, context),
               c = getAffineDimExpr(1, context),
               y = getAffineDimExpr(2, context),
               x = getAffineDimExpr(3, context);
    // Output channel (i * b + j) * C + c holds input channel c at block
    // position (i, j).
    AffineExpr blockPosition = c.floorDiv(channels);
    AffineMap read = AffineMap::get(4, 0,
                                    {n, c % channels,
                                     y * block + blockPosition.floorDiv(block),
                                     x * block + blockPosition % block},
                                    context);
    rewriter.replaceOp(op,
                       buildCopyGeneric(rewriter, op.getLoc(),
                                        adaptor.getInput(), read, resultType));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnNNToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns
      .add<LowerConv, LowerQuantizedConv, LowerConvTranspose, LowerGemm,
           LowerQuantizedGemm, LowerDet, LowerMaxPool, LowerMaxPoolWithIndices,
           LowerAveragePool, LowerGlobalPool<GlobalMaxPoolOp>,
           LowerGlobalPool<GlobalAveragePoolOp>, LowerBatchNorm,
           LowerInstanceNorm, LowerLayerNorm, LowerDepthToSpace,
           LowerSpaceToDepth>(typeConverter, patterns.getContext());
}
