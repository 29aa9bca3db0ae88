// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @reduce_sum_axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{axes 2 is out of range for rank 2 (expected 0 <= axes < 2)}}
  %0 = kiln.reduce_sum %x {axes = array<i64: 2>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_mean_negative_axis(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{axes -1 is out of range for rank 2 (expected 0 <= axes < 2)}}
  %0 = kiln.reduce_mean %x {axes = array<i64: -1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_max_axes_not_increasing(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{axes must be strictly increasing, got [2, 1]}}
  %0 = kiln.reduce_max %x {axes = array<i64: 2, 1>} : tensor<2x3x4xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_min_duplicate_axes(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  // expected-error@+1 {{axes must be strictly increasing, got [1, 1]}}
  %0 = kiln.reduce_min %x {axes = array<i64: 1, 1>} : tensor<2x3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @reduce_sum_axes_twice(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<2xf32> {
  // expected-error@+1 {{give axes either as an attribute or as run-time dynamic_axes, not both}}
  %0 = kiln.reduce_sum %x along %axes : tensor<1xi64> {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @reduce_sum_runtime_axes_too_many(%x: tensor<2x3xf32>, %axes: tensor<3xi64>) -> tensor<?xf32> {
  // expected-error@+1 {{run-time axes must be 1-D with a static length in [1, 2], got 3}}
  %0 = kiln.reduce_sum %x along %axes : tensor<3xi64> {axes = array<i64>} : tensor<2x3xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @reduce_mean_runtime_axes_wrong_rank(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<?x?xf32> {
  // expected-error@+1 {{result #0 has shape ?x? but its operands and attributes imply ?}}
  %0 = kiln.reduce_mean %x along %axes : tensor<1xi64> {axes = array<i64>} : tensor<2x3xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @reduce_prod_result_keeps_reduced_dim(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{result #0 has shape 2x1 but its operands and attributes imply 2}}
  %0 = kiln.reduce_prod %x {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// -----

func.func @reduce_sum_keep_dims_wrong_extent(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 2x1}}
  %0 = kiln.reduce_sum %x {axes = array<i64: 1>, keep_dims} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reduce_sum_element_type_changes(%x: tensor<2x3xf32>) -> tensor<2xf16> {
  // expected-error@+1 {{result element type 'f16' does not match the input's 'f32'}}
  %0 = kiln.reduce_sum %x {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf16>
  return %0 : tensor<2xf16>
}

// -----

func.func @reduce_sum_quantized_expressed_type_changes(%x: tensor<2x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x!quant.uniform<i8:f16, 0.5>> {
  // expected-error@+1 {{result element type '!quant.uniform<i8:f16, 5.000000e-01>' does not match the input's '!quant.uniform<i8:f32, 5.000000e-01>'}}
  %0 = kiln.reduce_sum %x {axes = array<i64: 1>} : tensor<2x3x!quant.uniform<i8:f32, 0.5>> -> tensor<2x!quant.uniform<i8:f16, 0.5>>
  return %0 : tensor<2x!quant.uniform<i8:f16, 0.5>>
}

// -----

func.func @reduce_l2_integer_input(%x: tensor<2x3xi32>) -> tensor<2xi32> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %0 = kiln.reduce_l2 %x {axes = array<i64: 1>} : tensor<2x3xi32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @reduce_log_sum_integer_input(%x: tensor<2x3xi8>) -> tensor<2xi8> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %0 = kiln.reduce_log_sum %x {axes = array<i64: 1>} : tensor<2x3xi8> -> tensor<2xi8>
  return %0 : tensor<2xi8>
}

// -----

func.func @reduce_log_sum_exp_integer_input(%x: tensor<2x3xi8>) -> tensor<2xi8> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %0 = kiln.reduce_log_sum_exp %x {axes = array<i64: 1>} : tensor<2x3xi8> -> tensor<2xi8>
  return %0 : tensor<2xi8>
}

// -----

func.func @reduce_l1_missing_axes(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{requires attribute 'axes'}}
  %0 = kiln.reduce_l1 %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reduce_sum_square_wrong_rank(%x: tensor<2x3xf32>) -> tensor<f32> {
  // expected-error@+1 {{result #0 has shape scalar but its operands and attributes imply 3}}
  %0 = kiln.reduce_sum_square %x {axes = array<i64: 0>} : tensor<2x3xf32> -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @argmax_axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.argmax %x {axis = 2 : i64} : tensor<2x3xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @argmin_negative_axis(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.argmin %x {axis = -1 : i64} : tensor<2x3xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

func.func @argmax_scalar_input(%x: tensor<f32>) -> tensor<i64> {
  // expected-error@+1 {{axis 0 is out of range for rank 0 (expected 0 <= axis < 0)}}
  %0 = kiln.argmax %x : tensor<f32> -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

func.func @argmax_i32_result(%x: tensor<2x3xf32>) -> tensor<2xi32> {
  // expected-error@+1 {{result #0 must be ranked tensor of 64-bit signless integer values}}
  %0 = kiln.argmax %x {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @argmin_result_missing_keep_dims(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  // expected-error@+1 {{result #0 has shape 2x1 but its operands and attributes imply 2}}
  %0 = kiln.argmin %x {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// -----

func.func @cumsum_axis_out_of_range(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.cumsum %x {axis = 2 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @cumsum_missing_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{give exactly one of axis and a dynamic axis}}
  %0 = kiln.cumsum %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @cumsum_shape_changes(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{result #0 has shape 3x2 but its operands and attributes imply 2x3}}
  %0 = kiln.cumsum %x {axis = 0 : i64} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @cumsum_element_type_changes(%x: tensor<4xi32>) -> tensor<4xi64> {
  // expected-error@+1 {{result element type 'i64' does not match the input's 'i32'}}
  %0 = kiln.cumsum %x {axis = 0 : i64} : tensor<4xi32> -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

func.func @topk_axis_out_of_range(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %v, %i = kiln.topk %x {axis = 2 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi64>
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// -----

func.func @topk_k_zero(%x: tensor<3x5xf32>) -> (tensor<3x0xf32>, tensor<3x0xi64>) {
  // expected-error@+1 {{k must be positive, got 0}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 0 : i64} : tensor<3x5xf32> -> tensor<3x0xf32>, tensor<3x0xi64>
  return %v, %i : tensor<3x0xf32>, tensor<3x0xi64>
}

// -----

func.func @topk_k_exceeds_extent(%x: tensor<3x5xf32>) -> (tensor<3x6xf32>, tensor<3x6xi64>) {
  // expected-error@+1 {{k = 6 exceeds extent 5 of axis 1 in input 3x5}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 6 : i64} : tensor<3x5xf32> -> tensor<3x6xf32>, tensor<3x6xi64>
  return %v, %i : tensor<3x6xf32>, tensor<3x6xi64>
}

// -----

func.func @topk_values_wrong_shape(%x: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x2xi64>) {
  // expected-error@+1 {{result #0 has shape 3x5 but its operands and attributes imply 3x2}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x5xf32>, tensor<3x2xi64>
  return %v, %i : tensor<3x5xf32>, tensor<3x2xi64>
}

// -----

func.func @topk_indices_wrong_shape(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<2x2xi64>) {
  // expected-error@+1 {{result #1 has shape 2x2 but its operands and attributes imply 3x2}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<2x2xi64>
  return %v, %i : tensor<3x2xf32>, tensor<2x2xi64>
}

// -----

func.func @topk_values_element_type_changes(%x: tensor<3x5xf32>) -> (tensor<3x2xf16>, tensor<3x2xi64>) {
  // expected-error@+1 {{failed to verify that all of {input, values} have same element type}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x2xf16>, tensor<3x2xi64>
  return %v, %i : tensor<3x2xf16>, tensor<3x2xi64>
}

// -----

func.func @topk_indices_i32(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi32>) {
  // expected-error@+1 {{result #1 must be ranked tensor of 64-bit signless integer values}}
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi32>
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi32>
}

// -----

func.func @topk_along_per_axis_quantized_dim(%x: tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> (tensor<1x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<1x5xi64>) {
  // expected-error@+1 {{per-axis quantized dimension 0 must not be the axis that top-k selects along}}
  %v, %i = kiln.topk %x {axis = 0 : i64, k = 1 : i64} : tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<1x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<1x5xi64>
  return %v, %i : tensor<1x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<1x5xi64>
}

// -----

func.func @cumsum_axis_twice(%x: tensor<2x3xf32>, %axis: tensor<i64>) -> tensor<2x3xf32> {
  // expected-error@+1 {{give exactly one of axis and a dynamic axis}}
  %0 = kiln.cumsum %x along %axis : tensor<i64> {axis = 0 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @cumsum_dynamic_axis_not_scalar(%x: tensor<2x3xf32>, %axis: tensor<2xi64>) -> tensor<2x3xf32> {
  // expected-error@+1 {{the dynamic axis must hold one integer, got 2}}
  %0 = kiln.cumsum %x along %axis : tensor<2xi64> : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @topk_k_twice(%x: tensor<3x5xf32>, %k: tensor<1xi64>) {
  // expected-error@+1 {{give exactly one of k and a dynamic k}}
  %v, %i = kiln.topk %x take %k : tensor<1xi64> {axis = 1 : i64, k = 2 : i64} : tensor<3x5xf32> -> tensor<3x?xf32>, tensor<3x?xi64>
  return
}

// -----

func.func @topk_without_k(%x: tensor<3x5xf32>) {
  // expected-error@+1 {{give exactly one of k and a dynamic k}}
  %v, %i = kiln.topk %x {axis = 1 : i64} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi64>
  return
}

// -----

func.func @topk_dynamic_k_not_scalar(%x: tensor<3x5xf32>, %k: tensor<2xi64>) {
  // expected-error@+1 {{the dynamic k must hold one integer, got 2}}
  %v, %i = kiln.topk %x take %k : tensor<2xi64> {axis = 1 : i64} : tensor<3x5xf32> -> tensor<3x?xf32>, tensor<3x?xi64>
  return
}
