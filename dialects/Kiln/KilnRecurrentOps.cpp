//===- KilnRecurrentOps.cpp - RNN, GRU and LSTM layers --------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include <string>
#include <type_traits>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// What shape inference and the verifier read from any of the three
/// recurrent ops; the LSTM-only operands are null for RNN and GRU.
struct RecurrentSignature {
  int64_t gateCount;
  int64_t functionsPerDirection;
  bool hasCellState = false;
  Value x, w, r, b, sequenceLens, initialH, initialC, peepholes;
  RecurrentDirection direction;
  int64_t hiddenSize;
  ArrayAttr activations;
  ArrayRef<float> activationAlpha, activationBeta;
  FloatAttr clip;
  bool batchMajor;
};

template <typename OpTy>
RecurrentSignature getRecurrentSignature(typename OpTy::Adaptor adaptor) {
  RecurrentSignature signature;
  signature.gateCount = OpTy::kGateCount;
  signature.functionsPerDirection = OpTy::kFunctionsPerDirection;
  signature.x = adaptor.getX();
  signature.w = adaptor.getW();
  signature.r = adaptor.getR();
  signature.b = adaptor.getB();
  signature.sequenceLens = adaptor.getSequenceLens();
  signature.initialH = adaptor.getInitialH();
  signature.direction = adaptor.getDirection();
  signature.hiddenSize = static_cast<int64_t>(adaptor.getHiddenSize());
  signature.activations = adaptor.getActivations();
  signature.activationAlpha = adaptor.getActivationAlpha();
  signature.activationBeta = adaptor.getActivationBeta();
  signature.clip = adaptor.getClipAttr();
  signature.batchMajor = adaptor.getBatchMajor();
  if constexpr (std::is_same_v<OpTy, LSTMOp>) {
    signature.hasCellState = true;
    signature.initialC = adaptor.getInitialC();
    signature.peepholes = adaptor.getP();
  }
  return signature;
}

/// Checks that operand `name` has shape `expected` (a dynamic extent on
/// either side matches anything); `layout` spells `expected` symbolically.
LogicalResult verifyOperandShape(std::optional<Location> location,
                                 StringRef name, Value value,
                                 ArrayRef<int64_t> expected,
                                 const std::string &layout) {
  ArrayRef<int64_t> shape = getShape(value);
  if (succeeded(verifyCompatibleShape(shape, expected)))
    return success();
  return emitOptionalError(location, name, " has shape ", formatShape(shape),
                           " but must be ", layout, " = ",
                           formatShape(expected));
}

/// Takes a static extent from an operand where the input left it dynamic.
void refineExtent(int64_t &extent, int64_t known) {
  if (ShapedType::isDynamic(extent))
    extent = known;
}

/// Checks the attributes and operand shapes of a recurrent op and infers
/// `y`, `y_h` (and `y_c`). The batch size may come from `sequence_lens` or
/// an initial state when `x` leaves it dynamic.
LogicalResult
inferRecurrentShapes(std::optional<Location> location,
                     const RecurrentSignature &signature,
                     SmallVectorImpl<ShapedTypeComponents> &inferred) {
  bool batchMajor = signature.batchMajor;
  ArrayRef<int64_t> x = getShape(signature.x);
  if (x.size() != 3)
    return emitOptionalError(location, "x must have rank 3 (",
                             batchMajor
                                 ? "[batch_size, seq_length, input_size]"
                                 : "[seq_length, batch_size, input_size]",
                             "), got shape ", formatShape(x));
  int64_t hidden = signature.hiddenSize;
  if (hidden < 1)
    return emitOptionalError(location, "hidden_size must be positive, got ",
                             hidden);
  int64_t directions =
      signature.direction == RecurrentDirection::bidirectional ? 2 : 1;
  size_t functions = signature.functionsPerDirection * directions;
  if (signature.activations.size() != functions)
    return emitOptionalError(
        location, "expected ", functions, " activation functions (",
        signature.functionsPerDirection, " per direction), got ",
        signature.activations.size());
  for (auto [name, parameters] :
       {std::pair(StringRef("activation_alpha"), signature.activationAlpha),
        std::pair(StringRef("activation_beta"), signature.activationBeta)})
    if (parameters.size() != functions)
      return emitOptionalError(location, name,
                               " must hold one value per "
                               "activation function (",
                               functions, "), got ", parameters.size());
  // Written to also reject NaN.
  if (signature.clip && !(signature.clip.getValueAsDouble() > 0))
    return emitOptionalError(location, "clip must be positive, got ",
                             signature.clip.getValueAsDouble());

  int64_t seqLength = x[batchMajor ? 1 : 0];
  int64_t batch = x[batchMajor ? 0 : 1];
  int64_t inputSize = x[2];
  int64_t gates = signature.gateCount;
  auto timesHidden = [](int64_t factor) {
    return factor == 1 ? std::string("hidden_size")
                       : std::to_string(factor) + " * hidden_size";
  };
  if (failed(verifyOperandShape(
          location, "w", signature.w, {directions, gates * hidden, inputSize},
          "[num_directions, " + timesHidden(gates) + ", input_size]")) ||
      failed(verifyOperandShape(
          location, "r", signature.r, {directions, gates * hidden, hidden},
          "[num_directions, " + timesHidden(gates) + ", hidden_size]")))
    return failure();
  if (signature.b &&
      failed(verifyOperandShape(
          location, "b", signature.b, {directions, 2 * gates * hidden},
          "[num_directions, " + timesHidden(2 * gates) + "]")))
    return failure();
  if (signature.peepholes &&
      failed(verifyOperandShape(location, "p", signature.peepholes,
                                {directions, 3 * hidden},
                                "[num_directions, 3 * hidden_size]")))
    return failure();
  if (signature.sequenceLens) {
    if (failed(verifyOperandShape(location, "sequence_lens",
                                  signature.sequenceLens, {batch},
                                  "[batch_size]")))
      return failure();
    refineExtent(batch, getShape(signature.sequenceLens)[0]);
  }

  auto stateShape = [&]() -> SmallVector<int64_t> {
    if (batchMajor)
      return {batch, directions, hidden};
    return {directions, batch, hidden};
  };
  std::string stateLayout = batchMajor
                                ? "[batch_size, num_directions, hidden_size]"
                                : "[num_directions, batch_size, hidden_size]";
  for (auto [name, state] :
       {std::pair(StringRef("initial_h"), signature.initialH),
        std::pair(StringRef("initial_c"), signature.initialC)}) {
    if (!state)
      continue;
    if (failed(verifyOperandShape(location, name, state, stateShape(),
                                  stateLayout)))
      return failure();
    refineExtent(batch, getShape(state)[batchMajor ? 0 : 1]);
  }

  if (batchMajor)
    inferred.emplace_back(
        ArrayRef<int64_t>{batch, seqLength, directions, hidden});
  else
    inferred.emplace_back(
        ArrayRef<int64_t>{seqLength, directions, batch, hidden});
  inferred.emplace_back(stateShape());
  if (signature.hasCellState)
    inferred.emplace_back(stateShape());
  return success();
}

/// Checks that every float operand and every result has `x`'s element type.
LogicalResult verifyRecurrentElementTypes(Operation *op,
                                          const RecurrentSignature &signature) {
  Type expected = getElementTypeOrSelf(signature.x.getType());
  std::pair<StringRef, Value> operands[] = {{"w", signature.w},
                                            {"r", signature.r},
                                            {"b", signature.b},
                                            {"initial_h", signature.initialH},
                                            {"initial_c", signature.initialC},
                                            {"p", signature.peepholes}};
  for (auto [name, value] : operands) {
    if (!value)
      continue;
    Type element = getElementTypeOrSelf(value.getType());
    if (element != expected)
      return op->emitOpError() << name << " element type " << element
                               << " does not match x's " << expected;
  }
  for (auto [index, result] : llvm::enumerate(op->getResults())) {
    Type element = getElementTypeOrSelf(result.getType());
    if (element != expected)
      return op->emitOpError("result #") << index << " element type " << element
                                         << " does not match x's " << expected;
  }
  return success();
}

} // namespace

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnRecurrentOps.cpp.inc"

void KilnDialect::registerRecurrentOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnRecurrentOps.cpp.inc"
      >();
}
