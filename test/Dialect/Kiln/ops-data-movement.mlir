// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @constant_dense
func.func @constant_dense() -> tensor<2xf32> {
  // CHECK: kiln.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %0 = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @constant_splat
func.func @constant_splat() -> tensor<2x3xi32> {
  // CHECK: kiln.constant dense<7> : tensor<2x3xi32>
  %0 = kiln.constant dense<7> : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// CHECK-LABEL: func.func @constant_quantized
func.func @constant_quantized() -> tensor<2x!quant.uniform<i8:f32, 5.000000e-01>> {
  // CHECK: kiln.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>
}

// CHECK-LABEL: func.func @constant_per_axis_quantized
func.func @constant_per_axis_quantized() -> tensor<2x2x!quant.uniform<i8:f32:0, {1.000000e-01, 2.000000e-01}>> {
  // CHECK: kiln.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
  %0 = kiln.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return %0 : tensor<2x2x!quant.uniform<i8:f32:0, {1.000000e-01, 2.000000e-01}>>
}

// CHECK-LABEL: func.func @constant_attr_dict
func.func @constant_attr_dict() -> tensor<f32> {
  // CHECK: kiln.constant {name = "w"} dense<1.000000e+00> : tensor<f32>
  %0 = kiln.constant {name = "w"} dense<1.0> : tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @constant_resource
func.func @constant_resource() -> tensor<2xf32> {
  // CHECK: kiln.constant dense_resource<blob> : tensor<2xf32>
  %0 = kiln.constant dense_resource<blob> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @transpose
func.func @transpose(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32> {
  // CHECK: kiln.transpose %{{.*}} {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
  %0 = kiln.transpose %arg0 {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
  return %0 : tensor<1x8x8x3xf32>
}

// CHECK-LABEL: func.func @transpose_quantized_dynamic
func.func @transpose_quantized_dynamic(%arg0: tensor<?x4x!quant.uniform<i8:f32, 1.0>>) -> tensor<4x?x!quant.uniform<i8:f32, 1.0>> {
  // CHECK: kiln.transpose %{{.*}} {perm = array<i64: 1, 0>} : tensor<?x4x!quant.uniform<i8:f32, 1.000000e+00>> -> tensor<4x?x!quant.uniform<i8:f32, 1.000000e+00>>
  %0 = kiln.transpose %arg0 {perm = array<i64: 1, 0>} : tensor<?x4x!quant.uniform<i8:f32, 1.0>> -> tensor<4x?x!quant.uniform<i8:f32, 1.0>>
  return %0 : tensor<4x?x!quant.uniform<i8:f32, 1.0>>
}

// CHECK-LABEL: func.func @reshape
func.func @reshape(%arg0: tensor<1x512x1x1xf32>) -> tensor<1x512xf32> {
  // CHECK: kiln.reshape %{{.*}} : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
  %0 = kiln.reshape %arg0 : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
  return %0 : tensor<1x512xf32>
}

// CHECK-LABEL: func.func @reshape_per_axis_quantized
func.func @reshape_per_axis_quantized(%arg0: tensor<2x3x4x!quant.uniform<i8:f32:0, {1.0, 2.0}>>) -> tensor<2x12x!quant.uniform<i8:f32:0, {1.0, 2.0}>> {
  // CHECK: kiln.reshape %{{.*}} : tensor<2x3x4x!quant.uniform<i8:f32:0, {1.000000e+00,2.000000e+00}>> -> tensor<2x12x!quant.uniform<i8:f32:0, {1.000000e+00,2.000000e+00}>>
  %0 = kiln.reshape %arg0 : tensor<2x3x4x!quant.uniform<i8:f32:0, {1.0, 2.0}>> -> tensor<2x12x!quant.uniform<i8:f32:0, {1.0, 2.0}>>
  return %0 : tensor<2x12x!quant.uniform<i8:f32:0, {1.0, 2.0}>>
}

// CHECK-LABEL: func.func @reshape_dynamic
func.func @reshape_dynamic(%arg0: tensor<?x4xf32>) -> tensor<?xf32> {
  // CHECK: kiln.reshape %{{.*}} : tensor<?x4xf32> -> tensor<?xf32>
  %0 = kiln.reshape %arg0 : tensor<?x4xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// CHECK-LABEL: func.func @concat
func.func @concat(%arg0: tensor<1x16x8x8xf32>, %arg1: tensor<1x32x8x8xf32>) -> tensor<1x48x8x8xf32> {
  // CHECK: kiln.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<1x16x8x8xf32>, tensor<1x32x8x8xf32>) -> tensor<1x48x8x8xf32>
  %0 = kiln.concat %arg0, %arg1 {axis = 1 : i64} : (tensor<1x16x8x8xf32>, tensor<1x32x8x8xf32>) -> tensor<1x48x8x8xf32>
  return %0 : tensor<1x48x8x8xf32>
}

// CHECK-LABEL: func.func @concat_single
func.func @concat_single(%arg0: tensor<2xi64>) -> tensor<2xi64> {
  // CHECK: kiln.concat %{{.*}} {axis = 0 : i64} : (tensor<2xi64>) -> tensor<2xi64>
  %0 = kiln.concat %arg0 {axis = 0 : i64} : (tensor<2xi64>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @concat_quantized_dynamic
func.func @concat_quantized_dynamic(%arg0: tensor<?x4x!quant.uniform<i8:f32, 0.5>>, %arg1: tensor<2x?x!quant.uniform<i8:f32, 0.5>>, %arg2: tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<?x4x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.concat %{{.*}}, %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<?x4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<2x?x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<3x4x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<?x4x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.concat %arg0, %arg1, %arg2 {axis = 0 : i64} : (tensor<?x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x?x!quant.uniform<i8:f32, 0.5>>, tensor<3x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<?x4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<?x4x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @split
func.func @split(%arg0: tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x4xf32>) {
  // CHECK: kiln.split %{{.*}} {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x4xf32>
  %0:2 = kiln.split %arg0 {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x4xf32>
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @split_quantized_dynamic
func.func @split_quantized_dynamic(%arg0: tensor<6x?x!quant.uniform<u8:f32, 0.1:128>>) -> (tensor<?x?x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x5x!quant.uniform<u8:f32, 0.1:128>>) {
  // CHECK: kiln.split %{{.*}} {axis = 0 : i64} : tensor<6x?x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<?x?x!quant.uniform<u8:f32, 1.000000e-01:128>>, tensor<3x5x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %0:2 = kiln.split %arg0 {axis = 0 : i64} : tensor<6x?x!quant.uniform<u8:f32, 0.1:128>> -> tensor<?x?x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x5x!quant.uniform<u8:f32, 0.1:128>>
  return %0#0, %0#1 : tensor<?x?x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x5x!quant.uniform<u8:f32, 0.1:128>>
}

// CHECK-LABEL: func.func @slice
func.func @slice(%arg0: tensor<4x8xf32>) -> tensor<4x3xf32> {
  // CHECK: kiln.slice %{{.*}} {ends = array<i64: 4, 7>, starts = array<i64: 0, 1>, steps = array<i64: 1, 2>} : tensor<4x8xf32> -> tensor<4x3xf32>
  %0 = kiln.slice %arg0 {starts = array<i64: 0, 1>, ends = array<i64: 4, 7>, steps = array<i64: 1, 2>} : tensor<4x8xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @slice_reverse
func.func @slice_reverse(%arg0: tensor<5x?xi8>) -> tensor<5x2xi8> {
  // CHECK: kiln.slice %{{.*}} {ends = array<i64: -1, 0>, starts = array<i64: 4, 3>, steps = array<i64: -1, -2>} : tensor<5x?xi8> -> tensor<5x2xi8>
  %0 = kiln.slice %arg0 {starts = array<i64: 4, 3>, ends = array<i64: -1, 0>, steps = array<i64: -1, -2>} : tensor<5x?xi8> -> tensor<5x2xi8>
  return %0 : tensor<5x2xi8>
}

// CHECK-LABEL: func.func @slice_empty_quantized
func.func @slice_empty_quantized(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<0x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.slice %{{.*}} {ends = array<i64: 2>, starts = array<i64: 2>, steps = array<i64: 1>} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<0x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.slice %arg0 {starts = array<i64: 2>, ends = array<i64: 2>, steps = array<i64: 1>} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<0x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<0x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @pad_constant
func.func @pad_constant(%arg0: tensor<1x3x4x4xf32>) -> tensor<1x3x6x6xf32> {
  // CHECK: kiln.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = -1.000000e+00 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  %0 = kiln.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = -1.0 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// CHECK-LABEL: func.func @pad_reflect
func.func @pad_reflect(%arg0: tensor<1x8xf32>) -> tensor<1x12xf32> {
  // CHECK: kiln.pad %{{.*}} {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 2, 0, 2>} : tensor<1x8xf32> -> tensor<1x12xf32>
  %0 = kiln.pad %arg0 {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 2, 0, 2>} : tensor<1x8xf32> -> tensor<1x12xf32>
  return %0 : tensor<1x12xf32>
}

// CHECK-LABEL: func.func @pad_edge_wrap_crop
func.func @pad_edge_wrap_crop(%arg0: tensor<4x?xi32>) -> (tensor<2x?xi32>, tensor<6x?xi32>) {
  // CHECK: kiln.pad %{{.*}} {mode = #kiln.pad_mode<edge>, pads = array<i64: -1, 1, -1, 1>} : tensor<4x?xi32> -> tensor<2x?xi32>
  %0 = kiln.pad %arg0 {mode = #kiln.pad_mode<edge>, pads = array<i64: -1, 1, -1, 1>} : tensor<4x?xi32> -> tensor<2x?xi32>
  // CHECK: kiln.pad %{{.*}} {mode = #kiln.pad_mode<wrap>, pads = array<i64: 1, 0, 1, 0>} : tensor<4x?xi32> -> tensor<6x?xi32>
  %1 = kiln.pad %arg0 {mode = #kiln.pad_mode<wrap>, pads = array<i64: 1, 0, 1, 0>} : tensor<4x?xi32> -> tensor<6x?xi32>
  return %0, %1 : tensor<2x?xi32>, tensor<6x?xi32>
}

// CHECK-LABEL: func.func @pad_quantized
func.func @pad_quantized(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<6x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.pad %{{.*}} {pads = array<i64: 1, 1>, value = 1.000000e+00 : f32} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<6x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.pad %arg0 {pads = array<i64: 1, 1>, value = 1.0 : f32} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<6x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<6x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @pad_integer_value
func.func @pad_integer_value(%arg0: tensor<2xi64>) -> tensor<3xi64> {
  // CHECK: kiln.pad %{{.*}} {pads = array<i64: 0, 1>, value = 9 : i64} : tensor<2xi64> -> tensor<3xi64>
  %0 = kiln.pad %arg0 {pads = array<i64: 0, 1>, value = 9 : i64} : tensor<2xi64> -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// CHECK-LABEL: func.func @expand
func.func @expand(%arg0: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  // CHECK: kiln.expand %{{.*}} : tensor<3x1xf32> -> tensor<2x3x4xf32>
  %0 = kiln.expand %arg0 : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @expand_dynamic_quantized
func.func @expand_dynamic_quantized(%arg0: tensor<?x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<5x?x?x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.expand %{{.*}} : tensor<?x1x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<5x?x?x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.expand %arg0 : tensor<?x1x!quant.uniform<i8:f32, 0.5>> -> tensor<5x?x?x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<5x?x?x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @tile
func.func @tile(%arg0: tensor<3x4xf32>) -> tensor<6x4xf32> {
  // CHECK: kiln.tile %{{.*}} {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x4xf32>
  %0 = kiln.tile %arg0 {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// CHECK-LABEL: func.func @tile_zero_dynamic_quantized
func.func @tile_zero_dynamic_quantized(%arg0: tensor<?x?x!quant.uniform<i8:f32, 0.5>>) -> tensor<0x?x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.tile %{{.*}} {multiples = array<i64: 0, 3>} : tensor<?x?x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<0x?x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.tile %arg0 {multiples = array<i64: 0, 3>} : tensor<?x?x!quant.uniform<i8:f32, 0.5>> -> tensor<0x?x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<0x?x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @reverse_sequence
func.func @reverse_sequence(%x: tensor<4x5x8xf32>, %lens: tensor<4xi64>, %q: tensor<?x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, %qlens: tensor<?xi64>) -> (tensor<4x5x8xf32>, tensor<?x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) {
  // CHECK: kiln.reverse_sequence %{{.*}}, %{{.*}} {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5x8xf32>, tensor<4xi64> -> tensor<4x5x8xf32>
  %0 = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5x8xf32>, tensor<4xi64> -> tensor<4x5x8xf32>
  // CHECK: kiln.reverse_sequence %{{.*}}, %{{.*}} : tensor<?x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>, tensor<?xi64> -> tensor<?x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>
  %1 = kiln.reverse_sequence %q, %qlens {batch_axis = 1 : i64, time_axis = 0 : i64} : tensor<?x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, tensor<?xi64> -> tensor<?x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
  return %0, %1 : tensor<4x5x8xf32>, tensor<?x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>
}

// CHECK-LABEL: func.func @squeeze
func.func @squeeze(%arg0: tensor<1x512x1x1xf32>) -> tensor<1x512xf32> {
  // CHECK: kiln.squeeze %{{.*}} {axes = array<i64: 2, 3>} : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
  %0 = kiln.squeeze %arg0 {axes = array<i64: 2, 3>} : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
  return %0 : tensor<1x512xf32>
}

// CHECK-LABEL: func.func @squeeze_dynamic_quantized
func.func @squeeze_dynamic_quantized(%arg0: tensor<?x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.squeeze %{{.*}} {axes = array<i64: 0>} : tensor<?x4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.squeeze %arg0 {axes = array<i64: 0>} : tensor<?x4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @unsqueeze
func.func @unsqueeze(%arg0: tensor<3x4xf32>) -> tensor<1x3x4x1xf32> {
  // CHECK: kiln.unsqueeze %{{.*}} {axes = array<i64: 0, 3>} : tensor<3x4xf32> -> tensor<1x3x4x1xf32>
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 0, 3>} : tensor<3x4xf32> -> tensor<1x3x4x1xf32>
  return %0 : tensor<1x3x4x1xf32>
}

// CHECK-LABEL: func.func @unsqueeze_scalar_quantized
func.func @unsqueeze_scalar_quantized(%arg0: tensor<!quant.uniform<i8:f32, 0.5>>) -> tensor<1x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.unsqueeze %{{.*}} {axes = array<i64: 0>} : tensor<!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.unsqueeze %arg0 {axes = array<i64: 0>} : tensor<!quant.uniform<i8:f32, 0.5>> -> tensor<1x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<1x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @flatten
func.func @flatten(%arg0: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  // CHECK: kiln.flatten %{{.*}} : tensor<2x3x4xf32> -> tensor<2x12xf32>
  %0 = kiln.flatten %arg0 : tensor<2x3x4xf32> -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// CHECK-LABEL: func.func @flatten_axis
func.func @flatten_axis(%arg0: tensor<2x?x4xf32>) -> (tensor<1x?xf32>, tensor<?x1xf32>, tensor<?x4xf32>) {
  // CHECK: kiln.flatten %{{.*}} {axis = 0 : i64} : tensor<2x?x4xf32> -> tensor<1x?xf32>
  %0 = kiln.flatten %arg0 {axis = 0 : i64} : tensor<2x?x4xf32> -> tensor<1x?xf32>
  // CHECK: kiln.flatten %{{.*}} {axis = 3 : i64} : tensor<2x?x4xf32> -> tensor<?x1xf32>
  %1 = kiln.flatten %arg0 {axis = 3 : i64} : tensor<2x?x4xf32> -> tensor<?x1xf32>
  // CHECK: kiln.flatten %{{.*}} {axis = 2 : i64} : tensor<2x?x4xf32> -> tensor<?x4xf32>
  %2 = kiln.flatten %arg0 {axis = 2 : i64} : tensor<2x?x4xf32> -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<1x?xf32>, tensor<?x1xf32>, tensor<?x4xf32>
}

// CHECK-LABEL: func.func @flatten_quantized
func.func @flatten_quantized(%arg0: tensor<2x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<6x1x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.flatten %{{.*}} {axis = 2 : i64} : tensor<2x3x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<6x1x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.flatten %arg0 {axis = 2 : i64} : tensor<2x3x!quant.uniform<i8:f32, 0.5>> -> tensor<6x1x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<6x1x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @resize_defaults
func.func @resize_defaults(%arg0: tensor<1x3x16x16xf32>) -> tensor<1x3x32x32xf32> {
  // CHECK: kiln.resize %{{.*}} : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
  %0 = kiln.resize %arg0 : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
  return %0 : tensor<1x3x32x32xf32>
}

// CHECK-LABEL: func.func @resize_linear_scales
func.func @resize_linear_scales(%arg0: tensor<1x3x16x16xf32>) -> tensor<1x3x32x32xf32> {
  // CHECK: kiln.resize %{{.*}} {coordinate_transform = #kiln.coordinate_transform<align_corners>, mode = #kiln.resize_mode<linear>, scales = array<f32: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>} : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
  %0 = kiln.resize %arg0 {mode = #kiln.resize_mode<linear>, coordinate_transform = #kiln.coordinate_transform<align_corners>, scales = array<f32: 1.0, 1.0, 2.0, 2.0>} : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
  return %0 : tensor<1x3x32x32xf32>
}

// CHECK-LABEL: func.func @resize_cubic_all_attributes
func.func @resize_cubic_all_attributes(%arg0: tensor<1x1x10x?xf16>, %roi: tensor<8xf32>) -> tensor<1x1x7x?xf16> {
  // CHECK: kiln.resize %{{.*}} roi %{{.*}} : tensor<8xf32> {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>, cubic_coeff_a = -5.000000e-01 : f32, exclude_outside, extrapolation_value = 1.000000e+00 : f32, mode = #kiln.resize_mode<cubic>, nearest_mode = #kiln.nearest_mode<ceil>, scales = array<f32: 1.000000e+00, 1.000000e+00, 0.699999988, 3.000000e+00>} : tensor<1x1x10x?xf16> -> tensor<1x1x7x?xf16>
  %0 = kiln.resize %arg0 roi %roi : tensor<8xf32> {mode = #kiln.resize_mode<cubic>, coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>, nearest_mode = #kiln.nearest_mode<ceil>, cubic_coeff_a = -0.5 : f32, exclude_outside, extrapolation_value = 1.0 : f32, scales = array<f32: 1.0, 1.0, 0.7, 3.0>} : tensor<1x1x10x?xf16> -> tensor<1x1x7x?xf16>
  return %0 : tensor<1x1x7x?xf16>
}

// CHECK-LABEL: func.func @resize_crop_runtime_sizes
func.func @resize_crop_runtime_sizes(%x: tensor<1x1x4x4xf32>, %roi: tensor<8xf16>, %sizes: tensor<4xi64>) -> tensor<1x1x3x3xf32> {
  // CHECK: kiln.resize %{{.*}} roi %{{.*}} : tensor<8xf16> sizes %{{.*}} : tensor<4xi64> {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>, mode = #kiln.resize_mode<linear>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  %0 = kiln.resize %x roi %roi : tensor<8xf16> sizes %sizes : tensor<4xi64> {mode = #kiln.resize_mode<linear>, coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// CHECK-LABEL: func.func @resize_tf_half_pixel_for_nn
func.func @resize_tf_half_pixel_for_nn(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x3x2xf32> {
  // CHECK: kiln.resize %{{.*}} {coordinate_transform = #kiln.coordinate_transform<tf_half_pixel_for_nn>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x2xf32>
  %0 = kiln.resize %x {coordinate_transform = #kiln.coordinate_transform<tf_half_pixel_for_nn>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x2xf32>
  return %0 : tensor<1x1x3x2xf32>
}

// CHECK-LABEL: func.func @resize_quantized_nearest
func.func @resize_quantized_nearest(%arg0: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x8x8x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.resize %{{.*}} {coordinate_transform = #kiln.coordinate_transform<asymmetric>, nearest_mode = #kiln.nearest_mode<floor>} : tensor<1x2x4x4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1x2x8x8x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.resize %arg0 {coordinate_transform = #kiln.coordinate_transform<asymmetric>, nearest_mode = #kiln.nearest_mode<floor>} : tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x2x8x8x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<1x2x8x8x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @cast
func.func @cast(%arg0: tensor<2x3xi64>) -> (tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xui8>) {
  // CHECK: kiln.cast %{{.*}} : tensor<2x3xi64> -> tensor<2x3xf32>
  %0 = kiln.cast %arg0 : tensor<2x3xi64> -> tensor<2x3xf32>
  // CHECK: kiln.cast %{{.*}} : tensor<2x3xi64> -> tensor<2x3xi1>
  %1 = kiln.cast %arg0 : tensor<2x3xi64> -> tensor<2x3xi1>
  // CHECK: kiln.cast %{{.*}} : tensor<2x3xi64> -> tensor<2x3xui8>
  %2 = kiln.cast %arg0 : tensor<2x3xi64> -> tensor<2x3xui8>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xui8>
}

// CHECK-LABEL: func.func @cast_float_dynamic
func.func @cast_float_dynamic(%arg0: tensor<?xf32>) -> tensor<?xbf16> {
  // CHECK: kiln.cast %{{.*}} : tensor<?xf32> -> tensor<?xbf16>
  %0 = kiln.cast %arg0 : tensor<?xf32> -> tensor<?xbf16>
  return %0 : tensor<?xbf16>
}

// CHECK-LABEL: func.func @cast_saturate_float8
func.func @cast_saturate_float8(%arg0: tensor<4xf32>) -> (tensor<4xf8E4M3FN>, tensor<4xf8E5M2>) {
  // CHECK: kiln.cast %{{.*}} {saturate} : tensor<4xf32> -> tensor<4xf8E4M3FN>
  %0 = kiln.cast %arg0 {saturate} : tensor<4xf32> -> tensor<4xf8E4M3FN>
  // CHECK: kiln.cast %{{.*}} : tensor<4xf32> -> tensor<4xf8E5M2>
  %1 = kiln.cast %arg0 : tensor<4xf32> -> tensor<4xf8E5M2>
  return %0, %1 : tensor<4xf8E4M3FN>, tensor<4xf8E5M2>
}

// CHECK-LABEL: func.func @shape
func.func @shape(%arg0: tensor<?x3x224x224xf32>) -> tensor<4xi64> {
  // CHECK: kiln.shape %{{.*}} : tensor<?x3x224x224xf32> -> tensor<4xi64>
  %0 = kiln.shape %arg0 : tensor<?x3x224x224xf32> -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// CHECK-LABEL: func.func @shape_scalar_quantized
func.func @shape_scalar_quantized(%arg0: tensor<!quant.uniform<i8:f32, 0.5>>) -> tensor<0xi64> {
  // CHECK: kiln.shape %{{.*}} : tensor<!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<0xi64>
  %0 = kiln.shape %arg0 : tensor<!quant.uniform<i8:f32, 0.5>> -> tensor<0xi64>
  return %0 : tensor<0xi64>
}

// CHECK-LABEL: func.func @range_integer
func.func @range_integer(%arg0: tensor<i64>, %arg1: tensor<i64>, %arg2: tensor<i64>) -> tensor<?xi64> {
  // CHECK: kiln.range %{{.*}}, %{{.*}}, %{{.*}} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %0 = kiln.range %arg0, %arg1, %arg2 : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// CHECK-LABEL: func.func @range_float_static
func.func @range_float_static(%arg0: tensor<f32>, %arg1: tensor<f32>, %arg2: tensor<f32>) -> tensor<5xf32> {
  // CHECK: kiln.range %{{.*}}, %{{.*}}, %{{.*}} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<5xf32>
  %0 = kiln.range %arg0, %arg1, %arg2 : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F00000040"
    }
  }
#-}

// CHECK-LABEL: func.func @reshape_runtime_shape
func.func @reshape_runtime_shape(%x: tensor<2x3x4xf32>, %shape: tensor<2xi64>) -> (tensor<?x?xf32>, tensor<?x4xf32>) {
  // CHECK: kiln.reshape %{{.*}} to %{{.*}} : tensor<2xi64> : tensor<2x3x4xf32> -> tensor<?x?xf32>
  %r = kiln.reshape %x to %shape : tensor<2xi64> : tensor<2x3x4xf32> -> tensor<?x?xf32>
  // CHECK: kiln.reshape %{{.*}} to %{{.*}} : tensor<2xi64> {allow_zero} : tensor<2x3x4xf32> -> tensor<?x4xf32>
  %z = kiln.reshape %x to %shape : tensor<2xi64> {allow_zero} : tensor<2x3x4xf32> -> tensor<?x4xf32>
  return %r, %z : tensor<?x?xf32>, tensor<?x4xf32>
}

// CHECK-LABEL: func.func @expand_runtime_shape
func.func @expand_runtime_shape(%x: tensor<3x1xf32>, %shape: tensor<3xi64>, %short: tensor<1xi64>) -> (tensor<?x3x?xf32>, tensor<3x?xf32>) {
  // CHECK: kiln.expand %{{.*}} to %{{.*}} : tensor<3xi64> : tensor<3x1xf32> -> tensor<?x3x?xf32>
  %e = kiln.expand %x to %shape : tensor<3xi64> : tensor<3x1xf32> -> tensor<?x3x?xf32>
  // CHECK: kiln.expand %{{.*}} to %{{.*}} : tensor<1xi64> : tensor<3x1xf32> -> tensor<3x?xf32>
  %s = kiln.expand %x to %short : tensor<1xi64> : tensor<3x1xf32> -> tensor<3x?xf32>
  return %e, %s : tensor<?x3x?xf32>, tensor<3x?xf32>
}

// CHECK-LABEL: func.func @fill
func.func @fill(%shape: tensor<2xi64>, %one: tensor<1xi64>) -> (tensor<?x?xf32>, tensor<?xi32>) {
  // CHECK: kiln.fill %{{.*}}, 0.000000e+00 : f32 : tensor<2xi64> -> tensor<?x?xf32>
  %z = kiln.fill %shape, 0.0 : f32 : tensor<2xi64> -> tensor<?x?xf32>
  // CHECK: kiln.fill %{{.*}}, 7 : i32 : tensor<1xi64> -> tensor<?xi32>
  %s = kiln.fill %one, 7 : i32 : tensor<1xi64> -> tensor<?xi32>
  return %z, %s : tensor<?x?xf32>, tensor<?xi32>
}

// CHECK-LABEL: func.func @resize_dynamic
func.func @resize_dynamic(%x: tensor<1x3x16x16xf32>, %scales: tensor<4xf32>, %sizes: tensor<4xi64>) -> (tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) {
  // CHECK: kiln.resize %{{.*}} scales %{{.*}} : tensor<4xf32> {mode = #kiln.resize_mode<linear>} : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
  %a = kiln.resize %x scales %scales : tensor<4xf32> {mode = #kiln.resize_mode<linear>} : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
  // CHECK: kiln.resize %{{.*}} sizes %{{.*}} : tensor<4xi64> : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
  %b = kiln.resize %x sizes %sizes : tensor<4xi64> : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
  return %a, %b : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>
}

// CHECK-LABEL: func.func @split_dynamic_sizes
func.func @split_dynamic_sizes(%x: tensor<2x6xf32>, %sizes: tensor<2xi64>) -> (tensor<2x?xf32>, tensor<2x?xf32>) {
  // CHECK: kiln.split %{{.*}} sizes %{{.*}} : tensor<2xi64> {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x?xf32>, tensor<2x?xf32>
  %a, %b = kiln.split %x sizes %sizes : tensor<2xi64> {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x?xf32>, tensor<2x?xf32>
  return %a, %b : tensor<2x?xf32>, tensor<2x?xf32>
}

// CHECK-LABEL: func.func @runtime_windows
func.func @runtime_windows(%x: tensor<2x3xf32>, %bounds: tensor<1xi64>, %pads: tensor<4xi64>, %v: tensor<f32>, %repeats: tensor<2xi64>) -> (tensor<2x?xf32>, tensor<4x5xf32>, tensor<?x?xf32>, tensor<?x3xf32>) {
  // CHECK: kiln.dynamic_slice %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<2x3xf32>, tensor<1xi64> -> tensor<2x?xf32>
  %s = kiln.dynamic_slice %x[%bounds, %bounds, %bounds, %bounds] : tensor<2x3xf32>, tensor<1xi64> -> tensor<2x?xf32>
  // CHECK: kiln.pad %{{.*}} pads %{{.*}} : tensor<4xi64> value %{{.*}} : tensor<f32> {pads = array<i64>} : tensor<2x3xf32> -> tensor<4x5xf32>
  %p = kiln.pad %x pads %pads : tensor<4xi64> value %v : tensor<f32> {pads = array<i64>} : tensor<2x3xf32> -> tensor<4x5xf32>
  // CHECK: kiln.pad %{{.*}} pads %{{.*}} : tensor<4xi64> {mode = #kiln.pad_mode<edge>, pads = array<i64>} : tensor<2x3xf32> -> tensor<?x?xf32>
  %e = kiln.pad %x pads %pads : tensor<4xi64> {mode = #kiln.pad_mode<edge>, pads = array<i64>} : tensor<2x3xf32> -> tensor<?x?xf32>
  // CHECK: kiln.tile %{{.*}} by %{{.*}} : tensor<2xi64> {multiples = array<i64>} : tensor<2x3xf32> -> tensor<?x3xf32>
  %t = kiln.tile %x by %repeats : tensor<2xi64> {multiples = array<i64>} : tensor<2x3xf32> -> tensor<?x3xf32>
  return %s, %p, %e, %t : tensor<2x?xf32>, tensor<4x5xf32>, tensor<?x?xf32>, tensor<?x3xf32>
}
