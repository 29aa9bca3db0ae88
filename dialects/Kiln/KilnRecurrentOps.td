//===- KilnRecurrentOps.td - RNN, GRU and LSTM layers ------*- tablegen -*-===//

#ifndef KILN_RECURRENT_OPS_TD
#define KILN_RECURRENT_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

def Kiln_RecurrentActivationArrayAttr
    : TypedArrayAttrBase<Kiln_RecurrentActivationAttr,
                         "recurrent activation functions">;

// One ONNX recurrent layer: a cell runs over the sequence `x` forward,
// backward or both ways. The three ops share operands, attributes, shape
// inference and this description; each adds its cell's equations.
// - onnxName: the ONNX operator.
// - gateNames: the gates whose blocks W, R and B stack per direction, in
//   ONNX's order; their count is the op's gate count.
// - defaultActivations: ONNX's activation functions of one direction when
//   the model gives none; their count is the op's functions per direction.
// - equations: one step of the cell, as pseudo-code over `x_t`, `H` (and
//   `C`), ending with the new `H`.
// - notes: what the equations do not show (op-specific attributes and
//   operands).
// - example: the op in use.
// - extraOperands, extraAttributes, extraResults, extraOperandFormat: what
//   the op adds to the shared signature, and the assembly of its operands
//   (ending in a space).
class Kiln_RecurrentOp<string mnemonic, string onnxName,
                       list<string> gateNames, list<string> defaultActivations,
                       string equations, string notes, string example,
                       dag extraOperands = (ins), dag extraAttributes = (ins),
                       dag extraResults = (outs),
                       string extraOperandFormat = "">
    : Kiln_ShapeInferenceOp<mnemonic, [Pure, AttrSizedOperandSegments]> {
  defvar gateCount = !size(gateNames);
  defvar functionCount = !size(defaultActivations);
  defvar hasCellState = !ne(!size(extraResults), 0);
  let summary = "one ONNX " # onnxName # " layer over a sequence";
  let description = [{
    ONNX }] # onnxName # [{ (opsets 7 to 21). Direction `d` runs forward,
    in reverse, or (bidirectional) both ways with the forward pass as
    `d = 0`. For every direction `d` and batch entry `n`, with `W = w[d]`,
    `R = r[d]` and `[Wb, Rb] = b[d]` (zero without `b`), each split into
    one block of `hidden_size` rows (or elements) per gate in the order }] #
    !interleave(gateNames, ", ") # [{:

    ```
    H = initial_h[d, n]             (zero without initial_h)}] #
    !if(hasCellState, [{
    C = initial_c[d, n]             (zero without initial_c)}], "") # [{
    L = sequence_lens[n]            (seq_length without sequence_lens)
    for t in (d runs forward ? 0, 1, .., L-1 : L-1, .., 1, 0):
        x_t = x[t, n]}] # equations # [{
        y[t, d, n] = H
    y[t, d, n] = 0                  for L <= t < seq_length
    y_h[d, n] = H}] # !if(hasCellState, [{
    y_c[d, n] = C}], "") # [{
    ```

    `v * M^T` multiplies by a block's transpose and `(.)` is the
    elementwise product. }] # !cond(
        !eq(functionCount, 1): "`f` is",
        !eq(functionCount, 2): "`f` and `g` are",
        true: "`f`, `g` and `h` are") # [{ the direction's activation
    function}] # !if(!gt(functionCount, 1), "s", "") # [{: `activations` holds }] # functionCount # [{ per direction, forward
    first (ONNX's default: }] # !interleave(defaultActivations, ", ") # [{),
    and `activation_alpha[i]` / `activation_beta[i]` are the parameters of
    `activations[i]` (ignored by a function without that parameter; the
    importer resolves ONNX's compact lists and defaults):

    ```
    relu(v)             = max(0, v)
    tanh(v)             = (1 - e^(-2v)) / (1 + e^(-2v))
    sigmoid(v)          = 1 / (1 + e^(-v))
    affine(v)           = alpha * v + beta
    leaky_relu(v)       = v >= 0 ? v : alpha * v
    thresholded_relu(v) = v > alpha ? v : 0
    scaled_tanh(v)      = alpha * tanh(beta * v)
    hard_sigmoid(v)     = min(max(alpha * v + beta, 0), 1)
    elu(v)              = v >= 0 ? v : alpha * (e^v - 1)
    softsign(v)         = v / (1 + |v|)
    softplus(v)         = ln(1 + e^v)
    ```

    With `clip`, every activation function's argument is first clamped to
    `[-clip, clip]`.}] # notes # [{

    Layout (ONNX `layout = 0`), as indexed above:

    ```
    x: [seq_length, batch_size, input_size]
    y: [seq_length, num_directions, batch_size, hidden_size]
    initial and final states: [num_directions, batch_size, hidden_size]
    ```

    With `batch_major` (ONNX `layout = 1`) the batch dimension comes first:
    `x` is `[batch_size, seq_length, input_size]`, `y` is
    `[batch_size, seq_length, num_directions, hidden_size]` and the states
    are `[batch_size, num_directions, hidden_size]`. All results are always
    produced; the importer maps the ONNX outputs a model uses.

    Constraints (`G = }] # gateCount # [{` gates; `num_directions` is 2
    when bidirectional, else 1):
    - `x` has rank 3;
    - `w` is `[num_directions, G * hidden_size, input_size]`, `r` is
      `[num_directions, G * hidden_size, hidden_size]` and `b` is
      `[num_directions, 2 * G * hidden_size]`;
    - `sequence_lens` is `[batch_size]`; initial states have the state
      layout above;
    - `hidden_size` is positive; there are }] # functionCount # [{
      activations per direction and one alpha and one beta per activation;
      `clip` is positive;
    - all float operands and the results have `x`'s element type.

    Example:

    ```mlir
    }] # example # [{
    ```
  }];
  let arguments = !con(
      (ins Kiln_FloatTensor:$x, Kiln_FloatTensor:$w, Kiln_FloatTensor:$r,
           Optional<Kiln_FloatTensor>:$b,
           Optional<Kiln_I32Tensor>:$sequence_lens,
           Optional<Kiln_FloatTensor>:$initial_h),
      extraOperands,
      (ins DefaultValuedAttr<Kiln_RecurrentDirectionAttr,
                             "RecurrentDirection::forward">:$direction,
           I64Attr:$hidden_size,
           Kiln_RecurrentActivationArrayAttr:$activations,
           DenseF32ArrayAttr:$activation_alpha,
           DenseF32ArrayAttr:$activation_beta,
           OptionalAttr<F32Attr>:$clip,
           UnitAttr:$batch_major),
      extraAttributes);
  let results = !con(
      (outs Kiln_FloatTensor:$y, Kiln_FloatTensor:$y_h), extraResults);
  let assemblyFormat = [{
    $x `,` $w `,` $r (`bias` $b^)? (`sequence_lens` $sequence_lens^)?
    (`initial_h` $initial_h^)? }] # extraOperandFormat # [{attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Blocks per direction in w, r and each half of b.
    static constexpr int64_t kGateCount = }] # gateCount # [{;
    /// Activation functions per direction.
    static constexpr int64_t kFunctionsPerDirection = }] # functionCount # [{;
  }];
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      return inferRecurrentShapes(location,
                                  getRecurrentSignature<$cppClass>(adaptor),
                                  inferredShapes);
    }
    ::mlir::LogicalResult $cppClass::verify() {
      return verifyRecurrentElementTypes(
          *this, getRecurrentSignature<$cppClass>(Adaptor(*this)));
    }
  }];
}

def Kiln_RNNOp : Kiln_RecurrentOp<"rnn", "RNN", ["i"], ["Tanh"], [{
        H = f(x_t * Wi^T + H * Ri^T + Wbi + Rbi)}], "",
    [{%y, %y_h = kiln.rnn %x, %w, %r bias %b {hidden_size = 4 : i64,
        activations = [#kiln.activation<tanh>],
        activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
        : (tensor<5x2x3xf32>, tensor<1x4x3xf32>, tensor<1x4x4xf32>, tensor<1x8xf32>)
        -> (tensor<5x1x2x4xf32>, tensor<1x2x4xf32>)}]>;

def Kiln_GRUOp : Kiln_RecurrentOp<"gru", "GRU", ["z", "r", "h"],
    ["Sigmoid", "Tanh"], [{
        z_t = f(x_t * Wz^T + H * Rz^T + Wbz + Rbz)
        r_t = f(x_t * Wr^T + H * Rr^T + Wbr + Rbr)
        h_t = g(x_t * Wh^T + (r_t (.) H) * Rh^T + Rbh + Wbh)    (default)
        h_t = g(x_t * Wh^T + r_t (.) (H * Rh^T + Rbh) + Wbh)    (linear_before_reset)
        H = (1 - z_t) (.) h_t + z_t (.) H}], [{

    `linear_before_reset` (ONNX's attribute of that name, default 0) applies
    the reset gate after the recurrent product, as cuDNN does.}],
    [{%y, %y_h = kiln.gru %x, %w, %r initial_h %h {direction = #kiln.recurrent_direction<bidirectional>,
        hidden_size = 5 : i64, linear_before_reset,
        activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>,
                       #kiln.activation<sigmoid>, #kiln.activation<tanh>],
        activation_alpha = array<f32: 0.0, 0.0, 0.0, 0.0>,
        activation_beta = array<f32: 0.0, 0.0, 0.0, 0.0>}
        : (tensor<7x3x2xf32>, tensor<2x15x2xf32>, tensor<2x15x5xf32>, tensor<2x3x5xf32>)
        -> (tensor<7x2x3x5xf32>, tensor<2x3x5xf32>)}],
    (ins), (ins UnitAttr:$linear_before_reset)>;

def Kiln_LSTMOp : Kiln_RecurrentOp<"lstm", "LSTM", ["i", "o", "f", "c"],
    ["Sigmoid", "Tanh", "Tanh"], [{
        i_t = f(x_t * Wi^T + H * Ri^T + Pi (.) C + Wbi + Rbi)
        f_t = f(x_t * Wf^T + H * Rf^T + Pf (.) C + Wbf + Rbf)    (1 - i_t with input_forget)
        c_t = g(x_t * Wc^T + H * Rc^T + Wbc + Rbc)
        C = f_t (.) C + i_t (.) c_t
        o_t = f(x_t * Wo^T + H * Ro^T + Po (.) C + Wbo + Rbo)
        H = o_t (.) h(C)}], [{

    The peephole weights `p[d] = [Pi, Po, Pf]` (zero without `p`) are
    `[num_directions, 3 * hidden_size]`; the output gate sees the new cell
    state. `input_forget` (ONNX's attribute of that name, default 0)
    couples the forget gate to the input gate.}],
    [{%y, %y_h, %y_c = kiln.lstm %x, %w, %r initial_h %h initial_c %c peepholes %p {hidden_size = 3 : i64,
        activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>],
        activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
        : (tensor<4x2x6xf32>, tensor<1x12x6xf32>, tensor<1x12x3xf32>, tensor<1x2x3xf32>,
           tensor<1x2x3xf32>, tensor<1x9xf32>)
        -> (tensor<4x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)}],
    (ins Optional<Kiln_FloatTensor>:$initial_c, Optional<Kiln_FloatTensor>:$p),
    (ins UnitAttr:$input_forget), (outs Kiln_FloatTensor:$y_c),
    "(`initial_c` $initial_c^)? (`peepholes` $p^)? ">;

#endif // KILN_RECURRENT_OPS_TD
