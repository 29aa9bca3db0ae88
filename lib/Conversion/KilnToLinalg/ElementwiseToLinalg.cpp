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

/// Registers the elementwise lowerings, one scalar body per op.
class ElementwisePatterns {
public:
  ElementwisePatterns(const TypeConverter &converter,
                      RewritePatternSet &patterns)
      : converter(converter), patterns(patterns) {}

  template <typename OpTy> void add(ScalarBody<OpTy> body) {
    patterns.add<LowerElementwise<OpTy>>(converter, patterns.getContext(),
                                         body);
  }

private:
  const TypeConverter &converter;
  RewritePatternSet &patterns;
};

bool isFloat(Value value) { return isa<FloatType>(value.getType()); }

Value floatConstant(OpBuilder &builder, Location loc, Type type, double value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getFloatAttr(type, value));
}

/// A float attribute of the op as a constant of the element type `type`.
Value attrConstant(OpBuilder &builder, Location loc, Type type,
                   const APFloat &value) {
  return floatConstant(builder, loc, type, value.convertToDouble());
}

/// `value` as a constant of the float or integer type `type`.
Value numericConstant(OpBuilder &builder, Location loc, Type type,
                      int64_t value) {
  if (isa<FloatType>(type))
    return floatConstant(builder, loc, type, static_cast<double>(value));
  return arith::ConstantOp::create(builder, loc,
                                   builder.getIntegerAttr(type, value));
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
Value compare(OpBuilder &builder, Location loc,
              arith::CmpFPredicate floatPredicate,
              arith::CmpIPredicate signedPredicate,
              arith::CmpIPredicate unsignedPredicate, Value lhs, Value rhs,
              bool isUnsigned) {
  if (isFloat(lhs))
    return arith::CmpFOp::create(builder, loc, floatPredicate, lhs, rhs);
  return arith::CmpIOp::create(
      builder, loc, isUnsigned ? unsignedPredicate : signedPredicate, lhs, rhs);
}

template <typename OpTy, arith::CmpFPredicate floatPredicate,
          arith::CmpIPredicate signedPredicate,
          arith::CmpIPredicate unsignedPredicate>
Value compareBody(OpTy op, OpBuilder &builder, Location loc, ValueRange args) {
  return compare(builder, loc, floatPredicate, signedPredicate,
                 unsignedPredicate, args[0], args[1],
                 isUnsignedInteger(op->getOperand(0).getType()));
}

/// Unary float math op.
template <typename OpTy, typename MathOp>
Value mathBody(OpTy, OpBuilder &builder, Location loc, ValueRange args) {
  return MathOp::create(builder, loc, args[0]);
}

/// Binary op whose arith op needs no signedness (bits, booleans).
template <typename OpTy, typename ArithOp>
Value bitsBody(OpTy, OpBuilder &builder, Location loc, ValueRange args) {
  return ArithOp::create(builder, loc, args[0], args[1]);
}

Value select(OpBuilder &builder, Location loc, Value condition, Value onTrue,
             Value onFalse) {
  return arith::SelectOp::create(builder, loc, condition, onTrue, onFalse);
}

Value isNonNegative(OpBuilder &builder, Location loc, Value x) {
  return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OGE, x,
                               zeroLike(builder, loc, x.getType()));
}

/// x >= 0 ? x : slope * x (LeakyRelu, PRelu).
Value leakyRelu(OpBuilder &builder, Location loc, Value x, Value slope) {
  Value scaled = arith::MulFOp::create(builder, loc, slope, x);
  return select(builder, loc, isNonNegative(builder, loc, x), x, scaled);
}

/// alpha * (e^x - 1), the negative branch of the ELU family.
Value scaledExpMinusOne(OpBuilder &builder, Location loc, Value x,
                        const APFloat &alpha) {
  Type type = x.getType();
  Value exp = math::ExpOp::create(builder, loc, x);
  Value one = floatConstant(builder, loc, type, 1.0);
  Value expMinusOne = arith::SubFOp::create(builder, loc, exp, one);
  return arith::MulFOp::create(
      builder, loc, attrConstant(builder, loc, type, alpha), expMinusOne);
}

/// 1 / (1 + e^-x)
Value sigmoid(OpBuilder &builder, Location loc, Value x) {
  Value negated = arith::NegFOp::create(builder, loc, x);
  Value exp = math::ExpOp::create(builder, loc, negated);
  Value one = floatConstant(builder, loc, x.getType(), 1.0);
  Value sum = arith::AddFOp::create(builder, loc, one, exp);
  return arith::DivFOp::create(builder, loc, one, sum);
}

/// ln(1 + e^x), as ONNX's reference computes it.
Value softplus(OpBuilder &builder, Location loc, Value x) {
  Value exp = math::ExpOp::create(builder, loc, x);
  Value one = floatConstant(builder, loc, x.getType(), 1.0);
  return math::LogOp::create(builder, loc,
                             arith::AddFOp::create(builder, loc, one, exp));
}

/// max(0, min(1, alpha * x + beta))
Value hardSigmoid(OpBuilder &builder, Location loc, Value x, double alpha,
                  double beta) {
  Type type = x.getType();
  Value scaled = arith::MulFOp::create(
      builder, loc, floatConstant(builder, loc, type, alpha), x);
  Value shifted = arith::AddFOp::create(
      builder, loc, scaled, floatConstant(builder, loc, type, beta));
  Value upper = arith::MinimumFOp::create(
      builder, loc, shifted, floatConstant(builder, loc, type, 1.0));
  return arith::MaximumFOp::create(builder, loc, upper,
                                   zeroLike(builder, loc, type));
}

/// 0.5 * x * (1 + erf(x / sqrt(2))), or with tanh(sqrt(2 / pi) * (x +
/// 0.044715 * x^3)) in place of the erf term.
Value gelu(OpBuilder &builder, Location loc, Value x,
           GeluApproximation approximation) {
  Type type = x.getType();
  auto constant = [&](double value) {
    return floatConstant(builder, loc, type, value);
  };
  Value inner;
  if (approximation == GeluApproximation::tanh) {
    Value cube = arith::MulFOp::create(
        builder, loc, x, arith::MulFOp::create(builder, loc, x, x));
    Value sum = arith::AddFOp::create(
        builder, loc, x,
        arith::MulFOp::create(builder, loc, constant(0.044715), cube));
    inner = math::TanhOp::create(
        builder, loc,
        arith::MulFOp::create(
            builder, loc, constant(std::sqrt(2.0 / llvm::numbers::pi)), sum));
  } else {
    inner = math::ErfOp::create(
        builder, loc,
        arith::MulFOp::create(builder, loc, x,
                              constant(llvm::numbers::inv_sqrt2)));
  }
  Value onePlus = arith::AddFOp::create(builder, loc, constant(1.0), inner);
  Value half = arith::MulFOp::create(builder, loc, constant(0.5), x);
  return arith::MulFOp::create(builder, loc, half, onePlus);
}

/// ~x for integers, !x for booleans.
Value bitwiseNot(OpBuilder &builder, Location loc, Value x) {
  Value allOnes = arith::ConstantOp::create(
      builder, loc,
      builder.getIntegerAttr(
          x.getType(), APInt::getAllOnes(x.getType().getIntOrFloatBitWidth())));
  return arith::XOrIOp::create(builder, loc, x, allOnes);
}

/// A clip bound (float attribute for floats, integer one for integers) as
/// a constant of the signless element type.
Value boundConstant(OpBuilder &builder, Location loc, Type type,
                    TypedAttr bound, bool isUnsigned) {
  if (auto floatBound = dyn_cast<FloatAttr>(bound))
    return floatConstant(builder, loc, type, floatBound.getValueAsDouble());
  APInt value = cast<IntegerAttr>(bound).getValue();
  unsigned width = type.getIntOrFloatBitWidth();
  return arith::ConstantOp::create(
      builder, loc,
      builder.getIntegerAttr(type, isUnsigned ? value.zextOrTrunc(width)
                                              : value.sextOrTrunc(width)));
}

/// Shifts by at least the bit width give 0, or the sign for arithmetic
/// right shifts (LLVM leaves them undefined).
Value shift(OpBuilder &builder, Location loc, Value value, Value amount,
            bool left, bool isUnsigned) {
  Type type = value.getType();
  int64_t width = type.getIntOrFloatBitWidth();
  Value inRange =
      arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ult, amount,
                            numericConstant(builder, loc, type, width));
  if (!left && !isUnsigned) {
    Value clamped = select(builder, loc, inRange, amount,
                           numericConstant(builder, loc, type, width - 1));
    return arith::ShRSIOp::create(builder, loc, value, clamped);
  }
  Value shifted =
      left ? Value(arith::ShLIOp::create(builder, loc, value, amount))
           : Value(arith::ShRUIOp::create(builder, loc, value, amount));
  return select(builder, loc, inRange, shifted, zeroLike(builder, loc, type));
}

} // namespace

void mlir::kiln::populateKilnElementwiseToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  ElementwisePatterns elementwise(converter, patterns);

  // Arithmetic.
  elementwise.add<AddOp>(binaryBody<AddOp, arith::AddFOp, arith::AddIOp>);
  elementwise.add<SubOp>(binaryBody<SubOp, arith::SubFOp, arith::SubIOp>);
  elementwise.add<MulOp>(binaryBody<MulOp, arith::MulFOp, arith::MulIOp>);
  elementwise.add<DivOp>(
      binaryBody<DivOp, arith::DivFOp, arith::DivSIOp, arith::DivUIOp>);
  elementwise.add<MaxOp>(
      binaryBody<MaxOp, arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>);
  elementwise.add<MinOp>(
      binaryBody<MinOp, arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp>);
  elementwise.add<ModOp>([](ModOp op, OpBuilder &builder, Location loc,
                            ValueRange args) -> Value {
    Value lhs = args[0], rhs = args[1];
    if (isUnsignedInteger(op.getLhs().getType()))
      return arith::RemUIOp::create(builder, loc, lhs, rhs);
    // The truncated remainder has lhs's sign: C's fmod.
    bool isFloatMod = isFloat(lhs);
    Value remainder =
        isFloatMod ? Value(arith::RemFOp::create(builder, loc, lhs, rhs))
                   : Value(arith::RemSIOp::create(builder, loc, lhs, rhs));
    if (op.getFmod())
      return remainder;
    // Python's mod takes rhs's sign: a nonzero remainder of the other sign
    // moves by one rhs.
    Value zero = zeroLike(builder, loc, lhs.getType());
    auto isNegative = [&](Value value) -> Value {
      if (isFloatMod)
        return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT,
                                     value, zero);
      return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::slt,
                                   value, zero);
    };
    Value nonZero =
        isFloatMod
            ? Value(arith::CmpFOp::create(builder, loc,
                                          arith::CmpFPredicate::ONE,
                                          remainder, zero))
            : Value(arith::CmpIOp::create(builder, loc,
                                          arith::CmpIPredicate::ne, remainder,
                                          zero));
    Value signsDiffer = arith::XOrIOp::create(builder, loc,
                                              isNegative(remainder),
                                              isNegative(rhs));
    Value adjust = arith::AndIOp::create(builder, loc, nonZero, signsDiffer);
    Value moved =
        isFloatMod
            ? Value(arith::AddFOp::create(builder, loc, remainder, rhs))
            : Value(arith::AddIOp::create(builder, loc, remainder, rhs));
    return select(builder, loc, adjust, moved, remainder);
  });
  elementwise.add<PowOp>([](PowOp op, OpBuilder &builder, Location loc,
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
      exponent =
          isUnsignedInteger(op.getRhs().getType())
              ? Value(arith::UIToFPOp::create(builder, loc, type, exponent))
              : Value(arith::SIToFPOp::create(builder, loc, type, exponent));
    else if (exponent.getType().getIntOrFloatBitWidth() >
             type.getIntOrFloatBitWidth())
      exponent = arith::TruncFOp::create(builder, loc, type, exponent);
    else if (exponent.getType() != type)
      exponent = arith::ExtFOp::create(builder, loc, type, exponent);
    return math::PowFOp::create(builder, loc, base, exponent);
  });
  elementwise.add<PReluOp>(
      [](PReluOp, OpBuilder &builder, Location loc, ValueRange args) {
        return leakyRelu(builder, loc, args[0], args[1]);
      });

  // Comparisons and logic.
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  elementwise.add<EqualOp>(compareBody<EqualOp, FP::OEQ, IP::eq, IP::eq>);
  elementwise.add<GreaterOp>(compareBody<GreaterOp, FP::OGT, IP::sgt, IP::ugt>);
  elementwise.add<GreaterEqualOp>(
      compareBody<GreaterEqualOp, FP::OGE, IP::sge, IP::uge>);
  elementwise.add<LessOp>(compareBody<LessOp, FP::OLT, IP::slt, IP::ult>);
  elementwise.add<LessEqualOp>(
      compareBody<LessEqualOp, FP::OLE, IP::sle, IP::ule>);
  elementwise.add<AndOp>(bitsBody<AndOp, arith::AndIOp>);
  elementwise.add<OrOp>(bitsBody<OrOp, arith::OrIOp>);
  elementwise.add<XorOp>(bitsBody<XorOp, arith::XOrIOp>);
  elementwise.add<NotOp>(
      [](NotOp, OpBuilder &builder, Location loc, ValueRange args) {
        return bitwiseNot(builder, loc, args[0]);
      });
  elementwise.add<WhereOp>(
      [](WhereOp, OpBuilder &builder, Location loc, ValueRange args) {
        return select(builder, loc, args[0], args[1], args[2]);
      });

  // Bits.
  elementwise.add<BitwiseAndOp>(bitsBody<BitwiseAndOp, arith::AndIOp>);
  elementwise.add<BitwiseOrOp>(bitsBody<BitwiseOrOp, arith::OrIOp>);
  elementwise.add<BitwiseXorOp>(bitsBody<BitwiseXorOp, arith::XOrIOp>);
  elementwise.add<BitwiseNotOp>(
      [](BitwiseNotOp, OpBuilder &builder, Location loc, ValueRange args) {
        return bitwiseNot(builder, loc, args[0]);
      });
  elementwise.add<ShiftLeftOp>(
      [](ShiftLeftOp op, OpBuilder &builder, Location loc, ValueRange args) {
        return shift(builder, loc, args[0], args[1], /*left=*/true,
                     isUnsignedInteger(op.getLhs().getType()));
      });
  elementwise.add<ShiftRightOp>(
      [](ShiftRightOp op, OpBuilder &builder, Location loc, ValueRange args) {
        return shift(builder, loc, args[0], args[1], /*left=*/false,
                     isUnsignedInteger(op.getLhs().getType()));
      });

  // Unary float math.
  elementwise.add<ExpOp>(mathBody<ExpOp, math::ExpOp>);
  elementwise.add<LogOp>(mathBody<LogOp, math::LogOp>);
  elementwise.add<SqrtOp>(mathBody<SqrtOp, math::SqrtOp>);
  elementwise.add<ErfOp>(mathBody<ErfOp, math::ErfOp>);
  elementwise.add<FloorOp>(mathBody<FloorOp, math::FloorOp>);
  elementwise.add<CeilOp>(mathBody<CeilOp, math::CeilOp>);
  // ONNX Round: half to even.
  elementwise.add<RoundOp>(mathBody<RoundOp, math::RoundEvenOp>);
  elementwise.add<SinOp>(mathBody<SinOp, math::SinOp>);
  elementwise.add<CosOp>(mathBody<CosOp, math::CosOp>);
  elementwise.add<TanOp>(mathBody<TanOp, math::TanOp>);
  elementwise.add<AsinOp>(mathBody<AsinOp, math::AsinOp>);
  elementwise.add<AcosOp>(mathBody<AcosOp, math::AcosOp>);
  elementwise.add<AtanOp>(mathBody<AtanOp, math::AtanOp>);
  elementwise.add<SinhOp>(mathBody<SinhOp, math::SinhOp>);
  elementwise.add<CoshOp>(mathBody<CoshOp, math::CoshOp>);
  elementwise.add<TanhOp>(mathBody<TanhOp, math::TanhOp>);
  elementwise.add<AsinhOp>(mathBody<AsinhOp, math::AsinhOp>);
  elementwise.add<AcoshOp>(mathBody<AcoshOp, math::AcoshOp>);
  elementwise.add<AtanhOp>(mathBody<AtanhOp, math::AtanhOp>);
  elementwise.add<IsNaNOp>([](IsNaNOp, OpBuilder &builder, Location loc,
                              ValueRange args) {
    return Value(arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::UNO,
                                       args[0], args[0]));
  });
  elementwise.add<IsInfOp>([](IsInfOp op, OpBuilder &builder, Location loc,
                              ValueRange args) {
    Value x = args[0];
    auto equals = [&](double infinity) {
      return arith::CmpFOp::create(
          builder, loc, arith::CmpFPredicate::OEQ, x,
          floatConstant(builder, loc, x.getType(), infinity));
    };
    Value result =
        arith::ConstantOp::create(builder, loc, builder.getBoolAttr(false));
    if (op.getDetectPositive())
      result =
          arith::OrIOp::create(builder, loc, result,
                               equals(std::numeric_limits<double>::infinity()));
    if (op.getDetectNegative())
      result = arith::OrIOp::create(
          builder, loc, result,
          equals(-std::numeric_limits<double>::infinity()));
    return result;
  });

  // Numeric unary ops.
  elementwise.add<AbsOp>(
      [](AbsOp, OpBuilder &builder, Location loc, ValueRange args) -> Value {
        if (isFloat(args[0]))
          return math::AbsFOp::create(builder, loc, args[0]);
        return math::AbsIOp::create(builder, loc, args[0]);
      });
  elementwise.add<NegOp>(
      [](NegOp, OpBuilder &builder, Location loc, ValueRange args) -> Value {
        if (isFloat(args[0]))
          return arith::NegFOp::create(builder, loc, args[0]);
        return arith::SubIOp::create(
            builder, loc, zeroLike(builder, loc, args[0].getType()), args[0]);
      });
  elementwise.add<SignOp>([](SignOp op, OpBuilder &builder, Location loc,
                             ValueRange args) {
    Value x = args[0];
    Type type = x.getType();
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    Value zero = zeroLike(builder, loc, type);
    Value negative =
        compare(builder, loc, FP::OLT, IP::slt, IP::ult, x, zero, isUnsigned);
    Value positive =
        compare(builder, loc, FP::OGT, IP::sgt, IP::ugt, x, zero, isUnsigned);
    // Neither positive nor negative: zero, or NaN, which stays.
    Value nonPositive = select(builder, loc, negative,
                               numericConstant(builder, loc, type, -1), x);
    return select(builder, loc, positive,
                  numericConstant(builder, loc, type, 1), nonPositive);
  });
  elementwise.add<ReluOp>(
      [](ReluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        Value zero = zeroLike(builder, loc, args[0].getType());
        return arithmetic<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>(
            builder, loc, {args[0], zero},
            isUnsignedInteger(op.getInput().getType()));
      });
  elementwise.add<ClipOp>([](ClipOp op, OpBuilder &builder, Location loc,
                             ValueRange args) {
    Value result = args[0];
    Type type = result.getType();
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    if (TypedAttr min = op.getMinAttr())
      result = arithmetic<arith::MaximumFOp, arith::MaxSIOp, arith::MaxUIOp>(
          builder, loc,
          {result, boundConstant(builder, loc, type, min, isUnsigned)},
          isUnsigned);
    if (TypedAttr max = op.getMaxAttr())
      result = arithmetic<arith::MinimumFOp, arith::MinSIOp, arith::MinUIOp>(
          builder, loc,
          {result, boundConstant(builder, loc, type, max, isUnsigned)},
          isUnsigned);
    return result;
  });
  elementwise.add<ShrinkOp>([](ShrinkOp op, OpBuilder &builder, Location loc,
                               ValueRange args) {
    // Integers are compared and shifted in f64, then converted back as
    // ONNX's reference does.
    Value x = args[0];
    Type type = x.getType();
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    Type computeType = isFloat(x) ? type : builder.getF64Type();
    if (!isFloat(x))
      x = isUnsigned
              ? Value(arith::UIToFPOp::create(builder, loc, computeType, x))
              : Value(arith::SIToFPOp::create(builder, loc, computeType, x));
    Value lambd = attrConstant(builder, loc, computeType, op.getLambd());
    Value bias = attrConstant(builder, loc, computeType, op.getBias());
    Value below = arith::CmpFOp::create(
        builder, loc, FP::OLT, x, arith::NegFOp::create(builder, loc, lambd));
    Value above = arith::CmpFOp::create(builder, loc, FP::OGT, x, lambd);
    Value result = select(builder, loc, below,
                          arith::AddFOp::create(builder, loc, x, bias),
                          select(builder, loc, above,
                                 arith::SubFOp::create(builder, loc, x, bias),
                                 zeroLike(builder, loc, computeType)));
    if (computeType == type)
      return result;
    if (isUnsigned)
      return Value(arith::FPToUIOp::create(builder, loc, type, result));
    return Value(arith::FPToSIOp::create(builder, loc, type, result));
  });

  // Activations on floats.
  elementwise.add<SigmoidOp>(
      [](SigmoidOp, OpBuilder &builder, Location loc, ValueRange args) {
        return sigmoid(builder, loc, args[0]);
      });
  elementwise.add<ReciprocalOp>(
      [](ReciprocalOp, OpBuilder &builder, Location loc, ValueRange args) {
        Value one = floatConstant(builder, loc, args[0].getType(), 1.0);
        return Value(arith::DivFOp::create(builder, loc, one, args[0]));
      });
  elementwise.add<LeakyReluOp>(
      [](LeakyReluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        return leakyRelu(
            builder, loc, args[0],
            attrConstant(builder, loc, args[0].getType(), op.getAlpha()));
      });
  elementwise.add<EluOp>(
      [](EluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        Value x = args[0];
        return select(builder, loc, isNonNegative(builder, loc, x), x,
                      scaledExpMinusOne(builder, loc, x, op.getAlpha()));
      });
  elementwise.add<SeluOp>([](SeluOp op, OpBuilder &builder, Location loc,
                             ValueRange args) {
    Value x = args[0];
    Type type = x.getType();
    Value positive = arith::CmpFOp::create(builder, loc, FP::OGT, x,
                                           zeroLike(builder, loc, type));
    Value elu = select(builder, loc, positive, x,
                       scaledExpMinusOne(builder, loc, x, op.getAlpha()));
    return Value(arith::MulFOp::create(
        builder, loc, attrConstant(builder, loc, type, op.getGamma()), elu));
  });
  elementwise.add<CeluOp>(
      [](CeluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        Value x = args[0];
        Type type = x.getType();
        Value zero = zeroLike(builder, loc, type);
        Value scaledInput = arith::DivFOp::create(
            builder, loc, x, attrConstant(builder, loc, type, op.getAlpha()));
        Value negativePart = arith::MinimumFOp::create(
            builder, loc, zero,
            scaledExpMinusOne(builder, loc, scaledInput, op.getAlpha()));
        return Value(arith::AddFOp::create(
            builder, loc, arith::MaximumFOp::create(builder, loc, zero, x),
            negativePart));
      });
  elementwise.add<ThresholdedReluOp>([](ThresholdedReluOp op,
                                        OpBuilder &builder, Location loc,
                                        ValueRange args) {
    Value x = args[0];
    Type type = x.getType();
    Value above =
        arith::CmpFOp::create(builder, loc, FP::OGT, x,
                              attrConstant(builder, loc, type, op.getAlpha()));
    return select(builder, loc, above, x, zeroLike(builder, loc, type));
  });
  elementwise.add<HardSigmoidOp>([](HardSigmoidOp op, OpBuilder &builder,
                                    Location loc, ValueRange args) {
    return hardSigmoid(builder, loc, args[0], op.getAlpha().convertToDouble(),
                       op.getBeta().convertToDouble());
  });
  elementwise.add<HardSwishOp>(
      [](HardSwishOp, OpBuilder &builder, Location loc, ValueRange args) {
        Value x = args[0];
        return Value(arith::MulFOp::create(
            builder, loc, x, hardSigmoid(builder, loc, x, 1.0 / 6.0, 0.5)));
      });
  elementwise.add<SoftplusOp>(
      [](SoftplusOp, OpBuilder &builder, Location loc, ValueRange args) {
        return softplus(builder, loc, args[0]);
      });
  elementwise.add<SoftsignOp>(
      [](SoftsignOp, OpBuilder &builder, Location loc, ValueRange args) {
        Value x = args[0];
        Value one = floatConstant(builder, loc, x.getType(), 1.0);
        Value denominator = arith::AddFOp::create(
            builder, loc, one, math::AbsFOp::create(builder, loc, x));
        return Value(arith::DivFOp::create(builder, loc, x, denominator));
      });
  elementwise.add<MishOp>([](MishOp, OpBuilder &builder, Location loc,
                             ValueRange args) {
    Value x = args[0];
    Value tanh = math::TanhOp::create(builder, loc, softplus(builder, loc, x));
    return Value(arith::MulFOp::create(builder, loc, x, tanh));
  });
  elementwise.add<SiluOp>(
      [](SiluOp, OpBuilder &builder, Location loc, ValueRange args) {
        Value x = args[0];
        return Value(
            arith::MulFOp::create(builder, loc, x, sigmoid(builder, loc, x)));
      });
  elementwise.add<GeluOp>(
      [](GeluOp op, OpBuilder &builder, Location loc, ValueRange args) {
        return gelu(builder, loc, args[0], op.getApproximate());
      });
}
