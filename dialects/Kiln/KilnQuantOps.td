//===- KilnQuantOps.td - quantize, dequantize, requantize, MX -*- tablegen -*-===//

#ifndef KILN_QUANT_OPS_TD
#define KILN_QUANT_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

class Kiln_QuantCastOp<string mnemonic, list<Trait> traits = []>
    : Kiln_Op<mnemonic, !listconcat(traits, [Pure, SameOperandsAndResultShape])> {
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def Kiln_QuantizeOp : Kiln_QuantCastOp<"quantize"> {
  let summary = "quantize a float tensor into a `!quant.uniform` tensor";
  let description = [{
    Maps each real value to its stored integer using the scale and zero point
    of the result's quantized element type (per tensor, per axis or per
    sub-channel block), as ONNX QuantizeLinear does:

    ```
    stored = saturate(round_half_to_even(input / scale) + zero_point,
                      storage_min, storage_max)
    ```

    Constraints:
    - the result element type is quantized and its expressed type equals the
      input's float element type;
    - per-axis types: the axis exists and the number of scales equals the
      extent of that dimension (when static);
    - sub-channel types: the block sizes tile the shape exactly.

    Example:

    ```mlir
    %q = kiln.quantize %x : tensor<1x64xf32> -> tensor<1x64x!quant.uniform<i8:f32, 0.05:-3>>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input);
  let results = (outs Kiln_QuantizedTensor:$output);
}

def Kiln_DequantizeOp : Kiln_QuantCastOp<"dequantize"> {
  let summary = "recover real values from a `!quant.uniform` tensor";
  let description = [{
    ```
    output = (stored - zero_point) * scale
    ```
    with the parameters of the input's quantized element type. This is ONNX
    DequantizeLinear, including per-axis and blocked (`block_size`) variants.

    Constraints:
    - the input element type is quantized and its expressed type equals the
      result's float element type;
    - the quantization parameters fit the shape as for `kiln.quantize`.

    Example:

    ```mlir
    %w = kiln.dequantize %q : tensor<64x3x3x3x!quant.uniform<i8:f32:0, {0.1, ...}>> -> tensor<64x3x3x3xf32>
    ```
  }];
  let arguments = (ins Kiln_QuantizedTensor:$input);
  let results = (outs Kiln_FloatTensor:$output);
}

def Kiln_RequantizeOp : Kiln_QuantCastOp<"requantize"> {
  let summary = "change the quantization parameters of a quantized tensor";
  let description = [{
    Re-expresses each value with the result type's parameters:

    ```
    real   = (stored_in - zero_point_in) * scale_in
    stored = saturate(round_half_to_even(real / scale_out) + zero_point_out)
    ```

    Lowering implements this in integer arithmetic (a dyadic multiplier
    `scale_in / scale_out` as fixed point and a shift).

    Constraints:
    - input and result are quantized with the same expressed type;
    - the quantization parameters fit the shape as for `kiln.quantize`.

    Example:

    ```mlir
    %r = kiln.requantize %q : tensor<8x!quant.uniform<i32:f32, 0.001>> -> tensor<8x!quant.uniform<i8:f32, 0.1:4>>
    ```
  }];
  let arguments = (ins Kiln_QuantizedTensor:$input);
  let results = (outs Kiln_QuantizedTensor:$output);
  let hasFolder = 1;
}

def Kiln_StorageCastOp : Kiln_QuantCastOp<"storage_cast"> {
  let summary = "view stored integers as a quantized tensor, or back";
  let description = [{
    Reinterprets the elements without changing a bit: a tensor of integers
    becomes a tensor of a quantized type with that storage, or the reverse.
    ONNX tensors of (u)int8 that carry quantized values (graph inputs of
    DequantizeLinear, operands of MatMulInteger) cross between the two views
    with this op.

    Constraints:
    - exactly one of input and result is quantized;
    - the integer type has the quantized type's storage width, and is
      unsigned exactly when the storage is unsigned (`iN` / `siN` for signed
      storage, `uiN` for unsigned).

    Example:

    ```mlir
    %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input);
  let results = (outs Kiln_Tensor:$output);
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// OCP Microscaling (MX)
//===----------------------------------------------------------------------===//

def Kiln_MXElementTensor
    : RankedTensorOf<[F8E4M3FN, F8E5M2, F6E2M3FN, F6E3M2FN, F4E2M1FN, I8]>;

def Kiln_MXDequantizeOp : Kiln_Op<"mx_dequantize", [Pure]> {
  let summary = "decode an OCP MX tensor: each element times its block's scale";
  let description = [{
    An MX tensor (OCP Microscaling Formats v1.0) in two parts: `elements`,
    one code per value in the element type of `format`'s element format
    (f8E4M3FN, f8E5M2, f6E2M3FN, f6E3M2FN, f4E2M1FN; i8 for int8), and
    `scales`, one E8M0 exponent `X` per block of `block_size` consecutive
    elements along `axis`:

    ```
    output[i] = 2^(X - 127) * decode(elements[i]),
                X = scales[i with i[axis] replaced by i[axis] / block_size]
    ```

    `decode` is the element's value; int8 elements stand for the integer
    times 2^-6. `X = 255` is NaN: its whole block decodes to NaN. An f32
    result is the exact product (or an infinity beyond f32's range); other
    result types round it once.

    Constraints:
    - `elements` has the element type of `format`'s element format and the
      result's shape;
    - `scales` is f8E8M0FNU of the same rank, with `ceil(extent /
      block_size)` blocks along `axis` (the last one may be partial) and
      the elements' extents elsewhere;
    - `axis` is a dimension of `elements`.

    Example:

    ```mlir
    %w = kiln.mx_dequantize %codes, %scales {format = #kiln.mx<fp4_e2m1, axis = 1>}
        : tensor<64x128xf4E2M1FN>, tensor<64x4xf8E8M0FNU> -> tensor<64x128xf32>
    ```
  }];
  let arguments = (ins Kiln_MXElementTensor:$elements,
                       RankedTensorOf<[F8E8M0FNU]>:$scales,
                       Kiln_MXFormatAttr:$format);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $elements `,` $scales attr-dict `:` type($elements) `,` type($scales)
    `->` type($output)
  }];
  let hasVerifier = 1;
}

#endif // KILN_QUANT_OPS_TD
