//===- ElementwiseToLinalg.cpp - elementwise kiln ops to linalg.generic ---===//
//
// Each elementwise kiln op becomes one linalg.generic over its (broadcast)
// result; the ops differ only in the scalar body, given here per op.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The scalar body of an elementwise op from its (signless) scalar operands;
/// the op itself gives attributes and signedness.
template <typename OpTy>
using ScalarBody = Value (*)(OpTy op, OpBuilder &builder, Location loc,
                             ValueRange args);

template <typename OpTy>
class LowerElementwise : public OpConversionPattern<OpTy> {
public:
  LowerElementwise(const TypeConverter &typeConverter, MLIRContext *context,
                   ScalarBody<OpTy> body)
      : OpConversionPattern<OpTy>(typeConverter, context), body(body) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto resultType = cast<RankedTensorType>(
        this->getTypeConverter()->convertType(op->getResult(0).getType()));
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(),
        [&](OpBuilder &builder, Location loc, ValueRange args) {
          return body(op, builder, loc, args);
        });
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  ScalarBody<OpTy> body;
};

bool isFloat(Value value) { return isa<FloatType>(value.getType()); }

Value floatConstant(OpBuilder &builder, Location loc, Type type,
                    double value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getFloatAttr(type, value));
}

Value zeroLike(OpBuilder &builder, Location loc, Type type) {
  return arith::ConstantOp::create(builder, loc, builder.getZeroAttr(type));
}

/// A float or integer binary operation by element kind (integers signed
/// unless `isUnsigned`).
template <typename FloatOp, typename SignedOp, typename UnsignedOp = SignedOp>
Value arithmetic(OpBuilder &builder, Location loc, ValueRange args,
                 bool isUnsigned) {
  if (isFloat(args[0]))
    return FloatOp::create(builder, loc, args[0], args[1]);
  if (isUnsigned)
    return UnsignedOp::create(builder, loc, args[0], args[1]);
  return SignedOp::create(builder, loc, args[0], args[1]);
}

/// Binary arithmetic with the signedness of the op's first operand.
template <typename OpTy, typename FloatOp, typename SignedOp,
          typename UnsignedOp = SignedOp>
Value binaryBody(OpTy op, OpBuilder &builder, Location loc, ValueRange args) {
  return arithmetic<FloatOp, SignedOp, UnsignedOp>(
      builder, loc, args, isUnsignedInteger(op->getOperand(0).getType()));
}

/// Comparison: ordered float predicate, or signed/unsigned integer one.
template <typename OpTy, arith::CmpFPredicate floatPredicate,
          arith::CmpIPredicate signedPredicate,
          arith::CmpIPredicate unsignedPredicate>
Value compareBody(OpTy op, OpBuilder &builder, Location loc,
                  ValueRange args) {
  if (isFloat(args[0]))
    return arith::CmpFOp::create(builder, loc, floatPredicate, args[0],
                                 args[1]);
  return arith::CmpIOp::create(
      builder, loc,
      isUnsignedInteger(op->getOperand(0).getType()) ? unsignedPredicate
                                                     : signedPredicate,
      args[0], args[1]);
}

/// Unary float math op.
template <typename OpTy, typename MathOp>
Value mathBody(OpTy, OpBuilder &builder, Location loc, ValueRange args) {
  return MathOp::create(builder, loc, args[0]);
}

template <typename OpTy, typename ArithOp>
void addBinary(const TypeConverter &converter, RewritePatternSet &patterns) {
  patterns.add<LowerElementwise<OpTy>>(
      converter, patterns.getContext(),
      [](OpTy op, OpBuilder &builder, Location loc, ValueRange args) {
        return Value(ArithOp::create(builder, loc, args[0], args[1]));
      });
}

} // namespace

void mlir::kiln::populateKilnElementwiseToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();

  // Arithmetic.
  patterns.add<LowerElementwise<AddOp>>(
      converter, context, binaryBody<AddOp, arith::AddFOp, arith::AddIOp>);
  patterns.add<LowerElementwise<SubOp>>(
      converter, context, binaryBody<SubOp, arith::SubFOp, arith::SubIOp>);
  patterns.add<LowerElementwise<MulOp>>(
      converter, context, binaryBody<MulOp, arith::MulFOp, arith::MulIOp>);
  patterns.add<LowerElementwise<DivOp>>(
      converter, context,
      binaryBody<DivOp, arith::DivFOp, arith::DivSIOp, arith::DivUIOp>);
  patterns.add<LowerElementwise<MaxOp>>(
      converter, context,
      binaryBody<MaxOp, arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>);
  patterns.add<LowerElementwise<MinOp>>(
      converter, context,
      binaryBody<MinOp, arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp>);
  patterns.add<LowerElementwise<PowOp>>(
      converter, context,
      [](PowOp op, OpBuilder &builder, Location loc,
         ValueRange args) -> Value {
        Value base = args[0], exponent = args[1];
        Type type = base.getType();
        if (!isFloat(base)) {
          // ONNX allows any numeric exponent; integer powers stay integer.
          if (isFloat(exponent))
            exponent = arith::FPToSIOp::create(builder, loc, type, exponent);
          else if (exponent.getType().getIntOrFloatBitWidth() >
                   type.getIntOrFloatBitWidth())
            exponent = arith::TruncIOp::create(builder, loc, type, exponent);
          else if (exponent.getType() != type)
            exponent = arith::ExtSIOp::create(builder, loc, type, exponent);
          return math::IPowIOp::create(builder, loc, base, exponent);
        }
        if (!isFloat(exponent))
          exponent = isUnsignedInteger(op.getRhs().getType())
                         ? Value(arith::UIToFPOp::create(builder, loc, type,
                                                         exponent))
                         : Value(arith::SIToFPOp::create(builder, loc, type,
                                                         exponent));
        else if (exponent.getType().getIntOrFloatBitWidth() >
                 type.getIntOrFloatBitWidth())
          exponent = arith::TruncFOp::create(builder, loc, type, exponent);
        else if (exponent.getType() != type)
          exponent = arith::ExtFOp::create(builder, loc, type, exponent);
        return math::PowFOp::create(builder, loc, base, exponent);
      });

  // Comparisons and logic.
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  patterns.add<LowerElementwise<EqualOp>>(
      converter, context, compareBody<EqualOp, FP::OEQ, IP::eq, IP::eq>);
  patterns.add<LowerElementwise<GreaterOp>>(
      converter, context, compareBody<GreaterOp, FP::OGT, IP::sgt, IP::ugt>);
  patterns.add<LowerElementwise<GreaterEqualOp>>(
      converter, context,
      compareBody<GreaterEqualOp, FP::OGE, IP::sge, IP::uge>);
  patterns.add<LowerElementwise<LessOp>>(
      converter, context, compareBody<LessOp, FP::OLT, IP::slt, IP::ult>);
  patterns.add<LowerElementwise<LessEqualOp>>(
      converter, context, compareBody<LessEqualOp, FP::OLE, IP::sle, IP::ule>);
  addBinary<AndOp, arith::AndIOp>(converter, patterns);
  addBinary<OrOp, arith::OrIOp>(converter, patterns);
  addBinary<XorOp, arith::XOrIOp>(converter, patterns);
  patterns.add<LowerElementwise<WhereOp>>(
      converter, context,
      [](WhereOp, OpBuilder &builder, Location loc, ValueRange args) {
        return Value(
            arith::SelectOp::create(builder, loc, args[0], args[1], args[2]));
      });

  // Unary float math.
  patterns.add<LowerElementwise<ExpOp>>(converter, context,
                                        mathBody<ExpOp, math::ExpOp>);
  patterns.add<LowerElementwise<LogOp>>(converter, context,
                                        mathBody<LogOp, math::LogOp>);
  patterns.add<LowerElementwise<SqrtOp>>(converter, context,
                                         mathBody<SqrtOp, math::SqrtOp>);
  patterns.add<LowerElementwise<TanhOp>>(converter, context,
                                         mathBody<TanhOp, math::TanhOp>);
  patterns.add<LowerElementwise<ErfOp>>(converter, context,
                                        mathBody<ErfOp, math::ErfOp>);
  patterns.add<LowerElementwise<FloorOp>>(converter, context,
                                          mathBody<FloorOp, math::FloorOp>);
  patterns.add<LowerElementwise<CeilOp>>(converter, context,
                                         mathBody<CeilOp, math::CeilOp>);
  patterns.add<LowerElementwise<SinOp>>(converter, context,
                                        mathBody<SinOp, math::SinOp>);
  patterns.add<LowerElementwise<CosOp>>(converter, context,
                                        mathBody<CosOp, math::CosOp>);
  // ONNX Round: half to even.
  patterns.add<LowerElementwise<RoundOp>>(
      converter, context, mathBody<RoundOp, math::RoundEvenOp>);
  patterns.add<LowerElementwise<AbsOp>>(
      converter, context,
      [](AbsOp, OpBuilder &builder, Location loc, ValueRange args) -> Value {
        if (isFloat(args[0]))
          return math::AbsFOp::create(builder, loc, args[0]);
        return math::AbsIOp::create(builder, loc, args[0]);
      });
  patterns.add<LowerElementwise<NegOp>>(
      converter, context,
      [](NegOp, OpBuilder &builder, Location loc, ValueRange args) -> Value {
        if (isFloat(args[0]))
          return arith::NegFOp::create(builder, loc, args[0]);
        return arith::SubIOp::create(
            builder, loc, zeroLike(builder, loc, args[0].getType()), args[0]);
      });
  patterns.add<LowerElementwise<ReluOp>>(
      converter, context,
      [](ReluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        Value zero = zeroLike(builder, loc, args[0].getType());
        return arithmetic<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>(
            builder, loc, {args[0], zero},
            isUnsignedInteger(op.getInput().getType()));
      });
  patterns.add<LowerElementwise<SigmoidOp>>(
      converter, context,
      [](SigmoidOp, OpBuilder &builder, Location loc, ValueRange args) {
        // 1 / (1 + e^-x)
        Type type = args[0].getType();
        Value negated = arith::NegFOp::create(builder, loc, args[0]);
        Value exp = math::ExpOp::create(builder, loc, negated);
        Value one = floatConstant(builder, loc, type, 1.0);
        Value sum = arith::AddFOp::create(builder, loc, one, exp);
        return Value(arith::DivFOp::create(builder, loc, one, sum));
      });
  patterns.add<LowerElementwise<ReciprocalOp>>(
      converter, context,
      [](ReciprocalOp, OpBuilder &builder, Location loc, ValueRange args) {
        Value one = floatConstant(builder, loc, args[0].getType(), 1.0);
        return Value(arith::DivFOp::create(builder, loc, one, args[0]));
      });
  patterns.add<LowerElementwise<LeakyReluOp>>(
      converter, context,
      [](LeakyReluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        Type type = args[0].getType();
        Value zero = zeroLike(builder, loc, type);
        Value alpha = floatConstant(builder, loc, type,
                                    op.getAlpha().convertToDouble());
        Value scaled = arith::MulFOp::create(builder, loc, args[0], alpha);
        Value positive = arith::CmpFOp::create(
            builder, loc, arith::CmpFPredicate::OGE, args[0], zero);
        return Value(
            arith::SelectOp::create(builder, loc, positive, args[0], scaled));
      });
}
