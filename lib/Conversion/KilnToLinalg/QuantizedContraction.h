//===- QuantizedContraction.h - integer quantized contractions -*- C++ -*-===//
//
// kiln.conv, kiln.matmul and kiln.gemm on quantized operands contract the
// stored integers x and w (i32 accumulation) and correct for the zero
// points afterwards (arXiv:1712.05877, section 2.3):
//
//   sum_k (x - z_x)(w - z_w[c]) = sum_k x w - z_x sum_k w - z_w[c] sum_k x
//                                 + K z_x z_w[c]
//
// The weight sums (per output channel, and per batch of a batched matmul
// operand) are computed at compile time for constant weights; with the
// bias, the per-channel terms become the accumulator's initial value, so
// the contraction's inner loop reads stored values only. The input-sum
// term, needed only for non-zero weight zero points, is a per-output
// correction in the epilogue, which then requantizes with
// M[c] = alpha * s_x * s_w[c] / s_y[c]. i32 arithmetic wraps, so the
// uncorrected sum may overflow as long as the corrected one fits.
//
// An i32 bias (or C of a gemm) is in units of s_x * s_w (zero point 0), as
// ONNX QLinearConv's bias.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_CONVERSION_KILNTOLINALG_QUANTIZEDCONTRACTION_H
#define KILN_LIB_CONVERSION_KILNTOLINALG_QUANTIZEDCONTRACTION_H

#include "LoweringUtils.h"
#include "Requantization.h"

namespace mlir::kiln {

class QuantizedContraction {
public:
  /// Checks the element types of a quantized contraction and derives its
  /// parameters: `input` per tensor; `weight` per tensor or per axis along
  /// `weightChannelAxis`; `result` i32 or quantized per tensor or per axis
  /// along `resultChannelAxis`; `bias` (may be null) i32 or quantized in
  /// i32 with zero point 0 and scales s_x * s_w. `alpha` scales the
  /// product (gemm).
  static FailureOr<QuantizedContraction>
  get(Operation *op, PatternRewriter &rewriter, Value input, Value weight,
      Value bias, Type result, int64_t weightChannelAxis,
      int64_t resultChannelAxis, double alpha);

  /// Whether some weight zero point is not 0 (the input-sum term).
  bool hasWeightZeroPoints() const;

  /// An i32 tensor of `accType`'s shape: bias (read through `biasMap`; may
  /// be null) - z_x * weight sums + K * z_x * z_w[c]. `weight` is the kiln
  /// operand and `storedWeight` its lowered value; the sums are over every
  /// weight dimension but `keptDims`, whose last is the channel, and are
  /// read through `weightSumsMap` (result indices -> kept dimensions).
  /// Constant weights give a constant table of the per-channel terms.
  Value buildInit(OpBuilder &builder, Location loc, RankedTensorType accType,
                  Value weight, Value storedWeight, ArrayRef<int64_t> keptDims,
                  AffineMap weightSumsMap, int64_t reductionSize, Value bias,
                  AffineMap biasMap) const;

  /// The result from accumulator `acc`: acc - z_w[c] * inputSums (read
  /// through `inputSumsMap`; only with weight zero points), requantized for
  /// a quantized result. `channelMap` maps result indices to the channel.
  Value buildEpilogue(OpBuilder &builder, Location loc, Value acc,
                      RankedTensorType resultType, AffineMap channelMap,
                      Value inputSums, AffineMap inputSumsMap) const;

  int64_t getInputZeroPoint() const { return inputZeroPoint; }

private:
  int64_t inputZeroPoint = 0;
  SmallVector<int64_t> weightZeroPoints;
  /// Absent for an i32 result.
  std::optional<RequantizationTable> requantization;
};

/// Sums of `stored` (the stored integers of a quantized tensor; unsigned
/// per `isUnsigned`) over every dimension but `keptDims`, as an i32 tensor
/// of the kept extents: a reduction linalg.generic.
Value buildStoredSums(OpBuilder &builder, Location loc, Value stored,
                      bool isUnsigned, ArrayRef<int64_t> keptDims);

} // namespace mlir::kiln

#endif // KILN_LIB_CONVERSION_KILNTOLINALG_QUANTIZEDCONTRACTION_H
