// Constant folding of the shape arithmetic that ONNX exporters emit.
// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// shape = concat(unsqueeze(gather(shape(x), 0)), [-1]) as torch emits it.
// CHECK-LABEL: func.func @torch_flatten_shape
// CHECK-NEXT: %[[SHAPE:.*]] = kiln.constant dense<[2, -1]> : tensor<2xi64>
// CHECK-NEXT: return %[[SHAPE]]
func.func @torch_flatten_shape() -> tensor<2xi64> {
  %shape = kiln.constant dense<[2, 3, 4]> : tensor<3xi64>
  %index = kiln.constant dense<0> : tensor<i64>
  %batch = kiln.gather %shape, %index : tensor<3xi64>, tensor<i64> -> tensor<i64>
  %batch1 = kiln.unsqueeze %batch {axes = array<i64: 0>} : tensor<i64> -> tensor<1xi64>
  %rest = kiln.constant dense<-1> : tensor<1xi64>
  %result = kiln.concat %batch1, %rest {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  return %result : tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @integer_arithmetic
// CHECK-DAG: kiln.constant dense<[9, 6]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[-7, 0]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[10, 4]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[-2, 1]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[5, 2]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<2> : tensor<2xi64>
// CHECK-NOT: kiln.add
// CHECK-NOT: kiln.div
func.func @integer_arithmetic() -> (tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) {
  %a = kiln.constant dense<[5, 2]> : tensor<2xi64>
  %b = kiln.constant dense<2> : tensor<i64>
  %c = kiln.constant dense<[-5, 2]> : tensor<2xi64>
  %add = kiln.add %a, %b : tensor<2xi64>, tensor<i64> -> tensor<2xi64>
  %sub = kiln.sub %c, %b : tensor<2xi64>, tensor<i64> -> tensor<2xi64>
  %sum = kiln.add %a, %a : tensor<2xi64>, tensor<2xi64> -> tensor<2xi64>
  // Integer division truncates toward zero: -5 / 2 = -2.
  %div = kiln.div %c, %b : tensor<2xi64>, tensor<i64> -> tensor<2xi64>
  %max = kiln.max %a, %c : tensor<2xi64>, tensor<2xi64> -> tensor<2xi64>
  %min = kiln.min %a, %b : tensor<2xi64>, tensor<i64> -> tensor<2xi64>
  %add2 = kiln.add %add, %b : tensor<2xi64>, tensor<i64> -> tensor<2xi64>
  return %add2, %sub, %sum, %div, %max, %min : tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>
}

// -----

// Division by a constant zero stays an op: it is a runtime error, not a fold.
// CHECK-LABEL: func.func @integer_division_by_zero
// CHECK: kiln.div
func.func @integer_division_by_zero() -> tensor<2xi32> {
  %a = kiln.constant dense<[5, 2]> : tensor<2xi32>
  %zero = kiln.constant dense<0> : tensor<i32>
  %div = kiln.div %a, %zero : tensor<2xi32>, tensor<i32> -> tensor<2xi32>
  return %div : tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @comparisons
// CHECK-DAG: kiln.constant dense<[false, true, false]> : tensor<3xi1>
// CHECK-DAG: kiln.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-DAG: kiln.constant dense<[false, false, true]> : tensor<3xi1>
func.func @comparisons() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = kiln.constant dense<[1.0, 2.0, 0x7FC00000]> : tensor<3xf32>
  %b = kiln.constant dense<2.0> : tensor<f32>
  %eq = kiln.equal %a, %b : tensor<3xf32>, tensor<f32> -> tensor<3xi1>
  %lt = kiln.less %a, %b : tensor<3xf32>, tensor<f32> -> tensor<3xi1>
  %i = kiln.constant dense<[200, 1, 255]> : tensor<3xui8>
  %j = kiln.constant dense<254> : tensor<ui8>
  // Unsigned: 255 > 254.
  %gt = kiln.greater %i, %j : tensor<3xui8>, tensor<ui8> -> tensor<3xi1>
  return %eq, %lt, %gt : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-DAG: kiln.constant dense<[2, -2, 0]> : tensor<3xi32>
// CHECK-DAG: kiln.constant dense<[2.550000e+02, 1.000000e+00, 0.000000e+00]> : tensor<3xf32>
// CHECK-DAG: kiln.constant dense<[true, true, false]> : tensor<3xi1>
func.func @casts() -> (tensor<3xi32>, tensor<3xf32>, tensor<3xi1>) {
  %f = kiln.constant dense<[2.7, -2.7, 0.0]> : tensor<3xf32>
  %toInt = kiln.cast %f : tensor<3xf32> -> tensor<3xi32>
  %u = kiln.constant dense<[255, 1, 0]> : tensor<3xui8>
  %toFloat = kiln.cast %u : tensor<3xui8> -> tensor<3xf32>
  %toBool = kiln.cast %u : tensor<3xui8> -> tensor<3xi1>
  return %toInt, %toFloat, %toBool : tensor<3xi32>, tensor<3xf32>, tensor<3xi1>
}

// -----

// Into float 8: overflow becomes NaN (E4M3FN) or infinity (E5M2), or the
// largest finite value with saturate; ties round to even (464 -> 448,
// 61440 -> inf).
// CHECK-LABEL: func.func @casts_to_float8
// CHECK-DAG: kiln.constant dense<[4.480000e+02, 0x7F, 0xFF, 2.000000e+00]> : tensor<4xf8E4M3FN>
// CHECK-DAG: kiln.constant dense<[4.480000e+02, 4.480000e+02, -4.480000e+02, 2.000000e+00]> : tensor<4xf8E4M3FN>
// CHECK-DAG: kiln.constant dense<[0x7C, 5.734400e+04, 0xFC, 0x7E]> : tensor<4xf8E5M2>
// CHECK-DAG: kiln.constant dense<[5.734400e+04, 5.734400e+04, -5.734400e+04, 0x7E]> : tensor<4xf8E5M2>
func.func @casts_to_float8() -> (tensor<4xf8E4M3FN>, tensor<4xf8E4M3FN>, tensor<4xf8E5M2>, tensor<4xf8E5M2>) {
  %f = kiln.constant dense<[464.0, 465.0, 0xFF800000, 2.125]> : tensor<4xf32>
  %e4m3 = kiln.cast %f : tensor<4xf32> -> tensor<4xf8E4M3FN>
  %e4m3Saturated = kiln.cast %f {saturate} : tensor<4xf32> -> tensor<4xf8E4M3FN>
  %g = kiln.constant dense<[61440.0, 61439.0, 0xFF800000, 0x7FC00000]> : tensor<4xf32>
  %e5m2 = kiln.cast %g : tensor<4xf32> -> tensor<4xf8E5M2>
  %e5m2Saturated = kiln.cast %g {saturate} : tensor<4xf32> -> tensor<4xf8E5M2>
  return %e4m3, %e4m3Saturated, %e5m2, %e5m2Saturated : tensor<4xf8E4M3FN>, tensor<4xf8E4M3FN>, tensor<4xf8E5M2>, tensor<4xf8E5M2>
}

// -----

// FP4 has neither infinities nor NaN: those do not fold (saturated
// infinities do).
// CHECK-LABEL: func.func @casts_to_fp4
// CHECK-DAG: kiln.constant dense<[6.000000e+00, 2.000000e+00, -6.000000e+00]> : tensor<3xf4E2M1FN>
// CHECK-DAG: kiln.cast %{{.*}} : tensor<3xf32> -> tensor<3xf4E2M1FN>
func.func @casts_to_fp4() -> (tensor<3xf4E2M1FN>, tensor<3xf4E2M1FN>) {
  %f = kiln.constant dense<[100.0, 2.5, 0xFF800000]> : tensor<3xf32>
  %saturated = kiln.cast %f {saturate} : tensor<3xf32> -> tensor<3xf4E2M1FN>
  %plain = kiln.cast %f : tensor<3xf32> -> tensor<3xf4E2M1FN>
  return %saturated, %plain : tensor<3xf4E2M1FN>, tensor<3xf4E2M1FN>
}

// -----

// CHECK-LABEL: func.func @slice_and_reshapes
// CHECK-DAG: kiln.constant dense<[4, 2]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<{{\[\[}}1, 2, 3, 4]]> : tensor<1x4xi64>
// CHECK-DAG: kiln.constant dense<[1, 2, 3, 4]> : tensor<4xi64>
func.func @slice_and_reshapes() -> (tensor<2xi64>, tensor<1x4xi64>, tensor<4xi64>) {
  %a = kiln.constant dense<[1, 2, 3, 4]> : tensor<4xi64>
  %s = kiln.slice %a {starts = array<i64: 3>, ends = array<i64: 0>, steps = array<i64: -2>} : tensor<4xi64> -> tensor<2xi64>
  %u = kiln.unsqueeze %a {axes = array<i64: 0>} : tensor<4xi64> -> tensor<1x4xi64>
  %q = kiln.squeeze %u {axes = array<i64: 0>} : tensor<1x4xi64> -> tensor<4xi64>
  return %s, %u, %q : tensor<2xi64>, tensor<1x4xi64>, tensor<4xi64>
}

// -----

// CHECK-LABEL: func.func @gather_rows
// CHECK-NEXT: %[[G:.*]] = kiln.constant dense<{{\[\[}}5, 6], [1, 2]]> : tensor<2x2xi32>
// CHECK-NEXT: return %[[G]]
func.func @gather_rows() -> tensor<2x2xi32> {
  %data = kiln.constant dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  %indices = kiln.constant dense<[-1, 0]> : tensor<2xi64>
  %g = kiln.gather %data, %indices : tensor<3x2xi32>, tensor<2xi64> -> tensor<2x2xi32>
  return %g : tensor<2x2xi32>
}

// -----

// A gather index out of range is left for the runtime to report.
// CHECK-LABEL: func.func @gather_out_of_range
// CHECK: kiln.gather
func.func @gather_out_of_range() -> tensor<1xi32> {
  %data = kiln.constant dense<[1, 2, 3]> : tensor<3xi32>
  %indices = kiln.constant dense<[3]> : tensor<1xi64>
  %g = kiln.gather %data, %indices : tensor<3xi32>, tensor<1xi64> -> tensor<1xi32>
  return %g : tensor<1xi32>
}

// -----

// CHECK-LABEL: func.func @unary
// CHECK-DAG: kiln.constant dense<[2, -3]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[2, 3]> : tensor<2xi64>
// CHECK-DAG: kiln.constant dense<[2.500000e+00, -0.000000e+00]> : tensor<2xf32>
// CHECK-DAG: kiln.constant dense<[false, true]> : tensor<2xi1>
// CHECK-DAG: kiln.constant dense<[255, 1]> : tensor<2xui8>
// CHECK-NOT: kiln.neg
// CHECK-NOT: kiln.abs
// CHECK-NOT: kiln.not
func.func @unary() -> (tensor<2xi64>, tensor<2xi64>, tensor<2xf32>, tensor<2xi1>, tensor<2xui8>) {
  %i = kiln.constant dense<[-2, 3]> : tensor<2xi64>
  %neg = kiln.neg %i : tensor<2xi64> -> tensor<2xi64>
  %abs = kiln.abs %i : tensor<2xi64> -> tensor<2xi64>
  %f = kiln.constant dense<[-2.5, 0.0]> : tensor<2xf32>
  %fneg = kiln.neg %f : tensor<2xf32> -> tensor<2xf32>
  %b = kiln.constant dense<[true, false]> : tensor<2xi1>
  %not = kiln.not %b : tensor<2xi1> -> tensor<2xi1>
  // |x| of unsigned values is x.
  %u = kiln.constant dense<[255, 1]> : tensor<2xui8>
  %uabs = kiln.abs %u : tensor<2xui8> -> tensor<2xui8>
  return %neg, %abs, %fneg, %not, %uabs : tensor<2xi64>, tensor<2xi64>, tensor<2xf32>, tensor<2xi1>, tensor<2xui8>
}
