//===- TensorConversion.cpp - ONNX types and tensors as MLIR --------------===//

#include "TensorConversion.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cstring>

namespace mlir::kiln::onnx_import {

namespace {

// TensorProto.DataType numbers. libonnx 1.12's enum stops at BFLOAT16; the
// rest are the values later ONNX releases assigned (they parse as plain ints).
enum DataType : int32_t {
  kFloat = 1, kUInt8 = 2, kInt8 = 3, kUInt16 = 4, kInt16 = 5, kInt32 = 6,
  kInt64 = 7, kString = 8, kBool = 9, kFloat16 = 10, kDouble = 11,
  kUInt32 = 12, kUInt64 = 13, kComplex64 = 14, kComplex128 = 15,
  kBFloat16 = 16, kFloat8E4M3FN = 17, kFloat8E4M3FNUZ = 18,
  kFloat8E5M2 = 19, kFloat8E5M2FNUZ = 20, kUInt4 = 21, kInt4 = 22,
  kFloat4E2M1 = 23, kFloat8E8M0 = 24, kUInt2 = 25, kInt2 = 26,
};

/// Bits one element occupies in ONNX's raw (little-endian) layout.
unsigned getStorageBits(Type type) {
  if (type.isInteger(1))
    return 8; // ONNX stores one bool per byte.
  return type.getIntOrFloatBitWidth();
}

/// Reads `length` bytes at `offset` of the external data file `location`,
/// resolved inside `directory`.
FailureOr<std::string> readExternalData(const onnx::TensorProto &tensor,
                                        StringRef directory,
                                        std::string &error) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" &&
             StringRef(entry.value()).getAsInteger(10, offset))
      return (error = "invalid external data offset '" + entry.value() + "'",
              failure());
    else if (entry.key() == "length") {
      uint64_t value = 0;
      if (StringRef(entry.value()).getAsInteger(10, value))
        return (error = "invalid external data length '" + entry.value() + "'",
                failure());
      length = value;
    }
  }
  if (location.empty())
    return (error = "external data has no location", failure());
  // Like onnxruntime, only files beside the model are read.
  if (llvm::sys::path::is_absolute(location) ||
      StringRef(location).contains(".."))
    return (error = "external data location '" + location +
                    "' must be a relative path inside the model's folder",
            failure());
  SmallString<256> path(directory);
  llvm::sys::path::append(path, location);
  uint64_t size = 0;
  if (std::error_code code = llvm::sys::fs::file_size(path, size))
    return (error = "cannot read external data file '" + path.str().str() +
                    "': " + code.message(),
            failure());
  uint64_t count = length.value_or(size > offset ? size - offset : 0);
  if (offset > size || count > size - offset)
    return (error = "external data range [" + std::to_string(offset) + ", " +
                    std::to_string(offset + count) + ") exceeds file '" +
                    path.str().str() + "' of " + std::to_string(size) +
                    " bytes",
            failure());
  // Map only this tensor's bytes: weight files can exceed memory.
  auto slice = llvm::MemoryBuffer::getFileSlice(path, count, offset,
                                                /*IsVolatile=*/false);
  if (!slice)
    return (error = "cannot read external data file '" + path.str().str() +
                    "': " + slice.getError().message(),
            failure());
  return std::string((*slice)->getBufferStart(), count);
}

/// Copies a repeated typed field into little-endian storage of `bytes` bytes
/// per element.
template <typename FieldT>
std::string packField(const FieldT &field, unsigned bytes) {
  std::string data(field.size() * bytes, '\0');
  for (int i = 0; i < field.size(); ++i) {
    auto value = field.Get(i);
    std::memcpy(&data[i * bytes], &value, bytes);
  }
  return data;
}

/// Returns the tensor's data in ONNX's raw layout, from whichever field holds
/// it.
FailureOr<std::string> getRawData(const onnx::TensorProto &tensor, Type element,
                                  StringRef directory, std::string &error) {
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
    return readExternalData(tensor, directory, error);
  if (tensor.has_raw_data())
    return tensor.raw_data();
  unsigned bytes = getStorageBits(element) / 8;
  switch (tensor.data_type()) {
  case kFloat:
    return packField(tensor.float_data(), 4);
  case kDouble:
    return packField(tensor.double_data(), 8);
  case kInt64:
    return packField(tensor.int64_data(), 8);
  case kUInt32:
  case kUInt64:
    return packField(tensor.uint64_data(), bytes);
  case kUInt4:
  case kInt4:
  case kFloat4E2M1:
    // Packed two per byte, one byte per int32_data entry.
    return packField(tensor.int32_data(), 1);
  default:
    // Everything else narrower than 64 bits (ints, bool, f16/bf16 bits, fp8)
    // travels in int32_data, one element per entry.
    return packField(tensor.int32_data(), bytes);
  }
}

/// Builds a dense attribute for 4-bit and boolean data, which MLIR does not
/// store in ONNX's byte layout.
ElementsAttr convertUnpacked(RankedTensorType type, StringRef data) {
  Type element = type.getElementType();
  int64_t count = type.getNumElements();
  auto getBits = [&](int64_t i) -> uint64_t {
    if (element.isInteger(1))
      return data[i] != 0;
    uint8_t byte = data[i / 2];
    return i % 2 == 0 ? byte & 0xF : byte >> 4;
  };
  if (auto floatType = dyn_cast<FloatType>(element)) {
    SmallVector<APFloat> values;
    for (int64_t i = 0; i < count; ++i)
      values.emplace_back(floatType.getFloatSemantics(),
                          APInt(floatType.getWidth(), getBits(i)));
    return DenseElementsAttr::get(type, values);
  }
  unsigned width = element.getIntOrFloatBitWidth();
  SmallVector<APInt> values;
  for (int64_t i = 0; i < count; ++i)
    values.emplace_back(width, getBits(i));
  return DenseElementsAttr::get(type, values);
}

} // namespace

Type getElementType(MLIRContext *context, int32_t dataType) {
  Builder b(context);
  auto unsignedType = [&](unsigned width) {
    return IntegerType::get(context, width, IntegerType::Unsigned);
  };
  switch (dataType) {
  case kFloat: return b.getF32Type();
  case kUInt8: return unsignedType(8);
  case kInt8: return b.getI8Type();
  case kUInt16: return unsignedType(16);
  case kInt16: return b.getI16Type();
  case kInt32: return b.getI32Type();
  case kInt64: return b.getI64Type();
  case kBool: return b.getI1Type();
  case kFloat16: return b.getF16Type();
  case kDouble: return b.getF64Type();
  case kUInt32: return unsignedType(32);
  case kUInt64: return unsignedType(64);
  case kBFloat16: return b.getBF16Type();
  case kFloat8E4M3FN: return Float8E4M3FNType::get(context);
  case kFloat8E4M3FNUZ: return Float8E4M3FNUZType::get(context);
  case kFloat8E5M2: return Float8E5M2Type::get(context);
  case kFloat8E5M2FNUZ: return Float8E5M2FNUZType::get(context);
  case kUInt4: return unsignedType(4);
  case kInt4: return b.getIntegerType(4);
  case kFloat4E2M1: return Float4E2M1FNType::get(context);
  case kFloat8E8M0: return Float8E8M0FNUType::get(context);
  default: return {};
  }
}

std::string getDataTypeName(int32_t dataType) {
  static const char *const names[] = {
      "UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16",
      "INT32", "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE",
      "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16",
      "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ",
      "UINT4", "INT4", "FLOAT4E2M1", "FLOAT8E8M0", "UINT2", "INT2"};
  if (dataType >= 0 && dataType < static_cast<int32_t>(std::size(names)))
    return names[dataType];
  return "data type " + std::to_string(dataType);
}

SmallVector<int64_t> getTensorShape(const onnx::TensorProto &tensor) {
  return SmallVector<int64_t>(tensor.dims().begin(), tensor.dims().end());
}

FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                      RankedTensorType type,
                                      StringRef externalDirectory,
                                      std::string &error) {
  Type element = type.getElementType();
  FailureOr<std::string> data =
      getRawData(tensor, element, externalDirectory, error);
  if (failed(data))
    return failure();
  int64_t count = type.getNumElements();
  unsigned bits = getStorageBits(element);
  uint64_t expected = (static_cast<uint64_t>(count) * bits + 7) / 8;
  if (data->size() != expected)
    return (error = "tensor '" + tensor.name() + "' of " +
                    std::to_string(count) + " " +
                    getDataTypeName(tensor.data_type()) + " elements holds " +
                    std::to_string(data->size()) + " bytes, expected " +
                    std::to_string(expected),
            failure());
  if (count == 0)
    return cast<ElementsAttr>(
        DenseElementsAttr::get(type, ArrayRef<Attribute>()));
  if (bits < 8 || element.isInteger(1))
    return convertUnpacked(type, *data);
  ArrayRef<char> bytes(data->data(), data->size());
  if (data->size() < kResourceThreshold)
    return cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(type, bytes));
  std::string name = tensor.name().empty() ? "tensor" : tensor.name();
  return cast<ElementsAttr>(DenseResourceElementsAttr::get(
      type, name,
      HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, bits / 8)));
}

} // namespace mlir::kiln::onnx_import
