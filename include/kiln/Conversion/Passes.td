//===- Passes.td - conversions out of the kiln dialect --------*- tablegen -*-===//

#ifndef KILN_CONVERSION_PASSES_TD
#define KILN_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertKilnToLinalgPass : Pass<"convert-kiln-to-linalg", "::mlir::ModuleOp"> {
  let summary = "lower kiln ops on tensors to linalg, tensor, arith and math";
  let description = [{
    The `lower` phase: every kiln op becomes upstream ops on tensors —
    `linalg.generic` for elementwise ops (numpy broadcasting as indexing
    maps), linalg named ops for contractions, `tensor` ops for data
    movement, `arith.constant` for constants. Tensors of signed or unsigned
    integers become signless (`tensor.bitcast` at the function boundary);
    the patterns read signedness from the kiln op's own types.

    An op without a lowering (yet) fails the pass at that op, naming it.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // KILN_CONVERSION_PASSES_TD
