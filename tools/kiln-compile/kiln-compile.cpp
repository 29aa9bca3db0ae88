//===- kiln-compile.cpp - the Kiln compile driver -------------------------===//
//
// Compiles an ONNX model through Kiln's phases. `--to=<phase>` stops after a
// phase and prints (or writes with -o) its IR. Available phases: import,
// graph. Later phases (lowering, code generation) come with the backends.
//
//===----------------------------------------------------------------------===//

#include "dialects/Kiln/KilnDialect.h"
#include "kiln/Import/ONNX/ONNXImporter.h"
#include "kiln/Transforms/Passes.h"
#include "kiln/Transforms/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
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

enum class Phase { Import, Graph };

cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::Required);
cl::opt<std::string> outputPath("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"));
cl::opt<Phase> stopAfter(
    "to", cl::desc("Stop after this phase and emit its IR"),
    cl::values(clEnumValN(Phase::Import, "import",
                          "ONNX imported into the kiln dialect"),
               clEnumValN(Phase::Graph, "graph",
                          "after the graph passes (canonicalize, fold "
                          "batch normalization)")),
    cl::init(Phase::Graph));
cl::list<std::string>
    inputShapes("input-shape",
                cl::desc("Static shape of a graph input, e.g. "
                         "input=1x3x224x224 (repeatable)"),
                cl::value_desc("name=dims"));

/// Prints diagnostics as `kiln-compile: error: <message>`; importer
/// messages already name the model and the node.
void printDiagnostic(Diagnostic &diag) {
  auto &os = llvm::errs();
  llvm::WithColor(os, diag.getSeverity() == DiagnosticSeverity::Error
                          ? llvm::HighlightColor::Error
                          : llvm::HighlightColor::Note)
      << (diag.getSeverity() == DiagnosticSeverity::Error ? "error: "
                                                          : "note: ");
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

  MLIRContext context;
  context.getDiagEngine().registerHandler(printDiagnostic);
  OwningOpRef<ModuleOp> module =
      kiln::importONNXFile(inputPath, &context, options);
  if (!module)
    return 1;

  if (stopAfter >= Phase::Graph) {
    PassManager pm(&context);
    if (failed(applyPassManagerCLOptions(pm)))
      return 1;
    kiln::buildGraphPipeline(pm);
    if (failed(pm.run(*module)))
      return 1;
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
