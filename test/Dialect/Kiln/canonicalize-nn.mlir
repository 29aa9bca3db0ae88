// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// CHECK-LABEL: func.func @depth_to_space_blocksize_1
// CHECK-SAME: (%[[X:.*]]: tensor<1x16x8x8xf32>)
// CHECK-NOT: kiln.depth_to_space
// CHECK: return %[[X]]
func.func @depth_to_space_blocksize_1(%x: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = kiln.depth_to_space %x {blocksize = 1 : i64, mode = #kiln.depth_to_space_mode<crd>} : tensor<1x16x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @depth_to_space_blocksize_2
// CHECK: %[[Y:.*]] = kiln.depth_to_space
// CHECK: return %[[Y]]
func.func @depth_to_space_blocksize_2(%x: tensor<1x16x8x8xf32>) -> tensor<1x4x16x16xf32> {
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}

// -----

// The result type refines a dynamic extent: no fold.
// CHECK-LABEL: func.func @depth_to_space_blocksize_1_refines_type
// CHECK: %[[Y:.*]] = kiln.depth_to_space
// CHECK: return %[[Y]]
func.func @depth_to_space_blocksize_1_refines_type(%x: tensor<?x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = kiln.depth_to_space %x {blocksize = 1 : i64} : tensor<?x16x8x8xf32> -> tensor<1x16x8x8xf32>
  return %0 : tensor<1x16x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @space_to_depth_blocksize_1
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8x!quant.uniform<i8:f32, 1.000000e-01>>)
// CHECK-NOT: kiln.space_to_depth
// CHECK: return %[[X]]
func.func @space_to_depth_blocksize_1(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>> {
  %0 = kiln.space_to_depth %x {blocksize = 1 : i64} : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>> -> tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>>
  return %0 : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1>>
}

// -----

// CHECK-LABEL: func.func @space_to_depth_blocksize_2
// CHECK: %[[Y:.*]] = kiln.space_to_depth
// CHECK: return %[[Y]]
func.func @space_to_depth_blocksize_2(%x: tensor<1x4x8x8xf32>) -> tensor<1x16x4x4xf32> {
  %0 = kiln.space_to_depth %x {blocksize = 2 : i64} : tensor<1x4x8x8xf32> -> tensor<1x16x4x4xf32>
  return %0 : tensor<1x16x4x4xf32>
}
