// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// 2-D, one group: the named convolution reads the zero-padded input and
// accumulates onto the broadcast bias.
// CHECK-LABEL: func.func @conv_2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[PADDED:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: } : tensor<1x3x8x8xf32> to tensor<1x3x9x9xf32>
// CHECK: %[[BIAS:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<4xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>)
// CHECK: %[[Y:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PADDED]], %[[W]] : tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>) outs(%[[BIAS]] : tensor<1x4x4x4xf32>)
// CHECK: return %[[Y]]
func.func @conv_2d(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %y = kiln.conv %x, %w, %b {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 0, 0>}
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Grouped (depthwise) convolution: a generic whose input channel is
// (m floordiv outputs-per-group) * channels-per-group + c.
// (Maps precede the function.)
// CHECK: #[[INPUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d3 + d6)>
// CHECK: #[[WEIGHT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
// CHECK: #[[OUTPUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK: %[[ZEROS:.*]] = linalg.fill
// CHECK: linalg.generic {indexing_maps = [#[[INPUT]], #[[WEIGHT]], #[[OUTPUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: outs(%[[ZEROS]] : tensor<1x4x3x3xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @conv_depthwise(%x: tensor<1x4x5x5xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %y = kiln.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 4 : i64}
      : (tensor<1x4x5x5xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// (Maps precede the function.)
// CHECK: #[[A_T:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK: #[[B_T:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @gemm
// CHECK: %[[PRODUCT:.*]] = linalg.generic {indexing_maps = [#[[A_T]], #[[B_T]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK: linalg.generic {{.*}} ins(%[[PRODUCT]], %{{.*}} : tensor<3x5xf32>, tensor<5xf32>)
// CHECK: %[[ALPHA:.*]] = arith.constant 2.500000e-01 : f32
// CHECK: arith.mulf %{{.*}}, %[[ALPHA]] : f32
// CHECK: %[[BETA:.*]] = arith.constant 3.500000e-01 : f32
// CHECK: arith.mulf %{{.*}}, %[[BETA]] : f32
func.func @gemm(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {
  %y = kiln.gemm %a, %b, %c {trans_a, trans_b, alpha = 2.5e-01 : f32, beta = 3.5e-01 : f32}
      : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %y : tensor<3x5xf32>
}

// -----

// (Maps precede the function.)
// CHECK: #[[WINDOW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// CHECK-LABEL: func.func @max_pool_ceil
// CHECK: %[[LOWEST:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[PADDED:.*]] = tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[LOWEST]]
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[LOWEST]] : f32)
// CHECK: %[[KERNEL:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[WINDOW]], #{{.*}}, #{{.*}}], {{.*}} ins(%[[PADDED]], %[[KERNEL]] : tensor<1x1x5x5xf32>, tensor<3x3xf32>) outs(%[[INIT]] : tensor<1x1x2x2xf32>)
// CHECK: arith.maximumf
func.func @max_pool_ceil(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %y = kiln.max_pool %x {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode}
      : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @average_pool_pads
// CHECK: %[[SUMS:.*]] = linalg.generic
// CHECK: arith.addf
// CHECK: %[[COUNTS:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SUMS]], %[[COUNTS]] : tensor<1x1x2x2xf32>, tensor<2x2xf32>)
// CHECK: arith.divf
func.func @average_pool_pads(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %y = kiln.average_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 0, 0>}
      : tensor<1x1x3x3xf32> -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @global_average_pool
// CHECK-NOT: tensor.pad
// CHECK: tensor.empty() : tensor<3x3xf32>
// CHECK: arith.constant dense<9.000000e+00> : tensor<1x1xf32>
// CHECK: arith.divf
func.func @global_average_pool(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x1x1xf32> {
  %y = kiln.global_average_pool %x : tensor<1x2x3x3xf32> -> tensor<1x2x1x1xf32>
  return %y : tensor<1x2x1x1xf32>
}

// -----

// (Maps precede the function.)
// CHECK: #[[ALL:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @batch_norm
// CHECK: linalg.generic {indexing_maps = [#[[ALL]], #[[CHANNEL]], #[[CHANNEL]], #[[CHANNEL]], #[[CHANNEL]], #[[ALL]]]
// CHECK: ^bb0(%[[X:.*]]: f32, %[[SCALE:.*]]: f32, %[[BIAS:.*]]: f32, %[[MEAN:.*]]: f32, %[[VARIANCE:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[CENTERED:.*]] = arith.subf %[[X]], %[[MEAN]]
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[VARIANCE]], %{{.*}}
// CHECK: %[[DEVIATION:.*]] = math.sqrt %[[SHIFTED]]
// CHECK: %[[NORMALIZED:.*]] = arith.divf %[[CENTERED]], %[[DEVIATION]]
// CHECK: %[[SCALED:.*]] = arith.mulf %[[NORMALIZED]], %[[SCALE]]
// CHECK: arith.addf %[[BIAS]], %[[SCALED]]
func.func @batch_norm(%x: tensor<1x2x3xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>) -> tensor<1x2x3xf32> {
  %y = kiln.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-05 : f32}
      : (tensor<1x2x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3xf32>
  return %y : tensor<1x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @instance_norm
// CHECK: %[[SUMS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}} : tensor<1x2x3xf32>) outs(%{{.*}} : tensor<1x2xf32>)
// CHECK: %[[SQUARES:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %[[SUMS]] : tensor<1x2x3xf32>, tensor<1x2xf32>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[SUMS]], %[[SQUARES]], %{{.*}}, %{{.*}} : tensor<1x2x3xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>)
// CHECK: math.sqrt
func.func @instance_norm(%x: tensor<1x2x3xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<1x2x3xf32> {
  %y = kiln.instance_norm %x, %s, %b {epsilon = 1.0e-05 : f32}
      : (tensor<1x2x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3xf32>
  return %y : tensor<1x2x3xf32>
}

// -----

// The running maximum and its flat position are two accumulators of one
// generic; a later element replaces them only when strictly greater.
// CHECK-LABEL: func.func @max_pool_with_indices
// CHECK: %[[MAX_INIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x1x2x2xf32>)
// CHECK: %[[INDEX_INIT:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<1x1x2x2xi64>)
// CHECK: %[[RESULTS:.*]]:2 = linalg.generic {{.*}} outs(%[[MAX_INIT]], %[[INDEX_INIT]] : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>)
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32, %[[MAX:.*]]: f32, %[[INDEX:.*]]: i64):
// CHECK: %[[GREATER:.*]] = arith.cmpf ogt, %[[X]], %[[MAX]] : f32
// CHECK: %[[FLAT:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: %[[NEW_MAX:.*]] = arith.select %[[GREATER]], %[[X]], %[[MAX]] : f32
// CHECK: %[[NEW_INDEX:.*]] = arith.select %[[GREATER]], %[[FLAT]], %[[INDEX]] : i64
// CHECK: linalg.yield %[[NEW_MAX]], %[[NEW_INDEX]]
// CHECK: return %[[RESULTS]]#0, %[[RESULTS]]#1
func.func @max_pool_with_indices(%x: tensor<1x1x5x5xf32>) -> (tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>) {
  %y, %i = kiln.max_pool_with_indices %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, column_major}
      : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
  return %y, %i : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64>
}

// -----

// Transposed convolution: the input spread by the strides into a zero
// tensor (padded by (K - 1) * d - pads), convolved with the flipped kernel
// whose input and output channels swap: W'[m, c, k] = W[c, m, K - 1 - k].
// (Maps precede the function.)
// CHECK: #[[FLIP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>
// CHECK-LABEL: func.func @conv_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x3xf32>, %[[W:.*]]: tensor<2x4x3x3xf32>)
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x2x8x8xf32>)
// CHECK: %[[SPREAD:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 1, 1] [1, 2, 3, 3] [1, 1, 2, 2]
// CHECK: %[[FLIPPED:.*]] = linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}]{{.*}} ins(%[[W]] : tensor<2x4x3x3xf32>) outs(%{{.*}} : tensor<4x2x3x3xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[SPREAD]], %[[FLIPPED]] : tensor<1x2x8x8xf32>, tensor<4x2x3x3xf32>) outs(%{{.*}} : tensor<1x4x6x6xf32>)
func.func @conv_transpose(%x: tensor<1x2x3x3xf32>, %w: tensor<2x4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %y = kiln.conv_transpose %x, %w {strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>}
      : (tensor<1x2x3x3xf32>, tensor<2x4x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %y : tensor<1x4x6x6xf32>
}

// -----

// A copy whose input index is affine in the output index (n, c, y, x).
// (Maps precede the function.)
// CHECK: #[[READ:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 * 4 + (d2 mod 2) * 2 + d3 mod 2, d2 floordiv 2, d3 floordiv 2)>
// CHECK-LABEL: func.func @depth_to_space_crd
// CHECK: linalg.generic {indexing_maps = [#[[READ]], #{{.*}}]{{.*}} ins(%{{.*}} : tensor<1x8x2x3xf32>) outs(%{{.*}} : tensor<1x2x4x6xf32>)
func.func @depth_to_space_crd(%x: tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32> {
  %y = kiln.depth_to_space %x {blocksize = 2 : i64, mode = #kiln.depth_to_space_mode<crd>} : tensor<1x8x2x3xf32> -> tensor<1x2x4x6xf32>
  return %y : tensor<1x2x4x6xf32>
}

// -----

// Gaussian elimination with partial pivoting in f64, one matrix at a time:
// per pivot column k, a search for the largest |a[p, k]|, the determinant
// times the pivot (negated for a swap), and one generic writing the
// swapped, eliminated matrix back with tensor.insert_slice.
// CHECK-LABEL: func.func @det
// CHECK: %[[MATRICES:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<2x3x3xf32>) outs(%{{.*}} : tensor<2x3x3xf64>)
// CHECK: arith.extf
// CHECK: %[[OUTER:[a-z0-9_]+]]:2 = scf.for %[[M:[a-z0-9_]+]] = {{.*}} iter_args(%[[ALL:[a-z0-9_]+]] = %[[MATRICES]], %[[DETS:[a-z0-9_]+]] = %{{.*}})
// CHECK: %[[COLUMNS:[a-z0-9_]+]]:2 = scf.for %[[K:[a-z0-9_]+]] = {{.*}} iter_args(%[[CURRENT:[a-z0-9_]+]] = %[[ALL]], %[[DET:[a-z0-9_]+]] = %cst{{.*}}) -> (tensor<2x3x3xf64>, f64)
// CHECK: %[[MATRIX:.*]] = tensor.extract_slice %[[CURRENT]][%[[M]], 0, 0] [1, 3, 3] [1, 1, 1] : tensor<2x3x3xf64> to tensor<3x3xf64>
// CHECK: %[[SEARCH:[a-z0-9_]+]]:2 = scf.for
// CHECK: math.absf
// CHECK: arith.cmpf ogt
// CHECK: %[[PIVOT:.*]] = tensor.extract %[[MATRIX]][%[[SEARCH]]#0, %[[K]]]
// CHECK: %[[SWAPPED:.*]] = arith.cmpi ne, %[[SEARCH]]#0, %[[K]]
// CHECK: %[[NEGATED:.*]] = arith.negf %[[DET]]
// CHECK: %[[SIGNED:.*]] = arith.select %[[SWAPPED]], %[[NEGATED]], %[[DET]]
// CHECK: %[[NEW_DET:.*]] = arith.mulf %[[SIGNED]], %[[PIVOT]]
// CHECK: %[[ELIMINATED:.*]] = linalg.generic
// CHECK: arith.divf %{{.*}}, %[[PIVOT]]
// CHECK: %[[UPDATED:.*]] = tensor.insert_slice %[[ELIMINATED]] into %[[CURRENT]][%[[M]], 0, 0] [1, 3, 3]
// CHECK: scf.yield %[[UPDATED]], %[[NEW_DET]]
// CHECK: %[[INSERTED:.*]] = tensor.insert %[[COLUMNS]]#1 into %[[DETS]][%[[M]]]
// CHECK: scf.yield %[[COLUMNS]]#0, %[[INSERTED]]
// CHECK: linalg.generic {{.*}} ins(%[[OUTER]]#1 : tensor<2xf64>) outs(%{{.*}} : tensor<2xf32>)
// CHECK: arith.truncf
func.func @det(%x: tensor<2x3x3xf32>) -> tensor<2xf32> {
  %d = kiln.det %x : tensor<2x3x3xf32> -> tensor<2xf32>
  return %d : tensor<2xf32>
}
