//===- DefaultDomainRecurrent.cpp - ai.onnx RNN, GRU and LSTM -------------===//
//
// The recurrent layers keep ONNX's operands in kiln.rnn / kiln.gru /
// kiln.lstm; their handlers share one binder that normalizes the attributes:
// the direction and the activation names become enums, and the compact
// activation_alpha / activation_beta lists become one value per function.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

#include <tuple>

namespace mlir::kiln::onnx_import {

namespace {

/// An activation function the recurrent ops accept, with the defaults of
/// the parameters it takes (none where it takes none). The defaults are
/// those of the ONNX operator of the same name; Affine and ScaledTanh, which
/// left ONNX, take onnxruntime's.
struct ActivationInfo {
  StringLiteral onnxName;
  RecurrentActivation activation;
  std::optional<float> defaultAlpha, defaultBeta;
};

constexpr ActivationInfo kActivations[] = {
    {"Relu", RecurrentActivation::relu, std::nullopt, std::nullopt},
    {"Tanh", RecurrentActivation::tanh, std::nullopt, std::nullopt},
    {"Sigmoid", RecurrentActivation::sigmoid, std::nullopt, std::nullopt},
    {"Affine", RecurrentActivation::affine, 1.0f, 0.0f},
    {"LeakyRelu", RecurrentActivation::leaky_relu, 0.01f, std::nullopt},
    {"ThresholdedRelu", RecurrentActivation::thresholded_relu, 1.0f,
     std::nullopt},
    {"ScaledTanh", RecurrentActivation::scaled_tanh, 1.0f, 1.0f},
    {"HardSigmoid", RecurrentActivation::hard_sigmoid, 0.2f, 0.5f},
    {"Elu", RecurrentActivation::elu, 1.0f, std::nullopt},
    {"Softsign", RecurrentActivation::softsign, std::nullopt, std::nullopt},
    {"Softplus", RecurrentActivation::softplus, std::nullopt, std::nullopt}};

/// Looks an activation up by its ONNX name, ignoring case as onnxruntime
/// does.
const ActivationInfo *lookupActivation(StringRef name) {
  for (const ActivationInfo &info : kActivations)
    if (name.equals_insensitive(info.onnxName))
      return &info;
  return nullptr;
}

/// The inputs and attributes RNN, GRU and LSTM share, bound and normalized.
struct RecurrentNode {
  Value x, w, r, b, sequenceLens, initialH;
  RecurrentDirection direction;
  int64_t hiddenSize;
  ArrayAttr activations;
  SmallVector<float> activationAlpha, activationBeta;
  FloatAttr clip;
  bool batchMajor;
  /// x's element type for every result.
  SmallVector<Type> resultTypes;
};

/// Binds the activation functions of `node`: the `activations` attribute,
/// or `defaults` (one direction's) for every direction. ONNX hands the
/// parameters out in order to the functions that take them; a function
/// left without one takes its default, and values left over are ignored
/// (as onnxruntime does).
LogicalResult bindActivations(NodeBinder &binder, RecurrentNode &node,
                              ArrayRef<StringRef> defaults) {
  SmallVector<std::string> names = binder.getStrings("activations");
  if (names.empty()) {
    int64_t directions =
        node.direction == RecurrentDirection::bidirectional ? 2 : 1;
    for (int64_t d = 0; d < directions; ++d)
      llvm::append_range(names, defaults);
  }
  SmallVector<float> alphas = binder.getFloats("activation_alpha");
  SmallVector<float> betas = binder.getFloats("activation_beta");
  ArrayRef<float> unusedAlphas = alphas, unusedBetas = betas;
  auto take = [](std::optional<float> defaultValue,
                 ArrayRef<float> &unused) -> float {
    if (!defaultValue)
      return 0.0f;
    if (unused.empty())
      return *defaultValue;
    float value = unused.front();
    unused = unused.drop_front();
    return value;
  };
  SmallVector<Attribute> functions;
  for (StringRef name : names) {
    const ActivationInfo *info = lookupActivation(name);
    if (!info) {
      InFlightDiagnostic diag = binder.emitError()
                                << "unknown activation function '" << name
                                << "'; expected one of ";
      llvm::interleaveComma(kActivations, diag, [&](const ActivationInfo &a) {
        diag << a.onnxName;
      });
      return failure();
    }
    functions.push_back(
        RecurrentActivationAttr::get(binder.getContext(), info->activation));
    node.activationAlpha.push_back(take(info->defaultAlpha, unusedAlphas));
    node.activationBeta.push_back(take(info->defaultBeta, unusedBetas));
  }
  node.activations = ArrayAttr::get(binder.getContext(), functions);
  return success();
}

/// Binds the shared inputs (X, W, R, B, sequence_lens, initial_h) and
/// attributes of a node with at most `maxInputs` inputs and `maxOutputs`
/// outputs; `defaultActivations` are ONNX's for one direction.
FailureOr<RecurrentNode>
bindRecurrentNode(NodeBinder &binder, unsigned maxInputs, unsigned maxOutputs,
                  ArrayRef<StringRef> defaultActivations) {
  if (failed(binder.checkNumInputs(3, maxInputs)) ||
      failed(binder.checkNumOutputs(maxOutputs)) ||
      failed(binder.requireAttr("hidden_size")))
    return failure();
  RecurrentNode node;
  node.x = binder.getInput(0);
  node.w = binder.getInput(1);
  node.r = binder.getInput(2);
  node.b = binder.getOptionalInput(3);
  node.sequenceLens = binder.getOptionalInput(4);
  node.initialH = binder.getOptionalInput(5);
  if (failed(binder.status()))
    return failure();

  std::string direction = binder.getString("direction", "forward");
  std::optional<RecurrentDirection> parsed =
      symbolizeRecurrentDirection(direction);
  if (!parsed) {
    binder.emitError() << "unknown direction '" << direction
                       << "'; expected forward, reverse or bidirectional";
    return failure();
  }
  node.direction = *parsed;
  node.hiddenSize = binder.getInt("hidden_size", 0);
  if (failed(bindActivations(binder, node, defaultActivations)))
    return failure();
  if (binder.hasAttr("clip"))
    node.clip =
        binder.getBuilder().getF32FloatAttr(binder.getFloat("clip", 0.0f));
  // Opset 14 added `layout`.
  int64_t layout = binder.getOpset() >= 14 ? binder.getInt("layout", 0) : 0;
  if (layout != 0 && layout != 1) {
    binder.emitError() << "layout must be 0 or 1, got " << layout;
    return failure();
  }
  node.batchMajor = layout == 1;
  node.resultTypes.assign(maxOutputs, getElementTypeOrSelf(node.x.getType()));
  if (failed(binder.status()))
    return failure();
  return node;
}

/// Builds `OpTy` from `node`, with the op's own operands after the shared
/// ones and its own flags after the shared attributes (the order of the
/// ODS arguments), and defines every output the node uses.
template <typename OpTy, typename... ExtraOperands, typename... ExtraFlags>
LogicalResult createRecurrent(NodeBinder &binder, const RecurrentNode &node,
                              std::tuple<ExtraOperands...> extraOperands,
                              std::tuple<ExtraFlags...> extraFlags) {
  auto arguments = std::tuple_cat(
      std::make_tuple(node.x, node.w, node.r, node.b, node.sequenceLens,
                      node.initialH),
      extraOperands,
      std::make_tuple(node.direction, static_cast<uint64_t>(node.hiddenSize),
                      node.activations, ArrayRef<float>(node.activationAlpha),
                      ArrayRef<float>(node.activationBeta), node.clip,
                      node.batchMajor),
      extraFlags);
  FailureOr<OpTy> op = std::apply(
      [&](auto &&...args) {
        return binder.create<OpTy>(node.resultTypes, args...);
      },
      arguments);
  if (failed(op))
    return failure();
  for (auto [index, result] : llvm::enumerate((*op)->getResults()))
    binder.setOutput(index, result);
  return success();
}

LogicalResult importRNN(NodeBinder &binder) {
  FailureOr<RecurrentNode> node =
      bindRecurrentNode(binder, /*maxInputs=*/6, /*maxOutputs=*/2, {"Tanh"});
  if (failed(node))
    return failure();
  return createRecurrent<RNNOp>(binder, *node, std::tuple<>(), std::tuple<>());
}

LogicalResult importGRU(NodeBinder &binder) {
  FailureOr<RecurrentNode> node = bindRecurrentNode(
      binder, /*maxInputs=*/6, /*maxOutputs=*/2, {"Sigmoid", "Tanh"});
  if (failed(node))
    return failure();
  bool linearBeforeReset = binder.getInt("linear_before_reset", 0) != 0;
  return createRecurrent<GRUOp>(binder, *node, std::tuple<>(),
                                std::make_tuple(linearBeforeReset));
}

LogicalResult importLSTM(NodeBinder &binder) {
  FailureOr<RecurrentNode> node = bindRecurrentNode(
      binder, /*maxInputs=*/8, /*maxOutputs=*/3, {"Sigmoid", "Tanh", "Tanh"});
  if (failed(node))
    return failure();
  Value initialC = binder.getOptionalInput(6);
  Value peepholes = binder.getOptionalInput(7);
  bool inputForget = binder.getInt("input_forget", 0) != 0;
  if (failed(binder.status()))
    return failure();
  return createRecurrent<LSTMOp>(binder, *node,
                                 std::make_tuple(initialC, peepholes),
                                 std::make_tuple(inputForget));
}

} // namespace

void populateDefaultDomainRecurrent(OpTable &table) {
  table.onOp("GRU", 7, importGRU);
  table.onOp("LSTM", 7, importLSTM);
  table.onOp("RNN", 7, importRNN);
}

} // namespace mlir::kiln::onnx_import
