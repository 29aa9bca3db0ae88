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

#endif // KILN_TRANSFORMS_PASSES_TD
