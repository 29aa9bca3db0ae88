//===- TensorFile.h - tensors in .npy and ONNX TensorProto files -*- C++
//-*-===//
//
// Two file formats carry tensors in and out of kiln-run:
//  - NumPy's .npy (format versions 1.0 and 2.0; little-endian, C order).
//    bfloat16, which numpy lacks, is stored as the 2-byte void type 'V2'
//    (what numpy and ml_dtypes write for it).
//  - ONNX's serialized TensorProto (.pb), as in the ONNX test data: raw_data
//    or the typed repeated fields; float16 and bfloat16 values in int32_data
//    are bit patterns.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_TENSORFILE_H
#define KILN_RUNTIME_TENSORFILE_H

#include "kiln/Runtime/Tensor.h"

#include "llvm/Support/raw_ostream.h"

namespace mlir::kiln::runtime {

/// Parses the contents of a .npy file.
llvm::Expected<Tensor> parseNpy(llvm::StringRef contents);

/// Writes `tensor` in .npy format (version 1.0 unless the header needs 2.0).
void writeNpy(const Tensor &tensor, llvm::raw_ostream &os);

/// Parses a serialized onnx.TensorProto.
llvm::Expected<Tensor> parseTensorProto(llvm::StringRef contents);

/// Writes `tensor` as a serialized onnx.TensorProto with raw_data.
void writeTensorProto(const Tensor &tensor, llvm::raw_ostream &os);

/// Reads a tensor file; the extension picks the format (.npy or .pb).
/// Errors name the file.
llvm::Expected<Tensor> readTensorFile(llvm::StringRef path);

/// Writes a tensor file; the extension picks the format (.npy or .pb).
llvm::Error writeTensorFile(const Tensor &tensor, llvm::StringRef path);

} // namespace mlir::kiln::runtime

#endif // KILN_RUNTIME_TENSORFILE_H
