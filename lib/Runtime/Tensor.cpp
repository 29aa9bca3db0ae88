//===- Tensor.cpp - host tensors for running compiled models --------------===//

#include "kiln/Runtime/Tensor.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVectorExtras.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <new>

// Tensors hold elements in the host's byte order, and the model ABI, .npy and
// TensorProto raw_data are all little-endian: bytes are copied as they are.
static_assert(llvm::endianness::native == llvm::endianness::little,
              "the Kiln runtime assumes a little-endian host");

namespace mlir::kiln::runtime {

namespace {

struct DTypeDescription {
  DType dtype;
  llvm::StringLiteral name;
  size_t size;
};

constexpr DTypeDescription kDTypes[] = {
    {DType::Float32, "float32", 4},   {DType::UInt8, "uint8", 1},
    {DType::Int8, "int8", 1},         {DType::UInt16, "uint16", 2},
    {DType::Int16, "int16", 2},       {DType::Int32, "int32", 4},
    {DType::Int64, "int64", 8},       {DType::Bool, "bool", 1},
    {DType::Float16, "float16", 2},   {DType::Float64, "float64", 8},
    {DType::UInt32, "uint32", 4},     {DType::UInt64, "uint64", 8},
    {DType::BFloat16, "bfloat16", 2},
};

const DTypeDescription &describe(DType dtype) {
  const DTypeDescription *description = llvm::find_if(
      kDTypes, [&](const DTypeDescription &d) { return d.dtype == dtype; });
  assert(description != std::end(kDTypes) && "not a DType");
  return *description;
}

} // namespace

llvm::ArrayRef<DType> getAllDTypes() {
  static const llvm::SmallVector<DType> dtypes = llvm::map_to_vector(
      kDTypes, [](const DTypeDescription &d) { return d.dtype; });
  return dtypes;
}

std::optional<DType> getDTypeFromCode(int32_t code) {
  for (const DTypeDescription &description : kDTypes)
    if (static_cast<int32_t>(description.dtype) == code)
      return description.dtype;
  return std::nullopt;
}

llvm::StringRef getDTypeName(DType dtype) { return describe(dtype).name; }

std::optional<DType> getDTypeFromName(llvm::StringRef name) {
  for (const DTypeDescription &description : kDTypes)
    if (description.name == name)
      return description.dtype;
  return std::nullopt;
}

size_t getDTypeSize(DType dtype) { return describe(dtype).size; }

std::string formatShape(llvm::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(shape, os, "x");
  return text;
}

std::string formatTensorType(DType dtype, llvm::ArrayRef<int64_t> shape) {
  return (getDTypeName(dtype) + " " + formatShape(shape)).str();
}

void Tensor::AlignedDelete::operator()(uint8_t *data) const {
  ::operator delete(data, std::align_val_t(kAlignment));
}

llvm::Expected<Tensor> Tensor::create(DType dtype,
                                      llvm::ArrayRef<int64_t> shape) {
  std::optional<int64_t> numElements = 1;
  for (int64_t extent : shape) {
    if (extent < 0)
      return llvm::createStringError("shape " + formatShape(shape) +
                                     " has a negative extent");
    numElements = llvm::checkedMul(*numElements, extent);
    if (!numElements)
      break;
  }
  std::optional<int64_t> numBytes =
      numElements ? llvm::checkedMul(*numElements,
                                     static_cast<int64_t>(getDTypeSize(dtype)))
                  : std::nullopt;
  if (!numBytes)
    return llvm::createStringError(formatTensorType(dtype, shape) +
                                   " is too large");
  auto *data = static_cast<uint8_t *>(
      ::operator new(*numBytes, std::align_val_t(kAlignment)));
  std::memset(data, 0, *numBytes);
  return Tensor(dtype, shape, *numElements, Storage(data));
}

llvm::Expected<Tensor> Tensor::fromBytes(DType dtype,
                                         llvm::ArrayRef<int64_t> shape,
                                         llvm::ArrayRef<uint8_t> bytes) {
  llvm::Expected<Tensor> tensor = create(dtype, shape);
  if (!tensor)
    return tensor.takeError();
  if (bytes.size() != tensor->getNumBytes())
    return llvm::createStringError(formatTensorType(dtype, shape) +
                                   " data must be " +
                                   llvm::Twine(tensor->getNumBytes()) +
                                   " bytes, got " + llvm::Twine(bytes.size()));
  if (dtype == DType::Bool) {
    const uint8_t *invalid =
        llvm::find_if(bytes, [](uint8_t value) { return value > 1; });
    if (invalid != bytes.end())
      return llvm::createStringError(
          "bool element " + llvm::Twine(invalid - bytes.begin()) + " is " +
          llvm::Twine(static_cast<unsigned>(*invalid)) + ", not 0 or 1");
  }
  llvm::copy(bytes, tensor->getBytes().begin());
  return tensor;
}

} // namespace mlir::kiln::runtime
