//===- KilnReductionOps.td - reductions, scans, top-k ---------*- tablegen -*-===//

#ifndef KILN_REDUCTION_OPS_TD
#define KILN_REDUCTION_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

//===----------------------------------------------------------------------===//
// Reductions over axes
//===----------------------------------------------------------------------===//

// Reduces `input` over `axes`; reduced dimensions are dropped, or kept with
// extent 1 under `keep_dims`.
// - formula: the value of one output element, as pseudo-code over the
//   reduced elements `input[i]`.
// - emptyIsIdentity: whether reducing over no axes returns the input (true
//   for sum, mean, max, ...; false where each element is still transformed,
//   e.g. |x| for reduce_l1). Only then does the op fold.
class Kiln_ReduceOp<string mnemonic, string formula,
                    TypeConstraint tensorType = Kiln_NumericTensor,
                    bit emptyIsIdentity = 1>
    : Kiln_ShapeInferenceOp<mnemonic, [Pure]> {
  let summary = "reduce with `" # formula # "` over axes";
  let description = [{
    Combines all elements that share their non-reduced coordinates (ONNX
    Reduce*):

    ```
    output[j] = }] # formula # [{
        over all i with i[non-reduced axes] = j
    ```

    Reduced dimensions are removed from the result, or kept with extent 1
    when `keep_dims` is set. An empty `axes` list reduces nothing: every
    output element is computed from its one input element}] #
    !if(emptyIsIdentity, [{ (the op is then
    the identity, and folds away)}], [{, so the op still
    transforms each element and does not fold}]) # [{. The importer spells out
    ONNX's "all axes" default and resolves `noop_with_empty_axes`.

    When ONNX computes the axes at run time they are the `dynamic_axes`
    operand (ONNX semantics: negative entries count from the end) and
    `axes` is empty; the result then has `?` extents (except kept extents
    of 1), which the importer takes from the model's declared shape.

    Constraints:
    - `axes` are strictly increasing and in `[0, rank)`;
    - `dynamic_axes`, if given, is 1-D with a static length in `[1, rank]`,
      and `axes` is then empty;
    - the result shape is the input shape with the reduced dimensions removed
      (or set to 1 with `keep_dims`);
    - the result has the input's element type (quantized: the same
      expressed type, possibly other parameters).

    Example:

    ```mlir
    %s = kiln.}] # mnemonic # [{ %x {axes = array<i64: 1>, keep_dims} : tensor<2x3xf32> -> tensor<2x1xf32>
    %d = kiln.}] # mnemonic # [{ %x along %axes : tensor<1xi64> {axes = array<i64>} : tensor<2x3xf32> -> tensor<2xf32>
    ```
  }];
  let arguments = (ins tensorType:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keep_dims,
                       Optional<Kiln_I64Tensor>:$dynamic_axes);
  let results = (outs tensorType:$output);
  let assemblyFormat = [{
    $input (`along` $dynamic_axes^ `:` type($dynamic_axes))? attr-dict `:`
    type($input) `->` type($output)
  }];
  let hasFolder = emptyIsIdentity;
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      // Run-time axes are integers of their own.
      return verifyResultExpressesInputType(*this, getInput(), getOutput());
    }

    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      ::mlir::Value dynamicAxes = adaptor.getDynamicAxes();
      if (!dynamicAxes)
        return inferReducedShape(location, getShape(adaptor.getInput()),
                                 adaptor.getAxes(), adaptor.getKeepDims(),
                                 inferredShapes);
      if (!adaptor.getAxes().empty())
        return ::mlir::emitOptionalError(
            location, "give axes either as an attribute or as run-time "
                      "dynamic_axes, not both");
      return inferDynamicReducedShape(
          location, getShape(adaptor.getInput()),
          ::llvm::cast<::mlir::ShapedType>(dynamicAxes.getType()),
          adaptor.getKeepDims(), inferredShapes);
    }
  }] # !if(emptyIsIdentity, [{
    ::mlir::OpFoldResult $cppClass::fold(FoldAdaptor) {
      if (getAxes().empty() && !getDynamicAxes() &&
          getInput().getType() == getOutput().getType())
        return getInput();
      return {};
    }
  }], "");
}

def Kiln_ReduceSumOp : Kiln_ReduceOp<"reduce_sum", "sum(input[i])">;
def Kiln_ReduceMeanOp
    : Kiln_ReduceOp<"reduce_mean", "sum(input[i]) / count(i)">;
def Kiln_ReduceMaxOp : Kiln_ReduceOp<"reduce_max", "max(input[i])">;
def Kiln_ReduceMinOp : Kiln_ReduceOp<"reduce_min", "min(input[i])">;
def Kiln_ReduceProdOp : Kiln_ReduceOp<"reduce_prod", "product(input[i])">;
def Kiln_ReduceL1Op
    : Kiln_ReduceOp<"reduce_l1", "sum(|input[i]|)", Kiln_NumericTensor, 0>;
def Kiln_ReduceL2Op : Kiln_ReduceOp<"reduce_l2", "sqrt(sum(input[i]^2))",
                                    Kiln_FloatOrQuantizedTensor, 0>;
def Kiln_ReduceLogSumOp : Kiln_ReduceOp<"reduce_log_sum", "ln(sum(input[i]))",
                                        Kiln_FloatOrQuantizedTensor, 0>;
def Kiln_ReduceLogSumExpOp
    : Kiln_ReduceOp<"reduce_log_sum_exp", "ln(sum(e^input[i]))",
                    Kiln_FloatOrQuantizedTensor>;
def Kiln_ReduceSumSquareOp : Kiln_ReduceOp<"reduce_sum_square",
                                           "sum(input[i]^2)",
                                           Kiln_NumericTensor, 0>;

//===----------------------------------------------------------------------===//
// Index of the extreme value
//===----------------------------------------------------------------------===//

// Returns the position of the largest or smallest element along `axis`.
// - extreme: "largest" or "smallest".
class Kiln_ArgReduceOp<string mnemonic, string extreme, string compare>
    : Kiln_ShapeInferenceOp<mnemonic, [Pure]> {
  let summary = "index of the " # extreme # " element along an axis";
  let description = [{
    ONNX Arg}] # !if(!eq(extreme, "largest"), "Max", "Min") # [{: for every
    position `j` of the non-reduced dimensions,

    ```
    output[j] = the k in [0, shape[axis]) whose input[j with k at axis] is the
                }] # extreme # [{ (compared with `}] # compare # [{`);
                ties pick the first such k, or the last one under
                select_last_index
    ```

    The reduced dimension is removed, or kept with extent 1 under
    `keep_dims` (ONNX's `keepdims` defaults to 1; the importer sets the
    flag). Quantized inputs compare their expressed values.

    Constraints:
    - `axis` is in `[0, rank)`;
    - the result is an i64 tensor with the input shape without `axis` (or
      with extent 1 there under `keep_dims`).

    Example:

    ```mlir
    %i = kiln.}] # mnemonic # [{ %x {axis = 1 : i64, keep_dims} : tensor<2x3xf32> -> tensor<2x1xi64>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input,
                       DefaultValuedAttr<I64Attr, "0">:$axis,
                       UnitAttr:$keep_dims, UnitAttr:$select_last_index);
  let results = (outs Kiln_I64Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      ::llvm::ArrayRef<int64_t> shape = getShape(adaptor.getInput());
      int64_t axis = static_cast<int64_t>(adaptor.getAxis());
      if (failed(verifyAxis(location, axis, shape.size())))
        return ::mlir::failure();
      return inferReducedShape(location, shape, axis, adaptor.getKeepDims(),
                               inferredShapes);
    }
  }];
}

def Kiln_ArgMaxOp : Kiln_ArgReduceOp<"argmax", "largest", ">">;
def Kiln_ArgMinOp : Kiln_ArgReduceOp<"argmin", "smallest", "<">;

//===----------------------------------------------------------------------===//
// Scan
//===----------------------------------------------------------------------===//

def Kiln_CumSumOp : Kiln_ShapeInferenceOp<"cumsum", [Pure]> {
  let summary = "cumulative sum along an axis";
  let description = [{
    ONNX CumSum, with `axis` as a normalized attribute instead of an input.
    Along `axis`, with `n = shape[axis]` and the other coordinates fixed:

    ```
    output[k] = sum(input[i] for i in [0, k])       (default)
    output[k] = sum(input[i] for i in [0, k))       (exclusive)
    output[k] = sum(input[i] for i in [k, n))       (reverse)
    output[k] = sum(input[i] for i in (k, n))       (exclusive and reverse)
    ```

    An empty sum is zero. A non-exclusive sum along an axis of extent 1 is
    the identity and folds away. When ONNX computes the axis at run time it
    is the one-element `dynamic_axis` operand (negative values count from
    the end, as in ONNX).

    Constraints:
    - exactly one of `axis` and `dynamic_axis` is given;
    - `axis` is in `[0, rank)`; `dynamic_axis` holds one integer;
    - the result has the input's shape and element type (quantized: the
      same expressed type).

    Example:

    ```mlir
    %c = kiln.cumsum %x {axis = 1 : i64, exclusive} : tensor<2x3xf32> -> tensor<2x3xf32>
    %d = kiln.cumsum %x along %axis : tensor<i64> : tensor<2x3xf32> -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input, OptionalAttr<I64Attr>:$axis,
                       Optional<Kiln_IndexTensor>:$dynamic_axis,
                       UnitAttr:$exclusive, UnitAttr:$reverse);
  let results = (outs Kiln_NumericTensor:$output);
  let assemblyFormat = [{
    $input (`along` $dynamic_axis^ `:` type($dynamic_axis))? attr-dict `:`
    type($input) `->` type($output)
  }];
  let hasFolder = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Top-k
//===----------------------------------------------------------------------===//

def Kiln_TopKOp : Kiln_ShapeInferenceOp<"topk",
    [Pure, AllElementTypesMatch<["input", "values"]>]> {
  let summary = "k largest or smallest elements along an axis";
  let description = [{
    ONNX TopK, with `k` as an attribute. Along `axis`, for every position
    `j` of the other dimensions:

    ```
    order = the positions [0, shape[axis]) sorted by input[j, i] descending
            (ascending when `largest` is absent); ties by ascending position
    indices[j, t] = order[t]              for t in [0, k)
    values[j, t]  = input[j, order[t]]
    ```

    Without `sorted` the k results may come in any order. ONNX's `largest`
    and `sorted` default to 1; the importer sets the flags. Quantized inputs
    compare their expressed values and keep their element type. When ONNX
    computes K at run time it is the one-element `dynamic_k` operand and the
    results have a `?` extent at `axis`.

    Constraints:
    - `axis` is in `[0, rank)`;
    - exactly one of `k` and `dynamic_k` is given; `dynamic_k` holds one
      integer;
    - `1 <= k`, and `k <= shape[axis]` when that extent is static;
    - both results have the input shape with `k` at `axis`; `values` has
      the input element type and `indices` is i64;
    - a per-axis quantized input is not quantized along `axis`.

    Example:

    ```mlir
    %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64, largest, sorted}
        : tensor<3x5xf32> -> tensor<3x2xf32>, tensor<3x2xi64>
    %w, %j = kiln.topk %x take %k : tensor<1xi64> {axis = 1 : i64, largest}
        : tensor<3x5xf32> -> tensor<3x?xf32>, tensor<3x?xi64>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input, OptionalAttr<I64Attr>:$k,
                       Optional<Kiln_I64Tensor>:$dynamic_k, I64Attr:$axis,
                       UnitAttr:$largest, UnitAttr:$sorted);
  let results = (outs Kiln_NumericTensor:$values, Kiln_I64Tensor:$indices);
  let assemblyFormat = [{
    $input (`take` $dynamic_k^ `:` type($dynamic_k))? attr-dict `:`
    type($input) `->` type($values) `,` type($indices)
  }];
  let hasVerifier = 1;
}

#endif // KILN_REDUCTION_OPS_TD
