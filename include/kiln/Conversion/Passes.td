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

def ExpandSmallFloatCastsPass : Pass<"expand-small-float-casts"> {
  let summary = "expand conversions of 4-, 6- and 8-bit floats into integer code";
  let description = [{
    LLVM has no float types narrower than 16 bits; its type converter keeps
    them as integers of their width. This pass rewrites `arith.extf`,
    `arith.truncf`, `arith.fptosi` / `fptoui` and `arith.sitofp` / `uitofp`
    whose operand or result is such a type (f8E4M3FN, f8E5M2, the FNUZ
    variants, f6E2M3FN, f6E3M2FN, f4E2M1FN, f8E8M0FNU, ...) into integer
    operations on f32 / f64 bit patterns, exactly:

    - extf decodes every code to the value it denotes (exact in f32);
    - truncf from f32 or f64 rounds once, to nearest with ties to even
      (f16 / bf16 are extended to f32 first). Magnitudes beyond the largest
      finite value become infinity where the format has one, NaN where it
      has NaN only, and the largest finite value in finite-only formats
      (fp4 / fp6), as APFloat converts; NaN stays NaN (a zero of its sign
      in formats without NaN). Saturating conversions (ONNX's
      `saturate = 1`) clamp before the truncf;
    - integer conversions go through f32 (from a small float) or f64 (to
      one).

    Rounding to f8E8M0FNU and rounding modes other than to-nearest-even
    are reported as errors.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
  ];
}

#endif // KILN_CONVERSION_PASSES_TD
