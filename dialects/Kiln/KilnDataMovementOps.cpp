//===- KilnDataMovementOps.cpp - shape and data movement ------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnDataMovementOps.cpp.inc"

void KilnDialect::registerDataMovementOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnDataMovementOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

bool ConstantOp::isBuildableWith(Attribute value, Type type) {
  auto elements = dyn_cast<ElementsAttr>(value);
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!elements || !tensor)
    return false;
  if (elements.getType() == type)
    return true;
  auto quantized = dyn_cast<quant::QuantizedType>(tensor.getElementType());
  return quantized &&
         elements.getShapedType() == tensor.clone(quantized.getStorageType());
}

LogicalResult ConstantOp::verify() {
  if (!isBuildableWith(getValue(), getType()))
    return emitOpError("value of type ")
           << getValue().getType() << " cannot produce a result of type "
           << getType();
  return success();
}

// kiln.constant attr-dict? VALUE (-> RESULT-TYPE)?
ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  ElementsAttr value;
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value))
    return failure();
  Type resultType = value.getType();
  if (succeeded(parser.parseOptionalArrow()) && parser.parseType(resultType))
    return failure();
  result.getOrAddProperties<Properties>().value = value;
  result.addTypes(resultType);
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {getValueAttrName()});
  printer << ' ';
  printer.printAttribute(getValue());
  if (getValue().getType() != getType())
    printer << " -> " << getType();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> perm = adaptor.getPerm();
  if (perm.size() != shape.size())
    return emitOptionalError(location, "perm has ", perm.size(),
                             " entries for an input of rank ", shape.size());
  SmallVector<bool> seen(shape.size(), false);
  SmallVector<int64_t> result;
  for (int64_t dim : perm) {
    if (dim < 0 || dim >= static_cast<int64_t>(shape.size()) || seen[dim])
      return emitOptionalError(location, "perm [", perm,
                               "] is not a permutation of [0, ", shape.size(),
                               ")");
    seen[dim] = true;
    result.push_back(shape[dim]);
  }
  inferredShapes.emplace_back(result);
  return success();
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  // The identity permutation moves nothing.
  for (auto [index, dim] : llvm::enumerate(getPerm()))
    if (static_cast<int64_t>(index) != dim)
      return {};
  if (getInput().getType() != getOutput().getType())
    return {};
  return getInput();
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  auto input = cast<RankedTensorType>(getInput().getType());
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (input.hasStaticShape() && output.hasStaticShape() &&
      input.getNumElements() != output.getNumElements())
    return emitOpError("cannot reshape ")
           << formatShape(input.getShape()) << " ("
           << input.getNumElements() << " elements) into "
           << formatShape(output.getShape()) << " ("
           << output.getNumElements() << " elements)";
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(
          input.getElementType())) {
    int64_t axis = perAxis.getQuantizedDimension();
    if (axis >= output.getRank() ||
        input.getDimSize(axis) != output.getDimSize(axis))
      return emitOpError("per-axis quantized dimension ")
             << axis << " must keep its index and extent";
  }
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getOutput().getType())
    return getInput();
  // reshape(reshape(x)) only depends on x.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return dense.reshape(cast<ShapedType>(getOutput().getType()));
  return {};
}
