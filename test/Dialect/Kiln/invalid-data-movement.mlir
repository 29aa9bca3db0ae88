// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @constant_shape_mismatch() -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.constant' op value of type 'tensor<2xf32>' cannot produce a result of type 'tensor<3xf32>'}}
  %0 = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @constant_quantized_wrong_storage() -> tensor<2x!quant.uniform<i8:f32, 0.5>> {
  // expected-error@+1 {{value of type 'tensor<2xi32>' cannot produce a result of type 'tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>'}}
  %0 = kiln.constant dense<[1, 2]> : tensor<2xi32> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @transpose_perm_wrong_length(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{perm has 3 entries for an input of rank 2}}
  %0 = kiln.transpose %arg0 {perm = array<i64: 1, 0, 2>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_perm_repeated(%arg0: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{perm [0, 0] is not a permutation of [0, 2)}}
  %0 = kiln.transpose %arg0 {perm = array<i64: 0, 0>} : tensor<2x3xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @transpose_perm_out_of_range(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{perm [2, 0] is not a permutation of [0, 2)}}
  %0 = kiln.transpose %arg0 {perm = array<i64: 2, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_wrong_result_shape(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 3x2}}
  %0 = kiln.transpose %arg0 {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @transpose_element_type_mismatch(%arg0: tensor<2x3xf32>) -> tensor<3x2xf16> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.transpose %arg0 {perm = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf16>
  return %0 : tensor<3x2xf16>
}

// -----

func.func @reshape_element_count_mismatch(%arg0: tensor<2x3xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{cannot reshape 2x3 (6 elements) into 4 (4 elements)}}
  %0 = kiln.reshape %arg0 : tensor<2x3xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reshape_moves_quantized_axis(%arg0: tensor<2x3x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>>) -> tensor<6x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>> {
  // expected-error@+1 {{per-axis quantized dimension 1 must keep its index and extent}}
  %0 = kiln.reshape %arg0 : tensor<2x3x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>> -> tensor<6x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>>
  return %0 : tensor<6x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>>
}

// -----

func.func @reshape_element_type_mismatch(%arg0: tensor<2x3xf32>) -> tensor<6xi32> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.reshape %arg0 : tensor<2x3xf32> -> tensor<6xi32>
  return %0 : tensor<6xi32>
}

// -----

func.func @concat_no_inputs() -> tensor<0xf32> {
  // expected-error@+1 {{concat needs at least one input}}
  %0 = kiln.concat {axis = 0 : i64} : () -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

func.func @concat_axis_out_of_range(%arg0: tensor<2x3xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.concat %arg0, %arg0 {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_scalars(%arg0: tensor<f32>) -> tensor<f32> {
  // expected-error@+1 {{axis 0 is out of range for rank 0 (expected 0 <= axis < 0)}}
  %0 = kiln.concat %arg0, %arg0 {axis = 0 : i64} : (tensor<f32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @concat_rank_mismatch(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{input #1 has rank 1 but input #0 has rank 2}}
  %0 = kiln.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @concat_non_axis_extent_mismatch(%arg0: tensor<2x3xf32>, %arg1: tensor<?x3xf32>, %arg2: tensor<4x3xf32>) -> tensor<2x9xf32> {
  // expected-error@+1 {{input #2 has shape 4x3 whose extent 4 in dimension 0 differs from the other inputs' 2 (only axis 1 may differ)}}
  %0 = kiln.concat %arg0, %arg1, %arg2 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<2x9xf32>
  return %0 : tensor<2x9xf32>
}

// -----

func.func @concat_extents_overflow(%arg0: tensor<9223372036854775807xf32>, %arg1: tensor<1xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{input extents along axis 0 overflow}}
  %0 = kiln.concat %arg0, %arg1 {axis = 0 : i64} : (tensor<9223372036854775807xf32>, tensor<1xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @concat_wrong_result_shape(%arg0: tensor<2x3xf32>, %arg1: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error@+1 {{result #0 has shape 2x8 but its operands and attributes imply 2x7}}
  %0 = kiln.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @concat_element_type_mismatch(%arg0: tensor<2xf32>, %arg1: tensor<2xf16>) -> tensor<4xf32> {
  // expected-error@+1 {{input #1 element type 'f16' does not match the result element type 'f32'}}
  %0 = kiln.concat %arg0, %arg1 {axis = 0 : i64} : (tensor<2xf32>, tensor<2xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @concat_quantization_parameters_differ(%arg0: tensor<2x!quant.uniform<i8:f32, 0.5>>, %arg1: tensor<2x!quant.uniform<i8:f32, 0.25>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error@+1 {{input #1 element type '!quant.uniform<i8:f32, 2.500000e-01>' does not match the result element type '!quant.uniform<i8:f32, 5.000000e-01>'}}
  %0 = kiln.concat %arg0, %arg1 {axis = 0 : i64} : (tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.25>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @split_no_results(%arg0: tensor<2xf32>) {
  // expected-error@+1 {{'kiln.split' op needs at least one result}}
  "kiln.split"(%arg0) {axis = 0 : i64} : (tensor<2xf32>) -> ()
  return
}

// -----

func.func @split_axis_out_of_range(%arg0: tensor<2x6xf32>) -> tensor<2x6xf32> {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.split %arg0 {axis = -1 : i64} : tensor<2x6xf32> -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

func.func @split_element_type_mismatch(%arg0: tensor<6xf32>) -> (tensor<3xf32>, tensor<3xf16>) {
  // expected-error@+1 {{'kiln.split' op result #1 element type 'f16' does not match the input element type 'f32'}}
  %0:2 = kiln.split %arg0 {axis = 0 : i64} : tensor<6xf32> -> tensor<3xf32>, tensor<3xf16>
  return %0#0, %0#1 : tensor<3xf32>, tensor<3xf16>
}

// -----

func.func @split_rank_mismatch(%arg0: tensor<2x6xf32>) -> (tensor<2x3xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.split' op result #1 has rank 1 but the input has rank 2}}
  %0:2 = kiln.split %arg0 {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x3xf32>, tensor<3xf32>
  return %0#0, %0#1 : tensor<2x3xf32>, tensor<3xf32>
}

// -----

func.func @split_non_axis_extent_mismatch(%arg0: tensor<2x6xf32>) -> (tensor<2x3xf32>, tensor<4x3xf32>) {
  // expected-error@+1 {{'kiln.split' op result #1 has shape 4x3 but the input has shape 2x6 (only axis 1 may differ)}}
  %0:2 = kiln.split %arg0 {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x3xf32>, tensor<4x3xf32>
  return %0#0, %0#1 : tensor<2x3xf32>, tensor<4x3xf32>
}

// -----

func.func @split_extents_overflow(%arg0: tensor<?xf32>) -> (tensor<9223372036854775807xf32>, tensor<1xf32>) {
  // expected-error@+1 {{'kiln.split' op result extents along axis 0 overflow}}
  %0:2 = kiln.split %arg0 {axis = 0 : i64} : tensor<?xf32> -> tensor<9223372036854775807xf32>, tensor<1xf32>
  return %0#0, %0#1 : tensor<9223372036854775807xf32>, tensor<1xf32>
}

// -----

func.func @split_extents_do_not_sum(%arg0: tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>) {
  // expected-error@+1 {{'kiln.split' op result extents along axis 1 sum to 5 but the input extent 6}}
  %0:2 = kiln.split %arg0 {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x3xf32>
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<2x3xf32>
}

// -----

func.func @split_static_extents_exceed(%arg0: tensor<6xf32>) -> (tensor<4xf32>, tensor<?xf32>, tensor<3xf32>) {
  // expected-error@+1 {{'kiln.split' op result extents along axis 0 sum to 7 (static results only), exceeding the input extent 6}}
  %0:3 = kiln.split %arg0 {axis = 0 : i64} : tensor<6xf32> -> tensor<4xf32>, tensor<?xf32>, tensor<3xf32>
  return %0#0, %0#1, %0#2 : tensor<4xf32>, tensor<?xf32>, tensor<3xf32>
}

// -----

func.func @slice_starts_wrong_length(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{starts has 1 entries for an input of rank 2}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0>, ends = array<i64: 4, 8>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_ends_wrong_length(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{ends has 3 entries for an input of rank 2}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 0>, ends = array<i64: 4, 8, 1>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_steps_wrong_length(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{steps has 0 entries for an input of rank 2}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 0>, ends = array<i64: 4, 8>, steps = array<i64>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_zero_step(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{steps[1] must not be 0}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 0>, ends = array<i64: 4, 8>, steps = array<i64: 1, 0>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_end_past_extent(%arg0: tensor<4x8xf32>) -> tensor<4x9xf32> {
  // expected-error@+1 {{dimension 1 of extent 8 with step 1 needs 0 <= start <= end <= extent, got start 0, end 9}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 0>, ends = array<i64: 4, 9>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

func.func @slice_negative_start(%arg0: tensor<?x8xf32>) -> tensor<?x8xf32> {
  // expected-error@+1 {{dimension 0 of extent ? with step 2 needs 0 <= start <= end <= extent, got start -1, end 4}}
  %0 = kiln.slice %arg0 {starts = array<i64: -1, 0>, ends = array<i64: 4, 8>, steps = array<i64: 2, 1>} : tensor<?x8xf32> -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

func.func @slice_start_after_end(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{dimension 0 of extent 4 with step 1 needs 0 <= start <= end <= extent, got start 3, end 2}}
  %0 = kiln.slice %arg0 {starts = array<i64: 3, 0>, ends = array<i64: 2, 8>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_reverse_start_past_extent(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{dimension 0 of extent 4 with step -1 needs -1 <= end <= start < extent, got start 4, end -1}}
  %0 = kiln.slice %arg0 {starts = array<i64: 4, 0>, ends = array<i64: -1, 8>, steps = array<i64: -1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_reverse_end_below_minus_one(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{dimension 0 of extent 4 with step -1 needs -1 <= end <= start < extent, got start 3, end -2}}
  %0 = kiln.slice %arg0 {starts = array<i64: 3, 0>, ends = array<i64: -2, 8>, steps = array<i64: -1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

func.func @slice_wrong_result_shape(%arg0: tensor<4x8xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{result #0 has shape 4x4 but its operands and attributes imply 4x3}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 1>, ends = array<i64: 4, 7>, steps = array<i64: 1, 2>} : tensor<4x8xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @slice_requantizes(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.25>> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.slice %arg0 {starts = array<i64: 0>, ends = array<i64: 4>, steps = array<i64: 1>} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

func.func @pad_wrong_length(%arg0: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{pads has 3 entries, expected 2 * rank = 4}}
  %0 = kiln.pad %arg0 {pads = array<i64: 0, 0, 0>} : tensor<4x4xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @pad_crops_below_zero(%arg0: tensor<4x4xf32>) -> tensor<4x0xf32> {
  // expected-error@+1 {{pads -3 and -2 turn dimension 1 of extent 4 into an invalid extent (it must be non-negative)}}
  %0 = kiln.pad %arg0 {pads = array<i64: 0, -3, 0, -2>} : tensor<4x4xf32> -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// -----

func.func @pad_overflows(%arg0: tensor<4xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{pads 9223372036854775807 and 0 turn dimension 0 of extent 4 into an invalid extent (it must be non-negative)}}
  %0 = kiln.pad %arg0 {pads = array<i64: 9223372036854775807, 0>} : tensor<4xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @pad_wrong_result_shape(%arg0: tensor<4x4xf32>) -> tensor<5x6xf32> {
  // expected-error@+1 {{result #0 has shape 5x6 but its operands and attributes imply 4x6}}
  %0 = kiln.pad %arg0 {pads = array<i64: 0, 1, 0, 1>} : tensor<4x4xf32> -> tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

// -----

func.func @pad_value_in_reflect_mode(%arg0: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error@+1 {{'kiln.pad' op value is only allowed in constant mode, got mode reflect}}
  %0 = kiln.pad %arg0 {mode = #kiln.pad_mode<reflect>, pads = array<i64: 1, 1>, value = 0.0 : f32} : tensor<4xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @pad_value_wrong_type(%arg0: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error@+1 {{'kiln.pad' op value of type 'f16' must have the input's element type 'f32'}}
  %0 = kiln.pad %arg0 {pads = array<i64: 1, 1>, value = 0.0 : f16} : tensor<4xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @pad_quantized_value_stored_type(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<6x!quant.uniform<i8:f32, 0.5>> {
  // expected-error@+1 {{'kiln.pad' op value of type 'i8' must have the input's expressed element type 'f32'}}
  %0 = kiln.pad %arg0 {pads = array<i64: 1, 1>, value = 0 : i8} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<6x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<6x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @pad_value_string(%arg0: tensor<4xf32>) -> tensor<6xf32> {
  // expected-error@+1 {{'kiln.pad' op value of type 'none' must have the input's element type 'f32'}}
  %0 = kiln.pad %arg0 {pads = array<i64: 1, 1>, value = "zero"} : tensor<4xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @expand_lowers_rank(%arg0: tensor<2x3xf32>) -> tensor<3xf32> {
  // expected-error@+1 {{'kiln.expand' op result rank 1 is smaller than the input rank 2}}
  %0 = kiln.expand %arg0 : tensor<2x3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @expand_does_not_broadcast(%arg0: tensor<3x2xf32>) -> tensor<2x3x4xf32> {
  // expected-error@+1 {{'kiln.expand' op input shape 3x2 does not broadcast to the result shape 2x3x4: input dimension 1 has extent 2 but the result has 4}}
  %0 = kiln.expand %arg0 : tensor<3x2xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @expand_shrinks_to_one(%arg0: tensor<3xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{input dimension 0 has extent 3 but the result has 1}}
  %0 = kiln.expand %arg0 : tensor<3xf32> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @expand_element_type_mismatch(%arg0: tensor<3xf32>) -> tensor<2x3xi8> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.expand %arg0 : tensor<3xf32> -> tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}

// -----

func.func @tile_wrong_length(%arg0: tensor<3x4xf32>) -> tensor<6x4xf32> {
  // expected-error@+1 {{multiples has 1 entries for an input of rank 2}}
  %0 = kiln.tile %arg0 {multiples = array<i64: 2>} : tensor<3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

func.func @tile_negative_multiple(%arg0: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{multiples must be non-negative, got [1, -1]}}
  %0 = kiln.tile %arg0 {multiples = array<i64: 1, -1>} : tensor<3x4xf32> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @tile_overflows(%arg0: tensor<3xf32>) -> tensor<?xf32> {
  // expected-error@+1 {{tiling dimension 0 of extent 3 by 4611686018427387904 overflows}}
  %0 = kiln.tile %arg0 {multiples = array<i64: 4611686018427387904>} : tensor<3xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @tile_wrong_result_shape(%arg0: tensor<3x4xf32>) -> tensor<6x8xf32> {
  // expected-error@+1 {{result #0 has shape 6x8 but its operands and attributes imply 6x4}}
  %0 = kiln.tile %arg0 {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x8xf32>
  return %0 : tensor<6x8xf32>
}

// -----

func.func @reverse_sequence_vector(%x: tensor<4xf32>, %lens: tensor<4xi64>) -> tensor<4xf32> {
  // expected-error@+1 {{reverse_sequence input must have rank >= 2, got 1}}
  %0 = kiln.reverse_sequence %x, %lens : tensor<4xf32>, tensor<4xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reverse_sequence_axis_out_of_range(%x: tensor<4x5xf32>, %lens: tensor<4xi64>) -> tensor<4x5xf32> {
  // expected-error@+1 {{time_axis 2 is out of range for rank 2 (expected 0 <= time_axis < 2)}}
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 2 : i64} : tensor<4x5xf32>, tensor<4xi64> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @reverse_sequence_same_axes(%x: tensor<4x5xf32>, %lens: tensor<4xi64>) -> tensor<4x5xf32> {
  // expected-error@+1 {{batch_axis and time_axis must differ, both are 0}}
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 0 : i64} : tensor<4x5xf32>, tensor<4xi64> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @reverse_sequence_lengths_not_1d(%x: tensor<4x5xf32>, %lens: tensor<4x1xi64>) -> tensor<4x5xf32> {
  // expected-error@+1 {{sequence_lens must be 1-D, got shape 4x1}}
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5xf32>, tensor<4x1xi64> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @reverse_sequence_lengths_mismatch(%x: tensor<4x5xf32>, %lens: tensor<5xi64>) -> tensor<4x5xf32> {
  // expected-error@+1 {{sequence_lens has 5 entries for batch extent 4 (dimension 0 of 4x5)}}
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5xf32>, tensor<5xi64> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @reverse_sequence_lengths_i32(%x: tensor<4x5xf32>, %lens: tensor<4xi32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 64-bit signless integer values}}
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5xf32>, tensor<4xi32> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @reverse_sequence_wrong_result_shape(%x: tensor<4x5xf32>, %lens: tensor<5xi64>) -> tensor<5x4xf32> {
  // expected-error@+1 {{result #0 has shape 5x4 but its operands and attributes imply 4x5}}
  %0 = kiln.reverse_sequence %x, %lens : tensor<4x5xf32>, tensor<5xi64> -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// -----

func.func @reverse_sequence_quantized_along_time(%x: tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>, %lens: tensor<4xi64>) -> tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>> {
  // expected-error@+1 {{input is quantized along time_axis 0, whose values the op reorders}}
  %0 = kiln.reverse_sequence %x, %lens : tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>, tensor<4xi64> -> tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  return %0 : tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
}

// -----

func.func @squeeze_axis_out_of_range(%arg0: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{axes 2 is out of range for rank 2 (expected 0 <= axes < 2)}}
  %0 = kiln.squeeze %arg0 {axes = array<i64: 2>} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @squeeze_axes_not_increasing(%arg0: tensor<1x1xf32>) -> tensor<f32> {
  // expected-error@+1 {{axes must be strictly increasing, got [1, 0]}}
  %0 = kiln.squeeze %arg0 {axes = array<i64: 1, 0>} : tensor<1x1xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @squeeze_non_unit_dimension(%arg0: tensor<1x4xf32>) -> tensor<1xf32> {
  // expected-error@+1 {{cannot squeeze dimension 1 of extent 4 in 1x4 (squeezed dimensions must have extent 1)}}
  %0 = kiln.squeeze %arg0 {axes = array<i64: 1>} : tensor<1x4xf32> -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

func.func @squeeze_wrong_result_shape(%arg0: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x4 but its operands and attributes imply 4}}
  %0 = kiln.squeeze %arg0 {axes = array<i64: 0>} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @unsqueeze_axis_out_of_range(%arg0: tensor<3x4xf32>) -> tensor<3x4x1xf32> {
  // expected-error@+1 {{axes 3 is out of range for rank 3 (expected 0 <= axes < 3)}}
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 3>} : tensor<3x4xf32> -> tensor<3x4x1xf32>
  return %0 : tensor<3x4x1xf32>
}

// -----

func.func @unsqueeze_axes_repeated(%arg0: tensor<3xf32>) -> tensor<1x1x3xf32> {
  // expected-error@+1 {{axes must be strictly increasing, got [0, 0]}}
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 0, 0>} : tensor<3xf32> -> tensor<1x1x3xf32>
  return %0 : tensor<1x1x3xf32>
}

// -----

func.func @unsqueeze_wrong_result_shape(%arg0: tensor<3x4xf32>) -> tensor<1x3x4xf32> {
  // expected-error@+1 {{result #0 has shape 1x3x4 but its operands and attributes imply 3x1x4}}
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 1>} : tensor<3x4xf32> -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}

// -----

func.func @flatten_axis_past_rank(%arg0: tensor<2x3xf32>) -> tensor<6x1xf32> {
  // expected-error@+1 {{axis 3 is out of range for rank 2 (expected 0 <= axis <= 2)}}
  %0 = kiln.flatten %arg0 {axis = 3 : i64} : tensor<2x3xf32> -> tensor<6x1xf32>
  return %0 : tensor<6x1xf32>
}

// -----

func.func @flatten_negative_axis(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis <= 2)}}
  %0 = kiln.flatten %arg0 {axis = -1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @flatten_overflows(%arg0: tensor<4611686018427387904x4xi8>) -> tensor<?x1xi8> {
  // expected-error@+1 {{flattening 4611686018427387904x4 at axis 2 overflows the extent of a dimension}}
  %0 = kiln.flatten %arg0 {axis = 2 : i64} : tensor<4611686018427387904x4xi8> -> tensor<?x1xi8>
  return %0 : tensor<?x1xi8>
}

// -----

func.func @flatten_wrong_result_shape(%arg0: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  // expected-error@+1 {{result #0 has shape 6x4 but its operands and attributes imply 2x12}}
  %0 = kiln.flatten %arg0 : tensor<2x3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

func.func @resize_rank_mismatch(%arg0: tensor<1x3x16x16xf32>) -> tensor<3x32x32xf32> {
  // expected-error@+1 {{'kiln.resize' op result rank 3 differs from the input rank 4}}
  %0 = kiln.resize %arg0 : tensor<1x3x16x16xf32> -> tensor<3x32x32xf32>
  return %0 : tensor<3x32x32xf32>
}

// -----

func.func @resize_scales_wrong_length(%arg0: tensor<1x3x16x16xf32>) -> tensor<1x3x32x32xf32> {
  // expected-error@+1 {{'kiln.resize' op scales has 2 entries for an input of rank 4}}
  %0 = kiln.resize %arg0 {scales = array<f32: 2.0, 2.0>} : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
  return %0 : tensor<1x3x32x32xf32>
}

// -----

func.func @resize_scale_not_positive(%arg0: tensor<1x16xf32>) -> tensor<1x16xf32> {
  // expected-error@+1 {{'kiln.resize' op scales must be positive and finite, got [1.000000e+00, 0.000000e+00]}}
  %0 = kiln.resize %arg0 {scales = array<f32: 1.0, 0.0>} : tensor<1x16xf32> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @resize_scale_infinite(%arg0: tensor<1x16xf32>) -> tensor<1x16xf32> {
  // expected-error@+1 {{'kiln.resize' op scales must be positive and finite}}
  %0 = kiln.resize %arg0 {scales = array<f32: 1.0, 0x7F800000>} : tensor<1x16xf32> -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

func.func @resize_extent_does_not_match_scale(%arg0: tensor<1x3x16x16xf32>) -> tensor<1x3x32x31xf32> {
  // expected-error@+1 {{'kiln.resize' op result extent 31 in dimension 3 does not match floor(16 * 2.000000e+00) = 3.200000e+01}}
  %0 = kiln.resize %arg0 {scales = array<f32: 1.0, 1.0, 2.0, 2.0>} : tensor<1x3x16x16xf32> -> tensor<1x3x32x31xf32>
  return %0 : tensor<1x3x32x31xf32>
}

// -----

func.func @resize_integer_input(%arg0: tensor<1x4xi32>) -> tensor<1x8xi32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values, but got 'tensor<1x4xi32>'}}
  %0 = kiln.resize %arg0 : tensor<1x4xi32> -> tensor<1x8xi32>
  return %0 : tensor<1x8xi32>
}

// -----

func.func @resize_element_type_mismatch(%arg0: tensor<1x4xf32>) -> tensor<1x8xf16> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.resize %arg0 : tensor<1x4xf32> -> tensor<1x8xf16>
  return %0 : tensor<1x8xf16>
}

// -----

func.func @cast_from_quantized(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xf32> {
  // expected-error@+1 {{'kiln.cast' op cannot cast '!quant.uniform<i8:f32, 5.000000e-01>' to 'f32': quantized tensors convert with kiln.quantize, kiln.dequantize or kiln.requantize}}
  %0 = kiln.cast %arg0 : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @cast_saturate_to_f16(%arg0: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error@+1 {{'kiln.cast' op saturate converts floats into float types of at most 8 bits (other than f8E8M0FNU), not 'f32' into 'f16'}}
  %0 = kiln.cast %arg0 {saturate} : tensor<4xf32> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

func.func @cast_saturate_from_integer(%arg0: tensor<4xi32>) -> tensor<4xf8E4M3FN> {
  // expected-error@+1 {{'kiln.cast' op saturate converts floats into float types of at most 8 bits (other than f8E8M0FNU), not 'i32' into 'f8E4M3FN'}}
  %0 = kiln.cast %arg0 {saturate} : tensor<4xi32> -> tensor<4xf8E4M3FN>
  return %0 : tensor<4xf8E4M3FN>
}

// -----

func.func @cast_saturate_to_e8m0(%arg0: tensor<4xf32>) -> tensor<4xf8E8M0FNU> {
  // expected-error@+1 {{'kiln.cast' op saturate converts floats into float types of at most 8 bits (other than f8E8M0FNU), not 'f32' into 'f8E8M0FNU'}}
  %0 = kiln.cast %arg0 {saturate} : tensor<4xf32> -> tensor<4xf8E8M0FNU>
  return %0 : tensor<4xf8E8M0FNU>
}

// -----

func.func @cast_to_quantized(%arg0: tensor<4xi8>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error@+1 {{'kiln.cast' op cannot cast 'i8' to '!quant.uniform<i8:f32, 5.000000e-01>': quantized tensors convert with kiln.quantize, kiln.dequantize or kiln.requantize}}
  %0 = kiln.cast %arg0 : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @cast_shape_mismatch(%arg0: tensor<4xf32>) -> tensor<5xi32> {
  // expected-error@+1 {{requires the same shape for all operands and results}}
  %0 = kiln.cast %arg0 : tensor<4xf32> -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// -----

func.func @shape_wrong_length(%arg0: tensor<2x3x4xf32>) -> tensor<4xi64> {
  // expected-error@+1 {{result #0 has shape 4 but its operands and attributes imply 3}}
  %0 = kiln.shape %arg0 : tensor<2x3x4xf32> -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

func.func @shape_i32_result(%arg0: tensor<2x3xf32>) -> tensor<2xi32> {
  // expected-error@+1 {{result #0 must be ranked tensor of 64-bit signless integer values}}
  %0 = kiln.shape %arg0 : tensor<2x3xf32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @shape_2d_result(%arg0: tensor<2x3xf32>) -> tensor<2x1xi64> {
  // expected-error@+1 {{result #0 has shape 2x1 but its operands and attributes imply 2}}
  %0 = kiln.shape %arg0 : tensor<2x3xf32> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

func.func @range_vector_start(%arg0: tensor<1xi64>, %arg1: tensor<i64>) -> tensor<?xi64> {
  // expected-error@+1 {{operand #0 must be 0D tensor of}}
  %0 = kiln.range %arg0, %arg1, %arg1 : (tensor<1xi64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// -----

func.func @range_element_type_mismatch(%arg0: tensor<i64>, %arg1: tensor<i32>) -> tensor<?xi64> {
  // expected-error@+1 {{all of {start, limit, delta, output} have same element type}}
  %0 = kiln.range %arg0, %arg1, %arg0 : (tensor<i64>, tensor<i32>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// -----

func.func @range_2d_result(%arg0: tensor<f32>) -> tensor<?x1xf32> {
  // expected-error@+1 {{result #0 must be 1D tensor of}}
  %0 = kiln.range %arg0, %arg0, %arg0 : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?x1xf32>
  return %0 : tensor<?x1xf32>
}

// -----

func.func @range_bool(%arg0: tensor<i1>) -> tensor<?xi1> {
  // expected-error@+1 {{operand #0 must be 0D tensor of floating-point or 8-bit signless integer or 16-bit signless integer or 32-bit signless integer or 64-bit signless integer values}}
  %0 = kiln.range %arg0, %arg0, %arg0 : (tensor<i1>, tensor<i1>, tensor<i1>) -> tensor<?xi1>
  return %0 : tensor<?xi1>
}

// -----

func.func @reshape_shape_operand_length(%x: tensor<2x3xf32>, %shape: tensor<3xi64>) {
  // expected-error@+1 {{the shape operand has 3 entries but the result has rank 2}}
  %r = kiln.reshape %x to %shape : tensor<3xi64> : tensor<2x3xf32> -> tensor<?x?xf32>
  return
}

// -----

func.func @reshape_shape_operand_dynamic_length(%x: tensor<2x3xf32>, %shape: tensor<?xi64>) {
  // expected-error@+1 {{the shape operand must be 1-D with a static length, got ?}}
  %r = kiln.reshape %x to %shape : tensor<?xi64> : tensor<2x3xf32> -> tensor<?x?xf32>
  return
}

// -----

func.func @reshape_allow_zero_without_shape(%x: tensor<2x3xf32>) {
  // expected-error@+1 {{allow_zero needs a shape operand}}
  %r = kiln.reshape %x {allow_zero} : tensor<2x3xf32> -> tensor<6xf32>
  return
}

// -----

func.func @reshape_shape_operand_type(%x: tensor<2x3xf32>, %shape: tensor<2xi32>) {
  // expected-error@+1 {{operand #1 must be ranked tensor of 64-bit signless integer values}}
  %r = kiln.reshape %x to %shape : tensor<2xi32> : tensor<2x3xf32> -> tensor<?x?xf32>
  return
}

// -----

func.func @expand_shape_operand_rank(%x: tensor<3x1xf32>, %shape: tensor<3xi64>) {
  // expected-error@+1 {{result rank 2 must be 3, the larger of the input rank and the shape length}}
  %e = kiln.expand %x to %shape : tensor<3xi64> : tensor<3x1xf32> -> tensor<3x?xf32>
  return
}

// -----

func.func @expand_shape_operand_not_1d(%x: tensor<3x1xf32>, %shape: tensor<1x2xi64>) {
  // expected-error@+1 {{the shape operand must be 1-D with a static length, got 1x2}}
  %e = kiln.expand %x to %shape : tensor<1x2xi64> : tensor<3x1xf32> -> tensor<3x?xf32>
  return
}

// -----

func.func @fill_shape_length(%shape: tensor<3xi64>) {
  // expected-error@+1 {{the shape has 3 entries but the result has rank 2}}
  %z = kiln.fill %shape, 0.0 : f32 : tensor<3xi64> -> tensor<?x?xf32>
  return
}

// -----

func.func @fill_value_type(%shape: tensor<2xi64>) {
  // expected-error@+1 {{value of type 'f16' does not match the result element type 'f32'}}
  %z = kiln.fill %shape, 0.0 : f16 : tensor<2xi64> -> tensor<?x?xf32>
  return
}

// -----

func.func @resize_scales_twice(%x: tensor<1x1x2x2xf32>, %scales: tensor<4xf32>) {
  // expected-error@+1 {{give at most one of scales, dynamic scales and dynamic sizes}}
  %r = kiln.resize %x scales %scales : tensor<4xf32> {scales = array<f32: 1.0, 1.0, 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x1x2x2xf32>) {
  // expected-error@+1 {{a roi operand is needed for, and only for, tf_crop_and_resize}}
  %r = kiln.resize %x {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_roi_without_crop(%x: tensor<1x1x2x2xf32>, %roi: tensor<8xf32>) {
  // expected-error@+1 {{a roi operand is needed for, and only for, tf_crop_and_resize}}
  %r = kiln.resize %x roi %roi : tensor<8xf32> : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_roi_length(%x: tensor<1x1x2x2xf32>, %roi: tensor<4xf32>) {
  // expected-error@+1 {{roi has 4 entries, expected 2 * rank = 8}}
  %r = kiln.resize %x roi %roi : tensor<4xf32> {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_roi_dynamic_length(%x: tensor<1x1x2x2xf32>, %roi: tensor<?xf32>) {
  // expected-error@+1 {{roi must be 1-D with a static length, got ?}}
  %r = kiln.resize %x roi %roi : tensor<?xf32> {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_dynamic_sizes_length(%x: tensor<1x1x2x2xf32>, %sizes: tensor<2xi64>) {
  // expected-error@+1 {{the dynamic operand has 2 entries but the result has rank 4}}
  %r = kiln.resize %x sizes %sizes : tensor<2xi64> : tensor<1x1x2x2xf32> -> tensor<?x?x?x?xf32>
  return
}

// -----

func.func @split_dynamic_sizes_count(%x: tensor<2x6xf32>, %sizes: tensor<3xi64>) {
  // expected-error@+1 {{the dynamic sizes have 3 entries for 2 results}}
  %a, %b = kiln.split %x sizes %sizes : tensor<3xi64> {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x?xf32>, tensor<2x?xf32>
  return
}

// -----

func.func @dynamic_slice_too_many_dims(%x: tensor<2x3xf32>, %b: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{slices 3 dimensions of an input of rank 2}}
  %0 = kiln.dynamic_slice %x[%b, %b, %b, %b] : tensor<2x3xf32>, tensor<3xi64> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_slice_rank_changes(%x: tensor<2x3xf32>, %b: tensor<1xi64>) -> tensor<?xf32> {
  // expected-error@+1 {{result #0 has shape ? but its operands and attributes imply ?x?}}
  %0 = kiln.dynamic_slice %x[%b, %b, %b, %b] : tensor<2x3xf32>, tensor<1xi64> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_slice_mismatched_lists(%x: tensor<2x3xf32>, %b: tensor<1xi64>, %c: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{all of {starts, ends, axes, steps} have same type}}
  %0 = "kiln.dynamic_slice"(%x, %b, %c, %b, %b) : (tensor<2x3xf32>, tensor<1xi64>, tensor<2xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @pad_runtime_pads_wrong_length(%x: tensor<2x3xf32>, %pads: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{dynamic_pads must be 1-D with 4 entries, got 2}}
  %0 = kiln.pad %x pads %pads : tensor<2xi64> {pads = array<i64>} : tensor<2x3xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @pad_pads_twice(%x: tensor<2x3xf32>, %pads: tensor<4xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{give pads either as an attribute or as a run-time operand, not both}}
  %0 = kiln.pad %x pads %pads : tensor<4xi64> {pads = array<i64: 0, 0, 1, 1>} : tensor<2x3xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @pad_value_twice(%x: tensor<2x3xf32>, %v: tensor<f32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{give the value either as an attribute or as a run-time operand, not both}}
  %0 = kiln.pad %x value %v : tensor<f32> {pads = array<i64: 0, 0, 0, 1>, value = 1.0 : f32} : tensor<2x3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_runtime_value_not_scalar(%x: tensor<2x3xf32>, %v: tensor<2xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{the run-time value must hold one element, got 'tensor<2xf32>'}}
  %0 = kiln.pad %x value %v : tensor<2xf32> {pads = array<i64: 0, 0, 0, 1>} : tensor<2x3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_runtime_value_type(%x: tensor<2x3xf32>, %v: tensor<i32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{value of type 'i32' must have the input's element type 'f32'}}
  %0 = kiln.pad %x value %v : tensor<i32> {pads = array<i64: 0, 0, 0, 1>} : tensor<2x3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @pad_runtime_value_edge_mode(%x: tensor<2x3xf32>, %v: tensor<f32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{value is only allowed in constant mode, got mode edge}}
  %0 = kiln.pad %x value %v : tensor<f32> {mode = #kiln.pad_mode<edge>, pads = array<i64: 0, 0, 0, 1>} : tensor<2x3xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @tile_runtime_multiples_wrong_length(%x: tensor<2x3xf32>, %r: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{dynamic_multiples must be 1-D with 2 entries, got 3}}
  %0 = kiln.tile %x by %r : tensor<3xi64> {multiples = array<i64>} : tensor<2x3xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @tile_multiples_twice(%x: tensor<2x3xf32>, %r: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{give multiples either as an attribute or as a run-time operand, not both}}
  %0 = kiln.tile %x by %r : tensor<2xi64> {multiples = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
