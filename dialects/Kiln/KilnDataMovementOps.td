//===- KilnDataMovementOps.td - shape and data movement -------*- tablegen -*-===//

#ifndef KILN_DATA_MOVEMENT_OPS_TD
#define KILN_DATA_MOVEMENT_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

def Kiln_ConstantOp : Kiln_Op<"constant", [ConstantLike, Pure]> {
  let summary = "tensor constant";
  let description = [{
    Produces `value`, a dense, splat or `dense_resource` elements attribute
    whose type is the result type. Model weights arrive as
    `dense_resource` blobs so that large models print compactly.

    A quantized constant holds its stored integers: `value` is typed with the
    storage type (`tensor<64xi8>`) and the result with the quantized type,
    printed after `->`.

    Constraints:
    - `value` has the result's type, or, for a quantized result, its shape
      with the quantized type's storage type as element type.

    Example:

    ```mlir
    %w = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %b = kiln.constant dense_resource<conv1.bias> : tensor<64xf32>
    %q = kiln.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Kiln_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "::mlir::ElementsAttr":$value), [{
      build($_builder, $_state, value.getType(), value);
    }]>
  ];
  let extraClassDeclaration = [{
    /// Whether a constant of type `type` can hold `value`: same type, or the
    /// storage-typed form of a quantized tensor type.
    static bool isBuildableWith(::mlir::Attribute value, ::mlir::Type type);
  }];
}

def Kiln_TransposeOp : Kiln_ShapeInferenceOp<"transpose",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "permute dimensions";
  let description = [{
    ```
    output[i_0, ..., i_(r-1)] = input[j]  where j[perm[k]] = i_k
    ```
    so `shape(output)[k] = shape(input)[perm[k]]` (ONNX Transpose).

    Constraints:
    - `perm` is a permutation of `[0, rank)`;
    - the result shape is the permuted input shape.

    Example:

    ```mlir
    %t = kiln.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_ReshapeOp : Kiln_Op<"reshape",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "reinterpret a tensor with another shape";
  let description = [{
    Keeps the elements in row-major order and gives them the result's shape
    (ONNX Reshape after the importer resolved `0` and `-1` entries).

    Constraints:
    - input and result have the same number of elements when both are
      static;
    - for per-axis quantized tensors the quantized axis keeps its index and
      its extent.

    Example:

    ```mlir
    %r = kiln.reshape %x : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // KILN_DATA_MOVEMENT_OPS_TD
