// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence}))' | FileCheck %s

// The upper triangle from diagonal 1 - rows on is the whole matrix.
// CHECK-LABEL: func.func @trilu_upper_keeps_all
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NOT: kiln.trilu
// CHECK: return %[[X]]
func.func @trilu_upper_keeps_all(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = kiln.trilu %x {upper, k = -2 : i64} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @trilu_upper_masks
// CHECK: kiln.trilu
func.func @trilu_upper_masks(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = kiln.trilu %x {upper, k = -1 : i64} : tensor<3x4xf32> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// The lower triangle up to diagonal columns - 1 is the whole matrix.
// CHECK-LABEL: func.func @trilu_lower_keeps_all
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xi32>)
// CHECK-NOT: kiln.trilu
// CHECK: return %[[X]]
func.func @trilu_lower_keeps_all(%x: tensor<?x4xi32>) -> tensor<?x4xi32> {
  %0 = kiln.trilu %x {k = 3 : i64} : tensor<?x4xi32> -> tensor<?x4xi32>
  return %0 : tensor<?x4xi32>
}

// -----

// CHECK-LABEL: func.func @trilu_lower_masks
// CHECK: kiln.trilu
func.func @trilu_lower_masks(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = kiln.trilu %x {k = 2 : i64} : tensor<3x4xf32> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Without a static column count the mask cannot be shown to keep all.
// CHECK-LABEL: func.func @trilu_lower_dynamic_columns
// CHECK: kiln.trilu
func.func @trilu_lower_dynamic_columns(%x: tensor<3x?xf32>) -> tensor<3x?xf32> {
  %0 = kiln.trilu %x {k = 100 : i64} : tensor<3x?xf32> -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}
