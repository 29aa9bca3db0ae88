//===- Tensor.h - host tensors for running compiled models ------*- C++ -*-===//
//
// A Tensor is a dense, row-major buffer of one of the element types of the
// model ABI (KilnModel.h), with its shape. It owns its storage, aligned for
// vector loads.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_TENSOR_H
#define KILN_RUNTIME_TENSOR_H

#include "kiln/Runtime/KilnModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace mlir::kiln::runtime {

/// The element types of the model ABI; the values are ONNX's
/// TensorProto.DataType codes.
enum class DType : int32_t {
  Float32 = KILN_DTYPE_FLOAT32,
  UInt8 = KILN_DTYPE_UINT8,
  Int8 = KILN_DTYPE_INT8,
  UInt16 = KILN_DTYPE_UINT16,
  Int16 = KILN_DTYPE_INT16,
  Int32 = KILN_DTYPE_INT32,
  Int64 = KILN_DTYPE_INT64,
  Bool = KILN_DTYPE_BOOL,
  Float16 = KILN_DTYPE_FLOAT16,
  Float64 = KILN_DTYPE_FLOAT64,
  UInt32 = KILN_DTYPE_UINT32,
  UInt64 = KILN_DTYPE_UINT64,
  BFloat16 = KILN_DTYPE_BFLOAT16,
};

/// Every DType, in code order.
llvm::ArrayRef<DType> getAllDTypes();

/// The DType with ONNX code `code`; nullopt for codes outside the ABI.
std::optional<DType> getDTypeFromCode(int32_t code);

/// numpy's name of the type: "float32", "int64", "bool", "bfloat16", ...
llvm::StringRef getDTypeName(DType dtype);

/// The DType named `name` (as getDTypeName spells it); nullopt for others.
std::optional<DType> getDTypeFromName(llvm::StringRef name);

/// Bytes per element.
size_t getDTypeSize(DType dtype);

/// "1x3x224x224"; "scalar" for rank 0.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// "float32 1x3x224x224".
std::string formatTensorType(DType dtype, llvm::ArrayRef<int64_t> shape);

/// A dense, row-major tensor whose storage is owned elsewhere (by a Tensor,
/// or by a Python buffer such as a numpy array).
struct TensorRef {
  DType dtype;
  llvm::ArrayRef<int64_t> shape;
  const void *data;
};

class Tensor {
public:
  /// Alignment of every tensor's storage in bytes.
  static constexpr size_t kAlignment = 64;

  /// A zero-filled tensor. Fails on a negative extent or a size that does
  /// not fit in memory.
  static llvm::Expected<Tensor> create(DType dtype,
                                       llvm::ArrayRef<int64_t> shape);

  /// A tensor holding a copy of `bytes`, which must be exactly the tensor's
  /// size; bool elements must be 0 or 1.
  static llvm::Expected<Tensor> fromBytes(DType dtype,
                                          llvm::ArrayRef<int64_t> shape,
                                          llvm::ArrayRef<uint8_t> bytes);

  DType getDType() const { return dtype; }
  llvm::ArrayRef<int64_t> getShape() const { return shape; }
  int64_t getNumElements() const { return numElements; }
  size_t getNumBytes() const { return numElements * getDTypeSize(dtype); }

  void *getData() { return storage.get(); }
  const void *getData() const { return storage.get(); }
  TensorRef getRef() const { return {dtype, shape, getData()}; }
  llvm::MutableArrayRef<uint8_t> getBytes() {
    return {storage.get(), getNumBytes()};
  }
  llvm::ArrayRef<uint8_t> getBytes() const {
    return {storage.get(), getNumBytes()};
  }

  /// The elements as `T`, which must have the element size (e.g. uint16_t
  /// for float16 and bfloat16, uint8_t for bool).
  template <typename T> llvm::MutableArrayRef<T> getElements() {
    assert(sizeof(T) == getDTypeSize(dtype) && "element size mismatch");
    return {reinterpret_cast<T *>(storage.get()),
            static_cast<size_t>(numElements)};
  }
  template <typename T> llvm::ArrayRef<T> getElements() const {
    assert(sizeof(T) == getDTypeSize(dtype) && "element size mismatch");
    return {reinterpret_cast<const T *>(storage.get()),
            static_cast<size_t>(numElements)};
  }

private:
  struct AlignedDelete {
    void operator()(uint8_t *data) const;
  };
  using Storage = std::unique_ptr<uint8_t[], AlignedDelete>;

  Tensor(DType dtype, llvm::ArrayRef<int64_t> shape, int64_t numElements,
         Storage storage)
      : dtype(dtype), shape(shape), numElements(numElements),
        storage(std::move(storage)) {}

  DType dtype;
  llvm::SmallVector<int64_t, 4> shape;
  int64_t numElements;
  Storage storage;
};

} // namespace mlir::kiln::runtime

#endif // KILN_RUNTIME_TENSOR_H
