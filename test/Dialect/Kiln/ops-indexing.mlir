// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @gather
func.func @gather(%table: tensor<1000x64xf32>, %ids: tensor<2x7xi64>) -> tensor<2x7x64xf32> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} : tensor<1000x64xf32>, tensor<2x7xi64> -> tensor<2x7x64xf32>
  %0 = kiln.gather %table, %ids {axis = 0 : i64} : tensor<1000x64xf32>, tensor<2x7xi64> -> tensor<2x7x64xf32>
  return %0 : tensor<2x7x64xf32>
}

// CHECK-LABEL: func.func @gather_inner_axis_i32
func.func @gather_inner_axis_i32(%x: tensor<2x5x3xi8>, %i: tensor<4xi32>) -> tensor<2x4x3xi8> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<2x5x3xi8>, tensor<4xi32> -> tensor<2x4x3xi8>
  %0 = kiln.gather %x, %i {axis = 1 : i64} : tensor<2x5x3xi8>, tensor<4xi32> -> tensor<2x4x3xi8>
  return %0 : tensor<2x4x3xi8>
}

// CHECK-LABEL: func.func @gather_scalar_index
func.func @gather_scalar_index(%x: tensor<?x5xf32>, %i: tensor<i64>) -> tensor<?xf32> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<?x5xf32>, tensor<i64> -> tensor<?xf32>
  %0 = kiln.gather %x, %i {axis = 1 : i64} : tensor<?x5xf32>, tensor<i64> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// CHECK-LABEL: func.func @gather_quantized
func.func @gather_quantized(%x: tensor<100x8x!quant.uniform<i8:f32, 0.5:-3>>, %i: tensor<3xi64>) -> tensor<3x8x!quant.uniform<i8:f32, 0.5:-3>> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} : tensor<100x8x!quant.uniform<i8:f32, 5.000000e-01:-3>>, tensor<3xi64> -> tensor<3x8x!quant.uniform<i8:f32, 5.000000e-01:-3>>
  %0 = kiln.gather %x, %i : tensor<100x8x!quant.uniform<i8:f32, 0.5:-3>>, tensor<3xi64> -> tensor<3x8x!quant.uniform<i8:f32, 0.5:-3>>
  return %0 : tensor<3x8x!quant.uniform<i8:f32, 0.5:-3>>
}

// CHECK-LABEL: func.func @gather_per_axis_quantized_kept
func.func @gather_per_axis_quantized_kept(%x: tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<3xi64>) -> tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // CHECK: kiln.gather %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<2x6x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<3xi64> -> tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  %0 = kiln.gather %x, %i {axis = 1 : i64} : tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<3xi64> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @gather_elements
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  // CHECK: kiln.gather_elements %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// CHECK-LABEL: func.func @gather_elements_default_axis
func.func @gather_elements_default_axis(%x: tensor<3x4xi1>, %i: tensor<5x2xi32>) -> tensor<5x2xi1> {
  // CHECK: kiln.gather_elements %{{.*}}, %{{.*}} : tensor<3x4xi1>, tensor<5x2xi32> -> tensor<5x2xi1>
  %0 = kiln.gather_elements %x, %i : tensor<3x4xi1>, tensor<5x2xi32> -> tensor<5x2xi1>
  return %0 : tensor<5x2xi1>
}

// CHECK-LABEL: func.func @gather_elements_quantized_dynamic
func.func @gather_elements_quantized_dynamic(%x: tensor<?x4x!quant.uniform<u8:f32, 0.1:128>>, %i: tensor<2x?xi64>) -> tensor<2x?x!quant.uniform<u8:f32, 0.1:128>> {
  // CHECK: kiln.gather_elements %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<?x4x!quant.uniform<u8:f32, 1.000000e-01:128>>, tensor<2x?xi64> -> tensor<2x?x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<?x4x!quant.uniform<u8:f32, 0.1:128>>, tensor<2x?xi64> -> tensor<2x?x!quant.uniform<u8:f32, 0.1:128>>
  return %0 : tensor<2x?x!quant.uniform<u8:f32, 0.1:128>>
}

// CHECK-LABEL: func.func @gather_elements_per_axis_quantized_kept
func.func @gather_elements_per_axis_quantized_kept(%x: tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2x3xi64>) -> tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // CHECK: kiln.gather_elements %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<2x6x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<2x3xi64> -> tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  %0 = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<2x6x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x3xi64> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @gather_nd
func.func @gather_nd(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>) -> tensor<3x6xf32> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} : tensor<4x5x6xf32>, tensor<3x2xi64> -> tensor<3x6xf32>
  %0 = kiln.gather_nd %x, %i : tensor<4x5x6xf32>, tensor<3x2xi64> -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// CHECK-LABEL: func.func @gather_nd_full_tuples
func.func @gather_nd_full_tuples(%x: tensor<4x5x6xf32>, %i: tensor<2x7x3xi32>) -> tensor<2x7xf32> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} : tensor<4x5x6xf32>, tensor<2x7x3xi32> -> tensor<2x7xf32>
  %0 = kiln.gather_nd %x, %i : tensor<4x5x6xf32>, tensor<2x7x3xi32> -> tensor<2x7xf32>
  return %0 : tensor<2x7xf32>
}

// CHECK-LABEL: func.func @gather_nd_batch_dims
func.func @gather_nd_batch_dims(%x: tensor<?x5x6xf32>, %i: tensor<4x1xi64>) -> tensor<4x6xf32> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} {batch_dims = 1 : i64} : tensor<?x5x6xf32>, tensor<4x1xi64> -> tensor<4x6xf32>
  %0 = kiln.gather_nd %x, %i {batch_dims = 1 : i64} : tensor<?x5x6xf32>, tensor<4x1xi64> -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// CHECK-LABEL: func.func @gather_nd_quantized
func.func @gather_nd_quantized(%x: tensor<4x5x!quant.uniform<i8:f32, 0.5>>, %i: tensor<3x1xi64>) -> tensor<3x5x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} : tensor<4x5x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<3x1xi64> -> tensor<3x5x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.gather_nd %x, %i : tensor<4x5x!quant.uniform<i8:f32, 0.5>>, tensor<3x1xi64> -> tensor<3x5x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<3x5x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @gather_nd_per_axis_quantized_batch_dim
func.func @gather_nd_per_axis_quantized_batch_dim(%x: tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2x1xi64>) -> tensor<2x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // CHECK: kiln.gather_nd %{{.*}}, %{{.*}} {batch_dims = 1 : i64} : tensor<2x5x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<2x1xi64> -> tensor<2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  %0 = kiln.gather_nd %x, %i {batch_dims = 1 : i64} : tensor<2x5x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x1xi64> -> tensor<2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @scatter_elements
func.func @scatter_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x4xf32> {
  // CHECK: kiln.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @scatter_elements_reduction
func.func @scatter_elements_reduction(%x: tensor<3x4xi32>, %i: tensor<2x4xi32>, %u: tensor<2x4xi32>) -> tensor<3x4xi32> {
  // CHECK: kiln.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {reduction = #kiln.scatter_reduction<max>} : (tensor<3x4xi32>, tensor<2x4xi32>, tensor<2x4xi32>) -> tensor<3x4xi32>
  %0 = kiln.scatter_elements %x, %i, %u {reduction = #kiln.scatter_reduction<max>} : (tensor<3x4xi32>, tensor<2x4xi32>, tensor<2x4xi32>) -> tensor<3x4xi32>
  return %0 : tensor<3x4xi32>
}

// CHECK-LABEL: func.func @scatter_elements_quantized
func.func @scatter_elements_quantized(%x: tensor<3x4x!quant.uniform<i8:f32, 0.5>>, %i: tensor<3x2xi64>, %u: tensor<3x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<3x4x!quant.uniform<i8:f32, 0.5>> {
  // CHECK: kiln.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64, reduction = #kiln.scatter_reduction<add>} : (tensor<3x4x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<3x2xi64>, tensor<3x2x!quant.uniform<i8:f32, 5.000000e-01>>) -> tensor<3x4x!quant.uniform<i8:f32, 5.000000e-01>>
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #kiln.scatter_reduction<add>} : (tensor<3x4x!quant.uniform<i8:f32, 0.5>>, tensor<3x2xi64>, tensor<3x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<3x4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<3x4x!quant.uniform<i8:f32, 0.5>>
}

// CHECK-LABEL: func.func @scatter_elements_per_axis_quantized_kept
func.func @scatter_elements_per_axis_quantized_kept(%x: tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %i: tensor<2x3xi64>, %u: tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>> {
  // CHECK: kiln.scatter_elements %{{.*}}, %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x4x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>, tensor<2x3xi64>, tensor<2x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>) -> tensor<2x4x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>
  %0 = kiln.scatter_elements %x, %i, %u {axis = 1 : i64} : (tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x3xi64>, tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) -> tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return %0 : tensor<2x4x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @scatter_nd
func.func @scatter_nd(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>, %u: tensor<3x6xf32>) -> tensor<4x5x6xf32> {
  // CHECK: kiln.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  return %0 : tensor<4x5x6xf32>
}

// CHECK-LABEL: func.func @scatter_nd_reduction_full_tuples
func.func @scatter_nd_reduction_full_tuples(%x: tensor<4x5xf16>, %i: tensor<7x2xi32>, %u: tensor<7xf16>) -> tensor<4x5xf16> {
  // CHECK: kiln.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} {reduction = #kiln.scatter_reduction<mul>} : (tensor<4x5xf16>, tensor<7x2xi32>, tensor<7xf16>) -> tensor<4x5xf16>
  %0 = kiln.scatter_nd %x, %i, %u {reduction = #kiln.scatter_reduction<mul>} : (tensor<4x5xf16>, tensor<7x2xi32>, tensor<7xf16>) -> tensor<4x5xf16>
  return %0 : tensor<4x5xf16>
}

// CHECK-LABEL: func.func @scatter_nd_per_axis_quantized_kept
func.func @scatter_nd_per_axis_quantized_kept(%x: tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, %i: tensor<4x1xi64>, %u: tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>> {
  // CHECK: kiln.scatter_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>, tensor<4x1xi64>, tensor<4x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>) -> tensor<4x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01}>>
  %0 = kiln.scatter_nd %x, %i, %u : (tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, tensor<4x1xi64>, tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>) -> tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  return %0 : tensor<4x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @trilu
func.func @trilu(%x: tensor<2x4x4xf32>) -> tensor<2x4x4xf32> {
  // CHECK: kiln.trilu %{{.*}} {k = 1 : i64, upper} : tensor<2x4x4xf32> -> tensor<2x4x4xf32>
  %0 = kiln.trilu %x {upper, k = 1 : i64} : tensor<2x4x4xf32> -> tensor<2x4x4xf32>
  return %0 : tensor<2x4x4xf32>
}

// CHECK-LABEL: func.func @trilu_lower_default_k
func.func @trilu_lower_default_k(%x: tensor<3x?xi64>) -> tensor<3x?xi64> {
  // CHECK: kiln.trilu %{{.*}} : tensor<3x?xi64> -> tensor<3x?xi64>
  %0 = kiln.trilu %x : tensor<3x?xi64> -> tensor<3x?xi64>
  return %0 : tensor<3x?xi64>
}

// CHECK-LABEL: func.func @trilu_quantized_negative_k
func.func @trilu_quantized_negative_k(%x: tensor<4x4x!quant.uniform<i8:f32, 0.5:1>>) -> tensor<4x4x!quant.uniform<i8:f32, 0.5:1>> {
  // CHECK: kiln.trilu %{{.*}} {k = -1 : i64} : tensor<4x4x!quant.uniform<i8:f32, 5.000000e-01:1>> -> tensor<4x4x!quant.uniform<i8:f32, 5.000000e-01:1>>
  %0 = kiln.trilu %x {k = -1 : i64} : tensor<4x4x!quant.uniform<i8:f32, 0.5:1>> -> tensor<4x4x!quant.uniform<i8:f32, 0.5:1>>
  return %0 : tensor<4x4x!quant.uniform<i8:f32, 0.5:1>>
}

// CHECK-LABEL: func.func @non_zero
func.func @non_zero(%x: tensor<2x3xi1>, %y: tensor<?xf32>) -> (tensor<2x?xi64>, tensor<1x5xi64>) {
  // CHECK: kiln.non_zero %{{.*}} : tensor<2x3xi1> -> tensor<2x?xi64>
  %0 = kiln.non_zero %x : tensor<2x3xi1> -> tensor<2x?xi64>
  // CHECK: kiln.non_zero %{{.*}} : tensor<?xf32> -> tensor<1x5xi64>
  %1 = kiln.non_zero %y : tensor<?xf32> -> tensor<1x5xi64>
  return %0, %1 : tensor<2x?xi64>, tensor<1x5xi64>
}

// CHECK-LABEL: func.func @compress
func.func @compress(%x: tensor<3x4xf32>, %keep: tensor<3xi1>, %mask: tensor<?xi1>) -> (tensor<3x?xf32>, tensor<7xf32>) {
  // CHECK: kiln.compress %{{.*}}, %{{.*}} {axis = 1 : i64} : tensor<3x4xf32>, tensor<3xi1> -> tensor<3x?xf32>
  %0 = kiln.compress %x, %keep {axis = 1 : i64} : tensor<3x4xf32>, tensor<3xi1> -> tensor<3x?xf32>
  // CHECK: kiln.compress %{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<?xi1> -> tensor<7xf32>
  %1 = kiln.compress %x, %mask : tensor<3x4xf32>, tensor<?xi1> -> tensor<7xf32>
  return %0, %1 : tensor<3x?xf32>, tensor<7xf32>
}

// CHECK-LABEL: func.func @unique
func.func @unique(%x: tensor<6xi64>, %y: tensor<2x4x2xf32>) -> (tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>, tensor<2x3x2xf32>, tensor<4xi64>) {
  // CHECK: kiln.unique %{{.*}} {sorted} : tensor<6xi64> -> tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
  %0:4 = kiln.unique %x {sorted} : tensor<6xi64> -> tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
  // CHECK: kiln.unique %{{.*}} {axis = 1 : i64} : tensor<2x4x2xf32> -> tensor<2x3x2xf32>, tensor<3xi64>, tensor<4xi64>, tensor<3xi64>
  %1:4 = kiln.unique %y {axis = 1 : i64} : tensor<2x4x2xf32> -> tensor<2x3x2xf32>, tensor<3xi64>, tensor<4xi64>, tensor<3xi64>
  return %0#0, %0#1, %0#2, %0#3, %1#0, %1#2 : tensor<?xi64>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>, tensor<2x3x2xf32>, tensor<4xi64>
}
