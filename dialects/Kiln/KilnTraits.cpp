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

/// Whether two element types agree: equal, or both quantized with the same
/// expressed type.
static bool haveSameExpressedType(Type a, Type b) {
  return isa<quant::QuantizedType>(a) && isa<quant::QuantizedType>(b)
             ? getExpressedElementType(a) == getExpressedElementType(b)
             : a == b;
}

LogicalResult verifyResultExpressesInputType(Operation *op, Value input,
                                             Value output) {
  Type inputElement = getElementTypeOrSelf(input.getType());
  Type outputElement = getElementTypeOrSelf(output.getType());
  if (!haveSameExpressedType(inputElement, outputElement))
    return op->emitOpError("result element type ")
           << outputElement << " does not match the input's " << inputElement;
  return success();
}

LogicalResult verifySameExpressedElementType(Operation *op) {
  Type reference;
  auto check = [&](Type type, StringRef kind, unsigned index) -> LogicalResult {
    Type element = getElementTypeOrSelf(type);
    if (!reference) {
      reference = element;
      return success();
    }
    if (!haveSameExpressedType(element, reference))
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
