// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// CHECK-LABEL: func.func @transpose_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.transpose
// CHECK: return %[[X]]
func.func @transpose_identity(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.transpose %arg0 {perm = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_permutes
// CHECK: kiln.transpose
func.func @transpose_permutes(%arg0: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %0 = kiln.transpose %arg0 {perm = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @transpose_identity_refines_type
// CHECK: kiln.transpose
func.func @transpose_identity_refines_type(%arg0: tensor<?x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.transpose %arg0 {perm = array<i64: 0, 1>} : tensor<?x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_identity
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.reshape
// CHECK: return %[[X]]
func.func @reshape_identity(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.reshape %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = kiln.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_of_reshape(%arg0: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = kiln.reshape %arg0 : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = kiln.reshape %0 : tensor<24xf32> -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.reshape
// CHECK: return %[[X]]
func.func @reshape_round_trip(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
  %1 = kiln.reshape %0 : tensor<6xf32> -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_constant
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: return %[[C]]
func.func @reshape_constant() -> tensor<2x2xf32> {
  %0 = kiln.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %1 = kiln.reshape %0 : tensor<4xf32> -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_quantized_constant
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<[1, 2, 3, 4]> : tensor<4xi8> -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: return %[[C]]
func.func @reshape_quantized_constant() -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  %0 = kiln.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 0.5>>
  %1 = kiln.reshape %0 : tensor<2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

// CHECK-LABEL: func.func @reshape_constant_to_dynamic
// CHECK: kiln.reshape
func.func @reshape_constant_to_dynamic() -> tensor<?xf32> {
  %0 = kiln.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %1 = kiln.reshape %0 : tensor<2x2xf32> -> tensor<?xf32>
  return %1 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_not_foldable
// CHECK: kiln.reshape
func.func @reshape_not_foldable(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = kiln.reshape %arg0 : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @concat_single_input
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.concat
// CHECK: return %[[X]]
func.func @concat_single_input(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.concat %arg0 {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @concat_two_inputs
// CHECK: kiln.concat
func.func @concat_two_inputs(%arg0: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = kiln.concat %arg0, %arg0 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// CHECK-LABEL: func.func @split_single_result
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.split
// CHECK: return %[[X]]
func.func @split_single_result(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.split %arg0 {axis = 0 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @split_two_results
// CHECK: kiln.split
func.func @split_two_results(%arg0: tensor<2x3xf32>) -> (tensor<1x3xf32>, tensor<1x3xf32>) {
  %0:2 = kiln.split %arg0 {axis = 0 : i64} : tensor<2x3xf32> -> tensor<1x3xf32>, tensor<1x3xf32>
  return %0#0, %0#1 : tensor<1x3xf32>, tensor<1x3xf32>
}

// -----

// CHECK-LABEL: func.func @slice_full
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>)
// CHECK-NOT: kiln.slice
// CHECK: return %[[X]]
func.func @slice_full(%arg0: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 0>, ends = array<i64: 4, 8>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @slice_partial
// CHECK: kiln.slice
func.func @slice_partial(%arg0: tensor<4x8xf32>) -> tensor<4x7xf32> {
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 1>, ends = array<i64: 4, 8>, steps = array<i64: 1, 1>} : tensor<4x8xf32> -> tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}

// -----

// CHECK-LABEL: func.func @slice_reversed
// CHECK: kiln.slice
func.func @slice_reversed(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = kiln.slice %arg0 {starts = array<i64: 3>, ends = array<i64: -1>, steps = array<i64: -1>} : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @slice_dynamic_input
// CHECK: kiln.slice
func.func @slice_dynamic_input(%arg0: tensor<?xf32>) -> tensor<?xf32> {
  %0 = kiln.slice %arg0 {starts = array<i64: 0>, ends = array<i64: 4>, steps = array<i64: 1>} : tensor<?xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @pad_zeros
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.pad
// CHECK: return %[[X]]
func.func @pad_zeros(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.pad %arg0 {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 0, 0, 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @pad_cancelling
// CHECK: kiln.pad
func.func @pad_cancelling(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.pad %arg0 {pads = array<i64: 0, 1, 0, -1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @expand_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.expand
// CHECK: return %[[X]]
func.func @expand_same_type(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.expand %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @expand_broadcasts
// CHECK: kiln.expand
func.func @expand_broadcasts(%arg0: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.expand %arg0 : tensor<1x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @tile_ones
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.tile
// CHECK: return %[[X]]
func.func @tile_ones(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.tile %arg0 {multiples = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @tile_repeats
// CHECK: kiln.tile
func.func @tile_repeats(%arg0: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = kiln.tile %arg0 {multiples = array<i64: 1, 2>} : tensor<2x3xf32> -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// CHECK-LABEL: func.func @squeeze_nothing
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
// CHECK-NOT: kiln.squeeze
// CHECK: return %[[X]]
func.func @squeeze_nothing(%arg0: tensor<1x3xf32>) -> tensor<1x3xf32> {
  %0 = kiln.squeeze %arg0 {axes = array<i64>} : tensor<1x3xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// CHECK-LABEL: func.func @squeeze_axis
// CHECK: kiln.squeeze
func.func @squeeze_axis(%arg0: tensor<1x3xf32>) -> tensor<3xf32> {
  %0 = kiln.squeeze %arg0 {axes = array<i64: 0>} : tensor<1x3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @unsqueeze_nothing
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK-NOT: kiln.unsqueeze
// CHECK: return %[[X]]
func.func @unsqueeze_nothing(%arg0: tensor<3xf32>) -> tensor<3xf32> {
  %0 = kiln.unsqueeze %arg0 {axes = array<i64>} : tensor<3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @unsqueeze_axis
// CHECK: kiln.unsqueeze
func.func @unsqueeze_axis(%arg0: tensor<3xf32>) -> tensor<3x1xf32> {
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 1>} : tensor<3xf32> -> tensor<3x1xf32>
  return %0 : tensor<3x1xf32>
}

// -----

// CHECK-LABEL: func.func @flatten_matrix
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.flatten
// CHECK: return %[[X]]
func.func @flatten_matrix(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.flatten %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @flatten_matrix_axis_zero
// CHECK: kiln.flatten
func.func @flatten_matrix_axis_zero(%arg0: tensor<2x3xf32>) -> tensor<1x6xf32> {
  %0 = kiln.flatten %arg0 {axis = 0 : i64} : tensor<2x3xf32> -> tensor<1x6xf32>
  return %0 : tensor<1x6xf32>
}

// -----

// CHECK-LABEL: func.func @cast_same_type
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.cast
// CHECK: return %[[X]]
func.func @cast_same_type(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.cast %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @cast_converts
// CHECK: kiln.cast
func.func @cast_converts(%arg0: tensor<2x3xf32>) -> tensor<2x3xf16> {
  %0 = kiln.cast %arg0 : tensor<2x3xf32> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

// CHECK-LABEL: func.func @shape_static
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<[1, 3, 224, 224]> : tensor<4xi64>
// CHECK-NEXT: return %[[C]]
func.func @shape_static(%arg0: tensor<1x3x224x224x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xi64> {
  %0 = kiln.shape %arg0 : tensor<1x3x224x224x!quant.uniform<i8:f32, 0.5>> -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @shape_dynamic
// CHECK: kiln.shape
func.func @shape_dynamic(%arg0: tensor<?x3xf32>) -> tensor<2xi64> {
  %0 = kiln.shape %arg0 : tensor<?x3xf32> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// A fill whose result type is static is a splat constant.
// CHECK-LABEL: func.func @fill_static
// CHECK-NEXT: %[[C:.*]] = kiln.constant dense<5> : tensor<2x3xi32>
// CHECK-NEXT: return %[[C]]
func.func @fill_static(%shape: tensor<2xi64>) -> tensor<2x3xi32> {
  %f = kiln.fill %shape, 5 : i32 : tensor<2xi64> -> tensor<2x3xi32>
  return %f : tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @fill_dynamic
// CHECK: kiln.fill
func.func @fill_dynamic(%shape: tensor<2xi64>) -> tensor<?x3xi32> {
  %f = kiln.fill %shape, 5 : i32 : tensor<2xi64> -> tensor<?x3xi32>
  return %f : tensor<?x3xi32>
}

// -----

// A run-time reshape between equal dynamic types is not the identity.
// CHECK-LABEL: func.func @reshape_runtime_same_dynamic_type
// CHECK: kiln.reshape
func.func @reshape_runtime_same_dynamic_type(%x: tensor<?x?xf32>, %shape: tensor<2xi64>) -> tensor<?x?xf32> {
  %r = kiln.reshape %x to %shape : tensor<2xi64> : tensor<?x?xf32> -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_runtime_same_static_type
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3xf32>
// CHECK-NEXT: return %[[X]]
func.func @reshape_runtime_same_static_type(%x: tensor<2x3xf32>, %shape: tensor<2xi64>) -> tensor<2x3xf32> {
  %r = kiln.reshape %x to %shape : tensor<2xi64> : tensor<2x3xf32> -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
