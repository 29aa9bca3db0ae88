//===- TensorFile.cpp - tensor files by extension -------------------------===//

#include "kiln/Runtime/TensorFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace mlir::kiln::runtime {

namespace {

enum class TensorFileFormat { Npy, TensorProto };

llvm::Expected<TensorFileFormat> getFormat(llvm::StringRef path) {
  llvm::StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".npy")
    return TensorFileFormat::Npy;
  if (extension == ".pb")
    return TensorFileFormat::TensorProto;
  return llvm::createStringError(path + ": unknown tensor file extension '" +
                                 extension + "' (expected .npy or .pb)");
}

} // namespace

llvm::Expected<Tensor> readTensorFile(llvm::StringRef path) {
  llvm::Expected<TensorFileFormat> format = getFormat(path);
  if (!format)
    return format.takeError();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError("cannot read '" + path +
                                   "': " + buffer.getError().message());
  llvm::StringRef contents = (*buffer)->getBuffer();
  llvm::Expected<Tensor> tensor = *format == TensorFileFormat::Npy
                                      ? parseNpy(contents)
                                      : parseTensorProto(contents);
  if (!tensor)
    return llvm::createStringError(path + ": " +
                                   llvm::toString(tensor.takeError()));
  return tensor;
}

llvm::Error writeTensorFile(const Tensor &tensor, llvm::StringRef path) {
  llvm::Expected<TensorFileFormat> format = getFormat(path);
  if (!format)
    return format.takeError();
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
  if (error)
    return llvm::createStringError("cannot write '" + path +
                                   "': " + error.message());
  if (*format == TensorFileFormat::Npy)
    writeNpy(tensor, os);
  else
    writeTensorProto(tensor, os);
  os.close();
  if (os.has_error()) {
    error = os.error();
    // A stream destroyed with an unchecked error aborts.
    os.clear_error();
    return llvm::createStringError("cannot write '" + path +
                                   "': " + error.message());
  }
  return llvm::Error::success();
}

} // namespace mlir::kiln::runtime
