//===- KilnIndexingOps.cpp - gather, scatter, selection -------------------===//

#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnIndexingOps.cpp.inc"

void KilnDialect::registerIndexingOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnIndexingOps.cpp.inc"
      >();
}

namespace {

/// Checks the indices of an element-wise gather or scatter along `axis`:
/// they have the rank of `data` and, in every other dimension, an extent no
/// larger than data's (when both are static).
LogicalResult verifyElementIndices(std::optional<Location> location,
                                   ArrayRef<int64_t> data,
                                   ArrayRef<int64_t> indices, int64_t axis) {
  if (failed(verifyAxis(location, axis, data.size())))
    return failure();
  if (indices.size() != data.size())
    return emitOptionalError(location, "indices must have the rank of data (",
                             data.size(), "), got rank ", indices.size());
  for (auto [dim, pair] : llvm::enumerate(llvm::zip(data, indices))) {
    auto [dataExtent, indexExtent] = pair;
    if (static_cast<int64_t>(dim) == axis ||
        ShapedType::isDynamic(dataExtent) || ShapedType::isDynamic(indexExtent))
      continue;
    if (indexExtent > dataExtent)
      return emitOptionalError(location, "indices extent ", indexExtent,
                               " in dimension ", dim, " exceeds data extent ",
                               dataExtent, " (data ", formatShape(data),
                               ", indices ", formatShape(indices), ")");
  }
  return success();
}

/// Returns the length of the index tuples in the last dimension of
/// `indices` (gather_nd, scatter_nd), which must exist and be static.
FailureOr<int64_t> getIndexTupleLength(std::optional<Location> location,
                                       ArrayRef<int64_t> indices) {
  if (indices.empty())
    return emitOptionalError(location, "indices must have rank >= 1");
  if (ShapedType::isDynamic(indices.back()))
    return emitOptionalError(location,
                             "the last dimension of indices must be static, "
                             "got ",
                             formatShape(indices));
  return indices.back();
}

/// Per-axis quantization ties one scale to each position along one
/// dimension, and the indexing ops keep the element type unchanged, so that
/// dimension must reach the tensor that reuses the type at the same index
/// with the same extent.
/// - data: shape of the per-axis quantized operand.
/// - target: shape of the tensor with the same element type (result or
///   updates); `what` names it in the message.
/// - landing: the index that data dimension `dim` takes in `target`, or
///   std::nullopt when the op indexes along `dim`.
LogicalResult verifyPerAxisDimensionKept(
    Operation *op, Type elementType, ArrayRef<int64_t> data,
    ArrayRef<int64_t> target, StringRef what,
    function_ref<std::optional<int64_t>(int64_t)> landing) {
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(elementType);
  if (!perAxis)
    return success();
  int64_t dim = perAxis.getQuantizedDimension();
  std::optional<int64_t> index;
  if (dim < static_cast<int64_t>(data.size()))
    index = landing(dim);
  bool kept = index && *index == dim &&
              dim < static_cast<int64_t>(target.size()) &&
              (ShapedType::isDynamic(data[dim]) ||
               ShapedType::isDynamic(target[dim]) || data[dim] == target[dim]);
  if (!kept)
    return op->emitOpError("per-axis quantized dimension ")
           << dim << " of data must keep its index and extent in the " << what
           << " (data " << formatShape(data) << ", " << what << " "
           << formatShape(target) << ")";
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> data = getShape(adaptor.getData());
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (failed(verifyAxis(location, axis, data.size())))
    return failure();
  SmallVector<int64_t> result(data.take_front(axis));
  llvm::append_range(result, indices);
  llvm::append_range(result, data.drop_front(axis + 1));
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult GatherOp::verify() {
  int64_t axis = static_cast<int64_t>(getAxis());
  int64_t indexRank = getShape(getIndices()).size();
  return verifyPerAxisDimensionKept(
      *this, getElementTypeOrSelf(getData().getType()), getShape(getData()),
      getShape(getOutput()), "result",
      [&](int64_t dim) -> std::optional<int64_t> {
        if (dim == axis)
          return std::nullopt;
        return dim < axis ? dim : dim + indexRank - 1;
      });
}

//===----------------------------------------------------------------------===//
// GatherElementsOp
//===----------------------------------------------------------------------===//

LogicalResult GatherElementsOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  if (failed(verifyElementIndices(location, getShape(adaptor.getData()),
                                  indices,
                                  static_cast<int64_t>(adaptor.getAxis()))))
    return failure();
  inferredShapes.emplace_back(indices);
  return success();
}

LogicalResult GatherElementsOp::verify() {
  int64_t axis = static_cast<int64_t>(getAxis());
  return verifyPerAxisDimensionKept(
      *this, getElementTypeOrSelf(getData().getType()), getShape(getData()),
      getShape(getOutput()), "result",
      [&](int64_t dim) -> std::optional<int64_t> {
        if (dim == axis)
          return std::nullopt;
        return dim;
      });
}

//===----------------------------------------------------------------------===//
// GatherNDOp
//===----------------------------------------------------------------------===//

LogicalResult GatherNDOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> data = getShape(adaptor.getData());
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  int64_t batchDims = static_cast<int64_t>(adaptor.getBatchDims());
  if (data.empty())
    return emitOptionalError(location, "data must have rank >= 1");
  FailureOr<int64_t> tupleLength = getIndexTupleLength(location, indices);
  if (failed(tupleLength))
    return failure();
  int64_t dataRank = data.size(), indexRank = indices.size();
  int64_t maxBatchDims = std::min(dataRank, indexRank);
  if (batchDims < 0 || batchDims >= maxBatchDims)
    return emitOptionalError(location, "batch_dims ", batchDims,
                             " is out of range (expected 0 <= batch_dims < "
                             "min(data rank ",
                             dataRank, ", indices rank ", indexRank,
                             ") = ", maxBatchDims, ")");
  int64_t length = *tupleLength;
  if (length < 1 || length > dataRank - batchDims)
    return emitOptionalError(location, "index tuple length ", length,
                             " (the last extent of indices ",
                             formatShape(indices), ") must be in [1, ",
                             dataRank - batchDims,
                             "] (data rank - batch_dims)");
  for (int64_t dim = 0; dim < batchDims; ++dim)
    if (!ShapedType::isDynamic(data[dim]) &&
        !ShapedType::isDynamic(indices[dim]) && data[dim] != indices[dim])
      return emitOptionalError(location, "batch dimension ", dim,
                               " differs between data ", formatShape(data),
                               " and indices ", formatShape(indices));
  SmallVector<int64_t> result(indices.drop_back());
  llvm::append_range(result, data.drop_front(batchDims + length));
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult GatherNDOp::verify() {
  int64_t batchDims = static_cast<int64_t>(getBatchDims());
  ArrayRef<int64_t> indices = getShape(getIndices());
  if (indices.empty())
    return success(); // Reported by shape inference.
  int64_t indexRank = indices.size(), length = indices.back();
  return verifyPerAxisDimensionKept(
      *this, getElementTypeOrSelf(getData().getType()), getShape(getData()),
      getShape(getOutput()), "result",
      [&](int64_t dim) -> std::optional<int64_t> {
        if (dim < batchDims)
          return dim;
        if (dim < batchDims + length)
          return std::nullopt;
        return indexRank - 1 + dim - batchDims - length;
      });
}

//===----------------------------------------------------------------------===//
// ScatterElementsOp
//===----------------------------------------------------------------------===//

LogicalResult ScatterElementsOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> data = getShape(adaptor.getData());
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  ArrayRef<int64_t> updates = getShape(adaptor.getUpdates());
  if (failed(verifyElementIndices(location, data, indices,
                                  static_cast<int64_t>(adaptor.getAxis()))))
    return failure();
  if (failed(verifyCompatibleShape(indices, updates)))
    return emitOptionalError(location, "updates shape ", formatShape(updates),
                             " must match indices shape ",
                             formatShape(indices));
  inferredShapes.emplace_back(data);
  return success();
}

LogicalResult ScatterElementsOp::verify() {
  int64_t axis = static_cast<int64_t>(getAxis());
  return verifyPerAxisDimensionKept(
      *this, getElementTypeOrSelf(getData().getType()), getShape(getData()),
      getShape(getUpdates()), "updates",
      [&](int64_t dim) -> std::optional<int64_t> {
        if (dim == axis)
          return std::nullopt;
        return dim;
      });
}

//===----------------------------------------------------------------------===//
// ScatterNDOp
//===----------------------------------------------------------------------===//

LogicalResult ScatterNDOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> data = getShape(adaptor.getData());
  ArrayRef<int64_t> indices = getShape(adaptor.getIndices());
  ArrayRef<int64_t> updates = getShape(adaptor.getUpdates());
  FailureOr<int64_t> tupleLength = getIndexTupleLength(location, indices);
  if (failed(tupleLength))
    return failure();
  int64_t length = *tupleLength;
  if (length > static_cast<int64_t>(data.size()))
    return emitOptionalError(location, "index tuple length ", length,
                             " (the last extent of indices ",
                             formatShape(indices), ") exceeds data rank ",
                             data.size());
  SmallVector<int64_t> expected(indices.drop_back());
  llvm::append_range(expected, data.drop_front(length));
  if (failed(verifyCompatibleShape(expected, updates)))
    return emitOptionalError(location, "updates must have shape ",
                             formatShape(expected),
                             " (indices.shape[:-1] + data.shape[", length,
                             ":]), got ", formatShape(updates));
  inferredShapes.emplace_back(data);
  return success();
}

LogicalResult ScatterNDOp::verify() {
  ArrayRef<int64_t> indices = getShape(getIndices());
  if (indices.empty())
    return success(); // Reported by shape inference.
  int64_t indexRank = indices.size(), length = indices.back();
  return verifyPerAxisDimensionKept(
      *this, getElementTypeOrSelf(getData().getType()), getShape(getData()),
      getShape(getUpdates()), "updates",
      [&](int64_t dim) -> std::optional<int64_t> {
        if (dim < length)
          return std::nullopt;
        return indexRank - 1 + dim - length;
      });
}

//===----------------------------------------------------------------------===//
// TriluOp
//===----------------------------------------------------------------------===//

LogicalResult TriluOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  if (shape.size() < 2)
    return emitOptionalError(location, "trilu input must have rank >= 2, got ",
                             shape.size());
  inferredShapes.emplace_back(shape);
  return success();
}

OpFoldResult TriluOp::fold(FoldAdaptor) {
  // Keeps everything when the diagonal offset k lies outside the matrix:
  // j - i ranges over [1 - rows, columns - 1].
  auto type = cast<RankedTensorType>(getInput().getType());
  if (type.getRank() < 2 || type != getOutput().getType())
    return {};
  int64_t k = static_cast<int64_t>(getK());
  int64_t rows = type.getDimSize(type.getRank() - 2);
  int64_t columns = type.getDimSize(type.getRank() - 1);
  bool keepsAll = getUpper()
                      ? !ShapedType::isDynamic(rows) && k <= 1 - rows
                      : !ShapedType::isDynamic(columns) && k >= columns - 1;
  return keepsAll ? getInput() : OpFoldResult();
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  // Constant data and indices (shape arithmetic such as shape[0]).
  DenseElementsAttr data = getFoldableConstant(adaptor.getData());
  DenseElementsAttr indices = getFoldableConstant(adaptor.getIndices());
  auto type = cast<RankedTensorType>(getOutput().getType());
  if (!data || !indices || !type.hasStaticShape() ||
      data.getElementType() != type.getElementType())
    return {};
  ArrayRef<int64_t> shape = data.getType().getShape();
  int64_t axis = getAxis();
  int64_t extent = shape[axis];
  int64_t outer = 1, inner = 1;
  for (int64_t dim = 0; dim < axis; ++dim)
    outer *= shape[dim];
  for (int64_t dim = axis + 1; dim < static_cast<int64_t>(shape.size()); ++dim)
    inner *= shape[dim];
  SmallVector<Attribute> elements(data.getValues<Attribute>());
  SmallVector<int64_t> positions;
  for (const APInt &index : indices.getValues<APInt>()) {
    int64_t position = index.getSExtValue();
    if (position < 0)
      position += extent;
    if (position < 0 || position >= extent)
      return {}; // Out of range: leave the runtime error to the runtime.
    positions.push_back(position);
  }
  SmallVector<Attribute> values;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t position : positions)
      for (int64_t i = 0; i < inner; ++i)
        values.push_back(elements[(o * extent + position) * inner + i]);
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// NonZeroOp, CompressOp, UniqueOp
//===----------------------------------------------------------------------===//

namespace {

/// Returns the shape of a data-dependent selection from `input`: the input's
/// shape with a `?` extent at `axis`, or `[?]` (flattened) without one.
FailureOr<SmallVector<int64_t>>
getSelectionShape(std::optional<Location> location, ArrayRef<int64_t> input,
                  std::optional<int64_t> axis) {
  if (!axis)
    return SmallVector<int64_t>{ShapedType::kDynamic};
  if (failed(verifyAxis(location, *axis, input.size())))
    return failure();
  SmallVector<int64_t> shape(input);
  shape[*axis] = ShapedType::kDynamic;
  return shape;
}

/// Returns the number of items a selection chooses from: the extent along
/// `axis`, or the element count (dynamic if any extent is) without one.
/// `axis` must be valid.
int64_t getItemCount(ArrayRef<int64_t> input, std::optional<int64_t> axis) {
  if (axis)
    return input[*axis];
  if (ShapedType::isDynamicShape(input))
    return ShapedType::kDynamic;
  return ShapedType::getNumElements(input);
}

} // namespace

LogicalResult NonZeroOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  int64_t rank = getShape(adaptor.getInput()).size();
  inferredShapes.emplace_back(SmallVector<int64_t>{rank, ShapedType::kDynamic});
  return success();
}

LogicalResult CompressOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> condition = getShape(adaptor.getCondition());
  std::optional<int64_t> axis = adaptor.getAxis();
  FailureOr<SmallVector<int64_t>> shape =
      getSelectionShape(location, input, axis);
  if (failed(shape))
    return failure();
  if (condition.size() != 1)
    return emitOptionalError(location, "condition must be 1-D, got shape ",
                             formatShape(condition));
  int64_t items = getItemCount(input, axis);
  if (!ShapedType::isDynamic(condition[0]) && !ShapedType::isDynamic(items) &&
      condition[0] > items)
    return emitOptionalError(location, "condition has ", condition[0],
                             " entries, more than the ", items, " ",
                             axis ? "slices along the axis" : "elements",
                             " of input ", formatShape(input));
  inferredShapes.emplace_back(*shape);
  return success();
}

LogicalResult UniqueOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  std::optional<int64_t> axis = adaptor.getAxis();
  FailureOr<SmallVector<int64_t>> shape =
      getSelectionShape(location, input, axis);
  if (failed(shape))
    return failure();
  SmallVector<int64_t> distinct = {ShapedType::kDynamic};
  inferredShapes.emplace_back(*shape);
  inferredShapes.emplace_back(distinct);
  inferredShapes.emplace_back(SmallVector<int64_t>{getItemCount(input, axis)});
  inferredShapes.emplace_back(distinct);
  return success();
}
