//===- DefaultDomainVision.cpp - ai.onnx sampling and detection ops -------===//
//
// GridSample, MaxUnpool, NonMaxSuppression and RoiAlign, which import to the
// kiln ops of the Vision family.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

#include "llvm/ADT/StringSwitch.h"

namespace mlir::kiln::onnx_import {

namespace {

/// Reads string attribute `name` as the case of the same name of a kiln enum.
template <typename EnumT>
FailureOr<EnumT> getEnumAttr(NodeBinder &binder, StringRef name,
                             StringRef defaultValue) {
  std::string value = binder.getString(name, defaultValue);
  if (std::optional<EnumT> result = symbolizeEnum<EnumT>(value))
    return *result;
  binder.emitError() << "unknown " << name << " '" << value << "'";
  return failure();
}

/// GridSample. Opset 16 names its interpolation modes bilinear, nearest and
/// bicubic; opset 20 (N-D) linear, nearest and cubic.
LogicalResult importGridSample(NodeBinder &binder, StringLiteral linear,
                               StringLiteral cubic) {
  if (failed(binder.checkNumInputs(2, 2)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), grid = binder.getInput(1);
  if (!input || !grid)
    return failure();
  std::string modeName = binder.getString("mode", linear);
  std::optional<ResizeMode> mode =
      llvm::StringSwitch<std::optional<ResizeMode>>(modeName)
          .Case(linear, ResizeMode::linear)
          .Case("nearest", ResizeMode::nearest)
          .Case(cubic, ResizeMode::cubic)
          .Default(std::nullopt);
  if (!mode) {
    binder.emitError() << "unknown mode '" << modeName << "' (expected "
                       << linear << ", nearest or " << cubic << ")";
    return failure();
  }
  FailureOr<GridSamplePadding> padding =
      getEnumAttr<GridSamplePadding>(binder, "padding_mode", "zeros");
  if (failed(padding))
    return failure();
  return setSingleOutput(binder, binder.create<GridSampleOp>(
                                     {getElementTypeOrSelf(input.getType())},
                                     input, grid, *mode, *padding,
                                     binder.getInt("align_corners", 0) != 0));
}

/// MaxUnpool. A constant `output_shape` becomes the attribute; one computed
/// at run time stays an operand and leaves the spatial extents dynamic.
LogicalResult importMaxUnpool(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 3)) ||
      failed(binder.checkNumOutputs(1)) ||
      failed(binder.requireAttr("kernel_shape")))
    return failure();
  Value input = binder.getInput(0), indices = binder.getInput(1);
  if (!input || !indices)
    return failure();
  FailureOr<Window> window = readWindow(binder, getTensorType(input), {});
  if (failed(window))
    return failure();
  Value dynamicOutputShape;
  DenseI64ArrayAttr outputShape;
  if (binder.hasInput(2)) {
    dynamicOutputShape = getRuntimeShape(binder, 2);
    if (failed(binder.status()))
      return failure();
    if (!dynamicOutputShape) {
      FailureOr<SmallVector<int64_t>> shape =
          binder.getConstantInts(2, "output_shape");
      if (failed(shape))
        return failure();
      outputShape = binder.getBuilder().getDenseI64ArrayAttr(*shape);
    }
  }
  return setSingleOutput(
      binder,
      binder.create<MaxUnpoolOp>({getElementTypeOrSelf(input.getType())}, input,
                                 indices, dynamicOutputShape, window->kernel,
                                 window->strides, window->pads, outputShape));
}

/// NonMaxSuppression: the optional limit and thresholds stay operands,
/// whether constant or computed at run time.
LogicalResult importNonMaxSuppression(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 5)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value boxes = binder.getInput(0), scores = binder.getInput(1);
  if (!boxes || !scores)
    return failure();
  int64_t centerPointBox = binder.getInt("center_point_box", 0);
  if (centerPointBox != 0 && centerPointBox != 1) {
    binder.emitError() << "center_point_box must be 0 or 1, got "
                       << centerPointBox;
    return failure();
  }
  return setSingleOutput(
      binder, binder.create<NonMaxSuppressionOp>(
                  {binder.getBuilder().getI64Type()}, boxes, scores,
                  binder.getOptionalInput(2), binder.getOptionalInput(3),
                  binder.getOptionalInput(4), centerPointBox == 1));
}

/// RoiAlign. Opset 10 has no coordinate_transformation_mode: it does not
/// shift by half a pixel (output_half_pixel).
LogicalResult importRoiAlign(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(3, 3)) || failed(binder.checkNumOutputs(1)))
    return failure();
  Value input = binder.getInput(0), rois = binder.getInput(1),
        batchIndices = binder.getInput(2);
  if (!input || !rois || !batchIndices)
    return failure();
  FailureOr<RoiAlignMode> mode =
      getEnumAttr<RoiAlignMode>(binder, "mode", "avg");
  FailureOr<RoiAlignCoordinateTransform> transform =
      getEnumAttr<RoiAlignCoordinateTransform>(
          binder, "coordinate_transformation_mode",
          binder.getOpset() < 16 ? "output_half_pixel" : "half_pixel");
  if (failed(mode) || failed(transform))
    return failure();
  return setSingleOutput(
      binder,
      binder.create<RoiAlignOp>(
          {getElementTypeOrSelf(input.getType())}, input, rois, batchIndices,
          *mode, binder.getInt("output_height", 1),
          binder.getInt("output_width", 1), binder.getInt("sampling_ratio", 0),
          APFloat(binder.getFloat("spatial_scale", 1.0f)), *transform));
}

} // namespace

void populateDefaultDomainVision(OpTable &table) {
  table.onOp("GridSample", 16, [](NodeBinder &binder) {
    return importGridSample(binder, "bilinear", "bicubic");
  });
  table.onOp("GridSample", 20, [](NodeBinder &binder) {
    return importGridSample(binder, "linear", "cubic");
  });
  table.onOp("MaxUnpool", 9, importMaxUnpool);
  table.onOp("NonMaxSuppression", 10, importNonMaxSuppression);
  table.onOp("RoiAlign", 10, importRoiAlign);
}

} // namespace mlir::kiln::onnx_import
