//===- kiln-opt.cpp - mlir-opt with the kiln dialect and passes -----------===//
//
// Parses IR, runs any registered pass pipeline and prints the result. Knows
// the kiln dialect, Kiln's passes and the upstream dialects and passes that
// Kiln lowers through.
//
//===----------------------------------------------------------------------===//

#include "dialects/Kiln/KilnDialect.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Transforms/Passes.h"
#include "kiln/Transforms/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "Kiln version " << KILN_VERSION << " (built against LLVM/MLIR "
       << KILN_LLVM_VERSION << ")\n";
  });

  mlir::registerAllPasses();
  mlir::kiln::registerKilnTransformsPasses();
  mlir::kiln::registerKilnConversionPasses();
  mlir::kiln::registerKilnPipelines();

  mlir::DialectRegistry registry;
  registry.insert<mlir::kiln::KilnDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Kiln optimizer driver\n", registry));
}
