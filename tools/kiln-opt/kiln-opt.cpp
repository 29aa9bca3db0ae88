//===- kiln-opt.cpp - mlir-opt with the kiln dialect and passes -----------===//
//
// Parses IR, runs any registered pass pipeline and prints the result. Knows
// the kiln dialect, Kiln's passes and the upstream dialects and passes that
// Kiln lowers through.
//
//===----------------------------------------------------------------------===//

#include "kiln/Compiler/Compiler.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Kiln version " << KILN_VERSION << " (built against LLVM/MLIR "
       << KILN_LLVM_VERSION << ")\n";
  });

  mlir::kiln::registerCompilerPasses();
  mlir::DialectRegistry registry;
  mlir::kiln::registerCompilerDialects(registry);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Kiln optimizer driver\n", registry));
}
