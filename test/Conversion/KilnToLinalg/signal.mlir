// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// A onesided DFT of a real signal: twiddles cos and -sin of
// 2 pi ((k n) mod N) / N for 6 bins x 10 samples, a reduction over n in
// f64, then (real, imaginary) selected by the trailing index and truncated.
// CHECK-DAG: #[[$SIGNAL:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, 0)>
// CHECK-DAG: #[[$TWIDDLE:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$SUM:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @dft_onesided
// CHECK-SAME: (%[[X:.*]]: tensor<1x10x1xf32>)
// CHECK: %[[N:.*]] = arith.constant 10 : index
// CHECK: %[[TW:.*]]:2 = linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]} outs(%{{.*}}, %{{.*}} : tensor<6x10xf64>, tensor<6x10xf64>)
// CHECK: arith.remui %{{.*}}, %[[N]] : index
// CHECK: math.cos
// CHECK: %[[SIN:.*]] = math.sin
// CHECK: arith.negf %[[SIN]]
// CHECK: %[[SUMS:.*]]:2 = linalg.generic {indexing_maps = [#[[$SIGNAL]], #[[$TWIDDLE]], #[[$TWIDDLE]], #[[$SUM]], #[[$SUM]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[TW]]#0, %[[TW]]#1 : tensor<1x10x1xf32>, tensor<6x10xf64>, tensor<6x10xf64>)
// CHECK: arith.extf
// CHECK: linalg.generic {{.*}} ins(%[[SUMS]]#0, %[[SUMS]]#1 : tensor<1x6xf64>, tensor<1x6xf64>) outs(%{{.*}} : tensor<1x6x2xf32>)
// CHECK: arith.select
// CHECK: arith.truncf %{{.*}} : f64 to f32
func.func @dft_onesided(%x: tensor<1x10x1xf32>) -> tensor<1x6x2xf32> {
  %y = kiln.dft %x {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x6x2xf32>
  return %y : tensor<1x6x2xf32>
}

// -----

// An inverse DFT of a half spectrum (N = 8 from 5 bins): twiddles scaled
// by 1/N, doubled except for bins 0 and N/2; the real part only.
// CHECK-LABEL: func.func @dft_inverse_onesided
// CHECK: %[[N:.*]] = arith.constant 8 : index
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<8x5xf64>, tensor<8x5xf64>)
// CHECK-NOT: arith.negf
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK: %[[SCALE:.*]] = arith.divf %[[ONE]], %{{.*}} : f64
// CHECK: %[[DOUBLED:.*]] = arith.addf %[[SCALE]], %[[SCALE]] : f64
// CHECK: arith.select %{{.*}}, %[[SCALE]], %[[DOUBLED]] : f64
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [5, 1] [1, 1] : tensor<5x2xf32> to tensor<5x1xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 1] [5, 1] [1, 1] : tensor<5x2xf32> to tensor<5x1xf32>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}} : tensor<8xf64>)
// CHECK: arith.subf
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<8x1xf32>)
func.func @dft_inverse_onesided(%x: tensor<5x2xf32>) -> tensor<8x1xf32> {
  %y = kiln.dft %x {axis = 0 : i64, inverse, onesided} : tensor<5x2xf32> -> tensor<8x1xf32>
  return %y : tensor<8x1xf32>
}

// -----

// 6 bins of a onesided DFT fit N = 10 or 11: the run-time N decides, the
// input is padded to 11 entries and twiddles at n >= N are zero.
// CHECK-LABEL: func.func @dft_run_time_length
// CHECK-SAME: (%[[X:.*]]: tensor<1x10x1xf32>, %[[LENGTH:.*]]: tensor<i64>)
// CHECK: %[[READ:.*]] = tensor.extract %[[LENGTH]][] : tensor<i64>
// CHECK: %[[N:.*]] = arith.index_cast %[[READ]] : i64 to index
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 0] high[0, 1, 0]
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<6x11xf64>, tensor<6x11xf64>)
// CHECK: %[[R:.*]] = linalg.index 1 : index
// CHECK: arith.remui %{{.*}}, %[[N]] : index
// CHECK: %[[INSIDE:.*]] = arith.cmpi ult, %[[R]], %[[N]] : index
// CHECK: arith.select %[[INSIDE]]
// CHECK: linalg.generic {{.*}} ins(%[[PADDED]], {{.*}} : tensor<1x11x1xf32>,
func.func @dft_run_time_length(%x: tensor<1x10x1xf32>, %n: tensor<i64>) -> tensor<1x6x2xf32> {
  %y = kiln.dft %x length %n : tensor<i64> {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x6x2xf32>
  return %y : tensor<1x6x2xf32>
}

// -----

// STFT: frames[b, f, n, c] = signal[b, min(f * step + n, 127), c] * w[n],
// then the DFT along n.
// CHECK-DAG: #[[$WINDOW:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-LABEL: func.func @stft
// CHECK-SAME: (%[[SIGNAL:.*]]: tensor<1x128x1xf32>, %[[STEP:.*]]: tensor<i64>, %[[W:.*]]: tensor<16xf32>)
// CHECK: %[[STEP_READ:.*]] = tensor.extract %[[STEP]][] : tensor<i64>
// CHECK: %[[STEP_INDEX:.*]] = arith.index_cast %[[STEP_READ]] : i64 to index
// CHECK: %[[FRAMES:.*]] = linalg.generic {indexing_maps = [#[[$WINDOW]], {{.*}}]{{.*}} ins(%[[W]] : tensor<16xf32>) outs(%{{.*}} : tensor<1x15x16x1xf32>)
// CHECK: ^bb0(%[[WEIGHT:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[FRAME:.*]] = linalg.index 1 : index
// CHECK: %[[OFFSET:.*]] = linalg.index 2 : index
// CHECK: %[[START:.*]] = arith.muli %[[FRAME]], %[[STEP_INDEX]] : index
// CHECK: %[[POSITION:.*]] = arith.addi %[[START]], %[[OFFSET]] : index
// CHECK: %[[CLAMPED:.*]] = arith.minui %[[POSITION]], %{{.*}} : index
// CHECK: %[[VALUE:.*]] = tensor.extract %[[SIGNAL]][%{{.*}}, %[[CLAMPED]], %{{.*}}] : tensor<1x128x1xf32>
// CHECK: arith.mulf %[[VALUE]], %[[WEIGHT]] : f32
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : tensor<9x16xf64>, tensor<9x16xf64>)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "reduction"]{{.*}} ins(%[[FRAMES]],
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x15x9x2xf32>)
func.func @stft(%x: tensor<1x128x1xf32>, %step: tensor<i64>, %w: tensor<16xf32>) -> tensor<1x15x9x2xf32> {
  %s = kiln.stft %x step %step : tensor<i64> window %w : tensor<16xf32> {onesided} : tensor<1x128x1xf32> -> tensor<1x15x9x2xf32>
  return %s : tensor<1x15x9x2xf32>
}

// -----

// A symmetric Hamming window of 5 points (N = 4) in f32, cast to unsigned
// 8-bit integers.
// CHECK-LABEL: func.func @hamming_window
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<5xi8>)
// CHECK: %[[N:.*]] = arith.constant 4.000000e+00 : f32
// CHECK: %[[ANGLE:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK-DAG: %[[A0:.*]] = arith.constant 0.543478251 : f32
// CHECK-DAG: %[[A1:.*]] = arith.constant 0.456521749 : f32
// CHECK: %[[COS:.*]] = math.cos %[[ANGLE]] : f32
// CHECK: %[[TERM:.*]] = arith.mulf %[[A1]], %[[COS]] : f32
// CHECK: %[[VALUE:.*]] = arith.subf %[[A0]], %[[TERM]] : f32
// CHECK: arith.fptoui %[[VALUE]] : f32 to i8
func.func @hamming_window() -> tensor<5xui8> {
  %w = kiln.window {kind = #kiln.window_kind<hamming>, size = 5 : i64} : tensor<5xui8>
  return %w : tensor<5xui8>
}

// -----

// Band edges floor((dft_length + 1) * hz(mel) / rate) for 8 + 2 edges,
// then each weight from its row and the three edges of its band.
// CHECK-LABEL: func.func @mel_weight_matrix
// CHECK: math.log1p
// CHECK: %[[EDGES:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<10xi64>)
// CHECK: math.expm1
// CHECK: math.floor
// CHECK: arith.fptosi %{{.*}} : f64 to i64
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<9x8xf32>)
// CHECK: %[[LOW:.*]] = tensor.extract %[[EDGES]]
// CHECK: %[[CENTER:.*]] = tensor.extract %[[EDGES]]
// CHECK: %[[HIGH:.*]] = tensor.extract %[[EDGES]]
// CHECK: arith.cmpi eq, %{{.*}}, %[[CENTER]] : i64
// CHECK: arith.truncf %{{.*}} : f64 to f32
func.func @mel_weight_matrix(%rate: tensor<i64>, %low: tensor<f32>, %high: tensor<f32>) -> tensor<9x8xf32> {
  %m = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64} : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x8xf32>
  return %m : tensor<9x8xf32>
}
