//===- Requantization.h - integer-only requantization ----------*- C++ -*-===//
//
// A quantized op computes an integer accumulator `acc` whose real value is
// `acc * s_acc` (a contraction of stored values minus zero points: s_acc =
// s_x * s_w; a requantized tensor: s_acc = s_in) and stores it with the
// result's scale s_y and zero point z_y:
//
//   stored = saturate(round_half_to_even(acc * s_acc / s_y) + z_y)
//
// The real factor `s_acc / s_y` becomes a dyadic number M * 2^-shift with a
// 31-bit multiplier M in [2^30, 2^31) (arXiv:1712.05877, section 2.2), so
// the lowering needs no float:
//
//   stored = saturate(rshift_half_even(acc * M, shift) + z_y)
//
// with the product in i64 and rshift_half_even(v, s) = round_half_to_even(
// v / 2^s), ONNX QuantizeLinear's rounding. M has a relative error below
// 2^-31, so the result differs from the real-valued formula only where
// acc * s_acc / s_y lies within that error of a tie (x.5).
//
// The first part is plain C++ (the parameters and a scalar reference of the
// integer computation); the second builds the same computation as arith ops
// inside linalg.generic bodies.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_CONVERSION_KILNTOLINALG_REQUANTIZATION_H
#define KILN_LIB_CONVERSION_KILNTOLINALG_REQUANTIZATION_H

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"

#include <cstdint>
#include <optional>

namespace mlir::kiln {

//===----------------------------------------------------------------------===//
// Parameters and the scalar reference (no IR)
//===----------------------------------------------------------------------===//

/// The dyadic approximation `multiplier * 2^-shift` of a positive real scale.
struct DyadicMultiplier {
  /// In [2^30, 2^31); 0 for scales so small that every accumulator the
  /// requantization accepts (|acc| < 2^32) rounds to 0.
  int32_t multiplier = 0;
  /// The right shift, in [1, kMaxShift].
  int32_t shift = 1;

  /// The largest shift: acc * multiplier (below 2^63 in magnitude) shifted
  /// by more is always 0.
  static constexpr int32_t kMaxShift = 63;

  /// multiplier * 2^-shift.
  double value() const;

  bool operator==(const DyadicMultiplier &other) const {
    return multiplier == other.multiplier && shift == other.shift;
  }
};

/// The dyadic approximation of `realScale` with the multiplier rounded to
/// nearest; nullopt unless `realScale` is positive, finite and below 2^30
/// (a larger factor would need a left shift, and saturates any non-zero
/// 8-bit result anyway).
std::optional<DyadicMultiplier> computeDyadicMultiplier(double realScale);

/// round_half_to_even(value / 2^shift) for `shift` in [1, 63].
int64_t roundingRightShift(int64_t value, int32_t shift);

/// The stored integer that the lowering computes for accumulator `acc`
/// (|acc| < 2^32):
///   clamp(roundingRightShift(acc * multiplier, shift) + zeroPoint,
///         storageMin, storageMax)
int64_t requantizeReference(int64_t acc, DyadicMultiplier multiplier,
                            int64_t zeroPoint, int64_t storageMin,
                            int64_t storageMax);

//===----------------------------------------------------------------------===//
// IR inside linalg.generic bodies
//===----------------------------------------------------------------------===//

/// The range and (signless) type of a quantized type's stored integers.
struct StorageRange {
  int64_t min = 0, max = 0;
  IntegerType type;

  static StorageRange get(quant::QuantizedType quantized);
};

/// The per-element parameters of a requantization: integer scalars of any
/// width (sign-extended to i64), constants or block arguments read from
/// per-channel tables.
struct RequantizeScalars {
  Value multiplier, shift, zeroPoint;
};

/// IR of roundingRightShift on i64 scalars (`shift` sign-extended to i64;
/// its value must be in [1, 63]).
Value buildRoundingRightShift(OpBuilder &builder, Location loc, Value value,
                              Value shift);

/// IR of requantizeReference: `acc` is a signless integer scalar read as
/// signed (i32 accumulators, or the i64 difference of a stored value and
/// its zero point); the result has `storage.type`.
Value buildRequantize(OpBuilder &builder, Location loc, Value acc,
                      const RequantizeScalars &parameters,
                      const StorageRange &storage);

/// The requantization of an accumulator into a quantized result, with
/// parameters per tensor or per channel. Uniform parameters become
/// constants in the body; per-channel ones become small constant tensors
/// (i32 multipliers, i8 shifts, i64 zero points) that the generic reads as
/// extra inputs through a channel map.
class RequantizationTable {
public:
  /// `realScales` (s_acc / s_y) and `zeroPoints` (z_y) each hold one value
  /// or one per channel (both per channel: equally many). Fails, setting
  /// `error`, for a scale outside computeDyadicMultiplier's range.
  static FailureOr<RequantizationTable> get(ArrayRef<double> realScales,
                                            ArrayRef<int64_t> zeroPoints,
                                            StorageRange storage,
                                            std::string &error);

  /// Appends the per-channel tables (none for uniform parameters) to a
  /// generic's `inputs`, each read through `channelMap` (loop indices ->
  /// the channel).
  void addInputs(OpBuilder &builder, Location loc, AffineMap channelMap,
                 SmallVectorImpl<Value> &inputs,
                 SmallVectorImpl<AffineMap> &maps) const;

  /// How many inputs addInputs appends.
  unsigned getNumInputs() const;

  /// The stored result for `acc` in a generic body; `tableArgs` are the
  /// block arguments of the inputs addInputs appended.
  Value build(OpBuilder &builder, Location loc, Value acc,
              ValueRange tableArgs) const;

  ArrayRef<DyadicMultiplier> getMultipliers() const { return multipliers; }
  ArrayRef<int64_t> getZeroPoints() const { return zeroPoints; }
  const StorageRange &getStorage() const { return storage; }

private:
  SmallVector<DyadicMultiplier> multipliers;
  SmallVector<int64_t> zeroPoints;
  StorageRange storage;
};

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_REQUANTIZATION_H
