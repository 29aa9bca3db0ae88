//===- RuntimeBindings.cpp - loading and running compiled models ----------===//
//
// Inputs are read in place through the buffer protocol (the Python side
// hands over C-contiguous, aligned, native-endian numpy arrays); outputs are
// the runtime's aligned tensors, exposed as buffers that numpy arrays view.
// No numpy C API is used, so one build serves numpy 1 and 2.
//
//===----------------------------------------------------------------------===//

#include "Bindings.h"

#include "kiln/Runtime/Model.h"

#include <pybind11/stl.h>

namespace py = pybind11;

namespace mlir::kiln::python {

namespace {

using runtime::DType;
using runtime::Model;
using runtime::Tensor;
using runtime::TensorInfo;
using runtime::TensorRef;

/// An output tensor, owned by the numpy array that views it.
struct OutputBuffer {
  Tensor tensor;
};

/// A Python buffer held for the duration of a run.
class HeldBuffer {
public:
  HeldBuffer() = default;
  HeldBuffer(const HeldBuffer &) = delete;
  HeldBuffer &operator=(const HeldBuffer &) = delete;
  ~HeldBuffer() {
    if (acquired)
      PyBuffer_Release(&view);
  }

  /// Gets a C-contiguous view of `object`; raises the Python error if it
  /// has none.
  void acquire(const py::handle &object) {
    if (PyObject_GetBuffer(object.ptr(), &view, PyBUF_C_CONTIGUOUS) != 0)
      throw py::error_already_set();
    acquired = true;
  }

  const void *getData() const { return view.buf; }
  SmallVector<int64_t> getShape() const {
    return SmallVector<int64_t>(view.shape, view.shape + view.ndim);
  }

private:
  Py_buffer view;
  bool acquired = false;
};

/// The runtime's input mismatch message, for a dtype it has no name for.
std::string describeUnsupportedDType(const TensorInfo &info, size_t index,
                                     const std::string &dtypeName,
                                     llvm::ArrayRef<int64_t> shape) {
  return "input '" + info.name + "' (#" + std::to_string(index) +
         "): expected " + runtime::formatTensorType(info.dtype, info.shape) +
         ", got " + dtypeName + " " + runtime::formatShape(shape);
}

py::tuple describeTensors(llvm::ArrayRef<TensorInfo> infos) {
  py::list described;
  for (const TensorInfo &info : infos)
    described.append(
        py::make_tuple(info.name, runtime::getDTypeName(info.dtype).str(),
                       py::tuple(py::cast(std::vector<int64_t>(
                           info.shape.begin(), info.shape.end())))));
  return py::tuple(described);
}

std::unique_ptr<Model> loadModel(const std::string &path) {
  llvm::Expected<std::unique_ptr<Model>> model = Model::load(path);
  if (!model)
    throw KilnFailure(llvm::toString(model.takeError()));
  return std::move(*model);
}

/// Runs `model` on `inputs`, pairs (numpy dtype name, C-contiguous buffer)
/// in the model's input order. Raises ValueError for inputs that do not
/// match the model.
py::list runModel(const Model &model, const py::sequence &inputs) {
  size_t count = inputs.size();
  std::vector<HeldBuffer> buffers(count);
  std::vector<SmallVector<int64_t>> shapes(count);
  std::vector<TensorRef> refs;
  llvm::ArrayRef<TensorInfo> infos = model.getInputs();
  for (size_t index = 0; index < count; ++index) {
    auto [dtypeName, array] =
        py::cast<std::pair<std::string, py::object>>(inputs[index]);
    buffers[index].acquire(array);
    shapes[index] = buffers[index].getShape();
    std::optional<DType> dtype = runtime::getDTypeFromName(dtypeName);
    if (!dtype) {
      // The model cannot take it; say what it expects where it can.
      if (index < infos.size())
        throw py::value_error(describeUnsupportedDType(
            infos[index], index, dtypeName, shapes[index]));
      throw py::value_error("unsupported input dtype " + dtypeName);
    }
    refs.push_back({*dtype, shapes[index], buffers[index].getData()});
  }
  if (llvm::Error error = model.checkInputs(refs))
    throw py::value_error(llvm::toString(std::move(error)));

  llvm::Expected<std::vector<Tensor>> outputs = model.allocateOutputs();
  if (!outputs)
    throw KilnFailure(llvm::toString(outputs.takeError()));
  llvm::Error runError = llvm::Error::success();
  {
    py::gil_scoped_release release;
    runError = model.run(refs, *outputs);
  }
  if (runError)
    throw KilnFailure(llvm::toString(std::move(runError)));

  py::list results;
  for (Tensor &tensor : *outputs)
    results.append(py::cast(OutputBuffer{std::move(tensor)}));
  return results;
}

} // namespace

void populateRuntimeBindings(py::module_ &module) {
  py::class_<OutputBuffer>(module, "OutputBuffer", py::buffer_protocol(),
                           "The bytes of one output of a run.")
      .def_buffer([](OutputBuffer &buffer) {
        return py::buffer_info(
            buffer.tensor.getData(), /*itemsize=*/1,
            py::format_descriptor<uint8_t>::format(), /*ndim=*/1,
            {static_cast<py::ssize_t>(buffer.tensor.getNumBytes())},
            {static_cast<py::ssize_t>(1)});
      });

  py::class_<Model>(module, "Model", "A loaded compiled model.")
      .def_static("load", &loadModel, py::arg("path"))
      .def_property_readonly(
          "path", [](const Model &model) { return model.getPath().str(); })
      .def_property_readonly(
          "inputs",
          [](const Model &model) { return describeTensors(model.getInputs()); })
      .def_property_readonly("outputs",
                             [](const Model &model) {
                               return describeTensors(model.getOutputs());
                             })
      .def("set_num_threads", &Model::setNumThreads, py::arg("num_threads"))
      .def("run", &runModel, py::arg("inputs"));
}

} // namespace mlir::kiln::python
