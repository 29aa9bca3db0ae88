// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @concat
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<2x7xf32> {
  %y = kiln.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x7xf32>
  return %y : tensor<2x7xf32>
}

// -----

// CHECK-LABEL: func.func @split
func.func @split(%x: tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x4xf32>) {
  %a, %b = kiln.split %x {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x4xf32>
  return %a, %b : tensor<2x2xf32>, tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @slice
func.func @slice(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %s = kiln.slice %x {starts = array<i64: 0, 1>, ends = array<i64: 4, 7>, steps = array<i64: 1, 2>} : tensor<4x8xf32> -> tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// A negative step reads input[start + i * step] in a generic.
// CHECK-LABEL: func.func @slice_backwards
func.func @slice_backwards(%x: tensor<4x8xf32>) -> tensor<4x4xf32> {
  %s = kiln.slice %x {starts = array<i64: 0, 7>, ends = array<i64: 4, -1>, steps = array<i64: 1, -2>} : tensor<4x8xf32> -> tensor<4x4xf32>
  return %s : tensor<4x4xf32>
}

// -----

// CHECK-LABEL: func.func @pad_constant_crop
func.func @pad_constant_crop(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x5x3xf32> {
  %p = kiln.pad %x {pads = array<i64: 0, 0, 1, -1, 0, 0, 0, 0>, value = -1.0 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x5x3xf32>
  return %p : tensor<1x3x5x3xf32>
}

// -----

// CHECK-LABEL: func.func @pad_reflect
func.func @pad_reflect(%x: tensor<1x8xf32>) -> tensor<1x12xf32> {
  %r = kiln.pad %x {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 2, 0, 2>} : tensor<1x8xf32> -> tensor<1x12xf32>
  return %r : tensor<1x12xf32>
}

// -----

// CHECK-LABEL: func.func @expand
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %e = kiln.expand %x : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return %e : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @tile
func.func @tile(%x: tensor<3x4xf32>) -> tensor<6x4xf32> {
  %t = kiln.tile %x {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x4xf32>
  return %t : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @flatten
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %f = kiln.flatten %x {axis = 1 : i64} : tensor<2x3x4xf32> -> tensor<2x12xf32>
  return %f : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func.func @gather
func.func @gather(%t: tensor<10x4xf32>, %i: tensor<2x3xi64>) -> tensor<2x3x4xf32> {
  %e = kiln.gather %t, %i {axis = 0 : i64} : tensor<10x4xf32>, tensor<2x3xi64> -> tensor<2x3x4xf32>
  return %e : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @gather_elements
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %g = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
  return %g : tensor<3x2xf32>
}
