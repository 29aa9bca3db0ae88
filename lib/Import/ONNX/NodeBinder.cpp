//===- NodeBinder.cpp - an ONNX node's inputs, attributes and outputs -----===//

#include "NodeBinder.h"

#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

namespace mlir::kiln::onnx_import {

InFlightDiagnostic NodeBinder::emitError() {
  hadError = true;
  return mlir::emitError(loc);
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

bool NodeBinder::hasInput(unsigned index) const {
  return index < getNumInputs() && !node.input(index).empty();
}

Value NodeBinder::getInput(unsigned index) {
  if (!hasInput(index)) {
    emitError() << "input #" << index << " is required";
    return {};
  }
  return getOptionalInput(index);
}

FailureOr<Sequence> NodeBinder::getSequenceInput(unsigned index) {
  if (!hasInput(index)) {
    emitError() << "input #" << index << " is required";
    return failure();
  }
  auto it = sequences.find(node.input(index));
  if (it == sequences.end()) {
    emitError() << "input #" << index << " '" << node.input(index)
                << "' is not a sequence";
    return failure();
  }
  return it->second;
}

Value NodeBinder::getOptionalInput(unsigned index) {
  if (!hasInput(index))
    return {};
  auto it = values.find(node.input(index));
  if (it == values.end()) {
    if (sequences.count(node.input(index)))
      emitError() << "input #" << index << " '" << node.input(index)
                  << "' is a sequence; a tensor is expected";
    else
      emitError() << "input #" << index << " '" << node.input(index)
                << "' is not defined by a graph input, initializer or "
                   "earlier node";
    return {};
  }
  return it->second;
}

RankedTensorType NodeBinder::getInputType(unsigned index) {
  Value value = getInput(index);
  return value ? cast<RankedTensorType>(value.getType()) : RankedTensorType();
}

LogicalResult NodeBinder::checkNumInputs(unsigned min, unsigned max) {
  unsigned count = getNumInputs();
  // Trailing omitted optional inputs do not count.
  while (count > 0 && node.input(count - 1).empty())
    --count;
  if (count < min || count > max) {
    InFlightDiagnostic diag = emitError() << "expected ";
    if (min == max)
      diag << min;
    else
      diag << min << " to " << max;
    diag << " inputs, got " << count;
    return failure();
  }
  return success();
}

Value NodeBinder::bindFirstInput(unsigned min, unsigned max,
                                 unsigned maxOutputs) {
  if (failed(checkNumInputs(min, max)) || failed(checkNumOutputs(maxOutputs)))
    return {};
  return getInput(0);
}

FailureOr<ElementsAttr> NodeBinder::getConstantInput(unsigned index,
                                                     StringRef what) {
  Value value = getInput(index);
  if (!value)
    return failure();
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant) {
    emitError() << what << " (input #" << index
                << ") must be a constant or computable from constants";
    return failure();
  }
  return constant.getValue();
}


FailureOr<SmallVector<int64_t>> NodeBinder::getConstantInts(unsigned index,
                                                            StringRef what) {
  FailureOr<ElementsAttr> elements = getConstantInput(index, what);
  if (failed(elements))
    return failure();
  if (!isa<IntegerType>(elements->getElementType())) {
    emitError() << what << " (input #" << index
                << ") must be an integer tensor, got "
                << elements->getElementType();
    return failure();
  }
  FailureOr<SmallVector<int64_t>> result = readIntegerElements(*elements);
  if (failed(result))
    emitError() << "cannot read the values of " << what;
  return result;
}

FailureOr<SmallVector<double>> NodeBinder::getConstantFloats(unsigned index,
                                                             StringRef what) {
  FailureOr<ElementsAttr> elements = getConstantInput(index, what);
  if (failed(elements))
    return failure();
  FailureOr<SmallVector<double>> result = readFloatElements(*elements);
  if (failed(result))
    emitError() << "cannot read the values of " << what;
  return result;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

const onnx::AttributeProto *NodeBinder::findAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

const onnx::AttributeProto *
NodeBinder::findTypedAttr(StringRef name,
                          onnx::AttributeProto::AttributeType type) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr)
    return nullptr;
  if (attr->type() != type) {
    emitError() << "attribute '" << name << "' must be of type "
                << onnx::AttributeProto::AttributeType_Name(type) << ", got "
                << onnx::AttributeProto::AttributeType_Name(attr->type());
    return nullptr;
  }
  return attr;
}

int64_t NodeBinder::getInt(StringRef name, int64_t defaultValue) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::INT);
  return attr ? attr->i() : defaultValue;
}

float NodeBinder::getFloat(StringRef name, float defaultValue) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::FLOAT);
  return attr ? attr->f() : defaultValue;
}

std::string NodeBinder::getString(StringRef name, StringRef defaultValue) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::STRING);
  return attr ? attr->s() : defaultValue.str();
}

SmallVector<int64_t> NodeBinder::getInts(StringRef name,
                                         ArrayRef<int64_t> defaultValue) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::INTS);
  if (!attr)
    return SmallVector<int64_t>(defaultValue);
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

SmallVector<float> NodeBinder::getFloats(StringRef name,
                                         ArrayRef<float> defaultValue) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::FLOATS);
  if (!attr)
    return SmallVector<float>(defaultValue);
  return SmallVector<float>(attr->floats().begin(), attr->floats().end());
}

SmallVector<std::string> NodeBinder::getStrings(StringRef name) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::STRINGS);
  if (!attr)
    return {};
  return SmallVector<std::string>(attr->strings().begin(),
                                  attr->strings().end());
}

const onnx::TensorProto *NodeBinder::getTensor(StringRef name) {
  const onnx::AttributeProto *attr =
      findTypedAttr(name, onnx::AttributeProto::TENSOR);
  return attr ? &attr->t() : nullptr;
}

LogicalResult NodeBinder::requireAttr(StringRef name) {
  if (hasAttr(name))
    return success();
  emitError() << "missing required attribute '" << name << "'";
  return failure();
}

//===----------------------------------------------------------------------===//
// Outputs
//===----------------------------------------------------------------------===//

bool NodeBinder::hasOutput(unsigned index) const {
  return index < getNumOutputs() && !node.output(index).empty();
}

void NodeBinder::setOutput(unsigned index, Value value) {
  if (!hasOutput(index))
    return;
  value = foldConstants(value);
  refineToDeclaredShape(index, value);
  values[node.output(index)] = value;
}

void NodeBinder::setSequenceOutput(unsigned index, Sequence sequence) {
  if (hasOutput(index))
    sequences[node.output(index)] = std::move(sequence);
}

std::optional<ArrayRef<int64_t>>
NodeBinder::getDeclaredShape(unsigned index) const {
  if (!hasOutput(index))
    return std::nullopt;
  auto it = declaredShapes.find(node.output(index));
  if (it == declaredShapes.end())
    return std::nullopt;
  return ArrayRef<int64_t>(it->second);
}

FailureOr<SmallVector<int64_t>>
NodeBinder::requireDeclaredShape(unsigned index, StringRef why) {
  std::optional<ArrayRef<int64_t>> shape = getDeclaredShape(index);
  if (shape && !ShapedType::isDynamicShape(*shape))
    return llvm::to_vector(*shape);
  emitError() << why << ", so output #" << index << " ('"
              << (index < getNumOutputs() ? node.output(index) : "")
              << "') needs a static shape declared in the model (graph "
                 "output or value_info)";
  return failure();
}

void NodeBinder::refineToDeclaredShape(unsigned index, Value value) {
  // Only results this node built are refined: their verifiers accept a
  // static extent where inference gives `?`, and no earlier op sees the
  // change. A declared extent that contradicts a known one is ignored (the
  // model's value_info is advisory).
  auto result = dyn_cast<OpResult>(value);
  auto type = dyn_cast<RankedTensorType>(value.getType());
  std::optional<ArrayRef<int64_t>> declared = getDeclaredShape(index);
  if (!result || !type || type.hasStaticShape() || !declared ||
      declared->size() != static_cast<size_t>(type.getRank()))
    return;
  Operation *owner = result.getOwner();
  if (owner->getBlock() != builder.getInsertionBlock() ||
      (lastOpBefore && !lastOpBefore->isBeforeInBlock(owner)))
    return;
  SmallVector<int64_t> shape(type.getShape());
  for (auto [dim, declaredDim] : llvm::zip(shape, *declared))
    if (ShapedType::isDynamic(dim))
      dim = declaredDim;
  result.setType(type.clone(shape));
}

Value NodeBinder::foldConstants(Value value) {
  // Shape arithmetic on constants (Shape -> Gather -> Concat -> Reshape)
  // folds here, so that the ops reading it see constants.
  auto result = dyn_cast<OpResult>(value);
  if (!result || isa<ConstantOp>(result.getOwner()))
    return value;
  Operation *op = result.getOwner();
  SmallVector<Attribute> operands;
  for (Value operand : op->getOperands()) {
    Attribute constant;
    if (!matchPattern(operand, m_Constant(&constant)))
      return value;
    operands.push_back(constant);
  }
  SmallVector<OpFoldResult> folded;
  if (failed(op->fold(operands, folded)) || folded.empty())
    return value;
  OpFoldResult replacement = folded[result.getResultNumber()];
  if (auto foldedValue = dyn_cast<Value>(replacement))
    return foldedValue;
  Operation *constant = op->getDialect()->materializeConstant(
      builder, cast<Attribute>(replacement), value.getType(), loc);
  return constant ? constant->getResult(0) : value;
}

LogicalResult NodeBinder::checkNumOutputs(unsigned count) {
  for (unsigned i = count; i < getNumOutputs(); ++i)
    if (hasOutput(i)) {
      emitError() << "output #" << i << " ('" << node.output(i)
                  << "') is not supported";
      return failure();
    }
  return success();
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

FailureOr<int64_t> NodeBinder::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank) {
    emitError() << "axis " << axis << " is out of range for rank " << rank;
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

LogicalResult NodeBinder::normalizeAxes(SmallVectorImpl<int64_t> &axes,
                                        int64_t rank) {
  for (int64_t &axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(axis, rank);
    if (failed(normalized))
      return failure();
    axis = *normalized;
  }
  llvm::sort(axes);
  return success();
}

Value NodeBinder::createConstant(DenseElementsAttr values) {
  return ConstantOp::create(builder, loc, cast<ElementsAttr>(values));
}

Value NodeBinder::createIntConstant(ArrayRef<int64_t> values, Type element) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    element);
  SmallVector<APInt> bits;
  for (int64_t value : values)
    bits.emplace_back(element.getIntOrFloatBitWidth(), value,
                      /*isSigned=*/true);
  return createConstant(DenseElementsAttr::get(type, bits));
}

} // namespace mlir::kiln::onnx_import
