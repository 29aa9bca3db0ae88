//===- kiln-run.cpp - runs a compiled Kiln model --------------------------===//
//
// Loads a model compiled by `kiln-compile -o MODEL.so`, runs it on tensors
// read from .npy / .pb files and writes the outputs as .npy files, or times
// it with --bench.
//
//===----------------------------------------------------------------------===//

#include "kiln/Runtime/Model.h"
#include "kiln/Runtime/TensorFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

#include <chrono>

using namespace mlir::kiln::runtime;
namespace cl = llvm::cl;

namespace {

/// The command line. Constructed in main: see there.
struct Options {
  cl::OptionCategory category{"kiln-run options"};
  cl::opt<std::string> modelPath{cl::Positional, cl::desc("<model.so>"),
                                 cl::Required, cl::cat(category)};
  cl::list<std::string> inputPaths{
      "input",
      cl::desc("A model input as .npy or .pb (TensorProto), in the model's "
               "input order (repeat for each input)"),
      cl::value_desc("file"), cl::cat(category)};
  cl::opt<std::string> outputDir{
      "output-dir",
      cl::desc("Write output i to <dir>/output_<i>.npy (the folder is "
               "created)"),
      cl::value_desc("dir"), cl::cat(category)};
  cl::opt<unsigned> benchRuns{
      "bench",
      cl::desc("Time N runs after the warm-up runs and print one JSON line "
               "{\"median_ms\":...,\"min_ms\":...,\"max_ms\":...}"),
      cl::value_desc("N"), cl::cat(category)};
  cl::opt<unsigned> warmupRuns{
      "warmup", cl::desc("Untimed runs before --bench's"), cl::value_desc("N"),
      cl::init(3), cl::cat(category)};
  cl::opt<int32_t> numThreads{
      "threads",
      cl::desc("Use at most T threads per run (default: the hardware "
               "threads)"),
      cl::value_desc("T"), cl::cat(category)};
  cl::opt<bool> printInfo{"print-info",
                          cl::desc("Print the model's inputs and outputs"),
                          cl::cat(category)};
};

void printTensorInfos(llvm::raw_ostream &os, llvm::StringRef kind,
                      llvm::ArrayRef<TensorInfo> infos) {
  for (auto [index, info] : llvm::enumerate(infos))
    os << kind << " #" << index << " '" << info.name
       << "': " << formatTensorType(info.dtype, info.shape) << "\n";
}

llvm::Expected<std::vector<Tensor>> readInputs(const Options &options,
                                               const Model &model) {
  std::vector<Tensor> inputs;
  for (const std::string &path : options.inputPaths) {
    llvm::Expected<Tensor> tensor = readTensorFile(path);
    if (!tensor)
      return tensor.takeError();
    inputs.push_back(std::move(*tensor));
  }
  if (llvm::Error error = model.checkInputs(inputs, options.inputPaths))
    return std::move(error);
  return inputs;
}

/// Times `--bench` runs and prints their median, minimum and maximum.
llvm::Error benchmark(const Options &options, const Model &model,
                      llvm::ArrayRef<Tensor> inputs,
                      llvm::MutableArrayRef<Tensor> outputs) {
  for (unsigned i = 0; i < options.warmupRuns; ++i)
    if (llvm::Error error = model.run(inputs, outputs))
      return error;
  std::vector<double> milliseconds;
  for (unsigned i = 0; i < options.benchRuns; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (llvm::Error error = model.run(inputs, outputs))
      return error;
    std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    milliseconds.push_back(elapsed.count());
  }
  llvm::sort(milliseconds);
  size_t middle = milliseconds.size() / 2;
  double median = milliseconds.size() % 2
                      ? milliseconds[middle]
                      : (milliseconds[middle - 1] + milliseconds[middle]) / 2;
  llvm::outs() << llvm::format(
      "{\"median_ms\":%.6f,\"min_ms\":%.6f,\"max_ms\":%.6f}\n", median,
      milliseconds.front(), milliseconds.back());
  return llvm::Error::success();
}

llvm::Error writeOutputs(llvm::StringRef outputDir,
                         llvm::ArrayRef<Tensor> outputs) {
  if (std::error_code error = llvm::sys::fs::create_directories(outputDir))
    return llvm::createStringError("cannot create '" + outputDir +
                                   "': " + error.message());
  for (auto [index, output] : llvm::enumerate(outputs)) {
    llvm::SmallString<256> path(outputDir);
    llvm::sys::path::append(path, "output_" + llvm::Twine(index) + ".npy");
    if (llvm::Error error = writeTensorFile(output, path))
      return error;
  }
  return llvm::Error::success();
}

llvm::Error runTool(const Options &options) {
  bool bench = options.benchRuns.getNumOccurrences();
  if (bench && options.benchRuns == 0)
    return llvm::createStringError("--bench needs at least 1 run");
  if (options.numThreads.getNumOccurrences() && options.numThreads < 1)
    return llvm::createStringError("--threads needs at least 1 thread");
  bool runModel = bench || !options.outputDir.empty();
  if (!runModel && !options.printInfo)
    return llvm::createStringError(
        "nothing to do: give --output-dir, --bench or --print-info");

  llvm::Expected<std::unique_ptr<Model>> model = Model::load(options.modelPath);
  if (!model)
    return model.takeError();
  if (options.printInfo) {
    printTensorInfos(llvm::outs(), "input", (*model)->getInputs());
    printTensorInfos(llvm::outs(), "output", (*model)->getOutputs());
  }
  if (!runModel)
    return llvm::Error::success();

  if (options.numThreads.getNumOccurrences())
    (*model)->setNumThreads(options.numThreads);
  llvm::Expected<std::vector<Tensor>> inputs = readInputs(options, **model);
  if (!inputs)
    return inputs.takeError();
  llvm::Expected<std::vector<Tensor>> outputs = (*model)->allocateOutputs();
  if (!outputs)
    return outputs.takeError();
  if (bench) {
    if (llvm::Error error = benchmark(options, **model, *inputs, *outputs))
      return error;
  } else if (llvm::Error error = (*model)->run(*inputs, *outputs)) {
    return error;
  }
  if (options.outputDir.empty())
    return llvm::Error::success();
  return writeOutputs(options.outputDir, *outputs);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // libLLVM.so registers a general option named "threads" of its own; it
  // must leave before kiln-run's --threads (the model's threads) registers.
  if (cl::Option *llvmThreads = cl::getRegisteredOptions().lookup("threads"))
    llvmThreads->removeArgument();
  Options options;
  cl::HideUnrelatedOptions(options.category);
  cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Kiln version " << KILN_VERSION << " (built against LLVM "
       << KILN_LLVM_VERSION << ", model ABI " << KILN_MODEL_ABI_VERSION
       << ")\n";
  });
  cl::ParseCommandLineOptions(argc, argv, "Runs a compiled Kiln model\n");
  if (llvm::Error error = runTool(options)) {
    llvm::WithColor::error(llvm::errs(), "kiln-run")
        << llvm::toString(std::move(error)) << "\n";
    return 1;
  }
  return 0;
}
