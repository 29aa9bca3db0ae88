// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file -verify-diagnostics %s

// Integer gemm scales only by 1: alpha = 2 has no integer lowering.
func.func @integer_gemm_alpha(%a: tensor<2x3xi32>, %b: tensor<3x4xi32>) -> tensor<2x4xi32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.gemm'}}
  %y = kiln.gemm %a, %b {alpha = 2.0 : f32} : (tensor<2x3xi32>, tensor<3x4xi32>) -> tensor<2x4xi32>
  return %y : tensor<2x4xi32>
}

// -----

// Run-time extents are not lowered: the concat stays and fails the pass.
func.func @concat_dynamic(%a: tensor<?x3xf32>, %b: tensor<2x3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.concat'}}
  %y = kiln.concat %a, %b {axis = 0 : i64} : (tensor<?x3xf32>, tensor<2x3xf32>) -> tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}

// -----

// A data-dependent extent the model does not declare stays `?`: no lowering.
func.func @non_zero_undeclared(%x: tensor<2x3xf32>) -> tensor<2x?xi64> {
  // expected-error @+1 {{failed to legalize operation 'kiln.non_zero'}}
  %nz = kiln.non_zero %x : tensor<2x3xf32> -> tensor<2x?xi64>
  return %nz : tensor<2x?xi64>
}
