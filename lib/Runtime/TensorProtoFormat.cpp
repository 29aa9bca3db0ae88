//===- TensorProtoFormat.cpp - ONNX TensorProto files ---------------------===//
//
// The .pb files of ONNX's test data: one serialized onnx.TensorProto. Values
// are in raw_data (little-endian) or in the typed repeated field of the
// data type; int32_data holds the 8- and 16-bit integers, bool, and the bit
// patterns of float16 and bfloat16.
//
//===----------------------------------------------------------------------===//

#include "kiln/Runtime/TensorFile.h"

#include "llvm/ADT/StringExtras.h"

#include "onnx/onnx_pb.h"

#include <type_traits>

namespace mlir::kiln::runtime {

namespace {

std::string getDataTypeName(int32_t code) {
  if (onnx::TensorProto_DataType_IsValid(code))
    return onnx::TensorProto_DataType_Name(code);
  return "data type " + std::to_string(code);
}

/// Copies the typed field `values` into `tensor` as `Element`s, checking
/// that each value fits.
template <typename Element, typename Values>
llvm::Error copyValues(const Values &values, llvm::StringRef fieldName,
                       Tensor &tensor) {
  if (values.size() != tensor.getNumElements())
    return llvm::createStringError(
        formatTensorType(tensor.getDType(), tensor.getShape()) + " needs " +
        llvm::Twine(tensor.getNumElements()) + " values in raw_data or " +
        fieldName + ", got " + llvm::Twine(values.size()) + " in " + fieldName);
  llvm::MutableArrayRef<Element> elements = tensor.getElements<Element>();
  for (int64_t i = 0, e = values.size(); i < e; ++i) {
    auto value = values.Get(i);
    elements[i] = static_cast<Element>(value);
    if constexpr (std::is_integral_v<Element>) {
      bool fits = static_cast<decltype(value)>(elements[i]) == value &&
                  (tensor.getDType() != DType::Bool || value <= 1);
      if (!fits)
        return llvm::createStringError(fieldName + " value " +
                                       llvm::Twine(value) + " (element " +
                                       llvm::Twine(i) + ") does not fit in " +
                                       getDTypeName(tensor.getDType()));
    }
  }
  return llvm::Error::success();
}

llvm::Error copyTypedValues(const onnx::TensorProto &proto, Tensor &tensor) {
  switch (tensor.getDType()) {
  case DType::Float32:
    return copyValues<float>(proto.float_data(), "float_data", tensor);
  case DType::Float64:
    return copyValues<double>(proto.double_data(), "double_data", tensor);
  case DType::Int64:
    return copyValues<int64_t>(proto.int64_data(), "int64_data", tensor);
  case DType::UInt32:
    return copyValues<uint32_t>(proto.uint64_data(), "uint64_data", tensor);
  case DType::UInt64:
    return copyValues<uint64_t>(proto.uint64_data(), "uint64_data", tensor);
  case DType::Int32:
    return copyValues<int32_t>(proto.int32_data(), "int32_data", tensor);
  case DType::Int16:
    return copyValues<int16_t>(proto.int32_data(), "int32_data", tensor);
  case DType::Int8:
    return copyValues<int8_t>(proto.int32_data(), "int32_data", tensor);
  case DType::UInt16:
  case DType::Float16:
  case DType::BFloat16:
    return copyValues<uint16_t>(proto.int32_data(), "int32_data", tensor);
  case DType::UInt8:
  case DType::Bool:
    return copyValues<uint8_t>(proto.int32_data(), "int32_data", tensor);
  }
  llvm_unreachable("unknown DType");
}

} // namespace

llvm::Expected<Tensor> parseTensorProto(llvm::StringRef contents) {
  onnx::TensorProto proto;
  if (!proto.ParseFromArray(contents.data(), contents.size()))
    return llvm::createStringError("not a serialized onnx.TensorProto");
  std::optional<DType> dtype = getDTypeFromCode(proto.data_type());
  if (!dtype)
    return llvm::createStringError("unsupported element type " +
                                   getDataTypeName(proto.data_type()));
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    return llvm::createStringError(
        "tensors with external data are not supported");
  if (proto.has_segment())
    return llvm::createStringError("segmented tensors are not supported");

  llvm::SmallVector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  if (proto.has_raw_data())
    return Tensor::fromBytes(*dtype, shape,
                             llvm::arrayRefFromStringRef(proto.raw_data()));
  llvm::Expected<Tensor> tensor = Tensor::create(*dtype, shape);
  if (!tensor)
    return tensor.takeError();
  if (llvm::Error error = copyTypedValues(proto, *tensor))
    return std::move(error);
  return tensor;
}

void writeTensorProto(const Tensor &tensor, llvm::raw_ostream &os) {
  onnx::TensorProto proto;
  proto.set_data_type(static_cast<int32_t>(tensor.getDType()));
  for (int64_t extent : tensor.getShape())
    proto.add_dims(extent);
  proto.set_raw_data(tensor.getData(), tensor.getNumBytes());
  os << proto.SerializeAsString();
}

} // namespace mlir::kiln::runtime
