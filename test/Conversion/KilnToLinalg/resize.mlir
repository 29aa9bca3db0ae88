// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// Bilinear: one generic over the output reads the four taps of the two
// resized dimensions at indices clamped into the input; the unit-scale
// channel dimension reads its own index, the batch of extent 1 index 0.
// CHECK-LABEL: func.func @resize_linear
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32>)
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<1x3x8x6xf32>)
// CHECK-NOT: linalg.index 0
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: linalg.index 2 : index
// CHECK: math.floor %{{.*}} : f64
// CHECK: arith.minsi %{{.*}}, %{{.*}} : index
// CHECK: arith.maxsi
// CHECK: linalg.index 3 : index
// CHECK: math.floor %{{.*}} : f64
// CHECK-COUNT-4: tensor.extract %[[X]][%{{.*}}, %[[C]], %{{.*}}, %{{.*}}] : tensor<1x3x4x4xf32>
// CHECK-NOT: tensor.extract
// CHECK: %[[Y:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK: linalg.yield %[[Y]] : f32
func.func @resize_linear(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x6xf32> {
  %y = kiln.resize %x {mode = #kiln.resize_mode<linear>, scales = array<f32: 1.0, 1.0, 2.0, 1.5>}
      : tensor<1x3x4x4xf32> -> tensor<1x3x8x6xf32>
  return %y : tensor<1x3x8x6xf32>
}

// -----

// Run-time scales are read once, before the generic (the batch of extent 1
// needs none); every other dimension is transformed, since a run-time scale
// may differ from 1 while the extent stays. round_prefer_ceil is
// floor(x + 0.5); nearest reads one element.
// CHECK-LABEL: func.func @resize_nearest_dynamic_scales
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>, %[[SCALES:.*]]: tensor<4xf32>)
// CHECK-COUNT-3: tensor.extract %[[SCALES]][%{{.*}}] : tensor<4xf32>
// CHECK: linalg.generic
// CHECK: %[[C:.*]] = linalg.index 1 : index
// CHECK: arith.divf
// CHECK: arith.addf
// CHECK: math.floor
// CHECK: linalg.index 2 : index
// CHECK: linalg.index 3 : index
// CHECK: tensor.extract %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<1x2x4x4xf32>
// CHECK-NOT: tensor.extract
// CHECK: linalg.yield %{{.*}} : f32
func.func @resize_nearest_dynamic_scales(%x: tensor<1x2x4x4xf32>, %scales: tensor<4xf32>) -> tensor<1x2x8x2xf32> {
  %y = kiln.resize %x scales %scales : tensor<4xf32> {nearest_mode = #kiln.nearest_mode<round_prefer_ceil>, coordinate_transform = #kiln.coordinate_transform<asymmetric>}
      : tensor<1x2x4x4xf32> -> tensor<1x2x8x2xf32>
  return %y : tensor<1x2x8x2xf32>
}

// -----

// tf_crop_and_resize reads the roi box before the generic and selects
// extrapolation_value where a coordinate leaves [0, in - 1].
// CHECK-LABEL: func.func @resize_crop
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>, %[[ROI:.*]]: tensor<8xf32>)
// CHECK-COUNT-4: tensor.extract %[[ROI]]
// CHECK: linalg.generic
// CHECK: %[[BELOW_H:.*]] = arith.cmpf olt, %[[Y:.*]], %{{.*}} : f64
// CHECK: %[[ABOVE_H:.*]] = arith.cmpf olt, %{{.*}}, %[[Y]] : f64
// CHECK: %[[OUTSIDE_H:.*]] = arith.ori %[[BELOW_H]], %[[ABOVE_H]]
// CHECK: %[[OUTSIDE_W:.*]] = arith.ori
// CHECK: %[[OUTSIDE:.*]] = arith.ori %[[OUTSIDE_H]], %[[OUTSIDE_W]]
// CHECK-COUNT-4: tensor.extract %[[X]]
// CHECK: %[[EXTRAPOLATION:.*]] = arith.constant 1.000000e+01 : f64
// CHECK: arith.select %[[OUTSIDE]], %[[EXTRAPOLATION]], %{{.*}} : f64
func.func @resize_crop(%x: tensor<1x1x4x4xf32>, %roi: tensor<8xf32>) -> tensor<1x1x3x3xf32> {
  %y = kiln.resize %x roi %roi : tensor<8xf32> {mode = #kiln.resize_mode<linear>, coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>, extrapolation_value = 1.0e+01 : f32}
      : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// Bicubic over 4 x 4 taps; exclude_outside zeroes the weights of taps
// outside the input and divides the others by their sum. f16 data is
// interpolated in f64.
// CHECK-LABEL: func.func @resize_cubic_exclude_outside
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf16>)
// CHECK: linalg.generic
// CHECK: %[[IN:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
// CHECK: arith.select %[[IN]], %{{.*}}, %{{.*}} : f64
// CHECK-COUNT-4: arith.divf %{{.*}}, %[[SUM:.*]] : f64
// CHECK-COUNT-16: tensor.extract %[[X]]
// CHECK-NOT: tensor.extract
// CHECK: arith.truncf %{{.*}} : f64 to f16
func.func @resize_cubic_exclude_outside(%x: tensor<1x1x4x4xf16>) -> tensor<1x1x8x8xf16> {
  %y = kiln.resize %x {mode = #kiln.resize_mode<cubic>, cubic_coeff_a = -5.0e-01 : f32, exclude_outside, scales = array<f32: 1.0, 1.0, 2.0, 2.0>}
      : tensor<1x1x4x4xf16> -> tensor<1x1x8x8xf16>
  return %y : tensor<1x1x8x8xf16>
}
