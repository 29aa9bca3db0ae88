//===- KilnRandomOps.cpp - random number generation -----------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnRandomOps.cpp.inc"

void KilnDialect::registerRandomOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnRandomOps.cpp.inc"
      >();
}

namespace {

/// Checks where a distribution op's shape comes from: the static result
/// type, or the `dynamic_shape` operand with one entry per result dimension.
LogicalResult verifyDistributionShape(Operation *op, Value dynamicShape) {
  auto output = cast<RankedTensorType>(op->getResult(0).getType());
  if (dynamicShape)
    return verifyShapeOperand(op, dynamicShape, output.getRank(),
                              "the dynamic shape");
  if (!output.hasStaticShape())
    return op->emitOpError("a result of shape ")
           << formatShape(output.getShape())
           << " needs a dynamic_shape operand for its `?` extents";
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// RandomNormalOp / RandomUniformOp
//===----------------------------------------------------------------------===//

LogicalResult RandomNormalOp::verify() {
  return verifyDistributionShape(*this, getDynamicShape());
}

LogicalResult RandomUniformOp::verify() {
  return verifyDistributionShape(*this, getDynamicShape());
}

//===----------------------------------------------------------------------===//
// BernoulliOp
//===----------------------------------------------------------------------===//

LogicalResult BernoulliOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  inferredShapes.emplace_back(getShape(adaptor.getInput()));
  return success();
}

//===----------------------------------------------------------------------===//
// MultinomialOp
//===----------------------------------------------------------------------===//

LogicalResult MultinomialOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  if (input.size() != 2)
    return emitOptionalError(location,
                             "multinomial input must have rank 2 (batch, "
                             "classes), got ",
                             formatShape(input));
  if (input[1] == 0)
    return emitOptionalError(location,
                             "multinomial input needs at least one class");
  int64_t sampleSize = adaptor.getSampleSize();
  if (sampleSize < 1)
    return emitOptionalError(location, "sample_size must be positive, got ",
                             sampleSize);
  inferredShapes.emplace_back(ArrayRef<int64_t>{input[0], sampleSize});
  return success();
}
