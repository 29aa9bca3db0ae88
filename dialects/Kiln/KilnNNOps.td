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

def Kiln_ConvTransposeOp : Kiln_ShapeInferenceOp<"conv_transpose", [Pure]> {
  let summary = "N-d transposed convolution (1-D to 3-D) with groups";
  let description = [{
    ONNX ConvTranspose in channels-first layout: the gradient of `kiln.conv`
    with respect to its input. With `input` of shape `[N, C, D_1..D_n]`,
    `weight` of shape `[C, M / group, K_1..K_n]` and `G = group`, every
    input element scatters a weighted kernel into the output:

    ```
    output[n, g * (M/G) + m, o_1..o_n] = bias[g * (M/G) + m] +
        sum_{c < C/G, d_i, k_i with o_i = d_i * strides[i] + k_i * dilations[i] - pads[i]}
            input[n, g * (C/G) + c, d_1..d_n] * weight[g * (C/G) + c, m, k_1..k_n]
    O_i = strides[i] * (D_i - 1) + output_padding[i]
          + ((K_i - 1) * dilations[i] + 1) - pads[i] - pads[n + i]
    ```

    `pads` lists all begin paddings, then all end paddings; they crop the
    full output. `output_padding` adds elements at the end of each spatial
    dimension. The importer resolves ONNX's `output_shape` and `auto_pad`
    into explicit `pads`.

    Element types: as `kiln.conv` (float; integer with an i32 result;
    quantized). The bias has one value per output channel: the float element
    type for float convolutions, i32 (or an i32-stored quantized type)
    otherwise.

    Constraints:
    - input and weight have equal rank 3 to 5;
    - `C` equals `weight.shape[0]` and is a multiple of `group`;
    - `strides` and `dilations` have one positive entry per spatial
      dimension and `pads` two non-negative entries;
    - `output_padding` has one non-negative entry per spatial dimension,
      each smaller than its stride or its dilation;
    - `bias` is 1-D with `M = group * weight.shape[1]` elements;
    - every output extent is positive and the result shape follows the
      formula above.

    Example:

    ```mlir
    %y = kiln.conv_transpose %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>,
                                         pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>}
        : (tensor<1x64x28x28xf32>, tensor<64x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x56x56xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input, Kiln_NumericTensor:$weight,
                       Optional<Kiln_NumericTensor>:$bias,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$output_padding,
                       DefaultValuedAttr<I64Attr, "1">:$group);
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Kiln_GemmOp : Kiln_ShapeInferenceOp<"gemm", [Pure]> {
  let summary = "general matrix multiply `alpha * A' * B' + beta * C`";
  let description = [{
    ONNX Gemm (and QGemm when quantized). With `A' = trans_a ? A^T : A` of
    shape `[M, K]` and `B' = trans_b ? B^T : B` of shape `[K, N]`:

    ```
    output[i, j] = alpha * sum_k A'[i, k] * B'[k, j] + beta * C[i, j]
    ```

    `C` broadcasts unidirectionally to `[M, N]`; without `C` the second term
    is zero.

    Element types: as `kiln.matmul` (float; integer with an i32 result;
    quantized with a quantized or i32 result). `C` has the float element type
    for float operands, i32 (or an i32-stored quantized type) otherwise.

    Constraints:
    - `A` and `B` are 2-D and their contracted extents `K` agree;
    - `C` has rank at most 2 and broadcasts unidirectionally to `[M, N]`;
    - the result has shape `[M, N]`.

    Example:

    ```mlir
    %y = kiln.gemm %a, %b, %c {trans_b, alpha = 5.0e-01 : f32}
        : (tensor<1x512xf32>, tensor<1000x512xf32>, tensor<1000xf32>) -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$a, Kiln_NumericTensor:$b,
                       Optional<Kiln_NumericTensor>:$c,
                       UnitAttr:$trans_a, UnitAttr:$trans_b,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha,
                       DefaultValuedAttr<F32Attr, "1.0">:$beta);
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = [{
    $a `,` $b (`,` $c^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Kiln_DetOp : Kiln_ShapeInferenceOp<"det",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "determinant of each innermost square matrix";
  let description = [{
    ONNX Det. For an input of shape `[*, M, M]` (any number of leading batch
    dimensions):

    ```
    output[b...] = det(input[b..., :, :])
    ```

    so `shape(output) = input.shape[:-2]` (a scalar for a single matrix).

    Constraints:
    - the input has rank at least 2 and its last two extents are equal
      (when both are static);
    - the result has the shape above and the input's float element type.

    Example:

    ```mlir
    %d = kiln.det %x : tensor<3x4x4xf32> -> tensor<3xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

// ONNX MaxPool's input and window attributes (`auto_pad` resolved).
defvar Kiln_MaxPoolArguments = (ins Kiln_NumericTensor:$input,
                                    DenseI64ArrayAttr:$kernel_shape,
                                    DenseI64ArrayAttr:$strides,
                                    DenseI64ArrayAttr:$dilations,
                                    DenseI64ArrayAttr:$pads,
                                    UnitAttr:$ceil_mode);

def Kiln_MaxPoolOp : Kiln_ShapeInferenceOp<"max_pool",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "N-d max pooling (1-D to 3-D)";
  let description = [{
    ONNX MaxPool (its `Indices` output is `kiln.max_pool_with_indices`) for
    input `[N, C, D_1..D_n]`:

    ```
    output[n, c, o_1..o_n] = max_{k_1..k_n} input[n, c,
                                  o_i * strides[i] + k_i * dilations[i] - pads[i]]
    O_i = floor_or_ceil((D_i + pads[i] + pads[n + i]
                         - dilations[i] * (kernel_shape[i] - 1) - 1) / strides[i]) + 1
    ```

    Padded positions never win. `ceil_mode` rounds up, counting a last
    partial window if it starts inside the input or its begin padding.
    Quantized inputs keep their quantization parameters (max commutes with
    the affine map).

    Constraints:
    - the input has rank 3 to 5;
    - `kernel_shape`, `strides` and `dilations` have one positive entry per
      spatial dimension and `pads` two non-negative entries;
    - the result has the input's element type and the shape above.

    Example:

    ```mlir
    %y = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>,
                           dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>}
        : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
    ```
  }];
  let arguments = Kiln_MaxPoolArguments;
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Kiln_MaxPoolWithIndicesOp : Kiln_ShapeInferenceOp<"max_pool_with_indices",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "N-d max pooling that also returns where each maximum was";
  let description = [{
    ONNX MaxPool with its optional `Indices` output (opset 8 on): `output`
    is exactly `kiln.max_pool`'s, and `indices` holds the flat position of
    each maximum in the (unpadded) input:

    ```
    (d_1..d_n) = the first position, in window order, where the window of
                 output[n, c, o_1..o_n] reaches its maximum
    indices[n, c, o_1..o_n] = (n * C + c) * D_1 * .. * D_n + sum_i d_i * s_i
    s_i = D_(i+1) * .. * D_n           (row major, the default)
    s_i = D_1 * .. * D_(i-1)           (column_major: ONNX storage_order = 1)
    ```

    This is a separate op rather than an optional second result of
    `kiln.max_pool`: shape inference sees only operands and attributes, so
    an optional result would need a flag saying whether it exists, and
    every consumer of `kiln.max_pool` would have to check it. With two ops
    the result list of each is fixed, the storage order lives only where
    it matters, and lowerings of plain max pooling never compute indices.
    `kiln.max_unpool` consumes the indices (row major).

    Constraints:
    - as `kiln.max_pool`;
    - both results have the pooled shape; `output` has the input's element
      type and `indices` is i64.

    Example:

    ```mlir
    %y, %i = kiln.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                                            dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, column_major}
        : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
    ```
  }];
  let arguments = !con(Kiln_MaxPoolArguments, (ins UnitAttr:$column_major));
  let results = (outs Kiln_NumericTensor:$output, Kiln_I64Tensor:$indices);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output) `,` type($indices)
  }];
}

def Kiln_AveragePoolOp : Kiln_ShapeInferenceOp<"average_pool",
    [Pure, Kiln_SameExpressedElementType]> {
  let summary = "N-d average pooling (1-D to 3-D)";
  let description = [{
    ONNX AveragePool (QLinearAveragePool when quantized) for input
    `[N, C, D_1..D_n]`:

    ```
    output[n, c, o_1..o_n] = sum_{k in window} input[n, c, p(o, k)] / count(o)
    p(o, k)_i = o_i * strides[i] + k_i * dilations[i] - pads[i]
    count(o) = count_include_pad ? number of window positions inside the padded input
                                 : number of window positions inside the input
    O_i = floor_or_ceil((D_i + pads[i] + pads[n + i]
                         - dilations[i] * (kernel_shape[i] - 1) - 1) / strides[i]) + 1
    ```

    `ceil_mode` rounds up, counting a last partial window if it starts
    inside the input or its begin padding.

    Constraints:
    - the input has rank 3 to 5;
    - `kernel_shape`, `strides` and `dilations` have one positive entry per
      spatial dimension and `pads` two non-negative entries;
    - the result has the input's element type (or, when quantized, its
      expressed type) and the shape above.

    Example:

    ```mlir
    %y = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                               dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode}
        : tensor<1x64x7x7xf32> -> tensor<1x64x4x4xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads,
                       UnitAttr:$ceil_mode,
                       UnitAttr:$count_include_pad);
  let results = (outs Kiln_FloatOrQuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

// Pools all spatial dimensions of a `[N, C, D...]` tensor down to extent 1.
class Kiln_GlobalPoolOp<string mnemonic, string onnxName, string formula,
                        TypeConstraint tensorType, Trait elementTypeTrait>
    : Kiln_ShapeInferenceOp<mnemonic, [Pure, elementTypeTrait]> {
  let summary = "`" # formula # "` over all spatial dimensions";
  let description = [{
    ONNX }] # onnxName # [{ for input `[N, C, D_1..D_n]`:

    ```
    output[n, c, 0, .., 0] = }] # formula # [{ over all d_1..d_n of input[n, c, d_1..d_n]
    ```

    Constraints:
    - the input has rank at least 3;
    - the result has shape `[N, C, 1, .., 1]` (same rank as the input).

    Example:

    ```mlir
    %y = kiln.}] # mnemonic # [{ %x : tensor<1x512x7x7xf32> -> tensor<1x512x1x1xf32>
    ```
  }];
  let arguments = (ins tensorType:$input);
  let results = (outs tensorType:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      return inferGlobalPoolShape(location, getShape(adaptor.getInput()),
                                  inferredShapes);
    }
  }];
}

def Kiln_GlobalAveragePoolOp : Kiln_GlobalPoolOp<"global_average_pool",
    "GlobalAveragePool", "mean", Kiln_FloatOrQuantizedTensor,
    Kiln_SameExpressedElementType>;
def Kiln_GlobalMaxPoolOp : Kiln_GlobalPoolOp<"global_max_pool",
    "GlobalMaxPool", "max", Kiln_NumericTensor,
    AllElementTypesMatch<["input", "output"]>>;

//===----------------------------------------------------------------------===//
// Softmax
//===----------------------------------------------------------------------===//

def Kiln_SoftmaxOp : Kiln_ShapeInferenceOp<"softmax",
    [Pure, Kiln_SameExpressedElementType]> {
  let summary = "softmax along one axis";
  let description = [{
    ONNX Softmax (opset 13 semantics: along a single axis):

    ```
    output[i] = e^input[i] / sum_{j : j differs from i only along axis} e^input[j]
    ```

    Quantized inputs (QLinearSoftmax) may have a result with other
    quantization parameters.

    Constraints:
    - `axis` is in `[0, rank)`;
    - the result has the input's shape and element type (or, when quantized,
      expressed type).

    Example:

    ```mlir
    %p = kiln.softmax %x {axis = 1 : i64} : tensor<1x1000xf32> -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input, I64Attr:$axis);
  let results = (outs Kiln_FloatOrQuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Kiln_LogSoftmaxOp : Kiln_ShapeInferenceOp<"log_softmax",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "logarithm of the softmax along one axis";
  let description = [{
    ONNX LogSoftmax (opset 13 semantics: along a single axis):

    ```
    output[i] = input[i] - ln(sum_{j : j differs from i only along axis} e^input[j])
    ```

    Constraints:
    - `axis` is in `[0, rank)`;
    - the result has the input's shape and float element type.

    Example:

    ```mlir
    %p = kiln.log_softmax %x {axis = 1 : i64} : tensor<1x1000xf32> -> tensor<1x1000xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, I64Attr:$axis);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def Kiln_LayerNormOp : Kiln_ShapeInferenceOp<"layer_norm",
    [Pure, AllElementTypesMatch<["input", "scale", "output"]>]> {
  let summary = "layer normalization over the trailing dimensions";
  let description = [{
    ONNX LayerNormalization (only the `Y` output). The dimensions
    `axis..rank-1` are normalized; for every index `b` of the leading
    dimensions and `x = input[b, ...]`:

    ```
    mean[b] = sum(x) / size(x)
    var[b]  = sum((x - mean[b])^2) / size(x)
    output[b, i] = (x[i] - mean[b]) / sqrt(var[b] + epsilon) * scale[i] + bias[i]
    ```

    `scale` and `bias` broadcast unidirectionally to `input.shape[axis:]`.

    Constraints:
    - `axis` is in `[0, rank)`;
    - `scale` and `bias` broadcast unidirectionally to `input.shape[axis:]`;
    - `epsilon` is positive;
    - all element types are the same float type;
    - the result has the input's shape.

    Example:

    ```mlir
    %y = kiln.layer_norm %x, %s, %b {axis = 2 : i64}
        : (tensor<1x128x768xf32>, tensor<768xf32>, tensor<768xf32>) -> tensor<1x128x768xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$scale,
                       Optional<Kiln_FloatTensor>:$bias,
                       I64Attr:$axis,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Kiln_InstanceNormOp : Kiln_ShapeInferenceOp<"instance_norm",
    [Pure, AllElementTypesMatch<["input", "scale", "bias", "output"]>]> {
  let summary = "instance normalization over the spatial dimensions";
  let description = [{
    ONNX InstanceNormalization for input `[N, C, D...]`: every `(n, c)`
    slice is normalized over its spatial dimensions.

    ```
    mean[n, c] = sum_d input[n, c, d] / size(D)
    var[n, c]  = sum_d (input[n, c, d] - mean[n, c])^2 / size(D)
    output[n, c, d] = (input[n, c, d] - mean[n, c]) / sqrt(var[n, c] + epsilon)
                      * scale[c] + bias[c]
    ```

    Constraints:
    - the input has rank at least 3;
    - `scale` and `bias` are 1-D with `C` elements;
    - `epsilon` is positive;
    - all element types are the same float type.

    Example:

    ```mlir
    %y = kiln.instance_norm %x, %s, %b {epsilon = 1.0e-03 : f32}
        : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x32x32xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$scale,
                       Kiln_FloatTensor:$bias,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias attr-dict `:` functional-type(operands, results)
  }];
}

def Kiln_LpNormalizationOp : Kiln_ShapeInferenceOp<"lp_normalization",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "Lp normalization along one axis";
  let description = [{
    ONNX LpNormalization: divides every element by the Lp norm of the
    elements that share its other coordinates.

    ```
    norm[i] = (sum_{j : j differs from i only along axis} |input[j]|^p)^(1/p)
    output[i] = input[i] / norm[i]
    ```

    Constraints:
    - `axis` is in `[0, rank)`;
    - `p` is 1 or 2;
    - the result has the input's shape and float element type.

    Example:

    ```mlir
    %y = kiln.lp_normalization %x {axis = 1 : i64, p = 1 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, I64Attr:$axis,
                       DefaultValuedAttr<I64Attr, "2">:$p);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

//===----------------------------------------------------------------------===//
// Depth and space rearrangement
//===----------------------------------------------------------------------===//

def Kiln_DepthToSpaceOp : Kiln_ShapeInferenceOp<"depth_to_space",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "move channel blocks into spatial blocks";
  let description = [{
    ONNX DepthToSpace for input `[N, C, H, W]` with `b = blocksize` and
    `C' = C / (b * b)`:

    ```
    output[n, c, h * b + i, w * b + j] =
        mode = dcr: input[n, (i * b + j) * C' + c, h, w]
        mode = crd: input[n, c * b * b + i * b + j, h, w]
    ```

    The result has shape `[N, C', H * b, W * b]`. A block size of 1 is the
    identity and folds away.

    Constraints:
    - the input has rank 4;
    - `blocksize` is positive and `b * b` divides `C`;
    - a per-axis (or sub-channel) quantized element type may only quantize
      along dimension 0, which the op does not rearrange.

    Example:

    ```mlir
    %y = kiln.depth_to_space %x {blocksize = 2 : i64, mode = #kiln.depth_to_space_mode<crd>}
        : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, I64Attr:$blocksize,
      DefaultValuedAttr<Kiln_DepthToSpaceModeAttr,
                        "DepthToSpaceMode::dcr">:$mode);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_SpaceToDepthOp : Kiln_ShapeInferenceOp<"space_to_depth",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "move spatial blocks into channel blocks";
  let description = [{
    ONNX SpaceToDepth (the inverse of `kiln.depth_to_space` in `dcr` mode)
    for input `[N, C, H, W]` with `b = blocksize`:

    ```
    output[n, (i * b + j) * C + c, h, w] = input[n, c, h * b + i, w * b + j]
    ```

    The result has shape `[N, C * b * b, H / b, W / b]`. A block size of 1
    is the identity and folds away.

    Constraints:
    - the input has rank 4;
    - `blocksize` is positive and divides `H` and `W`;
    - a per-axis (or sub-channel) quantized element type may only quantize
      along dimension 0, which the op does not rearrange.

    Example:

    ```mlir
    %y = kiln.space_to_depth %x {blocksize = 2 : i64} : tensor<1x4x16x16xf32> -> tensor<1x16x8x8xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, I64Attr:$blocksize);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // KILN_NN_OPS_TD
