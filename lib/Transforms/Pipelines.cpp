//===- Pipelines.cpp - the compile phases as pass pipelines ---------------===//

#include "kiln/Transforms/Pipelines.h"
#include "kiln/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace mlir::kiln {

void buildGraphPipeline(OpPassManager &pm) {
  OpPassManager &function = pm.nest<func::FuncOp>();
  function.addPass(createCanonicalizerPass());
  function.addPass(createRefineShapesPass());
  function.addPass(createFoldBatchNormPass());
  function.addPass(createFormQuantizedOpsPass());
  function.addPass(createCanonicalizerPass());
}

void registerKilnPipelines() {
  PassPipelineRegistration<>(
      "kiln-graph",
      "The graph phase: canonicalize, refine run-time extents to static ones, "
      "fold batch normalization into convolutions and form quantized ops",
      buildGraphPipeline);
}

} // namespace mlir::kiln
