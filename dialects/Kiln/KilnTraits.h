//===- KilnTraits.h - op traits shared by kiln ops ------------------*- C++ -*-===//

#ifndef KILN_DIALECTS_KILN_KILNTRAITS_H
#define KILN_DIALECTS_KILN_KILNTRAITS_H

#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

namespace mlir::kiln {

/// Checks each result type of `op` against `inferred` (one entry per result).
/// Dynamic dimensions on either side are compatible with any extent.
LogicalResult verifyResultShapesMatchInference(
    Operation *op, ArrayRef<ShapedTypeComponents> inferred);

/// Checks that all operand and result element types are equal, or all
/// quantized with one expressed type.
LogicalResult verifySameExpressedElementType(Operation *op);

/// Checks that `output` has `input`'s element type, or, both quantized, the
/// same expressed type: for ops whose other operands (run-time axes, sizes)
/// have element types of their own.
LogicalResult verifyResultExpressesInputType(Operation *op, Value input,
                                             Value output);

namespace OpTrait {

/// Verifies declared result shapes against the op's own shape inference.
template <typename ConcreteType>
class ResultShapesMatchInference
    : public mlir::OpTrait::TraitBase<ConcreteType,
                                      ResultShapesMatchInference> {
public:
  static LogicalResult verifyTrait(Operation *op) {
    auto concreteOp = cast<ConcreteType>(op);
    typename ConcreteType::Adaptor adaptor(concreteOp);
    SmallVector<ShapedTypeComponents> inferred;
    if (failed(ConcreteType::inferReturnTypeComponents(
            op->getContext(), op->getLoc(), adaptor, inferred)))
      return failure();
    return verifyResultShapesMatchInference(op, inferred);
  }
};

/// Verifies that element types agree up to quantization parameters.
template <typename ConcreteType>
class SameExpressedElementType
    : public mlir::OpTrait::TraitBase<ConcreteType, SameExpressedElementType> {
public:
  static LogicalResult verifyTrait(Operation *op) {
    return verifySameExpressedElementType(op);
  }
};

} // namespace OpTrait
} // namespace mlir::kiln

#endif // KILN_DIALECTS_KILN_KILNTRAITS_H
