// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// CHECK-LABEL: func.func @requantize_same_type
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NEXT: return %[[X]]
func.func @requantize_same_type(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  %y = kiln.requantize %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// CHECK-LABEL: func.func @requantize_new_scale
// CHECK: kiln.requantize
func.func @requantize_new_scale(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>> {
  %y = kiln.requantize %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.2>>
}
