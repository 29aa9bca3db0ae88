//===- QuantElementwiseToLinalg.cpp - quantized add, mul, average pool ---===//
//
// Integer-only lowering of the non-contraction arithmetic on per-tensor
// `!quant.uniform` tensors, as kiln-form-quantized-ops and the QLinear*
// importers produce it (Requantization.h has the arithmetic):
//
// - add / sub: both real factors s_a / s_y and s_b / s_y become integers
//   N_a, N_b over one power of two 2^S, so that
//     stored = saturate(rshift_half_even((a - z_a) * N_a +- (b - z_b) * N_b,
//                                        S) + z_y)
//   rounds once, like the real-valued formula (exact but within 2^-31
//   relative of a tie);
// - mul: the i64 product (a - z_a) * (b - z_b) requantized by
//   s_a * s_b / s_y;
// - global average pooling: the i64 sum of (x - z_x) over the window
//   requantized by s_x / (s_y * count).
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "QuantParameters.h"
#include "Requantization.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The per-tensor parameters of `value`'s quantized element type, or
/// nothing (float, or per axis / per block).
std::optional<QuantParameters> getPerTensorParameters(Value value) {
  auto quantized =
      dyn_cast<quant::QuantizedType>(getElementTypeOrSelf(value.getType()));
  if (!quantized)
    return std::nullopt;
  QuantParameters parameters = QuantParameters::get(
      quantized, cast<RankedTensorType>(value.getType()).getRank());
  if (!parameters.isUniform())
    return std::nullopt;
  return parameters;
}

/// The parameters of a binary op's operands and result, all per tensor.
struct BinaryParameters {
  QuantParameters lhs, rhs, result;
};

FailureOr<BinaryParameters> getBinaryParameters(Operation *op,
                                                ConversionPatternRewriter &rewriter) {
  std::optional<QuantParameters> lhs = getPerTensorParameters(op->getOperand(0));
  std::optional<QuantParameters> rhs = getPerTensorParameters(op->getOperand(1));
  std::optional<QuantParameters> result =
      getPerTensorParameters(op->getResult(0));
  if (!lhs || !rhs || !result)
    return rewriter.notifyMatchFailure(
        op, "operands and result are not all quantized per tensor");
  return BinaryParameters{*lhs, *rhs, *result};
}

/// `stored - zeroPoint` as an i64 scalar in a generic body.
Value buildCentered(OpBuilder &builder, Location loc, Value stored,
                    const QuantParameters &parameters) {
  Type i64 = builder.getI64Type();
  Value wide = extendToAccumulator(builder, loc, stored, i64,
                                   !parameters.isSigned);
  Value zeroPoint = arith::ConstantOp::create(
      builder, loc, builder.getI64IntegerAttr(parameters.zeroPoints.front()));
  return arith::SubIOp::create(builder, loc, wide, zeroPoint);
}

/// Quantized add (`isSub` false) and sub on per-tensor operands.
template <typename OpTy, bool isSub>
struct LowerQuantizedAddSub : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    FailureOr<BinaryParameters> parameters = getBinaryParameters(op, rewriter);
    if (failed(parameters))
      return failure();
    double lhsFactor = parameters->lhs.scales.front() /
                       parameters->result.scales.front();
    double rhsFactor = parameters->rhs.scales.front() /
                       parameters->result.scales.front();
    // The largest S in [1, 62] keeping both N below 2^31: |centered| <
    // 2^16, so the sum stays far inside i64.
    int exponent = std::ilogb(std::max(lhsFactor, rhsFactor));
    int64_t shift = std::min<int64_t>(62, 30 - exponent);
    if (!std::isfinite(lhsFactor) || !std::isfinite(rhsFactor) || shift < 1)
      return rewriter.notifyMatchFailure(
          op, "operand to result scale ratio out of range");
    int64_t lhsMultiplier = std::llround(std::ldexp(lhsFactor, shift));
    int64_t rhsMultiplier = std::llround(std::ldexp(rhsFactor, shift));
    if (isSub)
      rhsMultiplier = -rhsMultiplier;

    const StorageRange &storage = parameters->result.storage;
    int64_t resultZeroPoint = parameters->result.zeroPoints.front();
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), convertedType(this->getTypeConverter(), op),
        {adaptor.getLhs(), adaptor.getRhs()},
        [&](OpBuilder &builder, Location loc, ValueRange args) -> Value {
          auto constant = [&](int64_t value) -> Value {
            return arith::ConstantOp::create(builder, loc,
                                             builder.getI64IntegerAttr(value));
          };
          Value lhs = arith::MulIOp::create(
              builder, loc,
              buildCentered(builder, loc, args[0], parameters->lhs),
              constant(lhsMultiplier));
          Value rhs = arith::MulIOp::create(
              builder, loc,
              buildCentered(builder, loc, args[1], parameters->rhs),
              constant(rhsMultiplier));
          Value sum = arith::AddIOp::create(builder, loc, lhs, rhs);
          return buildRequantize(
              builder, loc, sum,
              {constant(1), constant(shift), constant(resultZeroPoint)},
              storage);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The requantization of one scale ratio into a per-tensor result.
FailureOr<RequantizationTable>
getUniformTable(Operation *op, ConversionPatternRewriter &rewriter,
                double realScale, const QuantParameters &result) {
  std::string error;
  FailureOr<RequantizationTable> table = RequantizationTable::get(
      {realScale}, result.zeroPoints, result.storage, error);
  if (failed(table))
    return rewriter.notifyMatchFailure(op, error);
  return table;
}

/// Quantized mul on per-tensor operands.
struct LowerQuantizedMul : OpConversionPattern<MulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    FailureOr<BinaryParameters> parameters = getBinaryParameters(op, rewriter);
    if (failed(parameters))
      return failure();
    FailureOr<RequantizationTable> table = getUniformTable(
        op, rewriter,
        parameters->lhs.scales.front() * parameters->rhs.scales.front() /
            parameters->result.scales.front(),
        parameters->result);
    if (failed(table))
      return failure();
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), convertedType(getTypeConverter(), op),
        {adaptor.getLhs(), adaptor.getRhs()},
        [&](OpBuilder &builder, Location loc, ValueRange args) -> Value {
          Value product = arith::MulIOp::create(
              builder, loc, buildCentered(builder, loc, args[0], parameters->lhs),
              buildCentered(builder, loc, args[1], parameters->rhs));
          return table->build(builder, loc, product, {});
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Quantized global average pooling of a per-tensor [N, C, D...] input.
struct LowerQuantizedGlobalAveragePool
    : OpConversionPattern<GlobalAveragePoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GlobalAveragePoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    std::optional<QuantParameters> input =
        getPerTensorParameters(op.getInput());
    std::optional<QuantParameters> output = getPerTensorParameters(op);
    if (!input || !output)
      return rewriter.notifyMatchFailure(
          op, "input and result are not both quantized per tensor");
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    int64_t rank = inputType.getRank();
    int64_t count = 1;
    for (int64_t extent : inputType.getShape().drop_front(2))
      count *= extent;
    FailureOr<RequantizationTable> table =
        getUniformTable(op, rewriter,
                        input->scales.front() /
                            (output->scales.front() * double(count)),
                        *output);
    if (failed(table))
      return failure();

    // sum[n, c] = sum over the window of (x - z_x), in i64.
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    auto sumType = RankedTensorType::get(resultType.getShape(),
                                         rewriter.getI64Type());
    Value zero = arith::ConstantOp::create(rewriter, loc,
                                           rewriter.getI64IntegerAttr(0));
    Value init = filledTensor(rewriter, loc, sumType, zero);
    MLIRContext *context = rewriter.getContext();
    SmallVector<AffineExpr> reducedExprs = {getAffineDimExpr(0, context),
                                            getAffineDimExpr(1, context)};
    reducedExprs.append(rank - 2, getAffineConstantExpr(0, context));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::reduction);
    iterators[0] = iterators[1] = utils::IteratorType::parallel;
    Value sum =
        linalg::GenericOp::create(
            rewriter, loc, sumType, adaptor.getInput(), init,
            ArrayRef<AffineMap>{rewriter.getMultiDimIdentityMap(rank),
                                AffineMap::get(rank, 0, reducedExprs, context)},
            iterators,
            [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
              Value centered = buildCentered(builder, bodyLoc, args[0], *input);
              linalg::YieldOp::create(
                  builder, bodyLoc,
                  arith::AddIOp::create(builder, bodyLoc, args[1], centered)
                      .getResult());
            })
            .getResult(0);
    Value result = buildElementwiseGeneric(
        rewriter, loc, resultType, {sum},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          return table->build(builder, bodyLoc, args[0], {});
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnQuantElementwiseToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  // Above the float patterns, which refuse quantized types anyway.
  patterns.add<LowerQuantizedAddSub<AddOp, false>,
               LowerQuantizedAddSub<SubOp, true>, LowerQuantizedMul,
               LowerQuantizedGlobalAveragePool>(typeConverter,
                                                patterns.getContext(),
                                                /*benefit=*/2);
}
