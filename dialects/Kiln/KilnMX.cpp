//===- KilnMX.cpp - OCP Microscaling (MX) numerics ------------------------===//

#include "dialects/Kiln/KilnMX.h"

#include "llvm/ADT/APFloat.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// APFloat semantics of a float element format (null for int8).
const llvm::fltSemantics *getSemantics(MXElementFormat format) {
  switch (format) {
  case MXElementFormat::fp8_e4m3:
    return &APFloat::Float8E4M3FN();
  case MXElementFormat::fp8_e5m2:
    return &APFloat::Float8E5M2();
  case MXElementFormat::fp6_e2m3:
    return &APFloat::Float6E2M3FN();
  case MXElementFormat::fp6_e3m2:
    return &APFloat::Float6E3M2FN();
  case MXElementFormat::fp4_e2m1:
    return &APFloat::Float4E2M1FN();
  case MXElementFormat::int8:
    return nullptr;
  }
  llvm_unreachable("unknown MX element format");
}

/// MXINT8 elements are two's complement integers times 2^-6.
constexpr int kInt8FractionBits = 6;

/// Rounds `scaled` (an element in units of its block's scale) to the
/// nearest code of `format`, ties to even, saturating to the largest finite
/// element.
uint8_t encodeElement(MXElementFormat format, double scaled) {
  const llvm::fltSemantics *semantics = getSemantics(format);
  if (!semantics) {
    // The largest MXINT8 magnitude is 127 * 2^-6 (the range is symmetric).
    double units = std::ldexp(scaled, kInt8FractionBits);
    units = std::min(std::max(units, -127.0), 127.0);
    // nearbyint rounds to nearest even in the default rounding mode.
    return static_cast<uint8_t>(static_cast<int8_t>(std::nearbyint(units)));
  }
  double largest = APFloat::getLargest(*semantics).convertToDouble();
  APFloat element(std::min(std::max(scaled, -largest), largest));
  bool losesInfo = false;
  element.convert(*semantics, APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint8_t>(element.bitcastToAPInt().getZExtValue());
}

} // namespace

Type mlir::kiln::getMXElementType(MLIRContext *context, MXElementFormat format) {
  switch (format) {
  case MXElementFormat::fp8_e4m3:
    return Float8E4M3FNType::get(context);
  case MXElementFormat::fp8_e5m2:
    return Float8E5M2Type::get(context);
  case MXElementFormat::fp6_e2m3:
    return Float6E2M3FNType::get(context);
  case MXElementFormat::fp6_e3m2:
    return Float6E3M2FNType::get(context);
  case MXElementFormat::fp4_e2m1:
    return Float4E2M1FNType::get(context);
  case MXElementFormat::int8:
    return IntegerType::get(context, 8);
  }
  llvm_unreachable("unknown MX element format");
}

std::optional<MXElementFormat> mlir::kiln::getMXElementFormat(Type type) {
  for (uint32_t value = 0; std::optional<MXElementFormat> format =
                               symbolizeMXElementFormat(value);
       ++value)
    if (getMXElementType(type.getContext(), *format) == type)
      return format;
  return std::nullopt;
}

unsigned mlir::kiln::getMXElementBitWidth(MXElementFormat format) {
  const llvm::fltSemantics *semantics = getSemantics(format);
  return semantics ? APFloat::semanticsSizeInBits(*semantics) : 8;
}

int mlir::kiln::getMXElementMaxExponent(MXElementFormat format) {
  const llvm::fltSemantics *semantics = getSemantics(format);
  return semantics ? APFloat::semanticsMaxExponent(*semantics) : 0;
}

double mlir::kiln::decodeMXElement(MXElementFormat format, uint8_t code) {
  const llvm::fltSemantics *semantics = getSemantics(format);
  if (!semantics)
    return std::ldexp(static_cast<int8_t>(code), -kInt8FractionBits);
  unsigned width = APFloat::semanticsSizeInBits(*semantics);
  return APFloat(*semantics, APInt(width, code & ((1u << width) - 1)))
      .convertToDouble();
}

double mlir::kiln::decodeE8M0(uint8_t scale) {
  if (scale == 0xFF)
    return std::nan("");
  return std::ldexp(1.0, static_cast<int>(scale) - 127);
}

llvm::Expected<MXTensor> mlir::kiln::quantizeToMX(ArrayRef<float> values,
                                                  ArrayRef<int64_t> shape,
                                                  int64_t axis,
                                                  MXElementFormat format,
                                                  int64_t blockSize) {
  int64_t rank = shape.size();
  if (axis < 0 || axis >= rank)
    return llvm::createStringError("MX axis %lld is out of range for rank %lld",
                                   static_cast<long long>(axis),
                                   static_cast<long long>(rank));
  if (blockSize <= 0)
    return llvm::createStringError("MX block size must be positive, got %lld",
                                   static_cast<long long>(blockSize));
  int64_t count = 1;
  for (int64_t extent : shape) {
    if (extent < 0)
      return llvm::createStringError("MX tensor extents must be static");
    count *= extent;
  }
  if (count != static_cast<int64_t>(values.size()))
    return llvm::createStringError(
        "MX tensor of %zu values does not have %lld elements", values.size(),
        static_cast<long long>(count));

  // Row-major (outer, along axis, inner) with `along` elements on the axis.
  int64_t along = shape[axis];
  int64_t inner = 1;
  for (int64_t dim = axis + 1; dim < rank; ++dim)
    inner *= shape[dim];
  int64_t outer = along == 0 || inner == 0 ? 0 : count / (along * inner);
  int64_t blocks = (along + blockSize - 1) / blockSize;

  MXTensor result;
  result.codes.assign(values.size(), 0);
  result.scaleShape.assign(shape.begin(), shape.end());
  result.scaleShape[axis] = blocks;
  result.scales.assign(outer * blocks * inner, 0);
  int maxExponent = getMXElementMaxExponent(format);

  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t block = 0; block < blocks; ++block) {
      for (int64_t i = 0; i < inner; ++i) {
        int64_t begin = block * blockSize;
        int64_t end = std::min(begin + blockSize, along);
        auto index = [&](int64_t position) {
          return (o * along + position) * inner + i;
        };
        double largest = 0.0;
        bool isFinite = true;
        for (int64_t position = begin; position < end; ++position) {
          float value = values[index(position)];
          isFinite = isFinite && std::isfinite(value);
          largest = std::max(largest, std::fabs(static_cast<double>(value)));
        }
        uint8_t &scale = result.scales[(o * blocks + block) * inner + i];
        if (!isFinite) {
          scale = 0xFF;
          continue;
        }
        // ilogb is floor(log2(x)) exactly (f32 subnormals are normal
        // doubles).
        int sharedExponent =
            largest == 0.0 ? 0
                           : std::clamp(std::ilogb(largest) - maxExponent,
                                        -127, 127);
        scale = static_cast<uint8_t>(sharedExponent + 127);
        for (int64_t position = begin; position < end; ++position)
          result.codes[index(position)] = encodeElement(
              format, std::ldexp(static_cast<double>(values[index(position)]),
                                 -sharedExponent));
      }
    }
  }
  return result;
}
