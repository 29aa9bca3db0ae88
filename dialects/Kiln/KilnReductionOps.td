//===- KilnReductionOps.td - reductions, scans, top-k ---------*- tablegen -*-===//

#ifndef KILN_REDUCTION_OPS_TD
#define KILN_REDUCTION_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

// Reduces `input` over `axes`; reduced dimensions are dropped, or kept with
// extent 1 under `keep_dims`.
class Kiln_ReduceOp<string mnemonic, string formula,
                    TypeConstraint tensorType = Kiln_NumericTensor>
    : Kiln_ShapeInferenceOp<mnemonic, [Pure, Kiln_SameExpressedElementType]> {
  let summary = "reduce with `" # formula # "` over axes";
  let description = [{
    Combines all elements that share their non-reduced coordinates:

    ```
    output[j] = }] # formula # [{   over all i with i[non-reduced axes] = j
    ```

    Reduced dimensions are removed from the result, or kept with extent 1
    when `keep_dims` is set. An empty `axes` list reduces nothing (the op is
    then the identity, and folds away); the importer spells out ONNX's
    "all axes" default.

    Constraints:
    - `axes` are strictly increasing and in `[0, rank)`;
    - the result shape is the input shape with the reduced dimensions removed
      (or set to 1 with `keep_dims`).

    Example:

    ```mlir
    %s = kiln.}] # mnemonic # [{ %x {axes = array<i64: 1>, keep_dims} : tensor<2x3xf32> -> tensor<2x1xf32>
    ```
  }];
  let arguments = (ins tensorType:$input, DenseI64ArrayAttr:$axes,
                       UnitAttr:$keep_dims);
  let results = (outs tensorType:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasFolder = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      return inferReducedShape(location, getShape(adaptor.getInput()),
                               adaptor.getAxes(), adaptor.getKeepDims(),
                               inferredShapes);
    }
    ::mlir::OpFoldResult $cppClass::fold(FoldAdaptor) {
      if (getAxes().empty() && getInput().getType() == getOutput().getType())
        return getInput();
      return {};
    }
  }];
}

def Kiln_ReduceSumOp : Kiln_ReduceOp<"reduce_sum", "sum(input[i])">;

#endif // KILN_REDUCTION_OPS_TD
