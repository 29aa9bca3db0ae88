// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @quantize_per_tensor
func.func @quantize_per_tensor(%x: tensor<1x64xf32>) -> tensor<1x64x!quant.uniform<i8:f32, 5.000000e-02:-3>> {
  // CHECK: kiln.quantize %{{.*}} : tensor<1x64xf32> -> tensor<1x64x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  %q = kiln.quantize %x : tensor<1x64xf32> -> tensor<1x64x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return %q : tensor<1x64x!quant.uniform<i8:f32, 5.000000e-02:-3>>
}

// CHECK-LABEL: func.func @quantize_unsigned_dynamic
func.func @quantize_unsigned_dynamic(%x: tensor<?x8xf16>) -> tensor<?x8x!quant.uniform<u8:f16, 1.250000e-01:128>> {
  // CHECK: kiln.quantize %{{.*}} : tensor<?x8xf16> -> tensor<?x8x!quant.uniform<u8:f16, 1.250000e-01:128>>
  %q = kiln.quantize %x : tensor<?x8xf16> -> tensor<?x8x!quant.uniform<u8:f16, 1.250000e-01:128>>
  return %q : tensor<?x8x!quant.uniform<u8:f16, 1.250000e-01:128>>
}

// A per-channel int8 conv weight dequantized into a conv.
// CHECK-LABEL: func.func @per_channel_weight_into_conv
// CHECK-SAME: %[[W:[a-z0-9]+]]: tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>
func.func @per_channel_weight_into_conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>>) -> tensor<1x4x8x8xf32> {
  // CHECK: %[[D:[a-z0-9]+]] = kiln.dequantize %[[W]] : tensor<4x3x3x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>> -> tensor<4x3x3x3xf32>
  %d = kiln.dequantize %w : tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3, 0.4}>> -> tensor<4x3x3x3xf32>
  // CHECK: kiln.conv %{{.*}}, %[[D]]
  %y = kiln.conv %x, %d {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// Blocked (sub-channel) int4 weights: one scale per row and 32 elements of axis 1.
// CHECK-LABEL: func.func @dequantize_blocked_int4
func.func @dequantize_blocked_int4(%w: tensor<2x64x!quant.uniform<i4:f32:{0:1,1:32}, {{0.5, 0.25}, {1.0, 2.0}}>>) -> tensor<2x64xf32> {
  // CHECK: kiln.dequantize %{{.*}} : tensor<2x64x!quant.uniform<i4:f32:{0:1, 1:32}, {{\{}}{5.000000e-01, 2.500000e-01}, {1.000000e+00, 2.000000e+00}}>> -> tensor<2x64xf32>
  %d = kiln.dequantize %w : tensor<2x64x!quant.uniform<i4:f32:{0:1,1:32}, {{0.5, 0.25}, {1.0, 2.0}}>> -> tensor<2x64xf32>
  return %d : tensor<2x64xf32>
}

// CHECK-LABEL: func.func @requantize_accumulator
func.func @requantize_accumulator(%acc: tensor<8x!quant.uniform<i32:f32, 1.000000e-03>>) -> tensor<8x!quant.uniform<i8:f32, 1.000000e-01:4>> {
  // CHECK: kiln.requantize %{{.*}} : tensor<8x!quant.uniform<i32:f32, 1.000000e-03>> -> tensor<8x!quant.uniform<i8:f32, 1.000000e-01:4>>
  %r = kiln.requantize %acc : tensor<8x!quant.uniform<i32:f32, 1.000000e-03>> -> tensor<8x!quant.uniform<i8:f32, 1.000000e-01:4>>
  return %r : tensor<8x!quant.uniform<i8:f32, 1.000000e-01:4>>
}

// CHECK-LABEL: func.func @storage_cast_both_ways
func.func @storage_cast_both_ways(%x: tensor<4xui8>, %w: tensor<2x3xi8>) {
  // CHECK: kiln.storage_cast %{{.*}} : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  // CHECK: kiln.storage_cast %{{.*}} : tensor<4x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<4xui8>
  %s = kiln.storage_cast %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xui8>
  // CHECK: kiln.storage_cast %{{.*}} : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>
  %p = kiln.storage_cast %w : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// OCP MX: FP4 elements with a scale per 32 elements of axis 1, and MXINT8
// blocks of 16 along axis 0 (the last one partial).
// CHECK-LABEL: func.func @mx_dequantize
func.func @mx_dequantize(%e: tensor<2x64xf4E2M1FN>, %s: tensor<2x2xf8E8M0FNU>, %i: tensor<40x3xi8>, %t: tensor<3x3xf8E8M0FNU>) -> (tensor<2x64xf32>, tensor<40x3xbf16>) {
  // CHECK: kiln.mx_dequantize %{{.*}}, %{{.*}} {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x64xf32>
  %0 = kiln.mx_dequantize %e, %s {format = #kiln.mx<fp4_e2m1, axis = 1>} : tensor<2x64xf4E2M1FN>, tensor<2x2xf8E8M0FNU> -> tensor<2x64xf32>
  // CHECK: kiln.mx_dequantize %{{.*}}, %{{.*}} {format = #kiln.mx<int8, axis = 0, block_size = 16>} : tensor<40x3xi8>, tensor<3x3xf8E8M0FNU> -> tensor<40x3xbf16>
  %1 = kiln.mx_dequantize %i, %t {format = #kiln.mx<int8, axis = 0, block_size = 16>} : tensor<40x3xi8>, tensor<3x3xf8E8M0FNU> -> tensor<40x3xbf16>
  return %0, %1 : tensor<2x64xf32>, tensor<40x3xbf16>
}

// CHECK-LABEL: func.func @mx_dequantize_float8_and_fp6
func.func @mx_dequantize_float8_and_fp6(%a: tensor<32xf8E4M3FN>, %b: tensor<32xf8E5M2>, %c: tensor<32xf6E2M3FN>, %d: tensor<32xf6E3M2FN>, %s: tensor<1xf8E8M0FNU>) -> (tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>) {
  // CHECK: #kiln.mx<fp8_e4m3, axis = 0>
  %0 = kiln.mx_dequantize %a, %s {format = #kiln.mx<fp8_e4m3, axis = 0>} : tensor<32xf8E4M3FN>, tensor<1xf8E8M0FNU> -> tensor<32xf32>
  // CHECK: #kiln.mx<fp8_e5m2, axis = 0>
  %1 = kiln.mx_dequantize %b, %s {format = #kiln.mx<fp8_e5m2, axis = 0>} : tensor<32xf8E5M2>, tensor<1xf8E8M0FNU> -> tensor<32xf32>
  // CHECK: #kiln.mx<fp6_e2m3, axis = 0>
  %2 = kiln.mx_dequantize %c, %s {format = #kiln.mx<fp6_e2m3, axis = 0>} : tensor<32xf6E2M3FN>, tensor<1xf8E8M0FNU> -> tensor<32xf32>
  // CHECK: #kiln.mx<fp6_e3m2, axis = 0>
  %3 = kiln.mx_dequantize %d, %s {format = #kiln.mx<fp6_e3m2, axis = 0>} : tensor<32xf6E3M2FN>, tensor<1xf8E8M0FNU> -> tensor<32xf32>
  return %0, %1, %2, %3 : tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>
}
