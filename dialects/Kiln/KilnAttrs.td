//===- KilnAttrs.td - Kiln enums and attributes ---------------*- tablegen -*-===//
//
// Attributes for what upstream `quant` types lack: MX block formats,
// fixed-point formats, N:M structured sparsity and per-op precision decisions;
// and the enums the ops use for their choices.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_ATTRS_TD
#define KILN_ATTRS_TD

include "dialects/Kiln/KilnBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/TensorEncoding.td"

class Kiln_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Kiln_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

class Kiln_EnumAttr<EnumAttrInfo enumInfo, string attrMnemonic>
    : EnumAttr<Kiln_Dialect, enumInfo, attrMnemonic> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Kiln_PadMode : I32EnumAttr<"PadMode", "how padding values are chosen", [
    I32EnumAttrCase<"constant", 0>, I32EnumAttrCase<"reflect", 1>,
    I32EnumAttrCase<"edge", 2>, I32EnumAttrCase<"wrap", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_PadModeAttr : Kiln_EnumAttr<Kiln_PadMode, "pad_mode">;

def Kiln_ResizeMode : I32EnumAttr<"ResizeMode", "resize interpolation", [
    I32EnumAttrCase<"nearest", 0>, I32EnumAttrCase<"linear", 1>,
    I32EnumAttrCase<"cubic", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_ResizeModeAttr : Kiln_EnumAttr<Kiln_ResizeMode, "resize_mode">;

def Kiln_CoordinateTransform : I32EnumAttr<"CoordinateTransform",
    "how a resized coordinate maps back to the input", [
    I32EnumAttrCase<"half_pixel", 0>, I32EnumAttrCase<"half_pixel_symmetric", 1>,
    I32EnumAttrCase<"pytorch_half_pixel", 2>, I32EnumAttrCase<"align_corners", 3>,
    I32EnumAttrCase<"asymmetric", 4>, I32EnumAttrCase<"tf_crop_and_resize", 5>,
    I32EnumAttrCase<"tf_half_pixel_for_nn", 6>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_CoordinateTransformAttr
    : Kiln_EnumAttr<Kiln_CoordinateTransform, "coordinate_transform">;

def Kiln_NearestMode : I32EnumAttr<"NearestMode",
    "rounding of a coordinate to the nearest input pixel", [
    I32EnumAttrCase<"round_prefer_floor", 0>,
    I32EnumAttrCase<"round_prefer_ceil", 1>,
    I32EnumAttrCase<"floor", 2>, I32EnumAttrCase<"ceil", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_NearestModeAttr : Kiln_EnumAttr<Kiln_NearestMode, "nearest_mode">;

def Kiln_ScatterReduction : I32EnumAttr<"ScatterReduction",
    "how scattered updates combine with existing values", [
    I32EnumAttrCase<"none", 0>, I32EnumAttrCase<"add", 1>,
    I32EnumAttrCase<"mul", 2>, I32EnumAttrCase<"max", 3>,
    I32EnumAttrCase<"min", 4>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_ScatterReductionAttr
    : Kiln_EnumAttr<Kiln_ScatterReduction, "scatter_reduction">;

def Kiln_GeluApproximation : I32EnumAttr<"GeluApproximation",
    "formula used for GELU", [
    I32EnumAttrCase<"none", 0>, I32EnumAttrCase<"tanh", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_GeluApproximationAttr
    : Kiln_EnumAttr<Kiln_GeluApproximation, "gelu_approximation">;

def Kiln_DepthToSpaceMode : I32EnumAttr<"DepthToSpaceMode",
    "channel order of the blocks that depth_to_space moves into space", [
    I32EnumAttrCase<"dcr", 0>, I32EnumAttrCase<"crd", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_DepthToSpaceModeAttr
    : Kiln_EnumAttr<Kiln_DepthToSpaceMode, "depth_to_space_mode">;

def Kiln_WindowKind : I32EnumAttr<"WindowKind",
    "cosine-sum window shape", [
    I32EnumAttrCase<"hann", 0>, I32EnumAttrCase<"hamming", 1>,
    I32EnumAttrCase<"blackman", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_WindowKindAttr : Kiln_EnumAttr<Kiln_WindowKind, "window_kind">;

def Kiln_GridSamplePadding : I32EnumAttr<"GridSamplePadding",
    "value that grid_sample reads at positions outside the input", [
    I32EnumAttrCase<"zeros", 0>, I32EnumAttrCase<"border", 1>,
    I32EnumAttrCase<"reflection", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_GridSamplePaddingAttr
    : Kiln_EnumAttr<Kiln_GridSamplePadding, "grid_sample_padding">;

def Kiln_RoiAlignMode : I32EnumAttr<"RoiAlignMode",
    "how roi_align combines the samples of one output bin", [
    I32EnumAttrCase<"avg", 0>, I32EnumAttrCase<"max", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_RoiAlignModeAttr : Kiln_EnumAttr<Kiln_RoiAlignMode, "roi_align_mode">;

def Kiln_RoiAlignCoordinateTransform : I32EnumAttr<
    "RoiAlignCoordinateTransform",
    "how roi_align maps region coordinates onto input pixels", [
    I32EnumAttrCase<"half_pixel", 0>, I32EnumAttrCase<"output_half_pixel", 1>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_RoiAlignCoordinateTransformAttr
    : Kiln_EnumAttr<Kiln_RoiAlignCoordinateTransform,
                    "roi_align_coordinate_transform">;

def Kiln_RecurrentDirection : I32EnumAttr<"RecurrentDirection",
    "the order(s) in which a recurrent op walks the sequence", [
    I32EnumAttrCase<"forward", 0>, I32EnumAttrCase<"reverse", 1>,
    I32EnumAttrCase<"bidirectional", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_RecurrentDirectionAttr
    : Kiln_EnumAttr<Kiln_RecurrentDirection, "recurrent_direction">;

// The gate activation functions ONNX's RNN, GRU and LSTM accept.
def Kiln_RecurrentActivation : I32EnumAttr<"RecurrentActivation",
    "activation function of a recurrent op's gate", [
    I32EnumAttrCase<"relu", 0>, I32EnumAttrCase<"tanh", 1>,
    I32EnumAttrCase<"sigmoid", 2>, I32EnumAttrCase<"affine", 3>,
    I32EnumAttrCase<"leaky_relu", 4>, I32EnumAttrCase<"thresholded_relu", 5>,
    I32EnumAttrCase<"scaled_tanh", 6>, I32EnumAttrCase<"hard_sigmoid", 7>,
    I32EnumAttrCase<"elu", 8>, I32EnumAttrCase<"softsign", 9>,
    I32EnumAttrCase<"softplus", 10>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}
def Kiln_RecurrentActivationAttr
    : Kiln_EnumAttr<Kiln_RecurrentActivation, "activation">;

// Element formats of an OCP Microscaling (MX) block.
def Kiln_MXElementFormat : I32EnumAttr<"MXElementFormat",
    "element format of an MX block", [
    I32EnumAttrCase<"fp8_e4m3", 0>, I32EnumAttrCase<"fp8_e5m2", 1>,
    I32EnumAttrCase<"fp6_e2m3", 2>, I32EnumAttrCase<"fp6_e3m2", 3>,
    I32EnumAttrCase<"fp4_e2m1", 4>, I32EnumAttrCase<"int8", 5>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}

// Numeric formats an op may be assigned by the mixed-precision pass.
def Kiln_NumericFormat : I32EnumAttr<"NumericFormat",
    "numeric format an op computes in", [
    I32EnumAttrCase<"f32", 0>, I32EnumAttrCase<"bf16", 1>,
    I32EnumAttrCase<"f16", 2>, I32EnumAttrCase<"fp8_e4m3", 3>,
    I32EnumAttrCase<"fp8_e5m2", 4>, I32EnumAttrCase<"int8", 5>,
    I32EnumAttrCase<"int4", 6>, I32EnumAttrCase<"mx", 7>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::kiln";
}

//===----------------------------------------------------------------------===//
// MX block format
//===----------------------------------------------------------------------===//

def Kiln_MXFormatAttr : Kiln_Attr<"MXFormat", "mx",
    [DeclareAttrInterfaceMethods<VerifiableTensorEncoding>]> {
  let summary = "OCP Microscaling block format with a shared E8M0 exponent";
  let description = [{
    A tensor in an MX format is split into blocks of `block_size` consecutive
    elements along `axis`. Each block stores one shared 8-bit exponent
    `X` (E8M0: `2^(X - 127)`, `X = 255` is NaN) and `block_size` elements in
    `element_format`. Following the OCP MX v1.0 specification:

    ```
    value[i] = 2^(X_block(i) - 127) * decode(element_format, bits[i])
    ```

    The specification fixes `block_size = 32`; other powers of two are
    accepted for experiments. Used as a tensor encoding it also checks that
    `axis` exists in the tensor.

    Example:

    ```mlir
    tensor<64x128xf32, #kiln.mx<fp4_e2m1, axis = 1>>
    #kiln.mx<int8, axis = 0, block_size = 16>
    ```
  }];
  let parameters = (ins
    EnumParameter<Kiln_MXElementFormat>:$element_format,
    DefaultValuedParameter<"int64_t", "32">:$block_size,
    "int64_t":$axis);
  let assemblyFormat =
      "`<` $element_format `,` `axis` `=` $axis (`,` `block_size` `=` $block_size^)? `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Width in bits of one element in `element_format`.
    unsigned getElementBitWidth() const;
  }];
}

//===----------------------------------------------------------------------===//
// Fixed-point format
//===----------------------------------------------------------------------===//

def Kiln_FixedPointAttr : Kiln_Attr<"FixedPoint", "fixed_point"> {
  let summary = "binary fixed-point number format";
  let description = [{
    A `bits`-wide two's-complement (or unsigned) integer `q` that stands for
    the real value `q * 2^-fraction_bits`. `fraction_bits` may exceed `bits`
    (all values below 1) but is at most 64 and never negative.

    Example: `#kiln.fixed_point<16, 8, signed>` is Q7.8 (range
    [-128, 128), resolution 1/256).
  }];
  let parameters = (ins "unsigned":$bits, "unsigned":$fraction_bits,
                        "bool":$is_signed);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// N:M structured sparsity
//===----------------------------------------------------------------------===//

def Kiln_SparsityAttr : Kiln_Attr<"Sparsity", "sparsity",
    [DeclareAttrInterfaceMethods<VerifiableTensorEncoding>]> {
  let summary = "N:M structured sparsity along an axis";
  let description = [{
    Of every `m` consecutive elements along `axis`, at most `n` are non-zero
    (e.g. 2:4 as sparse tensor cores execute it). `m` is a power of two no
    larger than 64 and `0 < n < m`. Used as a tensor encoding it also checks
    that `axis` exists and that its extent, when static, is a multiple of `m`.

    Example:

    ```mlir
    tensor<64x256xi8, #kiln.sparsity<2:4, axis = 1>>
    ```
  }];
  let parameters = (ins "int64_t":$n, "int64_t":$m, "int64_t":$axis);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Precision decision
//===----------------------------------------------------------------------===//

def Kiln_PrecisionAttr : Kiln_Attr<"Precision", "precision"> {
  let summary = "numeric format chosen for one op";
  let description = [{
    Records the mixed-precision pass's decision for an op: the `format` its
    inputs are computed in and the `accumulator` type of its reductions.
    Integer formats accumulate in a signless integer of at least 16 bits,
    float formats in a float type at least as wide as the format. An `mx`
    format names its block format in `block`.

    Example:

    ```mlir
    kiln.matmul %a, %b {precision = #kiln.precision<int8, accumulator = i32>} : ...
    #kiln.precision<mx, accumulator = f32, block = <fp4_e2m1, axis = 1>>
    ```
  }];
  let parameters = (ins EnumParameter<Kiln_NumericFormat>:$format,
                        "::mlir::Type":$accumulator,
                        OptionalParameter<"MXFormatAttr">:$block);
  let assemblyFormat = [{
    `<` $format `,` `accumulator` `=` $accumulator (`,` `block` `=` $block^)? `>`
  }];
  let genVerifyDecl = 1;
}

#endif // KILN_ATTRS_TD
