//===- CompilerBindings.cpp - importing, compiling, IR and passes ---------===//

#include "Bindings.h"

#include "kiln/Compiler/Compiler.h"
#include "kiln/Import/ONNX/ONNXImporter.h"

#include "mlir/IR/OperationSupport.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/stl.h>

#include <map>
#include <optional>

namespace py = pybind11;

namespace mlir::kiln::python {

namespace {

using InputShapes = std::map<std::string, std::vector<int64_t>>;

/// An ONNX model to import: a file, or serialized bytes held in memory.
struct ModelSource {
  bool isFile;
  std::string pathOrBytes;
  /// What diagnostics call the model (the path for a file).
  std::string name;

  /// `model` is a path (str) or the serialized model (bytes); `bytesName`
  /// names bytes in diagnostics.
  ModelSource(const py::object &model, const std::string &bytesName)
      : isFile(!py::isinstance<py::bytes>(model)),
        pathOrBytes(py::cast<std::string>(model)),
        name(isFile ? pathOrBytes : bytesName) {}

  OwningOpRef<ModuleOp> import(MLIRContext *context,
                               const ONNXImportOptions &options) const {
    if (isFile)
      return importONNXFile(pathOrBytes, context, options);
    return importONNXBuffer(pathOrBytes, name, /*baseDirectory=*/"", context,
                            options);
  }

  /// The kiln-compile command line that repeats what failed.
  std::string getReproducer(const InputShapes &inputShapes,
                            llvm::ArrayRef<std::string> phaseArguments) const {
    std::string command =
        "kiln-compile " + (isFile ? quoteArgument(pathOrBytes) : "MODEL.onnx");
    for (const auto &[inputName, shape] : inputShapes) {
      std::string dims;
      llvm::raw_string_ostream os(dims);
      llvm::interleave(shape, os, "x");
      command += " --input-shape " + quoteArgument(inputName + "=" + dims);
    }
    for (const std::string &argument : phaseArguments)
      command += " " + quoteArgument(argument);
    if (!isFile)
      command += "  # MODEL.onnx: the model's bytes, saved to a file";
    return command;
  }
};

ONNXImportOptions getImportOptions(const InputShapes &inputShapes) {
  ONNXImportOptions options;
  for (const auto &[name, shape] : inputShapes)
    options.inputShapes[name] =
        SmallVector<int64_t>(shape.begin(), shape.end());
  return options;
}

ModuleHandle importONNX(const py::object &model, const std::string &name,
                        const InputShapes &inputShapes) {
  ModelSource source(model, name);
  ONNXImportOptions options = getImportOptions(inputShapes);
  ModuleHandle handle;
  std::optional<CompileFailure> failure;
  {
    py::gil_scoped_release release;
    handle.context = createContext();
    DiagnosticCapture capture(handle.context.get());
    handle.module = source.import(handle.context.get(), options);
    if (!handle.module)
      failure = capture.makeFailure(
          "importing " + source.name + " failed",
          source.getReproducer(inputShapes, {"--to=import"}));
  }
  if (failure)
    throw *failure;
  return handle;
}

void compileONNX(const py::object &model, const std::string &name,
                 const std::string &outputPath, const InputShapes &inputShapes,
                 const std::string &cpu) {
  ModelSource source(model, name);
  ONNXImportOptions importOptions = getImportOptions(inputShapes);
  std::vector<std::string> phaseArguments = {"-o", "model.so"};
  if (!cpu.empty())
    phaseArguments.push_back("--mcpu=" + cpu);
  std::string reproducer = source.getReproducer(inputShapes, phaseArguments);
  std::optional<CompileFailure> failure;
  {
    // The compile owns its context: nothing Python can reach.
    py::gil_scoped_release release;
    std::unique_ptr<MLIRContext> context = createContext();
    DiagnosticCapture capture(context.get());
    OwningOpRef<ModuleOp> module = source.import(context.get(), importOptions);
    if (!module) {
      failure = capture.makeFailure("importing " + source.name + " failed",
                                    reproducer);
    } else {
      capture.setNameNodes(true);
      CompileOptions options;
      options.outputPath = outputPath;
      options.library.cpu = cpu;
      if (failed(compileModule(*module, options)))
        failure = capture.makeFailure("compiling " + source.name + " failed",
                                      reproducer);
    }
  }
  if (failure)
    throw *failure;
}

/// Compiles a copy of `handle`'s module (the Python object is left as it
/// is). Holds the GIL: the module's context is shared with Python.
void compileModuleHandle(ModuleHandle &handle, const std::string &outputPath,
                         const std::string &cpu) {
  OwningOpRef<ModuleOp> copy = handle.module->clone();
  DiagnosticCapture capture(handle.context.get());
  capture.setNameNodes(true);
  CompileOptions options;
  options.outputPath = outputPath;
  options.library.cpu = cpu;
  if (failed(compileModule(*copy, options)))
    throw capture.makeFailure("compiling the module failed", "");
}

ModuleHandle parseModule(const std::string &text) {
  ModuleHandle handle;
  handle.context = createContext();
  DiagnosticCapture capture(handle.context.get());
  handle.module = parseSourceString<ModuleOp>(
      text, ParserConfig(handle.context.get()), "<string>");
  if (!handle.module)
    throw capture.makeFailure("parsing the module failed", "");
  return handle;
}

/// Runs a textual pass pipeline on the module; a pipeline not anchored on
/// `builtin.module(...)` is nested in one.
void runPasses(ModuleHandle &handle, const std::string &pipeline) {
  StringRef trimmed = StringRef(pipeline).trim();
  std::string anchored = trimmed.starts_with("builtin.module(")
                             ? trimmed.str()
                             : "builtin.module(" + trimmed.str() + ")";
  std::string parseErrors;
  llvm::raw_string_ostream errorStream(parseErrors);
  FailureOr<OpPassManager> parsed = parsePassPipeline(anchored, errorStream);
  if (failed(parsed))
    throw py::value_error("invalid pass pipeline '" + pipeline +
                          "': " + StringRef(parseErrors).trim().str());
  PassManager pm(handle.context.get());
  static_cast<OpPassManager &>(pm) = std::move(*parsed);
  DiagnosticCapture capture(handle.context.get());
  capture.setNameNodes(true);
  if (failed(pm.run(*handle.module)))
    throw capture.makeFailure(
        "pass pipeline '" + pipeline + "' failed",
        "kiln-opt module.mlir " + quoteArgument("--pass-pipeline=" + anchored) +
            "  # module.mlir: the module's text before the pipeline");
}

std::string printModule(ModuleHandle &handle,
                        std::optional<int64_t> largeElementsLimit,
                        bool debugInfo) {
  OpPrintingFlags flags;
  if (largeElementsLimit) {
    flags.elideLargeElementsAttrs(*largeElementsLimit);
    flags.elideLargeResourceString(*largeElementsLimit);
  }
  flags.enableDebugInfo(debugInfo);
  std::string text;
  llvm::raw_string_ostream os(text);
  handle.module->print(os, flags);
  return text;
}

/// Every registered pass and pass pipeline, by name, with its summary.
const std::map<std::string, std::string> &getRegisteredPasses() {
  // The pass registry cannot be iterated. A command-line pass parser without
  // an option name registers one option per pass and pipeline name (as
  // mlir-opt's `--canonicalize`): read them, then unregister its options.
  static const std::map<std::string, std::string> passes = [] {
    std::map<std::string, std::string> passes;
    PassPipelineCLParser parser(/*arg=*/"", /*description=*/"");
    auto &options = llvm::cl::getRegisteredOptions();
    llvm::SmallPtrSet<llvm::cl::Option *, 2> parserOptions = {
        options.lookup("pass-pipeline")};
    for (const auto &[name, option] : options) {
      const PassRegistryEntry *entry = PassInfo::lookup(name);
      if (!entry)
        entry = PassPipelineInfo::lookup(name);
      if (!entry)
        continue;
      passes[name.str()] = entry->getPassDescription().str();
      parserOptions.insert(option);
    }
    for (llvm::cl::Option *option : parserOptions)
      option->removeArgument();
    return passes;
  }();
  return passes;
}

} // namespace

void populateCompilerBindings(py::module_ &module) {
  py::class_<ModuleHandle> moduleClass(module, "Module", R"doc(
An MLIR module (Kiln IR at any phase) with its own context.

Create one with `Module.parse(text)` or `kiln.import_onnx(model)`; transform
it in place with `run_passes`; `str(module)` prints it.)doc");
  moduleClass.attr("__module__") = "kiln.ir";
  moduleClass
      .def_static("parse", &parseModule, py::arg("text"),
                  "Parses MLIR text (kiln and upstream dialects) into a "
                  "module; raises kiln.CompileError on invalid IR.")
      .def("run_passes", &runPasses, py::arg("pipeline"),
           "Runs a textual pass pipeline, e.g. "
           "'func.func(canonicalize,kiln-fold-batch-norm)' or "
           "'builtin.module(kiln-graph)', on the module in place. Raises "
           "ValueError for an invalid pipeline, kiln.CompileError when a "
           "pass fails (the module may then be partly transformed).")
      .def("to_string", &printModule, py::kw_only(),
           py::arg("large_elements_limit") = py::none(),
           py::arg("debug_info") = false,
           "The module's text; large_elements_limit elides constants and "
           "resources with more elements, debug_info prints locations.")
      .def("__str__", [](ModuleHandle &handle) {
        return printModule(handle, std::nullopt, false);
      });

  module.def("import_onnx", &importONNX, py::arg("model"), py::arg("name"),
             py::arg("input_shapes"));
  module.def("compile_onnx", &compileONNX, py::arg("model"), py::arg("name"),
             py::arg("output_path"), py::arg("input_shapes"), py::arg("cpu"));
  module.def("compile_module", &compileModuleHandle, py::arg("module"),
             py::arg("output_path"), py::arg("cpu"));
  module.def("registered_passes", &getRegisteredPasses);
}

} // namespace mlir::kiln::python
