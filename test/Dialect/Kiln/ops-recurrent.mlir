// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @rnn_defaults
func.func @rnn_defaults(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>) {
  // CHECK: kiln.rnn %{{.*}}, %{{.*}}, %{{.*}} {activation_alpha = array<f32: 0.000000e+00>, activation_beta = array<f32: 0.000000e+00>, activations = [#kiln.activation<tanh>], hidden_size = 4 : i64}
  // CHECK-SAME: : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return %y, %y_h : tensor<5x1x2x4xf32>, tensor<1x2x4xf32>
}

// CHECK-LABEL: func.func @rnn_all_operands
func.func @rnn_all_operands(%x: tensor<5x2x3xf32>, %w: tensor<2x4x3xf32>, %r: tensor<2x4x4xf32>, %b: tensor<2x8xf32>, %lens: tensor<2xi32>, %h: tensor<2x2x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>) {
  // CHECK: kiln.rnn %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} sequence_lens %{{.*}} initial_h %{{.*}} {activation_alpha = array<f32: 1.000000e-01, 0.000000e+00>, activation_beta = array<f32: 0.000000e+00, 0.000000e+00>, activations = [#kiln.activation<leaky_relu>, #kiln.activation<relu>], clip = 3.000000e+00 : f32, direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 4 : i64}
  // CHECK-SAME: : (tensor<5x2x3xf32>, tensor<2x4x3xf32>, tensor<2x4x4xf32>, tensor<2x8xf32>, tensor<2xi32>, tensor<2x2x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>)
  %y, %y_h = kiln.rnn %x, %w, %r bias %b sequence_lens %lens initial_h %h {direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 4 : i64, clip = 3.0 : f32, activations = [#kiln.activation<leaky_relu>, #kiln.activation<relu>], activation_alpha = array<f32: 0.1, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<2x4x3xf32>, tensor<2x4x4xf32>, tensor<2x8xf32>, tensor<2xi32>, tensor<2x2x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>)
  return %y, %y_h : tensor<5x2x2x4xf32>, tensor<2x2x4xf32>
}

// The batch size comes from the initial state when x leaves it dynamic.
// CHECK-LABEL: func.func @rnn_dynamic_batch
func.func @rnn_dynamic_batch(%x: tensor<?x?x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %h: tensor<1x2x4xf32>) -> (tensor<?x1x2x4xf32>, tensor<1x2x4xf32>) {
  // CHECK: kiln.rnn %{{.*}}, %{{.*}}, %{{.*}} initial_h %{{.*}} {{.*}} : (tensor<?x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) -> (tensor<?x1x2x4xf32>, tensor<1x2x4xf32>)
  %y, %y_h = kiln.rnn %x, %w, %r initial_h %h {direction = #kiln.recurrent_direction<reverse>, hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<?x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x2x4xf32>) -> (tensor<?x1x2x4xf32>, tensor<1x2x4xf32>)
  return %y, %y_h : tensor<?x1x2x4xf32>, tensor<1x2x4xf32>
}

// CHECK-LABEL: func.func @gru_linear_before_reset
func.func @gru_linear_before_reset(%x: tensor<7x3x2xf16>, %w: tensor<1x15x2xf16>, %r: tensor<1x15x5xf16>, %b: tensor<1x30xf16>) -> (tensor<7x1x3x5xf16>, tensor<1x3x5xf16>) {
  // CHECK: kiln.gru %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} {{{.*}}activations = [#kiln.activation<hard_sigmoid>, #kiln.activation<softsign>], {{.*}}linear_before_reset}
  // CHECK-SAME: : (tensor<7x3x2xf16>, tensor<1x15x2xf16>, tensor<1x15x5xf16>, tensor<1x30xf16>) -> (tensor<7x1x3x5xf16>, tensor<1x3x5xf16>)
  %y, %y_h = kiln.gru %x, %w, %r bias %b {hidden_size = 5 : i64, linear_before_reset, activations = [#kiln.activation<hard_sigmoid>, #kiln.activation<softsign>], activation_alpha = array<f32: 0.2, 0.0>, activation_beta = array<f32: 0.5, 0.0>}
      : (tensor<7x3x2xf16>, tensor<1x15x2xf16>, tensor<1x15x5xf16>, tensor<1x30xf16>) -> (tensor<7x1x3x5xf16>, tensor<1x3x5xf16>)
  return %y, %y_h : tensor<7x1x3x5xf16>, tensor<1x3x5xf16>
}

// CHECK-LABEL: func.func @gru_batch_major
func.func @gru_batch_major(%x: tensor<3x7x2xf32>, %w: tensor<2x15x2xf32>, %r: tensor<2x15x5xf32>, %h: tensor<3x2x5xf32>) -> (tensor<3x7x2x5xf32>, tensor<3x2x5xf32>) {
  // CHECK: kiln.gru %{{.*}}, %{{.*}}, %{{.*}} initial_h %{{.*}} {{{.*}}batch_major, direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 5 : i64}
  // CHECK-SAME: -> (tensor<3x7x2x5xf32>, tensor<3x2x5xf32>)
  %y, %y_h = kiln.gru %x, %w, %r initial_h %h {direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 5 : i64, batch_major,
      activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<sigmoid>, #kiln.activation<tanh>],
      activation_alpha = array<f32: 0.0, 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0, 0.0>}
      : (tensor<3x7x2xf32>, tensor<2x15x2xf32>, tensor<2x15x5xf32>, tensor<3x2x5xf32>) -> (tensor<3x7x2x5xf32>, tensor<3x2x5xf32>)
  return %y, %y_h : tensor<3x7x2x5xf32>, tensor<3x2x5xf32>
}

// CHECK-LABEL: func.func @lstm_defaults
func.func @lstm_defaults(%x: tensor<4x2x6xf32>, %w: tensor<1x12x6xf32>, %r: tensor<1x12x3xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>) {
  // CHECK: kiln.lstm %{{.*}}, %{{.*}}, %{{.*}} {activation_alpha = array<f32: 0.000000e+00, 0.000000e+00, 0.000000e+00>, activation_beta = array<f32: 0.000000e+00, 0.000000e+00, 0.000000e+00>, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], hidden_size = 3 : i64}
  // CHECK-SAME: : (tensor<4x2x6xf32>, tensor<1x12x6xf32>, tensor<1x12x3xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r {hidden_size = 3 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<4x2x6xf32>, tensor<1x12x6xf32>, tensor<1x12x3xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return %y, %y_h, %y_c : tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>
}

// CHECK-LABEL: func.func @lstm_peepholes
func.func @lstm_peepholes(%x: tensor<4x2x6xf32>, %w: tensor<1x12x6xf32>, %r: tensor<1x12x3xf32>, %b: tensor<1x24xf32>, %lens: tensor<2xi32>, %h: tensor<1x2x3xf32>, %c: tensor<1x2x3xf32>, %p: tensor<1x9xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>) {
  // CHECK: kiln.lstm %{{.*}}, %{{.*}}, %{{.*}} bias %{{.*}} sequence_lens %{{.*}} initial_h %{{.*}} initial_c %{{.*}} peepholes %{{.*}} {{{.*}}input_forget}
  // CHECK-SAME: : (tensor<4x2x6xf32>, tensor<1x12x6xf32>, tensor<1x12x3xf32>, tensor<1x24xf32>, tensor<2xi32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x9xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r bias %b sequence_lens %lens initial_h %h initial_c %c peepholes %p {hidden_size = 3 : i64, input_forget, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<4x2x6xf32>, tensor<1x12x6xf32>, tensor<1x12x3xf32>, tensor<1x24xf32>, tensor<2xi32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x9xf32>) -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return %y, %y_h, %y_c : tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>
}

// Initial cell state without an initial hidden state.
// CHECK-LABEL: func.func @lstm_initial_c_only
func.func @lstm_initial_c_only(%x: tensor<3x2x1xf32>, %w: tensor<1x8x1xf32>, %r: tensor<1x8x2xf32>, %c: tensor<3x1x2xf32>) -> (tensor<3x2x1x2xf32>, tensor<3x1x2xf32>, tensor<3x1x2xf32>) {
  // CHECK: kiln.lstm %{{.*}}, %{{.*}}, %{{.*}} initial_c %{{.*}} {{{.*}}batch_major{{.*}}}
  // CHECK-SAME: : (tensor<3x2x1xf32>, tensor<1x8x1xf32>, tensor<1x8x2xf32>, tensor<3x1x2xf32>) -> (tensor<3x2x1x2xf32>, tensor<3x1x2xf32>, tensor<3x1x2xf32>)
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r initial_c %c {hidden_size = 2 : i64, batch_major, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<3x2x1xf32>, tensor<1x8x1xf32>, tensor<1x8x2xf32>, tensor<3x1x2xf32>) -> (tensor<3x2x1x2xf32>, tensor<3x1x2xf32>, tensor<3x1x2xf32>)
  return %y, %y_h, %y_c : tensor<3x2x1x2xf32>, tensor<3x1x2xf32>, tensor<3x1x2xf32>
}
