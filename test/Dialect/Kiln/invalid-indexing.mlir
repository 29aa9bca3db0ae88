// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @gather_axis_out_of_range(%x: tensor<4x5xf32>, %i: tensor<3xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.gather %x, %i {axis = 2 : i64} : tensor<4x5xf32>, tensor<3xi64> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @gather_negative_axis(%x: tensor<4x5xf32>, %i: tensor<3xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.gather %x, %i {axis = -1 : i64} : tensor<4x5xf32>, tensor<3xi64> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @gather_scalar_data(%x: tensor<f32>, %i: tensor<3xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{axis 0 is out of range for rank 0 (expected 0 <= axis < 0)}}
  %0 = kiln.gather %x, %i : tensor<f32>, tensor<3xi64> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_result_wrong_shape(%x: tensor<4x5xf32>, %i: tensor<2x3xi64>) -> tensor<4x3xf32> {
  // expected-error@+1 {{result #0 has shape 4x3 but its operands and attributes imply 4x2x3}}
  %0 = kiln.gather %x, %i {axis = 1 : i64} : tensor<4x5xf32>, tensor<2x3xi64> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @gather_element_type_changes(%x: tensor<4x5xf32>, %i: tensor<3xi64>) -> tensor<3x5xf16> {
  // expected-error@+1 {{failed to verify that all of {data, output} have same element type}}
  %0 = kiln.gather %x, %i : tensor<4x5xf32>, tensor<3xi64> -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}

// -----

func.func @gather_requantizes(%x: tensor<4x5x!quant.uniform<i8:f32, 0.5>>, %i: tensor<3xi64>) -> tensor<3x5x!quant.uniform<i8:f32, 0.25>> {
  // expected-error@+1 {{failed to verify that all of {data, output} have same element type}}
  %0 = kiln.gather %x, %i : tensor<4x5x!quant.uniform<i8:f32, 0.5>>, tensor<3xi64> -> tensor<3x5x!quant.uniform<i8:f32, 0.25>>
  return %0 : tensor<3x5x!quant.uniform<i8:f32, 0.25>>
}

// -----

func.func @gather_i16_indices(%x: tensor<4x5xf32>, %i: tensor<3xi16>) -> tensor<3x5xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = kiln.gather %x, %i : tensor<4x5xf32>, tensor<3xi16> -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

func.func @gather_along_per_axis_quantized_dim(%x: tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2xi64>) -> tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 0 of data must keep its index and extent in the result (data 2x6, result 2x6)}}
  %0 = kiln.gather %x, %i : tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2xi64> -> tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// -----

func.func @gather_moves_per_axis_quantized_dim(%x: tensor<6x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, %i: tensor<2x2xi64>) -> tensor<2x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 1 of data must keep its index and extent in the result (data 6x2, result 2x2x2)}}
  %0 = kiln.gather %x, %i : tensor<6x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, tensor<2x2xi64> -> tensor<2x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %0 : tensor<2x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
}

// -----

func.func @gather_elements_axis_out_of_range(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.gather_elements %x, %i {axis = 2 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @gather_elements_rank_mismatch(%x: tensor<3x4xf32>, %i: tensor<6xi64>) -> tensor<6xf32> {
  // expected-error@+1 {{indices must have the rank of data (2), got rank 1}}
  %0 = kiln.gather_elements %x, %i : tensor<3x4xf32>, tensor<6xi64> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}

// -----

func.func @gather_elements_indices_exceed_data(%x: tensor<3x4xf32>, %i: tensor<4x2xi64>) -> tensor<4x2xf32> {
  // expected-error@+1 {{indices extent 4 in dimension 0 exceeds data extent 3 (data 3x4, indices 4x2)}}
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<4x2xi64> -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @gather_elements_result_wrong_shape(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x4xf32> {
  // expected-error@+1 {{result #0 has shape 3x4 but its operands and attributes imply 3x2}}
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @gather_elements_element_type_changes(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xi32> {
  // expected-error@+1 {{failed to verify that all of {data, output} have same element type}}
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

func.func @gather_elements_per_axis_quantized_extent_shrinks(%x: tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<1x4xi64>) -> tensor<1x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 0 of data must keep its index and extent in the result (data 2x4, result 1x4)}}
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<1x4xi64> -> tensor<1x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<1x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// -----

func.func @gather_elements_along_per_axis_quantized_dim(%x: tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2x4xi64>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 0 of data must keep its index and extent in the result (data 2x4, result 2x4)}}
  %0 = kiln.gather_elements %x, %i : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x4xi64> -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// -----

func.func @gather_nd_scalar_data(%x: tensor<f32>, %i: tensor<3x1xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{data must have rank >= 1}}
  %0 = kiln.gather_nd %x, %i : tensor<f32>, tensor<3x1xi64> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_nd_scalar_indices(%x: tensor<4x5xf32>, %i: tensor<i64>) -> tensor<5xf32> {
  // expected-error@+1 {{indices must have rank >= 1}}
  %0 = kiln.gather_nd %x, %i : tensor<4x5xf32>, tensor<i64> -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @gather_nd_dynamic_tuple_length(%x: tensor<4x5xf32>, %i: tensor<3x?xi64>) -> tensor<3xf32> {
  // expected-error@+1 {{the last dimension of indices must be static, got 3x?}}
  %0 = kiln.gather_nd %x, %i : tensor<4x5xf32>, tensor<3x?xi64> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @gather_nd_batch_dims_too_large(%x: tensor<4x5xf32>, %i: tensor<4x1xi64>) -> tensor<4xf32> {
  // expected-error@+1 {{batch_dims 2 is out of range (expected 0 <= batch_dims < min(data rank 2, indices rank 2) = 2)}}
  %0 = kiln.gather_nd %x, %i {batch_dims = 2 : i64} : tensor<4x5xf32>, tensor<4x1xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gather_nd_negative_batch_dims(%x: tensor<4x5xf32>, %i: tensor<4x1xi64>) -> tensor<4xf32> {
  // expected-error@+1 {{batch_dims -1 is out of range (expected 0 <= batch_dims < min(data rank 2, indices rank 2) = 2)}}
  %0 = kiln.gather_nd %x, %i {batch_dims = -1 : i64} : tensor<4x5xf32>, tensor<4x1xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gather_nd_empty_tuples(%x: tensor<4x5xf32>, %i: tensor<3x0xi64>) -> tensor<3x4x5xf32> {
  // expected-error@+1 {{index tuple length 0 (the last extent of indices 3x0) must be in [1, 2] (data rank - batch_dims)}}
  %0 = kiln.gather_nd %x, %i : tensor<4x5xf32>, tensor<3x0xi64> -> tensor<3x4x5xf32>
  return %0 : tensor<3x4x5xf32>
}

// -----

func.func @gather_nd_tuples_too_long(%x: tensor<4x5x6xf32>, %i: tensor<4x3xi64>) -> tensor<4xf32> {
  // expected-error@+1 {{index tuple length 3 (the last extent of indices 4x3) must be in [1, 2] (data rank - batch_dims)}}
  %0 = kiln.gather_nd %x, %i {batch_dims = 1 : i64} : tensor<4x5x6xf32>, tensor<4x3xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @gather_nd_batch_dimension_differs(%x: tensor<4x5x6xf32>, %i: tensor<3x1xi64>) -> tensor<3x6xf32> {
  // expected-error@+1 {{batch dimension 0 differs between data 4x5x6 and indices 3x1}}
  %0 = kiln.gather_nd %x, %i {batch_dims = 1 : i64} : tensor<4x5x6xf32>, tensor<3x1xi64> -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

func.func @gather_nd_result_wrong_shape(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>) -> tensor<3x5x6xf32> {
  // expected-error@+1 {{result #0 has shape 3x5x6 but its operands and attributes imply 3x6}}
  %0 = kiln.gather_nd %x, %i : tensor<4x5x6xf32>, tensor<3x2xi64> -> tensor<3x5x6xf32>
  return %0 : tensor<3x5x6xf32>
}

// -----

func.func @gather_nd_element_type_changes(%x: tensor<4x5xf32>, %i: tensor<3x1xi64>) -> tensor<3x5xbf16> {
  // expected-error@+1 {{failed to verify that all of {data, output} have same element type}}
  %0 = kiln.gather_nd %x, %i : tensor<4x5xf32>, tensor<3x1xi64> -> tensor<3x5xbf16>
  return %0 : tensor<3x5xbf16>
}

// -----

func.func @gather_nd_indexes_per_axis_quantized_dim(%x: tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2x1xi64>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 0 of data must keep its index and extent in the result (data 2x4, result 2x4)}}
  %0 = kiln.gather_nd %x, %i : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x1xi64> -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// -----

func.func @scatter_elements_axis_out_of_range(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.scatter_elements %x, %i, %u {axis = 2 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_rank_mismatch(%x: tensor<3x4xf32>, %i: tensor<6xi64>, %u: tensor<6xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{indices must have the rank of data (2), got rank 1}}
  %0 = kiln.scatter_elements %x, %i, %u : (tensor<3x4xf32>, tensor<6xi64>, tensor<6xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_indices_exceed_data(%x: tensor<3x4xf32>, %i: tensor<2x5xi64>, %u: tensor<2x5xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{indices extent 5 in dimension 1 exceeds data extent 4 (data 3x4, indices 2x5)}}
  %0 = kiln.scatter_elements %x, %i, %u : (tensor<3x4xf32>, tensor<2x5xi64>, tensor<2x5xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_updates_shape_differs(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x1xf32>) -> tensor<3x4xf32> {
  // expected-error@+1 {{updates shape 3x1 must match indices shape 3x2}}
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x1xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_result_wrong_shape(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{result #0 has shape 3x2 but its operands and attributes imply 3x4}}
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @scatter_elements_updates_element_type_differs(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf16>) -> tensor<3x4xf32> {
  // expected-error@+1 {{failed to verify that all of {data, updates, output} have same element type}}
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf16>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_unknown_reduction(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x4xf32> {
  // expected-error@+2 {{expected ::mlir::kiln::ScatterReduction to be one of: none, add, mul, max, min}}
  // expected-error@+1 {{failed to parse Kiln_ScatterReductionAttr parameter 'value'}}
  %0 = kiln.scatter_elements %x, %i, %u {reduction = #kiln.scatter_reduction<mean>} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @scatter_elements_along_per_axis_quantized_dim(%x: tensor<2x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>, %i: tensor<2x2xi64>, %u: tensor<2x2x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 1 of data must keep its index and extent in the updates (data 2x4, updates 2x2)}}
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<2x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>, tensor<2x2xi64>, tensor<2x2x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>
  return %0 : tensor<2x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.5, 0.25}>>
}

// -----

func.func @scatter_nd_scalar_indices(%x: tensor<4x5xf32>, %i: tensor<i64>, %u: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{indices must have rank >= 1}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5xf32>, tensor<i64>, tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_dynamic_tuple_length(%x: tensor<4x5xf32>, %i: tensor<3x?xi64>, %u: tensor<3xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{the last dimension of indices must be static, got 3x?}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5xf32>, tensor<3x?xi64>, tensor<3xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_tuples_too_long(%x: tensor<4x5xf32>, %i: tensor<3x3xi64>, %u: tensor<3xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{index tuple length 3 (the last extent of indices 3x3) exceeds data rank 2}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5xf32>, tensor<3x3xi64>, tensor<3xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_updates_wrong_shape(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>, %u: tensor<3x5x6xf32>) -> tensor<4x5x6xf32> {
  // expected-error@+1 {{updates must have shape 3x6 (indices.shape[:-1] + data.shape[2:]), got 3x5x6}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x5x6xf32>) -> tensor<4x5x6xf32>
  return %0 : tensor<4x5x6xf32>
}

// -----

func.func @scatter_nd_result_wrong_shape(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>, %u: tensor<3x6xf32>) -> tensor<3x6xf32> {
  // expected-error@+1 {{result #0 has shape 3x6 but its operands and attributes imply 4x5x6}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

func.func @scatter_nd_updates_element_type_differs(%x: tensor<4x5xi32>, %i: tensor<3x1xi64>, %u: tensor<3x5xi64>) -> tensor<4x5xi32> {
  // expected-error@+1 {{failed to verify that all of {data, updates, output} have same element type}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5xi32>, tensor<3x1xi64>, tensor<3x5xi64>) -> tensor<4x5xi32>
  return %0 : tensor<4x5xi32>
}

// -----

func.func @scatter_nd_f32_indices(%x: tensor<4x5xf32>, %i: tensor<3x1xf32>, %u: tensor<3x5xf32>) -> tensor<4x5xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5xf32>, tensor<3x1xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

func.func @scatter_nd_moves_per_axis_quantized_dim(%x: tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, %i: tensor<3x2x1xi64>, %u: tensor<3x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 1 of data must keep its index and extent in the updates (data 4x2, updates 3x2x2)}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, tensor<3x2x1xi64>, tensor<3x2x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %0 : tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
}

// -----

func.func @scatter_nd_indexes_per_axis_quantized_dim(%x: tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<3x1xi64>, %u: tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // expected-error@+1 {{per-axis quantized dimension 0 of data must keep its index and extent in the updates (data 2x4, updates 3x4)}}
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<3x1xi64>, tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// -----

func.func @trilu_rank_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{trilu input must have rank >= 2, got 1}}
  %0 = kiln.trilu %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @trilu_shape_changes(%x: tensor<4x4xf32>) -> tensor<4x3xf32> {
  // expected-error@+1 {{result #0 has shape 4x3 but its operands and attributes imply 4x4}}
  %0 = kiln.trilu %x {upper} : tensor<4x4xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @trilu_element_type_changes(%x: tensor<4x4xf32>) -> tensor<4x4xf16> {
  // expected-error@+1 {{failed to verify that all of {input, output} have same element type}}
  %0 = kiln.trilu %x {upper} : tensor<4x4xf32> -> tensor<4x4xf16>
  return %0 : tensor<4x4xf16>
}

// -----

func.func @non_zero_wrong_rows(%x: tensor<2x3xi1>) -> tensor<3x?xi64> {
  // expected-error@+1 {{result #0 has shape 3x? but its operands and attributes imply 2x?}}
  %0 = kiln.non_zero %x : tensor<2x3xi1> -> tensor<3x?xi64>
  return %0 : tensor<3x?xi64>
}

// -----

func.func @non_zero_i32_result(%x: tensor<2x3xi1>) -> tensor<2x?xi32> {
  // expected-error@+1 {{result #0 must be ranked tensor of 64-bit signless integer values}}
  %0 = kiln.non_zero %x : tensor<2x3xi1> -> tensor<2x?xi32>
  return %0 : tensor<2x?xi32>
}

// -----

func.func @non_zero_quantized(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x?xi64> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or integer values}}
  %0 = kiln.non_zero %x : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x?xi64>
  return %0 : tensor<1x?xi64>
}

// -----

func.func @compress_axis_out_of_range(%x: tensor<3x4xf32>, %c: tensor<3xi1>) -> tensor<3x?xf32> {
  // expected-error@+1 {{axis 2 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0 = kiln.compress %x, %c {axis = 2 : i64} : tensor<3x4xf32>, tensor<3xi1> -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @compress_condition_not_1d(%x: tensor<3x4xf32>, %c: tensor<3x1xi1>) -> tensor<?x4xf32> {
  // expected-error@+1 {{condition must be 1-D, got shape 3x1}}
  %0 = kiln.compress %x, %c {axis = 0 : i64} : tensor<3x4xf32>, tensor<3x1xi1> -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @compress_condition_too_long(%x: tensor<3x4xf32>, %c: tensor<5xi1>) -> tensor<3x?xf32> {
  // expected-error@+1 {{condition has 5 entries, more than the 4 slices along the axis of input 3x4}}
  %0 = kiln.compress %x, %c {axis = 1 : i64} : tensor<3x4xf32>, tensor<5xi1> -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

func.func @compress_flat_condition_too_long(%x: tensor<3x4xf32>, %c: tensor<13xi1>) -> tensor<?xf32> {
  // expected-error@+1 {{condition has 13 entries, more than the 12 elements of input 3x4}}
  %0 = kiln.compress %x, %c : tensor<3x4xf32>, tensor<13xi1> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @compress_keeps_rank(%x: tensor<3x4xf32>, %c: tensor<3xi1>) -> tensor<?xf32> {
  // expected-error@+1 {{result #0 has shape ? but its operands and attributes imply ?x4}}
  %0 = kiln.compress %x, %c {axis = 0 : i64} : tensor<3x4xf32>, tensor<3xi1> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @compress_integer_condition(%x: tensor<3x4xf32>, %c: tensor<3xi8>) -> tensor<?x4xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of 1-bit signless integer values}}
  %0 = kiln.compress %x, %c {axis = 0 : i64} : tensor<3x4xf32>, tensor<3xi8> -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @unique_axis_out_of_range(%x: tensor<3x4xf32>) -> (tensor<3x?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>) {
  // expected-error@+1 {{axis -1 is out of range for rank 2 (expected 0 <= axis < 2)}}
  %0:4 = kiln.unique %x {axis = -1 : i64} : tensor<3x4xf32> -> tensor<3x?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>
  return %0#0, %0#1, %0#2, %0#3 : tensor<3x?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>
}

// -----

func.func @unique_wrong_inverse_length(%x: tensor<3x4xf32>) -> (tensor<?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>) {
  // expected-error@+1 {{result #2 has shape 4 but its operands and attributes imply 12}}
  %0:4 = kiln.unique %x : tensor<3x4xf32> -> tensor<?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>
  return %0#0, %0#1, %0#2, %0#3 : tensor<?xf32>, tensor<?xi64>, tensor<4xi64>, tensor<?xi64>
}

// -----

func.func @unique_element_type_changes(%x: tensor<6xf32>) -> (tensor<?xf16>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>) {
  // expected-error@+1 {{failed to verify that all of {input, output} have same element type}}
  %0:4 = kiln.unique %x : tensor<6xf32> -> tensor<?xf16>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
  return %0#0, %0#1, %0#2, %0#3 : tensor<?xf16>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
}
