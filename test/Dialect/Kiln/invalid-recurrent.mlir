// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @rnn_input_rank(%x: tensor<5x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{x must have rank 3 ([seq_length, batch_size, input_size]), got shape 5x3}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_batch_major_input_rank(%x: tensor<2x5x3x1xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{x must have rank 3 ([batch_size, seq_length, input_size]), got shape 2x5x3x1}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, batch_major, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<2x5x3x1xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<2x5x1x4xf32>, tensor<2x1x4xf32>)
  return
}

// -----

func.func @rnn_hidden_size_not_positive(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{hidden_size must be positive, got 0}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 0 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @gru_bidirectional_activation_count(%x: tensor<5x2x3xf32>, %w: tensor<2x12x3xf32>, %r: tensor<2x12x4xf32>) {
  // expected-error@+1 {{expected 4 activation functions (2 per direction), got 2}}
  %y, %y_h = kiln.gru %x, %w, %r {direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<2x12x3xf32>, tensor<2x12x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>)
  return
}

// -----

func.func @rnn_activation_alpha_count(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{activation_alpha must hold one value per activation function (1), got 2}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<leaky_relu>], activation_alpha = array<f32: 0.1, 0.2>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_activation_beta_count(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{activation_beta must hold one value per activation function (1), got 0}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_activation_not_an_activation(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{attribute 'activations' failed to satisfy constraint: recurrent activation functions}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = ["Tanh"], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_clip_not_positive(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{clip must be positive, got -1}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, clip = -1.0 : f32, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @gru_weight_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x8x3xf32>, %r: tensor<1x12x4xf32>) {
  // expected-error@+1 {{w has shape 1x8x3 but must be [num_directions, 3 * hidden_size, input_size] = 1x12x3}}
  %y, %y_h = kiln.gru %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x8x3xf32>, tensor<1x12x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_weight_directions(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{w has shape 1x4x3 but must be [num_directions, hidden_size, input_size] = 2x4x3}}
  %y, %y_h = kiln.rnn %x, %w, %r {direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 4 : i64, activations = [#kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x2x2x4xf32>, tensor<2x2x4xf32>)
  return
}

// -----

func.func @lstm_recurrence_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x3xf32>) {
  // expected-error@+1 {{r has shape 1x16x3 but must be [num_directions, 4 * hidden_size, hidden_size] = 1x16x4}}
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x3xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @gru_bias_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %b: tensor<1x12xf32>) {
  // expected-error@+1 {{b has shape 1x12 but must be [num_directions, 6 * hidden_size] = 1x24}}
  %y, %y_h = kiln.gru %x, %w, %r bias %b {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<1x12xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lstm_peephole_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>, %p: tensor<1x16xf32>) {
  // expected-error@+1 {{p has shape 1x16 but must be [num_directions, 3 * hidden_size] = 1x12}}
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r peepholes %p {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x16xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_sequence_lens_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<5xi32>) {
  // expected-error@+1 {{sequence_lens has shape 5 but must be [batch_size] = 2}}
  %y, %y_h = kiln.rnn %x, %w, %r sequence_lens %lens {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<5xi32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_sequence_lens_i64(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<2xi64>) {
  // expected-error@+1 {{operand #3 must be ranked tensor of 32-bit signless integer values, but got 'tensor<2xi64>'}}
  %y, %y_h = kiln.rnn %x, %w, %r sequence_lens %lens {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi64>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @gru_initial_h_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>, %h: tensor<2x1x4xf32>) {
  // expected-error@+1 {{initial_h has shape 2x1x4 but must be [num_directions, batch_size, hidden_size] = 1x2x4}}
  %y, %y_h = kiln.gru %x, %w, %r initial_h %h {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>, tensor<2x1x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lstm_batch_major_initial_c_shape(%x: tensor<2x5x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>, %c: tensor<1x2x4xf32>) {
  // expected-error@+1 {{initial_c has shape 1x2x4 but must be [batch_size, num_directions, hidden_size] = 2x1x4}}
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r initial_c %c {hidden_size = 4 : i64, batch_major, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<2x5x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x2x4xf32>) -> (tensor<2x5x1x4xf32>, tensor<2x1x4xf32>, tensor<2x1x4xf32>)
  return
}

// -----

// The batch size that sequence_lens gives must agree with the initial state.
func.func @rnn_batch_sizes_differ(%x: tensor<5x?x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>, %lens: tensor<2xi32>, %h: tensor<1x3x4xf32>) {
  // expected-error@+1 {{initial_h has shape 1x3x4 but must be [num_directions, batch_size, hidden_size] = 1x2x4}}
  %y, %y_h = kiln.rnn %x, %w, %r sequence_lens %lens initial_h %h {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x?x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<2xi32>, tensor<1x3x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @rnn_wrong_result_shape(%x: tensor<5x2x3xf32>, %w: tensor<1x4x3xf32>, %r: tensor<1x4x4xf32>) {
  // expected-error@+1 {{result #0 has shape 5x2x4 but its operands and attributes imply 5x1x2x4}}
  %y, %y_h = kiln.rnn %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>) -> (tensor<5x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @gru_batch_major_wrong_state_shape(%x: tensor<2x5x3xf32>, %w: tensor<1x12x3xf32>, %r: tensor<1x12x4xf32>) {
  // expected-error@+1 {{result #1 has shape 1x2x4 but its operands and attributes imply 2x1x4}}
  %y, %y_h = kiln.gru %x, %w, %r {hidden_size = 4 : i64, batch_major, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0>}
      : (tensor<2x5x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> (tensor<2x5x1x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lstm_operand_element_type(%x: tensor<5x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>, %h: tensor<1x2x4xf16>) {
  // expected-error@+1 {{initial_h element type 'f16' does not match x's 'f32'}}
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r initial_h %h {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>, tensor<1x2x4xf16>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return
}

// -----

func.func @lstm_result_element_type(%x: tensor<5x2x3xf32>, %w: tensor<1x16x3xf32>, %r: tensor<1x16x4xf32>) {
  // expected-error@+1 {{result #2 element type 'bf16' does not match x's 'f32'}}
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r {hidden_size = 4 : i64, activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>], activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<5x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xbf16>)
  return
}
