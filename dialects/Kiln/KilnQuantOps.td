//===- KilnQuantOps.td - quantize, dequantize, requantize -----*- tablegen -*-===//

#ifndef KILN_QUANT_OPS_TD
#define KILN_QUANT_OPS_TD

include "dialects/Kiln/KilnBase.td"

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

#endif // KILN_QUANT_OPS_TD
