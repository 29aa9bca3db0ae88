//===- QuantParameters.h - quantization parameter tables -------*- C++ -*-===//
//
// The scales and zero points of a `!quant.uniform` element type, laid out
// as the small 1-D constant tables that linalg.generic bodies read: one
// entry per tensor, one per index of the quantized axis, or one per
// sub-channel block (row-major over the blocks), each found through an
// affine map of the data tensor's indices.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_CONVERSION_KILNTOLINALG_QUANTPARAMETERS_H
#define KILN_LIB_CONVERSION_KILNTOLINALG_QUANTPARAMETERS_H

#include "Requantization.h"

namespace mlir::kiln {

struct QuantParameters {
  /// One scale and zero point per table entry.
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  /// Data tensor indices -> the table entry: () per tensor, (d_axis) per
  /// axis, sum_i (d_i floordiv block_i) * stride_i for sub-channel types
  /// (the strides of the blocks' row-major order).
  AffineMap map;
  /// The quantized axis of a per-axis type.
  std::optional<int64_t> axis;
  StorageRange storage;
  bool isSigned = true;

  /// The parameters of `type` for a data tensor of rank `rank`.
  static QuantParameters get(quant::QuantizedType type, int64_t rank);

  bool isUniform() const { return scales.size() == 1; }

  /// The stored integer for real `value` at table entry `entry`:
  /// clamp(round_half_to_even(value / scale) + zero_point).
  int64_t quantize(double value, size_t entry) const;

  /// The scales as a 1-D constant tensor (a scalar constant when uniform)
  /// of float type `type`.
  Value buildScales(OpBuilder &builder, Location loc, Type type) const;
  /// The zero points likewise, as integers of `type`.
  Value buildZeroPoints(OpBuilder &builder, Location loc, Type type) const;
};

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_QUANTPARAMETERS_H
