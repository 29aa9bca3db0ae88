// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @quantize_integer_input(%x: tensor<4xi32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %q = kiln.quantize %x : tensor<4xi32> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @quantize_wrong_expressed_type(%x: tensor<4xf16>) {
  // expected-error@+1 {{quantized type '!quant.uniform<i8:f32, 1.000000e-01>' is expressed in 'f32', not 'f16'}}
  %q = kiln.quantize %x : tensor<4xf16> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @quantize_shape_mismatch(%x: tensor<4xf32>) {
  // expected-error@+1 {{requires the same shape for all operands and results}}
  %q = kiln.quantize %x : tensor<4xf32> -> tensor<5x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @per_axis_axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{result quantization axis 2 is out of range for rank 2}}
  %q = kiln.quantize %x : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<i8:f32:2, {0.1, 0.2}>>
  return
}

// -----

func.func @per_axis_scale_count(%w: tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error@+1 {{input has 2 scales for 3 slices along quantization axis 0}}
  %d = kiln.dequantize %w : tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<3x4xf32>
  return
}

// -----

func.func @dequantize_float_input(%x: tensor<4xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of quantized type values}}
  %d = kiln.dequantize %x : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_wrong_result_type(%w: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error@+1 {{quantized type '!quant.uniform<i8:f32, 1.000000e-01>' is expressed in 'f32', not 'bf16'}}
  %d = kiln.dequantize %w : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4xbf16>
  return
}

// -----

func.func @sub_channel_rank_mismatch(%w: tensor<2x4x8x!quant.uniform<i8:f32:{1:2}, {{0.1, 0.2}}>>) {
  // expected-error@+1 {{input has rank 3 but its sub-channel scales have rank 2}}
  %d = kiln.dequantize %w : tensor<2x4x8x!quant.uniform<i8:f32:{1:2}, {{0.1, 0.2}}>> -> tensor<2x4x8xf32>
  return
}

// -----

func.func @sub_channel_block_does_not_divide(%w: tensor<1x6x!quant.uniform<i8:f32:{1:4}, {{0.1, 0.2}}>>) {
  // expected-error@+1 {{input dimension 1 of extent 6 is not a multiple of its quantization block size 4}}
  %d = kiln.dequantize %w : tensor<1x6x!quant.uniform<i8:f32:{1:4}, {{0.1, 0.2}}>> -> tensor<1x6xf32>
  return
}

// -----

func.func @sub_channel_scale_count(%w: tensor<1x12x!quant.uniform<i8:f32:{1:4}, {{0.1, 0.2}}>>) {
  // expected-error@+1 {{input dimension 1 has 3 quantization blocks but 2 scales}}
  %d = kiln.dequantize %w : tensor<1x12x!quant.uniform<i8:f32:{1:4}, {{0.1, 0.2}}>> -> tensor<1x12xf32>
  return
}

// -----

func.func @requantize_expressed_mismatch(%q: tensor<4x!quant.uniform<i32:f32, 0.001>>) {
  // expected-error@+1 {{input is expressed in 'f32' but the result in 'f16'}}
  %r = kiln.requantize %q : tensor<4x!quant.uniform<i32:f32, 0.001>> -> tensor<4x!quant.uniform<i8:f16, 0.1>>
  return
}

// -----

func.func @requantize_result_params_do_not_fit(%q: tensor<3x!quant.uniform<i32:f32, 0.001>>) {
  // expected-error@+1 {{result has 2 scales for 3 slices along quantization axis 0}}
  %r = kiln.requantize %q : tensor<3x!quant.uniform<i32:f32, 0.001>> -> tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @storage_cast_neither_quantized(%x: tensor<4xi8>) {
  // expected-error@+1 {{exactly one of input and result must be quantized}}
  %y = kiln.storage_cast %x : tensor<4xi8> -> tensor<4xi8>
  return
}

// -----

func.func @storage_cast_float_side(%x: tensor<4xf32>) {
  // expected-error@+1 {{the non-quantized side must be an integer tensor}}
  %y = kiln.storage_cast %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @storage_cast_signedness(%x: tensor<4xi8>) {
  // expected-error@+1 {{integer type 'i8' does not match the storage of '!quant.uniform<u8:f32, 1.000000e-01>'}}
  %y = kiln.storage_cast %x : tensor<4xi8> -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  return
}

// -----

func.func @storage_cast_width(%x: tensor<4xi16>) {
  // expected-error@+1 {{integer type 'i16' does not match the storage of '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %y = kiln.storage_cast %x : tensor<4xi16> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @storage_cast_per_axis_params(%x: tensor<3xi8>) {
  // expected-error@+1 {{result has 2 scales for 3 slices along quantization axis 0}}
  %y = kiln.storage_cast %x : tensor<3xi8> -> tensor<3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @mx_element_type_mismatch(%e: tensor<2x64xf8E4M3FN>, %s: tensor<2x2xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op elements of format fp4_e2m1 have type 'f4E2M1FN', not 'f8E4M3FN'}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf8E4M3FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x64xf32>
  return
}

// -----

func.func @mx_unsupported_element_type(%e: tensor<2x64xf16>, %s: tensor<2x2xf8E8M0FNU>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of f8E4M3FN type or f8E5M2 type or f6E2M3FN type or f6E3M2FN type or f4E2M1FN type or 8-bit signless integer values}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf16>, tensor<2x2xf8E8M0FNU> -> tensor<2x64xf32>
  return
}

// -----

func.func @mx_scales_not_e8m0(%e: tensor<2x64xf4E2M1FN>, %s: tensor<2x2xui8>) {
  // expected-error@+1 {{operand #1 must be ranked tensor of f8E8M0FNU type values}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<2x2xui8> -> tensor<2x64xf32>
  return
}

// -----

func.func @mx_result_shape(%e: tensor<2x64xf4E2M1FN>, %s: tensor<2x2xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op result shape 2x32 differs from the elements' 2x64}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x32xf32>
  return
}

// -----

func.func @mx_axis_out_of_range(%e: tensor<2x64xf4E2M1FN>, %s: tensor<2x2xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op MX axis 2 is out of range for rank 2}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 2>} : tensor<2x64xf4E2M1FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x64xf32>
  return
}

// -----

func.func @mx_scales_rank(%e: tensor<2x64xf4E2M1FN>, %s: tensor<4xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op scales have rank 1 but the elements rank 2}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<4xf8E8M0FNU> -> tensor<2x64xf32>
  return
}

// -----

func.func @mx_block_count(%e: tensor<2x65xf4E2M1FN>, %s: tensor<2x2xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op scales have extent 2 in dimension 1, expected 3 (one per block along the MX axis)}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x65xf4E2M1FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x65xf32>
  return
}

// -----

func.func @mx_other_extent(%e: tensor<2x64xf4E2M1FN>, %s: tensor<1x2xf8E8M0FNU>) {
  // expected-error@+1 {{'kiln.mx_dequantize' op scales have extent 1 in dimension 0, expected 2}}
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<1x2xf8E8M0FNU> -> tensor<2x64xf32>
  return
}
