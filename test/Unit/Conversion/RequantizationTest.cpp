//===- RequantizationTest.cpp - integer requantization against real math --===//
//
// The integer-only requantization (Requantization.h) must give
// saturate(round_half_to_even(acc * scale) + zero_point) exactly, except
// where acc * scale lies within the dyadic multiplier's approximation error
// of a tie; there it may differ by one. The IR builder must compute the
// scalar reference bit for bit.
//
//===----------------------------------------------------------------------===//

#include "Requantization.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/Support/MathExtras.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <limits>
#include <random>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// A quantized storage type's range and a zero point inside it.
struct Storage {
  const char *name;
  int64_t min, max, zeroPoint;
};

constexpr Storage kStorages[] = {
    {"int8", -128, 127, 0},        {"int8 zp -3", -128, 127, -3},
    {"uint8 zp 128", 0, 255, 128}, {"uint8 zp 0", 0, 255, 0},
    {"int4 zp 1", -8, 7, 1},       {"int16", -32768, 32767, 0},
};

/// The real-valued definition, in double (nearbyint rounds half to even in
/// the default rounding mode).
int64_t realRequantize(int64_t acc, double scale, const Storage &storage) {
  double rounded = std::nearbyint(static_cast<double>(acc) * scale);
  double shifted = rounded + static_cast<double>(storage.zeroPoint);
  return static_cast<int64_t>(std::clamp(shifted,
                                         static_cast<double>(storage.min),
                                         static_cast<double>(storage.max)));
}

/// Whether acc * scale lies so close to a tie (k + 0.5) that the dyadic
/// approximation may round it the other way: within |acc| times the
/// multiplier's error, plus the double product's own rounding error.
bool isNearTie(int64_t acc, double scale, DyadicMultiplier multiplier) {
  double product = static_cast<double>(acc) * scale;
  double tie = std::floor(product) + 0.5;
  double error = std::abs(static_cast<double>(acc)) *
                     std::abs(multiplier.value() - scale) +
                 std::abs(product) * 0x1p-50 + 0x1p-60;
  return std::abs(product - tie) <= error;
}

/// Compares the integer requantization with the real-valued one over
/// `accumulators` for every storage type; returns how many results differed
/// (each by one, next to a tie).
int64_t compareWithRealMath(double scale, ArrayRef<int64_t> accumulators) {
  std::optional<DyadicMultiplier> multiplier = computeDyadicMultiplier(scale);
  EXPECT_TRUE(multiplier.has_value()) << "scale " << scale;
  if (!multiplier)
    return 0;
  int64_t nearTieMismatches = 0;
  for (const Storage &storage : kStorages) {
    for (int64_t acc : accumulators) {
      int64_t integer = requantizeReference(acc, *multiplier, storage.zeroPoint,
                                            storage.min, storage.max);
      int64_t real = realRequantize(acc, scale, storage);
      if (integer == real)
        continue;
      ++nearTieMismatches;
      EXPECT_TRUE(std::abs(integer - real) == 1 &&
                  isNearTie(acc, scale, *multiplier))
          << storage.name << ": acc " << acc << " * scale " << scale << " gave "
          << integer << ", real math " << real;
    }
  }
  return nearTieMismatches;
}

std::vector<int64_t> int16Range() {
  std::vector<int64_t> values;
  for (int64_t acc = std::numeric_limits<int16_t>::min();
       acc <= std::numeric_limits<int16_t>::max(); ++acc)
    values.push_back(acc);
  return values;
}

std::vector<int64_t> randomValues(std::mt19937_64 &rng, int64_t count,
                                  int64_t low, int64_t high) {
  std::uniform_int_distribution<int64_t> distribution(low, high);
  std::vector<int64_t> values;
  for (int64_t i = 0; i < count; ++i)
    values.push_back(distribution(rng));
  return values;
}

std::vector<double> randomScales(std::mt19937_64 &rng, int64_t count) {
  std::uniform_real_distribution<double> exponent(std::log(1e-6),
                                                  std::log(1e2));
  std::vector<double> scales;
  for (int64_t i = 0; i < count; ++i)
    scales.push_back(std::exp(exponent(rng)));
  return scales;
}

TEST(RequantizationTest, DyadicMultiplierIsNormalizedAndAccurate) {
  std::mt19937_64 rng(1);
  std::vector<double> scales = randomScales(rng, 10000);
  scales.insert(scales.end(), {1.0, 0.5, 0.75, 2.5, 100.0, 0x1.fffffffp29,
                               0x1p-33, 0x1.fffffffcp-1});
  for (double scale : scales) {
    std::optional<DyadicMultiplier> multiplier = computeDyadicMultiplier(scale);
    ASSERT_TRUE(multiplier.has_value()) << scale;
    EXPECT_GE(multiplier->multiplier, int64_t(1) << 30) << scale;
    EXPECT_GE(multiplier->shift, 1) << scale;
    EXPECT_LE(multiplier->shift, DyadicMultiplier::kMaxShift) << scale;
    EXPECT_LE(std::abs(multiplier->value() - scale), scale * 0x1p-31) << scale;
  }
  // A fraction rounding up to 2^31 renormalizes.
  EXPECT_EQ(computeDyadicMultiplier(0x1.fffffffffp-1),
            (DyadicMultiplier{1 << 30, 30}));
}

TEST(RequantizationTest, DyadicMultiplierOfPowersOfTwoIsExact) {
  for (int exponent = -33; exponent < 30; ++exponent) {
    double scale = std::ldexp(1.0, exponent);
    std::optional<DyadicMultiplier> multiplier = computeDyadicMultiplier(scale);
    ASSERT_TRUE(multiplier.has_value()) << scale;
    EXPECT_EQ(multiplier->multiplier, 1 << 30);
    EXPECT_EQ(multiplier->shift, 30 - exponent);
    EXPECT_EQ(multiplier->value(), scale);
  }
}

TEST(RequantizationTest, DyadicMultiplierRange) {
  for (double scale : {0.0, -0.5, std::nan(""),
                       std::numeric_limits<double>::infinity(), 0x1p30, 1e12})
    EXPECT_FALSE(computeDyadicMultiplier(scale).has_value()) << scale;
  // Below 2^-33 every |acc| < 2^32 rounds to 0: the multiplier is 0.
  for (double scale : {0x1p-34, 1e-12, 1e-300, 4.9e-324}) {
    EXPECT_EQ(computeDyadicMultiplier(scale),
              (DyadicMultiplier{0, DyadicMultiplier::kMaxShift}))
        << scale;
    EXPECT_EQ(requantizeReference((int64_t(1) << 32) - 1,
                                  *computeDyadicMultiplier(scale), 5, -128,
                                  127),
              5);
  }
  // At 1.5 * 2^-33 (shift 63) the largest accumulators still round to +-1.
  DyadicMultiplier smallest = *computeDyadicMultiplier(0x1.8p-33);
  EXPECT_EQ(smallest, (DyadicMultiplier{3 << 29, DyadicMultiplier::kMaxShift}));
  EXPECT_EQ(requantizeReference((int64_t(1) << 32) - 1, smallest, 0, -8, 7), 1);
  EXPECT_EQ(requantizeReference(-(int64_t(1) << 32) + 1, smallest, 0, -8, 7),
            -1);
  EXPECT_EQ(requantizeReference(int64_t(1) << 30, smallest, 0, -8, 7), 0);
}

TEST(RequantizationTest, RoundingRightShiftBreaksTiesToEven) {
  // value / 2^shift:         0.5 1.5 2.5 -0.5 -1.5 -2.5 0.25 0.75 -0.75
  const int64_t values[] = {1, 3, 5, -1, -3, -5, 1, 3, -3};
  const int32_t shifts[] = {1, 1, 1, 1, 1, 1, 2, 2, 2};
  const int64_t expected[] = {0, 2, 2, 0, -2, -2, 0, 1, -1};
  for (size_t i = 0; i < std::size(values); ++i)
    EXPECT_EQ(roundingRightShift(values[i], shifts[i]), expected[i])
        << values[i] << " / 2^" << shifts[i];
  for (int32_t shift = 1; shift <= 63; ++shift) {
    int64_t half = int64_t(1) << (shift - 1);
    EXPECT_EQ(roundingRightShift(half, shift), 0) << shift;
    EXPECT_EQ(roundingRightShift(-half, shift), 0) << shift;
    EXPECT_EQ(roundingRightShift(std::numeric_limits<int64_t>::max(), shift),
              shift == 63 ? 1 : (int64_t(1) << (63 - shift)))
        << shift;
    EXPECT_EQ(roundingRightShift(std::numeric_limits<int64_t>::min(), shift),
              -(int64_t(1) << (63 - shift)))
        << shift;
  }
}

TEST(RequantizationTest, ExactTiesFollowTheRealRounding) {
  // Scales whose dyadic form is exact: every tie (x.5 products, positive
  // and negative) must round half to even exactly as real math does.
  ASSERT_EQ(std::fegetround(), FE_TONEAREST);
  std::vector<int64_t> accumulators = int16Range();
  for (double scale :
       {0.5, 0.25, 1.5, 2.5, 0.125, 0.375, 1.0, 3.0, 0x1p-10, 0x1p-20}) {
    ASSERT_EQ(computeDyadicMultiplier(scale)->value(), scale);
    EXPECT_EQ(compareWithRealMath(scale, accumulators), 0) << scale;
  }
  DyadicMultiplier half = *computeDyadicMultiplier(0.5);
  EXPECT_EQ(requantizeReference(1, half, 0, -128, 127), 0);
  EXPECT_EQ(requantizeReference(3, half, 0, -128, 127), 2);
  EXPECT_EQ(requantizeReference(5, half, 0, -128, 127), 2);
  EXPECT_EQ(requantizeReference(-1, half, 0, -128, 127), 0);
  EXPECT_EQ(requantizeReference(-3, half, 0, -128, 127), -2);
  EXPECT_EQ(requantizeReference(-5, half, 3, -128, 127), 1);
}

TEST(RequantizationTest, MatchesRealMathOverTheInt16Range) {
  std::mt19937_64 rng(2);
  std::vector<double> scales = randomScales(rng, 300);
  scales.insert(scales.end(), {1.0, 2.0, 2.5, 1.0 / 3, 0.0078125, 1e-6,
                               3.0517578125e-05, 0.999999});
  std::vector<int64_t> accumulators = int16Range();
  int64_t mismatches = 0, comparisons = 0;
  for (double scale : scales) {
    mismatches += compareWithRealMath(scale, accumulators);
    comparisons += accumulators.size() * std::size(kStorages);
  }
  std::printf("int16 accumulators: %lld comparisons over %zu scales, %lld "
              "off by one next to a tie\n",
              static_cast<long long>(comparisons), scales.size(),
              static_cast<long long>(mismatches));
  EXPECT_LE(mismatches, comparisons / 1000000);
}

TEST(RequantizationTest, DecimalScalesDifferOnlyAtTheirTies) {
  // acc * 0.1 is a tie for every acc = 10k + 5 in real math, but the double
  // 0.1 and its dyadic form lie on either side of 0.1 by less than the
  // multiplier's error: such products may round either way. They must all
  // be near-tie cases (compareWithRealMath checks it).
  std::vector<int64_t> accumulators = int16Range();
  for (double scale : {0.1, 0.3, 7.3, 99.9}) {
    int64_t mismatches = compareWithRealMath(scale, accumulators);
    std::printf("scale %g: %lld of %zu results off by one at a decimal tie\n",
                scale, static_cast<long long>(mismatches),
                accumulators.size() * std::size(kStorages));
  }
}

TEST(RequantizationTest, MatchesRealMathForRandomInt32Accumulators) {
  std::mt19937_64 rng(3);
  std::vector<double> scales = randomScales(rng, 2000);
  int64_t mismatches = 0, comparisons = 0;
  for (double scale : scales) {
    // Accumulators scaled into about the storage range, where rounding
    // decides the result, and the full int32 range.
    int64_t reach = static_cast<int64_t>(std::min(2e9, 300 / scale)) + 1;
    std::vector<int64_t> accumulators = randomValues(rng, 2000, -reach, reach);
    std::vector<int64_t> wide =
        randomValues(rng, 500, std::numeric_limits<int32_t>::min(),
                     std::numeric_limits<int32_t>::max());
    accumulators.insert(accumulators.end(), wide.begin(), wide.end());
    mismatches += compareWithRealMath(scale, accumulators);
    comparisons += accumulators.size() * std::size(kStorages);
  }
  std::printf("int32 accumulators: %lld comparisons over %zu scales, %lld "
              "off by one next to a tie\n",
              static_cast<long long>(comparisons), scales.size(),
              static_cast<long long>(mismatches));
  EXPECT_LE(mismatches, comparisons / 100000);
}

TEST(RequantizationTest, WideAccumulatorsIntoInt32Storage) {
  // Requantizing i32-stored values: acc = stored - zero point reaches
  // +-(2^32 - 1), the product stays below 2^63, and results do not saturate
  // early. Far from the 8-bit range the multiplier's relative error of
  // 2^-31 may move many products across a tie, so only the rule is checked.
  std::mt19937_64 rng(4);
  const Storage int32Storage = {"int32", std::numeric_limits<int32_t>::min(),
                                std::numeric_limits<int32_t>::max(), 7};
  std::vector<double> scales = randomScales(rng, 200);
  scales.push_back(0x1.fffffffp-1);
  for (double scale : scales) {
    DyadicMultiplier multiplier = *computeDyadicMultiplier(scale);
    std::vector<int64_t> accumulators = randomValues(
        rng, 5000, -(int64_t(1) << 32) + 1, (int64_t(1) << 32) - 1);
    accumulators.insert(accumulators.end(),
                        {(int64_t(1) << 32) - 1, -(int64_t(1) << 32) + 1, 0});
    for (int64_t acc : accumulators) {
      int64_t integer =
          requantizeReference(acc, multiplier, int32Storage.zeroPoint,
                              int32Storage.min, int32Storage.max);
      int64_t real = realRequantize(acc, scale, int32Storage);
      if (integer != real)
        EXPECT_TRUE(std::abs(integer - real) == 1 &&
                    isNearTie(acc, scale, multiplier))
            << "acc " << acc << " * scale " << scale << " gave " << integer
            << ", real math " << real;
    }
  }
}

//===----------------------------------------------------------------------===//
// The IR builders, evaluated by constant folding
//===----------------------------------------------------------------------===//

/// Builds `count` requantizations with `build` into one function, folds
/// them to constants and returns their values.
class FoldedIR {
public:
  FoldedIR() { context.loadDialect<arith::ArithDialect, func::FuncDialect>(); }

  std::vector<int64_t>
  evaluate(int64_t count,
           function_ref<Value(OpBuilder &, Location, int64_t index)> build) {
    OpBuilder builder(&context);
    Location loc = builder.getUnknownLoc();
    OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
    builder.setInsertionPointToEnd(module->getBody());
    auto function = func::FuncOp::create(builder, loc, "requantize",
                                         builder.getFunctionType({}, {}));
    builder.setInsertionPointToEnd(function.addEntryBlock());
    SmallVector<Value> results;
    for (int64_t index = 0; index < count; ++index)
      results.push_back(build(builder, loc, index));
    func::ReturnOp::create(builder, loc, results);
    function.setType(
        builder.getFunctionType({}, ValueRange(results).getTypes()));
    EXPECT_TRUE(
        succeeded(applyPatternsGreedily(function, FrozenRewritePatternSet())));
    std::vector<int64_t> values;
    auto terminator =
        cast<func::ReturnOp>(function.getBody().front().getTerminator());
    for (Value result : terminator.getOperands()) {
      IntegerAttr value;
      if (auto constant = result.getDefiningOp<arith::ConstantOp>())
        value = dyn_cast<IntegerAttr>(constant.getValue());
      EXPECT_TRUE(value) << "did not fold to a constant";
      values.push_back(value ? value.getValue().getSExtValue() : 0);
    }
    return values;
  }

  MLIRContext context;
};

Value integerConstant(OpBuilder &builder, Location loc, unsigned width,
                      int64_t value) {
  return arith::ConstantOp::create(
      builder, loc,
      builder.getIntegerAttr(builder.getIntegerType(width), value));
}

TEST(RequantizationTest, IRMatchesTheReference) {
  FoldedIR ir;
  std::mt19937_64 rng(5);
  std::vector<double> scales = randomScales(rng, 25);
  scales.insert(scales.end(), {0.5, 2.5, 1.0, 1e-12, 0x1p-33});
  for (const Storage &storage : kStorages) {
    unsigned width = 64 - __builtin_clzll(storage.max - storage.min);
    StorageRange range = {storage.min, storage.max,
                          IntegerType::get(&ir.context, width)};
    for (double scale : scales) {
      DyadicMultiplier multiplier = *computeDyadicMultiplier(scale);
      std::vector<int64_t> accumulators = randomValues(
          rng, 60, -static_cast<int64_t>(std::min(2e9, 300 / scale)) - 1,
          static_cast<int64_t>(std::min(2e9, 300 / scale)) + 1);
      accumulators.insert(accumulators.end(),
                          {0, 1, -1, std::numeric_limits<int32_t>::min(),
                           std::numeric_limits<int32_t>::max()});
      std::vector<int64_t> folded =
          ir.evaluate(accumulators.size(), [&](OpBuilder &builder, Location loc,
                                               int64_t index) {
            // i32 accumulators, parameters of the widths the tables use.
            RequantizeScalars parameters = {
                integerConstant(builder, loc, 32, multiplier.multiplier),
                integerConstant(builder, loc, 8, multiplier.shift),
                integerConstant(builder, loc, 64, storage.zeroPoint)};
            return buildRequantize(
                builder, loc,
                integerConstant(builder, loc, 32, accumulators[index]),
                parameters, range);
          });
      for (size_t i = 0; i < accumulators.size(); ++i) {
        int64_t expected =
            requantizeReference(accumulators[i], multiplier, storage.zeroPoint,
                                storage.min, storage.max);
        // The folded value is the storage type's bits.
        int64_t stored = llvm::SignExtend64(folded[i], width);
        if (storage.min >= 0)
          stored = folded[i] & ((int64_t(1) << width) - 1);
        EXPECT_EQ(stored, expected) << storage.name << ": acc "
                                    << accumulators[i] << " * scale " << scale;
      }
    }
  }
}

TEST(RequantizationTest, IRHandlesWideAccumulators) {
  // i64 accumulators (stored value minus zero point of an i32 storage).
  FoldedIR ir;
  std::mt19937_64 rng(6);
  StorageRange int32Range = {std::numeric_limits<int32_t>::min(),
                             std::numeric_limits<int32_t>::max(),
                             IntegerType::get(&ir.context, 32)};
  for (double scale : randomScales(rng, 30)) {
    DyadicMultiplier multiplier = *computeDyadicMultiplier(scale);
    std::vector<int64_t> accumulators =
        randomValues(rng, 50, -(int64_t(1) << 32) + 1, (int64_t(1) << 32) - 1);
    std::vector<int64_t> folded =
        ir.evaluate(accumulators.size(), [&](OpBuilder &builder, Location loc,
                                             int64_t index) {
          RequantizeScalars parameters = {
              integerConstant(builder, loc, 64, multiplier.multiplier),
              integerConstant(builder, loc, 64, multiplier.shift),
              integerConstant(builder, loc, 64, -5)};
          return buildRequantize(
              builder, loc,
              integerConstant(builder, loc, 64, accumulators[index]),
              parameters, int32Range);
        });
    for (size_t i = 0; i < accumulators.size(); ++i)
      EXPECT_EQ(llvm::SignExtend64(folded[i], 32),
                requantizeReference(accumulators[i], multiplier, -5,
                                    int32Range.min, int32Range.max))
          << "acc " << accumulators[i] << " * scale " << scale;
  }
}

TEST(RequantizationTest, TableKeepsUniformParametersInTheBody) {
  FoldedIR ir;
  StorageRange int8Range = {-128, 127, IntegerType::get(&ir.context, 8)};
  std::string error;
  FailureOr<RequantizationTable> uniform =
      RequantizationTable::get({0.5}, {3}, int8Range, error);
  ASSERT_TRUE(succeeded(uniform));
  EXPECT_EQ(uniform->getNumInputs(), 0u);
  std::vector<int64_t> folded =
      ir.evaluate(3, [&](OpBuilder &builder, Location loc, int64_t index) {
        return uniform->build(
            builder, loc, integerConstant(builder, loc, 32, index * 2 + 1), {});
      });
  // 0.5, 1.5, 2.5 round to 0, 2, 2; plus the zero point 3.
  EXPECT_EQ(folded, (std::vector<int64_t>{3, 5, 5}));

  FailureOr<RequantizationTable> perChannel =
      RequantizationTable::get({0.5, 0.25}, {3}, int8Range, error);
  ASSERT_TRUE(succeeded(perChannel));
  EXPECT_EQ(perChannel->getNumInputs(), 2u);
  FailureOr<RequantizationTable> bothPerChannel =
      RequantizationTable::get({0.5, 0.25}, {3, -2}, int8Range, error);
  ASSERT_TRUE(succeeded(bothPerChannel));
  EXPECT_EQ(bothPerChannel->getNumInputs(), 3u);

  EXPECT_TRUE(
      failed(RequantizationTable::get({0.5, 0x1p31}, {0}, int8Range, error)));
  EXPECT_NE(error.find("is not in (0, 2^30): it has no dyadic multiplier"),
            std::string::npos)
      << error;
}

} // namespace
