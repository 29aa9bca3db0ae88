//===- DataMovementToLinalg.cpp - kiln data movement to tensor / linalg ---===//

#include "LoweringUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// Static reshape: tensor.reshape to a constant shape.
struct LowerReshape : OpConversionPattern<ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getShape())
      return rewriter.notifyMatchFailure(op, "run-time shapes are not "
                                             "lowered yet");
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    auto shapeType =
        RankedTensorType::get({resultType.getRank()}, rewriter.getI64Type());
    Value shape = arith::ConstantOp::create(
        rewriter, op.getLoc(),
        DenseElementsAttr::get(shapeType, resultType.getShape()));
    rewriter.replaceOpWithNewOp<tensor::ReshapeOp>(op, resultType,
                                                   adaptor.getInput(), shape);
    return success();
  }
};

struct LowerTranspose : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
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

/// Element type conversion with ONNX Cast semantics for the common cases
/// (float <-> float, int <-> int with the source's signedness, int -> float,
/// float -> int truncating toward zero, bool results as `!= 0`).
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
    Type target = resultType.getElementType();
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &builder, Location loc, ValueRange args) -> Value {
          Value value = args[0];
          Type source = value.getType();
          if (source == target)
            return value;
          bool sourceFloat = isa<FloatType>(source);
          bool targetFloat = isa<FloatType>(target);
          if (target.isInteger(1)) {
            Value zero = arith::ConstantOp::create(
                builder, loc, builder.getZeroAttr(source));
            if (sourceFloat)
              return arith::CmpFOp::create(
                  builder, loc, arith::CmpFPredicate::UNE, value, zero);
            return arith::CmpIOp::create(builder, loc,
                                         arith::CmpIPredicate::ne, value,
                                         zero);
          }
          unsigned sourceWidth = source.getIntOrFloatBitWidth();
          unsigned targetWidth = target.getIntOrFloatBitWidth();
          if (sourceFloat && targetFloat)
            return sourceWidth < targetWidth
                       ? Value(arith::ExtFOp::create(builder, loc, target,
                                                     value))
                       : Value(arith::TruncFOp::create(builder, loc, target,
                                                       value));
          if (sourceFloat)
            return targetUnsigned
                       ? Value(arith::FPToUIOp::create(builder, loc, target,
                                                       value))
                       : Value(arith::FPToSIOp::create(builder, loc, target,
                                                       value));
          bool extendUnsigned = sourceUnsigned || source.isInteger(1);
          if (targetFloat)
            return extendUnsigned
                       ? Value(arith::UIToFPOp::create(builder, loc, target,
                                                       value))
                       : Value(arith::SIToFPOp::create(builder, loc, target,
                                                       value));
          if (sourceWidth > targetWidth)
            return arith::TruncIOp::create(builder, loc, target, value);
          return extendUnsigned
                     ? Value(arith::ExtUIOp::create(builder, loc, target,
                                                    value))
                     : Value(arith::ExtSIOp::create(builder, loc, target,
                                                    value));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnDataMovementToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerReshape, LowerTranspose, LowerCast>(typeConverter,
                                                        patterns.getContext());
}
