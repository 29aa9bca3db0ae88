//===- RefineShapes.cpp - static extents for run-time extents -------------===//
//
// An extent that depends on operand values (kiln.range's length, a window
// size read from an input) is `?` and every elementwise op downstream
// inherits it, although the model's declared shapes usually fix it further
// down (the importer refines only the values that the model declares).
// Kiln compiles static shapes, so this pass gives `?` extents the static
// extents that their uses and definitions imply, until nothing changes:
//
// - backwards, from an op's static result extents to its operands:
//   elementwise ops (same shape, or numpy broadcasting, where a run-time
//   extent meeting a static extent N is taken to be N: the compiled code
//   assumes that run-time extents do not broadcast), squeeze and unsqueeze;
// - forwards, from operands to results through shape inference.
//
// Refining never changes a static extent, so it terminates. Uses that imply
// two different extents leave the second op failing verification, naming
// the conflict.
//
//===----------------------------------------------------------------------===//

#include "kiln/Transforms/Passes.h"

#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnShapeUtils.h"

#include "mlir/Interfaces/InferTypeOpInterface.h"

namespace mlir::kiln {
#define GEN_PASS_DEF_REFINESHAPESPASS
#include "kiln/Transforms/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The ops of the elementwise family: each result element is a function of
/// the operand elements at the same position after numpy broadcasting.
bool isElementwise(Operation *op) {
  return isa<
#define GET_OP_LIST
#include "dialects/Kiln/KilnElementwiseOps.cpp.inc"
      >(op);
}

/// Replaces the `?` extents of `value`'s type by the static entries of
/// `extents`; returns whether anything changed. Block arguments (function
/// inputs) and values that other dialects' ops use (func.return, whose
/// types must match the function's) keep their types.
bool refineValue(Value value, ArrayRef<int64_t> extents) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || isa<BlockArgument>(value) ||
      type.getRank() != static_cast<int64_t>(extents.size()) ||
      llvm::any_of(value.getUsers(), [](Operation *user) {
        return !isa_and_nonnull<KilnDialect>(user->getDialect());
      }))
    return false;
  SmallVector<int64_t> shape(type.getShape());
  bool changed = false;
  for (auto [extent, known] : llvm::zip_equal(shape, extents)) {
    if (!ShapedType::isDynamic(extent) || ShapedType::isDynamic(known))
      continue;
    extent = known;
    changed = true;
  }
  if (changed)
    value.setType(type.clone(shape));
  return changed;
}

/// The extents of `operand` that `op`'s static result extents imply, `?`
/// where they imply none; nothing for ops this pass does not look through.
std::optional<SmallVector<int64_t>> impliedOperandExtents(Operation *op,
                                                          Value operand) {
  auto operandType = dyn_cast<RankedTensorType>(operand.getType());
  if (!operandType || op->getNumResults() != 1)
    return std::nullopt;
  auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!resultType)
    return std::nullopt;
  ArrayRef<int64_t> result = resultType.getShape();
  int64_t rank = operandType.getRank();
  if (isElementwise(op) ||
      op->hasTrait<mlir::OpTrait::SameOperandsAndResultShape>()) {
    // Right-aligned; a static extent N of the result is N here (or 1, which
    // static operand types already say).
    if (rank > resultType.getRank())
      return std::nullopt;
    return SmallVector<int64_t>(result.take_back(rank));
  }
  if (auto unsqueeze = dyn_cast<UnsqueezeOp>(op)) {
    SmallVector<int64_t> extents;
    for (auto [dim, extent] : llvm::enumerate(result))
      if (!llvm::is_contained(unsqueeze.getAxes(), static_cast<int64_t>(dim)))
        extents.push_back(extent);
    return extents;
  }
  if (auto squeeze = dyn_cast<SqueezeOp>(op)) {
    SmallVector<int64_t> extents;
    const int64_t *next = result.begin();
    for (int64_t dim = 0; dim < rank; ++dim)
      extents.push_back(
          llvm::is_contained(squeeze.getAxes(), dim)
              ? 1
              : (next == result.end() ? ShapedType::kDynamic : *next++));
    return extents;
  }
  return std::nullopt;
}

/// Refines `op`'s operands from its results.
bool refineOperands(Operation *op) {
  bool changed = false;
  for (Value operand : op->getOperands())
    if (std::optional<SmallVector<int64_t>> extents =
            impliedOperandExtents(op, operand))
      changed |= refineValue(operand, *extents);
  return changed;
}

/// Refines `op`'s results from its operands by shape inference (or, for
/// ops with the operands' shape, from any operand).
bool refineResults(Operation *op) {
  if (op->hasTrait<mlir::OpTrait::SameOperandsAndResultShape>()) {
    bool changed = false;
    for (Value operand : op->getOperands())
      for (Value result : op->getResults())
        changed |= refineValue(result, getShape(operand));
    return changed;
  }
  auto inferring = dyn_cast<InferShapedTypeOpInterface>(op);
  if (!inferring)
    return false;
  SmallVector<ShapedTypeComponents> inferred;
  // Without a location, inference reports nothing: a failure here is the
  // verifier's to report.
  if (failed(inferring.inferReturnTypeComponents(
          op->getContext(), /*location=*/std::nullopt, op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), inferred)) ||
      inferred.size() != op->getNumResults())
    return false;
  bool changed = false;
  for (auto [result, components] : llvm::zip(op->getResults(), inferred))
    if (components.hasRank())
      changed |= refineValue(result, components.getDims());
  return changed;
}

struct RefineShapesPass : kiln::impl::RefineShapesPassBase<RefineShapesPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa_and_nonnull<KilnDialect>(op->getDialect()))
        ops.push_back(op);
    });
    bool changed = true;
    while (changed) {
      changed = false;
      for (Operation *op : llvm::reverse(ops))
        changed |= refineOperands(op);
      for (Operation *op : ops)
        changed |= refineResults(op);
    }
  }
};

} // namespace
