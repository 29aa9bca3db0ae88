//===- KilnVisionOps.cpp - sampling, RoIs, unpooling, NMS -----------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnVisionOps.cpp.inc"

void KilnDialect::registerVisionOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnVisionOps.cpp.inc"
      >();
}

namespace {

/// Whether two extents may be equal: a dynamic extent matches any.
bool extentsMatch(int64_t lhs, int64_t rhs) {
  return ShapedType::isDynamic(lhs) || ShapedType::isDynamic(rhs) || lhs == rhs;
}

/// The static one of two matching extents (dynamic if neither is).
int64_t mergeExtents(int64_t lhs, int64_t rhs) {
  return ShapedType::isDynamic(lhs) ? rhs : lhs;
}

/// Checks that `value` (a run-time scalar parameter named `name`) holds
/// exactly one element: a scalar or a 1-D tensor of one element.
LogicalResult verifySingleElement(std::optional<Location> location, Value value,
                                  StringRef name) {
  if (!value)
    return success();
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getRank() > 1 || !type.hasStaticShape() ||
      type.getNumElements() != 1)
    return emitOptionalError(location, name, " must hold one element, got ",
                             formatShape(type.getShape()));
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// GridSampleOp
//===----------------------------------------------------------------------===//

LogicalResult GridSampleOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> grid = getShape(adaptor.getGrid());
  if (input.size() < 3)
    return emitOptionalError(location,
                             "grid_sample input must have rank >= 3 "
                             "(batch, channels, spatial), got ",
                             input.size());
  if (grid.size() != input.size())
    return emitOptionalError(location, "grid ", formatShape(grid),
                             " must have the input's rank ", input.size());
  if (!extentsMatch(grid[0], input[0]))
    return emitOptionalError(location, "grid batch ", grid[0],
                             " differs from input batch ", input[0]);
  int64_t spatialRank = input.size() - 2;
  if (!extentsMatch(grid.back(), spatialRank))
    return emitOptionalError(location, "grid must hold ", spatialRank,
                             " coordinates per position (one per spatial "
                             "dimension) in its last dimension, got ",
                             grid.back());
  SmallVector<int64_t> result = {mergeExtents(input[0], grid[0]), input[1]};
  llvm::append_range(result, grid.drop_front().drop_back());
  inferredShapes.emplace_back(result);
  return success();
}

//===----------------------------------------------------------------------===//
// RoiAlignOp
//===----------------------------------------------------------------------===//

LogicalResult RoiAlignOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> rois = getShape(adaptor.getRois());
  ArrayRef<int64_t> batchIndices = getShape(adaptor.getBatchIndices());
  if (input.size() != 4)
    return emitOptionalError(location,
                             "roi_align input must have rank 4 "
                             "(N, C, H, W), got ",
                             formatShape(input));
  if (rois.size() != 2 || !extentsMatch(rois[1], 4))
    return emitOptionalError(location, "rois must have shape Rx4, got ",
                             formatShape(rois));
  if (batchIndices.size() != 1)
    return emitOptionalError(location, "batch_indices must be 1-D, got ",
                             formatShape(batchIndices));
  if (!extentsMatch(rois[0], batchIndices[0]))
    return emitOptionalError(location, "rois hold ", rois[0],
                             " regions but batch_indices has ", batchIndices[0],
                             " entries");
  auto height = static_cast<int64_t>(adaptor.getOutputHeight());
  auto width = static_cast<int64_t>(adaptor.getOutputWidth());
  if (height < 1 || width < 1)
    return emitOptionalError(location,
                             "output_height and output_width must "
                             "be positive, got ",
                             height, " and ", width);
  auto samplingRatio = static_cast<int64_t>(adaptor.getSamplingRatio());
  if (samplingRatio < 0)
    return emitOptionalError(
        location, "sampling_ratio must be non-negative, got ", samplingRatio);
  double spatialScale = adaptor.getSpatialScale().convertToDouble();
  if (!(spatialScale > 0.0))
    return emitOptionalError(location, "spatial_scale must be positive, got ",
                             spatialScale);
  inferredShapes.emplace_back(SmallVector<int64_t>{
      mergeExtents(rois[0], batchIndices[0]), input[1], height, width});
  return success();
}

//===----------------------------------------------------------------------===//
// MaxUnpoolOp
//===----------------------------------------------------------------------===//

LogicalResult MaxUnpoolOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  if (failed(verifySpatialInputRank(location, "max_unpool", input)))
    return failure();
  if (indices.size() != input.size() ||
      !llvm::all_of(llvm::zip_equal(indices, input), [](auto pair) {
        return extentsMatch(std::get<0>(pair), std::get<1>(pair));
      }))
    return emitOptionalError(location, "indices ", formatShape(indices),
                             " must have the input's shape ",
                             formatShape(input));
  int64_t spatialRank = input.size() - 2;
  ArrayRef<int64_t> kernelShape = adaptor.getKernelShape();
  ArrayRef<int64_t> strides = adaptor.getStrides();
  ArrayRef<int64_t> pads = adaptor.getPads();
  // Unpooling has no dilation; the window check takes unit dilations.
  SmallVector<int64_t> unitDilations(spatialRank, 1);
  if (failed(verifyKernelShape(location, spatialRank, kernelShape)) ||
      failed(verifyWindowAttributes(location, spatialRank, strides,
                                    unitDilations, pads)))
    return failure();

  SmallVector<int64_t> unpooled = {input[0], input[1]};
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t extent = input[i + 2];
    if (ShapedType::isDynamic(extent)) {
      unpooled.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t result = (extent - 1) * strides[i] + kernelShape[i] - pads[i] -
                     pads[spatialRank + i];
    if (result < 1)
      return emitOptionalError(location, "unpooled extent ", result,
                               " of spatial dimension ", i, " is not positive");
    unpooled.push_back(result);
  }

  std::optional<ArrayRef<int64_t>> outputShape = adaptor.getOutputShape();
  Value dynamicOutputShape = adaptor.getDynamicOutputShape();
  if (outputShape && dynamicOutputShape)
    return emitOptionalError(location, "give at most one of output_shape and "
                                       "a dynamic output shape");
  if (dynamicOutputShape) {
    ArrayRef<int64_t> shape = getShape(dynamicOutputShape);
    if (shape.size() != 1 || shape[0] != static_cast<int64_t>(input.size()))
      return emitOptionalError(location,
                               "the dynamic output shape must be "
                               "1-D with ",
                               input.size(), " entries, got ",
                               formatShape(shape));
    SmallVector<int64_t> result(input.size(), ShapedType::kDynamic);
    result[0] = input[0];
    result[1] = input[1];
    inferredShapes.emplace_back(result);
    return success();
  }
  if (!outputShape) {
    inferredShapes.emplace_back(unpooled);
    return success();
  }
  if (outputShape->size() != input.size())
    return emitOptionalError(location, "output_shape has ", outputShape->size(),
                             " entries, expected ", input.size());
  if (!extentsMatch((*outputShape)[0], input[0]) ||
      !extentsMatch((*outputShape)[1], input[1]))
    return emitOptionalError(location, "output_shape ",
                             formatShape(*outputShape),
                             " must keep the input's batch and channels ",
                             formatShape(input.take_front(2)));
  for (int64_t i = 0; i < spatialRank; ++i) {
    int64_t extent = (*outputShape)[i + 2];
    if (extent < 1)
      return emitOptionalError(location, "output_shape must be positive, got [",
                               *outputShape, "]");
    if (!ShapedType::isDynamic(unpooled[i + 2]) && extent < unpooled[i + 2])
      return emitOptionalError(
          location, "output_shape extent ", extent, " of spatial dimension ", i,
          " is smaller than the unpooled extent ", unpooled[i + 2]);
  }
  inferredShapes.emplace_back(*outputShape);
  return success();
}

//===----------------------------------------------------------------------===//
// NonMaxSuppressionOp
//===----------------------------------------------------------------------===//

LogicalResult NonMaxSuppressionOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> boxes = getShape(adaptor.getBoxes());
  ArrayRef<int64_t> scores = getShape(adaptor.getScores());
  if (boxes.size() != 3 || !extentsMatch(boxes[2], 4))
    return emitOptionalError(location, "boxes must have shape BxSx4, got ",
                             formatShape(boxes));
  if (scores.size() != 3)
    return emitOptionalError(location, "scores must have shape BxKxS, got ",
                             formatShape(scores));
  if (!extentsMatch(boxes[0], scores[0]) || !extentsMatch(boxes[1], scores[2]))
    return emitOptionalError(location, "scores ", formatShape(scores),
                             " do not match boxes ", formatShape(boxes),
                             " (expected BxKxS for boxes BxSx4)");
  Value maxBoxes = adaptor.getMaxOutputBoxesPerClass();
  if (failed(verifySingleElement(location, maxBoxes,
                                 "max_output_boxes_per_class")) ||
      failed(verifySingleElement(location, adaptor.getIouThreshold(),
                                 "iou_threshold")) ||
      failed(verifySingleElement(location, adaptor.getScoreThreshold(),
                                 "score_threshold")))
    return failure();
  // The selection depends on the data; without a maximum it is empty.
  int64_t selected = maxBoxes ? ShapedType::kDynamic : 0;
  inferredShapes.emplace_back(SmallVector<int64_t>{selected, 3});
  return success();
}
