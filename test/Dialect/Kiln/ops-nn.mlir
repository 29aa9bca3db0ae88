// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul_f32
func.func @matmul_f32(%a: tensor<4x2x3xf32>, %b: tensor<3x5xf32>) -> tensor<4x2x5xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<4x2x3xf32>, tensor<3x5xf32> -> tensor<4x2x5xf32>
  %0 = kiln.matmul %a, %b : tensor<4x2x3xf32>, tensor<3x5xf32> -> tensor<4x2x5xf32>
  return %0 : tensor<4x2x5xf32>
}

// CHECK-LABEL: func.func @matmul_vector_operands
func.func @matmul_vector_operands(%a: tensor<3xf32>, %b: tensor<2x3x5xf32>, %c: tensor<5xf32>) -> (tensor<2x5xf32>, tensor<2x3xf32>) {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<3xf32>, tensor<2x3x5xf32> -> tensor<2x5xf32>
  %0 = kiln.matmul %a, %b : tensor<3xf32>, tensor<2x3x5xf32> -> tensor<2x5xf32>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<2x3x5xf32>, tensor<5xf32> -> tensor<2x3xf32>
  %1 = kiln.matmul %b, %c : tensor<2x3x5xf32>, tensor<5xf32> -> tensor<2x3xf32>
  return %0, %1 : tensor<2x5xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @matmul_dynamic
func.func @matmul_dynamic(%a: tensor<?x?x3xf32>, %b: tensor<3x5xf32>) -> tensor<?x?x5xf32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<?x?x3xf32>, tensor<3x5xf32> -> tensor<?x?x5xf32>
  %0 = kiln.matmul %a, %b : tensor<?x?x3xf32>, tensor<3x5xf32> -> tensor<?x?x5xf32>
  return %0 : tensor<?x?x5xf32>
}

// CHECK-LABEL: func.func @matmul_integer
func.func @matmul_integer(%a: tensor<2x3xui8>, %b: tensor<3x4xi8>) -> tensor<2x4xi32> {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3x4xi8> -> tensor<2x4xi32>
  %0 = kiln.matmul %a, %b : tensor<2x3xui8>, tensor<3x4xi8> -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

// CHECK-LABEL: func.func @matmul_quantized
func.func @matmul_quantized(%a: tensor<2x3x!quant.uniform<i8:f32, 0.5:3>>, %b: tensor<3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>) -> (tensor<2x4x!quant.uniform<i8:f32, 0.25:-1>>, tensor<2x4xi32>) {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : tensor<2x3x!quant.uniform<i8:f32, 5.000000e-01:3>>, tensor<3x4x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>> -> tensor<2x4x!quant.uniform<i8:f32, 2.500000e-01:-1>>
  %0 = kiln.matmul %a, %b : tensor<2x3x!quant.uniform<i8:f32, 0.5:3>>, tensor<3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>> -> tensor<2x4x!quant.uniform<i8:f32, 0.25:-1>>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} : {{.*}} -> tensor<2x4xi32>
  %1 = kiln.matmul %a, %b : tensor<2x3x!quant.uniform<i8:f32, 0.5:3>>, tensor<3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>> -> tensor<2x4xi32>
  return %0, %1 : tensor<2x4x!quant.uniform<i8:f32, 0.25:-1>>, tensor<2x4xi32>
}

// CHECK-LABEL: func.func @conv_2d
func.func @conv_2d(%x: tensor<1x3x224x224xf32>, %w: tensor<64x3x7x7xf32>, %b: tensor<64xf32>) -> tensor<1x64x112x112xf32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 2, 2>} : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 3, 3, 3, 3>} : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
  return %0 : tensor<1x64x112x112xf32>
}

// CHECK-LABEL: func.func @conv_1d_grouped_no_bias
func.func @conv_1d_grouped_no_bias(%x: tensor<2x8x10xf16>, %w: tensor<4x4x3xf16>) -> tensor<2x4x6xf16> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} {dilations = array<i64: 2>, group = 2 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<2x8x10xf16>, tensor<4x4x3xf16>) -> tensor<2x4x6xf16>
  %0 = kiln.conv %x, %w {strides = array<i64: 1>, dilations = array<i64: 2>, pads = array<i64: 0, 0>, group = 2} : (tensor<2x8x10xf16>, tensor<4x4x3xf16>) -> tensor<2x4x6xf16>
  return %0 : tensor<2x4x6xf16>
}

// CHECK-LABEL: func.func @conv_3d_dynamic
func.func @conv_3d_dynamic(%x: tensor<?x4x?x8x8xf32>, %w: tensor<8x4x3x3x3xf32>) -> tensor<?x8x?x4x4xf32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} {{.*}} : (tensor<?x4x?x8x8xf32>, tensor<8x4x3x3x3xf32>) -> tensor<?x8x?x4x4xf32>
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 2, 2>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 1, 1, 1, 1, 1, 1>} : (tensor<?x4x?x8x8xf32>, tensor<8x4x3x3x3xf32>) -> tensor<?x8x?x4x4xf32>
  return %0 : tensor<?x8x?x4x4xf32>
}

// CHECK-LABEL: func.func @conv_quantized_per_channel
func.func @conv_quantized_per_channel(%x: tensor<1x3x8x8x!quant.uniform<u8:f32, 0.02:128>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, %b: tensor<2xi32>) -> tensor<1x2x6x6x!quant.uniform<u8:f32, 0.05:10>> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x8x8x!quant.uniform<u8:f32, 2.000000e-02:128>>, tensor<2x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>, tensor<2xi32>) -> tensor<1x2x6x6x!quant.uniform<u8:f32, 5.000000e-02:10>>
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8x!quant.uniform<u8:f32, 0.02:128>>, tensor<2x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, tensor<2xi32>) -> tensor<1x2x6x6x!quant.uniform<u8:f32, 0.05:10>>
  return %0 : tensor<1x2x6x6x!quant.uniform<u8:f32, 0.05:10>>
}

// CHECK-LABEL: func.func @conv_quantized_bias
func.func @conv_quantized_bias(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.02>>, %w: tensor<2x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, %b: tensor<2x!quant.uniform<i32:f32:0, {0.002, 0.004}>>) -> tensor<1x2x6x6xi32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}}, %{{.*}} {{.*}} : ({{.*}}, tensor<2x!quant.uniform<i32:f32:0, {2.000000e-03,4.000000e-03}>>) -> tensor<1x2x6x6xi32>
  %0 = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.02>>, tensor<2x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>, tensor<2x!quant.uniform<i32:f32:0, {0.002, 0.004}>>) -> tensor<1x2x6x6xi32>
  return %0 : tensor<1x2x6x6xi32>
}

// CHECK-LABEL: func.func @conv_integer
func.func @conv_integer(%x: tensor<1x3x8x8xui8>, %w: tensor<2x3x3x3xi8>) -> tensor<1x2x6x6xi32> {
  // CHECK: kiln.conv %{{.*}}, %{{.*}} {{.*}} : (tensor<1x3x8x8xui8>, tensor<2x3x3x3xi8>) -> tensor<1x2x6x6xi32>
  %0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x3x8x8xui8>, tensor<2x3x3x3xi8>) -> tensor<1x2x6x6xi32>
  return %0 : tensor<1x2x6x6xi32>
}

// CHECK-LABEL: func.func @batch_norm
func.func @batch_norm(%x: tensor<1x64x56x56xf32>, %s: tensor<64xf32>, %b: tensor<64xf32>, %m: tensor<64xf32>, %v: tensor<64xf32>) -> (tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>) {
  // CHECK: kiln.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %0 = kiln.batch_norm %x, %s, %b, %m, %v : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  // CHECK: kiln.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f32} : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  %1 = kiln.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f32} : (tensor<1x64x56x56xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x56x56xf32>
  return %0, %1 : tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>
}

// CHECK-LABEL: func.func @batch_norm_2d
func.func @batch_norm_2d(%x: tensor<8x16xbf16>, %p: tensor<16xbf16>) -> tensor<8x16xbf16> {
  // CHECK: kiln.batch_norm {{.*}} : (tensor<8x16xbf16>, tensor<16xbf16>, tensor<16xbf16>, tensor<16xbf16>, tensor<16xbf16>) -> tensor<8x16xbf16>
  %0 = kiln.batch_norm %x, %p, %p, %p, %p : (tensor<8x16xbf16>, tensor<16xbf16>, tensor<16xbf16>, tensor<16xbf16>, tensor<16xbf16>) -> tensor<8x16xbf16>
  return %0 : tensor<8x16xbf16>
}

// CHECK-LABEL: func.func @conv_transpose_2d
func.func @conv_transpose_2d(%x: tensor<1x64x28x28xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x56x56xf32> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x64x28x28xf32>, tensor<64x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x56x56xf32>
  %0 = kiln.conv_transpose %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>} : (tensor<1x64x28x28xf32>, tensor<64x32x3x3xf32>, tensor<32xf32>) -> tensor<1x32x56x56xf32>
  return %0 : tensor<1x32x56x56xf32>
}

// CHECK-LABEL: func.func @conv_transpose_1d_grouped_dilated
func.func @conv_transpose_1d_grouped_dilated(%x: tensor<2x8x5xf32>, %w: tensor<8x3x3xf32>) -> tensor<2x6x10xf32> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}} {dilations = array<i64: 2>, group = 2 : i64, output_padding = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<2x8x5xf32>, tensor<8x3x3xf32>) -> tensor<2x6x10xf32>
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1>, dilations = array<i64: 2>, pads = array<i64: 0, 0>, output_padding = array<i64: 1>, group = 2} : (tensor<2x8x5xf32>, tensor<8x3x3xf32>) -> tensor<2x6x10xf32>
  return %0 : tensor<2x6x10xf32>
}

// CHECK-LABEL: func.func @conv_transpose_3d_dynamic
func.func @conv_transpose_3d_dynamic(%x: tensor<?x4x?x4x4xf32>, %w: tensor<4x2x2x2x2xf32>) -> tensor<?x2x?x8x8xf32> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}} {{.*}} : (tensor<?x4x?x4x4xf32>, tensor<4x2x2x2x2xf32>) -> tensor<?x2x?x8x8xf32>
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 2, 2, 2>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>, output_padding = array<i64: 0, 0, 0>} : (tensor<?x4x?x4x4xf32>, tensor<4x2x2x2x2xf32>) -> tensor<?x2x?x8x8xf32>
  return %0 : tensor<?x2x?x8x8xf32>
}

// CHECK-LABEL: func.func @conv_transpose_quantized
func.func @conv_transpose_quantized(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>, %w: tensor<2x3x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, %b: tensor<3xi32>) -> tensor<1x3x8x8x!quant.uniform<i8:f32, 0.2:5>> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}}, %{{.*}} {{.*}} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<2x3x2x2x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>, tensor<3xi32>) -> tensor<1x3x8x8x!quant.uniform<i8:f32, 2.000000e-01:5>>
  %0 = kiln.conv_transpose %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x2x2x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>, tensor<3xi32>) -> tensor<1x3x8x8x!quant.uniform<i8:f32, 0.2:5>>
  return %0 : tensor<1x3x8x8x!quant.uniform<i8:f32, 0.2:5>>
}

// CHECK-LABEL: func.func @conv_transpose_integer
func.func @conv_transpose_integer(%x: tensor<1x2x4x4xui8>, %w: tensor<2x3x2x2xi8>) -> tensor<1x3x5x5xi32> {
  // CHECK: kiln.conv_transpose %{{.*}}, %{{.*}} {{.*}} : (tensor<1x2x4x4xui8>, tensor<2x3x2x2xi8>) -> tensor<1x3x5x5xi32>
  %0 = kiln.conv_transpose %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, output_padding = array<i64: 0, 0>} : (tensor<1x2x4x4xui8>, tensor<2x3x2x2xi8>) -> tensor<1x3x5x5xi32>
  return %0 : tensor<1x3x5x5xi32>
}

// CHECK-LABEL: func.func @gemm_defaults
func.func @gemm_defaults(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // CHECK: kiln.gemm %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %0 = kiln.gemm %a, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @gemm_transposed_with_c
func.func @gemm_transposed_with_c(%a: tensor<3x2xf32>, %b: tensor<4x3xf32>, %c: tensor<4xf32>, %c2: tensor<2x1xf32>, %c0: tensor<f32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) {
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32, trans_a, trans_b} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  %0 = kiln.gemm %a, %b, %c {trans_a, trans_b, alpha = 0.5 : f32, beta = 2.0 : f32} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} {trans_a, trans_b} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  %1 = kiln.gemm %a, %b, %c2 {trans_a, trans_b} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} {trans_a, trans_b} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<f32>) -> tensor<2x4xf32>
  %2 = kiln.gemm %a, %b, %c0 {trans_a, trans_b} : (tensor<3x2xf32>, tensor<4x3xf32>, tensor<f32>) -> tensor<2x4xf32>
  return %0, %1, %2 : tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @gemm_dynamic
func.func @gemm_dynamic(%a: tensor<?x512xf32>, %b: tensor<1000x?xf32>, %c: tensor<1000xf32>) -> tensor<?x1000xf32> {
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} {trans_b} : (tensor<?x512xf32>, tensor<1000x?xf32>, tensor<1000xf32>) -> tensor<?x1000xf32>
  %0 = kiln.gemm %a, %b, %c {trans_b} : (tensor<?x512xf32>, tensor<1000x?xf32>, tensor<1000xf32>) -> tensor<?x1000xf32>
  return %0 : tensor<?x1000xf32>
}

// CHECK-LABEL: func.func @gemm_quantized
func.func @gemm_quantized(%a: tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, %b: tensor<3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>, %c: tensor<4xi32>) -> tensor<2x4x!quant.uniform<u8:f32, 0.5:128>> {
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} {alpha = 2.000000e+00 : f32} : (tensor<2x3x!quant.uniform<u8:f32, 1.000000e-01:128>>, tensor<3x4x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>, tensor<4xi32>) -> tensor<2x4x!quant.uniform<u8:f32, 5.000000e-01:128>>
  %0 = kiln.gemm %a, %b, %c {alpha = 2.0 : f32} : (tensor<2x3x!quant.uniform<u8:f32, 0.1:128>>, tensor<3x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>, tensor<4xi32>) -> tensor<2x4x!quant.uniform<u8:f32, 0.5:128>>
  return %0 : tensor<2x4x!quant.uniform<u8:f32, 0.5:128>>
}

// CHECK-LABEL: func.func @gemm_integer
func.func @gemm_integer(%a: tensor<2x3xi8>, %b: tensor<3x4xi8>, %c: tensor<2x4xi32>) -> tensor<2x4xi32> {
  // CHECK: kiln.gemm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi8>, tensor<3x4xi8>, tensor<2x4xi32>) -> tensor<2x4xi32>
  %0 = kiln.gemm %a, %b, %c : (tensor<2x3xi8>, tensor<3x4xi8>, tensor<2x4xi32>) -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

// CHECK-LABEL: func.func @det
func.func @det(%x: tensor<2x2xf32>, %y: tensor<3x?x4x4xf16>, %z: tensor<?x?xf64>) -> (tensor<f32>, tensor<3x?xf16>, tensor<f64>) {
  // CHECK: kiln.det %{{.*}} : tensor<2x2xf32> -> tensor<f32>
  %0 = kiln.det %x : tensor<2x2xf32> -> tensor<f32>
  // CHECK: kiln.det %{{.*}} : tensor<3x?x4x4xf16> -> tensor<3x?xf16>
  %1 = kiln.det %y : tensor<3x?x4x4xf16> -> tensor<3x?xf16>
  // CHECK: kiln.det %{{.*}} : tensor<?x?xf64> -> tensor<f64>
  %2 = kiln.det %z : tensor<?x?xf64> -> tensor<f64>
  return %0, %1, %2 : tensor<f32>, tensor<3x?xf16>, tensor<f64>
}

// CHECK-LABEL: func.func @max_pool_2d
func.func @max_pool_2d(%x: tensor<1x64x112x112xf32>) -> tensor<1x64x56x56xf32> {
  // CHECK: kiln.max_pool %{{.*}} {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} : tensor<1x64x112x112xf32> -> tensor<1x64x56x56xf32>
  return %0 : tensor<1x64x56x56xf32>
}

// CHECK-LABEL: func.func @max_pool_ceil_mode
func.func @max_pool_ceil_mode(%x: tensor<1x2x6x6xf32>) -> (tensor<1x2x3x3xf32>, tensor<1x2x2x2xf32>) {
  // CHECK: kiln.max_pool %{{.*}} {ceil_mode, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode} : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  // CHECK: kiln.max_pool %{{.*}} {dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x2x6x6xf32> -> tensor<1x2x2x2xf32>
  %1 = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x2x6x6xf32> -> tensor<1x2x2x2xf32>
  return %0, %1 : tensor<1x2x3x3xf32>, tensor<1x2x2x2xf32>
}

// CHECK-LABEL: func.func @max_pool_1d_3d_dilated
func.func @max_pool_1d_3d_dilated(%x: tensor<1x4x10xi8>, %y: tensor<1x2x?x8x8xui8>) -> (tensor<1x4x6xi8>, tensor<1x2x?x4x4xui8>) {
  // CHECK: kiln.max_pool %{{.*}} {dilations = array<i64: 2>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : tensor<1x4x10xi8> -> tensor<1x4x6xi8>
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 3>, strides = array<i64: 1>, dilations = array<i64: 2>, pads = array<i64: 0, 0>} : tensor<1x4x10xi8> -> tensor<1x4x6xi8>
  // CHECK: kiln.max_pool %{{.*}} {{.*}} : tensor<1x2x?x8x8xui8> -> tensor<1x2x?x4x4xui8>
  %1 = kiln.max_pool %y {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, dilations = array<i64: 1, 1, 1>, pads = array<i64: 0, 0, 0, 0, 0, 0>} : tensor<1x2x?x8x8xui8> -> tensor<1x2x?x4x4xui8>
  return %0, %1 : tensor<1x4x6xi8>, tensor<1x2x?x4x4xui8>
}

// CHECK-LABEL: func.func @max_pool_quantized
func.func @max_pool_quantized(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.1:-3>> {
  // CHECK: kiln.max_pool %{{.*}} {{.*}} : tensor<1x4x8x8x!quant.uniform<i8:f32, 1.000000e-01:-3>> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>
  %0 = kiln.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.1:-3>>
  return %0 : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.1:-3>>
}

// CHECK-LABEL: func.func @max_pool_with_indices
func.func @max_pool_with_indices(%x: tensor<1x1x5x5xf32>, %y: tensor<2x3x8xi8>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, tensor<2x3x4xi8>, tensor<2x3x4xi64>) {
  // CHECK: kiln.max_pool_with_indices %{{.*}} {column_major, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
  %0, %1 = kiln.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, column_major} : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
  // CHECK: kiln.max_pool_with_indices %{{.*}} {ceil_mode, dilations = array<i64: 1>, kernel_shape = array<i64: 3>, pads = array<i64: 1, 0>, strides = array<i64: 2>} : tensor<2x3x8xi8> -> tensor<2x3x4xi8>, tensor<2x3x4xi64>
  %2, %3 = kiln.max_pool_with_indices %y {kernel_shape = array<i64: 3>, strides = array<i64: 2>, dilations = array<i64: 1>, pads = array<i64: 1, 0>, ceil_mode} : tensor<2x3x8xi8> -> tensor<2x3x4xi8>, tensor<2x3x4xi64>
  return %0, %1, %2, %3 : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>, tensor<2x3x4xi8>, tensor<2x3x4xi64>
}

// CHECK-LABEL: func.func @average_pool
func.func @average_pool(%x: tensor<1x64x7x7xf32>) -> (tensor<1x64x4x4xf32>, tensor<1x64x7x7xf32>) {
  // CHECK: kiln.average_pool %{{.*}} {ceil_mode, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x64x7x7xf32> -> tensor<1x64x4x4xf32>
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode} : tensor<1x64x7x7xf32> -> tensor<1x64x4x4xf32>
  // CHECK: kiln.average_pool %{{.*}} {count_include_pad, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : tensor<1x64x7x7xf32> -> tensor<1x64x7x7xf32>
  %1 = kiln.average_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, count_include_pad} : tensor<1x64x7x7xf32> -> tensor<1x64x7x7xf32>
  return %0, %1 : tensor<1x64x4x4xf32>, tensor<1x64x7x7xf32>
}

// CHECK-LABEL: func.func @average_pool_1d_dynamic
func.func @average_pool_1d_dynamic(%x: tensor<?x8x?xf16>) -> tensor<?x8x?xf16> {
  // CHECK: kiln.average_pool %{{.*}} {{.*}} : tensor<?x8x?xf16> -> tensor<?x8x?xf16>
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 4>, strides = array<i64: 4>, dilations = array<i64: 1>, pads = array<i64: 0, 0>} : tensor<?x8x?xf16> -> tensor<?x8x?xf16>
  return %0 : tensor<?x8x?xf16>
}

// CHECK-LABEL: func.func @average_pool_quantized
func.func @average_pool_quantized(%x: tensor<1x4x8x8x!quant.uniform<u8:f32, 0.1:128>>) -> tensor<1x4x4x4x!quant.uniform<u8:f32, 0.05:120>> {
  // CHECK: kiln.average_pool %{{.*}} {{.*}} : tensor<1x4x8x8x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<1x4x4x4x!quant.uniform<u8:f32, 5.000000e-02:120>>
  %0 = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x4x8x8x!quant.uniform<u8:f32, 0.1:128>> -> tensor<1x4x4x4x!quant.uniform<u8:f32, 0.05:120>>
  return %0 : tensor<1x4x4x4x!quant.uniform<u8:f32, 0.05:120>>
}

// CHECK-LABEL: func.func @global_average_pool
func.func @global_average_pool(%x: tensor<1x512x7x7xf32>, %y: tensor<?x16x?x4x4x!quant.uniform<i8:f32, 0.1>>) -> (tensor<1x512x1x1xf32>, tensor<?x16x1x1x1x!quant.uniform<i8:f32, 0.2:1>>) {
  // CHECK: kiln.global_average_pool %{{.*}} : tensor<1x512x7x7xf32> -> tensor<1x512x1x1xf32>
  %0 = kiln.global_average_pool %x : tensor<1x512x7x7xf32> -> tensor<1x512x1x1xf32>
  // CHECK: kiln.global_average_pool %{{.*}} : tensor<?x16x?x4x4x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<?x16x1x1x1x!quant.uniform<i8:f32, 2.000000e-01:1>>
  %1 = kiln.global_average_pool %y : tensor<?x16x?x4x4x!quant.uniform<i8:f32, 0.1>> -> tensor<?x16x1x1x1x!quant.uniform<i8:f32, 0.2:1>>
  return %0, %1 : tensor<1x512x1x1xf32>, tensor<?x16x1x1x1x!quant.uniform<i8:f32, 0.2:1>>
}

// CHECK-LABEL: func.func @global_max_pool
func.func @global_max_pool(%x: tensor<1x8x10xf32>, %y: tensor<2x3x4x5xi8>) -> (tensor<1x8x1xf32>, tensor<2x3x1x1xi8>) {
  // CHECK: kiln.global_max_pool %{{.*}} : tensor<1x8x10xf32> -> tensor<1x8x1xf32>
  %0 = kiln.global_max_pool %x : tensor<1x8x10xf32> -> tensor<1x8x1xf32>
  // CHECK: kiln.global_max_pool %{{.*}} : tensor<2x3x4x5xi8> -> tensor<2x3x1x1xi8>
  %1 = kiln.global_max_pool %y : tensor<2x3x4x5xi8> -> tensor<2x3x1x1xi8>
  return %0, %1 : tensor<1x8x1xf32>, tensor<2x3x1x1xi8>
}

// CHECK-LABEL: func.func @softmax
func.func @softmax(%x: tensor<1x1000xf32>, %q: tensor<2x5x!quant.uniform<u8:f32, 0.1:128>>) -> (tensor<1x1000xf32>, tensor<2x5x!quant.uniform<u8:f32, 0.00390625>>) {
  // CHECK: kiln.softmax %{{.*}} {axis = 1 : i64} : tensor<1x1000xf32> -> tensor<1x1000xf32>
  %0 = kiln.softmax %x {axis = 1 : i64} : tensor<1x1000xf32> -> tensor<1x1000xf32>
  // CHECK: kiln.softmax %{{.*}} {axis = 0 : i64} : tensor<2x5x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<2x5x!quant.uniform<u8:f32, 3.906250e-03>>
  %1 = kiln.softmax %q {axis = 0 : i64} : tensor<2x5x!quant.uniform<u8:f32, 0.1:128>> -> tensor<2x5x!quant.uniform<u8:f32, 0.00390625>>
  return %0, %1 : tensor<1x1000xf32>, tensor<2x5x!quant.uniform<u8:f32, 0.00390625>>
}

// CHECK-LABEL: func.func @log_softmax
func.func @log_softmax(%x: tensor<?x3x4xbf16>) -> tensor<?x3x4xbf16> {
  // CHECK: kiln.log_softmax %{{.*}} {axis = 2 : i64} : tensor<?x3x4xbf16> -> tensor<?x3x4xbf16>
  %0 = kiln.log_softmax %x {axis = 2 : i64} : tensor<?x3x4xbf16> -> tensor<?x3x4xbf16>
  return %0 : tensor<?x3x4xbf16>
}

// CHECK-LABEL: func.func @layer_norm
func.func @layer_norm(%x: tensor<1x128x768xf32>, %s: tensor<768xf32>, %b: tensor<768xf32>) -> tensor<1x128x768xf32> {
  // CHECK: kiln.layer_norm %{{.*}}, %{{.*}}, %{{.*}} {axis = 2 : i64} : (tensor<1x128x768xf32>, tensor<768xf32>, tensor<768xf32>) -> tensor<1x128x768xf32>
  %0 = kiln.layer_norm %x, %s, %b {axis = 2 : i64} : (tensor<1x128x768xf32>, tensor<768xf32>, tensor<768xf32>) -> tensor<1x128x768xf32>
  return %0 : tensor<1x128x768xf32>
}

// CHECK-LABEL: func.func @layer_norm_no_bias_broadcast
func.func @layer_norm_no_bias_broadcast(%x: tensor<2x?x4x5xf16>, %s: tensor<1x5xf16>) -> tensor<2x?x4x5xf16> {
  // CHECK: kiln.layer_norm %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x?x4x5xf16>, tensor<1x5xf16>) -> tensor<2x?x4x5xf16>
  %0 = kiln.layer_norm %x, %s {axis = 1 : i64, epsilon = 1.0e-5 : f32} : (tensor<2x?x4x5xf16>, tensor<1x5xf16>) -> tensor<2x?x4x5xf16>
  // CHECK: kiln.layer_norm %{{.*}}, %{{.*}} {axis = 0 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x?x4x5xf16>, tensor<1x5xf16>) -> tensor<2x?x4x5xf16>
  %1 = kiln.layer_norm %0, %s {axis = 0 : i64, epsilon = 1.0e-3 : f32} : (tensor<2x?x4x5xf16>, tensor<1x5xf16>) -> tensor<2x?x4x5xf16>
  return %1 : tensor<2x?x4x5xf16>
}

// CHECK-LABEL: func.func @instance_norm
func.func @instance_norm(%x: tensor<1x64x32x32xf32>, %s: tensor<64xf32>, %b: tensor<64xf32>, %y: tensor<?x?x10xf32>) -> (tensor<1x64x32x32xf32>, tensor<?x?x10xf32>) {
  // CHECK: kiln.instance_norm %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f32} : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x32x32xf32>
  %0 = kiln.instance_norm %x, %s, %b {epsilon = 1.0e-03 : f32} : (tensor<1x64x32x32xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x64x32x32xf32>
  // CHECK: kiln.instance_norm %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x?x10xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x?x10xf32>
  %1 = kiln.instance_norm %y, %s, %b : (tensor<?x?x10xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<?x?x10xf32>
  return %0, %1 : tensor<1x64x32x32xf32>, tensor<?x?x10xf32>
}

// CHECK-LABEL: func.func @lp_normalization
func.func @lp_normalization(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  // CHECK: kiln.lp_normalization %{{.*}} {axis = 1 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  %0 = kiln.lp_normalization %x {axis = 1 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  // CHECK: kiln.lp_normalization %{{.*}} {axis = 0 : i64, p = 1 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  %1 = kiln.lp_normalization %x {axis = 0 : i64, p = 1 : i64} : tensor<2x8xf32> -> tensor<2x8xf32>
  return %0, %1 : tensor<2x8xf32>, tensor<2x8xf32>
}

// CHECK-LABEL: func.func @depth_to_space
func.func @depth_to_space(%x: tensor<1x16x8x8xf32>, %q: tensor<?x8x?x3x!quant.uniform<i8:f32:0, {0.1}>>) -> (tensor<1x4x16x16xf32>, tensor<1x4x16x16xf32>, tensor<?x2x?x6x!quant.uniform<i8:f32:0, {0.1}>>) {
  // CHECK: kiln.depth_to_space %{{.*}} {blocksize = 2 : i64} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  %0 = kiln.depth_to_space %x {blocksize = 2 : i64} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  // CHECK: kiln.depth_to_space %{{.*}} {blocksize = 2 : i64, mode = #kiln.depth_to_space_mode<crd>} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  %1 = kiln.depth_to_space %x {blocksize = 2 : i64, mode = #kiln.depth_to_space_mode<crd>} : tensor<1x16x8x8xf32> -> tensor<1x4x16x16xf32>
  // CHECK: kiln.depth_to_space %{{.*}} {blocksize = 2 : i64} : tensor<?x8x?x3x!quant.uniform<i8:f32:0, {1.000000e-01}>> -> tensor<?x2x?x6x!quant.uniform<i8:f32:0, {1.000000e-01}>>
  %2 = kiln.depth_to_space %q {blocksize = 2 : i64} : tensor<?x8x?x3x!quant.uniform<i8:f32:0, {0.1}>> -> tensor<?x2x?x6x!quant.uniform<i8:f32:0, {0.1}>>
  return %0, %1, %2 : tensor<1x4x16x16xf32>, tensor<1x4x16x16xf32>, tensor<?x2x?x6x!quant.uniform<i8:f32:0, {0.1}>>
}

// CHECK-LABEL: func.func @space_to_depth
func.func @space_to_depth(%x: tensor<1x4x16x16xi8>, %y: tensor<1x?x?x6x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<1x64x4x4xi8>, tensor<1x?x?x2x!quant.uniform<u8:f32, 0.5:3>>) {
  // CHECK: kiln.space_to_depth %{{.*}} {blocksize = 4 : i64} : tensor<1x4x16x16xi8> -> tensor<1x64x4x4xi8>
  %0 = kiln.space_to_depth %x {blocksize = 4 : i64} : tensor<1x4x16x16xi8> -> tensor<1x64x4x4xi8>
  // CHECK: kiln.space_to_depth %{{.*}} {blocksize = 3 : i64} : tensor<1x?x?x6x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<1x?x?x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
  %1 = kiln.space_to_depth %y {blocksize = 3 : i64} : tensor<1x?x?x6x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x?x?x2x!quant.uniform<u8:f32, 0.5:3>>
  return %0, %1 : tensor<1x64x4x4xi8>, tensor<1x?x?x2x!quant.uniform<u8:f32, 0.5:3>>
}
