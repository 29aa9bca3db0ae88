//===- kiln-compile.cpp - the Kiln compile driver -------------------------===//
//
// Compiles an ONNX model through Kiln's phases. `--to=<phase>` stops after a
// phase and prints (or writes with -o) its IR; `-o MODEL.so` runs every
// phase and writes a shared library with the C ABI of
// kiln/Runtime/KilnModel.h.
//
//===----------------------------------------------------------------------===//

#include "dialects/Kiln/KilnDialect.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Import/ONNX/ONNXImporter.h"
#include "kiln/Target/CPU/CPUTarget.h"
#include "kiln/Transforms/Passes.h"
#include "kiln/Transforms/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {

enum class Phase { Import, Graph, Lower, CodegenCPU, Library };
enum class Target { CPU };

cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::Required);
cl::opt<std::string> outputPath("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"));
cl::opt<Phase> stopAfter(
    "to",
    cl::desc("Stop after this phase and emit its IR (default: the shared "
             "library when -o names a .so file, else graph)"),
    cl::values(clEnumValN(Phase::Import, "import",
                          "ONNX imported into the kiln dialect"),
               clEnumValN(Phase::Graph, "graph",
                          "after the graph passes (canonicalize, fold "
                          "batch normalization)"),
               clEnumValN(Phase::Lower, "lower",
                          "kiln lowered to linalg / tensor / arith / math"),
               clEnumValN(Phase::CodegenCPU, "codegen-cpu",
                          "bufferized, lowered to the LLVM dialect"),
               clEnumValN(Phase::Library, "library",
                          "a shared library (needs -o FILE.so)")));
cl::opt<Target> target("target", cl::desc("Code generation target"),
                       cl::values(clEnumValN(Target::CPU, "cpu",
                                             "this machine's CPU (LLVM)")),
                       cl::init(Target::CPU));
cl::opt<std::string> targetCPU(
    "mcpu", cl::desc("CPU to generate code for (default: this machine's, "
                     "with its features)"),
    cl::init(""));
cl::list<std::string>
    inputShapes("input-shape",
                cl::desc("Static shape of a graph input, e.g. "
                         "input=1x3x224x224 (repeatable)"),
                cl::value_desc("name=dims"));

/// Whether diagnostics should name the ONNX node they are located at: the
/// importer's messages do so themselves, the later phases' do not.
bool nameNodes = false;

/// Prints diagnostics as `error: <message>`; after the import, messages at
/// an op are prefixed with the ONNX node the op came from,
/// `<model>: node '<name>': `.
void printDiagnostic(Diagnostic &diag) {
  auto &os = llvm::errs();
  llvm::WithColor(os, diag.getSeverity() == DiagnosticSeverity::Error
                          ? llvm::HighlightColor::Error
                          : llvm::HighlightColor::Note)
      << (diag.getSeverity() == DiagnosticSeverity::Error ? "error: "
                                                          : "note: ");
  if (auto node = dyn_cast<NameLoc>(diag.getLocation()); node && nameNodes) {
    if (auto file = dyn_cast<FileLineColLoc>(node.getChildLoc()))
      os << file.getFilename().getValue() << ": ";
    os << "node '" << node.getName().getValue() << "': ";
  }
  os << diag.str() << "\n";
  for (Diagnostic &note : diag.getNotes())
    os << "note: " << note.str() << "\n";
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Kiln version " << KILN_VERSION << " (built against LLVM/MLIR "
       << KILN_LLVM_VERSION << ")\n";
  });
  registerAllPasses();
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  cl::ParseCommandLineOptions(argc, argv, "Kiln compile driver\n");

  kiln::ONNXImportOptions options;
  for (const std::string &shape : inputShapes) {
    std::string error = kiln::parseInputShapeOption(shape, options);
    if (!error.empty()) {
      llvm::WithColor::error(llvm::errs(), "kiln-compile")
          << "--input-shape: " << error << "\n";
      return 1;
    }
  }

  Phase lastPhase = stopAfter.getNumOccurrences()
                        ? stopAfter.getValue()
                    : StringRef(outputPath).ends_with(".so") ? Phase::Library
                                                             : Phase::Graph;
  if (lastPhase == Phase::Library && outputPath == "-") {
    llvm::WithColor::error(llvm::errs(), "kiln-compile")
        << "--to=library needs -o FILE.so\n";
    return 1;
  }

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  MLIRContext context(registry);
  context.getDiagEngine().registerHandler(printDiagnostic);
  OwningOpRef<ModuleOp> module =
      kiln::importONNXFile(inputPath, &context, options);
  if (!module)
    return 1;
  nameNodes = true;

  // Each phase runs in its own pass manager, so that -mlir-print-ir-* and
  // timing options apply per phase.
  auto runPhase = [&](Phase phase,
                      function_ref<LogicalResult(PassManager &)> build) {
    if (lastPhase < phase)
      return success();
    PassManager pm(&context);
    if (failed(applyPassManagerCLOptions(pm)) || failed(build(pm)))
      return failure();
    return pm.run(*module);
  };
  if (failed(runPhase(Phase::Graph, [](PassManager &pm) {
        kiln::buildGraphPipeline(pm);
        return success();
      })))
    return 1;
  // The ABI describes the model as imported (names, signedness).
  FailureOr<kiln::ModelSignature> signature;
  if (lastPhase >= Phase::Lower) {
    signature = kiln::getModelSignature(*module);
    if (failed(signature))
      return 1;
  }
  if (failed(runPhase(Phase::Lower, [](PassManager &pm) {
        kiln::buildLowerPipeline(pm);
        return success();
      })))
    return 1;
  if (lastPhase >= Phase::CodegenCPU)
    kiln::prepareEntryPointForCodegen(*module);
  if (failed(runPhase(Phase::CodegenCPU, kiln::buildCPUCodegenPipeline)))
    return 1;
  if (lastPhase == Phase::Library) {
    kiln::SharedLibraryOptions libraryOptions;
    libraryOptions.cpu = targetCPU;
    libraryOptions.supportLibrary = KILN_MODEL_SUPPORT_LIBRARY;
    return failed(kiln::emitSharedLibrary(*module, *signature, outputPath,
                                          libraryOptions));
  }

  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputPath, &error);
  if (!output) {
    llvm::WithColor::error(llvm::errs(), "kiln-compile") << error << "\n";
    return 1;
  }
  module->print(output->os());
  output->keep();
  return 0;
}
