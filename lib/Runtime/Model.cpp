//===- Model.cpp - loading and running compiled models --------------------===//

#include "kiln/Runtime/Model.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVectorExtras.h"
#include "llvm/Support/FileSystem.h"

#include <dlfcn.h>

namespace mlir::kiln::runtime {

namespace {

/// "input 'x' (#0)".
std::string describeTensor(llvm::StringRef kind, size_t index,
                           llvm::StringRef name) {
  return (kind + " '" + name + "' (#" + llvm::Twine(index) + ")").str();
}

llvm::SmallVector<TensorRef> getRefs(llvm::ArrayRef<Tensor> tensors) {
  return llvm::map_to_vector(
      tensors, [](const Tensor &tensor) { return tensor.getRef(); });
}

/// Checks `tensors` against `infos` in number, dtype and shape.
llvm::Error checkTensors(llvm::StringRef kind, llvm::ArrayRef<TensorInfo> infos,
                         llvm::ArrayRef<TensorRef> tensors,
                         llvm::ArrayRef<std::string> sources) {
  if (tensors.size() != infos.size()) {
    std::string names;
    llvm::raw_string_ostream os(names);
    llvm::interleaveComma(infos, os, [&](const TensorInfo &info) {
      os << "'" << info.name << "'";
    });
    return llvm::createStringError(
        "the model has " + llvm::Twine(infos.size()) + " " + kind + "s (" +
        names + "), got " + llvm::Twine(tensors.size()));
  }
  for (auto [index, info, tensor] : llvm::enumerate(infos, tensors)) {
    if (tensor.dtype == info.dtype &&
        tensor.shape == llvm::ArrayRef(info.shape))
      continue;
    std::string source = sources.empty() ? "" : " from " + sources[index];
    return llvm::createStringError(
        describeTensor(kind, index, info.name) + ": expected " +
        formatTensorType(info.dtype, info.shape) + ", got " +
        formatTensorType(tensor.dtype, tensor.shape) + source);
  }
  return llvm::Error::success();
}

/// Converts the ABI's descriptions, rejecting what the runtime cannot
/// represent.
llvm::Expected<std::vector<TensorInfo>>
convertInfos(llvm::StringRef kind, const kiln_tensor_info *infos,
             uint32_t count) {
  if (count > 0 && !infos)
    return llvm::createStringError("its " + kind + " descriptions are null");
  std::vector<TensorInfo> converted;
  for (uint32_t index = 0; index < count; ++index) {
    const kiln_tensor_info &info = infos[index];
    llvm::StringRef name = info.name ? info.name : "";
    std::string described = describeTensor(kind, index, name);
    std::optional<DType> dtype = getDTypeFromCode(info.dtype);
    if (!dtype)
      return llvm::createStringError(described + " has unsupported dtype " +
                                     llvm::Twine(info.dtype));
    if (info.rank < 0 || (info.rank > 0 && !info.shape))
      return llvm::createStringError(described + " has an invalid shape");
    llvm::ArrayRef<int64_t> shape(info.shape, info.rank);
    if (llvm::any_of(shape, [](int64_t extent) { return extent < 0; }))
      return llvm::createStringError(described + " has a negative extent");
    converted.push_back(
        {name.str(), *dtype, llvm::SmallVector<int64_t, 4>(shape)});
  }
  return converted;
}

} // namespace

llvm::Expected<std::unique_ptr<Model>> Model::load(llvm::StringRef path) {
  // dlopen searches the library path for a name without a '/': an absolute
  // path makes "model.so" mean the file in the current folder.
  llvm::SmallString<256> absolutePath(path);
  if (std::error_code error = llvm::sys::fs::make_absolute(absolutePath))
    return llvm::createStringError("cannot load model '" + path +
                                   "': " + error.message());
  void *handle = dlopen(absolutePath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    // dlerror() says "<absolute path>: <reason>".
    llvm::StringRef reason = dlerror();
    reason.consume_front(absolutePath.str().str() + ": ");
    return llvm::createStringError("cannot load model '" + path +
                                   "': " + reason);
  }
  std::unique_ptr<Model> model(new Model(path, handle));
  if (llvm::Error error = model->bindSymbols())
    return std::move(error);
  if (llvm::Error error = model->readInfo())
    return llvm::createStringError("model '" + path +
                                   "': " + llvm::toString(std::move(error)));
  return model;
}

Model::~Model() { dlclose(handle); }

llvm::Error Model::bindSymbols() {
  auto bind = [&](const char *name, auto &function) -> llvm::Error {
    void *symbol = dlsym(handle, name);
    if (!symbol)
      return llvm::createStringError("'" + path +
                                     "' is not a Kiln model: it does not "
                                     "export " +
                                     name);
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
    return llvm::Error::success();
  };
  if (llvm::Error error = bind("kiln_model_get_info", getInfoFn))
    return error;
  if (llvm::Error error = bind("kiln_model_run", runFn))
    return error;
  // Optional: hand-written models may not say why a run failed.
  lastErrorFn = reinterpret_cast<decltype(lastErrorFn)>(
      dlsym(handle, "kiln_model_last_error"));
  return bind("kiln_model_set_num_threads", setNumThreadsFn);
}

llvm::Error Model::readInfo() {
  const kiln_model_info *info = getInfoFn();
  if (!info)
    return llvm::createStringError("kiln_model_get_info returned null");
  // abi_version comes first in every version of the structure.
  if (info->abi_version != KILN_MODEL_ABI_VERSION)
    return llvm::createStringError(
        "compiled for model ABI version " + llvm::Twine(info->abi_version) +
        ", but this runtime implements version " +
        llvm::Twine(KILN_MODEL_ABI_VERSION) +
        "; recompile it with a matching kiln-compile");
  llvm::Expected<std::vector<TensorInfo>> convertedInputs =
      convertInfos("input", info->inputs, info->num_inputs);
  if (!convertedInputs)
    return convertedInputs.takeError();
  llvm::Expected<std::vector<TensorInfo>> convertedOutputs =
      convertInfos("output", info->outputs, info->num_outputs);
  if (!convertedOutputs)
    return convertedOutputs.takeError();
  inputs = std::move(*convertedInputs);
  outputs = std::move(*convertedOutputs);
  return llvm::Error::success();
}

void Model::setNumThreads(int32_t numThreads) const {
  setNumThreadsFn(numThreads);
}

llvm::Error Model::checkInputs(llvm::ArrayRef<TensorRef> tensors,
                               llvm::ArrayRef<std::string> sources) const {
  assert((sources.empty() || sources.size() == tensors.size()) &&
         "one source per tensor");
  return checkTensors("input", inputs, tensors, sources);
}

llvm::Error Model::checkInputs(llvm::ArrayRef<Tensor> tensors,
                               llvm::ArrayRef<std::string> sources) const {
  return checkInputs(getRefs(tensors), sources);
}

llvm::Expected<std::vector<Tensor>> Model::allocateOutputs() const {
  std::vector<Tensor> tensors;
  for (const TensorInfo &info : outputs) {
    llvm::Expected<Tensor> tensor = Tensor::create(info.dtype, info.shape);
    if (!tensor)
      return tensor.takeError();
    tensors.push_back(std::move(*tensor));
  }
  return tensors;
}

llvm::Error Model::run(llvm::ArrayRef<TensorRef> inputTensors,
                       llvm::MutableArrayRef<Tensor> outputTensors) const {
  if (llvm::Error error = checkInputs(inputTensors))
    return error;
  if (llvm::Error error =
          checkTensors("output", outputs, getRefs(outputTensors), {}))
    return error;
  llvm::SmallVector<const void *> inputData = llvm::map_to_vector(
      inputTensors, [](const TensorRef &tensor) { return tensor.data; });
  llvm::SmallVector<void *> outputData = llvm::map_to_vector(
      outputTensors, [](Tensor &tensor) { return tensor.getData(); });
  if (int32_t status = runFn(inputData.data(), outputData.data())) {
    const char *reason = lastErrorFn ? lastErrorFn() : nullptr;
    return llvm::createStringError(
        "model '" + path + "' failed: " +
        (reason ? llvm::Twine(reason)
                : "kiln_model_run returned " + llvm::Twine(status)));
  }
  return llvm::Error::success();
}

llvm::Error Model::run(llvm::ArrayRef<Tensor> inputTensors,
                       llvm::MutableArrayRef<Tensor> outputTensors) const {
  return run(getRefs(inputTensors), outputTensors);
}

llvm::Expected<std::vector<Tensor>>
Model::run(llvm::ArrayRef<Tensor> inputTensors) const {
  llvm::Expected<std::vector<Tensor>> outputTensors = allocateOutputs();
  if (!outputTensors)
    return outputTensors.takeError();
  if (llvm::Error error = run(inputTensors, *outputTensors))
    return std::move(error);
  return outputTensors;
}

} // namespace mlir::kiln::runtime
