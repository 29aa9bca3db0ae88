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
    movement, `arith.constant` for constants, and `scf` loops on tensors
    (`iter_args`) for ops whose elements depend on one another (scatters,
    recurrences, data-dependent output sizes). Random ops keep their
    generators' execution counters in `memref.global`s. Tensors of signed
    or unsigned integers become signless (`tensor.bitcast` at the function
    boundary); the patterns read signedness from the kiln op's own types.

    An op without a lowering (yet) fails the pass at that op, naming it.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def ConvertStridedCopyToLinalgPass
    : Pass<"convert-strided-copy-to-linalg", "::mlir::ModuleOp"> {
  let summary = "rewrite memref.copy of non-identity layouts as linalg.copy";
  let description = [{
    Bufferizing `tensor.pad`, `tensor.insert_slice` and strided
    `tensor.extract_slice` copies into or out of `memref.subview`s. The
    memref-to-LLVM conversion turns copies between strided layouts into
    calls of `memrefCopy` from MLIR's C runner utilities, a library that
    compiled models must not need; as `linalg.copy` they become loops.
    Copies between identity layouts stay `memref.copy` (a `memcpy`).
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

#endif // KILN_CONVERSION_PASSES_TD
