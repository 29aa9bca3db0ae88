//===- kiln-compile.cpp - the Kiln compile driver -------------------------===//
//
// Compiles an ONNX model through Kiln's phases. `--to=<phase>` stops after a
// phase and prints (or writes with -o) its IR; `-o MODEL.so` runs every
// phase and writes a shared library with the C ABI of
// kiln/Runtime/KilnModel.h.
//
//===----------------------------------------------------------------------===//

#include "kiln/Compiler/Compiler.h"
#include "kiln/Import/ONNX/ONNXImporter.h"

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

using kiln::CompilePhase;
enum class Target { CPU };

cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"),
                               cl::Required);
cl::opt<std::string> outputPath("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"));
cl::opt<CompilePhase> stopAfter(
    "to",
    cl::desc("Stop after this phase and emit its IR (default: the shared "
             "library when -o names a .so file, else graph)"),
    cl::values(clEnumValN(CompilePhase::Import, "import",
                          "ONNX imported into the kiln dialect"),
               clEnumValN(CompilePhase::Graph, "graph",
                          "after the graph passes (canonicalize, fold "
                          "batch normalization)"),
               clEnumValN(CompilePhase::Lower, "lower",
                          "kiln lowered to linalg / tensor / arith / math"),
               clEnumValN(CompilePhase::CodegenCPU, "codegen-cpu",
                          "bufferized, lowered to the LLVM dialect"),
               clEnumValN(CompilePhase::Library, "library",
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

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Kiln version " << KILN_VERSION << " (built against LLVM/MLIR "
       << KILN_LLVM_VERSION << ")\n";
  });
  kiln::registerCompilerPasses();
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

  CompilePhase lastPhase =
      stopAfter.getNumOccurrences() ? stopAfter.getValue()
      : StringRef(outputPath).ends_with(".so") ? CompilePhase::Library
                                               : CompilePhase::Graph;
  if (lastPhase == CompilePhase::Library && outputPath == "-") {
    llvm::WithColor::error(llvm::errs(), "kiln-compile")
        << "--to=library needs -o FILE.so\n";
    return 1;
  }

  DialectRegistry registry;
  kiln::registerCompilerDialects(registry);
  MLIRContext context(registry);
  // The importer's messages name the ONNX node themselves, the later
  // phases' do not.
  bool nameNodes = false;
  context.getDiagEngine().registerHandler([&](Diagnostic &diag) {
    kiln::printDiagnostic(llvm::errs(), diag, nameNodes);
  });
  OwningOpRef<ModuleOp> module =
      kiln::importONNXFile(inputPath, &context, options);
  if (!module)
    return 1;
  nameNodes = true;

  kiln::CompileOptions compileOptions;
  compileOptions.lastPhase = lastPhase;
  compileOptions.library.cpu = targetCPU;
  if (lastPhase == CompilePhase::Library)
    compileOptions.outputPath = outputPath;
  compileOptions.configurePassManager = [](PassManager &pm) {
    return applyPassManagerCLOptions(pm);
  };
  if (failed(kiln::compileModule(*module, compileOptions)))
    return 1;
  if (lastPhase == CompilePhase::Library)
    return 0;

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
