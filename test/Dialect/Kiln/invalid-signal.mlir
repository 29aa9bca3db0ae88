// RUN: kiln-opt %s -split-input-file -verify-diagnostics

func.func @dft_rank_1(%x: tensor<10xf32>) -> tensor<10xf32> {
  // expected-error@+1 {{the input needs signal dimensions and a trailing extent of 1 (real) or 2 (complex), got 10}}
  %0 = kiln.dft %x {axis = 0 : i64} : tensor<10xf32> -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @dft_trailing_extent_3(%x: tensor<1x10x3xf32>) -> tensor<1x10x2xf32> {
  // expected-error@+1 {{the input needs signal dimensions and a trailing extent of 1 (real) or 2 (complex), got 1x10x3}}
  %0 = kiln.dft %x {axis = 1 : i64} : tensor<1x10x3xf32> -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_onesided_complex_input(%x: tensor<1x10x2xf32>) -> tensor<1x6x2xf32> {
  // expected-error@+1 {{a onesided forward DFT needs a real input (trailing extent 1), got 2}}
  %0 = kiln.dft %x {axis = 1 : i64, onesided} : tensor<1x10x2xf32> -> tensor<1x6x2xf32>
  return %0 : tensor<1x6x2xf32>
}

// -----

func.func @dft_onesided_inverse_real_input(%x: tensor<1x6x1xf32>) -> tensor<1x10x1xf32> {
  // expected-error@+1 {{a onesided inverse DFT needs a complex input (trailing extent 2), got 1}}
  %0 = kiln.dft %x {axis = 1 : i64, inverse, onesided} : tensor<1x6x1xf32> -> tensor<1x10x1xf32>
  return %0 : tensor<1x10x1xf32>
}

// -----

func.func @dft_axis_is_trailing_dimension(%x: tensor<1x10x1xf32>) -> tensor<1x10x2xf32> {
  // expected-error@+1 {{axis 2 is not a signal dimension of input 1x10x1 (expected 0 <= axis < 2)}}
  %0 = kiln.dft %x {axis = 2 : i64} : tensor<1x10x1xf32> -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_length_twice(%x: tensor<1x10x1xf32>, %n: tensor<i64>) -> tensor<1x?x2xf32> {
  // expected-error@+1 {{give at most one of dft_length and a dynamic dft_length}}
  %0 = kiln.dft %x length %n : tensor<i64> {axis = 1 : i64, dft_length = 8 : i64} : tensor<1x10x1xf32> -> tensor<1x?x2xf32>
  return %0 : tensor<1x?x2xf32>
}

// -----

func.func @dft_length_zero(%x: tensor<1x10x1xf32>) -> tensor<1x0x2xf32> {
  // expected-error@+1 {{dft_length must be positive, got 0}}
  %0 = kiln.dft %x {axis = 1 : i64, dft_length = 0 : i64} : tensor<1x10x1xf32> -> tensor<1x0x2xf32>
  return %0 : tensor<1x0x2xf32>
}

// -----

func.func @dft_dynamic_length_not_scalar(%x: tensor<1x10x1xf32>, %n: tensor<2xi64>) -> tensor<1x?x2xf32> {
  // expected-error@+1 {{the dynamic dft_length must hold one value, got 2}}
  %0 = kiln.dft %x length %n : tensor<2xi64> {axis = 1 : i64} : tensor<1x10x1xf32> -> tensor<1x?x2xf32>
  return %0 : tensor<1x?x2xf32>
}

// -----

func.func @dft_onesided_inverse_default_length(%x: tensor<1x1x2xf32>) -> tensor<1x0x1xf32> {
  // expected-error@+1 {{the default DFT length 0 (from extent 1 at axis 1) must be positive}}
  %0 = kiln.dft %x {axis = 1 : i64, inverse, onesided} : tensor<1x1x2xf32> -> tensor<1x0x1xf32>
  return %0 : tensor<1x0x1xf32>
}

// -----

func.func @dft_result_keeps_full_spectrum(%x: tensor<1x10x1xf32>) -> tensor<1x10x2xf32> {
  // expected-error@+1 {{result #0 has shape 1x10x2 but its operands and attributes imply 1x6x2}}
  %0 = kiln.dft %x {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x10x2xf32>
  return %0 : tensor<1x10x2xf32>
}

// -----

func.func @dft_element_type_changes(%x: tensor<1x10x1xf32>) -> tensor<1x10x2xf16> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.dft %x {axis = 1 : i64} : tensor<1x10x1xf32> -> tensor<1x10x2xf16>
  return %0 : tensor<1x10x2xf16>
}

// -----

func.func @stft_signal_rank_2(%x: tensor<128x1xf32>) -> tensor<1x15x9x2xf32> {
  // expected-error@+1 {{the signal must have shape [batch, length, 1 or 2], got 128x1}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 8 : i64} : tensor<128x1xf32> -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// -----

func.func @stft_onesided_complex_signal(%x: tensor<1x128x2xf32>) -> tensor<1x15x9x2xf32> {
  // expected-error@+1 {{a onesided STFT needs a real input (trailing extent 1), got 2}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 8 : i64, onesided} : tensor<1x128x2xf32> -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// -----

func.func @stft_no_step(%x: tensor<1x128x1xf32>) -> tensor<1x?x16x2xf32> {
  // expected-error@+1 {{give exactly one of frame_step and a dynamic frame_step}}
  %0 = kiln.stft %x {frame_length = 16 : i64} : tensor<1x128x1xf32> -> tensor<1x?x16x2xf32>
  return %0 : tensor<1x?x16x2xf32>
}

// -----

func.func @stft_step_zero(%x: tensor<1x128x1xf32>) -> tensor<1x?x16x2xf32> {
  // expected-error@+1 {{frame_step must be positive, got 0}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 0 : i64} : tensor<1x128x1xf32> -> tensor<1x?x16x2xf32>
  return %0 : tensor<1x?x16x2xf32>
}

// -----

func.func @stft_dynamic_step_not_scalar(%x: tensor<1x128x1xf32>, %s: tensor<1x1xi64>) -> tensor<1x?x16x2xf32> {
  // expected-error@+1 {{the dynamic frame_step must hold one value, got 1x1}}
  %0 = kiln.stft %x step %s : tensor<1x1xi64> {frame_length = 16 : i64} : tensor<1x128x1xf32> -> tensor<1x?x16x2xf32>
  return %0 : tensor<1x?x16x2xf32>
}

// -----

func.func @stft_frame_length_twice(%x: tensor<1x128x1xf32>, %l: tensor<i64>) -> tensor<1x?x?x2xf32> {
  // expected-error@+1 {{give at most one of frame_length and a dynamic frame_length}}
  %0 = kiln.stft %x length %l : tensor<i64> {frame_length = 16 : i64, frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_window_rank_2(%x: tensor<1x128x1xf32>, %w: tensor<4x4xf32>) -> tensor<1x15x9x2xf32> {
  // expected-error@+1 {{the window must be a non-empty 1-D tensor, got 4x4}}
  %0 = kiln.stft %x window %w : tensor<4x4xf32> {frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// -----

func.func @stft_window_empty(%x: tensor<1x128x1xf32>, %w: tensor<0xf32>) -> tensor<1x?x?x2xf32> {
  // expected-error@+1 {{the window must be a non-empty 1-D tensor, got 0}}
  %0 = kiln.stft %x window %w : tensor<0xf32> {frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_window_element_type(%x: tensor<1x128x1xf32>, %w: tensor<16xf64>) -> tensor<1x15x16x2xf32> {
  // expected-error@+1 {{the window element type 'f64' does not match the signal's 'f32'}}
  %0 = kiln.stft %x window %w : tensor<16xf64> {frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x15x16x2xf32>
  return %0 : tensor<1x15x16x2xf32>
}

// -----

func.func @stft_window_frame_length_mismatch(%x: tensor<1x128x1xf32>, %w: tensor<16xf32>) -> tensor<1x?x?x2xf32> {
  // expected-error@+1 {{the window extent 16 does not match frame_length 8}}
  %0 = kiln.stft %x window %w : tensor<16xf32> {frame_length = 8 : i64, frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_no_frame_length(%x: tensor<1x128x1xf32>) -> tensor<1x?x?x2xf32> {
  // expected-error@+1 {{give a window or a frame length}}
  %0 = kiln.stft %x {frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// -----

func.func @stft_frame_longer_than_signal(%x: tensor<1x10x1xf32>) -> tensor<1x?x16x2xf32> {
  // expected-error@+1 {{frame length 16 exceeds the signal length 10}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 8 : i64} : tensor<1x10x1xf32> -> tensor<1x?x16x2xf32>
  return %0 : tensor<1x?x16x2xf32>
}

// -----

func.func @stft_result_frames(%x: tensor<1x128x1xf32>) -> tensor<1x16x16x2xf32> {
  // expected-error@+1 {{result #0 has shape 1x16x16x2 but its operands and attributes imply 1x15x16x2}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x16x16x2xf32>
  return %0 : tensor<1x16x16x2xf32>
}

// -----

func.func @stft_element_type_changes(%x: tensor<1x128x1xf32>) -> tensor<1x15x16x2xf64> {
  // expected-error@+1 {{all of {signal, output} have same element type}}
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 8 : i64} : tensor<1x128x1xf32> -> tensor<1x15x16x2xf64>
  return %0 : tensor<1x15x16x2xf64>
}

// -----

func.func @window_no_size() -> tensor<10xf32> {
  // expected-error@+1 {{give exactly one of size and a dynamic size}}
  %0 = kiln.window {kind = #kiln.window_kind<hann>} : tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @window_size_zero() -> tensor<0xf32> {
  // expected-error@+1 {{size must be positive, got 0}}
  %0 = kiln.window {kind = #kiln.window_kind<hamming>, size = 0 : i64} : tensor<0xf32>
  return %0 : tensor<0xf32>
}

// -----

func.func @window_dynamic_size_not_scalar(%n: tensor<2xi32>) -> tensor<?xf32> {
  // expected-error@+1 {{the dynamic size must hold one value, got 2}}
  %0 = kiln.window size %n : tensor<2xi32> {kind = #kiln.window_kind<blackman>} : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @window_result_extent() -> tensor<8xf32> {
  // expected-error@+1 {{result #0 has shape 8 but its operands and attributes imply 10}}
  %0 = kiln.window {kind = #kiln.window_kind<hann>, periodic, size = 10 : i64} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @window_bool_result() -> tensor<4xi1> {
  // expected-error@+1 {{result #0 must be ranked tensor of floating-point or 8-bit signless integer}}
  %0 = kiln.window {kind = #kiln.window_kind<hann>, size = 4 : i64} : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @mel_no_bands(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<9x?xf32> {
  // expected-error@+1 {{give exactly one of num_mel_bins and a dynamic num_mel_bins}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x?xf32>
  return %0 : tensor<9x?xf32>
}

// -----

func.func @mel_dft_length_twice(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>, %n: tensor<i64>) -> tensor<?x8xf32> {
  // expected-error@+1 {{give exactly one of dft_length and a dynamic dft_length}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high length %n : tensor<i64> {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

func.func @mel_zero_bands(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<9x0xf32> {
  // expected-error@+1 {{num_mel_bins must be positive, got 0}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 0 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x0xf32>
  return %0 : tensor<9x0xf32>
}

// -----

func.func @mel_sample_rate_not_scalar(%rate: tensor<2xi64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<9x8xf32> {
  // expected-error@+1 {{the sample rate must hold one value, got 2}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<2xi64>, tensor<f32>, tensor<f32> -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// -----

func.func @mel_lower_edge_not_scalar(%rate: tensor<i64>, %low: tensor<2xf32>, %high: tensor<f32>) -> tensor<9x8xf32> {
  // expected-error@+1 {{the lower edge must hold one value, got 2}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<2xf32>, tensor<f32> -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// -----

func.func @mel_upper_edge_not_scalar(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<1x1xf32>) -> tensor<9x8xf32> {
  // expected-error@+1 {{the upper edge must hold one value, got 1x1}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<1x1xf32> -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// -----

func.func @mel_edge_types_differ(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f64>) -> tensor<9x8xf32> {
  // expected-error@+1 {{all of {lower_edge_hertz, upper_edge_hertz} have same element type}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f64> -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// -----

func.func @mel_result_transposed(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<8x9xf32> {
  // expected-error@+1 {{result #0 has shape 8x9 but its operands and attributes imply 9x8}}
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<8x9xf32>
  return %0 : tensor<8x9xf32>
}
