//===- TensorTest.cpp - unit tests of Tensor and DType --------------------===//

#include "RuntimeTestUtils.h"

using namespace mlir::kiln::runtime;
using namespace mlir::kiln::runtime::testing;

namespace {

TEST(TensorTest, DTypesMatchTheABICodes) {
  EXPECT_EQ(getAllDTypes().size(), 13u);
  for (DType dtype : getAllDTypes())
    EXPECT_EQ(getDTypeFromCode(static_cast<int32_t>(dtype)), dtype);
  EXPECT_EQ(getDTypeFromCode(KILN_DTYPE_BFLOAT16), DType::BFloat16);
  // STRING and COMPLEX64 are ONNX types without a place in the ABI.
  EXPECT_EQ(getDTypeFromCode(8), std::nullopt);
  EXPECT_EQ(getDTypeFromCode(14), std::nullopt);
  EXPECT_EQ(getDTypeName(DType::Bool), "bool");
  EXPECT_EQ(getDTypeSize(DType::Bool), 1u);
  EXPECT_EQ(getDTypeName(DType::BFloat16), "bfloat16");
  EXPECT_EQ(getDTypeSize(DType::BFloat16), 2u);
  EXPECT_EQ(getDTypeSize(DType::UInt64), 8u);
}

TEST(TensorTest, DTypesByName) {
  for (DType dtype : getAllDTypes())
    EXPECT_EQ(getDTypeFromName(getDTypeName(dtype)), dtype);
  EXPECT_EQ(getDTypeFromName("complex64"), std::nullopt);
  EXPECT_EQ(getDTypeFromName("float"), std::nullopt);
}

TEST(TensorTest, FormatsTypes) {
  EXPECT_EQ(formatShape({}), "scalar");
  EXPECT_EQ(formatShape({5}), "5");
  EXPECT_EQ(formatTensorType(DType::Float32, {1, 3, 224, 224}),
            "float32 1x3x224x224");
}

TEST(TensorTest, CreatesZeroFilledAlignedStorage) {
  Tensor tensor = unwrap(Tensor::create(DType::Int16, {3, 5}));
  EXPECT_EQ(tensor.getNumElements(), 15);
  EXPECT_EQ(tensor.getNumBytes(), 30u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.getData()) % Tensor::kAlignment,
            0u);
  for (int16_t element : tensor.getElements<int16_t>())
    EXPECT_EQ(element, 0);

  Tensor scalar = unwrap(Tensor::create(DType::Float64, {}));
  EXPECT_EQ(scalar.getNumElements(), 1);
  Tensor empty = unwrap(Tensor::create(DType::Float32, {4, 0}));
  EXPECT_EQ(empty.getNumBytes(), 0u);
}

TEST(TensorTest, RejectsInvalidShapes) {
  EXPECT_EQ(getMessage(Tensor::create(DType::Float32, {2, -1})),
            "shape 2x-1 has a negative extent");
  EXPECT_EQ(
      getMessage(Tensor::create(DType::Float32, {1 << 30, 1 << 30, 1 << 30})),
      "float32 1073741824x1073741824x1073741824 is too large");
  // The element count fits in int64, the byte count does not.
  EXPECT_EQ(getMessage(Tensor::create(DType::Int64, {int64_t(1) << 61})),
            "int64 2305843009213693952 is too large");
}

TEST(TensorTest, FromBytesChecksSizeAndBools) {
  uint8_t bytes[] = {0, 1, 1, 0};
  Tensor tensor = unwrap(Tensor::fromBytes(DType::Bool, {2, 2}, bytes));
  EXPECT_EQ(tensor.getBytes(), llvm::ArrayRef(bytes));
  EXPECT_EQ(getMessage(Tensor::fromBytes(DType::Int16, {2, 2}, bytes)),
            "int16 2x2 data must be 8 bytes, got 4");
  bytes[2] = 2;
  EXPECT_EQ(getMessage(Tensor::fromBytes(DType::Bool, {4}, bytes)),
            "bool element 2 is 2, not 0 or 1");
}

} // namespace
