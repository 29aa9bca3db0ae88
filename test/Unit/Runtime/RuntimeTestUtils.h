//===- RuntimeTestUtils.h - helpers for the runtime unit tests --*- C++ -*-===//

#ifndef KILN_TEST_UNIT_RUNTIME_RUNTIMETESTUTILS_H
#define KILN_TEST_UNIT_RUNTIME_RUNTIMETESTUTILS_H

#include "kiln/Runtime/Tensor.h"

#include "gtest/gtest.h"

#include <cstdlib>

namespace mlir::kiln::runtime::testing {

/// The message of `error`, or "success".
inline std::string getMessage(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : "success";
}

template <typename T> std::string getMessage(llvm::Expected<T> value) {
  return value ? "success" : llvm::toString(value.takeError());
}

/// The value of `expected`; a failure ends the test binary (the tests
/// cannot go on without the value).
template <typename T> T unwrap(llvm::Expected<T> expected) {
  if (!expected) {
    ADD_FAILURE() << llvm::toString(expected.takeError());
    std::abort();
  }
  return std::move(*expected);
}

/// A tensor with distinct bytes (bool elements alternate 0 and 1).
inline Tensor makePatternTensor(DType dtype, llvm::ArrayRef<int64_t> shape) {
  Tensor tensor = unwrap(Tensor::create(dtype, shape));
  llvm::MutableArrayRef<uint8_t> bytes = tensor.getBytes();
  for (size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = dtype == DType::Bool ? i % 2 : (i * 37 + 11) & 0xff;
  return tensor;
}

/// A tensor holding `values`, which have the element type of `dtype`.
template <typename T>
Tensor makeTensor(DType dtype, llvm::ArrayRef<int64_t> shape,
                  llvm::ArrayRef<T> values) {
  return unwrap(Tensor::fromBytes(
      dtype, shape,
      llvm::ArrayRef(reinterpret_cast<const uint8_t *>(values.data()),
                     values.size() * sizeof(T))));
}

inline bool haveSameContents(const Tensor &lhs, const Tensor &rhs) {
  return lhs.getDType() == rhs.getDType() && lhs.getShape() == rhs.getShape() &&
         lhs.getBytes() == rhs.getBytes();
}

} // namespace mlir::kiln::runtime::testing

#endif // KILN_TEST_UNIT_RUNTIME_RUNTIMETESTUTILS_H
