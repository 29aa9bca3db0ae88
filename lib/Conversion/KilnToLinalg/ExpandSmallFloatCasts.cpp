//===- ExpandSmallFloatCasts.cpp - 4/6/8-bit float conversions as bit code -===//
//
// LLVM has no floating-point types narrower than 16 bits: its type converter
// keeps f8E4M3FN & co. as integers of their width, so loads, stores and
// constants work, but nothing converts them to or from real floats. This
// pass rewrites the conversions (arith.extf / truncf / fptosi / fptoui /
// sitofp / uitofp) into integer operations on the f32 / f64 bit patterns.
//
// Upstream's `arith-expand` handles f4E2M1FN and f8E8M0FNU only, and not
// exactly: its f4E2M1FN truncf rounds ties away from zero (2.5 becomes 3),
// its f8E8M0FNU extf decodes the code 0 as 0.0 instead of 2^-127.
//
//===----------------------------------------------------------------------===//

#include "kiln/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace mlir::kiln {
#define GEN_PASS_DEF_EXPANDSMALLFLOATCASTSPASS
#include "kiln/Conversion/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;

namespace {

/// The encoding of a float type of at most 8 bits, read off its APFloat
/// semantics. All but f8E8M0FNU are sign-magnitude: a sign bit, then
/// exponent and mantissa fields, the exponent field 0 holding subnormals.
struct SmallFloatFormat {
  unsigned width;
  unsigned mantissaBits;
  /// Exponent of the smallest normal number (1 - bias).
  int minExponent;
  /// f8E8M0FNU: an unsigned exponent alone, 2^(code - 127), 0xFF is NaN.
  bool isExponentOnly;
  bool hasInf;
  bool hasNaN;
  /// FNUZ formats: the one NaN is the code of -0 (and there is no -0).
  bool nanIsNegativeZero;
  /// Codes without the sign bit.
  uint64_t largestMagnitude;
  uint64_t infMagnitude;
  uint64_t nanMagnitude;

  uint64_t signBit() const { return uint64_t(1) << (width - 1); }
  /// The whole NaN code of FNUZ formats.
  uint64_t negativeZeroCode() const { return signBit(); }
};

/// Returns the format of `type` if it is a float type of at most 8 bits.
std::optional<SmallFloatFormat> getSmallFloatFormat(Type type) {
  auto floatType = dyn_cast<FloatType>(type);
  if (!floatType || floatType.getWidth() > 8)
    return std::nullopt;
  const llvm::fltSemantics &semantics = floatType.getFloatSemantics();
  auto bits = [](const APFloat &value) {
    return value.bitcastToAPInt().getZExtValue();
  };
  SmallFloatFormat format;
  format.width = floatType.getWidth();
  format.mantissaBits = APFloat::semanticsPrecision(semantics) - 1;
  format.minExponent = APFloat::semanticsMinExponent(semantics);
  format.isExponentOnly = isa<Float8E8M0FNUType>(floatType);
  format.hasInf = APFloat::semanticsHasInf(semantics);
  format.hasNaN = APFloat::semanticsHasNaN(semantics);
  uint64_t magnitudeMask = format.signBit() - 1;
  format.largestMagnitude = bits(APFloat::getLargest(semantics)) & magnitudeMask;
  format.infMagnitude =
      format.hasInf ? bits(APFloat::getInf(semantics)) & magnitudeMask : 0;
  uint64_t nan = format.hasNaN ? bits(APFloat::getQNaN(semantics)) : 0;
  format.nanIsNegativeZero =
      format.hasNaN && !format.isExponentOnly && nan == format.signBit();
  format.nanMagnitude = nan & magnitudeMask;
  return format;
}

bool isSmallFloat(Type type) {
  return getSmallFloatFormat(getElementTypeOrSelf(type)).has_value();
}

Value intConstant(ImplicitLocOpBuilder &b, Type type, uint64_t value) {
  return arith::ConstantOp::create(
      b, IntegerAttr::get(type, APInt(type.getIntOrFloatBitWidth(), value)));
}

Value floatConstant(ImplicitLocOpBuilder &b, FloatType type, double value) {
  return arith::ConstantOp::create(b, FloatAttr::get(type, value));
}

/// Decodes `code` (of a small float type) into the f32 it denotes; every
/// value of these formats is exact in f32.
Value decodeToF32(ImplicitLocOpBuilder &b, Value code,
                  const SmallFloatFormat &format) {
  Type i32 = b.getI32Type();
  auto c = [&](uint64_t value) { return intConstant(b, i32, value); };
  Value raw = arith::ExtUIOp::create(
      b, i32,
      arith::BitcastOp::create(b, b.getIntegerType(format.width), code));
  constexpr uint64_t kF32NaN = 0x7FC00000, kF32Inf = 0x7F800000;
  Value bits;
  if (format.isExponentOnly) {
    // 2^(X - 127) is the f32 with exponent field X, except 2^-127, which is
    // the subnormal 0x00400000.
    bits = arith::ShLIOp::create(b, raw, c(23));
    bits = arith::SelectOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::eq, raw, c(0)),
        c(0x00400000), bits);
    bits = arith::SelectOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::eq, raw, c(0xFF)),
        c(kF32NaN), bits);
    return arith::BitcastOp::create(b, b.getF32Type(), bits);
  }
  unsigned mantissaBits = format.mantissaBits;
  int64_t bias = 1 - format.minExponent;
  Value magnitude = arith::AndIOp::create(b, raw, c(format.signBit() - 1));
  // Normal: the fields move into place and the exponent is re-biased.
  Value normal = arith::AddIOp::create(
      b, arith::ShLIOp::create(b, magnitude, c(23 - mantissaBits)),
      c(static_cast<uint64_t>(127 - bias) << 23));
  // Subnormal: mantissa * 2^(minExponent - mantissaBits), exact in f32.
  Value mantissa =
      arith::AndIOp::create(b, magnitude, c((uint64_t(1) << mantissaBits) - 1));
  Value subnormalValue = arith::MulFOp::create(
      b, arith::UIToFPOp::create(b, b.getF32Type(), mantissa),
      floatConstant(b, b.getF32Type(),
                    std::ldexp(1.0, format.minExponent -
                                        static_cast<int>(mantissaBits))));
  Value isSubnormal =
      arith::CmpIOp::create(b, arith::CmpIPredicate::ult, magnitude,
                            c(uint64_t(1) << mantissaBits));
  bits = arith::SelectOp::create(
      b, isSubnormal, arith::BitcastOp::create(b, i32, subnormalValue),
      normal);
  if (format.hasInf)
    bits = arith::SelectOp::create(
        b,
        arith::CmpIOp::create(b, arith::CmpIPredicate::eq, magnitude,
                              c(format.infMagnitude)),
        c(kF32Inf), bits);
  if (format.hasNaN) {
    Value isNaN =
        format.nanIsNegativeZero
            ? arith::CmpIOp::create(b, arith::CmpIPredicate::eq, raw,
                                    c(format.negativeZeroCode()))
            : arith::CmpIOp::create(b, arith::CmpIPredicate::ugt, magnitude,
                                    c(format.hasInf ? format.infMagnitude
                                                    : format.largestMagnitude));
    bits = arith::SelectOp::create(b, isNaN, c(kF32NaN), bits);
  }
  Value sign = arith::ShLIOp::create(
      b, arith::ShRUIOp::create(b, raw, c(format.width - 1)), c(31));
  return arith::BitcastOp::create(b, b.getF32Type(),
                                  arith::OrIOp::create(b, bits, sign));
}

/// Rounds `value` (f32 or f64) to the nearest code of `format`, ties to
/// even. Out-of-range magnitudes (and infinities) become infinity where the
/// format has one, else NaN where it has one, else the largest finite value;
/// NaN becomes NaN, or a zero of its sign in formats without NaN (as
/// APFloat converts).
Value encodeFromIEEE(ImplicitLocOpBuilder &b, Value value, FloatType target,
                     const SmallFloatFormat &format) {
  auto source = cast<FloatType>(value.getType());
  const llvm::fltSemantics &sourceSemantics = source.getFloatSemantics();
  unsigned sourceWidth = source.getWidth();
  unsigned sourceMantissaBits =
      APFloat::semanticsPrecision(sourceSemantics) - 1;
  int64_t sourceBias = 1 - APFloat::semanticsMinExponent(sourceSemantics);
  Type intType = b.getIntegerType(sourceWidth);
  auto c = [&](uint64_t v) { return intConstant(b, intType, v); };
  auto select = [&](Value condition, Value whenTrue, Value whenFalse) {
    return arith::SelectOp::create(b, condition, whenTrue, whenFalse);
  };
  auto compare = [&](arith::CmpIPredicate predicate, Value lhs, Value rhs) {
    return arith::CmpIOp::create(b, predicate, lhs, rhs);
  };

  uint64_t sourceSign = uint64_t(1) << (sourceWidth - 1);
  Value bits = arith::BitcastOp::create(b, intType, value);
  Value magnitude = arith::AndIOp::create(b, bits, c(sourceSign - 1));
  Value negative = compare(arith::CmpIPredicate::ne,
                           arith::AndIOp::create(b, bits, c(sourceSign)),
                           c(0));

  // Normal range: drop the extra mantissa bits rounding to nearest even
  // (add half an ulp minus one, plus the kept lsb), then re-bias the
  // exponent; a carry out of the mantissa bumps the exponent as it should.
  unsigned mantissaBits = format.mantissaBits;
  int64_t bias = 1 - format.minExponent;
  unsigned shift = sourceMantissaBits - mantissaBits;
  Value keptLsb = arith::AndIOp::create(
      b, arith::ShRUIOp::create(b, magnitude, c(shift)), c(1));
  Value rounded = arith::ShRUIOp::create(
      b,
      arith::AddIOp::create(
          b, arith::AddIOp::create(b, magnitude, c((uint64_t(1) << (shift - 1)) - 1)),
          keptLsb),
      c(shift));
  Value normal = arith::SubIOp::create(
      b, rounded, c(static_cast<uint64_t>(sourceBias - bias) << mantissaBits));

  // Subnormal range: |value| counted in units of the smallest subnormal,
  // rounded to nearest even. The clamp keeps the (unused) conversion of
  // large values in range; the product is exact (a power of two).
  double smallestNormal = std::ldexp(1.0, format.minExponent);
  Value absolute = arith::BitcastOp::create(b, source, magnitude);
  Value clamped = arith::MinNumFOp::create(
      b, absolute, floatConstant(b, source, smallestNormal));
  Value units = arith::MulFOp::create(
      b, clamped,
      floatConstant(b, source,
                    std::ldexp(1.0, static_cast<int>(mantissaBits) -
                                        format.minExponent)));
  Value subnormal = arith::FPToUIOp::create(
      b, intType, math::RoundEvenOp::create(b, units));
  uint64_t smallestNormalBits =
      static_cast<uint64_t>(format.minExponent + sourceBias)
      << sourceMantissaBits;
  Value code = select(
      compare(arith::CmpIPredicate::uge, magnitude, c(smallestNormalBits)),
      normal, subnormal);

  Value sign = select(negative, c(format.signBit()), c(0));
  Value finite = arith::OrIOp::create(b, sign, code);
  if (format.nanIsNegativeZero)
    finite = select(compare(arith::CmpIPredicate::eq, code, c(0)), c(0),
                    finite);
  Value overflow;
  if (format.hasInf)
    overflow = arith::OrIOp::create(b, sign, c(format.infMagnitude));
  else if (format.nanIsNegativeZero)
    overflow = c(format.negativeZeroCode());
  else if (format.hasNaN)
    overflow = arith::OrIOp::create(b, sign, c(format.nanMagnitude));
  else
    overflow = arith::OrIOp::create(b, sign, c(format.largestMagnitude));
  Value nan;
  if (format.nanIsNegativeZero)
    nan = c(format.negativeZeroCode());
  else if (format.hasNaN)
    nan = arith::OrIOp::create(b, sign, c(format.nanMagnitude));
  else
    nan = sign;

  uint64_t sourceInfBits = ((uint64_t(1) << (sourceWidth - 1 -
                                             sourceMantissaBits)) -
                            1)
                           << sourceMantissaBits;
  Value result = select(
      compare(arith::CmpIPredicate::ugt, code, c(format.largestMagnitude)),
      overflow, finite);
  result = select(compare(arith::CmpIPredicate::ugt, magnitude, c(sourceInfBits)),
                  nan, result);
  return arith::BitcastOp::create(
      b, target,
      arith::TruncIOp::create(b, b.getIntegerType(format.width), result));
}

/// `value` (f32) as `type`: exact for the values of small formats.
Value convertF32To(ImplicitLocOpBuilder &b, Value value, Type type) {
  unsigned width = type.getIntOrFloatBitWidth();
  if (width == 32 && type.isF32())
    return value;
  if (width > 32)
    return arith::ExtFOp::create(b, type, value);
  return arith::TruncFOp::create(b, type, value);
}

/// arith.extf from a small float: decode to f32, then to the result type
/// (exact: every small float value is a value of f16, bf16, f32 and f64, except
/// E8M0's extreme powers of two, which round once in f16 / bf16).
struct ExpandSmallExtF : OpRewritePattern<arith::ExtFOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(arith::ExtFOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallFloatFormat> format =
        getSmallFloatFormat(op.getIn().getType());
    if (!format)
      return rewriter.notifyMatchFailure(op, "not from a small float");
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value decoded = decodeToF32(b, op.getIn(), *format);
    rewriter.replaceOp(op, convertF32To(b, decoded, op.getType()));
    return success();
  }
};

/// arith.truncf to a small float: from f32 or f64 directly (one rounding);
/// f16 / bf16 and small floats are first extended to f32 (exact).
struct ExpandSmallTruncF : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallFloatFormat> format =
        getSmallFloatFormat(op.getType());
    if (!format)
      return rewriter.notifyMatchFailure(op, "not to a small float");
    if (format->isExponentOnly)
      return rewriter.notifyMatchFailure(op, "rounding to f8E8M0FNU");
    if (op.getRoundingmodeAttr() &&
        *op.getRoundingmode() != arith::RoundingMode::to_nearest_even)
      return rewriter.notifyMatchFailure(op, "not rounding to nearest even");
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    Value input = op.getIn();
    Type inputType = input.getType();
    if (!inputType.isF32() && !inputType.isF64())
      input = arith::ExtFOp::create(b, b.getF32Type(), input);
    rewriter.replaceOp(op, encodeFromIEEE(b, input,
                                          cast<FloatType>(op.getType()),
                                          *format));
    return success();
  }
};

/// fptosi / fptoui from a small float convert its f32 value.
template <typename OpTy>
struct ExpandSmallFPToInt : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!isSmallFloat(op.getIn().getType()))
      return rewriter.notifyMatchFailure(op, "not from a small float");
    Value wide = arith::ExtFOp::create(rewriter, op.getLoc(),
                                       rewriter.getF32Type(), op.getIn());
    rewriter.replaceOpWithNewOp<OpTy>(op, op.getType(), wide);
    return success();
  }
};

/// sitofp / uitofp to a small float go through f64, which holds every
/// integer that does not overflow the small format exactly: one rounding.
template <typename OpTy>
struct ExpandSmallIntToFP : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!isSmallFloat(op.getType()))
      return rewriter.notifyMatchFailure(op, "not to a small float");
    Value wide = OpTy::create(rewriter, op.getLoc(), rewriter.getF64Type(),
                              op.getIn());
    rewriter.replaceOpWithNewOp<arith::TruncFOp>(op, op.getType(), wide);
    return success();
  }
};

struct ExpandSmallFloatCastsPass
    : kiln::impl::ExpandSmallFloatCastsPassBase<ExpandSmallFloatCastsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    kiln::populateExpandSmallFloatCastsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    // What the patterns leave has no lowering to LLVM.
    WalkResult result = getOperation()->walk([](Operation *op) {
      if (!isa<arith::ExtFOp, arith::TruncFOp, arith::FPToSIOp,
               arith::FPToUIOp, arith::SIToFPOp, arith::UIToFPOp>(op))
        return WalkResult::advance();
      if (!isSmallFloat(op->getOperand(0).getType()) &&
          !isSmallFloat(op->getResult(0).getType()))
        return WalkResult::advance();
      op->emitOpError("converts ")
          << op->getOperand(0).getType() << " to "
          << op->getResult(0).getType()
          << ", which has no expansion (rounding to f8E8M0FNU, or a "
             "rounding mode other than to_nearest_even)";
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace

void mlir::kiln::populateExpandSmallFloatCastsPatterns(
    RewritePatternSet &patterns) {
  patterns.add<ExpandSmallExtF, ExpandSmallTruncF,
               ExpandSmallFPToInt<arith::FPToSIOp>,
               ExpandSmallFPToInt<arith::FPToUIOp>,
               ExpandSmallIntToFP<arith::SIToFPOp>,
               ExpandSmallIntToFP<arith::UIToFPOp>>(patterns.getContext());
}
