//===- KilnVisionOps.td - sampling, RoIs, unpooling, NMS ---*- tablegen -*-===//

#ifndef KILN_VISION_OPS_TD
#define KILN_VISION_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

//===----------------------------------------------------------------------===//
// Sampling
//===----------------------------------------------------------------------===//

def Kiln_GridSampleOp : Kiln_ShapeInferenceOp<"grid_sample",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "sample a tensor at the normalized positions of a grid";
  let description = [{
    ONNX GridSample (opset 16: 2-D; opset 20: N-D; the spatial transformer's
    sampler). For `input` of shape `[N, C, D_1..D_r]` and `grid` of shape
    `[N, O_1..O_r, r]`, every output element reads the input at the
    position its grid vector holds. The vector lists its coordinates from
    the innermost dimension outwards (x, y, ...), so `g_i` below, the
    coordinate of dimension `D_i`, is `grid[n, o_1..o_r, r - i]`:

    ```
    p_i = align_corners ? (g_i + 1) / 2 * (D_i - 1)      (-1 and 1: corner pixel centers)
                        : ((g_i + 1) * D_i - 1) / 2      (-1 and 1: corner pixel edges)
    output[n, c, o_1..o_r] = interpolate(mode, input[n, c], p)
      nearest: input[n, c, round(p)], rounding half to even (half away
               from zero for r = 3, as PyTorch)
      linear:  r-linear interpolation of the 2^r positions floor(p_i) + {0, 1}
      cubic:   r-cubic convolution (Keys, a = -0.75) of the 4^r positions
               floor(p_i) + {-1, 0, 1, 2}
    padding_mode, for p (rounded first for nearest) when p_i lies outside
    [lo_i, hi_i] (0, D_i - 1 under align_corners, else -0.5, D_i - 0.5),
    then for every position q that the interpolation reads:
      zeros:      p_i is kept; q outside the input reads 0
      border:     p_i is clamped to [0, D_i - 1]; q_i likewise
      reflection: p_i is reflected at lo_i and hi_i until it lies between
                  them; q_i likewise, truncated to an integer
    ```

    Integer inputs are interpolated in floating point and converted back as
    `kiln.cast` does. ONNX's opset 16 mode names `bilinear` and `bicubic`
    are `linear` and `cubic`.

    Constraints:
    - `input` has rank `r + 2 >= 3` and `grid` the same rank;
    - `grid.shape[0]` is `N` and `grid.shape[r + 1]` is `r`;
    - the result has shape `[N, C, O_1..O_r]` and the input's element type.

    Example:

    ```mlir
    %y = kiln.grid_sample %x, %grid {mode = #kiln.resize_mode<cubic>, padding_mode = #kiln.grid_sample_padding<border>, align_corners}
        : tensor<1x3x32x32xf32>, tensor<1x16x16x2xf32> -> tensor<1x3x16x16xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatOrIntegerTensor:$input,
      Kiln_FloatTensor:$grid,
      DefaultValuedAttr<Kiln_ResizeModeAttr, "ResizeMode::linear">:$mode,
      DefaultValuedAttr<Kiln_GridSamplePaddingAttr,
                        "GridSamplePadding::zeros">:$padding_mode,
      UnitAttr:$align_corners);
  let results = (outs Kiln_FloatOrIntegerTensor:$output);
  let assemblyFormat = [{
    $input `,` $grid attr-dict `:` type($input) `,` type($grid) `->`
    type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Regions of interest
//===----------------------------------------------------------------------===//

def Kiln_RoiAlignOp : Kiln_ShapeInferenceOp<"roi_align",
    [Pure, AllElementTypesMatch<["input", "rois", "output"]>]> {
  let summary = "pool regions of interest to a fixed size by bilinear sampling";
  let description = [{
    ONNX RoiAlign (Mask R-CNN). For `input` of shape `[N, C, H, W]`, `rois`
    of shape `[R, 4]` holding one region `[x1, y1, x2, y2]` per row in the
    coordinates of the input image, and `batch_indices` of shape `[R]`
    naming each region's image, with `OH = output_height`,
    `OW = output_width`:

    ```
    shift = coordinate_transform == half_pixel ? 0.5 : 0
    x1' = rois[r, 0] * spatial_scale - shift       (y1', x2', y2' likewise)
    roi_w = x2' - x1', roi_h = y2' - y1'           (at least 1 under output_half_pixel)
    g_h = sampling_ratio > 0 ? sampling_ratio : ceil(roi_h / OH)   (g_w likewise)
    the samples of output bin (ph, pw), for iy < g_h and ix < g_w:
      y = y1' + (ph + (iy + 0.5) / g_h) * roi_h / OH
      x = x1' + (pw + (ix + 0.5) / g_w) * roi_w / OW
    v(y, x) = sum_k w_k * input[batch_indices[r], c, corner_k]
      the bilinear interpolation at (y, x) with its four corners and
      weights; 0 when y < -1, y > H, x < -1 or x > W; otherwise a negative
      coordinate counts as 0 and one at or past the last pixel as that pixel
    output[r, c, ph, pw] =
      avg: sum of v over the bin's samples / max(g_h * g_w, 1)
      max: max over the bin's samples of max_k (w_k * input[..., corner_k])
    ```

    The `max` mode takes the largest weighted corner term, not the largest
    interpolated value, as ONNX's reference and onnxruntime do. ONNX opset
    10 has no `coordinate_transformation_mode`: it is `output_half_pixel`.
    Batch indices outside `[0, N)` are undefined behaviour.

    Constraints:
    - `input` has rank 4, `rois` has shape `[R, 4]` and `batch_indices`
      shape `[R]` (i64);
    - `output_height` and `output_width` are positive, `sampling_ratio` is
      non-negative and `spatial_scale` is positive;
    - input, rois and result share one float element type;
    - the result has shape `[R, C, output_height, output_width]`.

    Example:

    ```mlir
    %y = kiln.roi_align %x, %rois, %batch {output_height = 7 : i64, output_width = 7 : i64, sampling_ratio = 2 : i64,
                                           spatial_scale = 6.250000e-02 : f32, mode = #kiln.roi_align_mode<max>}
        : tensor<2x256x50x50xf32>, tensor<100x4xf32>, tensor<100xi64> -> tensor<100x256x7x7xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_FloatTensor:$rois,
      Kiln_I64Tensor:$batch_indices,
      DefaultValuedAttr<Kiln_RoiAlignModeAttr, "RoiAlignMode::avg">:$mode,
      DefaultValuedAttr<I64Attr, "1">:$output_height,
      DefaultValuedAttr<I64Attr, "1">:$output_width,
      DefaultValuedAttr<I64Attr, "0">:$sampling_ratio,
      DefaultValuedAttr<F32Attr, "1.0">:$spatial_scale,
      DefaultValuedAttr<Kiln_RoiAlignCoordinateTransformAttr,
          "RoiAlignCoordinateTransform::half_pixel">:$coordinate_transform);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $rois `,` $batch_indices attr-dict `:` type($input) `,`
    type($rois) `,` type($batch_indices) `->` type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Unpooling
//===----------------------------------------------------------------------===//

def Kiln_MaxUnpoolOp : Kiln_ShapeInferenceOp<"max_unpool",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "scatter pooled maxima back to their positions";
  let description = [{
    ONNX MaxUnpool, the partial inverse of `kiln.max_pool_with_indices`.
    For `input` of shape `[N, C, D_1..D_n]` and `indices` of the same shape,
    which hold flat row-major positions in the default result
    `[N, C, O_1..O_n]`:

    ```
    O_i = (D_i - 1) * strides[i] + kernel_shape[i] - pads[i] - pads[n + i]
    unpooled = zeros([N, C, O_1..O_n])
    unpooled.flat[indices.flat[j]] = input.flat[j]    for j in flat order
    output = unpooled, extended with zeros at the end of each spatial
             dimension to the result shape
    ```

    Positions no index names are zero; where two indices coincide the later
    one wins. The result shape is `[N, C, O_1..O_n]`, or ONNX's
    `output_shape` input: the `output_shape` attribute when the importer
    knows it, else the `dynamic_output_shape` operand, and the result then
    has `?` spatial extents. Indices outside the default result are
    undefined behaviour.

    Constraints:
    - `input` has rank 3 to 5 and `indices` (i64) its shape;
    - `kernel_shape` and `strides` have one positive entry per spatial
      dimension and `pads` two non-negative entries;
    - every `O_i` is positive;
    - at most one of `output_shape` and `dynamic_output_shape` is given;
      `output_shape` has one entry per input dimension, the input's `N` and
      `C` first, then positive spatial extents no smaller than the `O_i`;
      `dynamic_output_shape` is 1-D with one (static) entry per input
      dimension, and must hold the input's `N` and `C` first at run time;
    - the result has the input's float element type and the shape above.

    Example:

    ```mlir
    %y = kiln.max_unpool %x, %i {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>,
                                 output_shape = array<i64: 1, 1, 5, 5>}
        : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x5x5xf32>
    %z = kiln.max_unpool %x, %i shape %s : tensor<4xi64> {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>,
                                                          pads = array<i64: 0, 0, 0, 0>}
        : tensor<1x1x2x2xf32>, tensor<1x1x2x2xi64> -> tensor<1x1x?x?xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input, Kiln_I64Tensor:$indices,
                       Optional<Kiln_I64Tensor>:$dynamic_output_shape,
                       DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides,
                       DenseI64ArrayAttr:$pads,
                       OptionalAttr<DenseI64ArrayAttr>:$output_shape);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input `,` $indices
    (`shape` $dynamic_output_shape^ `:` type($dynamic_output_shape))?
    attr-dict `:` type($input) `,` type($indices) `->` type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Box selection
//===----------------------------------------------------------------------===//

def Kiln_NonMaxSuppressionOp : Kiln_ShapeInferenceOp<"non_max_suppression",
    [Pure, AttrSizedOperandSegments,
     AllElementTypesMatch<["boxes", "scores"]>]> {
  let summary = "select the best-scoring boxes that do not overlap much";
  let description = [{
    ONNX NonMaxSuppression. For `boxes` of shape `[B, S, 4]` and `scores`
    of shape `[B, K, S]` (B batches, K classes, S boxes), with
    `max_boxes = max(max_output_boxes_per_class, 0)` (0 when absent),
    `iou_threshold` (0 when absent) and `score_threshold`:

    ```
    for b in [0, B), k in [0, K):
      candidates = the boxes s with scores[b, k, s] > score_threshold
                   (all boxes without a score threshold), by descending
                   score, ties by ascending s
      kept = []
      for s in candidates while size(kept) < max_boxes:
        if iou(boxes[b, s], boxes[b, t]) <= iou_threshold for all t in kept:
          append s to kept, and the row [b, k, s] to selected_indices
    iou(u, v) = area(u intersect v) / (area(u) + area(v) - area(u intersect v)),
                0 when the boxes do not overlap or an area is not positive
    ```

    A box is `[y1, x1, y2, x2]`, any two opposite corners; under
    `center_point_box` it is `[x_center, y_center, width, height]`.

    The number of selected boxes depends on the data, so the result's first
    extent is `?` (0 without `max_output_boxes_per_class`). Kiln compiles
    static shapes: the importer takes the extent the model declares for the
    result, and the compiled selection writes its rows in the order above
    into that many rows. When the data select more boxes, selection stops
    once the rows are full (the later selections are dropped); when they
    select fewer, the remaining rows hold `[-1, -1, -1]`. For models that
    declare the count the data select (as ONNX's reference and test models
    do), the result is exactly ONNX's.

    Constraints:
    - `boxes` has shape `[B, S, 4]` and `scores` shape `[B, K, S]`, both of
      one float element type;
    - `max_output_boxes_per_class` (i64), `iou_threshold` and
      `score_threshold` (float) hold one element each;
    - the result is an i64 tensor of shape `[?, 3]` (`[0, 3]` without
      `max_output_boxes_per_class`).

    Example:

    ```mlir
    %sel = kiln.non_max_suppression %boxes, %scores max_boxes %m : tensor<1xi64> iou_threshold %iou : tensor<1xf32>
               score_threshold %min : tensor<1xf32> {center_point_box}
        : tensor<1x6x4xf32>, tensor<1x2x6xf32> -> tensor<?x3xi64>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$boxes, Kiln_FloatTensor:$scores,
                       Optional<Kiln_I64Tensor>:$max_output_boxes_per_class,
                       Optional<Kiln_FloatTensor>:$iou_threshold,
                       Optional<Kiln_FloatTensor>:$score_threshold,
                       UnitAttr:$center_point_box);
  let results = (outs Kiln_I64Tensor:$selected_indices);
  let assemblyFormat = [{
    $boxes `,` $scores
    (`max_boxes` $max_output_boxes_per_class^ `:`
        type($max_output_boxes_per_class))?
    (`iou_threshold` $iou_threshold^ `:` type($iou_threshold))?
    (`score_threshold` $score_threshold^ `:` type($score_threshold))?
    attr-dict `:` type($boxes) `,` type($scores) `->` type($selected_indices)
  }];
}

#endif // KILN_VISION_OPS_TD
