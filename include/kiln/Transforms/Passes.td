//===- Passes.td - graph-level passes on the kiln dialect -----*- tablegen -*-===//

#ifndef KILN_TRANSFORMS_PASSES_TD
#define KILN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def FoldBatchNormPass : InterfacePass<"kiln-fold-batch-norm",
                                      "::mlir::FunctionOpInterface"> {
  let summary = "fold inference batch normalization into the preceding conv";
  let description = [{
    Rewrites `kiln.batch_norm(kiln.conv(x, W, b))` into one `kiln.conv`
    when the weight, the bias (if any) and all normalization parameters are
    constants and the convolution has no other user. With
    `k[m] = scale[m] / sqrt(variance[m] + epsilon)`:

    ```
    W'[m, ...] = W[m, ...] * k[m]
    b'[m]      = (b[m] - mean[m]) * k[m] + bias[m]
    ```

    Only float convolutions are folded; the folded constants are computed in
    double precision and rounded once to the element type.
  }];
  let dependentDialects = ["::mlir::kiln::KilnDialect"];
}

def FormQuantizedOpsPass : InterfacePass<"kiln-form-quantized-ops",
                                         "::mlir::FunctionOpInterface"> {
  let summary = "rewrite dequantize -> float op -> quantize into quantized ops";
  let description = [{
    QDQ models spell a quantized op as the float op between
    `kiln.dequantize` and `kiln.quantize`. This pass rewrites such chains
    into the normal form that QLinearConv, QLinearMatMul and the
    `com.microsoft` QLinear* ops import as: the kiln op on `!quant.uniform`
    operands with the quantize's result type.

    ```
    %x = kiln.dequantize %xq : ... -> tensor<1x3x8x8xf32>
    %w = kiln.dequantize %wq : ... -> tensor<4x3x3x3xf32>
    %b = kiln.dequantize %bq : tensor<4x!quant.uniform<i32:f32:0, {...}>> -> tensor<4xf32>
    %y = kiln.conv %x, %w, %b {...} : (...) -> tensor<1x4x6x6xf32>
    %q = kiln.quantize %y : tensor<1x4x6x6xf32> -> tensor<1x4x6x6x!quant.uniform<u8:f32, 0.1:3>>
    ```

    becomes `kiln.conv %xq, %wq, %b_i32 : (...) -> tensor<1x4x6x6x!quant.uniform<u8:f32, 0.1:3>>`.

    - `kiln.conv`, `kiln.gemm`, `kiln.matmul`: the input quantized per
      tensor, the weight per tensor or per output channel (conv: axis 0;
      gemm: the rows of `B` under `trans_b`, else its columns; matmul: its
      columns). The bias (conv) or `C` (gemm) becomes the stored i32
      values at the accumulator's scale `s_input * s_weight[c]` with zero
      point 0, as QLinearConv's `B`: a dequantized i32 tensor at those
      scales (relative tolerance 1e-6) is used as it is, a constant bias
      with other parameters or in float is quantized now (ties to even,
      saturating); otherwise the chain stays.
    - `kiln.add`, `kiln.mul`, `kiln.concat` (inputs with other parameters
      are requantized to the result's, as for QLinearConcat),
      `kiln.average_pool`, `kiln.global_average_pool`, `kiln.softmax`,
      `kiln.sigmoid`,
      `kiln.tanh`, `kiln.leaky_relu`, `kiln.hard_sigmoid`,
      `kiln.hard_swish`: every operand dequantized per tensor.
    - `kiln.relu` / `kiln.clip` between the op and the quantize (or after a
      dequantize): quantize is monotone, so the clamp moves onto the
      quantized result (same type in and out), and disappears when the
      result's range already clamps (a zero point at the storage minimum
      for relu).
    - Layout ops (reshape, flatten, squeeze, unsqueeze, transpose, slice)
      and max pooling move a dequantize below themselves: they then run on
      the quantized values with the same parameters. A per-axis
      quantization must keep its dimension (else the op stays float).
    - `quantize(dequantize(x))` is `x` for equal types, else
      `kiln.requantize(x)`.

    The quantized result is always per tensor.
  }];
  let dependentDialects = ["::mlir::kiln::KilnDialect"];
}

def RefineShapesPass : InterfacePass<"kiln-refine-shapes",
                                     "::mlir::FunctionOpInterface"> {
  let summary = "give run-time extents the static extents their uses imply";
  let description = [{
    Extents that depend on operand values (`kiln.range`, run-time sizes)
    are `?`, and so is every elementwise result computed from them, until
    an op whose result the model declares. Kiln compiles static shapes;
    this pass replaces `?` extents of kiln op results by the static extents
    that the surrounding ops imply, repeating until nothing changes:

    - backwards, from a static result extent to the operands of
      elementwise ops (same shape or numpy broadcasting), `kiln.squeeze`
      and `kiln.unsqueeze`. A run-time extent that broadcasts against a
      static extent N is taken to be N: compiled code assumes that
      run-time extents do not broadcast (as it assumes the declared
      shapes);
    - forwards, from operands to results by shape inference.

    ```
    %r = kiln.range %s, %n, %d : (...) -> tensor<?xf32>
    %c = kiln.cos %r : tensor<?xf32> -> tensor<?xf32>
    %y = kiln.cast %c : tensor<?xf32> -> tensor<10xf32>
    ```

    becomes the same ops on `tensor<10xf32>`. Static extents never change
    and function arguments and values returned keep their types; uses that
    imply two different extents make the second op fail verification.
  }];
  let dependentDialects = ["::mlir::kiln::KilnDialect"];
}

#endif // KILN_TRANSFORMS_PASSES_TD
