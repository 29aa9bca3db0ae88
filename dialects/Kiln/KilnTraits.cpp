//===- KilnTraits.cpp - op traits shared by kiln ops ----------------------===//

#include "dialects/Kiln/KilnTraits.h"
#include "dialects/Kiln/KilnShapeUtils.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

namespace mlir::kiln {

LogicalResult
verifyResultShapesMatchInference(Operation *op,
                                 ArrayRef<ShapedTypeComponents> inferred) {
  if (inferred.size() != op->getNumResults())
    return op->emitOpError("shape inference produced ")
           << inferred.size() << " shapes for " << op->getNumResults()
           << " results";
  for (auto [index, result, components] :
       llvm::enumerate(op->getResults(), inferred)) {
    if (!components.hasRank())
      continue;
    ArrayRef<int64_t> declared = getShape(result);
    ArrayRef<int64_t> expected = components.getDims();
    bool compatible = declared.size() == expected.size();
    for (size_t i = 0; compatible && i < declared.size(); ++i)
      compatible = ShapedType::isDynamic(declared[i]) ||
                   ShapedType::isDynamic(expected[i]) ||
                   declared[i] == expected[i];
    if (!compatible)
      return op->emitOpError("result #")
             << index << " has shape " << formatShape(declared)
             << " but its operands and attributes imply "
             << formatShape(expected);
  }
  return success();
}

LogicalResult verifySameExpressedElementType(Operation *op) {
  Type reference;
  bool referenceIsQuantized = false;
  auto check = [&](Type type, StringRef kind, unsigned index) -> LogicalResult {
    Type element = getElementTypeOrSelf(type);
    bool quantized = isa<quant::QuantizedType>(element);
    if (!reference) {
      reference = element;
      referenceIsQuantized = quantized;
      return success();
    }
    bool same = quantized && referenceIsQuantized
                    ? getExpressedElementType(element) ==
                          getExpressedElementType(reference)
                    : element == reference;
    if (!same)
      return op->emitOpError() << kind << " #" << index << " element type "
                               << element << " does not match " << reference;
    return success();
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand", i)))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, "result", i)))
      return failure();
  return success();
}

} // namespace mlir::kiln
