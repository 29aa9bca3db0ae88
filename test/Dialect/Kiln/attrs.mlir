// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @mx_encoding
// CHECK-SAME: tensor<64x128xf32, #kiln.mx<fp4_e2m1, axis = 1>>
// CHECK-SAME: tensor<32x8xbf16, #kiln.mx<int8, axis = 0, block_size = 16>>
func.func @mx_encoding(%a: tensor<64x128xf32, #kiln.mx<fp4_e2m1, axis = 1, block_size = 32>>,
                       %b: tensor<32x8xbf16, #kiln.mx<int8, axis = 0, block_size = 16>>) {
  return
}

// CHECK-LABEL: func.func @mx_element_formats
// CHECK-SAME: kiln.formats = [#kiln.mx<fp8_e4m3, axis = 0>, #kiln.mx<fp8_e5m2, axis = 0>, #kiln.mx<fp6_e2m3, axis = 1>, #kiln.mx<fp6_e3m2, axis = 2>]
func.func @mx_element_formats() attributes {kiln.formats = [#kiln.mx<fp8_e4m3, axis = 0>, #kiln.mx<fp8_e5m2, axis = 0>, #kiln.mx<fp6_e2m3, axis = 1>, #kiln.mx<fp6_e3m2, axis = 2>]} {
  return
}

// CHECK-LABEL: func.func @fixed_point
// CHECK-SAME: kiln.formats = [#kiln.fixed_point<16, 8, signed>, #kiln.fixed_point<8, 10, unsigned>, #kiln.fixed_point<32, 0, signed>]
func.func @fixed_point() attributes {kiln.formats = [#kiln.fixed_point<16, 8, signed>, #kiln.fixed_point<8, 10, unsigned>, #kiln.fixed_point<32, 0, signed>]} {
  return
}

// CHECK-LABEL: func.func @sparsity_encoding
// CHECK-SAME: tensor<64x256xi8, #kiln.sparsity<2:4, axis = 1>>
// CHECK-SAME: tensor<?x16xf16, #kiln.sparsity<1:8, axis = 0>>
func.func @sparsity_encoding(%a: tensor<64x256xi8, #kiln.sparsity<2:4, axis = 1>>,
                             %b: tensor<?x16xf16, #kiln.sparsity<1:8, axis = 0>>) {
  return
}

// CHECK-LABEL: func.func @precision_decisions
func.func @precision_decisions(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>) {
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} {precision = #kiln.precision<int8, accumulator = i32>}
  %0 = kiln.matmul %a, %b {precision = #kiln.precision<int8, accumulator = i32>} : tensor<4x8xf32>, tensor<8x2xf32> -> tensor<4x2xf32>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} {precision = #kiln.precision<bf16, accumulator = f32>}
  %1 = kiln.matmul %a, %b {precision = #kiln.precision<bf16, accumulator = f32>} : tensor<4x8xf32>, tensor<8x2xf32> -> tensor<4x2xf32>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} {precision = #kiln.precision<mx, accumulator = f32, block = <fp4_e2m1, axis = 0>>}
  %2 = kiln.matmul %a, %b {precision = #kiln.precision<mx, accumulator = f32, block = #kiln.mx<fp4_e2m1, axis = 0>>} : tensor<4x8xf32>, tensor<8x2xf32> -> tensor<4x2xf32>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} {precision = #kiln.precision<int4, accumulator = i16>}
  %3 = kiln.matmul %a, %b {precision = #kiln.precision<int4, accumulator = i16>} : tensor<4x8xf32>, tensor<8x2xf32> -> tensor<4x2xf32>
  // CHECK: kiln.matmul %{{.*}}, %{{.*}} {precision = #kiln.precision<fp8_e4m3, accumulator = f16>}
  %4 = kiln.matmul %a, %b {precision = #kiln.precision<fp8_e4m3, accumulator = f16>} : tensor<4x8xf32>, tensor<8x2xf32> -> tensor<4x2xf32>
  return
}

// CHECK-LABEL: func.func @enums
// CHECK-SAME: kiln.enums = [#kiln.pad_mode<reflect>, #kiln.resize_mode<cubic>, #kiln.coordinate_transform<align_corners>, #kiln.nearest_mode<floor>, #kiln.scatter_reduction<max>, #kiln.gelu_approximation<tanh>]
func.func @enums() attributes {kiln.enums = [#kiln.pad_mode<reflect>, #kiln.resize_mode<cubic>, #kiln.coordinate_transform<align_corners>, #kiln.nearest_mode<floor>, #kiln.scatter_reduction<max>, #kiln.gelu_approximation<tanh>]} {
  return
}
