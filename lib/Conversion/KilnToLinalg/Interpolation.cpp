//===- Interpolation.cpp - sampling helpers for resize and vision ops -----===//

#include "Interpolation.h"

using namespace mlir;
using namespace mlir::kiln;

Value ScalarMath::constant(double value) const {
  return arith::ConstantOp::create(builder, loc,
                                   builder.getFloatAttr(floatType, value));
}

Value ScalarMath::index(int64_t value) const {
  return arith::ConstantIndexOp::create(builder, loc, value);
}

Value ScalarMath::add(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::AddFOp::create(builder, loc, lhs, rhs);
  return arith::AddIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::sub(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::SubFOp::create(builder, loc, lhs, rhs);
  return arith::SubIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::mul(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::MulFOp::create(builder, loc, lhs, rhs);
  return arith::MulIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::div(Value lhs, Value rhs) const {
  return arith::DivFOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::min(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::MinimumFOp::create(builder, loc, lhs, rhs);
  return arith::MinSIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::max(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::MaximumFOp::create(builder, loc, lhs, rhs);
  return arith::MaxSIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::floor(Value value) const {
  return math::FloorOp::create(builder, loc, value);
}

Value ScalarMath::ceil(Value value) const {
  return math::CeilOp::create(builder, loc, value);
}

Value ScalarMath::clamp(Value value, Value lo, Value hi) const {
  return max(min(value, hi), lo);
}

Value ScalarMath::less(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT, lhs,
                                 rhs);
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::slt, lhs,
                               rhs);
}

Value ScalarMath::lessEqual(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLE, lhs,
                                 rhs);
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sle, lhs,
                               rhs);
}

Value ScalarMath::equal(Value lhs, Value rhs) const {
  if (isa<FloatType>(lhs.getType()))
    return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OEQ, lhs,
                                 rhs);
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::eq, lhs,
                               rhs);
}

Value ScalarMath::boolean(bool value) const {
  return arith::ConstantOp::create(builder, loc, builder.getBoolAttr(value));
}

Value ScalarMath::notOf(Value condition) const {
  return arith::XOrIOp::create(builder, loc, condition, boolean(true));
}

Value ScalarMath::andOf(Value lhs, Value rhs) const {
  return arith::AndIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::orOf(Value lhs, Value rhs) const {
  return arith::OrIOp::create(builder, loc, lhs, rhs);
}

Value ScalarMath::select(Value condition, Value yes, Value no) const {
  return arith::SelectOp::create(builder, loc, condition, yes, no);
}

Value ScalarMath::toIndex(Value value) const {
  if (isa<FloatType>(value.getType()))
    value = arith::FPToSIOp::create(builder, loc, builder.getI64Type(), value);
  return arith::IndexCastOp::create(builder, loc, builder.getIndexType(),
                                    value);
}

Value ScalarMath::toFloat(Value value) const {
  if (value.getType().isIndex())
    value =
        arith::IndexCastOp::create(builder, loc, builder.getI64Type(), value);
  return arith::SIToFPOp::create(builder, loc, floatType, value);
}

Value ScalarMath::fromElement(Value value, bool isUnsigned) const {
  return extendToAccumulator(builder, loc, value, floatType, isUnsigned);
}

Value ScalarMath::toElement(Value value, Type elementType,
                            bool isUnsigned) const {
  if (elementType == floatType)
    return value;
  if (auto target = dyn_cast<FloatType>(elementType))
    return target.getWidth() < getFloatType().getWidth()
               ? Value(arith::TruncFOp::create(builder, loc, target, value))
               : Value(arith::ExtFOp::create(builder, loc, target, value));
  if (isUnsigned)
    return arith::FPToUIOp::create(builder, loc, elementType, value);
  return arith::FPToSIOp::create(builder, loc, elementType, value);
}

Value ScalarMath::inBounds(Value position, int64_t extent) const {
  // Unsigned, a negative position is out of bounds too.
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ult,
                               position, index(extent));
}

Value ScalarMath::clampIndex(Value position, int64_t extent) const {
  return clamp(position, index(0), index(extent - 1));
}

FloatType mlir::kiln::interpolationFloatType(Type elementType) {
  MLIRContext *context = elementType.getContext();
  if (elementType.isF64())
    return Float64Type::get(context);
  return Float32Type::get(context);
}

/// `count` consecutive positions from floor(x) + offset.
static SmallVector<Value> consecutivePositions(const ScalarMath &math,
                                               Value base, int64_t offset,
                                               int64_t count) {
  Value first = math.toIndex(base);
  SmallVector<Value> positions;
  for (int64_t k = 0; k < count; ++k)
    positions.push_back(
        k + offset == 0 ? first : math.add(first, math.index(k + offset)));
  return positions;
}

InterpolationTaps mlir::kiln::exactTap(Value position) {
  return {{position}, {Value()}};
}

InterpolationTaps mlir::kiln::linearTaps(const ScalarMath &math,
                                         Value coordinate) {
  Value base = math.floor(coordinate);
  Value ratio = math.sub(coordinate, base);
  return {consecutivePositions(math, base, 0, 2),
          {math.sub(math.constant(1), ratio), ratio}};
}

InterpolationTaps mlir::kiln::cubicTaps(const ScalarMath &math,
                                        Value coordinate, double a) {
  Value base = math.floor(coordinate);
  Value ratio = math.sub(coordinate, base);
  Value one = math.constant(1);
  // W(d) for 0 <= d <= 1 and for 1 <= d <= 2, in Horner form.
  auto near = [&](Value d) {
    Value inner =
        math.sub(math.mul(math.constant(a + 2), d), math.constant(a + 3));
    return math.add(math.mul(math.mul(inner, d), d), one);
  };
  auto far = [&](Value d) {
    Value inner = math.sub(math.mul(math.constant(a), d), math.constant(5 * a));
    inner = math.add(math.mul(inner, d), math.constant(8 * a));
    return math.sub(math.mul(inner, d), math.constant(4 * a));
  };
  Value rest = math.sub(one, ratio);
  return {consecutivePositions(math, base, -1, 4),
          {far(math.add(ratio, one)), near(ratio), near(rest),
           far(math.add(rest, one))}};
}

void mlir::kiln::forEachTapCombination(
    const ScalarMath &math, ArrayRef<InterpolationTaps> taps,
    function_ref<void(ArrayRef<Value>, Value)> visit) {
  SmallVector<Value> positions;
  std::function<void(size_t, Value)> recurse = [&](size_t dim, Value weight) {
    if (dim == taps.size()) {
      visit(positions, weight);
      return;
    }
    const InterpolationTaps &dimTaps = taps[dim];
    for (auto [position, tapWeight] :
         llvm::zip_equal(dimTaps.positions, dimTaps.weights)) {
      positions.push_back(position);
      Value product = !weight      ? tapWeight
                      : !tapWeight ? weight
                                   : math.mul(weight, tapWeight);
      recurse(dim + 1, product);
      positions.pop_back();
    }
  };
  recurse(0, Value());
}

Value mlir::kiln::interpolate(const ScalarMath &math,
                              ArrayRef<InterpolationTaps> taps,
                              function_ref<Value(ArrayRef<Value>)> read) {
  Value sum;
  forEachTapCombination(math, taps,
                        [&](ArrayRef<Value> positions, Value weight) {
                          Value term = read(positions);
                          if (weight)
                            term = math.mul(weight, term);
                          sum = sum ? math.add(sum, term) : term;
                        });
  return sum;
}
