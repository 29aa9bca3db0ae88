// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file -verify-diagnostics %s

// Integer gemm scales only by 1: alpha = 2 has no integer lowering.
func.func @integer_gemm_alpha(%a: tensor<2x3xi32>, %b: tensor<3x4xi32>) -> tensor<2x4xi32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.gemm'}}
  %y = kiln.gemm %a, %b {alpha = 2.0 : f32} : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
  return %y : tensor<2x4xi32>
}

// -----

// Run-time pads are not lowered yet.
func.func @pad_dynamic(%x: tensor<4xf32>, %p: tensor<2xi64>) -> tensor<6xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.pad'}}
  %y = kiln.pad %x pads %p : tensor<2xi64> {pads = array<i64>} : tensor<4xf32> -> tensor<6xf32>
  return %y : tensor<6xf32>
}
