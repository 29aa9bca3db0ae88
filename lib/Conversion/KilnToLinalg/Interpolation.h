//===- Interpolation.h - sampling helpers for resize, vision ---*- C++ -*-===//
//
// Scalar building blocks shared by the lowerings of kiln.resize,
// kiln.grid_sample and kiln.roi_align: terse float / index arithmetic, the
// taps (positions and weights) of linear and cubic interpolation along one
// dimension, and their separable (tensor product) combination.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_CONVERSION_KILNTOLINALG_INTERPOLATION_H
#define KILN_LIB_CONVERSION_KILNTOLINALG_INTERPOLATION_H

#include "LoweringUtils.h"

namespace mlir::kiln {

/// Builds scalar arithmetic at the builder's insertion point: floats of
/// `floatType`, positions as `index`. Binary helpers dispatch on the
/// operands' type.
class ScalarMath {
public:
  ScalarMath(OpBuilder &builder, Location loc, FloatType floatType)
      : builder(builder), loc(loc), floatType(floatType) {}

  OpBuilder &getBuilder() const { return builder; }
  Location getLoc() const { return loc; }
  FloatType getFloatType() const { return floatType; }

  Value constant(double value) const;
  Value index(int64_t value) const;

  Value add(Value lhs, Value rhs) const;
  Value sub(Value lhs, Value rhs) const;
  Value mul(Value lhs, Value rhs) const;
  Value div(Value lhs, Value rhs) const;
  Value min(Value lhs, Value rhs) const;
  Value max(Value lhs, Value rhs) const;
  Value floor(Value value) const;
  Value ceil(Value value) const;
  /// `lo <= value <= hi` as min / max.
  Value clamp(Value value, Value lo, Value hi) const;

  Value less(Value lhs, Value rhs) const;
  Value lessEqual(Value lhs, Value rhs) const;
  Value equal(Value lhs, Value rhs) const;
  Value boolean(bool value) const;
  Value notOf(Value condition) const;
  Value andOf(Value lhs, Value rhs) const;
  Value orOf(Value lhs, Value rhs) const;
  Value select(Value condition, Value yes, Value no) const;

  /// A float holding an integral value (or truncated toward zero) as an
  /// index; an index (or any integer) as a float.
  Value toIndex(Value value) const;
  Value toFloat(Value value) const;
  /// A scalar of any float or integer type (integers by `isUnsigned`) as
  /// `floatType`, and back (truncating toward zero, as kiln.cast does).
  Value fromElement(Value value, bool isUnsigned) const;
  Value toElement(Value value, Type elementType, bool isUnsigned) const;

  /// `position` in [0, extent) as a condition, and clamped into it.
  Value inBounds(Value position, int64_t extent) const;
  Value clampIndex(Value position, int64_t extent) const;

private:
  OpBuilder &builder;
  Location loc;
  FloatType floatType;
};

/// The float type interpolation weights and coordinates are computed in for
/// `elementType` data: f64 for f64, else f32.
FloatType interpolationFloatType(Type elementType);

/// The positions (index) one dimension of an interpolation reads, each
/// weighted `weights[k]` (float). A null weight is exactly one (an exact
/// read, e.g. a nearest neighbour).
struct InterpolationTaps {
  SmallVector<Value> positions;
  SmallVector<Value> weights;
};

/// One exact tap at `position` (an index).
InterpolationTaps exactTap(Value position);
/// floor(x) and floor(x) + 1, weighted 1 - r and r for r = x - floor(x).
InterpolationTaps linearTaps(const ScalarMath &math, Value coordinate);
/// floor(x) - 1 .. floor(x) + 2 with the cubic convolution weights of Keys
/// (1981) for coefficient `a` at r = x - floor(x): W(r + 1), W(r), W(1 - r),
/// W(2 - r), where W(d) = (a + 2)|d|^3 - (a + 3)|d|^2 + 1 for |d| <= 1 and
/// a|d|^3 - 5a|d|^2 + 8a|d| - 4a for 1 < |d| < 2.
InterpolationTaps cubicTaps(const ScalarMath &math, Value coordinate, double a);

/// Calls `visit` for every combination of one tap per dimension (the tensor
/// product of `taps`) with the tap positions and the product of their
/// weights (null when every weight is exactly one).
void forEachTapCombination(
    const ScalarMath &math, ArrayRef<InterpolationTaps> taps,
    function_ref<void(ArrayRef<Value> positions, Value weight)> visit);

/// sum over the tap combinations of weight * read(positions): separable
/// (multi)linear / cubic interpolation, or a nearest-neighbour read when
/// every dimension has one exact tap.
Value interpolate(const ScalarMath &math, ArrayRef<InterpolationTaps> taps,
                  function_ref<Value(ArrayRef<Value> positions)> read);

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_INTERPOLATION_H
