// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @dft_real_input
func.func @dft_real_input(%x: tensor<1x10x10x1xf32>) -> tensor<1x10x10x2xf32> {
  // CHECK: kiln.dft %{{.*}} {axis = 1 : i64} : tensor<1x10x10x1xf32> -> tensor<1x10x10x2xf32>
  %0 = kiln.dft %x {axis = 1 : i64} : tensor<1x10x10x1xf32> -> tensor<1x10x10x2xf32>
  return %0 : tensor<1x10x10x2xf32>
}

// CHECK-LABEL: func.func @dft_inverse_axis_0
func.func @dft_inverse_axis_0(%x: tensor<8x3x2xf64>) -> tensor<8x3x2xf64> {
  // CHECK: kiln.dft %{{.*}} {axis = 0 : i64, inverse} : tensor<8x3x2xf64> -> tensor<8x3x2xf64>
  %0 = kiln.dft %x {axis = 0 : i64, inverse} : tensor<8x3x2xf64> -> tensor<8x3x2xf64>
  return %0 : tensor<8x3x2xf64>
}

// CHECK-LABEL: func.func @dft_onesided_padded
func.func @dft_onesided_padded(%x: tensor<2x10x1xf16>) -> tensor<2x7x2xf16> {
  // CHECK: kiln.dft %{{.*}} {axis = 1 : i64, dft_length = 12 : i64, onesided} : tensor<2x10x1xf16> -> tensor<2x7x2xf16>
  %0 = kiln.dft %x {axis = 1 : i64, dft_length = 12 : i64, onesided} : tensor<2x10x1xf16> -> tensor<2x7x2xf16>
  return %0 : tensor<2x7x2xf16>
}

// A onesided inverse (IRFFT) of 6 bins is a real signal of 2 * (6 - 1).
// CHECK-LABEL: func.func @dft_onesided_inverse
func.func @dft_onesided_inverse(%x: tensor<4x6x2xf32>) -> tensor<4x10x1xf32> {
  // CHECK: kiln.dft %{{.*}} {axis = 1 : i64, inverse, onesided} : tensor<4x6x2xf32> -> tensor<4x10x1xf32>
  %0 = kiln.dft %x {axis = 1 : i64, inverse, onesided} : tensor<4x6x2xf32> -> tensor<4x10x1xf32>
  return %0 : tensor<4x10x1xf32>
}

// CHECK-LABEL: func.func @dft_dynamic_length
func.func @dft_dynamic_length(%x: tensor<1x10x2xf32>, %n: tensor<i32>) -> tensor<1x?x2xf32> {
  // CHECK: kiln.dft %{{.*}} length %{{.*}} : tensor<i32> {axis = 1 : i64, inverse} : tensor<1x10x2xf32> -> tensor<1x?x2xf32>
  %0 = kiln.dft %x length %n : tensor<i32> {axis = 1 : i64, inverse} : tensor<1x10x2xf32> -> tensor<1x?x2xf32>
  return %0 : tensor<1x?x2xf32>
}

// The importer may declare an extent that a run-time length leaves open.
// CHECK-LABEL: func.func @dft_dynamic_length_refined
func.func @dft_dynamic_length_refined(%x: tensor<1x10x1xf32>, %n: tensor<1xi64>) -> tensor<1x5x2xf32> {
  // CHECK: kiln.dft %{{.*}} length %{{.*}} : tensor<1xi64> {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x5x2xf32>
  %0 = kiln.dft %x length %n : tensor<1xi64> {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x5x2xf32>
  return %0 : tensor<1x5x2xf32>
}

// CHECK-LABEL: func.func @dft_dynamic_signal
func.func @dft_dynamic_signal(%x: tensor<?x?x?xbf16>) -> tensor<?x?x2xbf16> {
  // CHECK: kiln.dft %{{.*}} {axis = 1 : i64, onesided} : tensor<?x?x?xbf16> -> tensor<?x?x2xbf16>
  %0 = kiln.dft %x {axis = 1 : i64, onesided} : tensor<?x?x?xbf16> -> tensor<?x?x2xbf16>
  return %0 : tensor<?x?x2xbf16>
}

// CHECK-LABEL: func.func @stft_window
func.func @stft_window(%x: tensor<1x128x1xf32>, %w: tensor<16xf32>) -> tensor<1x15x9x2xf32> {
  // CHECK: kiln.stft %{{.*}} window %{{.*}} : tensor<16xf32> {frame_step = 8 : i64, onesided} : tensor<1x128x1xf32> -> tensor<1x15x9x2xf32>
  %0 = kiln.stft %x window %w : tensor<16xf32> {frame_step = 8 : i64, onesided} : tensor<1x128x1xf32> -> tensor<1x15x9x2xf32>
  return %0 : tensor<1x15x9x2xf32>
}

// CHECK-LABEL: func.func @stft_complex_frame_length
func.func @stft_complex_frame_length(%x: tensor<2x100x2xf32>) -> tensor<2x9x16x2xf32> {
  // CHECK: kiln.stft %{{.*}} {frame_length = 16 : i64, frame_step = 10 : i64} : tensor<2x100x2xf32> -> tensor<2x9x16x2xf32>
  %0 = kiln.stft %x {frame_length = 16 : i64, frame_step = 10 : i64} : tensor<2x100x2xf32> -> tensor<2x9x16x2xf32>
  return %0 : tensor<2x9x16x2xf32>
}

// CHECK-LABEL: func.func @stft_dynamic_step_and_length
func.func @stft_dynamic_step_and_length(%x: tensor<1x128x1xf32>, %step: tensor<i64>, %length: tensor<i64>) -> tensor<1x?x?x2xf32> {
  // CHECK: kiln.stft %{{.*}} step %{{.*}} : tensor<i64> length %{{.*}} : tensor<i64> {onesided} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  %0 = kiln.stft %x step %step : tensor<i64> length %length : tensor<i64> {onesided} : tensor<1x128x1xf32> -> tensor<1x?x?x2xf32>
  return %0 : tensor<1x?x?x2xf32>
}

// The window's extent decides the bins even when frame_length is run-time.
// CHECK-LABEL: func.func @stft_window_and_dynamic_length
func.func @stft_window_and_dynamic_length(%x: tensor<1x128x1xf64>, %w: tensor<16xf64>, %length: tensor<i32>) -> tensor<1x8x9x2xf64> {
  // CHECK: kiln.stft %{{.*}} window %{{.*}} : tensor<16xf64> length %{{.*}} : tensor<i32> {frame_step = 16 : i64, onesided} : tensor<1x128x1xf64> -> tensor<1x8x9x2xf64>
  %0 = kiln.stft %x window %w : tensor<16xf64> length %length : tensor<i32> {frame_step = 16 : i64, onesided} : tensor<1x128x1xf64> -> tensor<1x8x9x2xf64>
  return %0 : tensor<1x8x9x2xf64>
}

// CHECK-LABEL: func.func @window_hann_periodic
func.func @window_hann_periodic() -> tensor<10xf32> {
  // CHECK: kiln.window {kind = #kiln.window_kind<hann>, periodic, size = 10 : i64} : tensor<10xf32>
  %0 = kiln.window {kind = #kiln.window_kind<hann>, periodic, size = 10 : i64} : tensor<10xf32>
  return %0 : tensor<10xf32>
}

// CHECK-LABEL: func.func @window_hamming_symmetric
func.func @window_hamming_symmetric() -> tensor<7xf64> {
  // CHECK: kiln.window {kind = #kiln.window_kind<hamming>, size = 7 : i64} : tensor<7xf64>
  %0 = kiln.window {kind = #kiln.window_kind<hamming>, size = 7 : i64} : tensor<7xf64>
  return %0 : tensor<7xf64>
}

// CHECK-LABEL: func.func @window_blackman_dynamic_size
func.func @window_blackman_dynamic_size(%n: tensor<i32>) -> tensor<?xf16> {
  // CHECK: kiln.window size %{{.*}} : tensor<i32> {kind = #kiln.window_kind<blackman>, periodic} : tensor<?xf16>
  %0 = kiln.window size %n : tensor<i32> {kind = #kiln.window_kind<blackman>, periodic} : tensor<?xf16>
  return %0 : tensor<?xf16>
}

// CHECK-LABEL: func.func @window_integer_result
func.func @window_integer_result() -> tensor<4xui8> {
  // CHECK: kiln.window {kind = #kiln.window_kind<hann>, size = 4 : i64} : tensor<4xui8>
  %0 = kiln.window {kind = #kiln.window_kind<hann>, size = 4 : i64} : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// CHECK-LABEL: func.func @mel_weight_matrix
func.func @mel_weight_matrix(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<9x8xf32> {
  // CHECK: kiln.mel_weight_matrix %{{.*}}, %{{.*}}, %{{.*}} {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x8xf32>
  %0 = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x8xf32>
  return %0 : tensor<9x8xf32>
}

// CHECK-LABEL: func.func @mel_weight_matrix_dynamic
func.func @mel_weight_matrix_dynamic(%bins: tensor<i32>, %length: tensor<1xi32>, %rate: tensor<1xi32>, %low: tensor<1xf64>, %high: tensor<f64>) -> tensor<?x?xi64> {
  // CHECK: kiln.mel_weight_matrix %{{.*}}, %{{.*}}, %{{.*}} bins %{{.*}} : tensor<i32> length %{{.*}} : tensor<1xi32> : tensor<1xi32>, tensor<1xf64>, tensor<f64> -> tensor<?x?xi64>
  %0 = kiln.mel_weight_matrix %rate, %low, %high bins %bins : tensor<i32> length %length : tensor<1xi32> : tensor<1xi32>, tensor<1xf64>, tensor<f64> -> tensor<?x?xi64>
  return %0 : tensor<?x?xi64>
}

// CHECK-LABEL: func.func @mel_weight_matrix_dynamic_bands
func.func @mel_weight_matrix_dynamic_bands(%bins: tensor<i64>, %rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<257x?xf32> {
  // CHECK: kiln.mel_weight_matrix %{{.*}}, %{{.*}}, %{{.*}} bins %{{.*}} : tensor<i64> {dft_length = 512 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<257x?xf32>
  %0 = kiln.mel_weight_matrix %rate, %low, %high bins %bins : tensor<i64> {dft_length = 512 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<257x?xf32>
  return %0 : tensor<257x?xf32>
}
