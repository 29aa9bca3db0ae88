//===- KilnNNOps.td - contractions, pooling, normalization ----*- tablegen -*-===//

#ifndef KILN_NN_OPS_TD
#define KILN_NN_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

def Kiln_MatMulOp : Kiln_ShapeInferenceOp<"matmul", [Pure]> {
  let summary = "numpy-style (batched, broadcasting) matrix product";
  let description = [{
    ONNX MatMul / numpy.matmul:

    ```
    output[b..., i, j] = sum_k lhs[b..., i, k] * rhs[b..., k, j]
    ```

    A 1-D `lhs` is treated as `[1, K]` and a 1-D `rhs` as `[K, 1]`, and the
    added dimension is dropped from the result. Batch dimensions broadcast
    under numpy rules.

    Element types: all float and equal; or integer operands (ONNX
    MatMulInteger: i8/ui8) with an i32 result; or quantized operands with a
    quantized or i32 result.

    Constraints:
    - neither operand is a scalar;
    - the contracted extents agree;
    - batch dimensions broadcast.

    Example:

    ```mlir
    %c = kiln.matmul %a, %b : tensor<4x2x3xf32>, tensor<3x5xf32> -> tensor<4x2x5xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$lhs, Kiln_NumericTensor:$rhs);
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($output)
  }];
  let hasVerifier = 1;
}

def Kiln_ConvOp : Kiln_ShapeInferenceOp<"conv", [Pure]> {
  let summary = "N-d convolution (1-D to 3-D) with groups, dilation, padding";
  let description = [{
    ONNX Conv in channels-first layout. With `input` of shape
    `[N, C, D_1..D_n]`, `weight` of shape `[M, C / group, K_1..K_n]` and
    `G = group`:

    ```
    output[n, m, o_1..o_n] = bias[m] +
        sum_{c < C/G, k_1..k_n} input[n, (m / (M/G)) * (C/G) + c,
                                      o_i * strides[i] + k_i * dilations[i] - pads[i]]
                                * weight[m, c, k_1..k_n]
    O_i = floor((D_i + pads[i] + pads[n + i] - dilations[i] * (K_i - 1) - 1)
                / strides[i]) + 1
    ```

    Out-of-range input positions read zero (the zero point for quantized
    inputs). `pads` lists all begin paddings, then all end paddings; the
    importer resolves ONNX's `auto_pad` into explicit pads.

    Element types: as `kiln.matmul` (float; integer ConvInteger with an i32
    result; quantized, typically a per-channel weight with axis 0). The bias
    has one value per output channel: the float element type for float
    convolutions, i32 (or an i32-stored quantized type) otherwise.

    Constraints:
    - input and weight have equal rank 3 to 5;
    - `C` equals `group * weight.shape[1]` and `M` is a multiple of `group`;
    - `strides` and `dilations` have one positive entry per spatial
      dimension and `pads` two non-negative entries;
    - `bias` is 1-D with `M` elements;
    - the result shape follows the formula above.

    Example:

    ```mlir
    %y = kiln.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 3, 3, 3, 3>}
        : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input, Kiln_NumericTensor:$weight,
                       Optional<Kiln_NumericTensor>:$bias,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads,
                       DefaultValuedAttr<I64Attr, "1">:$group);
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Kiln_BatchNormOp : Kiln_ShapeInferenceOp<"batch_norm",
    [Pure, AllElementTypesMatch<["input", "scale", "bias", "mean", "variance",
                                 "output"]>]> {
  let summary = "inference-mode batch normalization over channel dimension 1";
  let description = [{
    ONNX BatchNormalization with `training_mode = 0`, for input
    `[N, C, D...]`:

    ```
    output[n, c, d...] = (input[n, c, d...] - mean[c]) / sqrt(variance[c] + epsilon)
                         * scale[c] + bias[c]
    ```

    Constraints:
    - the input has rank at least 2;
    - `scale`, `bias`, `mean` and `variance` are 1-D with `C` elements;
    - `epsilon` is positive;
    - all element types are the same float type.

    Example:

    ```mlir
    %y = kiln.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-05 : f32}
        : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$scale,
                       Kiln_FloatTensor:$bias, Kiln_FloatTensor:$mean,
                       Kiln_FloatTensor:$variance,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias `,` $mean `,` $variance attr-dict `:`
    functional-type(operands, results)
  }];
}

#endif // KILN_NN_OPS_TD
