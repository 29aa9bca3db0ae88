//===- KilnIndexingOps.td - gather, scatter, selection --------*- tablegen -*-===//

#ifndef KILN_INDEXING_OPS_TD
#define KILN_INDEXING_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

//===----------------------------------------------------------------------===//
// Gather
//===----------------------------------------------------------------------===//

def Kiln_GatherOp : Kiln_ShapeInferenceOp<"gather",
    [Pure, AllElementTypesMatch<["data", "output"]>]> {
  let summary = "gather slices along an axis by index";
  let description = [{
    ONNX Gather. With `data` of rank `r` and `indices` of rank `q`:

    ```
    output[a_0..a_(axis-1), j_0..j_(q-1), b_(axis+1)..b_(r-1)] =
        data[a_0..a_(axis-1), idx, b_(axis+1)..b_(r-1)]
    idx = indices[j_0..j_(q-1)], plus shape[axis] when negative
    ```

    so `shape(output) = data.shape[:axis] + indices.shape +
    data.shape[axis+1:]`. Index values may be negative (counted from the end)
    as in ONNX; they must lie in `[-shape[axis], shape[axis])` at run time.
    Quantized data keeps its element type.

    Constraints:
    - `axis` is in `[0, r)`;
    - the result has the shape above and the data element type;
    - per-axis quantized data keeps its quantized dimension at the same
      index and extent (it is not `axis`, and lies before `axis` unless
      `q = 1`).

    Example:

    ```mlir
    %e = kiln.gather %table, %ids {axis = 0 : i64} : tensor<1000x64xf32>, tensor<2x7xi64> -> tensor<2x7x64xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$data, Kiln_IndexTensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $indices attr-dict `:` type($data) `,` type($indices) `->`
    type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Kiln_GatherElementsOp : Kiln_ShapeInferenceOp<"gather_elements",
    [Pure, AllElementTypesMatch<["data", "output"]>]> {
  let summary = "gather single elements along an axis by index";
  let description = [{
    ONNX GatherElements. `indices` has the rank of `data`; for every index
    position `i`:

    ```
    output[i] = data[i with i[axis] replaced by idx]
    idx = indices[i], plus shape[axis] when negative
    ```

    so the result has the shape of `indices`. Index values may be negative
    as in ONNX and must lie in `[-shape[axis], shape[axis])` at run time.

    Constraints:
    - `axis` is in `[0, rank)`;
    - `indices` has the rank of `data`, and its extent in every dimension
      other than `axis` does not exceed data's (when both are static);
    - the result has the shape of `indices` and the data element type;
    - per-axis quantized data is not quantized along `axis`, and indices
      keep the extent of the quantized dimension.

    Example:

    ```mlir
    %g = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$data, Kiln_IndexTensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $indices attr-dict `:` type($data) `,` type($indices) `->`
    type($output)
  }];
  let hasVerifier = 1;
}

def Kiln_GatherNDOp : Kiln_ShapeInferenceOp<"gather_nd",
    [Pure, AllElementTypesMatch<["data", "output"]>]> {
  let summary = "gather slices addressed by index tuples";
  let description = [{
    ONNX GatherND. With `data` of rank `r`, `indices` of rank `q`,
    `b = batch_dims` and `m = indices.shape[q-1]`, every index tuple
    `indices[p, :]` (the last dimension) addresses data dimensions
    `[b, b + m)` within batch `p[0..b)`:

    ```
    output[p_0..p_(q-2), s...] = data[p_0..p_(b-1), t_0..t_(m-1), s...]
    t = indices[p_0..p_(q-2), :], each plus its extent when negative
    ```

    so `shape(output) = indices.shape[:q-1] + data.shape[b+m:]`.

    Constraints:
    - `0 <= b < min(q, r)`;
    - the first `b` dimensions of `data` and `indices` agree;
    - `m` is static and `1 <= m <= r - b`;
    - the result has the shape above and the data element type;
    - per-axis quantized data keeps its quantized dimension at the same
      index and extent.

    Example:

    ```mlir
    %g = kiln.gather_nd %x, %i : tensor<4x5x6xf32>, tensor<3x2xi64> -> tensor<3x6xf32>
    %h = kiln.gather_nd %x, %j {batch_dims = 1 : i64} : tensor<4x5x6xf32>, tensor<4x1xi64> -> tensor<4x6xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$data, Kiln_IndexTensor:$indices,
                       DefaultValuedAttr<I64Attr, "0">:$batch_dims);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $data `,` $indices attr-dict `:` type($data) `,` type($indices) `->`
    type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Scatter
//===----------------------------------------------------------------------===//

def Kiln_ScatterElementsOp : Kiln_ShapeInferenceOp<"scatter_elements",
    [Pure, AllElementTypesMatch<["data", "updates", "output"]>]> {
  let summary = "scatter single elements along an axis by index";
  let description = [{
    ONNX ScatterElements, the inverse of `kiln.gather_elements`:

    ```
    output = data
    for every position i of indices:
      idx = indices[i], plus shape[axis] when negative
      j = i with i[axis] replaced by idx
      output[j] = updates[i]                   (reduction = none)
      output[j] = output[j] <op> updates[i]    (add, mul, max, min)
    ```

    With `reduction = none`, duplicate indices leave an unspecified one of
    their updates (the CPU lowering applies updates in row-major order of
    `indices`, so the last one wins). Index values may be negative as in
    ONNX; an index outside `[-shape[axis], shape[axis])` is an error in
    ONNX, and the CPU lowering skips its update rather than write out of
    bounds.

    Constraints:
    - `axis` is in `[0, rank)`;
    - `indices` and `updates` have the same shape, the rank of `data`, and
      in every dimension other than `axis` an extent no larger than data's
      (when both are static);
    - `data`, `updates` and the result share one element type, and the
      result has the shape of `data`;
    - per-axis quantized data is not quantized along `axis`, and updates
      keep the extent of the quantized dimension.

    Example:

    ```mlir
    %s = kiln.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #kiln.scatter_reduction<add>}
        : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$data, Kiln_IndexTensor:$indices,
                       Kiln_Tensor:$updates,
                       DefaultValuedAttr<I64Attr, "0">:$axis,
                       DefaultValuedAttr<Kiln_ScatterReductionAttr,
                                         "ScatterReduction::none">:$reduction);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def Kiln_ScatterNDOp : Kiln_ShapeInferenceOp<"scatter_nd",
    [Pure, AllElementTypesMatch<["data", "updates", "output"]>]> {
  let summary = "scatter slices addressed by index tuples";
  let description = [{
    ONNX ScatterND, the inverse of `kiln.gather_nd` without batch
    dimensions. With `data` of rank `r`, `indices` of rank `q` and
    `m = indices.shape[q-1]`:

    ```
    output = data
    for every position p of indices.shape[:q-1]:
      t = indices[p, :], each plus its extent when negative
      output[t, s...] = updates[p, s...]                   (reduction = none)
      output[t, s...] = output[t, s...] <op> updates[p, s...]  (add, mul, max, min)
    ```

    With `reduction = none`, duplicate index tuples leave an unspecified one
    of their updates (the CPU lowering applies them in row-major order of
    the tuples, so the last one wins). A tuple with a component outside
    `[-extent, extent)` is an error in ONNX; the CPU lowering skips its
    update rather than write out of bounds.

    Constraints:
    - `q >= 1`, and `m` is static with `m <= r`;
    - `updates` has shape `indices.shape[:q-1] + data.shape[m:]`;
    - `data`, `updates` and the result share one element type, and the
      result has the shape of `data`;
    - per-axis quantized data is quantized along a dimension `d >= m` that
      keeps its index in `updates` (`q = m + 1`) with its extent.

    Example:

    ```mlir
    %s = kiln.scatter_nd %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$data, Kiln_IndexTensor:$indices,
                       Kiln_Tensor:$updates,
                       DefaultValuedAttr<Kiln_ScatterReductionAttr,
                                         "ScatterReduction::none">:$reduction);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Triangular masks
//===----------------------------------------------------------------------===//

def Kiln_TriluOp : Kiln_ShapeInferenceOp<"trilu",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "keep the upper or lower triangle of the innermost matrices";
  let description = [{
    ONNX Trilu, with `k` as an attribute. For every matrix in the last two
    dimensions, at row `i` and column `j`:

    ```
    output[..., i, j] = input[..., i, j]  if j - i >= k   (upper)
    output[..., i, j] = input[..., i, j]  if j - i <= k   (lower)
    output[..., i, j] = 0                 otherwise (the zero point when quantized)
    ```

    ONNX's `upper` defaults to 1; the importer sets the flag. A mask that
    keeps every element (`upper` with `k <= 1 - rows`, or lower with
    `k >= columns - 1`) is the identity and folds away.

    Constraints:
    - the input has rank at least 2;
    - the result has the input's shape and element type.

    Example:

    ```mlir
    %u = kiln.trilu %x {upper, k = 1 : i64} : tensor<2x4x4xf32> -> tensor<2x4x4xf32>
    ```
  }];
  let arguments = (ins Kiln_Tensor:$input, UnitAttr:$upper,
                       DefaultValuedAttr<I64Attr, "0">:$k);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Data-dependent selection
//===----------------------------------------------------------------------===//

def Kiln_NonZeroOp : Kiln_ShapeInferenceOp<"non_zero", [Pure]> {
  let summary = "coordinates of the non-zero elements";
  let description = [{
    ONNX NonZero. For an input of rank `r`, column `n` of the result holds
    the coordinates of the `n`-th non-zero element in row-major order:

    ```
    output[:, n] = (i_0, ..., i_(r-1))  where input[i_0, ..., i_(r-1)] is
                   the n-th element != 0 (true for booleans)
    ```

    The number of non-zero elements depends on the data, so the result's
    second extent is `?`. Kiln compiles static shapes: the importer takes
    the extent `N` the model declares for the result. Where the data give a
    different count, the CPU lowering keeps the first `N` coordinates and
    leaves columns past the count zero; it never writes out of bounds.

    Constraints:
    - the result is an i64 tensor of shape `[r, ?]`.

    Example:

    ```mlir
    %nz = kiln.non_zero %x : tensor<2x3xi1> -> tensor<2x?xi64>
    ```
  }];
  let arguments = (ins Kiln_UnquantizedTensor:$input);
  let results = (outs Kiln_I64Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Kiln_CompressOp : Kiln_ShapeInferenceOp<"compress",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "select slices (or elements) where a condition holds";
  let description = [{
    ONNX Compress. With `selected` the positions `j < length(condition)`
    where `condition[j]` is true, in increasing order:

    ```
    with axis:    output[..., n, ...] = input[..., selected[n], ...]   (n at axis)
    without axis: output[n] = flatten(input)[selected[n]]
    ```

    The condition may be shorter than the input along `axis` (or than its
    element count); the positions past its end are dropped. The number of
    selected positions depends on the data, so the result's extent along
    `axis` (its only extent, without `axis`) is `?`. Kiln compiles static
    shapes: the importer takes the extent `N` the model declares for the
    result. Where the data select a different count, the CPU lowering keeps
    the first `N` selected slices and leaves positions past the count
    zero; it never writes out of bounds.

    Constraints:
    - `axis`, if present, is in `[0, rank)`;
    - `condition` is a 1-D boolean tensor no longer than the input's extent
      along `axis` (its element count without `axis`), when both are static;
    - the result has the input's shape with `?` at `axis` (`[?]` without
      `axis`) and the input's element type.

    Example:

    ```mlir
    %c = kiln.compress %x, %keep {axis = 1 : i64} : tensor<3x4xf32>, tensor<4xi1> -> tensor<3x?xf32>
    %f = kiln.compress %x, %mask : tensor<3x4xf32>, tensor<12xi1> -> tensor<?xf32>
    ```
  }];
  let arguments = (ins Kiln_UnquantizedTensor:$input,
                       Kiln_BoolTensor:$condition,
                       OptionalAttr<I64Attr>:$axis);
  let results = (outs Kiln_UnquantizedTensor:$output);
  let assemblyFormat = [{
    $input `,` $condition attr-dict `:` type($input) `,` type($condition)
    `->` type($output)
  }];
}

def Kiln_UniqueOp : Kiln_ShapeInferenceOp<"unique",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "distinct elements (or slices) with their positions and counts";
  let description = [{
    ONNX Unique. The items are the elements of `flatten(input)` without
    `axis`, or the slices `input[..., j, ...]` (`j` at `axis`) with it:

    ```
    U = the distinct items, ascending (sorted; slices compare
        lexicographically in row-major order) or in order of first
        occurrence (not sorted)
    output            = the items of U, in that order (stacked along axis)
    indices[u]        = the position of the first occurrence of U[u]
    inverse_indices[j] = the u with item j == U[u]
    counts[u]         = the number of occurrences of U[u]
    ```

    The number of distinct items depends on the data, so `output` has `?`
    at `axis` (it is `[?]` without `axis`), and `indices` and `counts` are
    `[?]`. Kiln compiles static shapes: the importer takes the extent `N`
    the model declares. Where the data hold a different number of distinct
    items, the CPU lowering writes `output`, `indices` and `counts` only at
    positions below `N` (the first `N` in the order above) and leaves
    positions past the count zero; `inverse_indices` is always complete and
    may then name positions `>= N`. ONNX's `sorted` defaults to 1; the
    importer sets the flag. The CPU lowering compares items pairwise, so its
    cost grows with the square of the number of items; NaNs compare equal
    to each other and order after every number, as in numpy.

    Constraints:
    - `axis`, if present, is in `[0, rank)`;
    - `output` has the input's element type and the shape above; the other
      results are 1-D i64 tensors, `inverse_indices` with one entry per item
      (the input's element count, or its extent along `axis`).

    Example:

    ```mlir
    %y, %first, %inverse, %counts = kiln.unique %x {sorted}
        : tensor<6xf32> -> tensor<?xf32>, tensor<?xi64>, tensor<6xi64>, tensor<?xi64>
    ```
  }];
  let arguments = (ins Kiln_UnquantizedTensor:$input, UnitAttr:$sorted,
                       OptionalAttr<I64Attr>:$axis);
  let results = (outs Kiln_UnquantizedTensor:$output, Kiln_I64Tensor:$indices,
                      Kiln_I64Tensor:$inverse_indices, Kiln_I64Tensor:$counts);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output) `,` type($indices)
    `,` type($inverse_indices) `,` type($counts)
  }];
}

#endif // KILN_INDEXING_OPS_TD
