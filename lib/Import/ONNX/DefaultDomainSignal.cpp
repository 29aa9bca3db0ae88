//===- DefaultDomainSignal.cpp - ai.onnx signal processing ops ------------===//
//
// DFT, STFT, the Hann / Hamming / Blackman windows and MelWeightMatrix. Their
// lengths and steps are ONNX inputs: a constant one becomes the kiln op's
// static attribute (so the result shape is static), any other stays a
// run-time operand.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

namespace mlir::kiln::onnx_import {

namespace {

/// A scalar integer input: its value when constant, else the run-time value.
struct ScalarInput {
  IntegerAttr value;
  Value dynamic;
};

/// Returns constant scalar integer input `index`; `what` names it in errors.
FailureOr<int64_t> getConstantScalar(NodeBinder &binder, unsigned index,
                                     StringRef what) {
  FailureOr<SmallVector<int64_t>> values = binder.getConstantInts(index, what);
  if (failed(values))
    return failure();
  if (values->size() != 1) {
    binder.emitError() << what << " must hold one value, got "
                       << values->size();
    return failure();
  }
  return values->front();
}

/// Binds scalar integer input `index`; `what` names it in errors.
FailureOr<ScalarInput> bindScalarInput(NodeBinder &binder, unsigned index,
                                       StringRef what) {
  Value input = binder.getInput(index);
  if (!input)
    return failure();
  if (!input.getDefiningOp<ConstantOp>())
    return ScalarInput{IntegerAttr(), input};
  FailureOr<int64_t> value = getConstantScalar(binder, index, what);
  if (failed(value))
    return failure();
  return ScalarInput{binder.getBuilder().getI64IntegerAttr(*value), Value()};
}

/// Binds optional scalar input `index`: both fields are null when omitted.
FailureOr<ScalarInput> bindOptionalScalarInput(NodeBinder &binder,
                                               unsigned index, StringRef what) {
  if (!binder.hasInput(index))
    return ScalarInput();
  return bindScalarInput(binder, index, what);
}

/// The element type named by the node's `output_datatype` attribute (ONNX
/// default FLOAT). Windows and mel filters may be any ONNX numeric type.
FailureOr<Type> getOutputDataType(NodeBinder &binder) {
  return getDataTypeAttr(
      binder, "output_datatype", binder.getBuilder().getF32Type(),
      [](Type element) {
        if (auto integer = dyn_cast<IntegerType>(element))
          return llvm::is_contained({8u, 16u, 32u, 64u}, integer.getWidth());
        return element.isF16() || element.isBF16() || element.isF32() ||
               element.isF64();
      },
      "a numeric type");
}

/// Builds the DFT of `input` along ONNX axis `axis` (negative counts from
/// the end) with the optional `dft_length` input and the flags.
LogicalResult buildDFT(NodeBinder &binder, Value input, int64_t axis) {
  FailureOr<int64_t> normalized =
      binder.normalizeAxis(axis, getTensorType(input).getRank());
  FailureOr<ScalarInput> length =
      bindOptionalScalarInput(binder, 1, "dft_length");
  if (failed(normalized) || failed(length))
    return failure();
  return setSingleOutput(
      binder,
      binder.create<DFTOp>({getElementTypeOrSelf(input.getType())}, input,
                           length->value, length->dynamic, *normalized,
                           binder.getInt("inverse", 0) != 0,
                           binder.getInt("onesided", 0) != 0));
}

/// DFT-17: `axis` is an attribute, 1 by default (after the batch dimension).
LogicalResult importDFT17(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 2);
  if (!input)
    return failure();
  return buildDFT(binder, input, binder.getInt("axis", 1));
}

/// DFT-20: `axis` is an optional input, which must be constant; -2 (the last
/// signal dimension) by default.
LogicalResult importDFT20(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 3);
  if (!input)
    return failure();
  if (!binder.hasInput(2))
    return buildDFT(binder, input, -2);
  FailureOr<int64_t> axis = getConstantScalar(binder, 2, "the axis");
  if (failed(axis))
    return failure();
  return buildDFT(binder, input, *axis);
}

LogicalResult importSTFT(NodeBinder &binder) {
  Value signal = binder.bindFirstInput(2, 4);
  if (!signal)
    return failure();
  FailureOr<ScalarInput> step = bindScalarInput(binder, 1, "frame_step");
  Value window = binder.getOptionalInput(2);
  FailureOr<ScalarInput> length =
      bindOptionalScalarInput(binder, 3, "frame_length");
  if (failed(step) || failed(length) || failed(binder.status()))
    return failure();
  return setSingleOutput(
      binder, binder.create<STFTOp>({getElementTypeOrSelf(signal.getType())},
                                    signal, step->value, step->dynamic, window,
                                    length->value, length->dynamic,
                                    binder.getInt("onesided", 1) != 0));
}

/// HannWindow, HammingWindow and BlackmanWindow.
OpHandler windowHandler(WindowKind kind) {
  return [kind](NodeBinder &binder) -> LogicalResult {
    if (!binder.bindFirstInput(1, 1))
      return failure();
    FailureOr<ScalarInput> size = bindScalarInput(binder, 0, "size");
    FailureOr<Type> element = getOutputDataType(binder);
    if (failed(size) || failed(element))
      return failure();
    return setSingleOutput(
        binder,
        binder.create<WindowOp>({*element}, kind, size->value, size->dynamic,
                                binder.getInt("periodic", 1) != 0));
  };
}

LogicalResult importMelWeightMatrix(NodeBinder &binder) {
  if (!binder.bindFirstInput(5, 5))
    return failure();
  FailureOr<ScalarInput> bands = bindScalarInput(binder, 0, "num_mel_bins");
  FailureOr<ScalarInput> length = bindScalarInput(binder, 1, "dft_length");
  FailureOr<Type> element = getOutputDataType(binder);
  Value sampleRate = binder.getInput(2), lowerEdge = binder.getInput(3),
        upperEdge = binder.getInput(4);
  if (failed(bands) || failed(length) || failed(element) || !sampleRate ||
      !lowerEdge || !upperEdge)
    return failure();
  return setSingleOutput(binder, binder.create<MelWeightMatrixOp>(
                                     {*element}, bands->value, bands->dynamic,
                                     length->value, length->dynamic, sampleRate,
                                     lowerEdge, upperEdge));
}

} // namespace

void populateDefaultDomainSignal(OpTable &table) {
  table.onOp("BlackmanWindow", 17, windowHandler(WindowKind::blackman));
  table.onOp("DFT", 17, importDFT17);
  table.onOp("DFT", 20, importDFT20);
  table.onOp("HammingWindow", 17, windowHandler(WindowKind::hamming));
  table.onOp("HannWindow", 17, windowHandler(WindowKind::hann));
  table.onOp("MelWeightMatrix", 17, importMelWeightMatrix);
  table.onOp("STFT", 17, importSTFT);
}

} // namespace mlir::kiln::onnx_import
