//===- Model.h - loading and running compiled models ------------*- C++ -*-===//
//
// A Model is a shared library produced by `kiln-compile -o MODEL.so`, loaded
// with dlopen. Loading checks that the library implements the model ABI of
// KilnModel.h in the version this runtime was built with; running checks the
// inputs against the model's declared inputs first, so a model never sees a
// buffer of the wrong size.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RUNTIME_MODEL_H
#define KILN_RUNTIME_MODEL_H

#include "kiln/Runtime/Tensor.h"

#include <string>
#include <vector>

namespace mlir::kiln::runtime {

/// One input or output of a model.
struct TensorInfo {
  std::string name;
  DType dtype;
  llvm::SmallVector<int64_t, 4> shape;
};

class Model {
public:
  /// Loads the compiled model at `path`.
  static llvm::Expected<std::unique_ptr<Model>> load(llvm::StringRef path);

  /// Unloads the library (its thread pool stops with it).
  ~Model();
  Model(const Model &) = delete;
  Model &operator=(const Model &) = delete;

  llvm::StringRef getPath() const { return path; }
  llvm::ArrayRef<TensorInfo> getInputs() const { return inputs; }
  llvm::ArrayRef<TensorInfo> getOutputs() const { return outputs; }

  /// Limits the threads one run may use (at least 1).
  void setNumThreads(int32_t numThreads) const;

  /// Checks that `tensors` match the model's inputs in number, dtype and
  /// shape. `sources`, when given, says where each input came from (e.g.
  /// its file) for the error message.
  llvm::Error checkInputs(llvm::ArrayRef<TensorRef> tensors,
                          llvm::ArrayRef<std::string> sources = {}) const;
  llvm::Error checkInputs(llvm::ArrayRef<Tensor> tensors,
                          llvm::ArrayRef<std::string> sources = {}) const;

  /// Zero-filled tensors of the outputs' dtypes and shapes.
  llvm::Expected<std::vector<Tensor>> allocateOutputs() const;

  /// Runs the model on `inputs` into `outputs` (as allocateOutputs makes
  /// them). Safe to call concurrently with distinct outputs. The model reads
  /// the inputs in place.
  llvm::Error run(llvm::ArrayRef<TensorRef> inputs,
                  llvm::MutableArrayRef<Tensor> outputs) const;
  llvm::Error run(llvm::ArrayRef<Tensor> inputs,
                  llvm::MutableArrayRef<Tensor> outputs) const;

  /// Runs the model on `inputs` into newly allocated outputs.
  llvm::Expected<std::vector<Tensor>> run(llvm::ArrayRef<Tensor> inputs) const;

private:
  using GetInfoFn = const kiln_model_info *(*)();
  using RunFn = int32_t (*)(const void *const *, void *const *);
  using SetNumThreadsFn = void (*)(int32_t);
  using LastErrorFn = const char *(*)();

  Model(llvm::StringRef path, void *handle) : path(path), handle(handle) {}

  llvm::Error bindSymbols();
  llvm::Error readInfo();

  std::string path;
  void *handle;
  RunFn runFn = nullptr;
  SetNumThreadsFn setNumThreadsFn = nullptr;
  GetInfoFn getInfoFn = nullptr;
  /// Null for models that do not export kiln_model_last_error.
  LastErrorFn lastErrorFn = nullptr;
  std::vector<TensorInfo> inputs;
  std::vector<TensorInfo> outputs;
};

} // namespace mlir::kiln::runtime

#endif // KILN_RUNTIME_MODEL_H
