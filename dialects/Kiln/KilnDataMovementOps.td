//===- KilnDataMovementOps.td - shape and data movement -------*- tablegen -*-===//

#ifndef KILN_DATA_MOVEMENT_OPS_TD
#define KILN_DATA_MOVEMENT_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

def Kiln_ConstantOp : Kiln_Op<"constant", [ConstantLike, Pure]> {
  let summary = "tensor constant";
  let description = [{
    Produces `value`, a dense, splat or `dense_resource` elements attribute
    whose type is the result type. Model weights arrive as
    `dense_resource` blobs so that large models print compactly.

    A quantized constant holds its stored integers: `value` is typed with the
    storage type (`tensor<64xi8>`) and the result with the quantized type,
    printed after `->`.

    Constraints:
    - `value` has the result's type, or, for a quantized result, its shape
      with the stored integers' type as element type: `iN` for signed
      storage, `uiN` for unsigned storage.

    Example:

    ```mlir
    %w = kiln.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %b = kiln.constant dense_resource<conv1.bias> : tensor<64xf32>
    %q = kiln.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Kiln_Tensor:$output);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "::mlir::ElementsAttr":$value), [{
      build($_builder, $_state, value.getType(), value);
    }]>
  ];
  let extraClassDeclaration = [{
    /// Whether a constant of type `type` can hold `value`: same type, or the
    /// storage-typed form of a quantized tensor type.
    static bool isBuildableWith(::mlir::Attribute value, ::mlir::Type type);
  }];
}

def Kiln_TransposeOp : Kiln_ShapeInferenceOp<"transpose",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "permute dimensions";
  let description = [{
    ```
    output[i_0, ..., i_(r-1)] = input[j]  where j[perm[k]] = i_k
    ```
    so `shape(output)[k] = shape(input)[perm[k]]` (ONNX Transpose).

    Constraints:
    - `perm` is a permutation of `[0, rank)`;
    - the result shape is the permuted input shape.

    Example:

    ```mlir
    %t = kiln.transpose %x {perm = array<i64: 0, 2, 3, 1>} : tensor<1x3x8x8xf32> -> tensor<1x8x8x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_ReshapeOp : Kiln_Op<"reshape",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "reinterpret a tensor with another shape";
  let description = [{
    Keeps the elements in row-major order and gives them the result's shape
    (ONNX Reshape after the importer resolved `0` and `-1` entries).

    When ONNX computes the shape at run time, it is the `shape` operand and
    follows ONNX's rules there: an entry 0 copies the input's extent (unless
    `allow_zero`, where 0 means an empty dimension) and one entry -1 takes
    what the others leave. The result type then holds what is known
    statically, usually `?` extents.

    Constraints:
    - input and result have the same number of elements when both are
      static;
    - a `shape` operand is 1-D with one (static) entry per result dimension;
      `allow_zero` is only given with it;
    - for per-axis quantized tensors the quantized axis keeps its index and
      its extent.

    Example:

    ```mlir
    %r = kiln.reshape %x : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
    %d = kiln.reshape %x to %shape : tensor<2xi64> : tensor<2x3x4xf32> -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Optional<Kiln_I64Tensor>:$shape,
                       UnitAttr:$allow_zero);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input (`to` $shape^ `:` type($shape))? attr-dict `:` type($input) `->`
    type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Joining and splitting
//===----------------------------------------------------------------------===//

def Kiln_ConcatOp : Kiln_ShapeInferenceOp<"concat", [Pure]> {
  let summary = "join tensors along an axis";
  let description = [{
    ONNX Concat: the inputs follow each other along `axis`:

    ```
    output[..., offset_k + i, ...] = inputs[k][..., i, ...]
    offset_k = sum_{j < k} shape(inputs[j])[axis]
    ```

    Constraints:
    - at least one input;
    - all inputs have the same rank and the same element type (quantized
      types included: the parameters must agree too), which is also the
      result element type;
    - `axis` is in `[0, rank)`;
    - all dimensions but `axis` agree; the result extent along `axis` is the
      sum of the inputs' extents.

    Example:

    ```mlir
    %c = kiln.concat %a, %b {axis = 1 : i64} : (tensor<1x16x8x8xf32>, tensor<1x32x8x8xf32>) -> tensor<1x48x8x8xf32>
    ```
  }];
  let arguments = (ins Variadic<Kiln_Tensor>:$inputs, I64Attr:$axis);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $inputs attr-dict `:` functional-type($inputs, $output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_SplitOp : Kiln_Op<"split", [Pure]> {
  let summary = "cut a tensor into pieces along an axis";
  let description = [{
    ONNX Split after the importer resolved `split` / `num_outputs`: the
    result types give each piece's extent along `axis`:

    ```
    outputs[k][..., i, ...] = input[..., offset_k + i, ...]
    offset_k = sum_{j < k} shape(outputs[j])[axis]
    ```

    When ONNX computes the split sizes at run time they are the
    `dynamic_sizes` operand (one entry per result) and the results have `?`
    extents along `axis`.

    Constraints:
    - at least one result;
    - `axis` is in `[0, rank)`;
    - every result has the input's rank and element type, and the input's
      extent in every dimension but `axis`;
    - the results' extents along `axis` sum to the input's (when static);
    - `dynamic_sizes`, if given, is 1-D with one entry per result.

    Example:

    ```mlir
    %a, %b = kiln.split %x {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x4xf32>
    %c, %d = kiln.split %x sizes %sizes : tensor<2xi64> {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x?xf32>, tensor<2x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Optional<Kiln_I64Tensor>:$dynamic_sizes,
                       I64Attr:$axis);
  let results = (outs Variadic<Kiln_Tensor>:$outputs);
  let assemblyFormat = [{
    $input (`sizes` $dynamic_sizes^ `:` type($dynamic_sizes))? attr-dict `:`
    type($input) `->` type($outputs)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Windows: slice, pad, tile, expand
//===----------------------------------------------------------------------===//

def Kiln_SliceOp : Kiln_ShapeInferenceOp<"slice",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "strided slice with one (start, end, step) per dimension";
  let description = [{
    ONNX Slice after the importer made the bounds explicit for every
    dimension and clamped them to the input:

    ```
    output[i_0, ..., i_(r-1)] = input[starts[0] + i_0 * steps[0], ...,
                                      starts[r-1] + i_(r-1) * steps[r-1]]
    shape(output)[d] = max(0, ceil((ends[d] - starts[d]) / steps[d]))
    ```

    `end` is exclusive. A negative step walks backwards; `end = -1` then
    means "through index 0".

    Constraints:
    - `starts`, `ends` and `steps` have one entry per input dimension;
    - no step is 0;
    - step > 0: `0 <= start <= end <= extent`;
    - step < 0: `-1 <= end <= start < extent`;
    - (for a dynamic extent only the bounds that do not involve it are
      checked).

    Example:

    ```mlir
    %s = kiln.slice %x {starts = array<i64: 0, 1>, ends = array<i64: 4, 7>, steps = array<i64: 1, 2>}
        : tensor<4x8xf32> -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$ends, DenseI64ArrayAttr:$steps);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_DynamicSliceOp : Kiln_ShapeInferenceOp<"dynamic_slice",
    [Pure, AllElementTypesMatch<["input", "output"]>,
     AllTypesMatch<["starts", "ends", "axes", "steps"]>]> {
  let summary = "strided slice with bounds computed at run time";
  let description = [{
    ONNX Slice whose `starts`, `ends`, `axes` or `steps` are computed at run
    time, with ONNX's semantics applied at run time: for each `k`, along
    dimension `d = axes[k]` (negative counts from the end),

    ```
    start = clamp(starts[k] (+ extent if negative), 0, extent)      (step > 0)
          = clamp(starts[k] (+ extent if negative), 0, extent - 1)  (step < 0)
    end   = clamp(ends[k] (+ extent if negative), 0, extent)        (step > 0)
          = clamp(ends[k] (+ extent if negative), -1, extent - 1)   (step < 0)
    output[..., i, ...] = input[..., start + i * steps[k], ...]
    shape(output)[d] = max(0, ceil((end - start) / steps[k]))
    ```

    Dimensions not named in `axes` are kept whole. The result extents depend
    on the operand values, so they are `?` unless the model declares them;
    execution fails if the values imply other extents, if a step is 0 or if
    an axis repeats. Constant bounds import as `kiln.slice` instead.

    Constraints:
    - `starts`, `ends`, `axes` and `steps` are 1-D with the same static
      length, at most the input rank;
    - the result has the input's rank and element type.

    Example:

    ```mlir
    %s = kiln.dynamic_slice %x[%starts, %ends, %axes, %steps]
        : tensor<20x10xf32>, tensor<1xi64> -> tensor<20x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_I64Tensor:$starts,
                       Kiln_I64Tensor:$ends, Kiln_I64Tensor:$axes,
                       Kiln_I64Tensor:$steps);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input `[` $starts `,` $ends `,` $axes `,` $steps `]` attr-dict `:`
    type($input) `,` type($starts) `->` type($output)
  }];
}

def Kiln_PadOp : Kiln_ShapeInferenceOp<"pad",
    [Pure, AllElementTypesMatch<["input", "output"]>,
     AttrSizedOperandSegments]> {
  let summary = "pad (or crop, with negative pads) every dimension";
  let description = [{
    ONNX Pad after the importer expanded `axes` to every dimension. With
    `pads = [b_0, ..., b_(r-1), e_0, ..., e_(r-1)]`:

    ```
    shape(output)[d] = shape(input)[d] + b_d + e_d
    output[i] = input[i - b]            if inside the input
              = value                   otherwise, mode = constant
              = input[reflect(i - b)]   mode = reflect (mirror, edge not repeated)
              = input[clamp(i - b)]     mode = edge
              = input[(i - b) mod shape] mode = wrap
    ```

    A negative pad removes elements from that side. Without `value`,
    constant mode pads with 0 (the zero point for quantized tensors).

    Pads computed at run time are the `dynamic_pads` operand (then `pads` is
    empty and the result extents are `?` unless the model declares them);
    a run-time constant value is the one-element `dynamic_value` operand.

    Constraints:
    - `pads` has `2 * rank` entries (negative entries crop);
    - every result extent is non-negative;
    - `value` is only given in constant mode and its type is the input's
      element type (the expressed type for quantized tensors);
    - `dynamic_pads`, if given, is 1-D with `2 * rank` entries and `pads` is
      empty;
    - `dynamic_value`, if given, holds one element of the input's element
      type, the op is in constant mode and has no `value`.

    Example:

    ```mlir
    %p = kiln.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = -1.0 : f32}
        : tensor<1x3x4x4xf32> -> tensor<1x3x6x6xf32>
    %r = kiln.pad %x {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 2, 0, 2>} : tensor<1x8xf32> -> tensor<1x12xf32>
    %d = kiln.pad %x pads %pads : tensor<4xi64> value %v : tensor<f32> {pads = array<i64>} : tensor<1x8xf32> -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$pads,
                       DefaultValuedAttr<Kiln_PadModeAttr,
                                         "PadMode::constant">:$mode,
                       OptionalAttr<TypedAttrInterface>:$value,
                       Optional<Kiln_I64Tensor>:$dynamic_pads,
                       Optional<Kiln_Tensor>:$dynamic_value);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input (`pads` $dynamic_pads^ `:` type($dynamic_pads))?
    (`value` $dynamic_value^ `:` type($dynamic_value))? attr-dict `:`
    type($input) `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_ExpandOp : Kiln_Op<"expand",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "broadcast a tensor to the result shape";
  let description = [{
    ONNX Expand after the importer computed the broadcast shape: the input
    broadcasts under numpy rules to the result type's shape, which is
    `broadcast(shape(input), shape)`:

    ```
    output[i] = input[i']  where i' drops the leading r_out - r_in indices and
                           uses index 0 for every input dimension of extent 1
    ```

    When the target shape is computed at run time it is the `shape` operand,
    and the result shape is `broadcast(shape(input), shape)` at run time.

    Constraints:
    - the result rank is at least the input rank;
    - aligning trailing dimensions, each input extent is 1 or equals the
      result extent (when both are static);
    - a `shape` operand is 1-D with a static length, and the result rank is
      the larger of that length and the input rank.

    Example:

    ```mlir
    %e = kiln.expand %x : tensor<3x1xf32> -> tensor<2x3x4xf32>
    %d = kiln.expand %x to %shape : tensor<3xi64> : tensor<3x1xf32> -> tensor<?x3x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Optional<Kiln_I64Tensor>:$shape);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input (`to` $shape^ `:` type($shape))? attr-dict `:` type($input) `->`
    type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_FillOp : Kiln_Op<"fill", [Pure]> {
  let summary = "a tensor of run-time shape filled with one value";
  let description = [{
    ONNX ConstantOfShape when the shape is computed at run time (a constant
    shape imports as `kiln.constant`):

    ```
    output[i] = value   for every i in shape
    ```

    Constraints:
    - `shape` is 1-D with one (static) entry per result dimension;
    - `value` has the result's element type.

    Example:

    ```mlir
    %z = kiln.fill %shape, 0.0 : f32 : tensor<2xi64> -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Kiln_I64Tensor:$shape, TypedAttrInterface:$value);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $shape `,` $value attr-dict `:` type($shape) `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_TileOp : Kiln_ShapeInferenceOp<"tile",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "repeat a tensor along every dimension";
  let description = [{
    ONNX Tile:

    ```
    output[i_0, ..., i_(r-1)] = input[i_0 mod d_0, ..., i_(r-1) mod d_(r-1)]
    shape(output)[k] = shape(input)[k] * multiples[k]
    ```

    Repeats computed at run time are the `dynamic_multiples` operand; then
    `multiples` is empty and the result extents are `?` unless the model
    declares them.

    Constraints:
    - `multiples` has one non-negative entry per dimension (0 yields an
      empty dimension), or is empty with `dynamic_multiples` given, 1-D with
      one entry per dimension.

    Example:

    ```mlir
    %t = kiln.tile %x {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x4xf32>
    %d = kiln.tile %x by %repeats : tensor<2xi64> {multiples = array<i64>} : tensor<3x4xf32> -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$multiples,
                       Optional<Kiln_I64Tensor>:$dynamic_multiples);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input (`by` $dynamic_multiples^ `:` type($dynamic_multiples))? attr-dict
    `:` type($input) `->` type($output)
  }];
  let hasFolder = 1;
}

def Kiln_ReverseSequenceOp : Kiln_ShapeInferenceOp<"reverse_sequence",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "reverse the leading part of every sequence in a batch";
  let description = [{
    ONNX ReverseSequence. With `b` along `batch_axis` and `t` along
    `time_axis`, each batch entry reverses its first `sequence_lens[b]`
    time steps and keeps the rest:

    ```
    output[..., b, ..., t, ...] = input[..., b, ..., len - 1 - t, ...]  if t < len
                                = input[..., b, ..., t, ...]            otherwise
    len = sequence_lens[b]
    ```

    Every `sequence_lens[b]` must lie in `[0, input.shape[time_axis]]` at
    run time. The result has the input's shape.

    Constraints:
    - the input has rank at least 2;
    - `batch_axis` and `time_axis` are distinct and in `[0, rank)`;
    - `sequence_lens` is 1-D with one entry per batch entry (when both
      extents are static);
    - a per-axis or sub-channel quantized input is not quantized along
      `time_axis` (reversal would move values between scales).

    Example:

    ```mlir
    %r = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64}
        : tensor<4x5x8xf32>, tensor<4xi64> -> tensor<4x5x8xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, Kiln_I64Tensor:$sequence_lens,
                       DefaultValuedAttr<I64Attr, "1">:$batch_axis,
                       DefaultValuedAttr<I64Attr, "0">:$time_axis);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $input `,` $sequence_lens attr-dict `:` type($input) `,`
    type($sequence_lens) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Rank changes
//===----------------------------------------------------------------------===//

def Kiln_SqueezeOp : Kiln_ShapeInferenceOp<"squeeze",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "remove dimensions of extent 1";
  let description = [{
    ONNX Squeeze with explicit axes (the importer lists ONNX's "all
    extent-1 dimensions" default):

    ```
    shape(output) = [shape(input)[d] for d not in axes]
    ```

    Elements keep their row-major order. An empty `axes` list is the
    identity.

    Constraints:
    - `axes` are strictly increasing and in `[0, rank)`;
    - each squeezed dimension has extent 1 (when static).

    Example:

    ```mlir
    %s = kiln.squeeze %x {axes = array<i64: 2, 3>} : tensor<1x512x1x1xf32> -> tensor<1x512xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_UnsqueezeOp : Kiln_ShapeInferenceOp<"unsqueeze",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "insert dimensions of extent 1";
  let description = [{
    ONNX Unsqueeze: `axes` index the result, which has rank
    `rank(input) + len(axes)`:

    ```
    shape(output)[d] = 1                       if d in axes
                     = next input extent       otherwise
    ```

    Constraints:
    - `axes` are strictly increasing and in `[0, rank(input) + len(axes))`.

    Example:

    ```mlir
    %u = kiln.unsqueeze %x {axes = array<i64: 0, 3>} : tensor<3x4xf32> -> tensor<1x3x4x1xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_FlattenOp : Kiln_ShapeInferenceOp<"flatten",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "collapse a tensor into a matrix";
  let description = [{
    ONNX Flatten: the dimensions before `axis` form the rows, the others the
    columns:

    ```
    shape(output) = [prod(shape(input)[0:axis]), prod(shape(input)[axis:rank])]
    ```

    An empty product is 1 (`axis = 0` gives `[1, N]`).

    Constraints:
    - `axis` is in `[0, rank]` (the rank itself included, as in ONNX).

    Example:

    ```mlir
    %f = kiln.flatten %x {axis = 1 : i64} : tensor<2x3x4xf32> -> tensor<2x12xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input,
                       DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Resampling
//===----------------------------------------------------------------------===//

def Kiln_ResizeOp : Kiln_Op<"resize",
    [Pure, AttrSizedOperandSegments,
     AllElementTypesMatch<["input", "output"]>]> {
  let summary = "resample a tensor by interpolation";
  let description = [{
    ONNX Resize after the importer computed the output shape. For each
    output coordinate `x_out` in dimension `d`, with `scale = scales[d]` (or
    `out_d / in_d` when `scales` is absent), the unfloored resized length
    `len_d = in_d * scale` and, for `tf_crop_and_resize`, the normalized
    crop box `start = roi[d]`, `end = roi[rank + d]`:

    ```
    x_in = coordinate_transform(x_out, scale, in_d, out_d)
      half_pixel:           (x_out + 0.5) / scale - 0.5
      half_pixel_symmetric: in_d / 2 * (1 - out_d / len_d)
                            + (x_out + 0.5) / scale - 0.5
      pytorch_half_pixel:   len_d > 1 ? (x_out + 0.5) / scale - 0.5 : 0
      align_corners:        len_d == 1 ? 0 : x_out * (in_d - 1) / (len_d - 1)
      asymmetric:           x_out / scale
      tf_half_pixel_for_nn: (x_out + 0.5) / scale
      tf_crop_and_resize:   out_d > 1 ? start * (in_d - 1) +
                                        x_out * (end - start) * (in_d - 1) / (out_d - 1)
                                      : 0.5 * (start + end) * (in_d - 1)
    output[x_out] = interpolate(mode, input, x_in)
      nearest: input[nearest_mode(x_in)]
      linear:  (multi)linear interpolation of the 2^n neighbours
      cubic:   cubic convolution with coefficient cubic_coeff_a, taps outside
               the input dropped and the weights renormalized under
               exclude_outside
    ```

    Neighbours outside the input read the nearest input element (edge
    padding). Coordinates outside `[0, in_d - 1]` read `extrapolation_value`
    instead (only for `tf_crop_and_resize`). With `tf_crop_and_resize` and `scales`, a result
    extent is `floor(in_d * (end - start) * scale)`, which depends on the
    values of `roi`; it is not checked.

    When ONNX computes the scales or the output sizes at run time they are
    the `dynamic_scales` (then `out_d = floor(in_d * scale_d)`) or
    `dynamic_sizes` operand, and the result type holds `?` extents.

    Constraints:
    - input and result have the same rank and element type (float or
      quantized);
    - `scales`, if present, has one positive entry per dimension, and each
      static result extent is `floor(input extent * scale)`;
    - at most one of `scales`, `dynamic_scales` and `dynamic_sizes` is
      given; the operands are 1-D with one (static) entry per dimension;
    - `roi` is given exactly for `tf_crop_and_resize`, 1-D with two
      (static) entries per dimension.

    Example:

    ```mlir
    %r = kiln.resize %x {mode = #kiln.resize_mode<linear>, scales = array<f32: 1.0, 1.0, 2.0, 2.0>}
        : tensor<1x3x16x16xf32> -> tensor<1x3x32x32xf32>
    %d = kiln.resize %x sizes %sizes : tensor<4xi64> : tensor<1x3x16x16xf32> -> tensor<?x?x?x?xf32>
    %c = kiln.resize %x roi %roi : tensor<8xf32> {coordinate_transform = #kiln.coordinate_transform<tf_crop_and_resize>}
        : tensor<1x3x16x16xf32> -> tensor<1x3x8x8xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
      DefaultValuedAttr<Kiln_ResizeModeAttr, "ResizeMode::nearest">:$mode,
      DefaultValuedAttr<Kiln_CoordinateTransformAttr,
                        "CoordinateTransform::half_pixel">:$coordinate_transform,
      DefaultValuedAttr<Kiln_NearestModeAttr,
                        "NearestMode::round_prefer_floor">:$nearest_mode,
      DefaultValuedAttr<F32Attr, "-0.75">:$cubic_coeff_a,
      UnitAttr:$exclude_outside,
      DefaultValuedAttr<F32Attr, "0.0">:$extrapolation_value,
      OptionalAttr<DenseF32ArrayAttr>:$scales,
      Optional<Kiln_FloatTensor>:$dynamic_scales,
      Optional<Kiln_I64Tensor>:$dynamic_sizes,
      Optional<Kiln_FloatTensor>:$roi);
  let results = (outs Kiln_FloatOrQuantizedTensor:$output);
  let assemblyFormat = [{
    $input (`roi` $roi^ `:` type($roi))?
    (`scales` $dynamic_scales^ `:` type($dynamic_scales))?
    (`sizes` $dynamic_sizes^ `:` type($dynamic_sizes))? attr-dict `:`
    type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Element type conversion and shape queries
//===----------------------------------------------------------------------===//

def Kiln_CastOp : Kiln_Op<"cast", [Pure, SameOperandsAndResultShape]> {
  let summary = "convert every element to another element type";
  let description = [{
    ONNX Cast:

    ```
    output[i] = convert(input[i])
    ```

    Floats round to nearest even into narrower floats and truncate toward
    zero into integers; integers wrap into narrower integers; `i1` is
    `x != 0`. Into float types of at most 8 bits (FP8, FP6, FP4),
    magnitudes beyond the largest finite value become infinity where the
    format has one (f8E5M2), else NaN where it has NaN (f8E4M3FN), else the
    largest finite value (f4E2M1FN, f6E2M3FN, f6E3M2FN). With `saturate`
    (ONNX's default for float 8 targets) they become the largest finite
    value of their sign instead, infinities included; NaN stays NaN.

    Constraints:
    - input and result have the same shape;
    - neither element type is quantized: `kiln.quantize`,
      `kiln.dequantize` and `kiln.requantize` convert quantized tensors;
    - `saturate` converts a float input into a float type of at most 8 bits
      other than f8E8M0FNU.

    Example:

    ```mlir
    %c = kiln.cast %x : tensor<2x3xi64> -> tensor<2x3xf32>
    %q = kiln.cast %y {saturate} : tensor<16xf32> -> tensor<16xf8E4M3FN>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, UnitAttr:$saturate);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_ShapeOp : Kiln_ShapeInferenceOp<"shape", [Pure]> {
  let summary = "the extents of a tensor as a 1-D i64 tensor";
  let description = [{
    ONNX Shape (without `start` / `end`; the importer slices instead):

    ```
    output[k] = shape(input)[k]   for 0 <= k < rank(input)
    ```

    Folds to a constant when the input shape is static.

    Constraints:
    - the result is a 1-D i64 tensor with `rank(input)` elements.

    Example:

    ```mlir
    %s = kiln.shape %x : tensor<?x3x224x224xf32> -> tensor<4xi64>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input);
  let results = (outs Kiln_I64Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

def Kiln_RangeOp : Kiln_Op<"range",
    [Pure, AllElementTypesMatch<["start", "limit", "delta", "output"]>]> {
  let summary = "arithmetic sequence from scalar tensors";
  let description = [{
    ONNX Range:

    ```
    n = max(0, ceil((limit - start) / delta))
    output[i] = start + i * delta   for 0 <= i < n
    ```

    The result extent depends on operand values and is usually dynamic.

    Constraints:
    - `start`, `limit` and `delta` are 0-d tensors with one float or
      integer element type, which is also the result's;
    - the result is 1-D.

    Example:

    ```mlir
    %r = kiln.range %start, %limit, %delta : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
    ```
  }];
  let arguments = (ins 0DTensorOf<[AnyFloat, I8, I16, I32, I64]>:$start,
                       0DTensorOf<[AnyFloat, I8, I16, I32, I64]>:$limit,
                       0DTensorOf<[AnyFloat, I8, I16, I32, I64]>:$delta);
  let results = (outs 1DTensorOf<[AnyFloat, I8, I16, I32, I64]>:$output);
  let assemblyFormat = [{
    $start `,` $limit `,` $delta attr-dict `:` functional-type(operands, results)
  }];
}

#endif // KILN_DATA_MOVEMENT_OPS_TD
