//===- KilnDataMovementOps.cpp - shape and data movement ------------------===//

#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>

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

namespace {

/// Returns `input` if it has exactly the type `type`, null otherwise; the
/// identity folders use it so that folding never changes a result type.
OpFoldResult foldIdentity(Value input, Type type) {
  if (input.getType() == type)
    return input;
  return {};
}

/// Folds a constant that only changes shape (squeeze, unsqueeze, flatten)
/// into a constant of `type`.
OpFoldResult foldReshapedConstant(Attribute input, Type type) {
  DenseElementsAttr dense = getFoldableConstant(input);
  auto shaped = dyn_cast<ShapedType>(type);
  if (!dense || !shaped || !shaped.hasStaticShape() ||
      shaped.getElementType() != dense.getElementType())
    return {};
  return dense.reshape(shaped);
}

/// Returns `ceil(distance / step)` for a slice from `start` towards `end`,
/// at least 0, or dynamic when it does not fit an extent. `step` is not 0.
int64_t getSliceExtent(int64_t start, int64_t end, int64_t step) {
  // Work in unsigned arithmetic: the distance of two int64 values and the
  // magnitude of INT64_MIN both fit a uint64_t.
  bool forward = step > 0;
  if (forward ? end <= start : end >= start)
    return 0;
  uint64_t distance =
      forward ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
              : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
  uint64_t stride = forward ? static_cast<uint64_t>(step)
                            : uint64_t(0) - static_cast<uint64_t>(step);
  uint64_t extent = distance / stride + (distance % stride != 0);
  if (extent > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return ShapedType::kDynamic;
  return static_cast<int64_t>(extent);
}

} // namespace

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
  if (!quantized || elements.getShapedType().getShape() != tensor.getShape())
    return false;
  // Stored integers: iN for signed storage, uiN for unsigned (ONNX uint8).
  auto integer = dyn_cast<IntegerType>(elements.getElementType());
  return integer &&
         integer.getWidth() == quantized.getStorageTypeIntegralWidth() &&
         integer.isUnsigned() != quantized.isSigned() && !integer.isSigned();
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

namespace {
/// Checks a run-time list operand (pads, multiples, slice bounds): 1-D with
/// a static length, `expected` entries if given. Returns the length.
FailureOr<int64_t> checkRuntimeList(std::optional<Location> location,
                                    Value list, StringRef what,
                                    std::optional<int64_t> expected = {}) {
  auto type = cast<RankedTensorType>(list.getType());
  if (type.getRank() != 1 || type.isDynamicDim(0) ||
      (expected && type.getDimSize(0) != *expected)) {
    if (expected)
      return emitOptionalError(location, what, " must be 1-D with ",
                               *expected, " entries, got ",
                               formatShape(type.getShape()));
    return emitOptionalError(location, what, " must be 1-D with a static "
                                             "length, got ",
                             formatShape(type.getShape()));
  }
  return type.getDimSize(0);
}

/// Rejects a static list attribute given together with its run-time operand.
LogicalResult checkNotBoth(std::optional<Location> location,
                           ArrayRef<int64_t> attribute, StringRef name) {
  if (!attribute.empty())
    return emitOptionalError(location, "give ", name, " either as an "
                             "attribute or as a run-time operand, not both");
  return success();
}
} // namespace

LogicalResult ReshapeOp::verify() {
  auto input = cast<RankedTensorType>(getInput().getType());
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (Value shape = getShape()) {
    if (failed(verifyShapeOperand(*this, shape, output.getRank(),
                                  "the shape operand")))
      return failure();
  } else if (getAllowZero()) {
    return emitOpError("allow_zero needs a shape operand");
  }
  if (input.hasStaticShape() && output.hasStaticShape() &&
      input.getNumElements() != output.getNumElements())
    return emitOpError("cannot reshape ")
           << formatShape(input.getShape()) << " (" << input.getNumElements()
           << " elements) into " << formatShape(output.getShape()) << " ("
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
  // With a run-time shape, equal types are only the identity when static.
  if (getInput().getType() == getOutput().getType() &&
      (!getShape() || getOutput().getType().hasStaticShape()))
    return getInput();
  // reshape(reshape(x)) only depends on x.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  // The attribute keeps its own element type: a quantized constant holds its
  // storage-typed values, which the materializer accepts for the result.
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (auto dense = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    if (output.hasStaticShape())
      return dense.reshape(output.clone(dense.getElementType()));
  return {};
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return emitOptionalError(location, "concat needs at least one input");
  SmallVector<int64_t> result(getShape(inputs.front()));
  int64_t rank = result.size();
  int64_t axis = adaptor.getAxis();
  if (failed(verifyAxis(location, axis, rank)))
    return failure();
  for (auto [index, input] : llvm::enumerate(inputs)) {
    if (index == 0)
      continue;
    ArrayRef<int64_t> shape = getShape(input);
    if (static_cast<int64_t>(shape.size()) != rank)
      return emitOptionalError(location, "input #", index, " has rank ",
                               shape.size(), " but input #0 has rank ", rank);
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (dim == axis) {
        if (ShapedType::isDynamic(result[dim]) ||
            ShapedType::isDynamic(shape[dim])) {
          result[dim] = ShapedType::kDynamic;
          continue;
        }
        std::optional<int64_t> sum = llvm::checkedAdd(result[dim], shape[dim]);
        if (!sum)
          return emitOptionalError(location, "input extents along axis ", axis,
                                   " overflow");
        result[dim] = *sum;
        continue;
      }
      if (ShapedType::isDynamic(result[dim])) {
        result[dim] = shape[dim];
      } else if (!ShapedType::isDynamic(shape[dim]) &&
                 shape[dim] != result[dim]) {
        return emitOptionalError(
            location, "input #", index, " has shape ", formatShape(shape),
            " whose extent ", shape[dim], " in dimension ", dim,
            " differs from the other inputs' ", result[dim], " (only axis ",
            axis, " may differ)");
      }
    }
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult ConcatOp::verify() {
  Type element = getElementTypeOrSelf(getOutput().getType());
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    Type inputElement = getElementTypeOrSelf(input.getType());
    if (inputElement != element)
      return emitOpError("input #")
             << index << " element type " << inputElement
             << " does not match the result element type " << element;
  }
  return success();
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return foldIdentity(getInputs().front(), getOutput().getType());
  // Constants: interleave the inputs' blocks along the axis.
  auto type = cast<RankedTensorType>(getOutput().getType());
  if (!type.hasStaticShape() || type.getNumElements() > kMaxFoldedElements)
    return {};
  SmallVector<DenseElementsAttr> inputs;
  for (Attribute attr : adaptor.getInputs()) {
    DenseElementsAttr dense = getFoldableConstant(attr);
    if (!dense || dense.getElementType() != type.getElementType())
      return {};
    inputs.push_back(dense);
  }
  int64_t axis = getAxis();
  int64_t outer = 1;
  for (int64_t extent : type.getShape().take_front(axis))
    outer *= extent;
  SmallVector<Attribute> values;
  SmallVector<SmallVector<Attribute>> inputValues;
  for (DenseElementsAttr input : inputs)
    inputValues.emplace_back(input.getValues<Attribute>());
  for (int64_t block = 0; block < outer; ++block)
    for (auto [input, elements] : llvm::zip(inputs, inputValues)) {
      int64_t inner = input.getNumElements() / std::max<int64_t>(outer, 1);
      llvm::append_range(values, ArrayRef(elements).slice(block * inner, inner));
    }
  return DenseElementsAttr::get(type, values);
}

//===----------------------------------------------------------------------===//
// SplitOp
//===----------------------------------------------------------------------===//

LogicalResult SplitOp::verify() {
  if (getOutputs().empty())
    return emitOpError("needs at least one result");
  if (Value sizes = getDynamicSizes()) {
    FailureOr<int64_t> length =
        getShapeOperandLength(*this, sizes, "the dynamic sizes");
    if (failed(length))
      return failure();
    if (*length != static_cast<int64_t>(getOutputs().size()))
      return emitOpError("the dynamic sizes have ")
             << *length << " entries for " << getOutputs().size()
             << " results";
  }
  ArrayRef<int64_t> input = getShape(getInput());
  int64_t rank = input.size();
  int64_t axis = getAxis();
  if (failed(verifyAxis(getLoc(), axis, rank)))
    return failure();
  Type element = getElementTypeOrSelf(getInput().getType());
  int64_t sum = 0;
  bool anyDynamic = false;
  for (auto [index, output] : llvm::enumerate(getOutputs())) {
    Type outputElement = getElementTypeOrSelf(output.getType());
    if (outputElement != element)
      return emitOpError("result #")
             << index << " element type " << outputElement
             << " does not match the input element type " << element;
    ArrayRef<int64_t> shape = getShape(output);
    if (static_cast<int64_t>(shape.size()) != rank)
      return emitOpError("result #") << index << " has rank " << shape.size()
                                     << " but the input has rank " << rank;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (dim == axis || ShapedType::isDynamic(shape[dim]) ||
          ShapedType::isDynamic(input[dim]) || shape[dim] == input[dim])
        continue;
      return emitOpError("result #")
             << index << " has shape " << formatShape(shape)
             << " but the input has shape " << formatShape(input)
             << " (only axis " << axis << " may differ)";
    }
    if (ShapedType::isDynamic(shape[axis])) {
      anyDynamic = true;
      continue;
    }
    std::optional<int64_t> next = llvm::checkedAdd(sum, shape[axis]);
    if (!next)
      return emitOpError("result extents along axis ") << axis << " overflow";
    sum = *next;
  }
  if (ShapedType::isDynamic(input[axis]))
    return success();
  if (anyDynamic ? sum > input[axis] : sum != input[axis])
    return emitOpError("result extents along axis ")
           << axis << " sum to " << sum
           << (anyDynamic ? " (static results only), exceeding" : " but")
           << " the input extent " << input[axis];
  return success();
}

LogicalResult SplitOp::fold(FoldAdaptor,
                            SmallVectorImpl<OpFoldResult> &results) {
  // A split into one piece is the identity.
  if (getOutputs().size() != 1 ||
      getInput().getType() != getOutputs().front().getType())
    return failure();
  results.push_back(getInput());
  return success();
}

//===----------------------------------------------------------------------===//
// SliceOp
//===----------------------------------------------------------------------===//

LogicalResult SliceOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> starts = adaptor.getStarts();
  ArrayRef<int64_t> ends = adaptor.getEnds();
  ArrayRef<int64_t> steps = adaptor.getSteps();
  StringRef names[] = {"starts", "ends", "steps"};
  ArrayRef<int64_t> lists[] = {starts, ends, steps};
  for (auto [name, values] : llvm::zip(names, lists))
    if (values.size() != shape.size())
      return emitOptionalError(location, name, " has ", values.size(),
                               " entries for an input of rank ", shape.size());
  SmallVector<int64_t> result;
  for (auto [dim, extent] : llvm::enumerate(shape)) {
    int64_t start = starts[dim], end = ends[dim], step = steps[dim];
    bool dynamic = ShapedType::isDynamic(extent);
    if (step == 0)
      return emitOptionalError(location, "steps[", dim, "] must not be 0");
    if (step > 0 && !(0 <= start && start <= end && (dynamic || end <= extent)))
      return emitOptionalError(location, "dimension ", dim, " of extent ",
                               formatShape(extent), " with step ", step,
                               " needs 0 <= start <= end <= extent, got start ",
                               start, ", end ", end);
    if (step < 0 && !(-1 <= end && end <= start && (dynamic || start < extent)))
      return emitOptionalError(location, "dimension ", dim, " of extent ",
                               formatShape(extent), " with step ", step,
                               " needs -1 <= end <= start < extent, got start ",
                               start, ", end ", end);
    result.push_back(getSliceExtent(start, end, step));
  }
  inferredShapes.emplace_back(result);
  return success();
}

//===----------------------------------------------------------------------===//
// DynamicSliceOp
//===----------------------------------------------------------------------===//

LogicalResult DynamicSliceOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  FailureOr<int64_t> length =
      checkRuntimeList(location, adaptor.getStarts(), "starts");
  if (failed(length))
    return failure();
  if (*length > static_cast<int64_t>(shape.size()))
    return emitOptionalError(location, "slices ", *length,
                             " dimensions of an input of rank ",
                             shape.size());
  // (ends, axes and steps have the type of starts.) Which dimensions are sliced is known only at run time.
  inferredShapes.emplace_back(
      SmallVector<int64_t>(shape.size(), ShapedType::kDynamic));
  return success();
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  auto type = cast<RankedTensorType>(getInput().getType());
  auto resultType = cast<RankedTensorType>(getOutput().getType());
  if (!type.hasStaticShape() || !resultType.hasStaticShape())
    return {};
  // Slicing everything with unit steps is the identity.
  bool isFull = true;
  for (auto [extent, start, end, step] :
       llvm::zip(type.getShape(), getStarts(), getEnds(), getSteps()))
    isFull &= start == 0 && end == extent && step == 1;
  if (isFull)
    return foldIdentity(getInput(), getOutput().getType());
  DenseElementsAttr input = getFoldableConstant(adaptor.getInput());
  if (!input || input.getElementType() != resultType.getElementType())
    return {};
  SmallVector<Attribute> elements(input.getValues<Attribute>());
  SmallVector<int64_t> strides = computeStrides(type.getShape());
  SmallVector<Attribute> values;
  int64_t rank = type.getRank();
  for (int64_t index = 0; index < resultType.getNumElements(); ++index) {
    int64_t remaining = index, source = 0;
    for (int64_t dim = rank - 1; dim >= 0; --dim) {
      int64_t coordinate = remaining % resultType.getDimSize(dim);
      remaining /= resultType.getDimSize(dim);
      source += (getStarts()[dim] + coordinate * getSteps()[dim]) * strides[dim];
    }
    values.push_back(elements[source]);
  }
  return DenseElementsAttr::get(resultType, values);
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

LogicalResult PadOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> pads = adaptor.getPads();
  int64_t rank = shape.size();
  if (Value dynamicPads = adaptor.getDynamicPads()) {
    if (failed(checkNotBoth(location, pads, "pads")) ||
        failed(checkRuntimeList(location, dynamicPads, "dynamic_pads",
                                2 * rank)))
      return failure();
    inferredShapes.emplace_back(
        SmallVector<int64_t>(rank, ShapedType::kDynamic));
    return success();
  }
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOptionalError(location, "pads has ", pads.size(),
                             " entries, expected 2 * rank = ", 2 * rank);
  SmallVector<int64_t> result;
  for (auto [dim, extent] : llvm::enumerate(shape)) {
    int64_t begin = pads[dim], end = pads[rank + dim];
    if (ShapedType::isDynamic(extent)) {
      result.push_back(ShapedType::kDynamic);
      continue;
    }
    std::optional<int64_t> padded = llvm::checkedAdd(extent, begin);
    if (padded)
      padded = llvm::checkedAdd(*padded, end);
    if (!padded || *padded < 0 || ShapedType::isDynamic(*padded))
      return emitOptionalError(location, "pads ", begin, " and ", end,
                               " turn dimension ", dim, " of extent ", extent,
                               " into an invalid extent (it must be "
                               "non-negative)");
    result.push_back(*padded);
  }
  inferredShapes.emplace_back(result);
  return success();
}

LogicalResult PadOp::verify() {
  TypedAttr value = getValueAttr();
  Value dynamicValue = getDynamicValue();
  if (!value && !dynamicValue)
    return success();
  if (value && dynamicValue)
    return emitOpError("give the value either as an attribute or as a "
                       "run-time operand, not both");
  if (getMode() != PadMode::constant)
    return emitOpError("value is only allowed in constant mode, got mode ")
           << stringifyPadMode(getMode());
  Type expected =
      getExpressedElementType(getElementTypeOrSelf(getInput().getType()));
  Type valueType = value ? value.getType()
                         : getElementTypeOrSelf(dynamicValue.getType());
  auto dynamicValueType =
      dynamicValue ? cast<RankedTensorType>(dynamicValue.getType()) : nullptr;
  if (dynamicValueType && (!dynamicValueType.hasStaticShape() ||
                           dynamicValueType.getNumElements() != 1))
    return emitOpError("the run-time value must hold one element, got ")
           << dynamicValue.getType();
  if (valueType != expected)
    return emitOpError("value of type ")
           << valueType << " must have the input's "
           << (expected == getElementTypeOrSelf(getInput().getType())
                   ? "element type "
                   : "expressed element type ")
           << expected;
  return success();
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (getDynamicPads() ||
      !llvm::all_of(getPads(), [](int64_t pad) { return pad == 0; }))
    return {};
  return foldIdentity(getInput(), getOutput().getType());
}

//===----------------------------------------------------------------------===//
// ExpandOp
//===----------------------------------------------------------------------===//

LogicalResult ExpandOp::verify() {
  ArrayRef<int64_t> input = kiln::getShape(getInput());
  ArrayRef<int64_t> output = kiln::getShape(getOutput());
  if (output.size() < input.size())
    return emitOpError("result rank ")
           << output.size() << " is smaller than the input rank "
           << input.size();
  if (Value shape = getShape()) {
    FailureOr<int64_t> length =
        getShapeOperandLength(*this, shape, "the shape operand");
    if (failed(length))
      return failure();
    int64_t rank = std::max<int64_t>(*length, input.size());
    if (rank != static_cast<int64_t>(output.size()))
      return emitOpError("result rank ")
             << output.size() << " must be " << rank
             << ", the larger of the input rank and the shape length";
  }
  size_t offset = output.size() - input.size();
  for (auto [dim, extent] : llvm::enumerate(input)) {
    int64_t target = output[offset + dim];
    if (ShapedType::isDynamic(extent) || ShapedType::isDynamic(target) ||
        extent == 1 || extent == target)
      continue;
    return emitOpError("input shape ")
           << formatShape(input) << " does not broadcast to the result shape "
           << formatShape(output) << ": input dimension " << dim
           << " has extent " << extent << " but the result has " << target;
  }
  return success();
}

OpFoldResult ExpandOp::fold(FoldAdaptor) {
  if (getShape() && !getOutput().getType().hasStaticShape())
    return {};
  return foldIdentity(getInput(), getOutput().getType());
}

//===----------------------------------------------------------------------===//
// FillOp
//===----------------------------------------------------------------------===//

LogicalResult FillOp::verify() {
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (failed(verifyShapeOperand(*this, getShape(), output.getRank(),
                                "the shape")))
    return failure();
  if (cast<TypedAttr>(getValue()).getType() != output.getElementType())
    return emitOpError("value of type ")
           << cast<TypedAttr>(getValue()).getType()
           << " does not match the result element type "
           << output.getElementType();
  return success();
}

OpFoldResult FillOp::fold(FoldAdaptor) {
  // A statically shaped fill is a splat constant.
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (!output.hasStaticShape())
    return {};
  return SplatElementsAttr::get(output, getValue());
}

//===----------------------------------------------------------------------===//
// TileOp
//===----------------------------------------------------------------------===//

LogicalResult TileOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> multiples = adaptor.getMultiples();
  if (Value dynamicMultiples = adaptor.getDynamicMultiples()) {
    if (failed(checkNotBoth(location, multiples, "multiples")) ||
        failed(checkRuntimeList(location, dynamicMultiples,
                                "dynamic_multiples", shape.size())))
      return failure();
    SmallVector<int64_t> result;
    for (int64_t extent : shape)
      result.push_back(extent == 0 ? 0 : ShapedType::kDynamic);
    inferredShapes.emplace_back(result);
    return success();
  }
  if (multiples.size() != shape.size())
    return emitOptionalError(location, "multiples has ", multiples.size(),
                             " entries for an input of rank ", shape.size());
  SmallVector<int64_t> result;
  for (auto [dim, extent, multiple] : llvm::enumerate(shape, multiples)) {
    if (multiple < 0)
      return emitOptionalError(
          location, "multiples must be non-negative, got [", multiples, "]");
    if (multiple == 0 || !ShapedType::isDynamic(extent)) {
      std::optional<int64_t> tiled = llvm::checkedMul(extent, multiple);
      if (!tiled || ShapedType::isDynamic(*tiled))
        return emitOptionalError(location, "tiling dimension ", dim,
                                 " of extent ", extent, " by ", multiple,
                                 " overflows");
      result.push_back(*tiled);
    } else {
      result.push_back(ShapedType::kDynamic);
    }
  }
  inferredShapes.emplace_back(result);
  return success();
}

OpFoldResult TileOp::fold(FoldAdaptor) {
  if (getDynamicMultiples() ||
      !llvm::all_of(getMultiples(), [](int64_t m) { return m == 1; }))
    return {};
  return foldIdentity(getInput(), getOutput().getType());
}

//===----------------------------------------------------------------------===//
// ReverseSequenceOp
//===----------------------------------------------------------------------===//

LogicalResult ReverseSequenceOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> input = getShape(adaptor.getInput());
  ArrayRef<int64_t> lengths = getShape(adaptor.getSequenceLens());
  int64_t rank = input.size();
  int64_t batchAxis = adaptor.getBatchAxis(), timeAxis = adaptor.getTimeAxis();
  if (rank < 2)
    return emitOptionalError(location,
                             "reverse_sequence input must have rank >= 2, got ",
                             rank);
  if (failed(verifyAxis(location, batchAxis, rank, "batch_axis")) ||
      failed(verifyAxis(location, timeAxis, rank, "time_axis")))
    return failure();
  if (batchAxis == timeAxis)
    return emitOptionalError(location, "batch_axis and time_axis must differ, "
                                       "both are ",
                             batchAxis);
  if (lengths.size() != 1)
    return emitOptionalError(location, "sequence_lens must be 1-D, got shape ",
                             formatShape(lengths));
  if (!ShapedType::isDynamic(lengths[0]) &&
      !ShapedType::isDynamic(input[batchAxis]) &&
      lengths[0] != input[batchAxis])
    return emitOptionalError(location, "sequence_lens has ", lengths[0],
                             " entries for batch extent ", input[batchAxis],
                             " (dimension ", batchAxis, " of ",
                             formatShape(input), ")");
  inferredShapes.emplace_back(input);
  return success();
}

LogicalResult ReverseSequenceOp::verify() {
  int64_t timeAxis = getTimeAxis();
  if (llvm::is_contained(getQuantizedDimensions(getElementTypeOrSelf(
                             getInput().getType())),
                         timeAxis))
    return emitOpError("input is quantized along time_axis ")
           << timeAxis << ", whose values the op reorders";
  return success();
}

//===----------------------------------------------------------------------===//
// SqueezeOp, UnsqueezeOp, FlattenOp
//===----------------------------------------------------------------------===//

LogicalResult SqueezeOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  if (failed(verifyAxes(location, axes, shape.size())))
    return failure();
  SmallVector<int64_t> result;
  for (auto [dim, extent] : llvm::enumerate(shape)) {
    if (!llvm::is_contained(axes, static_cast<int64_t>(dim))) {
      result.push_back(extent);
      continue;
    }
    if (!ShapedType::isDynamic(extent) && extent != 1)
      return emitOptionalError(location, "cannot squeeze dimension ", dim,
                               " of extent ", extent, " in ",
                               formatShape(shape),
                               " (squeezed dimensions must have extent 1)");
  }
  inferredShapes.emplace_back(result);
  return success();
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  if (!getAxes().empty())
    return foldReshapedConstant(adaptor.getInput(), getOutput().getType());
  return foldIdentity(getInput(), getOutput().getType());
}

LogicalResult UnsqueezeOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  int64_t rank = shape.size() + axes.size();
  if (failed(verifyAxes(location, axes, rank)))
    return failure();
  SmallVector<int64_t> result;
  const int64_t *next = shape.begin();
  for (int64_t dim = 0; dim < rank; ++dim)
    result.push_back(llvm::is_contained(axes, dim) ? 1 : *next++);
  inferredShapes.emplace_back(result);
  return success();
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  if (!getAxes().empty())
    return foldReshapedConstant(adaptor.getInput(), getOutput().getType());
  return foldIdentity(getInput(), getOutput().getType());
}

LogicalResult FlattenOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  ArrayRef<int64_t> shape = getShape(adaptor.getInput());
  int64_t rank = shape.size();
  int64_t axis = adaptor.getAxis();
  if (axis < 0 || axis > rank)
    return emitOptionalError(location, "axis ", axis,
                             " is out of range for rank ", rank,
                             " (expected 0 <= axis <= ", rank, ")");
  // Multiplies the extents of `dims`; dynamic if any is dynamic.
  auto product = [](ArrayRef<int64_t> dims) -> std::optional<int64_t> {
    int64_t result = 1;
    for (int64_t extent : dims) {
      if (ShapedType::isDynamic(extent))
        return ShapedType::kDynamic;
      std::optional<int64_t> next = llvm::checkedMul(result, extent);
      if (!next)
        return std::nullopt;
      result = *next;
    }
    return result;
  };
  std::optional<int64_t> rows = product(shape.take_front(axis));
  std::optional<int64_t> columns = product(shape.drop_front(axis));
  if (!rows || !columns)
    return emitOptionalError(location, "flattening ", formatShape(shape),
                             " at axis ", axis,
                             " overflows the extent of a dimension");
  inferredShapes.emplace_back(SmallVector<int64_t>{*rows, *columns});
  return success();
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  // A matrix flattened at axis 1 keeps its shape.
  if (getShape(getInput()).size() == 2 && getAxis() == 1)
    return foldIdentity(getInput(), getOutput().getType());
  return foldReshapedConstant(adaptor.getInput(), getOutput().getType());
}

//===----------------------------------------------------------------------===//
// ResizeOp
//===----------------------------------------------------------------------===//

LogicalResult ResizeOp::verify() {
  ArrayRef<int64_t> input = getShape(getInput());
  ArrayRef<int64_t> output = getShape(getOutput());
  if (input.size() != output.size())
    return emitOpError("result rank ")
           << output.size() << " differs from the input rank " << input.size();
  int given = static_cast<bool>(getScales()) +
              static_cast<bool>(getDynamicScales()) +
              static_cast<bool>(getDynamicSizes());
  if (given > 1)
    return emitOpError("give at most one of scales, dynamic scales and "
                       "dynamic sizes");
  for (Value operand : {getDynamicScales(), getDynamicSizes()})
    if (operand && failed(verifyShapeOperand(*this, operand, input.size(),
                                             "the dynamic operand")))
      return failure();
  bool cropsAndResizes =
      getCoordinateTransform() == CoordinateTransform::tf_crop_and_resize;
  if (cropsAndResizes != static_cast<bool>(getRoi()))
    return emitOpError("a roi operand is needed for, and only for, "
                       "tf_crop_and_resize");
  if (Value roi = getRoi()) {
    FailureOr<int64_t> length = getShapeOperandLength(*this, roi, "roi");
    if (failed(length))
      return failure();
    if (*length != 2 * static_cast<int64_t>(input.size()))
      return emitOpError("roi has ")
             << *length << " entries, expected 2 * rank = "
             << 2 * input.size();
  }
  std::optional<ArrayRef<float>> scales = getScales();
  if (!scales)
    return success();
  if (scales->size() != input.size())
    return emitOpError("scales has ")
           << scales->size() << " entries for an input of rank "
           << input.size();
  for (float scale : *scales)
    if (!(scale > 0.0f) || std::isinf(scale))
      return emitOpError("scales must be positive and finite, got [")
             << *scales << "]";
  // A crop's extents depend on the values of roi.
  if (cropsAndResizes)
    return success();
  for (auto [dim, extent, result, scale] :
       llvm::enumerate(input, output, *scales)) {
    if (ShapedType::isDynamic(extent) || ShapedType::isDynamic(result))
      continue;
    // ONNX computes floor(extent * scale); runtimes differ in whether the
    // product is rounded to float first, so accept either result.
    double exact = std::floor(static_cast<double>(extent) * scale);
    double rounded = std::floor(static_cast<float>(extent) * scale);
    if (static_cast<double>(result) != exact &&
        static_cast<double>(result) != rounded)
      return emitOpError("result extent ")
             << result << " in dimension " << dim << " does not match floor("
             << extent << " * " << scale << ") = " << exact;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  Type input = getElementTypeOrSelf(getInput().getType());
  Type output = getElementTypeOrSelf(getOutput().getType());
  if (isa<quant::QuantizedType>(input) || isa<quant::QuantizedType>(output))
    return emitOpError("cannot cast ")
           << input << " to " << output
           << ": quantized tensors convert with kiln.quantize, "
              "kiln.dequantize or kiln.requantize";
  auto outputFloat = dyn_cast<FloatType>(output);
  if (getSaturate() &&
      (!isa<FloatType>(input) || !outputFloat || outputFloat.getWidth() > 8 ||
       isa<Float8E8M0FNUType>(output)))
    return emitOpError("saturate converts floats into float types of at most "
                       "8 bits (other than f8E8M0FNU), not ")
           << input << " into " << output;
  return success();
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult identity = foldIdentity(getInput(), getOutput().getType()))
    return identity;
  return foldCast(adaptor.getInput(), getOutput().getType(), getSaturate());
}

//===----------------------------------------------------------------------===//
// ShapeOp
//===----------------------------------------------------------------------===//

LogicalResult ShapeOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  int64_t rank = getShape(adaptor.getInput()).size();
  inferredShapes.emplace_back(SmallVector<int64_t>{rank});
  return success();
}

OpFoldResult ShapeOp::fold(FoldAdaptor) {
  auto input = cast<RankedTensorType>(getInput().getType());
  auto output = cast<RankedTensorType>(getOutput().getType());
  if (!input.hasStaticShape() || !output.hasStaticShape())
    return {};
  return DenseIntElementsAttr::get(output, input.getShape());
}
