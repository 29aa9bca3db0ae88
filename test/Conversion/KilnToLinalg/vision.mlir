// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// Bilinear, zeros padding: a generic over the output reads the grid vector
// (x at index 0 is the innermost dimension) and four taps, each selected
// only inside the input.
// CHECK-LABEL: func.func @grid_sample_bilinear_zeros
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x5xf32>, %[[GRID:.*]]: tensor<1x3x6x2xf32>)
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<1x2x3x6xf32>)
// CHECK: %[[N:.*]] = linalg.index 0
// CHECK: %[[C:.*]] = linalg.index 1
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: tensor.extract %[[GRID]][%[[N]], %{{.*}}, %{{.*}}, %[[ONE]]]
// CHECK: math.floor
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: tensor.extract %[[GRID]][%[[N]], %{{.*}}, %{{.*}}, %[[ZERO]]]
// CHECK: math.floor
// CHECK: %[[IN_H:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
// CHECK: %[[IN_W:.*]] = arith.cmpi ult, %{{.*}}, %{{.*}} : index
// CHECK: %[[IN:.*]] = arith.andi %[[IN_H]], %[[IN_W]]
// CHECK: %[[V:.*]] = tensor.extract %[[X]][%[[N]], %[[C]], %{{.*}}, %{{.*}}]
// CHECK: arith.select %[[IN]], %[[V]], %{{.*}} : f32
// CHECK-COUNT-3: tensor.extract %[[X]]
// CHECK-NOT: tensor.extract
// CHECK: linalg.yield
func.func @grid_sample_bilinear_zeros(%x: tensor<1x2x4x5xf32>, %grid: tensor<1x3x6x2xf32>) -> tensor<1x2x3x6xf32> {
  %y = kiln.grid_sample %x, %grid : tensor<1x2x4x5xf32>, tensor<1x3x6x2xf32> -> tensor<1x2x3x6xf32>
  return %y : tensor<1x2x3x6xf32>
}

// -----

// Nearest (2-D: round half to even) with reflection padding reads one
// element; integers are interpolated as floats and truncated back.
// CHECK-LABEL: func.func @grid_sample_nearest_reflection
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xi8>, %[[GRID:.*]]: tensor<1x2x2x2xf32>)
// CHECK: linalg.generic
// CHECK: math.roundeven
// CHECK: math.roundeven
// CHECK: %[[V:.*]] = tensor.extract %[[X]]
// CHECK-NOT: tensor.extract
// CHECK: arith.sitofp %[[V]] : i8 to f32
// CHECK: %[[Y:.*]] = arith.fptosi %{{.*}} : f32 to i8
// CHECK: linalg.yield %[[Y]] : i8
func.func @grid_sample_nearest_reflection(%x: tensor<1x1x4x4xi8>, %grid: tensor<1x2x2x2xf32>) -> tensor<1x1x2x2xi8> {
  %y = kiln.grid_sample %x, %grid {mode = #kiln.resize_mode<nearest>, padding_mode = #kiln.grid_sample_padding<reflection>, align_corners}
      : tensor<1x1x4x4xi8>, tensor<1x2x2x2xf32> -> tensor<1x1x2x2xi8>
  return %y : tensor<1x1x2x2xi8>
}

// -----

// Each output element reads its region and batch index, then loops over
// the bin's samples (as many as ceil(bin size) with sampling_ratio 0); max
// keeps the largest weighted corner of the four.
// CHECK-LABEL: func.func @roi_align_max
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x10x10xf32>, %[[ROIS:.*]]: tensor<4x4xf32>, %[[BATCH:.*]]: tensor<4xi64>)
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.*}} : tensor<4x3x2x2xf32>)
// CHECK: %[[R:.*]] = linalg.index 0
// CHECK: tensor.extract %[[BATCH]][%[[R]]]
// CHECK-COUNT-4: tensor.extract %[[ROIS]][%[[R]], %{{.*}}]
// CHECK: %[[GRID_H:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[GRID_W:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[ROWS:.*]] = scf.for %{{.*}} = %{{.*}} to %[[GRID_H]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[GRID_W]]
// CHECK-COUNT-4: tensor.extract %[[X]]
// CHECK: arith.maximumf
// CHECK: scf.yield
// CHECK: scf.yield
// CHECK: arith.select %{{.*}}, %{{.*}}, %[[ROWS]] : f32
func.func @roi_align_max(%x: tensor<2x3x10x10xf32>, %rois: tensor<4x4xf32>, %batch: tensor<4xi64>) -> tensor<4x3x2x2xf32> {
  %y = kiln.roi_align %x, %rois, %batch {output_height = 2 : i64, output_width = 2 : i64, mode = #kiln.roi_align_mode<max>}
      : tensor<2x3x10x10xf32>, tensor<4x4xf32>, tensor<4xi64> -> tensor<4x3x2x2xf32>
  return %y : tensor<4x3x2x2xf32>
}

// -----

// avg divides the sum of the interpolated samples by max(count, 1).
// CHECK-LABEL: func.func @roi_align_avg
// CHECK: %[[SUM:.*]] = scf.for
// CHECK: scf.for
// CHECK-COUNT-4: tensor.extract
// CHECK: arith.addf
// CHECK: scf.yield
// CHECK: scf.yield
// CHECK: arith.muli
// CHECK: %[[COUNT:.*]] = arith.maximumf
// CHECK: arith.divf %[[SUM]], %[[COUNT]] : f32
func.func @roi_align_avg(%x: tensor<1x1x10x10xf32>, %rois: tensor<1x4xf32>, %batch: tensor<1xi64>) -> tensor<1x1x3x3xf32> {
  %y = kiln.roi_align %x, %rois, %batch {output_height = 3 : i64, output_width = 3 : i64, sampling_ratio = 2 : i64}
      : tensor<1x1x10x10xf32>, tensor<1x4xf32>, tensor<1xi64> -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// A loop over the flattened input stores each value at the coordinates of
// its index in the default 4 x 4 result (inside the declared 5 x 5 one).
// CHECK-LABEL: func.func @max_unpool
// CHECK: %[[ZEROS:.*]] = linalg.fill
// CHECK-SAME: -> tensor<1x1x5x5xf32>
// CHECK: %[[VALUES:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1, 2, 3]] : tensor<1x1x2x2xf32> into tensor<4xf32>
// CHECK: %[[INDICES:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1, 2, 3]] : tensor<1x1x2x2xi64> into tensor<4xi64>
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[ZEROS]])
// CHECK: %[[VALUE:.*]] = tensor.extract %[[VALUES]][%[[J]]]
// CHECK: tensor.extract %[[INDICES]][%[[J]]]
// CHECK: %[[UNPOOLED:.*]] = arith.constant 16 : index
// CHECK: %[[VALID:.*]] = arith.cmpi ult, %{{.*}}, %[[UNPOOLED]]
// CHECK: scf.if %[[VALID]]
// CHECK: %[[W:.*]] = arith.remui %{{.*}}, %{{.*}} : index
// CHECK: %[[H:.*]] = arith.remui %{{.*}}, %{{.*}} : index
// CHECK: tensor.insert %[[VALUE]] into %[[ACC]][%{{.*}}, %{{.*}}, %[[H]], %[[W]]]
// CHECK: } else {
// CHECK: scf.yield %[[ACC]]
func.func @max_unpool(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32> {
  %y = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 1, 5, 5>}
      : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// -----

// The declared rows start as -1; loops over batches, classes and steps
// carry the result, its next row and the kept boxes; each step scans for
// the next candidate, checks it against the kept boxes and writes
// [b, k, s] when it survives.
// CHECK-LABEL: func.func @non_max_suppression
// CHECK-SAME: (%[[BOXES:.*]]: tensor<1x6x4xf32>, %[[SCORES:.*]]: tensor<1x2x6xf32>, %[[MAX:.*]]: tensor<1xi64>, %[[IOU:.*]]: tensor<1xf32>, %[[MIN:.*]]: tensor<1xf32>)
// CHECK: %[[UNFILLED:.*]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<3x3xi64>)
// CHECK: tensor.extract %[[MAX]]
// CHECK: tensor.extract %[[IOU]]
// CHECK: tensor.extract %[[MIN]]
// CHECK: %[[RESULT:.*]]:3 = scf.for {{.*}} iter_args(%{{.*}} = %[[UNFILLED]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (tensor<3x3xi64>, index, tensor<6xi64>)
// CHECK: scf.for {{.*}} -> (tensor<3x3xi64>, index, tensor<6xi64>)
// CHECK: scf.for {{.*}} -> (tensor<3x3xi64>, index, tensor<6xi64>, index, f32, index, i1)
// CHECK: scf.for {{.*}} -> (i1, f32, index)
// CHECK: tensor.extract %[[SCORES]]
// CHECK: scf.for {{.*}} -> (i1)
// CHECK: tensor.extract %[[BOXES]]
// CHECK: scf.if
// CHECK-COUNT-4: tensor.insert
// CHECK: return %[[RESULT]]#0
func.func @non_max_suppression(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x2x6xf32>, %m: tensor<1xi64>, %iou: tensor<1xf32>, %min: tensor<1xf32>) -> tensor<3x3xi64> {
  %sel = kiln.non_max_suppression %boxes, %scores max_boxes %m : tensor<1xi64> iou_threshold %iou : tensor<1xf32> score_threshold %min : tensor<1xf32> {center_point_box}
      : tensor<1x6x4xf32>, tensor<1x2x6xf32> -> tensor<3x3xi64>
  return %sel : tensor<3x3xi64>
}

// -----

// Without max_output_boxes_per_class nothing is selected.
// CHECK-LABEL: func.func @non_max_suppression_no_limit
// CHECK-NOT: scf.for
// CHECK: return %{{.*}} : tensor<0x3xi64>
func.func @non_max_suppression_no_limit(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x2x6xf32>) -> tensor<0x3xi64> {
  %sel = kiln.non_max_suppression %boxes, %scores : tensor<1x6x4xf32>, tensor<1x2x6xf32> -> tensor<0x3xi64>
  return %sel : tensor<0x3xi64>
}
