//===- KilnSignalOps.cpp - Fourier transforms, windows, mel filters -------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnSignalOps.cpp.inc"

void KilnDialect::registerSignalOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnSignalOps.cpp.inc"
      >();
}

namespace {

/// Resolves a length or step given either as the static attribute `name` or
/// as its run-time operand. Returns the static value, `kDynamic` for a
/// run-time one, or no value when neither is given (an error if `required`).
FailureOr<std::optional<int64_t>>
resolveLength(std::optional<Location> location, StringRef name,
              std::optional<uint64_t> staticValue, Value dynamicValue,
              bool required) {
  if (staticValue.has_value() == static_cast<bool>(dynamicValue)) {
    if (!staticValue && !required)
      return std::optional<int64_t>();
    return emitOptionalError(location, "give ",
                             required ? "exactly" : "at most", " one of ", name,
                             " and a dynamic ", name);
  }
  if (dynamicValue) {
    if (failed(verifyScalarOperand(location, dynamicValue,
                                   ("the dynamic " + name).str())))
      return failure();
    return std::optional<int64_t>(ShapedType::kDynamic);
  }
  auto value = static_cast<int64_t>(*staticValue);
  if (value < 1)
    return emitOptionalError(location, name, " must be positive, got ", value);
  return std::optional<int64_t>(value);
}

/// Whether a trailing extent can hold a real (1) or complex (2) value.
bool isRealOrComplexExtent(int64_t extent) {
  return ShapedType::isDynamic(extent) || extent == 1 || extent == 2;
}

/// Checks that the trailing extent of `op`'s input is `parts` (1: real,
/// 2: complex) when it is known.
LogicalResult verifyComplexParts(std::optional<Location> location,
                                 int64_t extent, int64_t parts, StringRef op) {
  if (ShapedType::isDynamic(extent) || extent == parts)
    return success();
  return emitOptionalError(
      location, op, " needs a ", parts == 1 ? "real" : "complex",
      " input (trailing extent ", parts, "), got ", extent);
}

} // namespace

//===----------------------------------------------------------------------===//
// DFTOp
//===----------------------------------------------------------------------===//

LogicalResult DFTOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  auto rank = static_cast<int64_t>(shape.size());
  if (rank < 2 || !isRealOrComplexExtent(shape.back()))
    return emitOptionalError(location,
                             "the input needs signal dimensions and a "
                             "trailing extent of 1 (real) or 2 (complex), "
                             "got ",
                             formatShape(shape));
  bool onesided = adaptor.getOnesided(), inverse = adaptor.getInverse();
  if (onesided &&
      failed(verifyComplexParts(location, shape.back(), inverse ? 2 : 1,
                                inverse ? "a onesided inverse DFT"
                                        : "a onesided forward DFT")))
    return failure();
  auto axis = static_cast<int64_t>(adaptor.getAxis());
  if (axis < 0 || axis >= rank - 1)
    return emitOptionalError(
        location, "axis ", axis, " is not a signal dimension of input ",
        formatShape(shape), " (expected 0 <= axis < ", rank - 1, ")");
  FailureOr<std::optional<int64_t>> length =
      resolveLength(location, "dft_length", adaptor.getDftLength(),
                    adaptor.getDynamicDftLength(), /*required=*/false);
  if (failed(length))
    return failure();
  int64_t extent = shape[axis];
  int64_t dftLength = ShapedType::kDynamic;
  if (*length) {
    dftLength = **length;
  } else if (!ShapedType::isDynamic(extent)) {
    // A onesided inverse input holds the floor(N/2) + 1 bins of an even N.
    dftLength = onesided && inverse ? 2 * (extent - 1) : extent;
    if (dftLength < 1)
      return emitOptionalError(location, "the default DFT length ", dftLength,
                               " (from extent ", extent, " at axis ", axis,
                               ") must be positive");
  }
  SmallVector<int64_t> result(shape);
  bool halfSpectrum = onesided && !inverse;
  result[axis] = halfSpectrum && !ShapedType::isDynamic(dftLength)
                     ? dftLength / 2 + 1
                     : dftLength;
  result.back() = onesided && inverse ? 1 : 2;
  inferredShapes.emplace_back(result);
  return success();
}

//===----------------------------------------------------------------------===//
// STFTOp
//===----------------------------------------------------------------------===//

LogicalResult STFTOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getSignal());
  if (shape.size() != 3 || !isRealOrComplexExtent(shape[2]))
    return emitOptionalError(location,
                             "the signal must have shape [batch, length, 1 "
                             "or 2], got ",
                             formatShape(shape));
  bool onesided = adaptor.getOnesided();
  if (onesided &&
      failed(verifyComplexParts(location, shape[2], 1, "a onesided STFT")))
    return failure();
  FailureOr<std::optional<int64_t>> step =
      resolveLength(location, "frame_step", adaptor.getFrameStep(),
                    adaptor.getDynamicFrameStep(), /*required=*/true);
  if (failed(step))
    return failure();
  FailureOr<std::optional<int64_t>> length =
      resolveLength(location, "frame_length", adaptor.getFrameLength(),
                    adaptor.getDynamicFrameLength(), /*required=*/false);
  if (failed(length))
    return failure();

  // The frame length is frame_length or the window's extent, which must
  // agree when both are known.
  int64_t frameLength = length->value_or(ShapedType::kDynamic);
  if (Value window = adaptor.getWindow()) {
    ArrayRef<int64_t> windowShape = getShape(window);
    if (windowShape.size() != 1 || windowShape[0] == 0)
      return emitOptionalError(location,
                               "the window must be a non-empty 1-D tensor, "
                               "got ",
                               formatShape(windowShape));
    Type windowElement = getElementTypeOrSelf(window.getType());
    Type signalElement = getElementTypeOrSelf(adaptor.getSignal().getType());
    if (windowElement != signalElement)
      return emitOptionalError(location, "the window element type ",
                               windowElement, " does not match the signal's ",
                               signalElement);
    if (!ShapedType::isDynamic(windowShape[0])) {
      if (!ShapedType::isDynamic(frameLength) && frameLength != windowShape[0])
        return emitOptionalError(location, "the window extent ", windowShape[0],
                                 " does not match frame_length ", frameLength);
      frameLength = windowShape[0];
    }
  } else if (!*length) {
    return emitOptionalError(location, "give a window or a frame length");
  }

  int64_t signalLength = shape[1];
  int64_t frames = ShapedType::kDynamic, bins = ShapedType::kDynamic;
  if (!ShapedType::isDynamic(frameLength)) {
    bins = onesided ? frameLength / 2 + 1 : frameLength;
    if (!ShapedType::isDynamic(signalLength)) {
      if (frameLength > signalLength)
        return emitOptionalError(location, "frame length ", frameLength,
                                 " exceeds the signal length ", signalLength);
      if (!ShapedType::isDynamic(**step))
        frames = (signalLength - frameLength) / **step + 1;
    }
  }
  inferredShapes.emplace_back(SmallVector<int64_t>{shape[0], frames, bins, 2});
  return success();
}

//===----------------------------------------------------------------------===//
// WindowOp
//===----------------------------------------------------------------------===//

LogicalResult WindowOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  FailureOr<std::optional<int64_t>> size =
      resolveLength(location, "size", adaptor.getSize(),
                    adaptor.getDynamicSize(), /*required=*/true);
  if (failed(size))
    return failure();
  inferredShapes.emplace_back(SmallVector<int64_t>{**size});
  return success();
}

//===----------------------------------------------------------------------===//
// MelWeightMatrixOp
//===----------------------------------------------------------------------===//

LogicalResult MelWeightMatrixOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  FailureOr<std::optional<int64_t>> bands =
      resolveLength(location, "num_mel_bins", adaptor.getNumMelBins(),
                    adaptor.getDynamicNumMelBins(), /*required=*/true);
  if (failed(bands))
    return failure();
  FailureOr<std::optional<int64_t>> length =
      resolveLength(location, "dft_length", adaptor.getDftLength(),
                    adaptor.getDynamicDftLength(), /*required=*/true);
  if (failed(length))
    return failure();
  if (failed(verifyScalarOperand(location, adaptor.getSampleRate(),
                                 "the sample rate")) ||
      failed(verifyScalarOperand(location, adaptor.getLowerEdgeHertz(),
                                 "the lower edge")) ||
      failed(verifyScalarOperand(location, adaptor.getUpperEdgeHertz(),
                                 "the upper edge")))
    return failure();
  int64_t spectrumBins =
      ShapedType::isDynamic(**length) ? ShapedType::kDynamic : **length / 2 + 1;
  inferredShapes.emplace_back(SmallVector<int64_t>{spectrumBins, **bands});
  return success();
}
