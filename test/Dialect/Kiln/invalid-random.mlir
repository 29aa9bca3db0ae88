// RUN: kiln-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// random_normal / random_uniform
//===----------------------------------------------------------------------===//

func.func @random_normal_dynamic_result_without_shape() -> tensor<?x3xf32> {
  // expected-error@+1 {{a result of shape ?x3 needs a dynamic_shape operand for its `?` extents}}
  %0 = kiln.random_normal : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @random_uniform_shape_length_differs(%shape: tensor<3xi64>) -> tensor<?x3xf32> {
  // expected-error@+1 {{the dynamic shape has 3 entries but the result has rank 2}}
  %0 = kiln.random_uniform shape %shape : tensor<3xi64> : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @random_uniform_shape_not_1d(%shape: tensor<1x2xi64>) -> tensor<?x3xf32> {
  // expected-error@+1 {{the dynamic shape must be 1-D with a static length, got 1x2}}
  %0 = kiln.random_uniform shape %shape : tensor<1x2xi64> : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @random_normal_integer_result() -> tensor<2xi32> {
  // expected-error@+1 {{result #0 must be ranked tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = kiln.random_normal : tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

func.func @random_uniform_integer_bound() -> tensor<2xf32> {
  // expected-error@+1 {{attribute 'low' failed to satisfy constraint: 32-bit float attribute}}
  %0 = kiln.random_uniform {low = 0 : i64} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// bernoulli
//===----------------------------------------------------------------------===//

func.func @bernoulli_integer_probabilities(%p: tensor<4xi32>) -> tensor<4xi1> {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values, but got 'tensor<4xi32>'}}
  %0 = kiln.bernoulli %p : tensor<4xi32> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @bernoulli_wrong_result_shape(%p: tensor<4xf32>) -> tensor<5xf32> {
  // expected-error@+1 {{result #0 has shape 5 but its operands and attributes imply 4}}
  %0 = kiln.bernoulli %p : tensor<4xf32> -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// multinomial
//===----------------------------------------------------------------------===//

func.func @multinomial_input_rank(%x: tensor<2x3x4xf32>) -> tensor<2x1xi32> {
  // expected-error@+1 {{multinomial input must have rank 2 (batch, classes), got 2x3x4}}
  %0 = kiln.multinomial %x : tensor<2x3x4xf32> -> tensor<2x1xi32>
  return %0 : tensor<2x1xi32>
}

// -----

func.func @multinomial_no_classes(%x: tensor<2x0xf32>) -> tensor<2x1xi32> {
  // expected-error@+1 {{multinomial input needs at least one class}}
  %0 = kiln.multinomial %x : tensor<2x0xf32> -> tensor<2x1xi32>
  return %0 : tensor<2x1xi32>
}

// -----

func.func @multinomial_sample_size_zero(%x: tensor<2x3xf32>) -> tensor<2x0xi32> {
  // expected-error@+1 {{sample_size must be positive, got 0}}
  %0 = kiln.multinomial %x {sample_size = 0 : i64} : tensor<2x3xf32> -> tensor<2x0xi32>
  return %0 : tensor<2x0xi32>
}

// -----

func.func @multinomial_wrong_result_shape(%x: tensor<2x3xf32>) -> tensor<2x3xi64> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 2x4}}
  %0 = kiln.multinomial %x {sample_size = 4 : i64} : tensor<2x3xf32> -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

func.func @multinomial_float_result(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  // expected-error@+1 {{result #0 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x1xf32>'}}
  %0 = kiln.multinomial %x : tensor<2x3xf32> -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}
