//===- RandomToLinalg.cpp - kiln random ops to a counter-based generator --===//
//
// Every element's random bits come from Philox4x32-10 (Salmon et al.,
// "Parallel random numbers: as easy as 1, 2, 3", SC'11), a counter-based
// generator: a pure function of a 128-bit counter and a 64-bit key. The
// counter is (element index, execution number) and the key is the op's
// seed, so the draws are a linalg.generic over the result whose elements
// are independent of one another (parallel, deterministic for a seed).
//
// Each op counts its executions in its own private `memref.global`,
// incremented by an atomic read-modify-write (kiln_model_run is reentrant):
// execution k of a seeded op draws the same values in every process, as
// the op's description promises. A seedless op gets a key of its own, fixed
// at compile time (as PyTorch's default generator starts from a fixed
// seed): its executions differ from one another and from other seedless
// ops, and a program's results stay reproducible.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

namespace {

Value i32Constant(OpBuilder &builder, Location loc, uint32_t value) {
  return arith::ConstantOp::create(
      builder, loc, builder.getI32IntegerAttr(static_cast<int32_t>(value)));
}

Value i64Constant(OpBuilder &builder, Location loc, int64_t value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getI64IntegerAttr(value));
}

/// The low and high 32-bit halves of an i64.
std::pair<Value, Value> splitHalves(OpBuilder &builder, Location loc,
                                    Value value) {
  Type i32 = builder.getI32Type();
  Value low = arith::TruncIOp::create(builder, loc, i32, value);
  Value high = arith::TruncIOp::create(
      builder, loc, i32,
      arith::ShRUIOp::create(builder, loc, value,
                             i64Constant(builder, loc, 32)));
  return {low, high};
}

/// What one execution of a random op draws from: the key and the execution
/// number (both i64).
struct RandomStream {
  Value key;
  Value execution;
};

/// Creates the op's execution counter (a private memref.global before the
/// op's function) and, at the op, takes the next execution number from it.
FailureOr<RandomStream> beginExecution(Operation *op,
                                       std::optional<APFloat> seed,
                                       ConversionPatternRewriter &rewriter) {
  auto module = op->getParentOfType<ModuleOp>();
  if (!module)
    return rewriter.notifyMatchFailure(op, "the op is not inside a module");
  Location loc = op->getLoc();
  Type i64 = rewriter.getI64Type();
  auto counterType = MemRefType::get({}, i64);
  std::string name;
  unsigned suffix = 0;
  for (;; ++suffix) {
    name = ("kiln_random_executions_" + Twine(suffix)).str();
    if (!module.lookupSymbol(name))
      break;
  }
  {
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(module.getBody()->findAncestorOpInBlock(*op));
    memref::GlobalOp::create(
        rewriter, loc, name, rewriter.getStringAttr("private"), counterType,
        DenseElementsAttr::get(RankedTensorType::get({}, i64),
                               rewriter.getI64IntegerAttr(0)),
        /*constant=*/false, /*alignment=*/IntegerAttr());
  }
  Value counter = memref::GetGlobalOp::create(rewriter, loc, counterType, name);
  Value execution = memref::AtomicRMWOp::create(
      rewriter, loc, arith::AtomicRMWKind::addi, i64Constant(rewriter, loc, 1),
      counter, ValueRange{});
  // A seed's bits (distinct seeds give distinct keys) fill the low half of
  // the key; seedless ops number themselves in the low half under a high
  // half that no seed has ("kiln" in ASCII).
  uint64_t key = seed ? seed->bitcastToAPInt().getZExtValue()
                      : (uint64_t{0x6B696C6E} << 32) | suffix;
  return RandomStream{i64Constant(rewriter, loc, static_cast<int64_t>(key)),
                      execution};
}

/// Philox4x32-10 of the counter (element, execution) under `key`: four
/// random 32-bit words. Each round multiplies two counter words by
/// constants and mixes the high and low halves of the products with the
/// other words and the key; the key grows by the Weyl constants between
/// rounds.
SmallVector<Value, 4> philox(OpBuilder &builder, Location loc, Value element,
                             const RandomStream &stream) {
  auto [element0, element1] = splitHalves(builder, loc, element);
  auto [execution0, execution1] = splitHalves(builder, loc, stream.execution);
  SmallVector<Value, 4> counter{element0, element1, execution0, execution1};
  auto [key0, key1] = splitHalves(builder, loc, stream.key);
  Value multiplier0 = i32Constant(builder, loc, 0xD2511F53);
  Value multiplier1 = i32Constant(builder, loc, 0xCD9E8D57);
  Value weyl0 = i32Constant(builder, loc, 0x9E3779B9);
  Value weyl1 = i32Constant(builder, loc, 0xBB67AE85);
  auto xorOf = [&](Value a, Value b, Value c) -> Value {
    return arith::XOrIOp::create(builder, loc,
                                 arith::XOrIOp::create(builder, loc, a, b), c);
  };
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key0 = arith::AddIOp::create(builder, loc, key0, weyl0);
      key1 = arith::AddIOp::create(builder, loc, key1, weyl1);
    }
    auto product0 =
        arith::MulUIExtendedOp::create(builder, loc, multiplier0, counter[0]);
    auto product1 =
        arith::MulUIExtendedOp::create(builder, loc, multiplier1, counter[2]);
    counter = {xorOf(product1.getHigh(), counter[1], key0), product1.getLow(),
               xorOf(product0.getHigh(), counter[3], key1), product0.getLow()};
  }
  return counter;
}

/// A uniform draw in [0, 1) of float type `type` from two random words:
/// the top p bits (p: the type's precision, at most 64) of high:low times
/// 2^-p, exact in the type, so the largest draw is 1 - 2^-p and never
/// rounds to 1.
Value uniformDraw(OpBuilder &builder, Location loc, Value high, Value low,
                  FloatType type) {
  Type i64 = builder.getI64Type();
  unsigned precision = std::min(
      llvm::APFloat::semanticsPrecision(type.getFloatSemantics()), 64u);
  Value bits = arith::OrIOp::create(
      builder, loc,
      arith::ShLIOp::create(builder, loc,
                            arith::ExtUIOp::create(builder, loc, i64, high),
                            i64Constant(builder, loc, 32)),
      arith::ExtUIOp::create(builder, loc, i64, low));
  Value top = arith::ShRUIOp::create(builder, loc, bits,
                                     i64Constant(builder, loc, 64 - precision));
  Value scale = arith::ConstantOp::create(
      builder, loc,
      builder.getFloatAttr(type,
                           std::ldexp(1.0, -static_cast<int>(precision))));
  return arith::MulFOp::create(
      builder, loc, arith::UIToFPOp::create(builder, loc, type, top), scale);
}

/// The row-major index (i64) of the current element of a linalg.generic
/// over `shape`.
Value linearIndex(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape) {
  Value index;
  for (auto [dim, extent] : llvm::enumerate(shape)) {
    Value position = linalg::IndexOp::create(builder, loc, dim);
    index = index ? arith::AddIOp::create(
                        builder, loc,
                        arith::MulIOp::create(builder, loc, index,
                                              arith::ConstantIndexOp::create(
                                                  builder, loc, extent)),
                        position)
                  : position;
  }
  if (!index)
    index = arith::ConstantIndexOp::create(builder, loc, 0);
  return arith::IndexCastOp::create(builder, loc, builder.getI64Type(), index);
}

/// Computes one value per element from its four random words.
using DrawBuilder =
    function_ref<Value(OpBuilder &builder, Location loc, ArrayRef<Value> words,
                       ValueRange inputs)>;

/// A linalg.generic over `resultType` computing `draw` for every element;
/// `inputs` map to it with `inputMaps` and come to `draw` as scalars.
Value buildDrawGeneric(OpBuilder &builder, Location loc,
                       RankedTensorType resultType, ValueRange inputs,
                       ArrayRef<AffineMap> inputMaps,
                       const RandomStream &stream, DrawBuilder draw) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, inputs, init, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value element =
                   linearIndex(nested, nestedLoc, resultType.getShape());
               SmallVector<Value, 4> words =
                   philox(nested, nestedLoc, element, stream);
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   draw(nested, nestedLoc, words, args.drop_back()));
             })
      .getResult(0);
}

std::optional<APFloat> seedOf(FloatAttr seed) {
  if (!seed)
    return std::nullopt;
  return seed.getValue();
}

/// output = low + (high - low) * u, u uniform in [0, 1). A run-time
/// `dynamic_shape` only restates the static result type.
struct LowerRandomUniform : OpConversionPattern<RandomUniformOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RandomUniformOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    FailureOr<RandomStream> stream =
        beginExecution(op, seedOf(op.getSeedAttr()), rewriter);
    if (failed(stream))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto type = cast<FloatType>(resultType.getElementType());
    double low = op.getLow().convertToDouble();
    double high = op.getHigh().convertToDouble();
    Value result = buildDrawGeneric(
        rewriter, op.getLoc(), resultType, {}, {}, *stream,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> words,
            ValueRange) -> Value {
          Value u = uniformDraw(builder, loc, words[0], words[1], type);
          if (low == 0.0 && high == 1.0)
            return u;
          Value lowValue = arith::ConstantOp::create(
              builder, loc, builder.getFloatAttr(type, low));
          Value range = arith::ConstantOp::create(
              builder, loc, builder.getFloatAttr(type, high - low));
          return multiplyAdd(builder, loc, lowValue, range, u);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output = mean + scale * z with z standard normal by the Box-Muller
/// transform of two uniform draws: z = sqrt(-2 ln(1 - u1)) cos(2 pi u2)
/// (1 - u1 lies in (0, 1], so the logarithm is finite).
struct LowerRandomNormal : OpConversionPattern<RandomNormalOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RandomNormalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    FailureOr<RandomStream> stream =
        beginExecution(op, seedOf(op.getSeedAttr()), rewriter);
    if (failed(stream))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto type = cast<FloatType>(resultType.getElementType());
    double mean = op.getMean().convertToDouble();
    double scale = op.getScale().convertToDouble();
    Value result = buildDrawGeneric(
        rewriter, op.getLoc(), resultType, {}, {}, *stream,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> words,
            ValueRange) -> Value {
          auto constant = [&](double value) -> Value {
            return arith::ConstantOp::create(builder, loc,
                                             builder.getFloatAttr(type, value));
          };
          Value u1 = uniformDraw(builder, loc, words[0], words[1], type);
          Value u2 = uniformDraw(builder, loc, words[2], words[3], type);
          Value radius = math::SqrtOp::create(
              builder, loc,
              arith::MulFOp::create(
                  builder, loc, constant(-2.0),
                  math::LogOp::create(
                      builder, loc,
                      arith::SubFOp::create(builder, loc, constant(1.0), u1))));
          Value angle = arith::MulFOp::create(
              builder, loc, constant(2 * llvm::numbers::pi), u2);
          Value z = arith::MulFOp::create(
              builder, loc, radius, math::CosOp::create(builder, loc, angle));
          return multiplyAdd(builder, loc, constant(mean), constant(scale), z);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output = u < p ? 1 : 0 with u uniform in [0, 1) of p's type: p <= 0 or
/// NaN never draws 1, p >= 1 always does.
struct LowerBernoulli : OpConversionPattern<BernoulliOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(BernoulliOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    FailureOr<RandomStream> stream =
        beginExecution(op, seedOf(op.getSeedAttr()), rewriter);
    if (failed(stream))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto probabilityType =
        cast<FloatType>(getElementTypeOrSelf(adaptor.getInput().getType()));
    bool isUnsigned = isUnsignedInteger(op.getType());
    Value result = buildDrawGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        rewriter.getMultiDimIdentityMap(resultType.getRank()), *stream,
        [&](OpBuilder &builder, Location loc, ArrayRef<Value> words,
            ValueRange inputs) -> Value {
          Value u =
              uniformDraw(builder, loc, words[0], words[1], probabilityType);
          Value hit = arith::CmpFOp::create(
              builder, loc, arith::CmpFPredicate::OLT, u, inputs[0]);
          return castScalar(builder, loc, hit, resultType.getElementType(),
                            /*sourceUnsigned=*/true, isUnsigned);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Per row b, in f64: w[b, c] = e^(input[b, c] - max_c input[b, c]) and its
/// sum W[b]; each sample draws t = u * W[b] and returns the last class c
/// with w[b, c] > 0 whose preceding weights sum to at most t, i.e. the
/// class whose cumulative interval [sum(w[b, :c]), sum(w[b, :c + 1]))
/// holds t (the last likely class should rounding put t past the end).
/// The per-sample scan over the classes is an scf.for inside the
/// linalg.generic over the samples.
struct LowerMultinomial : OpConversionPattern<MultinomialOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MultinomialOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    FailureOr<RandomStream> stream =
        beginExecution(op, seedOf(op.getSeedAttr()), rewriter);
    if (failed(stream))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t rows = inputType.getDimSize(0), classes = inputType.getDimSize(1);
    Location loc = op.getLoc();
    MLIRContext *context = getContext();
    FloatType f64 = rewriter.getF64Type();
    AffineMap identity = rewriter.getMultiDimIdentityMap(2);
    AffineMap rowMap =
        AffineMap::get(2, 0, rewriter.getAffineDimExpr(0), context);
    SmallVector<utils::IteratorType> rowReduction{
        utils::IteratorType::parallel, utils::IteratorType::reduction};
    auto rowTotal = [&](Value values, double identityValue,
                        bool isMaximum) -> Value {
      Value empty =
          tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{rows}, f64);
      Value start = arith::ConstantOp::create(
          rewriter, loc, rewriter.getF64FloatAttr(identityValue));
      Value init =
          linalg::FillOp::create(rewriter, loc, start, empty).getResult(0);
      return linalg::GenericOp::create(
                 rewriter, loc, init.getType(), values, init,
                 {identity, rowMap}, rowReduction,
                 [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
                   Value value = extendToAccumulator(builder, bodyLoc, args[0],
                                                     f64, false);
                   Value combined =
                       isMaximum ? Value(arith::MaximumFOp::create(
                                       builder, bodyLoc, value, args[1]))
                                 : Value(arith::AddFOp::create(builder, bodyLoc,
                                                               value, args[1]));
                   linalg::YieldOp::create(builder, bodyLoc, combined);
                 })
          .getResult(0);
    };
    Value maximum =
        rowTotal(input, -std::numeric_limits<double>::infinity(), true);
    Value weightsInit =
        tensor::EmptyOp::create(rewriter, loc, inputType.getShape(), f64);
    Value weights =
        linalg::GenericOp::create(
            rewriter, loc, weightsInit.getType(), ValueRange{input, maximum},
            weightsInit, {identity, rowMap, identity},
            SmallVector<utils::IteratorType>(2, utils::IteratorType::parallel),
            [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
              Value value =
                  extendToAccumulator(builder, bodyLoc, args[0], f64, false);
              linalg::YieldOp::create(
                  builder, bodyLoc,
                  Value(math::ExpOp::create(
                      builder, bodyLoc,
                      arith::SubFOp::create(builder, bodyLoc, value,
                                            args[1]))));
            })
            .getResult(0);
    Value total = rowTotal(weights, 0.0, false);

    Type indexType = resultType.getElementType();
    Value result = buildDrawGeneric(
        rewriter, loc, resultType, total, rowMap, *stream,
        [&](OpBuilder &builder, Location bodyLoc, ArrayRef<Value> words,
            ValueRange inputs) -> Value {
          Value u = uniformDraw(builder, bodyLoc, words[0], words[1], f64);
          Value target = arith::MulFOp::create(builder, bodyLoc, u, inputs[0]);
          Value row = linalg::IndexOp::create(builder, bodyLoc, 0);
          Value zero = arith::ConstantIndexOp::create(builder, bodyLoc, 0);
          Value noWeight = arith::ConstantOp::create(
              builder, bodyLoc, builder.getF64FloatAttr(0.0));
          auto scan = scf::ForOp::create(
              builder, bodyLoc, zero,
              arith::ConstantIndexOp::create(builder, bodyLoc, classes),
              arith::ConstantIndexOp::create(builder, bodyLoc, 1),
              ValueRange{noWeight, zero},
              [&](OpBuilder &loop, Location loopLoc, Value c,
                  ValueRange iterArgs) {
                Value below = iterArgs[0], chosen = iterArgs[1];
                Value weight = tensor::ExtractOp::create(loop, loopLoc, weights,
                                                         ValueRange{row, c});
                Value likely = arith::CmpFOp::create(
                    loop, loopLoc, arith::CmpFPredicate::OGT, weight, noWeight);
                Value reached = arith::CmpFOp::create(
                    loop, loopLoc, arith::CmpFPredicate::OLE, below, target);
                Value pick =
                    arith::AndIOp::create(loop, loopLoc, likely, reached);
                scf::YieldOp::create(
                    loop, loopLoc,
                    ValueRange{
                        arith::AddFOp::create(loop, loopLoc, below, weight),
                        arith::SelectOp::create(loop, loopLoc, pick, c,
                                                chosen)});
              });
          return arith::IndexCastOp::create(builder, bodyLoc, indexType,
                                            scan.getResult(1));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnRandomToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerRandomUniform, LowerRandomNormal, LowerBernoulli,
               LowerMultinomial>(typeConverter, patterns.getContext());
}
