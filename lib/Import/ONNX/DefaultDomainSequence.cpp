//===- DefaultDomainSequence.cpp - ONNX sequence ops ----------------------===//
//
// Sequences are unrolled at import (see `Sequence` in NodeBinder.h): each
// sequence op rearranges the list of element values. Positions computed at
// run time select among same-typed elements with `kiln.where` chains; the
// sequence length itself must follow from the graph, so a sequence never
// reaches the compiled code and models take and return tensors only.
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"
#include "NodeBinder.h"
#include "OpTable.h"

using namespace mlir;
using namespace mlir::kiln;
using namespace mlir::kiln::onnx_import;

namespace {

/// A sequence position input (a scalar int32 / int64 tensor): a constant
/// one as its value, else the run-time value normalized to count from the
/// front (`pos < 0 ? pos + length : pos`).
struct Position {
  std::optional<int64_t> constant;
  Value runtime;
};

FailureOr<Position> bindPosition(NodeBinder &binder, unsigned index,
                                 int64_t length) {
  Value position = binder.getInput(index);
  if (!position)
    return failure();
  RankedTensorType type = getTensorType(position);
  if (type.getNumElements() != 1 || !type.getElementType().isInteger()) {
    binder.emitError() << "position input #" << index
                       << " must be a scalar integer, got " << type;
    return failure();
  }
  if (!isRuntimeValue(position)) {
    FailureOr<SmallVector<int64_t>> value =
        binder.getConstantInts(index, "the position");
    if (failed(value))
      return failure();
    return Position{value->front(), {}};
  }
  Type element = type.getElementType();
  auto scalarType = RankedTensorType::get({}, element);
  if (type.getRank() != 0)
    position = ReshapeOp::create(binder.getBuilder(), binder.getLoc(),
                                 scalarType, position, Value());
  auto scalar = [&](int64_t value) {
    return binder.createConstant(DenseElementsAttr::get(
        scalarType, IntegerAttr::get(element, value).getValue()));
  };
  FailureOr<LessOp> negative = binder.create<LessOp>(
      {IntegerType::get(binder.getContext(), 1)}, position, scalar(0));
  FailureOr<AddOp> shifted =
      binder.create<AddOp>({element}, position, scalar(length));
  if (failed(negative) || failed(shifted))
    return failure();
  FailureOr<WhereOp> normalized = binder.create<WhereOp>(
      {element}, *negative, *shifted, position);
  if (failed(normalized))
    return failure();
  return Position{std::nullopt, *normalized};
}

/// Checks a constant position against [lowest, highest] and counts it from
/// the front of a sequence of `length` elements.
FailureOr<int64_t> normalizeConstantPosition(NodeBinder &binder,
                                             int64_t position, int64_t lowest,
                                             int64_t highest, int64_t length) {
  if (position < lowest || position > highest) {
    binder.emitError() << "position " << position << " is outside ["
                       << lowest << ", " << highest << "] for a sequence of "
                       << length << " element(s)";
    return failure();
  }
  return position < 0 ? position + length : position;
}

/// Requires what a run-time position selects among to share one type.
LogicalResult checkSelectable(NodeBinder &binder, ArrayRef<Value> candidates) {
  for (Value candidate : candidates)
    if (candidate.getType() != candidates.front().getType()) {
      binder.emitError() << "a position computed at run time selects among "
                            "elements of one type; this sequence holds "
                         << candidates.front().getType() << " and "
                         << candidate.getType();
      return failure();
    }
  return success();
}

/// `position == index` (or `position OP index` for Less / Greater) as an i1
/// scalar.
template <typename CompareOp>
FailureOr<Value> comparePosition(NodeBinder &binder, Value position,
                                 int64_t index) {
  auto type = cast<RankedTensorType>(position.getType());
  Value constant = binder.createConstant(DenseElementsAttr::get(
      type, IntegerAttr::get(type.getElementType(), index).getValue()));
  FailureOr<CompareOp> compare = binder.create<CompareOp>(
      {IntegerType::get(binder.getContext(), 1)}, position, constant);
  if (failed(compare))
    return failure();
  return compare->getResult();
}

FailureOr<Value> select(NodeBinder &binder, FailureOr<Value> condition,
                        Value ifTrue, Value ifFalse) {
  if (failed(condition))
    return failure();
  FailureOr<WhereOp> where = binder.create<WhereOp>(
      {getElementTypeOrSelf(ifTrue.getType())}, *condition, ifTrue, ifFalse);
  if (failed(where))
    return failure();
  return where->getResult();
}

LogicalResult importSequenceEmpty(NodeBinder &binder) {
  FailureOr<Type> element = getDataTypeAttr(
      binder, "dtype", Float32Type::get(binder.getContext()),
      [](Type) { return true; }, "a tensor element type");
  if (failed(element))
    return failure();
  binder.setSequenceOutput(
      0, Sequence{UnrankedTensorType::get(*element), {}});
  return success();
}

LogicalResult importSequenceConstruct(NodeBinder &binder) {
  Sequence sequence;
  for (unsigned i = 0; i < binder.getNumInputs(); ++i) {
    Value input = binder.getInput(i);
    if (!input)
      return failure();
    if (i != 0 && getElementTypeOrSelf(input.getType()) !=
                      getElementTypeOrSelf(sequence.elementType)) {
      binder.emitError() << "input #" << i << " has element type "
                         << getElementTypeOrSelf(input.getType())
                         << ", the sequence "
                         << getElementTypeOrSelf(sequence.elementType);
      return failure();
    }
    sequence.elementType = input.getType();
    sequence.elements.push_back(input);
  }
  if (sequence.elements.empty()) {
    binder.emitError() << "expected at least one input";
    return failure();
  }
  binder.setSequenceOutput(0, std::move(sequence));
  return success();
}

LogicalResult importSequenceInsert(NodeBinder &binder) {
  FailureOr<Sequence> sequence = binder.getSequenceInput(0);
  Value tensor = binder.getInput(1);
  if (failed(sequence) || !tensor)
    return failure();
  if (getElementTypeOrSelf(tensor.getType()) !=
      getElementTypeOrSelf(sequence->elementType)) {
    binder.emitError() << "inserting a tensor of "
                       << getElementTypeOrSelf(tensor.getType())
                       << " into a sequence of "
                       << getElementTypeOrSelf(sequence->elementType);
    return failure();
  }
  SmallVector<Value> &elements = sequence->elements;
  int64_t length = elements.size();
  sequence->elementType = tensor.getType();
  if (!binder.hasInput(2)) {
    elements.push_back(tensor);
    binder.setSequenceOutput(0, std::move(*sequence));
    return success();
  }
  FailureOr<Position> position = bindPosition(binder, 2, length);
  if (failed(position))
    return failure();
  if (position->constant) {
    FailureOr<int64_t> index = normalizeConstantPosition(
        binder, *position->constant, -length, length, length);
    if (failed(index))
      return failure();
    elements.insert(elements.begin() + *index, tensor);
    binder.setSequenceOutput(0, std::move(*sequence));
    return success();
  }
  SmallVector<Value> candidates(elements);
  candidates.push_back(tensor);
  if (failed(checkSelectable(binder, candidates)))
    return failure();
  // result[i] = i < pos ? old[i] : (i == pos ? tensor : old[i - 1])
  SmallVector<Value> inserted;
  for (int64_t i = 0; i <= length; ++i) {
    FailureOr<Value> element = tensor;
    if (i > 0)
      element = select(binder,
                       comparePosition<EqualOp>(binder, position->runtime, i),
                       tensor, elements[i - 1]);
    if (succeeded(element) && i < length)
      element = select(
          binder, comparePosition<GreaterOp>(binder, position->runtime, i),
          elements[i], *element);
    if (failed(element))
      return failure();
    inserted.push_back(*element);
  }
  sequence->elements = std::move(inserted);
  binder.setSequenceOutput(0, std::move(*sequence));
  return success();
}

LogicalResult importSequenceErase(NodeBinder &binder) {
  FailureOr<Sequence> sequence = binder.getSequenceInput(0);
  if (failed(sequence))
    return failure();
  SmallVector<Value> &elements = sequence->elements;
  int64_t length = elements.size();
  if (length == 0) {
    binder.emitError() << "erasing from an empty sequence";
    return failure();
  }
  if (!binder.hasInput(1)) {
    elements.pop_back();
    binder.setSequenceOutput(0, std::move(*sequence));
    return success();
  }
  FailureOr<Position> position = bindPosition(binder, 1, length);
  if (failed(position))
    return failure();
  if (position->constant) {
    FailureOr<int64_t> index = normalizeConstantPosition(
        binder, *position->constant, -length, length - 1, length);
    if (failed(index))
      return failure();
    elements.erase(elements.begin() + *index);
    binder.setSequenceOutput(0, std::move(*sequence));
    return success();
  }
  if (failed(checkSelectable(binder, elements)))
    return failure();
  // result[i] = i < pos ? old[i] : old[i + 1]
  SmallVector<Value> remaining;
  for (int64_t i = 0; i + 1 < length; ++i) {
    FailureOr<Value> element =
        select(binder, comparePosition<GreaterOp>(binder, position->runtime, i),
               elements[i], elements[i + 1]);
    if (failed(element))
      return failure();
    remaining.push_back(*element);
  }
  sequence->elements = std::move(remaining);
  binder.setSequenceOutput(0, std::move(*sequence));
  return success();
}

LogicalResult importSequenceAt(NodeBinder &binder) {
  FailureOr<Sequence> sequence = binder.getSequenceInput(0);
  if (failed(sequence))
    return failure();
  ArrayRef<Value> elements = sequence->elements;
  int64_t length = elements.size();
  if (length == 0) {
    binder.emitError() << "reading from an empty sequence";
    return failure();
  }
  FailureOr<Position> position = bindPosition(binder, 1, length);
  if (failed(position))
    return failure();
  if (position->constant) {
    FailureOr<int64_t> index = normalizeConstantPosition(
        binder, *position->constant, -length, length - 1, length);
    if (failed(index))
      return failure();
    binder.setOutput(0, elements[*index]);
    return success();
  }
  if (failed(checkSelectable(binder, elements)))
    return failure();
  // An out-of-range position (invalid in ONNX) reads the last element.
  Value result = elements.back();
  for (int64_t i = length - 2; i >= 0; --i) {
    FailureOr<Value> selected =
        select(binder, comparePosition<EqualOp>(binder, position->runtime, i),
               elements[i], result);
    if (failed(selected))
      return failure();
    result = *selected;
  }
  binder.setOutput(0, result);
  return success();
}

LogicalResult importSequenceLength(NodeBinder &binder) {
  FailureOr<Sequence> sequence = binder.getSequenceInput(0);
  if (failed(sequence))
    return failure();
  auto type = RankedTensorType::get({}, binder.getBuilder().getI64Type());
  binder.setOutput(0, binder.createConstant(DenseElementsAttr::get(
                          type, APInt(64, sequence->elements.size()))));
  return success();
}

LogicalResult importConcatFromSequence(NodeBinder &binder) {
  FailureOr<Sequence> sequence = binder.getSequenceInput(0);
  if (failed(sequence) || failed(binder.requireAttr("axis")))
    return failure();
  if (sequence->elements.empty()) {
    binder.emitError() << "concatenating an empty sequence";
    return failure();
  }
  bool newAxis = binder.getInt("new_axis", 0) != 0;
  int64_t rank = getTensorType(sequence->elements.front()).getRank();
  FailureOr<int64_t> axis =
      binder.normalizeAxis(binder.getInt("axis", 0), rank + (newAxis ? 1 : 0));
  if (failed(axis))
    return failure();
  Type element = getElementTypeOrSelf(sequence->elementType);
  SmallVector<Value> pieces;
  for (Value piece : sequence->elements) {
    if (newAxis) {
      FailureOr<UnsqueezeOp> unsqueezed = binder.create<UnsqueezeOp>(
          {element}, piece, ArrayRef<int64_t>{*axis});
      if (failed(unsqueezed))
        return failure();
      piece = *unsqueezed;
    }
    pieces.push_back(piece);
  }
  return setSingleOutput(binder,
                         binder.create<ConcatOp>({element}, pieces, *axis));
}

/// SplitToSequence: pieces of the given sizes (a 1-D `split`), of a given
/// size with a smaller last one (a scalar `split`), or of size 1 with the
/// split dimension kept or dropped (`keepdims`, no `split`).
LogicalResult importSplitToSequence(NodeBinder &binder) {
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  RankedTensorType type = getTensorType(input);
  FailureOr<int64_t> axis =
      binder.normalizeAxis(binder.getInt("axis", 0), type.getRank());
  if (failed(axis))
    return failure();
  int64_t extent = type.getDimSize(*axis);
  SmallVector<int64_t> sizes;
  Value dynamicSizes;
  bool dropAxis = false;
  Value split = binder.getOptionalInput(1);
  RankedTensorType splitType = split ? getTensorType(split) : nullptr;
  if (split && splitType.getRank() == 1 && isRuntimeValue(split)) {
    // Sizes computed at run time: their count fixes the length.
    dynamicSizes = split;
    sizes.assign(splitType.getDimSize(0), ShapedType::kDynamic);
  } else if (split) {
    FailureOr<SmallVector<int64_t>> values =
        binder.getConstantInts(1, "the split sizes");
    if (failed(values))
      return failure();
    sizes = std::move(*values);
  } else {
    dropAxis = binder.getInt("keepdims", 1) == 0;
  }
  if (splitType && splitType.getRank() == 0) {
    int64_t piece = sizes.front();
    if (ShapedType::isDynamic(extent) || piece <= 0) {
      binder.emitError() << "splitting dimension " << *axis
                         << " in pieces of " << piece
                         << " needs its static extent and a positive size";
      return failure();
    }
    sizes.clear();
    for (int64_t offset = 0; offset < extent; offset += piece)
      sizes.push_back(std::min(piece, extent - offset));
  } else if (!split) {
    if (ShapedType::isDynamic(extent)) {
      binder.emitError() << "splitting dimension " << *axis
                         << " needs its static extent";
      return failure();
    }
    sizes.assign(extent, 1);
  }
  if (sizes.empty()) {
    binder.emitError() << "splitting into no pieces";
    return failure();
  }
  SplitOp pieces = buildSplit(binder, input, sizes, dynamicSizes, *axis);
  Sequence sequence{pieces.getResult(0).getType(), {}};
  for (Value piece : pieces.getResults()) {
    if (dropAxis) {
      FailureOr<SqueezeOp> squeezed = binder.create<SqueezeOp>(
          {type.getElementType()}, piece, ArrayRef<int64_t>{*axis});
      if (failed(squeezed))
        return failure();
      piece = *squeezed;
    }
    sequence.elementType = piece.getType();
    sequence.elements.push_back(piece);
  }
  binder.setSequenceOutput(0, std::move(sequence));
  return success();
}

} // namespace

void mlir::kiln::onnx_import::populateDefaultDomainSequence(OpTable &table) {
  table.onOp("ConcatFromSequence", 11, importConcatFromSequence);
  table.onOp("SequenceAt", 11, importSequenceAt);
  table.onOp("SequenceConstruct", 11, importSequenceConstruct);
  table.onOp("SequenceEmpty", 11, importSequenceEmpty);
  table.onOp("SequenceErase", 11, importSequenceErase);
  table.onOp("SequenceInsert", 11, importSequenceInsert);
  table.onOp("SequenceLength", 11, importSequenceLength);
  table.onOp("SplitToSequence", 11, importSplitToSequence);
}
