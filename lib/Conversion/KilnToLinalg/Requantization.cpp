//===- Requantization.cpp - integer-only rescaling of accumulators --------===//

#include "Requantization.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

//===----------------------------------------------------------------------===//
// Parameters and the scalar reference
//===----------------------------------------------------------------------===//

double DyadicMultiplier::value() const {
  return std::ldexp(static_cast<double>(multiplier), -shift);
}

std::optional<DyadicMultiplier>
mlir::kiln::computeDyadicMultiplier(double realScale) {
  if (!(realScale > 0.0) || !std::isfinite(realScale))
    return std::nullopt;
  // realScale = fraction * 2^exponent, fraction in [0.5, 1).
  int exponent = 0;
  double fraction = std::frexp(realScale, &exponent);
  int64_t multiplier = std::llround(std::ldexp(fraction, 31));
  if (multiplier == (int64_t(1) << 31)) {
    multiplier /= 2;
    ++exponent;
  }
  int64_t shift = 31 - static_cast<int64_t>(exponent);
  if (shift < 1)
    return std::nullopt;
  if (shift > DyadicMultiplier::kMaxShift)
    return DyadicMultiplier{0, DyadicMultiplier::kMaxShift};
  return DyadicMultiplier{static_cast<int32_t>(multiplier),
                          static_cast<int32_t>(shift)};
}

int64_t mlir::kiln::roundingRightShift(int64_t value, int32_t shift) {
  // value = quotient * 2^shift + remainder with 0 <= remainder < 2^shift
  // (an arithmetic shift floors). Round up above the half, and at the half
  // when the quotient is odd: remainder + (quotient & 1) > half.
  int64_t quotient = value >> shift;
  uint64_t remainder =
      static_cast<uint64_t>(value) & ((uint64_t(1) << shift) - 1);
  uint64_t half = uint64_t(1) << (shift - 1);
  return quotient + (remainder + static_cast<uint64_t>(quotient & 1) > half);
}

int64_t mlir::kiln::requantizeReference(int64_t acc,
                                        DyadicMultiplier multiplier,
                                        int64_t zeroPoint, int64_t storageMin,
                                        int64_t storageMax) {
  int64_t scaled =
      roundingRightShift(acc * multiplier.multiplier, multiplier.shift);
  return std::clamp(scaled + zeroPoint, storageMin, storageMax);
}

//===----------------------------------------------------------------------===//
// IR
//===----------------------------------------------------------------------===//

StorageRange StorageRange::get(quant::QuantizedType quantized) {
  return {quantized.getStorageTypeMin(), quantized.getStorageTypeMax(),
          IntegerType::get(quantized.getContext(),
                           quantized.getStorageTypeIntegralWidth())};
}

namespace {

Value i64Constant(OpBuilder &builder, Location loc, int64_t value) {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getI64IntegerAttr(value));
}

/// `value` as an i64, sign-extended.
Value toI64(OpBuilder &builder, Location loc, Value value) {
  Type i64 = builder.getI64Type();
  if (value.getType() == i64)
    return value;
  return arith::ExtSIOp::create(builder, loc, i64, value);
}

} // namespace

Value mlir::kiln::buildRoundingRightShift(OpBuilder &builder, Location loc,
                                          Value value, Value shift) {
  shift = toI64(builder, loc, shift);
  Value one = i64Constant(builder, loc, 1);
  Value quotient = arith::ShRSIOp::create(builder, loc, value, shift);
  Value mask = arith::SubIOp::create(
      builder, loc, arith::ShLIOp::create(builder, loc, one, shift), one);
  Value remainder = arith::AndIOp::create(builder, loc, value, mask);
  Value half = arith::ShLIOp::create(
      builder, loc, one, arith::SubIOp::create(builder, loc, shift, one));
  // Ties go to the even quotient: round up when remainder + odd > half
  // (unsigned: the sum may reach 2^63).
  Value odd = arith::AndIOp::create(builder, loc, quotient, one);
  Value roundsUp = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::ugt,
      arith::AddIOp::create(builder, loc, remainder, odd), half);
  Value increment =
      arith::ExtUIOp::create(builder, loc, builder.getI64Type(), roundsUp);
  return arith::AddIOp::create(builder, loc, quotient, increment);
}

Value mlir::kiln::buildRequantize(OpBuilder &builder, Location loc, Value acc,
                                  const RequantizeScalars &parameters,
                                  const StorageRange &storage) {
  Value product =
      arith::MulIOp::create(builder, loc, toI64(builder, loc, acc),
                            toI64(builder, loc, parameters.multiplier));
  Value scaled =
      buildRoundingRightShift(builder, loc, product, parameters.shift);
  Value shifted = arith::AddIOp::create(
      builder, loc, scaled, toI64(builder, loc, parameters.zeroPoint));
  Value clamped = arith::MinSIOp::create(
      builder, loc,
      arith::MaxSIOp::create(builder, loc, shifted,
                             i64Constant(builder, loc, storage.min)),
      i64Constant(builder, loc, storage.max));
  if (storage.type.getWidth() == 64)
    return clamped;
  return arith::TruncIOp::create(builder, loc, storage.type, clamped);
}

FailureOr<RequantizationTable>
RequantizationTable::get(ArrayRef<double> realScales,
                         ArrayRef<int64_t> zeroPoints, StorageRange storage,
                         std::string &error) {
  assert(!realScales.empty() && !zeroPoints.empty() &&
         (realScales.size() == 1 || zeroPoints.size() == 1 ||
          realScales.size() == zeroPoints.size()) &&
         "one value or one per channel");
  RequantizationTable table;
  for (double scale : realScales) {
    std::optional<DyadicMultiplier> multiplier = computeDyadicMultiplier(scale);
    if (!multiplier) {
      llvm::raw_string_ostream(error)
          << "requantization scale " << scale
          << " is not in (0, 2^30): it has no dyadic multiplier";
      return failure();
    }
    table.multipliers.push_back(*multiplier);
  }
  table.zeroPoints.assign(zeroPoints.begin(), zeroPoints.end());
  table.storage = storage;
  return table;
}

unsigned RequantizationTable::getNumInputs() const {
  return (multipliers.size() > 1 ? 2 : 0) + (zeroPoints.size() > 1 ? 1 : 0);
}

void RequantizationTable::addInputs(OpBuilder &builder, Location loc,
                                    AffineMap channelMap,
                                    SmallVectorImpl<Value> &inputs,
                                    SmallVectorImpl<AffineMap> &maps) const {
  auto addTable = [&](Type element, ArrayRef<int64_t> values) {
    auto type =
        RankedTensorType::get({static_cast<int64_t>(values.size())}, element);
    SmallVector<APInt> elements;
    for (int64_t value : values)
      elements.emplace_back(element.getIntOrFloatBitWidth(), value,
                            /*isSigned=*/true);
    inputs.push_back(arith::ConstantOp::create(
        builder, loc, DenseElementsAttr::get(type, elements)));
    maps.push_back(channelMap);
  };
  if (multipliers.size() > 1) {
    SmallVector<int64_t> values, shifts;
    for (const DyadicMultiplier &multiplier : multipliers) {
      values.push_back(multiplier.multiplier);
      shifts.push_back(multiplier.shift);
    }
    addTable(builder.getI32Type(), values);
    addTable(builder.getI8Type(), shifts);
  }
  if (zeroPoints.size() > 1)
    addTable(builder.getI64Type(), zeroPoints);
}

Value RequantizationTable::build(OpBuilder &builder, Location loc, Value acc,
                                 ValueRange tableArgs) const {
  assert(tableArgs.size() == getNumInputs() && "one argument per table");
  RequantizeScalars parameters;
  if (multipliers.size() > 1) {
    parameters.multiplier = tableArgs[0];
    parameters.shift = tableArgs[1];
    tableArgs = tableArgs.drop_front(2);
  } else {
    parameters.multiplier =
        i64Constant(builder, loc, multipliers.front().multiplier);
    parameters.shift = i64Constant(builder, loc, multipliers.front().shift);
  }
  parameters.zeroPoint = zeroPoints.size() > 1
                             ? tableArgs.front()
                             : i64Constant(builder, loc, zeroPoints.front());
  return buildRequantize(builder, loc, acc, parameters, storage);
}
