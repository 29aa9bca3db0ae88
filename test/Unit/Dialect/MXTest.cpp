//===- MXTest.cpp - unit tests of the OCP MX numerics ---------------------===//
//
// quantizeToMX and the decoders against values worked out by hand from the
// OCP MX v1.0 definitions.
//
//===----------------------------------------------------------------------===//

#include "dialects/Kiln/KilnMX.h"

#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

namespace {

MXTensor quantize(ArrayRef<float> values, ArrayRef<int64_t> shape,
                  int64_t axis, MXElementFormat format, int64_t blockSize) {
  llvm::Expected<MXTensor> result =
      quantizeToMX(values, shape, axis, format, blockSize);
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return {};
  }
  return std::move(*result);
}

std::string quantizeError(ArrayRef<float> values, ArrayRef<int64_t> shape,
                          int64_t axis, int64_t blockSize) {
  llvm::Expected<MXTensor> result = quantizeToMX(
      values, shape, axis, MXElementFormat::fp4_e2m1, blockSize);
  if (result)
    return "";
  return llvm::toString(result.takeError());
}

TEST(MXTest, ElementTypes) {
  MLIRContext context;
  for (MXElementFormat format :
       {MXElementFormat::fp8_e4m3, MXElementFormat::fp8_e5m2,
        MXElementFormat::fp6_e2m3, MXElementFormat::fp6_e3m2,
        MXElementFormat::fp4_e2m1, MXElementFormat::int8}) {
    Type type = getMXElementType(&context, format);
    EXPECT_EQ(getMXElementFormat(type), format);
    EXPECT_EQ(getMXElementBitWidth(format), type.getIntOrFloatBitWidth());
  }
  EXPECT_TRUE(isa<Float4E2M1FNType>(
      getMXElementType(&context, MXElementFormat::fp4_e2m1)));
  EXPECT_EQ(getMXElementFormat(Float16Type::get(&context)), std::nullopt);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::fp8_e4m3), 8);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::fp8_e5m2), 15);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::fp6_e2m3), 2);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::fp6_e3m2), 4);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::fp4_e2m1), 2);
  EXPECT_EQ(getMXElementMaxExponent(MXElementFormat::int8), 0);
}

TEST(MXTest, DecodesElementsAndScales) {
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp4_e2m1, 0x1), 0.5);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp4_e2m1, 0xF), -6.0);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp6_e2m3, 0x1F), 7.5);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp6_e2m3, 0x01), 0.125);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp6_e3m2, 0x1F), 28.0);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp6_e3m2, 0x01), 0.0625);
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp8_e4m3, 0x7E), 448.0);
  EXPECT_TRUE(std::isnan(decodeMXElement(MXElementFormat::fp8_e4m3, 0xFF)));
  EXPECT_EQ(decodeMXElement(MXElementFormat::fp8_e5m2, 0x7B), 57344.0);
  EXPECT_TRUE(std::isinf(decodeMXElement(MXElementFormat::fp8_e5m2, 0xFC)));
  EXPECT_EQ(decodeMXElement(MXElementFormat::int8, 0x80), -2.0);
  EXPECT_EQ(decodeMXElement(MXElementFormat::int8, 0x7F), 127.0 / 64);
  EXPECT_EQ(decodeE8M0(0), std::ldexp(1.0, -127));
  EXPECT_EQ(decodeE8M0(127), 1.0);
  EXPECT_EQ(decodeE8M0(254), std::ldexp(1.0, 127));
  EXPECT_TRUE(std::isnan(decodeE8M0(255)));
}

// max = 3.1: shared_exp = floor(log2 3.1) - 2 = -1 (X = 126); the elements
// are v * 2 rounded to FP4: 2 -> 0x4, -1.5 -> 0xB, 6.2 saturates to 6
// (0x7), 0.4 -> 0.5 (0x1).
TEST(MXTest, QuantizesFP4Block) {
  MXTensor mx = quantize({1.0f, -0.75f, 3.1f, 0.2f}, {4}, 0,
                         MXElementFormat::fp4_e2m1, 4);
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({126}));
  EXPECT_EQ(mx.codes, std::vector<uint8_t>({0x4, 0xB, 0x7, 0x1}));
  EXPECT_EQ(mx.scaleShape, SmallVector<int64_t>({1}));
}

// max = 5: shared_exp = 0 (X = 127); every element is a tie: 2.5 between
// 2 and 3, 0.25 between 0 and 0.5, 5 between 4 and 6, 1.25 between 1 and
// 1.5; each goes to the even code.
TEST(MXTest, RoundsTiesToEven) {
  MXTensor mx = quantize({2.5f, 0.25f, 5.0f, 1.25f}, {4}, 0,
                         MXElementFormat::fp4_e2m1, 4);
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({127}));
  EXPECT_EQ(mx.codes, std::vector<uint8_t>({0x4, 0x0, 0x6, 0x2}));
}

// MXINT8 (emax 0): max = 1.999 gives X = 127, codes v * 64: 1 -> 64,
// -0.5 -> -32 (0xE0), 1.5 / 64 is a tie -> 2, 1.999 * 64 = 127.9 saturates
// to 127.
TEST(MXTest, QuantizesInt8Block) {
  MXTensor mx = quantize({1.0f, -0.5f, 1.5f / 64, 1.999f}, {4}, 0,
                         MXElementFormat::int8, 32);
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({127}));
  EXPECT_EQ(mx.codes, std::vector<uint8_t>({64, 0xE0, 2, 127}));
}

// Blocks of 2 along axis 1 of a 2x3 tensor (the second block is partial),
// E4M3 (emax 8): row 0: max 2 -> X = 1 - 8 + 127 = 120, 1 * 2^7 = 2^7
// (0x70), 2 * 2^7 = 2^8 (0x78); then max 4 -> X = 121, 4 * 2^6 = 2^8. Row 1:
// zeros -> X = 127; -8 -> X = 122, -8 * 2^5 = -2^8 (0xF8).
TEST(MXTest, BlocksAlongAnAxis) {
  MXTensor mx = quantize({1, 2, 4, 0, 0, -8}, {2, 3}, 1,
                         MXElementFormat::fp8_e4m3, 2);
  EXPECT_EQ(mx.scaleShape, SmallVector<int64_t>({2, 2}));
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({120, 121, 127, 122}));
  EXPECT_EQ(mx.codes, std::vector<uint8_t>({0x70, 0x78, 0x78, 0, 0, 0xF8}));
}

// Blocks along axis 0 of a 4x2 tensor: columns are independent.
TEST(MXTest, BlocksAlongTheOuterAxis) {
  MXTensor mx = quantize({1, 0.5f, 1, 0.5f, 3, 0.5f, 3, 0.5f}, {4, 2}, 0,
                         MXElementFormat::fp4_e2m1, 2);
  EXPECT_EQ(mx.scaleShape, SmallVector<int64_t>({2, 2}));
  // (0, 0): max 1 -> X = 125, 1 * 4 = 4 (0x6); (0, 1): max 0.5 -> X = 124,
  // 0.5 * 8 = 4; (1, 0): max 3 -> X = 126, 3 * 2 = 6 (0x7).
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({125, 124, 126, 124}));
  EXPECT_EQ(mx.codes,
            std::vector<uint8_t>({0x6, 0x6, 0x6, 0x6, 0x7, 0x6, 0x7, 0x6}));
}

// A NaN or an infinity makes its block NaN (X = 255); the other block is
// unaffected.
TEST(MXTest, NonFiniteBlocksAreNaN) {
  MXTensor mx = quantize({1.0f, NAN, 1.0f, 1.0f, INFINITY, 0.0f}, {6}, 0,
                         MXElementFormat::fp8_e5m2, 2);
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({255, 112, 255}));
  EXPECT_EQ(mx.codes[0], 0);
  EXPECT_EQ(mx.codes[1], 0);
}

// Tiny blocks clamp shared_exp to -127 (X = 0): 2^-140 / 2^-127 = 2^-13, an
// E5M2 normal (exponent field 2: 0x08).
TEST(MXTest, ClampsTheSharedExponent) {
  MXTensor mx = quantize({std::ldexp(1.0f, -140)}, {1}, 0,
                         MXElementFormat::fp8_e5m2, 32);
  EXPECT_EQ(mx.scales, std::vector<uint8_t>({0}));
  EXPECT_EQ(mx.codes, std::vector<uint8_t>({0x08}));
}

// Quantizing then decoding stays within half an element step of the value
// (E2M3: 3 mantissa bits, relative step 2^-3 of the block's power of two).
TEST(MXTest, RoundTripsWithinHalfAStep) {
  std::vector<float> values;
  for (int i = 0; i < 64; ++i)
    values.push_back(std::sin(static_cast<float>(i)) * 10.0f);
  MXTensor mx = quantize(values, {64}, 0, MXElementFormat::fp6_e2m3, 32);
  for (int i = 0; i < 64; ++i) {
    double scale = decodeE8M0(mx.scales[i / 32]);
    double decoded =
        decodeMXElement(MXElementFormat::fp6_e2m3, mx.codes[i]) * scale;
    // max |v| < 16: the elements count in steps of 2^-3 * 2^(X - 127) * 4.
    EXPECT_LE(std::fabs(decoded - values[i]), scale * 0.25)
        << "element " << i;
  }
}

TEST(MXTest, RejectsBadArguments) {
  EXPECT_EQ(quantizeError({1, 2}, {2}, 1, 32),
            "MX axis 1 is out of range for rank 1");
  EXPECT_EQ(quantizeError({1, 2}, {3}, 0, 32),
            "MX tensor of 2 values does not have 3 elements");
  EXPECT_EQ(quantizeError({1, 2}, {2}, 0, 0),
            "MX block size must be positive, got 0");
}

} // namespace
