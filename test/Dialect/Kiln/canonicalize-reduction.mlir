// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// Reducing over no axes is the identity.
// CHECK-LABEL: func.func @reduce_sum_no_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.reduce_sum
// CHECK: return %[[X]]
func.func @reduce_sum_no_axes(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = kiln.reduce_sum %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reduce_sum_with_axes
// CHECK: kiln.reduce_sum
func.func @reduce_sum_with_axes(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = kiln.reduce_sum %x {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// An identity that requantizes changes the type and stays.
// CHECK-LABEL: func.func @reduce_sum_no_axes_requantizes
// CHECK: kiln.reduce_sum
func.func @reduce_sum_no_axes_requantizes(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.25>> {
  %0 = kiln.reduce_sum %x {axes = array<i64>} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// CHECK-LABEL: func.func @reduce_identities_no_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.reduce
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]]
func.func @reduce_identities_no_axes(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = kiln.reduce_mean %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = kiln.reduce_max %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = kiln.reduce_min %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = kiln.reduce_prod %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %4 = kiln.reduce_log_sum_exp %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0, %1, %2, %3, %4 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// These still transform every element (|x|, sqrt(x^2), ln(x), x^2) and stay.
// CHECK-LABEL: func.func @reduce_transforming_no_axes
// CHECK: kiln.reduce_l1
// CHECK: kiln.reduce_l2
// CHECK: kiln.reduce_log_sum
// CHECK: kiln.reduce_sum_square
func.func @reduce_transforming_no_axes(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = kiln.reduce_l1 %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = kiln.reduce_l2 %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = kiln.reduce_log_sum %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = kiln.reduce_sum_square %x {axes = array<i64>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// An inclusive scan along an axis of extent 1 is the identity.
// CHECK-LABEL: func.func @cumsum_unit_axis
// CHECK-SAME: (%[[X:.*]]: tensor<4x1xf32>)
// CHECK-NOT: kiln.cumsum
// CHECK: return %[[X]]
func.func @cumsum_unit_axis(%x: tensor<4x1xf32>) -> tensor<4x1xf32> {
  %0 = kiln.cumsum %x {axis = 1 : i64, reverse} : tensor<4x1xf32> -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}

// -----

// An exclusive scan along an axis of extent 1 produces zeros.
// CHECK-LABEL: func.func @cumsum_unit_axis_exclusive
// CHECK: kiln.cumsum
func.func @cumsum_unit_axis_exclusive(%x: tensor<4x1xf32>) -> tensor<4x1xf32> {
  %0 = kiln.cumsum %x {axis = 1 : i64, exclusive} : tensor<4x1xf32> -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}

// -----

// CHECK-LABEL: func.func @cumsum_longer_axis
// CHECK: kiln.cumsum
func.func @cumsum_longer_axis(%x: tensor<4x1xf32>) -> tensor<4x1xf32> {
  %0 = kiln.cumsum %x {axis = 0 : i64} : tensor<4x1xf32> -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}
