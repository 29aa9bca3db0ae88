//===- Pipelines.h - the compile phases as pass pipelines -----------*- C++ -*-===//
//
// Each phase after import is a named pass pipeline, so that `kiln-compile
// --to=<phase>` and `kiln-opt --<phase-pipeline>` run the same passes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TRANSFORMS_PIPELINES_H
#define KILN_TRANSFORMS_PIPELINES_H

#include "mlir/Pass/PassManager.h"

namespace mlir::kiln {

/// The graph phase: canonicalize, fold constants and batch normalization.
/// Registered as `kiln-graph`.
void buildGraphPipeline(OpPassManager &pm);

/// Registers the phase pipelines with the global pass registry.
void registerKilnPipelines();

} // namespace mlir::kiln

#endif // KILN_TRANSFORMS_PIPELINES_H
