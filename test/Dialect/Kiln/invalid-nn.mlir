// RUN: kiln-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

func.func @matmul_scalar_operand(%a: tensor<f32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{matmul operands must not be scalars}}
  %0 = kiln.matmul %a, %b : tensor<f32>, tensor<3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @matmul_contracted_mismatch(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{contracted dimensions differ: lhs 2x3 has K = 3, rhs 4x5 has K = 4}}
  %0 = kiln.matmul %a, %b : tensor<2x3xf32>, tensor<4x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @matmul_batch_not_broadcastable(%a: tensor<2x2x3xf32>, %b: tensor<4x3x5xf32>) -> tensor<4x2x5xf32> {
  // expected-error@+1 {{batch dimensions 2 and 4 do not broadcast}}
  %0 = kiln.matmul %a, %b : tensor<2x2x3xf32>, tensor<4x3x5xf32> -> tensor<4x2x5xf32>
  return %0 : tensor<4x2x5xf32>
}

// -----

func.func @matmul_wrong_result_shape(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{result #0 has shape 2x4 but its operands and attributes imply 2x5}}
  %0 = kiln.matmul %a, %b : tensor<2x3xf32>, tensor<3x5xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @matmul_float_operands_differ(%a: tensor<2x3xf32>, %b: tensor<3x5xf16>) -> tensor<2x5xf32> {
  // expected-error@+1 {{float operands must share one element type, got 'f32' and 'f16'}}
  %0 = kiln.matmul %a, %b : tensor<2x3xf32>, tensor<3x5xf16> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @matmul_float_result_differs(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) -> tensor<2x5xf16> {
  // expected-error@+1 {{result element type 'f16' must match the operands' 'f32'}}
  %0 = kiln.matmul %a, %b : tensor<2x3xf32>, tensor<3x5xf32> -> tensor<2x5xf16>
  return %0 : tensor<2x5xf16>
}

// -----

func.func @matmul_integer_and_quantized_operands(%a: tensor<2x3xi8>, %b: tensor<3x5x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x5xi32> {
  // expected-error@+1 {{operands must be all float, all integer or all quantized, got 'i8' and '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %0 = kiln.matmul %a, %b : tensor<2x3xi8>, tensor<3x5x!quant.uniform<i8:f32, 0.1>> -> tensor<2x5xi32>
  return %0 : tensor<2x5xi32>
}

// -----

func.func @matmul_integer_result_not_i32(%a: tensor<2x3xi8>, %b: tensor<3x5xi8>) -> tensor<2x5xi8> {
  // expected-error@+1 {{result element type must be i32, got 'i8'}}
  %0 = kiln.matmul %a, %b : tensor<2x3xi8>, tensor<3x5xi8> -> tensor<2x5xi8>
  return %0 : tensor<2x5xi8>
}

// -----

func.func @matmul_quantized_result_float(%a: tensor<2x3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<3x5x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x5xf32> {
  // expected-error@+1 {{result element type must be i32 or quantized, got 'f32'}}
  %0 = kiln.matmul %a, %b : tensor<2x3x!quant.uniform<i8:f32, 0.1>>, tensor<3x5x!quant.uniform<i8:f32, 0.1>> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @matmul_complex_operand(%a: tensor<2x3xcomplex<f32>>, %b: tensor<3x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of}}
  %0 = kiln.matmul %a, %b : tensor<2x3xcomplex<f32>>, tensor<3x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// conv
//===----------------------------------------------------------------------===//

func.func @conv_input_rank_too_small(%x: tensor<1x3xf32>, %w: tensor<4x3xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{conv input must have rank 3 to 5, got 2}}
  %0 = kiln.conv %x, %w {strides = array<i64>, dilations = array<i64>, pads = array<i64>} : (tensor<1x3xf32>, tensor<4x3xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @conv_weight_rank_mismatch(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{conv weight has rank 3 but the input has rank 4}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_group_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{group must be positive, got 0}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 0} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_strides_wrong_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{strides has 1 entries, expected 2}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_stride_zero(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{strides must be positive, got [1, 0]}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 0>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_dilations_wrong_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{dilations has 3 entries, expected 2}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_dilation_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{dilations must be positive, got [-1, 1]}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: -1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_pads_wrong_length(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{pads has 2 entries, expected 4}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_pad_negative(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{pads must be non-negative, got [0, 0, -1, 0]}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, -1, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_channel_mismatch(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{input has 3 channels but weight expects group (1) x 2}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_output_channels_not_multiple_of_group(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32> {
  // expected-error@+1 {{output channels 3 are not a multiple of group 2}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// -----

func.func @conv_bias_wrong_size(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{bias must have shape 4, got 3}}
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_bias_not_1d(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<1x4xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{bias must have shape 4, got 1x4}}
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<1x4xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_kernel_exceeds_input(%x: tensor<1x3x4x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32> {
  // expected-error@+1 {{kernel extent 3 (dilated) exceeds padded input extent in spatial dimension 0}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 2, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x4x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x6xf32>
  return %0 : tensor<1x4x1x6xf32>
}

// -----

func.func @conv_wrong_result_shape(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error@+1 {{result #0 has shape 1x4x8x8 but its operands and attributes imply 1x4x6x6}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

func.func @conv_mixed_float_types(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xbf16>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{float operands must share one element type, got 'f32' and 'bf16'}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xbf16>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_integer_result_not_i32(%x: tensor<1x3x8x8xui8>, %w: tensor<4x3x3x3xi8>) -> tensor<1x4x6x6xi16> {
  // expected-error@+1 {{result element type must be i32, got 'i16'}}
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xui8>, tensor<4x3x3x3xi8>) -> tensor<1x4x6x6xi16>
  return %0 : tensor<1x4x6x6xi16>
}

// -----

func.func @conv_float_bias_type_differs(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf16>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{bias element type 'f16' must be the input's}}
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf16>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

func.func @conv_quantized_bias_not_i32(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<i8:f32, 0.01>>) -> tensor<1x4x6x6xi32> {
  // expected-error@+1 {{bias element type '!quant.uniform<i8:f32, 1.000000e-02>' must be i32-based}}
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<i8:f32, 0.01>>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv_integer_bias_i64(%x: tensor<1x3x8x8xi8>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xi64>) -> tensor<1x4x6x6xi32> {
  // expected-error@+1 {{bias element type 'i64' must be i32-based}}
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi64>) -> tensor<1x4x6x6xi32>
  return %0 : tensor<1x4x6x6xi32>
}

// -----

func.func @conv_missing_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error@+1 {{requires attribute 'strides'}}
  %0 = kiln.conv %x, %w {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

func.func @batch_norm_rank_1(%x: tensor<4xf32>, %p: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{batch_norm input must have rank >= 2, got 1}}
  %0 = kiln.batch_norm %x, %p, %p, %p, %p : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @batch_norm_epsilon_zero(%x: tensor<1x4xf32>, %p: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{epsilon must be positive, got 0}}
  %0 = kiln.batch_norm %x, %p, %p, %p, %p {epsilon = 0.0 : f32} : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @batch_norm_scale_wrong_size(%x: tensor<1x4xf32>, %s: tensor<3xf32>, %p: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{scale must have shape 4, got 3}}
  %0 = kiln.batch_norm %x, %s, %p, %p, %p : (tensor<1x4xf32>, tensor<3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @batch_norm_variance_not_1d(%x: tensor<1x4xf32>, %p: tensor<4xf32>, %v: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{variance must have shape 4, got 1x4}}
  %0 = kiln.batch_norm %x, %p, %p, %p, %v : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @batch_norm_wrong_result_shape(%x: tensor<2x4xf32>, %p: tensor<4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x4 but its operands and attributes imply 2x4}}
  %0 = kiln.batch_norm %x, %p, %p, %p, %p : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @batch_norm_mixed_element_types(%x: tensor<1x4xf32>, %p: tensor<4xf32>, %m: tensor<4xf16>) -> tensor<1x4xf32> {
  // expected-error@+1 {{all of {input, scale, bias, mean, variance, output} have same element type}}
  %0 = kiln.batch_norm %x, %p, %p, %m, %p : (tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf16>, tensor<4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @batch_norm_integer_input(%x: tensor<1x4xi32>, %p: tensor<4xi32>) -> tensor<1x4xi32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = kiln.batch_norm %x, %p, %p, %p, %p : (tensor<1x4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) -> tensor<1x4xi32>
  return %0 : tensor<1x4xi32>
}

// -----

//===----------------------------------------------------------------------===//
// conv_transpose
//===----------------------------------------------------------------------===//

func.func @conv_transpose_input_rank_too_large(%x: tensor<1x2x2x2x2x2xf32>, %w: tensor<2x2x1x1x1x1xf32>) -> tensor<1x2x2x2x2x2xf32> {
  // expected-error@+1 {{conv_transpose input must have rank 3 to 5, got 6}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, output_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x2x2x2x2x2xf32>, tensor<2x2x1x1x1x1xf32>) -> tensor<1x2x2x2x2x2xf32>
  return %0 : tensor<1x2x2x2x2x2xf32>
}

// -----

func.func @conv_transpose_weight_rank_mismatch(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{conv_transpose weight has rank 3 but the input has rank 4}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_group_negative(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{group must be positive, got -1}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = -1} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_pads_wrong_length(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{pads has 3 entries, expected 4}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_output_padding_wrong_length(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{output_padding has 1 entries, expected 2}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_output_padding_too_large(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x19x19xf32> {
  // expected-error@+1 {{output_padding[1] = 2 must be non-negative and smaller than the stride (2) or the dilation (1)}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 1, 2>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x19x19xf32>
  return %0 : tensor<1x2x19x19xf32>
}

// -----

func.func @conv_transpose_output_padding_negative(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{output_padding[0] = -1 must be non-negative and smaller than the stride (1) or the dilation (1)}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: -1, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_channel_mismatch(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{input has 4 channels but weight has 3 input channels}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_channels_not_multiple_of_group(%x: tensor<1x?x8x8xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x8x10x10xf32> {
  // expected-error@+1 {{input channels 6 are not a multiple of group 4}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 4} : (tensor<1x?x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x8x10x10xf32>
  return %0 : tensor<1x8x10x10xf32>
}

// -----

func.func @conv_transpose_bias_wrong_size(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x4x10x10xf32> {
  // expected-error@+1 {{bias must have shape 4, got 2}}
  %0 = kiln.conv_transpose %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>, group = 2} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x4x10x10xf32>
  return %0 : tensor<1x4x10x10xf32>
}

// -----

func.func @conv_transpose_pads_crop_everything(%x: tensor<1x4x1x8xf32>, %w: tensor<4x2x1x3xf32>) -> tensor<1x2x1x10xf32> {
  // expected-error@+1 {{output extent 0 in spatial dimension 0 is not positive (pads crop too much)}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x1x8xf32>, tensor<4x2x1x3xf32>) -> tensor<1x2x1x10xf32>
  return %0 : tensor<1x2x1x10xf32>
}

// -----

func.func @conv_transpose_wrong_result_shape(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x16x16xf32> {
  // expected-error@+1 {{result #0 has shape 1x2x16x16 but its operands and attributes imply 1x2x17x17}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x16x16xf32>
  return %0 : tensor<1x2x16x16xf32>
}

// -----

func.func @conv_transpose_float_result_differs(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf16> {
  // expected-error@+1 {{result element type 'f16' must match the operands' 'f32'}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf16>
  return %0 : tensor<1x2x10x10xf16>
}

// -----

func.func @conv_transpose_float_bias_type_differs(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xi32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{bias element type 'i32' must be the input's}}
  %0 = kiln.conv_transpose %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>, tensor<2xi32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

func.func @conv_transpose_missing_output_padding(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32> {
  // expected-error@+1 {{requires attribute 'output_padding'}}
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// -----

//===----------------------------------------------------------------------===//
// gemm
//===----------------------------------------------------------------------===//

func.func @gemm_operand_not_2d(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{gemm operands must be 2-D, got A 2x3x4 and B 4x5}}
  %0 = kiln.gemm %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @gemm_contracted_mismatch(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{contracted dimensions differ: A 2x3 has K = 3, B 4x5 has K = 4}}
  %0 = kiln.gemm %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @gemm_contracted_mismatch_transposed(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) -> tensor<3x5xf32> {
  // expected-error@+1 {{contracted dimensions differ: A 2x3 (transposed) has K = 2, B 3x5 has K = 3}}
  %0 = kiln.gemm %a, %b {trans_a} : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @gemm_c_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{C of shape 3 does not broadcast unidirectionally to 2x4}}
  %0 = kiln.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @gemm_c_rank_3(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<1x2x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{C of shape 1x2x4 does not broadcast unidirectionally to 2x4}}
  %0 = kiln.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<1x2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @gemm_wrong_result_shape(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 2x4}}
  %0 = kiln.gemm %a, %b {trans_b} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @gemm_float_and_integer_operands(%a: tensor<2x3xf32>, %b: tensor<3x4xi8>) -> tensor<2x4xf32> {
  // expected-error@+1 {{float operands must share one element type, got 'f32' and 'i8'}}
  %0 = kiln.gemm %a, %b : (tensor<2x3xf32>, tensor<3x4xi8>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @gemm_quantized_result_float(%a: tensor<2x3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x4xf32> {
  // expected-error@+1 {{result element type must be i32 or quantized, got 'f32'}}
  %0 = kiln.gemm %a, %b : (tensor<2x3x!quant.uniform<i8:f32, 0.1>>, tensor<3x4x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @gemm_float_c_type_differs(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<4xf16>) -> tensor<2x4xf32> {
  // expected-error@+1 {{C element type 'f16' must be the input's}}
  %0 = kiln.gemm %a, %b, %c : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf16>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @gemm_quantized_c_not_i32(%a: tensor<2x3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<3x4x!quant.uniform<i8:f32, 0.1>>, %c: tensor<4xf32>) -> tensor<2x4xi32> {
  // expected-error@+1 {{C element type 'f32' must be i32-based}}
  %0 = kiln.gemm %a, %b, %c : (tensor<2x3x!quant.uniform<i8:f32, 0.1>>, tensor<3x4x!quant.uniform<i8:f32, 0.1>>, tensor<4xf32>) -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

// -----

func.func @gemm_alpha_not_f32(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{attribute 'alpha' failed to satisfy constraint: 32-bit float attribute}}
  %0 = kiln.gemm %a, %b {alpha = 2 : i64} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// det
//===----------------------------------------------------------------------===//

func.func @det_vector(%x: tensor<4xf32>) -> tensor<f32> {
  // expected-error@+1 {{det input must have rank >= 2, got 1}}
  %0 = kiln.det %x : tensor<4xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @det_not_square(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{det needs square matrices, got 2x3x4}}
  %0 = kiln.det %x : tensor<2x3x4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @det_keeps_matrix_dims(%x: tensor<2x3x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 2}}
  %0 = kiln.det %x : tensor<2x3x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @det_integer(%x: tensor<2x2xi32>) -> tensor<i32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = kiln.det %x : tensor<2x2xi32> -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

//===----------------------------------------------------------------------===//
// max_pool, average_pool
//===----------------------------------------------------------------------===//

func.func @max_pool_input_rank_too_small(%x: tensor<4x8xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{max_pool input must have rank 3 to 5, got 2}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64>, strides = array<i64>, dilations = array<i64>, pads = array<i64>} : tensor<4x8xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @max_pool_kernel_shape_wrong_length(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error@+1 {{kernel_shape has 1 entries, expected 2}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @max_pool_kernel_shape_zero(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error@+1 {{kernel_shape must be positive, got [0, 2]}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 0, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @max_pool_stride_zero(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error@+1 {{strides must be positive, got [0, 2]}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 0, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @max_pool_kernel_exceeds_input(%x: tensor<1x4x8x2xf32>) -> tensor<1x4x4x1xf32> {
  // expected-error@+1 {{kernel extent 3 (dilated) exceeds padded input extent in spatial dimension 1}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 2, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x2xf32> -> tensor<1x4x4x1xf32>
  return %0 : tensor<1x4x4x1xf32>
}

// -----

func.func @max_pool_wrong_result_shape_ceil_mode(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error@+1 {{result #0 has shape 1x2x2x2 but its operands and attributes imply 1x2x3x3}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode} : tensor<1x2x6x6xf32> -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

func.func @max_pool_element_type_changes(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>>
  return %0 : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.2>>
}

// -----

func.func @max_pool_with_indices_input_rank_too_small(%x: tensor<4x8xf32>) -> (tensor<4x4xf32>, tensor<4x4xi64>) {
  // expected-error@+1 {{max_pool_with_indices input must have rank 3 to 5, got 2}}
  %0, %1 = kiln.max_pool_with_indices %x {kernel_shape = array<i64>, strides = array<i64>, dilations = array<i64>, pads = array<i64>} : tensor<4x8xf32> -> tensor<4x4xf32>, tensor<4x4xi64>
  return %0, %1 : tensor<4x4xf32>, tensor<4x4xi64>
}

// -----

func.func @max_pool_with_indices_wrong_indices_shape(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x5x5xi64>) {
  // expected-error@+1 {{result #1 has shape 1x1x5x5 but its operands and attributes imply 1x1x2x2}}
  %0, %1 = kiln.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x5x5xi64>
  return %0, %1 : tensor<1x1x2x2xf32>, tensor<1x1x5x5xi64>
}

// -----

func.func @max_pool_with_indices_i32_indices(%x: tensor<1x1x4x4xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi32>) {
  // expected-error@+1 {{result #1 must be ranked tensor of 64-bit signless integer values, but got 'tensor<1x1x2x2xi32>'}}
  %0, %1 = kiln.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x2x2xi32>
  return %0, %1 : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi32>
}

// -----

func.func @average_pool_input_rank_too_large(%x: tensor<1x1x2x2x2x2xf32>) -> tensor<1x1x1x1x1x1xf32> {
  // expected-error@+1 {{average_pool input must have rank 3 to 5, got 6}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>} : tensor<1x1x2x2x2x2xf32> -> tensor<1x1x1x1x1x1xf32>
  return %0 : tensor<1x1x1x1x1x1xf32>
}

// -----

func.func @average_pool_pads_wrong_length(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error@+1 {{pads has 2 entries, expected 4}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @average_pool_wrong_result_shape(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x4x4x4 but its operands and attributes imply 1x4x5x5}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, count_include_pad} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

func.func @average_pool_integer_input(%x: tensor<1x4x8x8xi8>) -> tensor<1x4x4x4xi8> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8xi8> -> tensor<1x4x4x4xi8>
  return %0 : tensor<1x4x4x4xi8>
}

// -----

func.func @average_pool_result_type_differs(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf16> {
  // expected-error@+1 {{result #0 element type 'f16' does not match 'f32'}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf16>
  return %0 : tensor<1x4x4x4xf16>
}

// -----

func.func @average_pool_quantized_expressed_type_differs(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1>> {
  // expected-error@+1 {{result #0 element type '!quant.uniform<i8:f16, 1.000000e-01>' does not match '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>> -> tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1>>
  return %0 : tensor<1x4x4x4x!quant.uniform<i8:f16, 0.1>>
}

// -----

//===----------------------------------------------------------------------===//
// global_average_pool, global_max_pool
//===----------------------------------------------------------------------===//

func.func @global_average_pool_rank_2(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{global pooling input must have rank >= 3, got 2}}
  %0 = kiln.global_average_pool %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @global_average_pool_wrong_result_shape(%x: tensor<1x4x7x7xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x4 but its operands and attributes imply 1x4x1x1}}
  %0 = kiln.global_average_pool %x : tensor<1x4x7x7xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @global_average_pool_result_type_differs(%x: tensor<1x4x7x7xf32>) -> tensor<1x4x1x1xbf16> {
  // expected-error@+1 {{result #0 element type 'bf16' does not match 'f32'}}
  %0 = kiln.global_average_pool %x : tensor<1x4x7x7xf32> -> tensor<1x4x1x1xbf16>
  return %0 : tensor<1x4x1x1xbf16>
}

// -----

func.func @global_max_pool_rank_2(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{global pooling input must have rank >= 3, got 2}}
  %0 = kiln.global_max_pool %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @global_max_pool_wrong_result_shape(%x: tensor<1x4x7x7xf32>) -> tensor<1x4x7x1xf32> {
  // expected-error@+1 {{result #0 has shape 1x4x7x1 but its operands and attributes imply 1x4x1x1}}
  %0 = kiln.global_max_pool %x : tensor<1x4x7x7xf32> -> tensor<1x4x7x1xf32>
  return %0 : tensor<1x4x7x1xf32>
}

// -----

func.func @global_max_pool_element_type_changes(%x: tensor<1x4x7x7xi8>) -> tensor<1x4x1x1xi32> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.global_max_pool %x : tensor<1x4x7x7xi8> -> tensor<1x4x1x1xi32>
  return %0 : tensor<1x4x1x1xi32>
}

// -----

//===----------------------------------------------------------------------===//
// softmax, log_softmax
//===----------------------------------------------------------------------===//

func.func @softmax_axis_out_of_range(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.softmax %x {axis = 2 : i64} : tensor<2x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @softmax_negative_axis(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.softmax %x {axis = -1 : i64} : tensor<2x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @softmax_missing_axis(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{requires attribute 'axis'}}
  %0 = kiln.softmax %x : tensor<2x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @softmax_wrong_result_shape(%x: tensor<2x5xf32>) -> tensor<5x2xf32> {
  // expected-error@+1 {{result #0 has shape 5x2 but its operands and attributes imply 2x5}}
  %0 = kiln.softmax %x {axis = 1 : i64} : tensor<2x5xf32> -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @softmax_integer_input(%x: tensor<2x5xi32>) -> tensor<2x5xi32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %0 = kiln.softmax %x {axis = 1 : i64} : tensor<2x5xi32> -> tensor<2x5xi32>
  return %0 : tensor<2x5xi32>
}

// -----

func.func @softmax_quantized_to_float(%x: tensor<2x5x!quant.uniform<u8:f32, 0.1>>) -> tensor<2x5xf32> {
  // expected-error@+1 {{result #0 element type 'f32' does not match '!quant.uniform<u8:f32, 1.000000e-01>'}}
  %0 = kiln.softmax %x {axis = 1 : i64} : tensor<2x5x!quant.uniform<u8:f32, 0.1>> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @log_softmax_axis_out_of_range(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error@+1 {{axis 3 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.log_softmax %x {axis = 3 : i64} : tensor<2x5xf32> -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @log_softmax_wrong_result_shape(%x: tensor<2x5xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{result #0 has shape 2x4 but its operands and attributes imply 2x5}}
  %0 = kiln.log_softmax %x {axis = 1 : i64} : tensor<2x5xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @log_softmax_quantized_input(%x: tensor<2x5x!quant.uniform<u8:f32, 0.1>>) -> tensor<2x5x!quant.uniform<u8:f32, 0.1>> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = kiln.log_softmax %x {axis = 1 : i64} : tensor<2x5x!quant.uniform<u8:f32, 0.1>> -> tensor<2x5x!quant.uniform<u8:f32, 0.1>>
  return %0 : tensor<2x5x!quant.uniform<u8:f32, 0.1>>
}

// -----

func.func @log_softmax_result_type_differs(%x: tensor<2x5xf32>) -> tensor<2x5xf16> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.log_softmax %x {axis = 1 : i64} : tensor<2x5xf32> -> tensor<2x5xf16>
  return %0 : tensor<2x5xf16>
}

// -----

//===----------------------------------------------------------------------===//
// layer_norm
//===----------------------------------------------------------------------===//

func.func @layer_norm_axis_out_of_range(%x: tensor<2x4x6xf32>, %s: tensor<6xf32>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{axis 3 is out of range for rank 3 (expected 0 <= axis < 3)}}
  %0 = kiln.layer_norm %x, %s {axis = 3 : i64} : (tensor<2x4x6xf32>, tensor<6xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_epsilon_negative(%x: tensor<2x4x6xf32>, %s: tensor<6xf32>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{epsilon must be positive, got -1}}
  %0 = kiln.layer_norm %x, %s {axis = 2 : i64, epsilon = -1.0 : f32} : (tensor<2x4x6xf32>, tensor<6xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_scale_not_broadcastable(%x: tensor<2x4x6xf32>, %s: tensor<5xf32>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{scale of shape 5 does not broadcast unidirectionally to the normalized shape 4x6}}
  %0 = kiln.layer_norm %x, %s {axis = 1 : i64} : (tensor<2x4x6xf32>, tensor<5xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_scale_rank_too_large(%x: tensor<2x4x6xf32>, %s: tensor<4x6xf32>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{scale of shape 4x6 does not broadcast unidirectionally to the normalized shape 6}}
  %0 = kiln.layer_norm %x, %s {axis = 2 : i64} : (tensor<2x4x6xf32>, tensor<4x6xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_bias_not_broadcastable(%x: tensor<2x4x6xf32>, %s: tensor<6xf32>, %b: tensor<3x6xf32>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{bias of shape 3x6 does not broadcast unidirectionally to the normalized shape 4x6}}
  %0 = kiln.layer_norm %x, %s, %b {axis = 1 : i64} : (tensor<2x4x6xf32>, tensor<6xf32>, tensor<3x6xf32>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_wrong_result_shape(%x: tensor<2x4x6xf32>, %s: tensor<6xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{result #0 has shape 2x6 but its operands and attributes imply 2x4x6}}
  %0 = kiln.layer_norm %x, %s {axis = 2 : i64} : (tensor<2x4x6xf32>, tensor<6xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @layer_norm_scale_type_differs(%x: tensor<2x4x6xf32>, %s: tensor<6xf16>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{all of {input, scale, output} have same element type}}
  %0 = kiln.layer_norm %x, %s {axis = 2 : i64} : (tensor<2x4x6xf32>, tensor<6xf16>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_bias_type_differs(%x: tensor<2x4x6xf32>, %s: tensor<6xf32>, %b: tensor<6xf16>) -> tensor<2x4x6xf32> {
  // expected-error@+1 {{bias element type 'f16' must match the input's 'f32'}}
  %0 = kiln.layer_norm %x, %s, %b {axis = 2 : i64} : (tensor<2x4x6xf32>, tensor<6xf32>, tensor<6xf16>) -> tensor<2x4x6xf32>
  return %0 : tensor<2x4x6xf32>
}

// -----

func.func @layer_norm_quantized_input(%x: tensor<2x6x!quant.uniform<i8:f32, 0.1>>, %s: tensor<6x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x6x!quant.uniform<i8:f32, 0.1>> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = kiln.layer_norm %x, %s {axis = 1 : i64} : (tensor<2x6x!quant.uniform<i8:f32, 0.1>>, tensor<6x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x6x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<2x6x!quant.uniform<i8:f32, 0.1>>
}

// -----

//===----------------------------------------------------------------------===//
// instance_norm
//===----------------------------------------------------------------------===//

func.func @instance_norm_rank_2(%x: tensor<2x4xf32>, %p: tensor<4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{instance_norm input must have rank >= 3, got 2}}
  %0 = kiln.instance_norm %x, %p, %p : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @instance_norm_epsilon_zero(%x: tensor<2x4x8xf32>, %p: tensor<4xf32>) -> tensor<2x4x8xf32> {
  // expected-error@+1 {{epsilon must be positive, got 0}}
  %0 = kiln.instance_norm %x, %p, %p {epsilon = 0.0 : f32} : (tensor<2x4x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

func.func @instance_norm_scale_wrong_size(%x: tensor<2x4x8xf32>, %s: tensor<8xf32>, %b: tensor<4xf32>) -> tensor<2x4x8xf32> {
  // expected-error@+1 {{scale must have shape 4, got 8}}
  %0 = kiln.instance_norm %x, %s, %b : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<4xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

func.func @instance_norm_bias_not_1d(%x: tensor<2x4x8xf32>, %s: tensor<4xf32>, %b: tensor<1x4xf32>) -> tensor<2x4x8xf32> {
  // expected-error@+1 {{bias must have shape 4, got 1x4}}
  %0 = kiln.instance_norm %x, %s, %b : (tensor<2x4x8xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

func.func @instance_norm_wrong_result_shape(%x: tensor<2x4x8xf32>, %p: tensor<4xf32>) -> tensor<2x4x1xf32> {
  // expected-error@+1 {{result #0 has shape 2x4x1 but its operands and attributes imply 2x4x8}}
  %0 = kiln.instance_norm %x, %p, %p : (tensor<2x4x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x1xf32>
  return %0 : tensor<2x4x1xf32>
}

// -----

func.func @instance_norm_bias_type_differs(%x: tensor<2x4x8xf32>, %s: tensor<4xf32>, %b: tensor<4xbf16>) -> tensor<2x4x8xf32> {
  // expected-error@+1 {{all of {input, scale, bias, output} have same element type}}
  %0 = kiln.instance_norm %x, %s, %b : (tensor<2x4x8xf32>, tensor<4xf32>, tensor<4xbf16>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// lp_normalization
//===----------------------------------------------------------------------===//

func.func @lp_normalization_p_3(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  // expected-error@+1 {{p must be 1 or 2, got 3}}
  %0 = kiln.lp_normalization %x {axis = 1 : i64, p = 3 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @lp_normalization_axis_out_of_range(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.lp_normalization %x {axis = 2 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @lp_normalization_wrong_result_shape(%x: tensor<2x8xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{result #0 has shape 2x1 but its operands and attributes imply 2x8}}
  %0 = kiln.lp_normalization %x {axis = 1 : i64} : tensor<2x8xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @lp_normalization_integer_input(%x: tensor<2x8xi32>) -> tensor<2x8xi32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %0 = kiln.lp_normalization %x {axis = 1 : i64} : tensor<2x8xi32> -> tensor<2x8xi32>
  return %0 : tensor<2x8xi32>
}

// -----

//===----------------------------------------------------------------------===//
// depth_to_space, space_to_depth
//===----------------------------------------------------------------------===//

func.func @depth_to_space_rank_3(%x: tensor<1x16x8xf32>) -> tensor<1x4x16xf32> {
  // expected-error@+1 {{depth_to_space input must have rank 4, got 3}}
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x16x8xf32> -> tensor<1x4x16xf32>
  return %0 : tensor<1x4x16xf32>
}

// -----

func.func @depth_to_space_blocksize_zero(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error@+1 {{blocksize must be positive, got 0}}
  %0 = kiln.depth_to_space %x {blocksize = 0 : i64} : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @depth_to_space_blocksize_overflows(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error@+1 {{blocksize 4294967296 is too large (blocksize^2 overflows)}}
  %0 = kiln.depth_to_space %x {blocksize = 4294967296 : i64} : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @depth_to_space_channels_not_divisible(%x: tensor<1x12x8x8xf32>) -> tensor<1x3x16x16xf32> {
  // expected-error@+1 {{input channels 12 are not a multiple of blocksize^2 = 9}}
  %0 = kiln.depth_to_space %x {blocksize = 3 : i64} : tensor<1x12x8x8xf32> -> tensor<1x3x16x16xf32>
  return %0 : tensor<1x3x16x16xf32>
}

// -----

func.func @depth_to_space_wrong_result_shape(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  // expected-error@+1 {{result #0 has shape 1x16x8x8 but its operands and attributes imply 1x4x16x16}}
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

func.func @depth_to_space_element_type_changes(%x: tensor<1x16x8x8xf32>) -> tensor<1x4x16x16xf16> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf16>
  return %0 : tensor<1x4x16x16xf16>
}

// -----

func.func @depth_to_space_per_channel_quantized(%x: tensor<1x4x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>> {
  // expected-error@+1 {{input is quantized along dimension 1, which the op rearranges; only dimension 0 is allowed}}
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x4x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>> -> tensor<1x1x4x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>
  return %0 : tensor<1x1x4x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>
}

// -----

func.func @depth_to_space_bad_mode(%x: tensor<1x16x8x8xf32>) -> tensor<1x4x16x16xf32> {
  // expected-error@+1 {{attribute 'mode' failed to satisfy constraint}}
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64, mode = 1 : i32} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}

// -----

func.func @space_to_depth_rank_5(%x: tensor<1x4x8x8x8xf32>) -> tensor<1x16x4x4x8xf32> {
  // expected-error@+1 {{space_to_depth input must have rank 4, got 5}}
  %0 = kiln.space_to_depth %x {blocksize = 2 : i64} : tensor<1x4x8x8x8xf32> -> tensor<1x16x4x4x8xf32>
  return %0 : tensor<1x16x4x4x8xf32>
}

// -----

func.func @space_to_depth_blocksize_negative(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  // expected-error@+1 {{blocksize must be positive, got -2}}
  %0 = kiln.space_to_depth %x {blocksize = -2 : i64} : tensor<1x4x8x8xf32> -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

func.func @space_to_depth_width_not_divisible(%x: tensor<1x4x8x6xf32>) -> tensor<1x64x2x1xf32> {
  // expected-error@+1 {{input extent 6 of dimension 3 is not a multiple of blocksize 4}}
  %0 = kiln.space_to_depth %x {blocksize = 4 : i64} : tensor<1x4x8x6xf32> -> tensor<1x64x2x1xf32>
  return %0 : tensor<1x64x2x1xf32>
}

// -----

func.func @space_to_depth_wrong_result_shape(%x: tensor<1x4x8x8xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x8x4x4 but its operands and attributes imply 1x16x4x4}}
  %0 = kiln.space_to_depth %x {blocksize = 2 : i64} : tensor<1x4x8x8xf32> -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @space_to_depth_sub_channel_quantized(%x: tensor<1x2x4x4x!quant.uniform<i8:f32:{3:2}, {{0.1, 0.2}}>>) -> tensor<1x8x2x2x!quant.uniform<i8:f32:{3:2}, {{0.1, 0.2}}>> {
  // expected-error@+1 {{input is quantized along dimension 3, which the op rearranges; only dimension 0 is allowed}}
  %0 = kiln.space_to_depth %x {blocksize = 2 : i64} : tensor<1x2x4x4x!quant.uniform<i8:f32:{3:2}, {{0.1, 0.2}}>> -> tensor<1x8x2x2x!quant.uniform<i8:f32:{3:2}, {{0.1, 0.2}}>>
  return %0 : tensor<1x8x2x2x!quant.uniform<i8:f32:{3:2}, {{0.1, 0.2}}>>
}
