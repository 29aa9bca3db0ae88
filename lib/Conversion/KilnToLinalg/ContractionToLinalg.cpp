//===- ContractionToLinalg.cpp - kiln matmul to linalg --------------------===//
//
// kiln.matmul (numpy matmul: batch dimensions broadcast) becomes one
// linalg.generic contraction over k into a zero-filled accumulator; integer
// operands are extended to the accumulator type (i32) first.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

struct LowerMatMul : OpConversionPattern<MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto lhsType = cast<RankedTensorType>(op.getLhs().getType());
    auto rhsType = cast<RankedTensorType>(op.getRhs().getType());
    if (lhsType.getRank() < 2 || rhsType.getRank() < 2)
      return rewriter.notifyMatchFailure(op, "1-D matmul operands are not "
                                             "lowered yet");
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Location loc = op.getLoc();
    // Loop dimensions: the result's (batch..., m, n), then k.
    int64_t rank = resultType.getRank();
    MLIRContext *context = rewriter.getContext();
    AffineExpr m = getAffineDimExpr(rank - 2, context);
    AffineExpr n = getAffineDimExpr(rank - 1, context);
    AffineExpr k = getAffineDimExpr(rank, context);
    auto operandMap = [&](RankedTensorType type, AffineExpr row,
                          AffineExpr column) {
      SmallVector<AffineExpr> exprs;
      int64_t batchRank = type.getRank() - 2;
      int64_t offset = rank - 2 - batchRank;
      for (int64_t dim = 0; dim < batchRank; ++dim)
        exprs.push_back(type.getDimSize(dim) == 1 &&
                                resultType.getDimSize(offset + dim) != 1
                            ? rewriter.getAffineConstantExpr(0)
                            : getAffineDimExpr(offset + dim, context));
      exprs.push_back(row);
      exprs.push_back(column);
      return AffineMap::get(rank + 1, 0, exprs, context);
    };
    SmallVector<AffineMap> maps = {
        operandMap(lhsType, m, k), operandMap(rhsType, k, n),
        AffineMap::getMultiDimIdentityMap(rank + 1, context).getMajorSubMap(
            rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);

    Type accumulator = resultType.getElementType();
    Value zero = arith::ConstantOp::create(rewriter, loc,
                                           rewriter.getZeroAttr(accumulator));
    Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                          accumulator);
    Value init =
        linalg::FillOp::create(rewriter, loc, zero, empty).getResult(0);
    bool lhsUnsigned = isUnsignedInteger(lhsType);
    bool rhsUnsigned = isUnsignedInteger(rhsType);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, ValueRange{adaptor.getLhs(), adaptor.getRhs()},
        init, maps, iterators,
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) {
          Value a = extendToAccumulator(builder, bodyLoc, args[0], accumulator,
                             lhsUnsigned);
          Value b = extendToAccumulator(builder, bodyLoc, args[1], accumulator,
                             rhsUnsigned);
          linalg::YieldOp::create(builder, bodyLoc,
                                  multiplyAdd(builder, bodyLoc, args[2], a, b));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnContractionToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerMatMul>(typeConverter, patterns.getContext());
}
