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

// -----

// CHECK-LABEL: func.func @storage_cast_round_trip
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4xui8>)
// CHECK-NEXT: return %[[X]]
func.func @storage_cast_round_trip(%x: tensor<4xui8>) -> tensor<4xui8> {
  %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  %s = kiln.storage_cast %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xui8>
  return %s : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @storage_cast_one_way
// CHECK: kiln.storage_cast
func.func @storage_cast_one_way(%x: tensor<4xui8>) -> tensor<4x!quant.uniform<u8:f32, 0.1:128>> {
  %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  return %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>>
}
