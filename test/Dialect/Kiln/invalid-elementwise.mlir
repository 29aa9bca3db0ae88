// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @unary_shape_mismatch(%x: tensor<4xf32>) {
  // expected-error@+1 {{requires the same shape for all operands and results}}
  %y = kiln.exp %x : tensor<4xf32> -> tensor<5xf32>
  return
}

// -----

func.func @unary_element_type_mismatch(%x: tensor<4xf32>) {
  // expected-error@+1 {{result #0 element type 'f16' does not match 'f32'}}
  %y = kiln.tanh %x : tensor<4xf32> -> tensor<4xf16>
  return
}

// -----

func.func @unary_quantized_expressed_mismatch(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error@+1 {{result #0 element type '!quant.uniform<i8:f16, 1.000000e-01>' does not match '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %y = kiln.sigmoid %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f16, 0.1>>
  return
}

// -----

func.func @float_op_on_integers(%x: tensor<4xi32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point or quantized type values}}
  %y = kiln.exp %x : tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @not_on_floats(%x: tensor<4xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 1-bit signless integer values}}
  %y = kiln.not %x : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @clip_integer_bound_on_floats(%x: tensor<4xf32>) {
  // expected-error@+1 {{min must be a float attribute for elements of type 'f32'}}
  %y = kiln.clip %x {min = 0 : i32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @clip_float_bound_on_integers(%x: tensor<4xi8>) {
  // expected-error@+1 {{max must be an integer attribute for elements of type 'i8'}}
  %y = kiln.clip %x {max = 6.0 : f32} : tensor<4xi8> -> tensor<4xi8>
  return
}

// -----

func.func @clip_bound_type(%x: tensor<4xf16>) {
  // expected-error@+1 {{min has type 'f32', expected 'f16'}}
  %y = kiln.clip %x {min = 0.0 : f32} : tensor<4xf16> -> tensor<4xf16>
  return
}

// -----

func.func @clip_inverted_float_bounds(%x: tensor<4xf32>) {
  // expected-error@+1 {{min 6.000000e+00 exceeds max 0.000000e+00}}
  %y = kiln.clip %x {min = 6.0 : f32, max = 0.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @clip_inverted_unsigned_bounds(%x: tensor<4xui8>) {
  // expected-error@+1 {{min exceeds max}}
  %y = kiln.clip %x {min = 200 : ui8, max = 100 : ui8} : tensor<4xui8> -> tensor<4xui8>
  return
}

// -----

func.func @binary_shapes_do_not_broadcast(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{operand shapes 2x3 and 4 do not broadcast}}
  %y = kiln.add %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @binary_wrong_result_shape(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{result #0 has shape 2x4 but its operands and attributes imply 2x3}}
  %y = kiln.mul %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @binary_element_type_mismatch(%a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error@+1 {{operand #1 element type 'i32' does not match 'f32'}}
  %y = kiln.sub %a, %b : tensor<3xf32>, tensor<3xi32> -> tensor<3xf32>
  return
}

// -----

func.func @mod_fmod_not_unit(%a: tensor<3xi32>, %b: tensor<3xi32>) {
  // expected-error@+1 {{attribute 'fmod' failed to satisfy constraint: unit attribute}}
  %y = kiln.mod %a, %b {fmod = 1 : i64} : tensor<3xi32>, tensor<3xi32> -> tensor<3xi32>
  return
}

// -----

func.func @pow_result_type(%a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error@+1 {{result element type 'i32' must match the base's 'f32'}}
  %y = kiln.pow %a, %b : tensor<3xf32>, tensor<3xi32> -> tensor<3xi32>
  return
}

// -----

func.func @pow_quantized(%a: tensor<3x!quant.uniform<i8:f32, 0.1>>, %b: tensor<3xf32>) {
  // expected-error@+1 {{quantized operands must be dequantized first}}
  %y = kiln.pow %a, %b : tensor<3x!quant.uniform<i8:f32, 0.1>>, tensor<3xf32> -> tensor<3x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @compare_mixed_types(%a: tensor<3xf32>, %b: tensor<3xf16>) {
  // expected-error@+1 {{failed to verify that all of {lhs, rhs} have same element type}}
  %y = kiln.less %a, %b : tensor<3xf32>, tensor<3xf16> -> tensor<3xi1>
  return
}

// -----

func.func @compare_non_boolean_result(%a: tensor<3xf32>, %b: tensor<3xf32>) {
  // expected-error@+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %y = kiln.equal %a, %b : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @where_non_boolean_condition(%c: tensor<3xi8>, %a: tensor<3xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of 1-bit signless integer values}}
  %y = kiln.where %c, %a, %a : tensor<3xi8>, tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @where_branch_types_differ(%c: tensor<3xi1>, %a: tensor<3xf32>, %b: tensor<3xi32>) {
  // expected-error@+1 {{failed to verify that all of {on_true, on_false, output} have same element type}}
  %y = kiln.where %c, %a, %b : tensor<3xi1>, tensor<3xf32>, tensor<3xi32> -> tensor<3xf32>
  return
}

// -----

func.func @where_shapes_do_not_broadcast(%c: tensor<2xi1>, %a: tensor<3xf32>) {
  // expected-error@+1 {{operand shapes 2 and 3 do not broadcast}}
  %y = kiln.where %c, %a, %a : tensor<2xi1>, tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @is_nan_on_integers(%x: tensor<4xi32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of floating-point values}}
  %y = kiln.is_nan %x : tensor<4xi32> -> tensor<4xi1>
  return
}

// -----

func.func @is_inf_non_boolean_result(%x: tensor<4xf32>) {
  // expected-error@+1 {{result #0 must be ranked tensor of 1-bit signless integer values}}
  %y = kiln.is_inf %x : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @bitwise_on_floats(%a: tensor<4xf32>) {
  // expected-error@+1 {{operand #0 must be ranked tensor of integer values}}
  %y = kiln.bitwise_and %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @shift_mixed_widths(%a: tensor<4xui8>, %b: tensor<4xui32>) {
  // expected-error@+1 {{failed to verify that all of {lhs, rhs, output} have same element type}}
  %y = kiln.shift_left %a, %b : tensor<4xui8>, tensor<4xui32> -> tensor<4xui8>
  return
}
