//===- Registration.cpp - the dialects and passes of the compile phases ---===//
//
// Kept apart from the phases: the upstream InitAll* headers make this the
// slowest file of the library to compile.
//
//===----------------------------------------------------------------------===//

#include "kiln/Compiler/Compiler.h"

#include "dialects/Kiln/KilnDialect.h"
#include "kiln/Conversion/Passes.h"
#include "kiln/Transforms/Passes.h"
#include "kiln/Transforms/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"

namespace mlir::kiln {

void registerCompilerDialects(DialectRegistry &registry) {
  registry.insert<KilnDialect>();
  registerAllDialects(registry);
  registerAllExtensions(registry);
}

void registerCompilerPasses() {
  registerAllPasses();
  registerKilnTransformsPasses();
  registerKilnConversionPasses();
  registerKilnPipelines();
}

} // namespace mlir::kiln
