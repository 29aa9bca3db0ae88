//===- KilnMX.h - OCP Microscaling (MX) numerics -------------------*- C++ -*-===//
//
// The element formats of OCP MX v1.0 as MLIR types, exact decoding of
// element codes and E8M0 scales, and the specification's quantization of
// float tensors (what a post-training quantizer calls to produce the codes
// and scales that `kiln.mx_dequantize` and ONNX `ai.kiln.DequantizeMX`
// read).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECTS_KILN_KILNMX_H
#define KILN_DIALECTS_KILN_KILNMX_H

#include "dialects/Kiln/KilnDialect.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace mlir::kiln {

/// The MLIR type of `format`'s element codes: f8E4M3FN, f8E5M2, f6E2M3FN,
/// f6E3M2FN, f4E2M1FN, or i8 for int8.
Type getMXElementType(MLIRContext *context, MXElementFormat format);

/// The MX element format whose codes have type `type`, if any.
std::optional<MXElementFormat> getMXElementFormat(Type type);

/// Width in bits of one element code of `format`.
unsigned getMXElementBitWidth(MXElementFormat format);

/// The largest power-of-two exponent of a normal value of `format` (OCP's
/// emax_elem): 8 for E4M3, 15 for E5M2, 2 for E2M3 and E2M1, 4 for E3M2,
/// 0 for int8 (values in [-2, 2)).
int getMXElementMaxExponent(MXElementFormat format);

/// The value of element `code` (in the low bits; int8: the two's complement
/// byte, times 2^-6), exact.
double decodeMXElement(MXElementFormat format, uint8_t code);

/// The value of an E8M0 scale: 2^(scale - 127), NaN for 255.
double decodeE8M0(uint8_t scale);

/// A tensor in an MX format: one code per element in the low bits of a byte,
/// one E8M0 byte per block.
struct MXTensor {
  /// Row-major, the shape of the quantized tensor.
  std::vector<uint8_t> codes;
  /// Row-major, of shape `scaleShape`.
  std::vector<uint8_t> scales;
  /// The tensor's shape with `ceil(shape[axis] / blockSize)` along `axis`.
  SmallVector<int64_t> scaleShape;
};

/// Quantizes `values` (row-major, of `shape`) to `format` in blocks of
/// `blockSize` consecutive elements along `axis` (the last block of a row
/// may be partial), as OCP MX v1.0 section 6.3 does:
///
///   shared_exp = floor(log2(max |v| in block)) - emax_elem,
///                clamped to [-127, 127];  X = shared_exp + 127
///   code[i]    = round_to_nearest_even(v[i] / 2^shared_exp), saturated to
///                the largest finite element (+-127 * 2^-6 for int8)
///
/// A block of zeros gets X = 127; a block holding NaN or an infinity gets
/// the NaN scale X = 255 and zero codes. Fails if `shape` does not describe
/// `values`, `axis` is out of range or `blockSize` is not positive.
llvm::Expected<MXTensor> quantizeToMX(ArrayRef<float> values,
                                      ArrayRef<int64_t> shape, int64_t axis,
                                      MXElementFormat format,
                                      int64_t blockSize = 32);

} // namespace mlir::kiln

#endif // KILN_DIALECTS_KILN_KILNMX_H
