// RUN: kiln-opt %s -split-input-file -verify-diagnostics

// expected-error@+1 {{MX block size must be a positive power of two, got 24}}
func.func @mx_block_not_power_of_two() attributes {f = #kiln.mx<int8, axis = 0, block_size = 24>} {
  return
}

// -----

// expected-error@+1 {{MX axis must be non-negative, got -1}}
func.func @mx_negative_axis() attributes {f = #kiln.mx<int8, axis = -1>} {
  return
}

// -----

// expected-error@+1 {{MX axis 2 is out of range for a tensor of rank 2}}
func.func @mx_encoding_axis_out_of_range(%a: tensor<4x32xf32, #kiln.mx<fp4_e2m1, axis = 2>>) {
  return
}

// -----

// expected-error@+1 {{MX-encoded tensors hold their expressed float values, not 'i8'}}
func.func @mx_encoding_on_integers(%a: tensor<4x32xi8, #kiln.mx<int8, axis = 1>>) {
  return
}

// -----

// expected-error@+2 {{expected ::mlir::kiln::MXElementFormat to be one of: fp8_e4m3, fp8_e5m2, fp6_e2m3, fp6_e3m2, fp4_e2m1, int8}}
// expected-error@+1 {{failed to parse Kiln_MXFormatAttr parameter 'element_format'}}
func.func @mx_unknown_element_format() attributes {f = #kiln.mx<fp16, axis = 0>} {
  return
}

// -----

// expected-error@+1 {{fixed-point width must be in [2, 64], got 1}}
func.func @fixed_point_too_narrow() attributes {f = #kiln.fixed_point<1, 0, signed>} {
  return
}

// -----

// expected-error@+1 {{fixed-point fraction bits must be at most 64, got 65}}
func.func @fixed_point_too_many_fraction_bits() attributes {f = #kiln.fixed_point<8, 65, signed>} {
  return
}

// -----

// expected-error@+1 {{expected 'signed' or 'unsigned', got 'sign'}}
func.func @fixed_point_bad_signedness() attributes {f = #kiln.fixed_point<8, 4, sign>} {
  return
}

// -----

// expected-error@+1 {{sparsity group size M must be a power of two in [2, 64], got 6}}
func.func @sparsity_group_not_power_of_two() attributes {f = #kiln.sparsity<2:6, axis = 0>} {
  return
}

// -----

// expected-error@+1 {{sparsity N must satisfy 0 < N < M, got 4:4}}
func.func @sparsity_dense() attributes {f = #kiln.sparsity<4:4, axis = 0>} {
  return
}

// -----

// expected-error@+1 {{sparsity axis must be non-negative, got -1}}
func.func @sparsity_negative_axis() attributes {f = #kiln.sparsity<2:4, axis = -1>} {
  return
}

// -----

// expected-error@+1 {{sparsity axis 1 is out of range for a tensor of rank 1}}
func.func @sparsity_encoding_axis_out_of_range(%a: tensor<8xf32, #kiln.sparsity<2:4, axis = 1>>) {
  return
}

// -----

// expected-error@+1 {{dimension 1 of extent 6 is not a multiple of the sparsity group size 4}}
func.func @sparsity_encoding_extent(%a: tensor<2x6xf32, #kiln.sparsity<2:4, axis = 1>>) {
  return
}

// -----

// expected-error@+1 {{integer format int8 needs a signless integer accumulator of at least 16 bits, got 'f32'}}
func.func @precision_int8_float_accumulator() attributes {f = #kiln.precision<int8, accumulator = f32>} {
  return
}

// -----

// expected-error@+1 {{integer format int4 needs a signless integer accumulator of at least 16 bits, got 'i8'}}
func.func @precision_narrow_accumulator() attributes {f = #kiln.precision<int4, accumulator = i8>} {
  return
}

// -----

// expected-error@+1 {{float format f32 needs a float accumulator of at least 32 bits, got 'f16'}}
func.func @precision_f32_half_accumulator() attributes {f = #kiln.precision<f32, accumulator = f16>} {
  return
}

// -----

// expected-error@+1 {{a block format is given exactly when the format is mx}}
func.func @precision_mx_without_block() attributes {f = #kiln.precision<mx, accumulator = f32>} {
  return
}

// -----

// expected-error@+1 {{a block format is given exactly when the format is mx}}
func.func @precision_block_without_mx() attributes {f = #kiln.precision<bf16, accumulator = f32, block = <int8, axis = 0>>} {
  return
}

// -----

// expected-error@+1 {{integer format mx needs a signless integer accumulator of at least 16 bits, got 'f32'}}
func.func @precision_mxint8_float_accumulator() attributes {f = #kiln.precision<mx, accumulator = f32, block = <int8, axis = 0>>} {
  return
}
