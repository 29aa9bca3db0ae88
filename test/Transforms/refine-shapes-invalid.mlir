// RUN: kiln-opt %s --pass-pipeline='builtin.module(func.func(kiln-refine-shapes))' -verify-diagnostics

// The first use fixes the range's extent to 4; the second use then
// broadcasts 4 against 5.
func.func @conflicting_uses(%n: tensor<f32>, %a: tensor<4xf32>, %b: tensor<5xf32>) -> (tensor<4xf32>, tensor<5xf32>) {
  %zero = kiln.constant dense<0.0> : tensor<f32>
  %one = kiln.constant dense<1.0> : tensor<f32>
  %r = kiln.range %zero, %n, %one : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // expected-error@+1 {{operand shapes 5 and 4 do not broadcast}}
  %x = kiln.add %r, %a : tensor<?xf32>, tensor<4xf32> -> tensor<4xf32>
  %y = kiln.add %r, %b : tensor<?xf32>, tensor<5xf32> -> tensor<5xf32>
  return %x, %y : tensor<4xf32>, tensor<5xf32>
}
