// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(kiln-form-quantized-ops))' | FileCheck %s

// A per-channel conv whose bias is dequantized from i32 at s_x * s_w[m]
// (0.5 * 0.25, 0.5 * 0.125) with zero point 0: onnxruntime's QDQ shape.
// CHECK-LABEL: func.func @conv_per_channel
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>)
// CHECK-DAG: %[[W:.*]] = kiln.constant dense<{{.*}}> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01}>>
// CHECK-DAG: %[[B:.*]] = kiln.constant dense<[10, -20]> : tensor<2xi32>
// CHECK: %[[Y:.*]] = kiln.conv %[[X]], %[[W]], %[[B]] {{.*}} : (tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01}>>, tensor<2xi32>) -> tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02:7>>
// CHECK-NOT: kiln.quantize
// CHECK: return %[[Y]]
func.func @conv_per_channel(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>) -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>> {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %wq = kiln.constant dense<[[[[1]], [[2]]], [[[3]], [[4]]]]> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>
  %w = kiln.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>> -> tensor<2x2x1x1xf32>
  %bq = kiln.constant dense<[10, -20]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.0625}>>
  %b = kiln.dequantize %bq : tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.0625}>> -> tensor<2xf32>
  %y = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q = kiln.quantize %y : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  return %q : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
}

// -----

// A float bias is quantized at s_x * s_w[m] = [0.125, 0.0625] (ties to even:
// 0.1875 / 0.125 = 1.5 -> 2, 0.09375 / 0.0625 = 1.5 -> 2, -0.3125 / 0.125
// = -2.5 -> -2); a quantized bias with other parameters (per tensor 0.5,
// zero point 1) is re-expressed: (3 - 1) * 0.5 = 1 -> 8 and 16.
// CHECK-LABEL: func.func @conv_float_bias
// CHECK-DAG: kiln.constant dense<2> : tensor<2xi32>
// CHECK-DAG: kiln.constant dense<[-2, 2]> : tensor<2xi32>
// CHECK-DAG: kiln.constant dense<[8, 16]> : tensor<2xi32>
// CHECK-NOT: kiln.quantize
// CHECK-NOT: kiln.dequantize
func.func @conv_float_bias(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>) {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %wq = kiln.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>
  %w = kiln.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>> -> tensor<2x2x1x1xf32>
  %b0 = kiln.constant dense<[0.1875, 0.09375]> : tensor<2xf32>
  %y0 = kiln.conv %x, %w, %b0 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q0 = kiln.quantize %y0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %b1 = kiln.constant dense<[-0.3125, 0.125]> : tensor<2xf32>
  %y1 = kiln.conv %x, %w, %b1 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q1 = kiln.quantize %y1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %bq = kiln.constant dense<3> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5:1>>
  %b2 = kiln.dequantize %bq : tensor<2x!quant.uniform<i8:f32, 0.5:1>> -> tensor<2xf32>
  %y2 = kiln.conv %x, %w, %b2 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q2 = kiln.quantize %y2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  return %q0, %q1, %q2 : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
}

// -----

// A bias computed at run time at the accumulator's scale keeps its stored
// integers (kiln.storage_cast); at another scale, or in float, it cannot be
// quantized at compile time and the chain stays.
// CHECK-LABEL: func.func @conv_runtime_bias
// CHECK-SAME: %[[BQ:[a-z0-9]+]]: tensor<2x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[B:.*]] = kiln.storage_cast %[[BQ]] : tensor<2x!quant.uniform<i32:f32, 1.250000e-01>> -> tensor<2xi32>
// CHECK: kiln.conv %{{.*}}, %{{.*}}, %[[B]] {{.*}} -> tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02:7>>
// CHECK: %[[MISMATCH:.*]] = kiln.conv {{.*}} -> tensor<1x2x4x4xf32>
// CHECK: kiln.quantize %[[MISMATCH]]
// CHECK: %[[FLOAT:.*]] = kiln.conv {{.*}} -> tensor<1x2x4x4xf32>
// CHECK: kiln.quantize %[[FLOAT]]
func.func @conv_runtime_bias(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>, %bq: tensor<2x!quant.uniform<i32:f32, 0.125>>, %bq2: tensor<2x!quant.uniform<i32:f32, 0.25>>, %bf: tensor<2xf32>) -> (tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>) {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %wq = kiln.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>
  %w = kiln.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<2x2x1x1xf32>
  %b0 = kiln.dequantize %bq : tensor<2x!quant.uniform<i32:f32, 0.125>> -> tensor<2xf32>
  %y0 = kiln.conv %x, %w, %b0 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q0 = kiln.quantize %y0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %b1 = kiln.dequantize %bq2 : tensor<2x!quant.uniform<i32:f32, 0.25>> -> tensor<2xf32>
  %y1 = kiln.conv %x, %w, %b1 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q1 = kiln.quantize %y1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %y2 = kiln.conv %x, %w, %bf {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %q2 = kiln.quantize %y2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  return %q0, %q1, %q2 : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
}

// -----

// Weights quantized along their input channels cannot leave the integer
// sums, nor can an input quantized per channel; a conv with another user
// would be computed twice.
// CHECK-LABEL: func.func @conv_not_formed
// CHECK-COUNT-3: kiln.conv {{.*}} -> tensor<1x2x4x4xf32>
// CHECK-NOT: kiln.conv
func.func @conv_not_formed(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>, %xc: tensor<1x2x4x4x!quant.uniform<u8:f32:1, {0.5, 0.25}>>) -> (tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4xf32>) {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %wq = kiln.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:1, {0.25, 0.125}>>
  %w = kiln.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32:1, {0.25, 0.125}>> -> tensor<2x2x1x1xf32>
  %y0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %q0 = kiln.quantize %y0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %xcf = kiln.dequantize %xc : tensor<1x2x4x4x!quant.uniform<u8:f32:1, {0.5, 0.25}>> -> tensor<1x2x4x4xf32>
  %wq2 = kiln.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>
  %w2 = kiln.dequantize %wq2 : tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<2x2x1x1xf32>
  %y1 = kiln.conv %xcf, %w2 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %q1 = kiln.quantize %y1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %y2 = kiln.conv %x, %w2 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %q2 = kiln.quantize %y2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  return %q0, %q1, %q2, %y2 : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4xf32>
}

// -----

// Gemm with trans_b: the weight is quantized along its rows (output
// columns), C per column; matmul with a weight quantized along its columns.
// CHECK-LABEL: func.func @gemm_and_matmul
// CHECK-SAME: (%[[A:[a-z0-9]+]]: tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:128>>)
// CHECK-DAG: %[[B:.*]] = kiln.constant {{.*}} -> tensor<3x4x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01,6.250000e-02}>>
// CHECK-DAG: %[[C:.*]] = kiln.constant dense<[1, 2, 3]> : tensor<3xi32>
// CHECK-DAG: %[[M:.*]] = kiln.constant {{.*}} -> tensor<4x2x!quant.uniform<i8:f32:1, {2.500000e-01,1.250000e-01}>>
// CHECK: %[[G:.*]] = kiln.gemm %[[A]], %[[B]], %[[C]] {trans_b} : (tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:128>>, tensor<3x4x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01,6.250000e-02}>>, tensor<3xi32>) -> tensor<1x3x!quant.uniform<u8:f32, 2.500000e-01:128>>
// CHECK: kiln.matmul %[[A]], %[[M]] : tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:128>>, tensor<4x2x!quant.uniform<i8:f32:1, {2.500000e-01,1.250000e-01}>> -> tensor<1x2x!quant.uniform<u8:f32, 2.500000e-01:128>>
func.func @gemm_and_matmul(%aq: tensor<1x4x!quant.uniform<u8:f32, 0.5:128>>) -> (tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>, tensor<1x2x!quant.uniform<u8:f32, 0.25:128>>) {
  %a = kiln.dequantize %aq : tensor<1x4x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x4xf32>
  %bq = kiln.constant dense<1> : tensor<3x4xi8> -> tensor<3x4x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.0625}>>
  %b = kiln.dequantize %bq : tensor<3x4x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.0625}>> -> tensor<3x4xf32>
  %cq = kiln.constant dense<[1, 2, 3]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.0625, 0.03125}>>
  %c = kiln.dequantize %cq : tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.0625, 0.03125}>> -> tensor<3xf32>
  %g = kiln.gemm %a, %b, %c {trans_b} : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %gq = kiln.quantize %g : tensor<1x3xf32> -> tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>
  %mq = kiln.constant dense<1> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32:1, {0.25, 0.125}>>
  %m = kiln.dequantize %mq : tensor<4x2x!quant.uniform<i8:f32:1, {0.25, 0.125}>> -> tensor<4x2xf32>
  %p = kiln.matmul %a, %m : tensor<1x4xf32>, tensor<4x2xf32> -> tensor<1x2xf32>
  %pq = kiln.quantize %p : tensor<1x2xf32> -> tensor<1x2x!quant.uniform<u8:f32, 0.25:128>>
  return %gq, %pq : tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>, tensor<1x2x!quant.uniform<u8:f32, 0.25:128>>
}

// -----

// A matmul weight quantized along its rows (the contracted dimension)
// stays float.
// CHECK-LABEL: func.func @matmul_weight_per_row
// CHECK: kiln.matmul {{.*}} -> tensor<1x2xf32>
func.func @matmul_weight_per_row(%aq: tensor<1x4x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x2x!quant.uniform<u8:f32, 0.25:128>> {
  %a = kiln.dequantize %aq : tensor<1x4x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x4xf32>
  %mq = kiln.constant dense<1> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.5, 1.0}>>
  %m = kiln.dequantize %mq : tensor<4x2x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.5, 1.0}>> -> tensor<4x2xf32>
  %p = kiln.matmul %a, %m : tensor<1x4xf32>, tensor<4x2xf32> -> tensor<1x2xf32>
  %pq = kiln.quantize %p : tensor<1x2xf32> -> tensor<1x2x!quant.uniform<u8:f32, 0.25:128>>
  return %pq : tensor<1x2x!quant.uniform<u8:f32, 0.25:128>>
}

// -----

// Binary ops, pooling and unary ops take their operands' parameters and
// produce the quantize's.
// CHECK-LABEL: func.func @elementwise_and_pooling
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>, %[[Y:[a-z0-9]+]]: tensor<1x2x4x4x!quant.uniform<u8:f32, 2.500000e-01:5>>)
// CHECK: %[[ADD:.*]] = kiln.add %[[X]], %[[Y]] : tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 2.500000e-01:5>> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.000000e+00:4>>
// CHECK: %[[MUL:.*]] = kiln.mul %[[ADD]], %[[X]] : {{.*}} -> tensor<1x2x4x4x!quant.uniform<u8:f32, 2.000000e+00:1>>
// CHECK: %[[AVG:.*]] = kiln.average_pool %[[MUL]] {{.*}} : tensor<1x2x4x4x!quant.uniform<u8:f32, 2.000000e+00:1>> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 1.000000e+00>>
// CHECK: %[[SIG:.*]] = kiln.sigmoid %[[AVG]] : tensor<1x2x2x2x!quant.uniform<u8:f32, 1.000000e+00>> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: %[[LEAKY:.*]] = kiln.leaky_relu %[[SIG]] {alpha = 1.000000e-01 : f32} : {{.*}} -> tensor<1x2x2x2x!quant.uniform<i8:f32, 1.250000e-01:-10>>
// CHECK: %[[TANH:.*]] = kiln.tanh %[[LEAKY]] : {{.*}} -> tensor<1x2x2x2x!quant.uniform<i8:f32, 7.812500e-03>>
// CHECK: %[[HSIG:.*]] = kiln.hard_sigmoid %[[TANH]] {{.*}} -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: %[[HSWISH:.*]] = kiln.hard_swish %[[HSIG]] : {{.*}} -> tensor<1x2x2x2x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK: %[[GAP:.*]] = kiln.global_average_pool %[[HSWISH]] : {{.*}} -> tensor<1x2x1x1x!quant.uniform<u8:f32, 3.906250e-03:2>>
// CHECK: %[[SOFTMAX:.*]] = kiln.softmax %[[GAP]] {axis = 1 : i64} : {{.*}} -> tensor<1x2x1x1x!quant.uniform<u8:f32, 3.906250e-03>>
// CHECK-NOT: kiln.quantize
// CHECK: return %[[SOFTMAX]]
func.func @elementwise_and_pooling(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>, %yq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.25:5>>) -> tensor<1x2x1x1x!quant.uniform<u8:f32, 0.00390625>> {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %y = kiln.dequantize %yq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.25:5>> -> tensor<1x2x4x4xf32>
  %add = kiln.add %x, %y : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %addq = kiln.quantize %add : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.0:4>>
  %addf = kiln.dequantize %addq : tensor<1x2x4x4x!quant.uniform<u8:f32, 1.0:4>> -> tensor<1x2x4x4xf32>
  %mul = kiln.mul %addf, %x : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %mulq = kiln.quantize %mul : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 2.0:1>>
  %mulf = kiln.dequantize %mulq : tensor<1x2x4x4x!quant.uniform<u8:f32, 2.0:1>> -> tensor<1x2x4x4xf32>
  %avg = kiln.average_pool %mulf {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  %avgq = kiln.quantize %avg : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0>>
  %avgf = kiln.dequantize %avgq : tensor<1x2x2x2x!quant.uniform<u8:f32, 1.0>> -> tensor<1x2x2x2xf32>
  %sig = kiln.sigmoid %avgf : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %sigq = kiln.quantize %sig : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>>
  %sigf = kiln.dequantize %sigq : tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>> -> tensor<1x2x2x2xf32>
  %leaky = kiln.leaky_relu %sigf {alpha = 0.1 : f32} : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %leakyq = kiln.quantize %leaky : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.125:-10>>
  %leakyf = kiln.dequantize %leakyq : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.125:-10>> -> tensor<1x2x2x2xf32>
  %tanh = kiln.tanh %leakyf : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %tanhq = kiln.quantize %tanh : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.0078125>>
  %tanhf = kiln.dequantize %tanhq : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.0078125>> -> tensor<1x2x2x2xf32>
  %hsig = kiln.hard_sigmoid %tanhf {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %hsigq = kiln.quantize %hsig : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>>
  %hsigf = kiln.dequantize %hsigq : tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>> -> tensor<1x2x2x2xf32>
  %hswish = kiln.hard_swish %hsigf : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %hswishq = kiln.quantize %hswish : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>>
  %hswishf = kiln.dequantize %hswishq : tensor<1x2x2x2x!quant.uniform<u8:f32, 0.00390625>> -> tensor<1x2x2x2xf32>
  %gap = kiln.global_average_pool %hswishf : tensor<1x2x2x2xf32> -> tensor<1x2x1x1xf32>
  %gapq = kiln.quantize %gap : tensor<1x2x1x1xf32> -> tensor<1x2x1x1x!quant.uniform<u8:f32, 0.00390625:2>>
  %gapf = kiln.dequantize %gapq : tensor<1x2x1x1x!quant.uniform<u8:f32, 0.00390625:2>> -> tensor<1x2x1x1xf32>
  %softmax = kiln.softmax %gapf {axis = 1 : i64} : tensor<1x2x1x1xf32> -> tensor<1x2x1x1xf32>
  %softmaxq = kiln.quantize %softmax : tensor<1x2x1x1xf32> -> tensor<1x2x1x1x!quant.uniform<u8:f32, 0.00390625>>
  return %softmaxq : tensor<1x2x1x1x!quant.uniform<u8:f32, 0.00390625>>
}

// -----

// Concatenated values with other parameters than the result's are
// requantized first (QLinearConcat's form).
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x2x!quant.uniform<u8:f32, 5.000000e-01:3>>, %[[Y:[a-z0-9]+]]: tensor<1x3x!quant.uniform<u8:f32, 2.500000e-01:5>>)
// CHECK: %[[R:.*]] = kiln.requantize %[[Y]] : tensor<1x3x!quant.uniform<u8:f32, 2.500000e-01:5>> -> tensor<1x3x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: kiln.concat %[[X]], %[[R]] {axis = 1 : i64} : (tensor<1x2x!quant.uniform<u8:f32, 5.000000e-01:3>>, tensor<1x3x!quant.uniform<u8:f32, 5.000000e-01:3>>) -> tensor<1x5x!quant.uniform<u8:f32, 5.000000e-01:3>>
func.func @concat(%xq: tensor<1x2x!quant.uniform<u8:f32, 0.5:3>>, %yq: tensor<1x3x!quant.uniform<u8:f32, 0.25:5>>) -> tensor<1x5x!quant.uniform<u8:f32, 0.5:3>> {
  %x = kiln.dequantize %xq : tensor<1x2x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2xf32>
  %y = kiln.dequantize %yq : tensor<1x3x!quant.uniform<u8:f32, 0.25:5>> -> tensor<1x3xf32>
  %c = kiln.concat %x, %y {axis = 1 : i64} : (tensor<1x2xf32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  %q = kiln.quantize %c : tensor<1x5xf32> -> tensor<1x5x!quant.uniform<u8:f32, 0.5:3>>
  return %q : tensor<1x5x!quant.uniform<u8:f32, 0.5:3>>
}

// -----

// An add of a float constant that is not dequantized stays float.
// CHECK-LABEL: func.func @add_float_constant
// CHECK: kiln.add {{.*}} -> tensor<2xf32>
// CHECK: kiln.quantize
func.func @add_float_constant(%xq: tensor<2x!quant.uniform<u8:f32, 0.5:3>>) -> tensor<2x!quant.uniform<u8:f32, 0.5:3>> {
  %x = kiln.dequantize %xq : tensor<2x!quant.uniform<u8:f32, 0.5:3>> -> tensor<2xf32>
  %c = kiln.constant dense<1.0> : tensor<2xf32>
  %a = kiln.add %x, %c : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>
  %q = kiln.quantize %a : tensor<2xf32> -> tensor<2x!quant.uniform<u8:f32, 0.5:3>>
  return %q : tensor<2x!quant.uniform<u8:f32, 0.5:3>>
}

// -----

// relu between the conv and the quantize (torch's exporter): with the zero
// point at the storage minimum the result's range already clamps; with
// another zero point the clamp stays, on the quantized result.
// CHECK-LABEL: func.func @conv_relu
// CHECK: %[[FOLDED:.*]] = kiln.conv {{.*}} -> tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02>>
// CHECK: %[[CONV:.*]] = kiln.conv {{.*}} -> tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02:7>>
// CHECK: %[[RELU:.*]] = kiln.relu %[[CONV]] : tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02:7>> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 6.250000e-02:7>>
// CHECK: %[[SIGNED:.*]] = kiln.conv {{.*}} -> tensor<1x2x4x4x!quant.uniform<i8:f32, 6.250000e-02:-128>>
// CHECK-NOT: kiln.relu
// CHECK: return %[[FOLDED]], %[[RELU]], %[[SIGNED]]
func.func @conv_relu(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<i8:f32, 0.0625:-128>>) {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %wq = kiln.constant dense<1> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>
  %w = kiln.dequantize %wq : tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<2x2x1x1xf32>
  %y0 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %r0 = kiln.relu %y0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %q0 = kiln.quantize %r0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625>>
  %y1 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %r1 = kiln.relu %y1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %q1 = kiln.quantize %r1 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>
  %y2 = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %r2 = kiln.relu %y2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
  %q2 = kiln.quantize %r2 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<i8:f32, 0.0625:-128>>
  return %q0, %q1, %q2 : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625>>, tensor<1x2x4x4x!quant.uniform<u8:f32, 0.0625:7>>, tensor<1x2x4x4x!quant.uniform<i8:f32, 0.0625:-128>>
}

// -----

// clip(0, 6) folds when the result's range is [0, 6] (scale 6 / 255 rounds
// 6 to 255) and stays when the range is wider; a clip of a dequantized value
// is a requantize and a clamp.
// CHECK-LABEL: func.func @clip
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>>, %[[Y:[a-z0-9]+]]: tensor<4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>)
// CHECK: %[[R:.*]] = kiln.requantize %[[X]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<4x!quant.uniform<u8:f32, 2.500000e-01:10>>
// CHECK: %[[CLIP:.*]] = kiln.clip %[[R]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<4x!quant.uniform<u8:f32, 2.500000e-01:10>> -> tensor<4x!quant.uniform<u8:f32, 2.500000e-01:10>>
// CHECK: %[[RELU6:.*]] = kiln.matmul {{.*}} -> tensor<4x4x!quant.uniform<u8:f32, 0.023529411764705882>>
// CHECK-NOT: kiln.clip
// CHECK: return %[[CLIP]], %[[RELU6]]
func.func @clip(%xq: tensor<4x!quant.uniform<u8:f32, 0.5:3>>, %yq: tensor<4x4x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<4x!quant.uniform<u8:f32, 0.25:10>>, tensor<4x4x!quant.uniform<u8:f32, 0.023529411764705882>>) {
  %x = kiln.dequantize %xq : tensor<4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<4xf32>
  %c0 = kiln.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  %q0 = kiln.quantize %c0 : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.25:10>>
  %y = kiln.dequantize %yq : tensor<4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<4x4xf32>
  %wq = kiln.constant dense<1> : tensor<4x4xi8> -> tensor<4x4x!quant.uniform<i8:f32, 0.25>>
  %w = kiln.dequantize %wq : tensor<4x4x!quant.uniform<i8:f32, 0.25>> -> tensor<4x4xf32>
  %m = kiln.matmul %y, %w : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32>
  %c1 = kiln.clip %m {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x4xf32> -> tensor<4x4xf32>
  %q1 = kiln.quantize %c1 : tensor<4x4xf32> -> tensor<4x4x!quant.uniform<u8:f32, 0.023529411764705882>>
  return %q0, %q1 : tensor<4x!quant.uniform<u8:f32, 0.25:10>>, tensor<4x4x!quant.uniform<u8:f32, 0.023529411764705882>>
}

// -----

// Layout ops and max pooling run on the quantized values; a quantize with
// the same parameters disappears, one with others is a requantize.
// CHECK-LABEL: func.func @layout
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>>)
// CHECK: %[[POOL:.*]] = kiln.max_pool %[[X]] {{.*}} : tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<1x2x2x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[T:.*]] = kiln.transpose %[[POOL]] {{.*}} -> tensor<1x2x2x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[R:.*]] = kiln.reshape %[[T]] : tensor<1x2x2x2x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<2x4x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[S:.*]] = kiln.slice %[[R]] {{.*}} -> tensor<2x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[U:.*]] = kiln.unsqueeze %[[S]] {{.*}} -> tensor<1x2x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[Q:.*]] = kiln.squeeze %[[U]] {{.*}} -> tensor<2x2x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[F:.*]] = kiln.flatten %[[Q]] {{.*}} -> tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK: %[[REQ:.*]] = kiln.requantize %[[F]] : tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<1x4x!quant.uniform<u8:f32, 2.500000e-01:3>>
// CHECK-NOT: kiln.quantize
// CHECK-NOT: kiln.dequantize
// CHECK: return %[[F]], %[[REQ]]
func.func @layout(%xq: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<1x4x!quant.uniform<u8:f32, 0.5:3>>, tensor<1x4x!quant.uniform<u8:f32, 0.25:3>>) {
  %x = kiln.dequantize %xq : tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x2x4x4xf32>
  %pool = kiln.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  %t = kiln.transpose %pool {perm = array<i64: 0, 1, 3, 2>} : tensor<1x2x2x2xf32> -> tensor<1x2x2x2xf32>
  %r = kiln.reshape %t : tensor<1x2x2x2xf32> -> tensor<2x4xf32>
  %s = kiln.slice %r {starts = array<i64: 0, 1>, ends = array<i64: 2, 3>, steps = array<i64: 1, 1>} : tensor<2x4xf32> -> tensor<2x2xf32>
  %u = kiln.unsqueeze %s {axes = array<i64: 0>} : tensor<2x2xf32> -> tensor<1x2x2xf32>
  %sq = kiln.squeeze %u {axes = array<i64: 0>} : tensor<1x2x2xf32> -> tensor<2x2xf32>
  %f = kiln.flatten %sq {axis = 0 : i64} : tensor<2x2xf32> -> tensor<1x4xf32>
  %q0 = kiln.quantize %f : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<u8:f32, 0.5:3>>
  %q1 = kiln.quantize %f : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<u8:f32, 0.25:3>>
  return %q0, %q1 : tensor<1x4x!quant.uniform<u8:f32, 0.5:3>>, tensor<1x4x!quant.uniform<u8:f32, 0.25:3>>
}

// -----

// A dequantize before a layout op whose result a quantized op consumes
// moves down, so that the gemm forms; the float user keeps a dequantize.
// CHECK-LABEL: func.func @flatten_then_gemm
// CHECK: %[[F:.*]] = kiln.flatten %{{.*}} : tensor<1x4x1x1x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<1x4x!quant.uniform<u8:f32, 5.000000e-01:3>>
// CHECK-DAG: %[[D:.*]] = kiln.dequantize %[[F]]
// CHECK-DAG: %[[G:.*]] = kiln.gemm %[[F]], {{.*}} -> tensor<1x3x!quant.uniform<u8:f32, 2.500000e-01:128>>
// CHECK: return %[[G]], %[[D]]
func.func @flatten_then_gemm(%xq: tensor<1x4x1x1x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>, tensor<1x4xf32>) {
  %x = kiln.dequantize %xq : tensor<1x4x1x1x!quant.uniform<u8:f32, 0.5:3>> -> tensor<1x4x1x1xf32>
  %f = kiln.flatten %x {axis = 1 : i64} : tensor<1x4x1x1xf32> -> tensor<1x4xf32>
  %bq = kiln.constant dense<1> : tensor<3x4xi8> -> tensor<3x4x!quant.uniform<i8:f32, 0.25>>
  %b = kiln.dequantize %bq : tensor<3x4x!quant.uniform<i8:f32, 0.25>> -> tensor<3x4xf32>
  %g = kiln.gemm %f, %b {trans_b} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  %gq = kiln.quantize %g : tensor<1x3xf32> -> tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>
  return %gq, %f : tensor<1x3x!quant.uniform<u8:f32, 0.25:128>>, tensor<1x4xf32>
}

// -----

// Per-axis parameters must stay on their dimension: a transpose that moves
// it, a reshape that merges it, a slice along it and an unsqueeze in front
// of it stay float; a transpose of other dimensions moves the dequantize.
// CHECK-LABEL: func.func @layout_per_axis
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<2x3x4x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01,1.250000e-01}>>)
// CHECK: %[[D:.*]] = kiln.dequantize %[[X]]
// CHECK: kiln.transpose %[[D]] {perm = array<i64: 1, 0, 2>} : tensor<2x3x4xf32>
// CHECK: kiln.reshape %[[D]] : tensor<2x3x4xf32>
// CHECK: kiln.slice %[[D]] {{.*}} : tensor<2x3x4xf32>
// CHECK: kiln.unsqueeze %[[D]] {{.*}} : tensor<2x3x4xf32>
// CHECK: %[[KEPT:.*]] = kiln.transpose %[[X]] {perm = array<i64: 2, 1, 0>} : tensor<2x3x4x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01,1.250000e-01}>> -> tensor<4x3x2x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01,1.250000e-01}>>
// CHECK: kiln.dequantize %[[KEPT]]
func.func @layout_per_axis(%xq: tensor<2x3x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>>) -> (tensor<3x2x4xf32>, tensor<6x4xf32>, tensor<2x2x4xf32>, tensor<1x2x3x4xf32>, tensor<4x3x2xf32>) {
  %x = kiln.dequantize %xq : tensor<2x3x4x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>> -> tensor<2x3x4xf32>
  %t = kiln.transpose %x {perm = array<i64: 1, 0, 2>} : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  %r = kiln.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %s = kiln.slice %x {starts = array<i64: 0, 1, 0>, ends = array<i64: 2, 3, 4>, steps = array<i64: 1, 1, 1>} : tensor<2x3x4xf32> -> tensor<2x2x4xf32>
  %u = kiln.unsqueeze %x {axes = array<i64: 0>} : tensor<2x3x4xf32> -> tensor<1x2x3x4xf32>
  %k = kiln.transpose %x {perm = array<i64: 2, 1, 0>} : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
  return %t, %r, %s, %u, %k : tensor<3x2x4xf32>, tensor<6x4xf32>, tensor<2x2x4xf32>, tensor<1x2x3x4xf32>, tensor<4x3x2xf32>
}

// -----

// quantize(dequantize(x)): x for the same type, else a requantize.
// CHECK-LABEL: func.func @quantize_of_dequantize
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>>)
// CHECK: %[[R:.*]] = kiln.requantize %[[X]] : tensor<4x!quant.uniform<u8:f32, 5.000000e-01:3>> -> tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK: return %[[X]], %[[R]]
func.func @quantize_of_dequantize(%xq: tensor<4x!quant.uniform<u8:f32, 0.5:3>>) -> (tensor<4x!quant.uniform<u8:f32, 0.5:3>>, tensor<4x!quant.uniform<i8:f32, 0.25>>) {
  %x = kiln.dequantize %xq : tensor<4x!quant.uniform<u8:f32, 0.5:3>> -> tensor<4xf32>
  %q0 = kiln.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.5:3>>
  %q1 = kiln.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %q0, %q1 : tensor<4x!quant.uniform<u8:f32, 0.5:3>>, tensor<4x!quant.uniform<i8:f32, 0.25>>
}
