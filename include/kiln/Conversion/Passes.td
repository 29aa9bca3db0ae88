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
    recurrences, data-dependent output sizes). What only run-time values
    decide and the static types assume (an input that sets a shape) is
    guarded by a `cf.assert` naming the ONNX node. Random ops keep their
    generators' execution counters in `memref.global`s. Tensors of signed
    or unsigned integers become signless (`tensor.bitcast` at the function
    boundary); the patterns read signedness from the kiln op's own types.

    An op without a lowering (yet) fails the pass at that op, naming it.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::cf::ControlFlowDialect",
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

def ConvertRuntimeChecksToCallsPass
    : Pass<"convert-runtime-checks-to-calls", "::mlir::ModuleOp"> {
  let summary = "turn cf.assert into calls of kiln_rt_report_error";
  let description = [{
    The lowering guards what only run-time values decide (an input that
    sets a shape, a data-dependent count) with `cf.assert`. Upstream lowers
    a failed assert to `abort()`, which would take the host process down; a
    compiled model reports instead: on failure the code calls
    `kiln_rt_report_error(message)` (KilnModelSupport) and goes on, and
    `kiln_model_run` returns non-zero with the message available from
    `kiln_model_last_error`. Runs on the CFG form (after
    `convert-scf-to-cf`), before `convert-cf-to-llvm`.
  }];
  let dependentDialects = [
    "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect",
  ];
}

#endif // KILN_CONVERSION_PASSES_TD
