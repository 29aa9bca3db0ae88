// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @grid_sample_defaults
func.func @grid_sample_defaults(%x: tensor<1x3x4x4xf32>, %grid: tensor<1x6x6x2xf32>) -> tensor<1x3x6x6xf32> {
  // CHECK: kiln.grid_sample %{{.*}}, %{{.*}} : tensor<1x3x4x4xf32>, tensor<1x6x6x2xf32> -> tensor<1x3x6x6xf32>
  %0 = kiln.grid_sample %x, %grid : tensor<1x3x4x4xf32>, tensor<1x6x6x2xf32> -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// CHECK-LABEL: func.func @grid_sample_modes
func.func @grid_sample_modes(%x: tensor<2x3x8x8xf16>, %grid: tensor<2x4x5x2xf32>) -> (tensor<2x3x4x5xf16>, tensor<2x3x4x5xf16>) {
  // CHECK: kiln.grid_sample %{{.*}}, %{{.*}} {align_corners, mode = #kiln.resize_mode<cubic>, padding_mode = #kiln.grid_sample_padding<border>} : tensor<2x3x8x8xf16>, tensor<2x4x5x2xf32> -> tensor<2x3x4x5xf16>
  %0 = kiln.grid_sample %x, %grid {mode = #kiln.resize_mode<cubic>, padding_mode = #kiln.grid_sample_padding<border>, align_corners} : tensor<2x3x8x8xf16>, tensor<2x4x5x2xf32> -> tensor<2x3x4x5xf16>
  // CHECK: kiln.grid_sample %{{.*}}, %{{.*}} {mode = #kiln.resize_mode<nearest>, padding_mode = #kiln.grid_sample_padding<reflection>} : tensor<2x3x8x8xf16>, tensor<2x4x5x2xf32> -> tensor<2x3x4x5xf16>
  %1 = kiln.grid_sample %x, %grid {mode = #kiln.resize_mode<nearest>, padding_mode = #kiln.grid_sample_padding<reflection>} : tensor<2x3x8x8xf16>, tensor<2x4x5x2xf32> -> tensor<2x3x4x5xf16>
  return %0, %1 : tensor<2x3x4x5xf16>, tensor<2x3x4x5xf16>
}

// CHECK-LABEL: func.func @grid_sample_volumetric_integer
func.func @grid_sample_volumetric_integer(%x: tensor<?x2x4x5x6xui8>, %grid: tensor<1x3x3x3x3xf32>) -> tensor<1x2x3x3x3xui8> {
  // CHECK: kiln.grid_sample %{{.*}}, %{{.*}} : tensor<?x2x4x5x6xui8>, tensor<1x3x3x3x3xf32> -> tensor<1x2x3x3x3xui8>
  %0 = kiln.grid_sample %x, %grid : tensor<?x2x4x5x6xui8>, tensor<1x3x3x3x3xf32> -> tensor<1x2x3x3x3xui8>
  return %0 : tensor<1x2x3x3x3xui8>
}

// CHECK-LABEL: func.func @grid_sample_1d
func.func @grid_sample_1d(%x: tensor<1x2x10xf32>, %grid: tensor<1x7x1xf32>) -> tensor<1x2x7xf32> {
  // CHECK: kiln.grid_sample %{{.*}}, %{{.*}} : tensor<1x2x10xf32>, tensor<1x7x1xf32> -> tensor<1x2x7xf32>
  %0 = kiln.grid_sample %x, %grid : tensor<1x2x10xf32>, tensor<1x7x1xf32> -> tensor<1x2x7xf32>
  return %0 : tensor<1x2x7xf32>
}

// CHECK-LABEL: func.func @roi_align_defaults
func.func @roi_align_defaults(%x: tensor<1x1x10x10xf32>, %rois: tensor<3x4xf32>, %batch: tensor<3xi64>) -> tensor<3x1x1x1xf32> {
  // CHECK: kiln.roi_align %{{.*}}, %{{.*}}, %{{.*}} : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  %0 = kiln.roi_align %x, %rois, %batch : tensor<1x1x10x10xf32>, tensor<3x4xf32>, tensor<3xi64> -> tensor<3x1x1x1xf32>
  return %0 : tensor<3x1x1x1xf32>
}

// CHECK-LABEL: func.func @roi_align_max_output_half_pixel
func.func @roi_align_max_output_half_pixel(%x: tensor<2x256x50x50xf32>, %rois: tensor<?x4xf32>, %batch: tensor<100xi64>) -> tensor<100x256x7x5xf32> {
  // CHECK: kiln.roi_align %{{.*}}, %{{.*}}, %{{.*}} {coordinate_transform = #kiln.roi_align_coordinate_transform<output_half_pixel>, mode = #kiln.roi_align_mode<max>, output_height = 7 : i64, output_width = 5 : i64, sampling_ratio = 2 : i64, spatial_scale = 6.250000e-02 : f32} : tensor<2x256x50x50xf32>, tensor<?x4xf32>, tensor<100xi64> -> tensor<100x256x7x5xf32>
  %0 = kiln.roi_align %x, %rois, %batch {mode = #kiln.roi_align_mode<max>, output_height = 7 : i64, output_width = 5 : i64, sampling_ratio = 2 : i64, spatial_scale = 0.0625 : f32, coordinate_transform = #kiln.roi_align_coordinate_transform<output_half_pixel>} : tensor<2x256x50x50xf32>, tensor<?x4xf32>, tensor<100xi64> -> tensor<100x256x7x5xf32>
  return %0 : tensor<100x256x7x5xf32>
}

// CHECK-LABEL: func.func @max_unpool_default_shape
func.func @max_unpool_default_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x4x4xf32> {
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x4x4xf32>
  return %0 : tensor<1x1x4x4xf32>
}

// CHECK-LABEL: func.func @max_unpool_padded_1d_3d
func.func @max_unpool_padded_1d_3d(%x: tensor<2x3x4xf32>, %i: tensor<2x3x4xi64>, %y: tensor<1x2x?x3x3xf64>, %j: tensor<1x2x2x3x3xi64>) -> (tensor<2x3x8xf32>, tensor<1x2x?x6x6xf64>) {
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} {kernel_shape = array<i64: 3>, pads = array<i64: 1, 0>, strides = array<i64: 2>} : tensor<2x3x4xf32>, tensor<2x3x4xi64> -> tensor<2x3x8xf32>
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 3>, strides = array<i64: 2>, pads = array<i64: 1, 0>} : tensor<2x3x4xf32>, tensor<2x3x4xi64> -> tensor<2x3x8xf32>
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} {{.*}} : tensor<1x2x?x3x3xf64>, tensor<1x2x2x3x3xi64> -> tensor<1x2x?x6x6xf64>
  %1 = kiln.max_unpool %y, %j {kernel_shape = array<i64: 2, 2, 2>, strides = array<i64: 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0>} : tensor<1x2x?x3x3xf64>, tensor<1x2x2x3x3xi64> -> tensor<1x2x?x6x6xf64>
  return %0, %1 : tensor<2x3x8xf32>, tensor<1x2x?x6x6xf64>
}

// CHECK-LABEL: func.func @max_unpool_output_shape
func.func @max_unpool_output_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>) -> tensor<1x1x5x5xf32> {
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} {kernel_shape = array<i64: 2, 2>, output_shape = array<i64: 1, 1, 5, 5>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  %0 = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, output_shape = array<i64: 1, 1, 5, 5>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %0 : tensor<1x1x5x5xf32>
}

// CHECK-LABEL: func.func @max_unpool_dynamic_output_shape
func.func @max_unpool_dynamic_output_shape(%x: tensor<1x1x2x2xf32>, %i: tensor<1x1x2x2xi64>, %s: tensor<4xi64>) -> (tensor<1x1x?x?xf32>, tensor<1x1x5x5xf32>) {
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} shape %{{.*}} : tensor<4xi64> {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x?x?xf32>
  %0 = kiln.max_unpool %x, %i shape %s : tensor<4xi64> {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x?x?xf32>
  // A declared static extent refines the inferred `?`.
  // CHECK: kiln.max_unpool %{{.*}}, %{{.*}} shape %{{.*}} : tensor<4xi64> {{.*}} -> tensor<1x1x5x5xf32>
  %1 = kiln.max_unpool %x, %i shape %s : tensor<4xi64> {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>} : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
  return %0, %1 : tensor<1x1x?x?xf32>, tensor<1x1x5x5xf32>
}

// CHECK-LABEL: func.func @non_max_suppression_all_parameters
func.func @non_max_suppression_all_parameters(%boxes: tensor<1x6x4xf32>, %scores: tensor<1x2x6xf32>, %max: tensor<1xi64>, %iou: tensor<1xf32>, %min: tensor<f32>) -> tensor<?x3xi64> {
  // CHECK: kiln.non_max_suppression %{{.*}}, %{{.*}} max_boxes %{{.*}} : tensor<1xi64> iou_threshold %{{.*}} : tensor<1xf32> score_threshold %{{.*}} : tensor<f32> {center_point_box} : tensor<1x6x4xf32>, tensor<1x2x6xf32> -> tensor<?x3xi64>
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<1xi64> iou_threshold %iou : tensor<1xf32> score_threshold %min : tensor<f32> {center_point_box} : tensor<1x6x4xf32>, tensor<1x2x6xf32> -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// CHECK-LABEL: func.func @non_max_suppression_optional_parameters
func.func @non_max_suppression_optional_parameters(%boxes: tensor<2x?x4xf32>, %scores: tensor<2x3x10xf32>, %max: tensor<i64>, %min: tensor<1xf32>) -> (tensor<?x3xi64>, tensor<4x3xi64>, tensor<0x3xi64>) {
  // CHECK: kiln.non_max_suppression %{{.*}}, %{{.*}} max_boxes %{{.*}} : tensor<i64> : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<?x3xi64>
  %0 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<i64> : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<?x3xi64>
  // The count the model declares refines the data-dependent extent.
  // CHECK: kiln.non_max_suppression %{{.*}}, %{{.*}} max_boxes %{{.*}} : tensor<i64> score_threshold %{{.*}} : tensor<1xf32> : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<4x3xi64>
  %1 = kiln.non_max_suppression %boxes, %scores max_boxes %max : tensor<i64> score_threshold %min : tensor<1xf32> : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<4x3xi64>
  // Without a maximum nothing is selected.
  // CHECK: kiln.non_max_suppression %{{.*}}, %{{.*}} : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<0x3xi64>
  %2 = kiln.non_max_suppression %boxes, %scores : tensor<2x?x4xf32>, tensor<2x3x10xf32> -> tensor<0x3xi64>
  return %0, %1, %2 : tensor<?x3xi64>, tensor<4x3xi64>, tensor<0x3xi64>
}
