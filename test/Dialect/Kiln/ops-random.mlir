// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @random_normal
func.func @random_normal() -> (tensor<2x3xf32>, tensor<4xf64>) {
  // CHECK: kiln.random_normal : tensor<2x3xf32>
  %0 = kiln.random_normal : tensor<2x3xf32>
  // CHECK: kiln.random_normal {mean = 1.000000e+00 : f32, scale = 2.000000e+00 : f32, seed = 7.000000e+00 : f32} : tensor<4xf64>
  %1 = kiln.random_normal {mean = 1.0 : f32, scale = 2.0 : f32, seed = 7.0 : f32} : tensor<4xf64>
  return %0, %1 : tensor<2x3xf32>, tensor<4xf64>
}

// CHECK-LABEL: func.func @random_normal_dynamic_shape
func.func @random_normal_dynamic_shape(%shape: tensor<2xi64>) -> tensor<?x3xf16> {
  // CHECK: kiln.random_normal shape %{{.*}} : tensor<2xi64> : tensor<?x3xf16>
  %0 = kiln.random_normal shape %shape : tensor<2xi64> : tensor<?x3xf16>
  return %0 : tensor<?x3xf16>
}

// CHECK-LABEL: func.func @random_uniform
func.func @random_uniform() -> (tensor<f32>, tensor<5x0xbf16>) {
  // CHECK: kiln.random_uniform : tensor<f32>
  %0 = kiln.random_uniform : tensor<f32>
  // CHECK: kiln.random_uniform {high = 5.000000e+00 : f32, low = -1.000000e+00 : f32, seed = 0.000000e+00 : f32} : tensor<5x0xbf16>
  %1 = kiln.random_uniform {low = -1.0 : f32, high = 5.0 : f32, seed = 0.0 : f32} : tensor<5x0xbf16>
  return %0, %1 : tensor<f32>, tensor<5x0xbf16>
}

// A declared shape may make the extents of a run-time shape static.
// CHECK-LABEL: func.func @random_uniform_dynamic_shape
func.func @random_uniform_dynamic_shape(%shape: tensor<3xi64>) -> (tensor<3x?x5xf32>, tensor<3x4x5xf32>) {
  // CHECK: kiln.random_uniform shape %{{.*}} : tensor<3xi64> {seed = 1.000000e+00 : f32} : tensor<3x?x5xf32>
  %0 = kiln.random_uniform shape %shape : tensor<3xi64> {seed = 1.0 : f32} : tensor<3x?x5xf32>
  // CHECK: kiln.random_uniform shape %{{.*}} : tensor<3xi64> : tensor<3x4x5xf32>
  %1 = kiln.random_uniform shape %shape : tensor<3xi64> : tensor<3x4x5xf32>
  return %0, %1 : tensor<3x?x5xf32>, tensor<3x4x5xf32>
}

// CHECK-LABEL: func.func @bernoulli
func.func @bernoulli(%p: tensor<10xf32>, %q: tensor<?x2xf64>) -> (tensor<10xi1>, tensor<10xf32>, tensor<?x2xui8>) {
  // CHECK: kiln.bernoulli %{{.*}} {seed = 0.000000e+00 : f32} : tensor<10xf32> -> tensor<10xi1>
  %0 = kiln.bernoulli %p {seed = 0.0 : f32} : tensor<10xf32> -> tensor<10xi1>
  // CHECK: kiln.bernoulli %{{.*}} : tensor<10xf32> -> tensor<10xf32>
  %1 = kiln.bernoulli %p : tensor<10xf32> -> tensor<10xf32>
  // CHECK: kiln.bernoulli %{{.*}} : tensor<?x2xf64> -> tensor<?x2xui8>
  %2 = kiln.bernoulli %q : tensor<?x2xf64> -> tensor<?x2xui8>
  return %0, %1, %2 : tensor<10xi1>, tensor<10xf32>, tensor<?x2xui8>
}

// CHECK-LABEL: func.func @multinomial
func.func @multinomial(%logits: tensor<3x10xf32>, %batch: tensor<?x4xf16>) -> (tensor<3x1xi32>, tensor<?x5xi64>) {
  // CHECK: kiln.multinomial %{{.*}} : tensor<3x10xf32> -> tensor<3x1xi32>
  %0 = kiln.multinomial %logits : tensor<3x10xf32> -> tensor<3x1xi32>
  // CHECK: kiln.multinomial %{{.*}} {sample_size = 5 : i64, seed = 2.000000e+00 : f32} : tensor<?x4xf16> -> tensor<?x5xi64>
  %1 = kiln.multinomial %batch {sample_size = 5 : i64, seed = 2.0 : f32} : tensor<?x4xf16> -> tensor<?x5xi64>
  return %0, %1 : tensor<3x1xi32>, tensor<?x5xi64>
}
