// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// CHECK-LABEL: func.func @add_zero
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3xf32>)
// CHECK-NOT: kiln.add
// CHECK: return %[[X]], %[[X]]
func.func @add_zero(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %zero = kiln.constant dense<0.0> : tensor<3xf32>
  %a = kiln.add %x, %zero : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %b = kiln.add %zero, %x : tensor<3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %a, %b : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Adding zero that broadcasts the result to a larger shape is not the identity.
// CHECK-LABEL: func.func @add_zero_broadcasting
// CHECK: kiln.add
func.func @add_zero_broadcasting(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %zero = kiln.constant dense<0.0> : tensor<2x3xf32>
  %a = kiln.add %x, %zero : tensor<3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %a : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @mul_one_integer
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xi32>)
// CHECK-NEXT: return %[[X]]
func.func @mul_one_integer(%x: tensor<4xi32>) -> tensor<4xi32> {
  %one = kiln.constant dense<1> : tensor<4xi32>
  %y = kiln.mul %one, %x : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mul_two
// CHECK: kiln.mul
func.func @mul_two(%x: tensor<4xf32>) -> tensor<4xf32> {
  %two = kiln.constant dense<2.0> : tensor<4xf32>
  %y = kiln.mul %x, %two : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @div_by_one
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @div_by_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = kiln.constant dense<1.0> : tensor<f32>
  %y = kiln.div %x, %one : tensor<4xf32>, tensor<f32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// 1 / x is not x.
// CHECK-LABEL: func.func @one_divided_by
// CHECK: kiln.div
func.func @one_divided_by(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = kiln.constant dense<1.0> : tensor<f32>
  %y = kiln.div %one, %x : tensor<f32>, tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @clip_without_bounds
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @clip_without_bounds(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.clip %x : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @clip_with_bound
// CHECK: kiln.clip
func.func @clip_with_bound(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.clip %x {max = 6.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}
