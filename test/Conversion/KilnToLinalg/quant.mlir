// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// Both views of the stored integers are one signless tensor.
// CHECK-LABEL: func.func @storage_cast
// CHECK-SAME: (%[[X:.*]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: return %[[X]] : tensor<4xi8>
func.func @storage_cast(%x: tensor<4xui8>) -> tensor<4xui8> {
  %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  %y = kiln.storage_cast %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

// ONNX QuantizeLinear: divide in f32, round half to even, add the zero
// point and clamp in f64, truncate to the storage.
// CHECK-LABEL: func.func @quantize_per_tensor
// CHECK-DAG: %[[SCALE:.*]] = arith.constant 5.000000e-02 : f32
// CHECK-DAG: %[[ZP:.*]] = arith.constant -3 : i64
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: i8):
// CHECK: %[[Q:.*]] = arith.divf %[[IN]], %[[SCALE]] : f32
// CHECK: %[[R:.*]] = math.roundeven %[[Q]] : f32
// CHECK: %[[R64:.*]] = arith.extf %[[R]] : f32 to f64
// CHECK: %[[Z:.*]] = arith.sitofp %[[ZP]] : i64 to f64
// CHECK: %[[S:.*]] = arith.addf %[[R64]], %[[Z]] : f64
// CHECK: %[[LOW:.*]] = arith.maxnumf %[[S]], %{{.*}} : f64
// CHECK: %[[HIGH:.*]] = arith.minnumf %[[LOW]], %{{.*}} : f64
// CHECK: %[[I:.*]] = arith.fptosi %[[HIGH]] : f64 to i64
// CHECK: arith.trunci %[[I]] : i64 to i8
func.func @quantize_per_tensor(%x: tensor<2x3xf32>) -> tensor<2x3xi8> {
  %q = kiln.quantize %x : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<i8:f32, 0.05:-3>>
  %y = kiln.storage_cast %q : tensor<2x3x!quant.uniform<i8:f32, 0.05:-3>> -> tensor<2x3xi8>
  return %y : tensor<2x3xi8>
}

// -----

// Per axis: scale and zero point tables read at the quantized axis; the
// uint8 bounds clamp.
// CHECK: #[[$IDENTITY:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK: #[[$AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @quantize_per_axis
// CHECK-DAG: %[[SCALES:.*]] = arith.constant dense<[1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<3xf32>
// CHECK-DAG: %[[ZPS:.*]] = arith.constant dense<[0, 128, 255]> : tensor<3xi64>
// CHECK: linalg.generic {indexing_maps = [#[[$IDENTITY]], #[[$AXIS]], #[[$AXIS]], #[[$IDENTITY]]]
// CHECK-SAME: ins(%{{.*}}, %[[SCALES]], %[[ZPS]] : tensor<2x3xf32>, tensor<3xf32>, tensor<3xi64>)
// CHECK: arith.constant 0.000000e+00 : f64
// CHECK: arith.constant 2.550000e+02 : f64
func.func @quantize_per_axis(%x: tensor<2x3xf32>) -> tensor<2x3xui8> {
  %q = kiln.quantize %x : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<u8:f32:1, {0.1:0, 0.2:128, 0.3:255}>>
  %y = kiln.storage_cast %q : tensor<2x3x!quant.uniform<u8:f32:1, {0.1:0, 0.2:128, 0.3:255}>> -> tensor<2x3xui8>
  return %y : tensor<2x3xui8>
}

// -----

// An int4 constant with blocks of 4 along dimension 1 (as MatMulNBits
// imports them): its stored values as an i4 constant, the blocks' tables
// read at d0 * 2 + d1 floordiv 4; (q - zp) * scale.
// CHECK: #[[$BLOCK:.*]] = affine_map<(d0, d1) -> (d1 floordiv 4 + d0 * 2)>
// CHECK-LABEL: func.func @dequantize_blocked_i4
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[}}[1, 2, 3, 4, 5, 6, 7, -8], {{.*}}> : tensor<3x8xi4>
// CHECK-DAG: %[[SCALES:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01, 1.000000e+00, 2.000000e+00, 1.000000e-01, 2.000000e-01]> : tensor<6xf32>
// CHECK-DAG: %[[ZPS:.*]] = arith.constant dense<[1, -2, 0, 3, -8, 7]> : tensor<6xi32>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$BLOCK]], #[[$BLOCK]], #{{.*}}]
// CHECK-SAME: ins(%[[W]], %[[SCALES]], %[[ZPS]] : tensor<3x8xi4>, tensor<6xf32>, tensor<6xi32>)
// CHECK: ^bb0(%[[Q:.*]]: i4, %[[S:.*]]: f32, %[[Z:.*]]: i32, %{{.*}}: f32):
// CHECK: %[[WIDE:.*]] = arith.extsi %[[Q]] : i4 to i32
// CHECK: %[[CENTERED:.*]] = arith.subi %[[WIDE]], %[[Z]] : i32
// CHECK: %[[REAL:.*]] = arith.sitofp %[[CENTERED]] : i32 to f32
// CHECK: arith.mulf %[[REAL]], %[[S]] : f32
func.func @dequantize_blocked_i4(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  %w = kiln.constant dense<[[1, 2, 3, 4, 5, 6, 7, -8], [0, 0, 0, 0, 1, 1, 1, 1], [-1, -2, -3, -4, -5, -6, -7, 7]]> : tensor<3x8xi4> -> tensor<3x8x!quant.uniform<i4:f32:{0:1, 1:4}, {{0.5:1, 0.25:-2}, {1.0:0, 2.0:3}, {0.1:-8, 0.2:7}}>>
  %d = kiln.dequantize %w : tensor<3x8x!quant.uniform<i4:f32:{0:1, 1:4}, {{0.5:1, 0.25:-2}, {1.0:0, 2.0:3}, {0.1:-8, 0.2:7}}>> -> tensor<3x8xf32>
  %y = kiln.add %x, %d : tensor<3x8xf32>, tensor<3x8xf32> -> tensor<3x8xf32>
  return %y : tensor<3x8xf32>
}

// -----

// Dequantizing unsigned storage extends without sign.
// CHECK-LABEL: func.func @dequantize_uint8
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.subi %{{.*}}, %{{.*}} : i32
func.func @dequantize_uint8(%x: tensor<4xui8>) -> tensor<4xf32> {
  %q = kiln.storage_cast %x : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  %y = kiln.dequantize %q : tensor<4x!quant.uniform<u8:f32, 0.1:128>> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Requantization is integer-only: (stored - zp_in) * M in i64, a right
// shift rounding half to even, the result's zero point, saturation.
// 0.001 / 0.1 = 0.01 = 1374389535 * 2^-37.
// CHECK-LABEL: func.func @requantize_per_tensor
// CHECK-NOT: {{f16|f32|f64}}
// CHECK: ^bb0(%[[IN:.*]]: i32, %{{.*}}: i8):
// CHECK: %[[ACC:.*]] = arith.extsi %[[IN]] : i32 to i64
// CHECK: %[[CENTERED:.*]] = arith.subi %[[ACC]], %{{.*}} : i64
// CHECK-DAG: %[[M:.*]] = arith.constant 1374389535 : i64
// CHECK-DAG: %[[SHIFT:.*]] = arith.constant 37 : i64
// CHECK-DAG: %[[ZP:.*]] = arith.constant 4 : i64
// CHECK: %[[PRODUCT:.*]] = arith.muli %[[CENTERED]], %[[M]] : i64
// CHECK: %[[FLOOR:.*]] = arith.shrsi %[[PRODUCT]], %[[SHIFT]] : i64
// CHECK: %[[REMAINDER:.*]] = arith.andi %[[PRODUCT]], %{{.*}} : i64
// CHECK: %[[ODD:.*]] = arith.andi %[[FLOOR]], %{{.*}} : i64
// CHECK: %[[SUM:.*]] = arith.addi %[[REMAINDER]], %[[ODD]] : i64
// CHECK: %[[UP:.*]] = arith.cmpi ugt, %[[SUM]], %{{.*}} : i64
// CHECK: %[[INCREMENT:.*]] = arith.extui %[[UP]] : i1 to i64
// CHECK: %[[ROUNDED:.*]] = arith.addi %[[FLOOR]], %[[INCREMENT]] : i64
// CHECK: %[[SHIFTED:.*]] = arith.addi %[[ROUNDED]], %[[ZP]] : i64
// CHECK: arith.maxsi %[[SHIFTED]], %{{.*}} : i64
// CHECK: arith.minsi
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK: return
func.func @requantize_per_tensor(%x: tensor<8xi32>) -> tensor<8xi8> {
  %q = kiln.storage_cast %x : tensor<8xi32> -> tensor<8x!quant.uniform<i32:f32, 0.001>>
  %r = kiln.requantize %q : tensor<8x!quant.uniform<i32:f32, 0.001>> -> tensor<8x!quant.uniform<i8:f32, 0.1:4>>
  %y = kiln.storage_cast %r : tensor<8x!quant.uniform<i8:f32, 0.1:4>> -> tensor<8xi8>
  return %y : tensor<8xi8>
}

// -----

// A per-axis input: zero points, multipliers (i32) and shifts (i8) are
// tables read at the axis.
// CHECK: #[[$AXIS:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @requantize_per_axis
// CHECK-NOT: {{f16|f32|f64}}
// CHECK-DAG: %[[ZPS:.*]] = arith.constant dense<[128, 100, 0]> : tensor<3xi64>
// CHECK-DAG: %[[MULTIPLIERS:.*]] = arith.constant dense<[1717986918, 1717986918, 1288490189]> : tensor<3xi32>
// CHECK-DAG: %[[SHIFTS:.*]] = arith.constant dense<[33, 32, 31]> : tensor<3xi8>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$AXIS]], #[[$AXIS]], #[[$AXIS]], #{{.*}}]
// CHECK-SAME: ins(%{{.*}}, %[[ZPS]], %[[MULTIPLIERS]], %[[SHIFTS]] : tensor<2x3xi8>, tensor<3xi64>, tensor<3xi32>, tensor<3xi8>)
// CHECK: ^bb0(%[[IN:.*]]: i8, %[[ZP:.*]]: i64, %[[M:.*]]: i32, %[[SHIFT:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[STORED:.*]] = arith.extui %[[IN]] : i8 to i64
// CHECK: arith.subi %[[STORED]], %[[ZP]] : i64
// CHECK: arith.extsi %[[M]] : i32 to i64
// CHECK: arith.extsi %[[SHIFT]] : i8 to i64
// CHECK: return
func.func @requantize_per_axis(%x: tensor<2x3xui8>) -> tensor<2x3xi8> {
  %q = kiln.storage_cast %x : tensor<2x3xui8> -> tensor<2x3x!quant.uniform<u8:f32:1, {0.1:128, 0.2:100, 0.3:0}>>
  %r = kiln.requantize %q : tensor<2x3x!quant.uniform<u8:f32:1, {0.1:128, 0.2:100, 0.3:0}>> -> tensor<2x3x!quant.uniform<i8:f32, 0.5:-1>>
  %y = kiln.storage_cast %r : tensor<2x3x!quant.uniform<i8:f32, 0.5:-1>> -> tensor<2x3xi8>
  return %y : tensor<2x3xi8>
}

// -----

// Quantized constants hold their stored integers, signless.
// CHECK-LABEL: func.func @quantized_constants
// CHECK-DAG: %[[A:.*]] = arith.constant dense<[-3, 7]> : tensor<2xi8>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[0, -128, -1]> : tensor<3xi8>
// CHECK: return %[[A]], %[[B]]
func.func @quantized_constants() -> (tensor<2xi8>, tensor<3xui8>) {
  %a = kiln.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  %b = kiln.constant dense<[0, 128, 255]> : tensor<3xui8> -> tensor<3x!quant.uniform<u8:f32, 0.5:128>>
  %x = kiln.storage_cast %a : tensor<2x!quant.uniform<i8:f32, 0.5>> -> tensor<2xi8>
  %y = kiln.storage_cast %b : tensor<3x!quant.uniform<u8:f32, 0.5:128>> -> tensor<3xui8>
  return %x, %y : tensor<2xi8>, tensor<3xui8>
}

// -----

// A quantized resource constant is retyped, not copied.
// CHECK-LABEL: func.func @quantized_resource
// CHECK: arith.constant dense_resource<weights> : tensor<4xi8>
func.func @quantized_resource() -> tensor<4xui8> {
  %a = kiln.constant dense_resource<weights> : tensor<4xui8> -> tensor<4x!quant.uniform<u8:f32, 0.5:128>>
  %x = kiln.storage_cast %a : tensor<4x!quant.uniform<u8:f32, 0.5:128>> -> tensor<4xui8>
  return %x : tensor<4xui8>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x0100000000FF7F80"
    }
  }
#-}

// -----

// Quantized convolution, integer-only: the input padded with its zero
// point (128 as i8 bits), the accumulator starting at
// bias - z_x * sum(w[m]) (-128 * 18, -128 * 6, folded at compile time),
// stored values contracted, then requantized per output channel
// (0.02 * [0.01, 0.02] / 0.07).
// CHECK: #[[$CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @conv_per_channel
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xi8>, %[[B:.*]]: tensor<2xi32>)
// CHECK-NOT: {{f16|f32|f64}}
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{.*}}> : tensor<2x2x2x2xi8>
// CHECK-DAG: %[[ZX:.*]] = arith.constant -128 : i8
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: tensor.yield %[[ZX]] : i8
// CHECK: %[[OFFSETS:.*]] = arith.constant dense<[-2304, -768]> : tensor<2xi32>
// CHECK: %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[$CHANNEL]], #[[$CHANNEL]], #{{.*}}]
// CHECK-SAME: ins(%[[OFFSETS]], %[[B]] : tensor<2xi32>, tensor<2xi32>) outs(%{{.*}} : tensor<1x2x3x3xi32>)
// CHECK: arith.addi
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}} ins(%[[PADDED]], %[[W]] : tensor<1x2x6x6xi8>, tensor<2x2x2x2xi8>) outs(%[[INIT]] : tensor<1x2x3x3xi32>)
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK-DAG: %[[M:.*]] = arith.constant dense<1570730897> : tensor<2xi32>
// CHECK-DAG: %[[SHIFTS:.*]] = arith.constant dense<[39, 38]> : tensor<2xi8>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$CHANNEL]], #[[$CHANNEL]], #{{.*}}]
// CHECK-SAME: ins(%[[ACC]], %[[M]], %[[SHIFTS]] : tensor<1x2x3x3xi32>, tensor<2xi32>, tensor<2xi8>) outs(%{{.*}} : tensor<1x2x3x3xi8>)
// CHECK: arith.shrsi
// CHECK: return
!qx = !quant.uniform<u8:f32, 0.02:128>
!qw = !quant.uniform<i8:f32:0, {0.01, 0.02}>
!qy = !quant.uniform<i8:f32, 0.07:3>
func.func @conv_per_channel(%x: tensor<1x2x5x5xui8>, %b: tensor<2xi32>) -> tensor<1x2x3x3xi8> {
  %xq = kiln.storage_cast %x : tensor<1x2x5x5xui8> -> tensor<1x2x5x5x!qx>
  %w = kiln.constant dense<[[[[1, -2], [3, 4]], [[5, 6], [-7, 8]]], [[[1, 1], [1, 1]], [[-1, -1], [2, 2]]]]> : tensor<2x2x2x2xi8> -> tensor<2x2x2x2x!qw>
  %y = kiln.conv %xq, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 0, 0>}
      : (tensor<1x2x5x5x!qx>, tensor<2x2x2x2x!qw>, tensor<2xi32>) -> tensor<1x2x3x3x!qy>
  %s = kiln.storage_cast %y : tensor<1x2x3x3x!qy> -> tensor<1x2x3x3xi8>
  return %s : tensor<1x2x3x3xi8>
}

// -----

// A run-time weight with a zero point (uint8, 120), depthwise: the weight
// sums come from a reduction at run time (-z_x * sums + K z_x z_w =
// 5 * sums - 5400), the input's window sums from a convolution with a
// kernel of ones, subtracted times z_w before requantizing.
// CHECK: #[[$WINDOW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d3 + d6)>
// CHECK-LABEL: func.func @conv_weight_zero_point_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xi8>, %[[W:.*]]: tensor<2x1x3x3xi8>)
// CHECK-NOT: {{f16|f32|f64}}
// CHECK: %[[SUMS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "reduction", "reduction"]} ins(%[[W]] : tensor<2x1x3x3xi8>) outs(%{{.*}} : tensor<2xi32>)
// CHECK: arith.extui
// CHECK: %[[CROSS:.*]] = arith.constant dense<-5400> : tensor<2xi32>
// CHECK: linalg.generic {{.*}} ins(%[[SUMS]], %[[CROSS]] : tensor<2xi32>, tensor<2xi32>)
// CHECK: arith.constant 5 : i32
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[$WINDOW]], {{.*}} ins(%[[X]], %[[W]] : tensor<1x2x4x4xi8>, tensor<2x1x3x3xi8>)
// CHECK: %[[ONES:.*]] = arith.constant dense<1> : tensor<2x1x3x3xi8>
// CHECK: %[[WINDOW_SUMS:.*]] = linalg.generic {indexing_maps = [#[[$WINDOW]], {{.*}} ins(%[[X]], %[[ONES]] : tensor<1x2x4x4xi8>, tensor<2x1x3x3xi8>)
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %[[WINDOW_SUMS]] : tensor<1x2x2x2xi32>, tensor<1x2x2x2xi32>) outs(%{{.*}} : tensor<1x2x2x2xi8>)
// CHECK: ^bb0(%[[A:.*]]: i32, %[[S:.*]]: i32, %{{.*}}: i8):
// CHECK: %[[ZW:.*]] = arith.constant 120 : i32
// CHECK: %[[TERM:.*]] = arith.muli %[[ZW]], %[[S]] : i32
// CHECK: arith.subi %[[A]], %[[TERM]] : i32
// CHECK: return
!qx = !quant.uniform<i8:f32, 0.02:-5>
!qw = !quant.uniform<u8:f32, 0.01:120>
!qy = !quant.uniform<u8:f32, 0.07:100>
func.func @conv_weight_zero_point_depthwise(%x: tensor<1x2x4x4xi8>, %w: tensor<2x1x3x3xui8>) -> tensor<1x2x2x2xui8> {
  %xq = kiln.storage_cast %x : tensor<1x2x4x4xi8> -> tensor<1x2x4x4x!qx>
  %wq = kiln.storage_cast %w : tensor<2x1x3x3xui8> -> tensor<2x1x3x3x!qw>
  %y = kiln.conv %xq, %wq {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 2 : i64}
      : (tensor<1x2x4x4x!qx>, tensor<2x1x3x3x!qw>) -> tensor<1x2x2x2x!qy>
  %s = kiln.storage_cast %y : tensor<1x2x2x2x!qy> -> tensor<1x2x2x2xui8>
  return %s : tensor<1x2x2x2xui8>
}

// -----

// Quantized matmul with a constant per-column rhs: the column sums fold
// (-131 * [11, 13, 15]); no row sums without rhs zero points.
// CHECK-LABEL: func.func @matmul_per_column
// CHECK-NOT: {{f16|f32|f64}}
// CHECK-DAG: %[[B:.*]] = arith.constant dense<{{.*}}> : tensor<4x3xi8>
// CHECK-DAG: %[[OFFSETS:.*]] = arith.constant dense<[-1441, -1703, -1965]> : tensor<3xi32>
// CHECK: %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[OFFSETS]] : tensor<3xi32>) outs(%{{.*}} : tensor<2x3xi32>)
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[B]] : tensor<2x4xi8>, tensor<4x3xi8>) outs(%[[INIT]] : tensor<2x3xi32>)
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<3xi32>, tensor<3xi8>) outs(%{{.*}} : tensor<2x3xi8>)
// CHECK: return
!qa = !quant.uniform<u8:f32, 0.03:131>
!qb = !quant.uniform<i8:f32:1, {0.01, 0.02, 0.03}>
!qy = !quant.uniform<i8:f32, 0.9:-2>
func.func @matmul_per_column(%a: tensor<2x4xui8>) -> tensor<2x3xi8> {
  %aq = kiln.storage_cast %a : tensor<2x4xui8> -> tensor<2x4x!qa>
  %b = kiln.constant dense<[[1, 2, 3], [4, 5, 6], [7, 8, 9], [-1, -2, -3]]> : tensor<4x3xi8> -> tensor<4x3x!qb>
  %y = kiln.matmul %aq, %b : tensor<2x4x!qa>, tensor<4x3x!qb> -> tensor<2x3x!qy>
  %s = kiln.storage_cast %y : tensor<2x3x!qy> -> tensor<2x3xi8>
  return %s : tensor<2x3xi8>
}

// -----

// A batched run-time rhs with a zero point and an i32 result (the
// zero-point-corrected accumulator): column sums per batch at run time,
// row sums of the lhs subtracted times z_b = 7; no requantization.
// CHECK: #[[$ROWS:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_runtime_rhs_i32
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xi8>, %[[B:.*]]: tensor<2x4x5xi8>) -> tensor<2x3x5xi32>
// CHECK: %[[COLUMNS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[B]] : tensor<2x4x5xi8>) outs(%{{.*}} : tensor<2x5xi32>)
// CHECK: arith.constant dense<3668> : tensor<5xi32>
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}} ins(%[[A]], %[[B]] : tensor<2x3x4xi8>, tensor<2x4x5xi8>)
// CHECK: %[[ROWS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[A]] : tensor<2x3x4xi8>) outs(%{{.*}} : tensor<2x3xi32>)
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[$ROWS]], #{{.*}}]{{.*}} ins(%[[ACC]], %[[ROWS]] : tensor<2x3x5xi32>, tensor<2x3xi32>) outs(%{{.*}} : tensor<2x3x5xi32>)
// CHECK: arith.constant 7 : i32
// CHECK-NOT: arith.shrsi
// CHECK: return %[[Y]]
!qa = !quant.uniform<u8:f32, 0.03:131>
!qb = !quant.uniform<u8:f32, 0.01:7>
func.func @matmul_runtime_rhs_i32(%a: tensor<2x3x4xui8>, %b: tensor<2x4x5xui8>) -> tensor<2x3x5xi32> {
  %aq = kiln.storage_cast %a : tensor<2x3x4xui8> -> tensor<2x3x4x!qa>
  %bq = kiln.storage_cast %b : tensor<2x4x5xui8> -> tensor<2x4x5x!qb>
  %y = kiln.matmul %aq, %bq : tensor<2x3x4x!qa>, tensor<2x4x5x!qb> -> tensor<2x3x5xi32>
  return %y : tensor<2x3x5xi32>
}

// -----

// Quantized gemm with trans_b: B is quantized per row of the stored B
// (axis 0), its row sums fold (-120 * [10, 2]) and C joins the initial
// value; alpha = beta = 2 scales the requantization factor
// (2 * 0.04 * [0.01, 0.02] / 0.5).
// CHECK-LABEL: func.func @gemm_trans_b
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xi8>, %[[C:.*]]: tensor<2xi32>)
// CHECK-NOT: {{f16|f32|f64}}
// CHECK: %[[OFFSETS:.*]] = arith.constant dense<[-1200, -240]> : tensor<2xi32>
// CHECK: %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[OFFSETS]], %[[C]] : tensor<2xi32>, tensor<2xi32>) outs(%{{.*}} : tensor<3x2xi32>)
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}} ins(%[[A]], %{{.*}} : tensor<3x4xi8>, tensor<2x4xi8>) outs(%[[INIT]] : tensor<3x2xi32>)
// CHECK-DAG: arith.constant dense<1759218604> : tensor<2xi32>
// CHECK-DAG: arith.constant dense<[40, 39]> : tensor<2xi8>
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %{{.*}}, %{{.*}} : tensor<3x2xi32>, tensor<2xi32>, tensor<2xi8>) outs(%{{.*}} : tensor<3x2xi8>)
// CHECK: return
!qa = !quant.uniform<u8:f32, 0.04:120>
!qb = !quant.uniform<i8:f32:0, {0.01, 0.02}>
!qy = !quant.uniform<i8:f32, 0.5:-4>
func.func @gemm_trans_b(%a: tensor<3x4xui8>, %c: tensor<2xi32>) -> tensor<3x2xi8> {
  %aq = kiln.storage_cast %a : tensor<3x4xui8> -> tensor<3x4x!qa>
  %b = kiln.constant dense<[[1, 2, 3, 4], [-5, 6, -7, 8]]> : tensor<2x4xi8> -> tensor<2x4x!qb>
  %y = kiln.gemm %aq, %b, %c {trans_b, alpha = 2.0 : f32, beta = 2.0 : f32} : (tensor<3x4x!qa>, tensor<2x4x!qb>, tensor<2xi32>) -> tensor<3x2x!qy>
  %s = kiln.storage_cast %y : tensor<3x2x!qy> -> tensor<3x2xi8>
  return %s : tensor<3x2xi8>
}

// -----

// Data movement on stored values: a pad fills with the zero point (-7),
// max pooling pads and starts with the storage's lowest value, a reshape
// is a reshape.
// CHECK-LABEL: func.func @stored_value_moves
// CHECK-DAG: %[[ZP:.*]] = arith.constant -7 : i8
// CHECK: tensor.pad
// CHECK: tensor.yield %[[ZP]] : i8
// CHECK: %[[LOWEST:.*]] = arith.constant -128 : i8
// CHECK: linalg.fill ins(%[[LOWEST]] : i8)
// CHECK: arith.maxsi
// CHECK: tensor.reshape %{{.*}} : (tensor<1x2x4x4xi8>, tensor<2xi64>) -> tensor<2x16xi8>
!q = !quant.uniform<i8:f32, 0.5:-7>
func.func @stored_value_moves(%x: tensor<1x2x4x4xi8>) -> (tensor<1x2x6x6xi8>, tensor<1x2x2x2xi8>, tensor<2x16xi8>) {
  %q = kiln.storage_cast %x : tensor<1x2x4x4xi8> -> tensor<1x2x4x4x!q>
  %p = kiln.pad %q {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x2x4x4x!q> -> tensor<1x2x6x6x!q>
  %m = kiln.max_pool %q {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x2x4x4x!q> -> tensor<1x2x2x2x!q>
  %r = kiln.reshape %q : tensor<1x2x4x4x!q> -> tensor<2x16x!q>
  %y0 = kiln.storage_cast %p : tensor<1x2x6x6x!q> -> tensor<1x2x6x6xi8>
  %y1 = kiln.storage_cast %m : tensor<1x2x2x2x!q> -> tensor<1x2x2x2xi8>
  %y2 = kiln.storage_cast %r : tensor<2x16x!q> -> tensor<2x16xi8>
  return %y0, %y1, %y2 : tensor<1x2x6x6xi8>, tensor<1x2x2x2xi8>, tensor<2x16xi8>
}

// -----

// Unsigned storage: max pooling compares without sign from 0.
// CHECK-LABEL: func.func @max_pool_uint8
// CHECK: %[[LOWEST:.*]] = arith.constant 0 : i8
// CHECK: linalg.fill ins(%[[LOWEST]] : i8)
// CHECK: arith.maxui
!q = !quant.uniform<u8:f32, 0.5:128>
func.func @max_pool_uint8(%x: tensor<1x1x2x2xui8>) -> tensor<1x1x1x1xui8> {
  %q = kiln.storage_cast %x : tensor<1x1x2x2xui8> -> tensor<1x1x2x2x!q>
  %m = kiln.max_pool %q {kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2x!q> -> tensor<1x1x1x1x!q>
  %y = kiln.storage_cast %m : tensor<1x1x1x1x!q> -> tensor<1x1x1x1xui8>
  return %y : tensor<1x1x1x1xui8>
}

// -----

// A per-axis pad value (real 1.0) is stored per channel: round(1 / s) + z
// = [5, 254, 129], selected in a generic at the quantized axis.
// CHECK-LABEL: func.func @pad_per_axis
// CHECK: %[[FILL:.*]] = arith.constant dense<[5, -2, -127]> : tensor<3xi8>
// CHECK: linalg.generic
// CHECK: %[[VALUE:.*]] = tensor.extract %[[FILL]][%{{.*}}] : tensor<3xi8>
// CHECK: arith.select %{{.*}}, %{{.*}}, %[[VALUE]] : i8
!q = !quant.uniform<u8:f32:0, {0.5:3, 0.25:250, 1.0:128}>
func.func @pad_per_axis(%x: tensor<3x4xui8>) -> tensor<3x7xui8> {
  %q = kiln.storage_cast %x : tensor<3x4xui8> -> tensor<3x4x!q>
  %p = kiln.pad %q {pads = array<i64: 0, 2, 0, 1>, value = 1.0 : f32} : tensor<3x4x!q> -> tensor<3x7x!q>
  %y = kiln.storage_cast %p : tensor<3x7x!q> -> tensor<3x7xui8>
  return %y : tensor<3x7xui8>
}

// -----

// Trilu of a quantized tensor zeroes with the zero point; transposes,
// slices, concatenations and gathers move stored values.
// CHECK-LABEL: func.func @trilu_transpose_slice_concat_gather
// CHECK: linalg.transpose
// CHECK: arith.constant 5 : i8
// CHECK: arith.select
// CHECK: tensor.extract_slice
// CHECK: tensor.insert_slice
// CHECK: tensor.insert_slice
// CHECK: tensor.extract
!q = !quant.uniform<i8:f32, 0.5:5>
func.func @trilu_transpose_slice_concat_gather(%x: tensor<3x4xi8>, %i: tensor<2xi64>) -> tensor<2x3xi8> {
  %q = kiln.storage_cast %x : tensor<3x4xi8> -> tensor<3x4x!q>
  %t = kiln.transpose %q {perm = array<i64: 1, 0>} : tensor<3x4x!q> -> tensor<4x3x!q>
  %l = kiln.trilu %t {upper} : tensor<4x3x!q> -> tensor<4x3x!q>
  %s = kiln.slice %l {starts = array<i64: 1, 0>, ends = array<i64: 3, 3>, steps = array<i64: 1, 1>} : tensor<4x3x!q> -> tensor<2x3x!q>
  %c = kiln.concat %s, %s {axis = 0 : i64} : (tensor<2x3x!q>, tensor<2x3x!q>) -> tensor<4x3x!q>
  %g = kiln.gather %c, %i {axis = 0 : i64} : tensor<4x3x!q>, tensor<2xi64> -> tensor<2x3x!q>
  %y = kiln.storage_cast %g : tensor<2x3x!q> -> tensor<2x3xi8>
  return %y : tensor<2x3xi8>
}
