// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @reduce_sum
func.func @reduce_sum(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  // CHECK: kiln.reduce_sum %{{.*}} {axes = array<i64: 1>, keep_dims} : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  %0 = kiln.reduce_sum %x {axes = array<i64: 1>, keep_dims} : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_sum_drop_dims_dynamic
func.func @reduce_sum_drop_dims_dynamic(%x: tensor<?x3x4xi32>) -> tensor<?xi32> {
  // CHECK: kiln.reduce_sum %{{.*}} {axes = array<i64: 1, 2>} : tensor<?x3x4xi32> -> tensor<?xi32>
  %0 = kiln.reduce_sum %x {axes = array<i64: 1, 2>} : tensor<?x3x4xi32> -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// CHECK-LABEL: func.func @reduce_sum_runtime_axes
func.func @reduce_sum_runtime_axes(%x: tensor<2x1x4xf32>, %axes: tensor<2xi64>) -> (tensor<?x1x?xf32>, tensor<3xf32>) {
  // CHECK: kiln.reduce_sum %{{.*}} along %{{.*}} : tensor<2xi64> {axes = array<i64>, keep_dims} : tensor<2x1x4xf32> -> tensor<?x1x?xf32>
  %0 = kiln.reduce_sum %x along %axes : tensor<2xi64> {axes = array<i64>, keep_dims} : tensor<2x1x4xf32> -> tensor<?x1x?xf32>
  // The declared extent refines an inferred `?`.
  // CHECK: kiln.reduce_max %{{.*}} along %{{.*}} : tensor<2xi64> {axes = array<i64>} : tensor<2x1x4xf32> -> tensor<3xf32>
  %1 = kiln.reduce_max %x along %axes : tensor<2xi64> {axes = array<i64>} : tensor<2x1x4xf32> -> tensor<3xf32>
  return %0, %1 : tensor<?x1x?xf32>, tensor<3xf32>
}

// CHECK-LABEL: func.func @reduce_sum_quantized_requantizes
func.func @reduce_sum_quantized_requantizes(%x: tensor<2x3x!quant.uniform<i8:f32, 0.5:3>>) -> tensor<3x!quant.uniform<i8:f32, 0.25:-1>> {
  // CHECK: kiln.reduce_sum %{{.*}} {axes = array<i64: 0>} : tensor<2x3x!quant.uniform<i8:f32, 5.000000e-01:3>> -> tensor<3x!quant.uniform<i8:f32, 2.500000e-01:-1>>
  %0 = kiln.reduce_sum %x {axes = array<i64: 0>} : tensor<2x3x!quant.uniform<i8:f32, 0.5:3>> -> tensor<3x!quant.uniform<i8:f32, 0.25:-1>>
  return %0 : tensor<3x!quant.uniform<i8:f32, 0.25:-1>>
}

// CHECK-LABEL: func.func @reduce_sum_all_to_scalar
func.func @reduce_sum_all_to_scalar(%x: tensor<2x3xf16>) -> tensor<f16> {
  // CHECK: kiln.reduce_sum %{{.*}} {axes = array<i64: 0, 1>} : tensor<2x3xf16> -> tensor<f16>
  %0 = kiln.reduce_sum %x {axes = array<i64: 0, 1>} : tensor<2x3xf16> -> tensor<f16>
  return %0 : tensor<f16>
}

// CHECK-LABEL: func.func @reduce_mean
func.func @reduce_mean(%x: tensor<1x64x7x7xf32>) -> tensor<1x64x1x1xf32> {
  // CHECK: kiln.reduce_mean %{{.*}} {axes = array<i64: 2, 3>, keep_dims} : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
  %0 = kiln.reduce_mean %x {axes = array<i64: 2, 3>, keep_dims} : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
  return %0 : tensor<1x64x1x1xf32>
}

// CHECK-LABEL: func.func @reduce_mean_integer
func.func @reduce_mean_integer(%x: tensor<4x5xi32>) -> tensor<4xi32> {
  // CHECK: kiln.reduce_mean %{{.*}} {axes = array<i64: 1>} : tensor<4x5xi32> -> tensor<4xi32>
  %0 = kiln.reduce_mean %x {axes = array<i64: 1>} : tensor<4x5xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @reduce_max
func.func @reduce_max(%x: tensor<4x5xui8>) -> tensor<5xui8> {
  // CHECK: kiln.reduce_max %{{.*}} {axes = array<i64: 0>} : tensor<4x5xui8> -> tensor<5xui8>
  %0 = kiln.reduce_max %x {axes = array<i64: 0>} : tensor<4x5xui8> -> tensor<5xui8>
  return %0 : tensor<5xui8>
}

// CHECK-LABEL: func.func @reduce_max_quantized
func.func @reduce_max_quantized(%x: tensor<4x5x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<4x1x!quant.uniform<u8:f32, 0.1:128>> {
  // CHECK: kiln.reduce_max %{{.*}} {axes = array<i64: 1>, keep_dims} : tensor<4x5x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<4x1x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %0 = kiln.reduce_max %x {axes = array<i64: 1>, keep_dims} : tensor<4x5x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4x1x!quant.uniform<u8:f32, 0.1:128>>
  return %0 : tensor<4x1x!quant.uniform<u8:f32, 0.1:128>>
}

// CHECK-LABEL: func.func @reduce_min
func.func @reduce_min(%x: tensor<4x5xbf16>) -> tensor<4xbf16> {
  // CHECK: kiln.reduce_min %{{.*}} {axes = array<i64: 1>} : tensor<4x5xbf16> -> tensor<4xbf16>
  %0 = kiln.reduce_min %x {axes = array<i64: 1>} : tensor<4x5xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// CHECK-LABEL: func.func @reduce_prod
func.func @reduce_prod(%x: tensor<4x5xi64>) -> tensor<1x5xi64> {
  // CHECK: kiln.reduce_prod %{{.*}} {axes = array<i64: 0>, keep_dims} : tensor<4x5xi64> -> tensor<1x5xi64>
  %0 = kiln.reduce_prod %x {axes = array<i64: 0>, keep_dims} : tensor<4x5xi64> -> tensor<1x5xi64>
  return %0 : tensor<1x5xi64>
}

// CHECK-LABEL: func.func @reduce_l1
func.func @reduce_l1(%x: tensor<4x5xi32>) -> tensor<4xi32> {
  // CHECK: kiln.reduce_l1 %{{.*}} {axes = array<i64: 1>} : tensor<4x5xi32> -> tensor<4xi32>
  %0 = kiln.reduce_l1 %x {axes = array<i64: 1>} : tensor<4x5xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// CHECK-LABEL: func.func @reduce_l2
func.func @reduce_l2(%x: tensor<4x?xf32>) -> tensor<4x1xf32> {
  // CHECK: kiln.reduce_l2 %{{.*}} {axes = array<i64: 1>, keep_dims} : tensor<4x?xf32> -> tensor<4x1xf32>
  %0 = kiln.reduce_l2 %x {axes = array<i64: 1>, keep_dims} : tensor<4x?xf32> -> tensor<4x1xf32>
  return %0 : tensor<4x1xf32>
}

// CHECK-LABEL: func.func @reduce_l2_quantized
func.func @reduce_l2_quantized(%x: tensor<4x5x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 1.0>> {
  // CHECK: kiln.reduce_l2 %{{.*}} {axes = array<i64: 1>} : tensor<4x5x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
  %0 = kiln.reduce_l2 %x {axes = array<i64: 1>} : tensor<4x5x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 1.0>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 1.0>>
}

// CHECK-LABEL: func.func @reduce_log_sum
func.func @reduce_log_sum(%x: tensor<4x5xf32>) -> tensor<5xf32> {
  // CHECK: kiln.reduce_log_sum %{{.*}} {axes = array<i64: 0>} : tensor<4x5xf32> -> tensor<5xf32>
  %0 = kiln.reduce_log_sum %x {axes = array<i64: 0>} : tensor<4x5xf32> -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// CHECK-LABEL: func.func @reduce_log_sum_exp
func.func @reduce_log_sum_exp(%x: tensor<2x4x5xf32>) -> tensor<2x4x1xf32> {
  // CHECK: kiln.reduce_log_sum_exp %{{.*}} {axes = array<i64: 2>, keep_dims} : tensor<2x4x5xf32> -> tensor<2x4x1xf32>
  %0 = kiln.reduce_log_sum_exp %x {axes = array<i64: 2>, keep_dims} : tensor<2x4x5xf32> -> tensor<2x4x1xf32>
  return %0 : tensor<2x4x1xf32>
}

// CHECK-LABEL: func.func @reduce_sum_square
func.func @reduce_sum_square(%x: tensor<4x5xf32>) -> tensor<4xf32> {
  // CHECK: kiln.reduce_sum_square %{{.*}} {axes = array<i64: 1>} : tensor<4x5xf32> -> tensor<4xf32>
  %0 = kiln.reduce_sum_square %x {axes = array<i64: 1>} : tensor<4x5xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @reduce_sum_square_empty_axes
func.func @reduce_sum_square_empty_axes(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  // CHECK: kiln.reduce_sum_square %{{.*}} {axes = array<i64>} : tensor<4x5xf32> -> tensor<4x5xf32>
  %0 = kiln.reduce_sum_square %x {axes = array<i64>} : tensor<4x5xf32> -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// CHECK-LABEL: func.func @argmax
func.func @argmax(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  // CHECK: kiln.argmax %{{.*}} {axis = 1 : i64, keep_dims, select_last_index} : tensor<2x3xf32> -> tensor<2x1xi64>
  %0 = kiln.argmax %x {axis = 1 : i64, keep_dims, select_last_index} : tensor<2x3xf32> -> tensor<2x1xi64>
  return %0 : tensor<2x1xi64>
}

// CHECK-LABEL: func.func @argmax_default_axis
func.func @argmax_default_axis(%x: tensor<2x3xf32>) -> tensor<3xi64> {
  // CHECK: kiln.argmax %{{.*}} : tensor<2x3xf32> -> tensor<3xi64>
  %0 = kiln.argmax %x {axis = 0 : i64} : tensor<2x3xf32> -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @argmax_quantized
func.func @argmax_quantized(%x: tensor<1x10x!quant.uniform<i8:f32, 0.5>>) -> tensor<1xi64> {
  // CHECK: kiln.argmax %{{.*}} {axis = 1 : i64} : tensor<1x10x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1xi64>
  %0 = kiln.argmax %x {axis = 1 : i64} : tensor<1x10x!quant.uniform<i8:f32, 0.5>> -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

// CHECK-LABEL: func.func @argmin
func.func @argmin(%x: tensor<?x3xi32>) -> tensor<?x1xi64> {
  // CHECK: kiln.argmin %{{.*}} {axis = 1 : i64, keep_dims} : tensor<?x3xi32> -> tensor<?x1xi64>
  %0 = kiln.argmin %x {axis = 1 : i64, keep_dims} : tensor<?x3xi32> -> tensor<?x1xi64>
  return %0 : tensor<?x1xi64>
}

// CHECK-LABEL: func.func @cumsum
func.func @cumsum(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: kiln.cumsum %{{.*}} {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = kiln.cumsum %x {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @cumsum_exclusive_reverse
func.func @cumsum_exclusive_reverse(%x: tensor<5xi64>) -> tensor<5xi64> {
  // CHECK: kiln.cumsum %{{.*}} {axis = 0 : i64, exclusive, reverse} : tensor<5xi64> -> tensor<5xi64>
  %0 = kiln.cumsum %x {axis = 0 : i64, exclusive, reverse} : tensor<5xi64> -> tensor<5xi64>
  return %0 : tensor<5xi64>
}

// CHECK-LABEL: func.func @cumsum_quantized
func.func @cumsum_quantized(%x: tensor<8x!quant.uniform<i8:f32, 0.5>>) -> tensor<8x!quant.uniform<i8:f32, 2.0>> {
  // CHECK: kiln.cumsum %{{.*}} {axis = 0 : i64} : tensor<8x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<8x!quant.uniform<i8:f32, 2.000000e+00>>
  %0 = kiln.cumsum %x {axis = 0 : i64} : tensor<8x!quant.uniform<i8:f32, 0.5>> -> tensor<8x!quant.uniform<i8:f32, 2.0>>
  return %0 : tensor<8x!quant.uniform<i8:f32, 2.0>>
}

// CHECK-LABEL: func.func @topk
func.func @topk(%x: tensor<3x5xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>) {
  // CHECK: kiln.topk %{{.*}} {axis = 1 : i64, k = 2 : i64, largest, sorted} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi64>
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64, largest, sorted} : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi64>
  return %v, %i : tensor<3x2xf32>, tensor<3x2xi64>
}

// CHECK-LABEL: func.func @topk_smallest_unsorted_dynamic
func.func @topk_smallest_unsorted_dynamic(%x: tensor<?x3xi32>) -> (tensor<1x3xi32>, tensor<1x3xi64>) {
  // CHECK: kiln.topk %{{.*}} {axis = 0 : i64, k = 1 : i64} : tensor<?x3xi32> -> tensor<1x3xi32>, tensor<1x3xi64>
  %v, %i = kiln.topk %x {axis = 0 : i64, k = 1 : i64} : tensor<?x3xi32> -> tensor<1x3xi32>, tensor<1x3xi64>
  return %v, %i : tensor<1x3xi32>, tensor<1x3xi64>
}

// CHECK-LABEL: func.func @topk_quantized_per_axis
func.func @topk_quantized_per_axis(%x: tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> (tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x5xi64>) {
  // CHECK: kiln.topk %{{.*}} {axis = 1 : i64, k = 5 : i64, largest} : tensor<2x5x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>> -> tensor<2x5x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<2x5xi64>
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 5 : i64, largest} : tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x5xi64>
  return %v, %i : tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x5xi64>
}

// CHECK-LABEL: func.func @cumsum_dynamic_axis
func.func @cumsum_dynamic_axis(%x: tensor<2x3xf32>, %axis: tensor<i32>) -> tensor<2x3xf32> {
  // CHECK: kiln.cumsum %{{.*}} along %{{.*}} : tensor<i32> {reverse} : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = kiln.cumsum %x along %axis : tensor<i32> {reverse} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @topk_dynamic_k
func.func @topk_dynamic_k(%x: tensor<3x5xf32>, %k: tensor<1xi64>) -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  // CHECK: kiln.topk %{{.*}} take %{{.*}} : tensor<1xi64> {axis = 1 : i64, largest} : tensor<3x5xf32> -> tensor<3x?xf32>, tensor<3x?xi64>
  %v, %i = kiln.topk %x take %k : tensor<1xi64> {axis = 1 : i64, largest} : tensor<3x5xf32> -> tensor<3x?xf32>, tensor<3x?xi64>
  return %v, %i : tensor<3x?xf32>, tensor<3x?xi64>
}
