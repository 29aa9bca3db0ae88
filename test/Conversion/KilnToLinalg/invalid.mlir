// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file -verify-diagnostics %s

// Integer gemm scales only by 1: alpha = 2 has no integer lowering.
func.func @integer_gemm_alpha(%a: tensor<2x3xi32>, %b: tensor<3x4xi32>) -> tensor<2x4xi32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.gemm'}}
  %y = kiln.gemm %a, %b {alpha = 2.0 : f32} : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
  return %y : tensor<2x4xi32>
}

// -----

// Run-time extents are not lowered: the concat stays and fails the pass.
func.func @concat_dynamic(%a: tensor<?x3xf32>, %b: tensor<2x3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.concat'}}
  %y = kiln.concat %a, %b {axis = 0 : i64} : (tensor<?x3xf32>, tensor<2x3xf32>) -> tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}

// -----

// A data-dependent extent the model does not declare stays `?`: no lowering.
func.func @non_zero_undeclared(%x: tensor<2x3xf32>) -> tensor<2x?xi64> {
  // expected-error @+1 {{failed to legalize operation 'kiln.non_zero'}}
  %nz = kiln.non_zero %x : tensor<2x3xf32> -> tensor<2x?xi64>
  return %nz : tensor<2x?xi64>
}

// -----

// Requantization parameters varying along two different axes would need a
// two-dimensional table.
func.func @requantize_across_axes(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.requantize'}}
  %y = kiln.requantize %x : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
  return %y : tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
}

// -----

// A factor of 2^30 or more has no dyadic multiplier (it would need a left
// shift).
func.func @requantize_huge_factor(%x: tensor<2x!quant.uniform<i32:f32, 1.0e+10>>) -> tensor<2x!quant.uniform<i8:f32, 1.0>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.requantize'}}
  %y = kiln.requantize %x : tensor<2x!quant.uniform<i32:f32, 1.0e+10>> -> tensor<2x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<2x!quant.uniform<i8:f32, 1.0>>
}

// -----

// A quantized contraction's input must be quantized per tensor.
func.func @conv_per_axis_input(%x: tensor<1x2x3x3x!quant.uniform<u8:f32:1, {0.1, 0.2}>>, %w: tensor<1x2x1x1x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.conv'}}
  %y = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}
      : (tensor<1x2x3x3x!quant.uniform<u8:f32:1, {0.1, 0.2}>>, tensor<1x2x1x1x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
}

// -----

// Weight scales must vary along the output channels (axis 0 of a conv
// weight), not the input channels.
func.func @conv_weight_other_axis(%x: tensor<1x2x3x3x!quant.uniform<u8:f32, 0.1:128>>, %w: tensor<1x2x1x1x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.conv'}}
  %y = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}
      : (tensor<1x2x3x3x!quant.uniform<u8:f32, 0.1:128>>, tensor<1x2x1x1x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
}

// -----

// A quantized bias must be in units of s_x * s_w (0.1 * 0.1 = 0.01).
func.func @conv_bias_other_scale(%x: tensor<1x1x3x3x!quant.uniform<u8:f32, 0.1:128>>, %w: tensor<1x1x1x1x!quant.uniform<i8:f32, 0.1>>, %b: tensor<1x!quant.uniform<i32:f32, 0.5>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.conv'}}
  %y = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>}
      : (tensor<1x1x3x3x!quant.uniform<u8:f32, 0.1:128>>, tensor<1x1x1x1x!quant.uniform<i8:f32, 0.1>>, tensor<1x!quant.uniform<i32:f32, 0.5>>) -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>
}

// -----

// With C, a quantized gemm's alpha and beta must agree (C is in units of
// s_a * s_b).
func.func @quantized_gemm_beta(%a: tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, %b: tensor<3x4x!quant.uniform<i8:f32, 0.1>>, %c: tensor<4xi32>) -> tensor<2x4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.gemm'}}
  %y = kiln.gemm %a, %b, %c {beta = 0.5 : f32} : (tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x4x!quant.uniform<i8:f32, 0.1>>, tensor<4xi32>) -> tensor<2x4x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<2x4x!quant.uniform<i8:f32, 0.5>>
}

// -----

// An i32 result of quantized operands is the accumulator: alpha must be 1.
func.func @quantized_gemm_i32_alpha(%a: tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, %b: tensor<3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x4xi32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.gemm'}}
  %y = kiln.gemm %a, %b {alpha = 2.0 : f32} : (tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x4xi32>
  return %y : tensor<2x4xi32>
}

// -----

// Pads of sub-channel quantized tensors are not lowered.
func.func @pad_sub_channel(%x: tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5, 0.25}, {1.0, 2.0}}>>) -> tensor<2x6x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5, 0.25}, {1.0, 2.0}}>> {
  // expected-error @+1 {{failed to legalize operation 'kiln.pad'}}
  %y = kiln.pad %x {pads = array<i64: 0, 1, 0, 1>} : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5, 0.25}, {1.0, 2.0}}>> -> tensor<2x6x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5, 0.25}, {1.0, 2.0}}>>
  return %y : tensor<2x6x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.5, 0.25}, {1.0, 2.0}}>>
}
