//===- ContractionToLinalg.cpp - kiln matmul to linalg --------------------===//
//
// kiln.matmul (numpy matmul: batch dimensions broadcast) becomes one
// linalg.generic contraction over k into a zero-filled accumulator; integer
// operands are extended to the accumulator type (i32) first. Quantized
// operands contract their stored values with the zero-point terms folded
// into the accumulator's initial value (QuantizedContraction.h).
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "QuantizedContraction.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The map from the result's loops (batch..., m, n; and k when
/// `withReduction`) to an operand of type `type` whose batch dimensions
/// broadcast to the result's and whose last two dimensions read `trailing`.
AffineMap batchMap(RankedTensorType type, RankedTensorType resultType,
                   ArrayRef<AffineExpr> trailing, int64_t operandBatchRank,
                   bool withReduction) {
  MLIRContext *context = resultType.getContext();
  int64_t rank = resultType.getRank();
  SmallVector<AffineExpr> exprs;
  int64_t offset = rank - 2 - operandBatchRank;
  for (int64_t dim = 0; dim < operandBatchRank; ++dim)
    exprs.push_back(type.getDimSize(dim) == 1 &&
                            resultType.getDimSize(offset + dim) != 1
                        ? getAffineConstantExpr(0, context)
                        : getAffineDimExpr(offset + dim, context));
  llvm::append_range(exprs, trailing);
  return AffineMap::get(rank + (withReduction ? 1 : 0), 0, exprs, context);
}

/// acc[b..., m, n] = init[b..., m, n] + sum_k lhs[b..., m, k] * rhs[b..., k, n]
/// with integers extended to the accumulator by their signedness.
Value buildMatMulGeneric(OpBuilder &builder, Location loc, Value lhs, Value rhs,
                         Value init, bool lhsUnsigned, bool rhsUnsigned) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  auto resultType = cast<RankedTensorType>(init.getType());
  // Loop dimensions: the result's (batch..., m, n), then k.
  int64_t rank = resultType.getRank();
  MLIRContext *context = builder.getContext();
  AffineExpr m = getAffineDimExpr(rank - 2, context);
  AffineExpr n = getAffineDimExpr(rank - 1, context);
  AffineExpr k = getAffineDimExpr(rank, context);
  SmallVector<AffineMap> maps = {
      batchMap(lhsType, resultType, {m, k}, lhsType.getRank() - 2, true),
      batchMap(rhsType, resultType, {k, n}, rhsType.getRank() - 2, true),
      AffineMap::getMultiDimIdentityMap(rank + 1, context)
          .getMajorSubMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  Type accumulator = resultType.getElementType();
  return linalg::GenericOp::create(
             builder, loc, resultType, ValueRange{lhs, rhs}, init, maps,
             iterators,
             [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
               Value a = extendToAccumulator(nested, bodyLoc, args[0],
                                             accumulator, lhsUnsigned);
               Value b = extendToAccumulator(nested, bodyLoc, args[1],
                                             accumulator, rhsUnsigned);
               linalg::YieldOp::create(
                   nested, bodyLoc,
                   multiplyAdd(nested, bodyLoc, args[2], a, b));
             })
      .getResult(0);
}

LogicalResult checkMatrixOperands(MatMulOp op, PatternRewriter &rewriter) {
  if (cast<RankedTensorType>(op.getLhs().getType()).getRank() < 2 ||
      cast<RankedTensorType>(op.getRhs().getType()).getRank() < 2)
    return rewriter.notifyMatchFailure(op, "1-D matmul operands are not "
                                           "lowered yet");
  return success();
}

struct LowerMatMul : OpConversionPattern<MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)) ||
        failed(checkMatrixOperands(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Location loc = op.getLoc();
    Type accumulator = resultType.getElementType();
    Value init = filledTensor(rewriter, loc, resultType,
                              constantLike(rewriter, loc, accumulator, 0));
    rewriter.replaceOp(
        op,
        buildMatMulGeneric(rewriter, loc, adaptor.getLhs(), adaptor.getRhs(),
                           init, isUnsignedInteger(op.getLhs().getType()),
                           isUnsignedInteger(op.getRhs().getType())));
    return success();
  }
};

/// Quantized matmul (ONNX QLinearMatMul), integer-only: the rhs (weight) is
/// quantized per tensor or per column (its last axis), the lhs per tensor.
/// The accumulator starts at -z_a * colsum(b)[b..., n] + K * z_a * z_b[n]
/// (constant for a constant rhs); non-zero z_b subtract
/// z_b[n] * rowsum(a)[b..., m] in the requantizing epilogue.
struct LowerQuantizedMatMul : OpConversionPattern<MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<quant::QuantizedType>(getElementTypeOrSelf(op.getLhs().getType())))
      return rewriter.notifyMatchFailure(op, "not quantized");
    if (failed(checkLowerableStoredValues(op, rewriter)) ||
        failed(checkMatrixOperands(op, rewriter)))
      return failure();
    auto lhsType = cast<RankedTensorType>(adaptor.getLhs().getType());
    auto rhsType = cast<RankedTensorType>(adaptor.getRhs().getType());
    int64_t lhsRank = lhsType.getRank(), rhsRank = rhsType.getRank();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t rank = resultType.getRank();
    FailureOr<QuantizedContraction> contraction = QuantizedContraction::get(
        op, rewriter, op.getLhs(), op.getRhs(), /*bias=*/Value(), op.getType(),
        /*weightChannelAxis=*/rhsRank - 1, /*resultChannelAxis=*/rank - 1,
        /*alpha=*/1.0);
    if (failed(contraction))
      return failure();
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    AffineExpr m = getAffineDimExpr(rank - 2, context);
    AffineExpr n = getAffineDimExpr(rank - 1, context);
    auto accType = resultType.clone(rewriter.getI32Type());
    // Column sums of the rhs keep its batch dimensions and n.
    SmallVector<int64_t> rhsKept;
    for (int64_t dim = 0; dim < rhsRank - 2; ++dim)
      rhsKept.push_back(dim);
    rhsKept.push_back(rhsRank - 1);
    auto columnSumsType = RankedTensorType::get(
        llvm::map_to_vector(
            rhsKept, [&](int64_t dim) { return rhsType.getDimSize(dim); }),
        rewriter.getI32Type());
    Value init = contraction->buildInit(
        rewriter, loc, accType, op.getRhs(), adaptor.getRhs(), rhsKept,
        batchMap(columnSumsType, resultType, {n}, rhsRank - 2, false),
        lhsType.getDimSize(lhsRank - 1), /*bias=*/Value(), AffineMap());
    bool lhsUnsigned = isUnsignedInteger(op.getLhs().getType());
    Value acc = buildMatMulGeneric(rewriter, loc, adaptor.getLhs(),
                                   adaptor.getRhs(), init, lhsUnsigned,
                                   isUnsignedInteger(op.getRhs().getType()));
    Value rowSums;
    AffineMap rowSumsMap;
    if (contraction->hasWeightZeroPoints()) {
      SmallVector<int64_t> lhsKept;
      for (int64_t dim = 0; dim < lhsRank - 1; ++dim)
        lhsKept.push_back(dim);
      rowSums = buildStoredSums(rewriter, loc, adaptor.getLhs(), lhsUnsigned,
                                lhsKept);
      rowSumsMap = batchMap(cast<RankedTensorType>(rowSums.getType()),
                            resultType, {m}, lhsRank - 2, false);
    }
    rewriter.replaceOp(
        op, contraction->buildEpilogue(rewriter, loc, acc, resultType,
                                       AffineMap::get(rank, 0, n), rowSums,
                                       rowSumsMap));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnContractionToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerMatMul, LowerQuantizedMatMul>(typeConverter,
                                                  patterns.getContext());
}
