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
