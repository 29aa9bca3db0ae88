//===- TensorConversion.h - ONNX types and tensors as MLIR ----------*- C++ -*-===//

#ifndef KILN_LIB_IMPORT_ONNX_TENSORCONVERSION_H
#define KILN_LIB_IMPORT_ONNX_TENSORCONVERSION_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include "onnx/onnx_pb.h"

#include <string>

namespace mlir::kiln::onnx_import {

/// Returns the MLIR element type of ONNX `TensorProto.DataType` `dataType`
/// (including the numbers newer than libonnx 1.12's enum: fp8, int4, fp4),
/// or null for types Kiln does not support (string, complex, 2-bit).
Type getElementType(MLIRContext *context, int32_t dataType);

/// Returns a readable name of an ONNX data type number ("FLOAT", "INT4", ...).
std::string getDataTypeName(int32_t dataType);

/// Converts `tensor` into an elements attribute of `type`. Tensors of at least
/// `kResourceThreshold` bytes become `dense_resource` blobs named after the
/// tensor; smaller ones become `dense` attributes so that shape computations
/// can fold. `externalDirectory` resolves `data_location = EXTERNAL`.
/// Returns a failure message on malformed or unreadable data.
FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                      RankedTensorType type,
                                      StringRef externalDirectory,
                                      std::string &error);

/// Size from which initializer data is stored as a `dense_resource` blob.
constexpr size_t kResourceThreshold = 1024;

/// Returns the shape of a TensorProto's dims.
SmallVector<int64_t> getTensorShape(const onnx::TensorProto &tensor);

} // namespace mlir::kiln::onnx_import

#endif // KILN_LIB_IMPORT_ONNX_TENSORCONVERSION_H
