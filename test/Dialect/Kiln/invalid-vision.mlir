// RUN: kiln-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// grid_sample
//===----------------------------------------------------------------------===//

func.func @grid_sample_input_rank_too_small(%x: tensor<4x4xf32>, %grid: tensor<4x2xf32>) -> tensor<4x4xf32> {
  // expected-error@+1 {{grid_sample input must have rank >= 3 (batch, channels, spatial), got 2}}
  %0 = kiln.grid_sample %x, %grid : tensor<4x4xf32>, tensor<4x2xf32> -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @grid_sample_grid_rank_differs(%x: tensor<1x1x4x4xf32>, %grid: tensor<1x6x2xf32>) -> tensor<1x1x6xf32> {
  // expected-error@+1 {{grid 1x6x2 must have the input's rank 4}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x1x4x4xf32>, tensor<1x6x2xf32> -> tensor<1x1x6xf32>
  return %0 : tensor<1x1x6xf32>
}

// -----

func.func @grid_sample_batch_differs(%x: tensor<1x1x4x4xf32>, %grid: tensor<2x6x6x2xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error@+1 {{grid batch 2 differs from input batch 1}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x1x4x4xf32>, tensor<2x6x6x2xf32> -> tensor<1x1x6x6xf32>
  return %0 : tensor<1x1x6x6xf32>
}

// -----

func.func @grid_sample_wrong_coordinate_count(%x: tensor<1x1x4x4xf32>, %grid: tensor<1x6x6x3xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error@+1 {{grid must hold 2 coordinates per position (one per spatial dimension) in its last dimension, got 3}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x1x4x4xf32>, tensor<1x6x6x3xf32> -> tensor<1x1x6x6xf32>
  return %0 : tensor<1x1x6x6xf32>
}

// -----

func.func @grid_sample_wrong_result_shape(%x: tensor<1x3x4x4xf32>, %grid: tensor<1x6x5x2xf32>) -> tensor<1x3x5x6xf32> {
  // expected-error@+1 {{result #0 has shape 1x3x5x6 but its operands and attributes imply 1x3x6x5}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x3x4x4xf32>, tensor<1x6x5x2xf32> -> tensor<1x3x5x6xf32>
  return %0 : tensor<1x3x5x6xf32>
}

// -----

func.func @grid_sample_integer_grid(%x: tensor<1x1x4x4xf32>, %grid: tensor<1x6x6x2xi64>) -> tensor<1x1x6x6xf32> {
  // expected-error@+1 {{operand #1 must be ranked tensor of floating-point values, but got 'tensor<1x6x6x2xi64>'}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x1x4x4xf32>, tensor<1x6x6x2xi64> -> tensor<1x1x6x6xf32>
  return %0 : tensor<1x1x6x6xf32>
}

// -----

func.func @grid_sample_element_type_changes(%x: tensor<1x1x4x4xi8>, %grid: tensor<1x6x6x2xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error@+1 {{all of {input, output} have same element type}}
  %0 = kiln.grid_sample %x, %grid : tensor<1x1x4x4xi8>, tensor<1x6x6x2xf32> -> tensor<1x1x6x6xf32>
  return %0 : tensor<1x1x6x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// roi_align
//===----------------------------------------------------------------------===//

func.func @roi_align_input_rank(%x: tensor<1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x10x1x1xf32> {
  // expected-error@+1 {{roi_align input must have rank 4 (N, C, H, W), got 1x10x10}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x10x1x1xf32>
  return %0 : tensor<3x10x1x1xf32>
}

// -----

func.func @roi_align_rois_not_boxes(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x5xf32>, %batch: tensor<3xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{rois must have shape Rx4, got 3x5}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x5xf32>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_batch_indices_not_1d(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3x1xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{batch_indices must be 1-D, got 3x1}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3x1xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_region_count_differs(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<2xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{rois hold 3 regions but batch_indices has 2 entries}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<2xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_output_size_zero(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x1x0x5xf32> {
  // expected-error@+1 {{output_height and output_width must be positive, got 0 and 5}}
  %0 = kiln.roi_align %x, %rois, %batch {output_height = 0 : i64, output_width = 5 : i64} : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x1x0x5xf32>
  return %0 : tensor<3x1x0x5xf32>
}

// -----

func.func @roi_align_negative_sampling_ratio(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{sampling_ratio must be non-negative, got -1}}
  %0 = kiln.roi_align %x, %rois, %batch {sampling_ratio = -1 : i64} : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_zero_spatial_scale(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{spatial_scale must be positive, got 0}}
  %0 = kiln.roi_align %x, %rois, %batch {spatial_scale = 0.0 : f32} : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_wrong_result_shape(%x: tensor<1x8x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x8x7x7xf32> {
  // expected-error@+1 {{result #0 has shape 3x8x7x7 but its operands and attributes imply 3x8x5x7}}
  %0 = kiln.roi_align %x, %rois, %batch {output_height = 5 : i64, output_width = 7 : i64} : tensor<1x8x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x8x7x7xf32>
  return %0 : tensor<3x8x7x7xf32>
}

// -----

func.func @roi_align_rois_element_type_differs(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf16>, %batch: tensor<3xi64>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{all of {input, rois, output} have same element type}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x4xf16>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

func.func @roi_align_i32_batch_indices(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi32>) -> tensor<3x1x1x1xf32> {
  // expected-error@+1 {{operand #2 must be ranked tensor of 64-bit signless integer values, but got 'tensor<3xi32>'}}
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi32> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// max_unpool
//===----------------------------------------------------------------------===//

func.func @max_unpool_input_rank_too_small(%x: tensor<2x2xf32>, %i: tensor<2x2xi64>) -> tensor<2x4xf32> {
  // expected-error@+1 {{max_unpool input must have rank 3 to 5, got 2}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64>, strides = array<i64>, pads = array<i64>} : tensor<2x2xf32>, tensor<2x2xi64> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @max_unpool_indices_shape_differs(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x3xi64>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{indices 1x1x2x3 must have the input's shape 1x1x2x2}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x3xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_kernel_shape_wrong_length(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{kernel_shape has 1 entries, expected 2}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_kernel_shape_zero(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{kernel_shape must be positive, got [0, 2]}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 0, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_stride_zero(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{strides must be positive, got [0, 2]}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 0, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_pads_wrong_length(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  // expected-error@+1 {{pads has 2 entries, expected 4}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// -----

func.func @max_unpool_extent_not_positive(%x: tensor<1x1x1xf32>, %i: tensor<1x1x1xi64>) -> tensor<1x1x1xf32> {
  // expected-error@+1 {{unpooled extent 0 of spatial dimension 0 is not positive}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 1>, strides = array<i64: 1>, pads = array<i64: 1, 0>} : tensor<1x1x1xf32>, tensor<1x1x1xi64> -> tensor<1x1x1xf32>
  return %0 : tensor<1x1x1xf32>
}

// -----

func.func @max_unpool_both_output_shapes(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %s: tensor<4xi64>) -> tensor<1x1x5x5xf32> {
  // expected-error@+1 {{give at most one of output_shape and a dynamic output shape}}
  %0 = kiln.max_unpool %x, %i shape %s : tensor<4xi64> {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 1, 5, 5>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

func.func @max_unpool_dynamic_output_shape_wrong_length(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %s: tensor<3xi64>) -> tensor<1x1x?x?xf32> {
  // expected-error@+1 {{the dynamic output shape must be 1-D with 4 entries, got 3}}
  %0 = kiln.max_unpool %x, %i shape %s : tensor<3xi64> {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x?x?xf32>
  return %0 : tensor<1x1x?x?xf32>
}

// -----

func.func @max_unpool_output_shape_wrong_length(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32> {
  // expected-error@+1 {{output_shape has 3 entries, expected 4}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 5, 5>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

func.func @max_unpool_output_shape_changes_batch(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<2x1x5x5xf32> {
  // expected-error@+1 {{output_shape 2x1x5x5 must keep the input's batch and channels 1x1}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 2, 1, 5, 5>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<2x1x5x5xf32>
  return %0 : tensor<2x1x5x5xf32>
}

// -----

func.func @max_unpool_output_shape_not_positive(%x: tensor<1x1x?x2xf32>, %i: tensor<1x1x?x2xi64>) -> tensor<1x1x0x5xf32> {
  // expected-error@+1 {{output_shape must be positive, got [1, 1, 0, 5]}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 1, 0, 5>} : tensor<1x1x?x2xf32>, tensor<1x1x?x2xi64> -> tensor<1x1x0x5xf32>
  return %0 : tensor<1x1x0x5xf32>
}

// -----

func.func @max_unpool_output_shape_too_small(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x5x3xf32> {
  // expected-error@+1 {{output_shape extent 3 of spatial dimension 1 is smaller than the unpooled extent 4}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 1, 5, 3>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x3xf32>
  return %0 : tensor<1x1x5x3xf32>
}

// -----

func.func @max_unpool_wrong_result_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32> {
  // expected-error@+1 {{result #0 has shape 1x1x5x5 but its operands and attributes imply 1x1x4x4}}
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// non_max_suppression
//===----------------------------------------------------------------------===//

func.func @non_max_suppression_boxes_not_boxes(%boxes: tensor<1x6x5xf32>, %scores: tensor<1x1x6xf32>, %max: tensor<1xi64>) -> tensor<?x3xi64> {
  // expected-error@+1 {{boxes must have shape BxSx4, got 1x6x5}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> : tensor<1x6x5xf32>, tensor<1x1x6xf32> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @non_max_suppression_scores_rank(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x6xf32>, %max: tensor<1xi64>) -> tensor<?x3xi64> {
  // expected-error@+1 {{scores must have shape BxKxS, got 1x6}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> : tensor<1x6x4xf32>, tensor<1x6xf32> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @non_max_suppression_box_count_differs(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x5xf32>, %max: tensor<1xi64>) -> tensor<?x3xi64> {
  // expected-error@+1 {{scores 1x1x5 do not match boxes 1x6x4 (expected BxKxS for boxes BxSx4)}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> : tensor<1x6x4xf32>, tensor<1x1x5xf32> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @non_max_suppression_two_maxima(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>, %max: tensor<2xi64>) -> tensor<?x3xi64> {
  // expected-error@+1 {{max_output_boxes_per_class must hold one element, got 2}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<2xi64> : tensor<1x6x4xf32>, tensor<1x1x6xf32> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// -----

func.func @non_max_suppression_iou_threshold_2d(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>, %iou: tensor<1x1xf32>) -> tensor<0x3xi64> {
  // expected-error@+1 {{iou_threshold must hold one element, got 1x1}}
  %0 = kiln.non_max_suppression %boxes, %scores iou_threshold %iou : tensor<1x1xf32> : tensor<1x6x4xf32>, tensor<1x1x6xf32> -> tensor<0x3xi64>
  return %0 : tensor<0x3xi64>
}

// -----

func.func @non_max_suppression_score_threshold_dynamic(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>, %min: tensor<?xf32>) -> tensor<0x3xi64> {
  // expected-error@+1 {{score_threshold must hold one element, got ?}}
  %0 = kiln.non_max_suppression %boxes, %scores score_threshold %min : tensor<?xf32> : tensor<1x6x4xf32>, tensor<1x1x6xf32> -> tensor<0x3xi64>
  return %0 : tensor<0x3xi64>
}

// -----

func.func @non_max_suppression_wrong_result_shape(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>, %max: tensor<1xi64>) -> tensor<?x2xi64> {
  // expected-error@+1 {{result #0 has shape ?x2 but its operands and attributes imply ?x3}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> : tensor<1x6x4xf32>, tensor<1x1x6xf32> -> tensor<?x2xi64>
  return %0 : tensor<?x2xi64>
}

// -----

func.func @non_max_suppression_selects_without_maximum(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf32>) -> tensor<2x3xi64> {
  // expected-error@+1 {{result #0 has shape 2x3 but its operands and attributes imply 0x3}}
  %0 = kiln.non_max_suppression %boxes, %scores : tensor<1x6x4xf32>, tensor<1x1x6xf32> -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

func.func @non_max_suppression_element_types_differ(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x1x6xf16>, %max: tensor<1xi64>) -> tensor<?x3xi64> {
  // expected-error@+1 {{all of {boxes, scores} have same element type}}
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> : tensor<1x6x4xf32>, tensor<1x1x6xf16> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}
