// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(kiln-refine-shapes))' | FileCheck %s

// The declared extent of the cast flows back through the unary and the
// broadcasting ops to the range, and forward to the other user of the range.
// CHECK-LABEL: func.func @window_chain
// CHECK: %[[RANGE:.*]] = kiln.range {{.*}} -> tensor<10xf32>
// CHECK: %[[SCALED:.*]] = kiln.mul %[[RANGE]], %{{.*}} : tensor<10xf32>, tensor<f32> -> tensor<10xf32>
// CHECK: %[[COS:.*]] = kiln.cos %[[SCALED]] : tensor<10xf32> -> tensor<10xf32>
// CHECK: %[[SIN:.*]] = kiln.sin %[[RANGE]] : tensor<10xf32> -> tensor<10xf32>
// CHECK: kiln.add %[[COS]], %[[SIN]] : tensor<10xf32>, tensor<10xf32> -> tensor<10xf32>
// CHECK: kiln.cast %{{.*}} : tensor<10xf32> -> tensor<10xf16>
func.func @window_chain(%n: tensor<f32>) -> tensor<10xf16> {
  %zero = kiln.constant dense<0.0> : tensor<f32>
  %one = kiln.constant dense<1.0> : tensor<f32>
  %r = kiln.range %zero, %n, %one : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %m = kiln.mul %r, %n : tensor<?xf32>, tensor<f32> -> tensor<?xf32>
  %c = kiln.cos %m : tensor<?xf32> -> tensor<?xf32>
  %s = kiln.sin %r : tensor<?xf32> -> tensor<?xf32>
  %a = kiln.add %c, %s : tensor<?xf32>, tensor<?xf32> -> tensor<?xf32>
  %y = kiln.cast %a : tensor<?xf32> -> tensor<10xf16>
  return %y : tensor<10xf16>
}

// -----

// Unsqueeze maps the result's extents to its input; a broadcast against a
// static extent takes it.
// CHECK-LABEL: func.func @one_hot_chain
// CHECK: kiln.range {{.*}} -> tensor<10xi64>
// CHECK: kiln.unsqueeze %{{.*}} {axes = array<i64: 0, 2>} : tensor<10xi64> -> tensor<1x10x1xi64>
// CHECK: kiln.equal %{{.*}}, %{{.*}} : tensor<2x1x3xi64>, tensor<1x10x1xi64> -> tensor<2x10x3xi1>
// CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x10x3xi1>, tensor<f32>, tensor<f32> -> tensor<2x10x3xf32>
func.func @one_hot_chain(%indices: tensor<2x1x3xi64>, %depth: tensor<i64>, %on: tensor<f32>, %off: tensor<f32>) -> tensor<2x10x3xf32> {
  %zero = kiln.constant dense<0> : tensor<i64>
  %one = kiln.constant dense<1> : tensor<i64>
  %r = kiln.range %zero, %depth, %one : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %u = kiln.unsqueeze %r {axes = array<i64: 0, 2>} : tensor<?xi64> -> tensor<1x?x1xi64>
  %e = kiln.equal %indices, %u : tensor<2x1x3xi64>, tensor<1x?x1xi64> -> tensor<2x?x3xi1>
  %y = kiln.where %e, %on, %off : tensor<2x?x3xi1>, tensor<f32>, tensor<f32> -> tensor<2x10x3xf32>
  return %y : tensor<2x10x3xf32>
}

// -----

// A squeezed dimension has extent 1; the others follow the result. A
// reshape to a run-time shape keeps its run-time extents.
// CHECK-LABEL: func.func @squeeze
// CHECK: kiln.range {{.*}} -> tensor<6xf32>
// CHECK: kiln.reshape {{.*}} : tensor<6xf32> -> tensor<1x?xf32>
// CHECK: kiln.unsqueeze %{{.*}} {axes = array<i64: 0>} : tensor<6xf32> -> tensor<1x6xf32>
// CHECK: kiln.squeeze %{{.*}} {axes = array<i64: 0>} : tensor<1x6xf32> -> tensor<6xf32>
func.func @squeeze(%n: tensor<f32>, %x: tensor<6xf32>, %shape: tensor<2xi64>) -> tensor<6xf32> {
  %zero = kiln.constant dense<0.0> : tensor<f32>
  %one = kiln.constant dense<1.0> : tensor<f32>
  %r = kiln.range %zero, %n, %one : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %shaped = kiln.reshape %r to %shape : tensor<2xi64> : tensor<?xf32> -> tensor<1x?xf32>
  %u = kiln.unsqueeze %r {axes = array<i64: 0>} : tensor<?xf32> -> tensor<1x?xf32>
  %s = kiln.squeeze %u {axes = array<i64: 0>} : tensor<1x?xf32> -> tensor<?xf32>
  %y = kiln.add %s, %x : tensor<?xf32>, tensor<6xf32> -> tensor<6xf32>
  return %y : tensor<6xf32>
}

// -----

// Run-time extents that reach the function's results stay run-time.
// CHECK-LABEL: func.func @returned
// CHECK: kiln.range {{.*}} -> tensor<?xf32>
// CHECK: kiln.neg %{{.*}} : tensor<?xf32> -> tensor<?xf32>
func.func @returned(%n: tensor<f32>) -> tensor<?xf32> {
  %zero = kiln.constant dense<0.0> : tensor<f32>
  %one = kiln.constant dense<1.0> : tensor<f32>
  %r = kiln.range %zero, %n, %one : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %y = kiln.neg %r : tensor<?xf32> -> tensor<?xf32>
  return %y : tensor<?xf32>
}
