//===- KilnReductionOps.cpp - reductions, scans, top-k --------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnReductionOps.cpp.inc"

void KilnDialect::registerReductionOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnReductionOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// CumSumOp
//===----------------------------------------------------------------------===//

LogicalResult CumSumOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  std::optional<uint64_t> axis = adaptor.getAxis();
  Value dynamicAxis = adaptor.getDynamicAxis();
  if (axis.has_value() == static_cast<bool>(dynamicAxis))
    return emitOptionalError(location, "give exactly one of axis and a "
                                       "dynamic axis");
  if (axis && failed(verifyAxis(location, static_cast<int64_t>(*axis),
                                shape.size())))
    return failure();
  if (dynamicAxis) {
    auto type = cast<RankedTensorType>(dynamicAxis.getType());
    if (type.getRank() > 1 || type.getNumElements() != 1)
      return emitOptionalError(location, "the dynamic axis must hold one "
                                         "integer, got ",
                               formatShape(type.getShape()));
  }
  inferredShapes.emplace_back(shape);
  return success();
}

LogicalResult CumSumOp::verify() {
  // Only the data and the result share an element type; a dynamic axis is
  // an integer of its own.
  return verifyResultExpressesInputType(*this, getInput(), getOutput());
}

OpFoldResult CumSumOp::fold(FoldAdaptor) {
  // Each prefix holds exactly one element along an axis of extent 1.
  auto type = cast<RankedTensorType>(getInput().getType());
  if (!getAxis())
    return {};
  int64_t axis = static_cast<int64_t>(*getAxis());
  if (getExclusive() || axis < 0 || axis >= type.getRank() ||
      type.getDimSize(axis) != 1 || type != getOutput().getType())
    return {};
  return getInput();
}

//===----------------------------------------------------------------------===//
// TopKOp
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  int64_t axis = static_cast<int64_t>(adaptor.getAxis());
  if (failed(verifyAxis(location, axis, shape.size())))
    return failure();
  std::optional<uint64_t> staticK = adaptor.getK();
  Value dynamicK = adaptor.getDynamicK();
  if (staticK.has_value() == static_cast<bool>(dynamicK))
    return emitOptionalError(location, "give exactly one of k and a dynamic k");
  if (dynamicK) {
    auto type = cast<RankedTensorType>(dynamicK.getType());
    if (type.getRank() > 1 || type.getNumElements() != 1)
      return emitOptionalError(location, "the dynamic k must hold one "
                                         "integer, got ",
                               formatShape(type.getShape()));
    SmallVector<int64_t> result(shape);
    result[axis] = ShapedType::kDynamic;
    inferredShapes.emplace_back(result);
    inferredShapes.emplace_back(result);
    return success();
  }
  int64_t k = static_cast<int64_t>(*staticK);
  if (k < 1)
    return emitOptionalError(location, "k must be positive, got ", k);
  if (!ShapedType::isDynamic(shape[axis]) && k > shape[axis])
    return emitOptionalError(location, "k = ", k, " exceeds extent ",
                             shape[axis], " of axis ", axis, " in input ",
                             formatShape(shape));
  SmallVector<int64_t> result(shape);
  result[axis] = k;
  inferredShapes.emplace_back(result);
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult TopKOp::verify() {
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(
      getElementTypeOrSelf(getInput().getType()));
  if (perAxis &&
      perAxis.getQuantizedDimension() == static_cast<int64_t>(getAxis()))
    return emitOpError("per-axis quantized dimension ")
           << perAxis.getQuantizedDimension()
           << " must not be the axis that top-k selects along";
  return success();
}
