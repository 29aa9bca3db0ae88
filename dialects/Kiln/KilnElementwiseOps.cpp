//===- KilnElementwiseOps.cpp - unary, binary and ternary math ------------===//

#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnElementwiseOps.cpp.inc"

void KilnDialect::registerElementwiseOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnElementwiseOps.cpp.inc"
      >();
}

namespace {

/// Returns true if `attr` is a splat float or integer constant equal to
/// `value` (quantized constants never match: their stored value is not the
/// real one).
bool isSplatOf(Attribute attr, int64_t value) {
  auto splat = dyn_cast_if_present<SplatElementsAttr>(attr);
  if (!splat)
    return false;
  Type element = splat.getElementType();
  if (isa<FloatType>(element))
    return splat.getSplatValue<APFloat>().isExactlyValue(
        static_cast<double>(value));
  if (isa<IntegerType>(element))
    return splat.getSplatValue<APInt>().getSExtValue() == value;
  return false;
}

/// Folds `x op c` to `x` when `c` is the splat `identity` and folding changes
/// neither the result shape nor its type.
OpFoldResult foldRightIdentity(Value lhs, Attribute rhs, Type resultType,
                               int64_t identity) {
  if (lhs.getType() == resultType && isSplatOf(rhs, identity))
    return lhs;
  return {};
}

/// Checks that a clip bound suits the clipped tensor's element type.
LogicalResult verifyClipBound(ClipOp op, Attribute bound, StringRef name) {
  if (!bound)
    return success();
  Type element = getElementTypeOrSelf(op.getInput().getType());
  bool wantsInteger = isa<IntegerType>(element);
  Type expected = getExpressedElementType(element);
  Type actual = cast<TypedAttr>(bound).getType();
  if (wantsInteger ? !isa<IntegerAttr>(bound) : !isa<FloatAttr>(bound))
    return op.emitOpError()
           << name << " must be " << (wantsInteger ? "an integer" : "a float")
           << " attribute for elements of type " << element;
  if (actual != expected)
    return op.emitOpError() << name << " has type " << actual << ", expected "
                            << expected;
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// ClipOp
//===----------------------------------------------------------------------===//

LogicalResult ClipOp::verify() {
  if (failed(verifyClipBound(*this, getMinAttr(), "min")) ||
      failed(verifyClipBound(*this, getMaxAttr(), "max")))
    return failure();
  auto minFloat = dyn_cast_if_present<FloatAttr>(getMinAttr());
  auto maxFloat = dyn_cast_if_present<FloatAttr>(getMaxAttr());
  if (minFloat && maxFloat &&
      minFloat.getValueAsDouble() > maxFloat.getValueAsDouble())
    return emitOpError("min ") << minFloat.getValueAsDouble()
                               << " exceeds max "
                               << maxFloat.getValueAsDouble();
  auto minInt = dyn_cast_if_present<IntegerAttr>(getMinAttr());
  auto maxInt = dyn_cast_if_present<IntegerAttr>(getMaxAttr());
  if (minInt && maxInt) {
    bool isUnsigned = getElementTypeOrSelf(getInput().getType()).isUnsignedInteger();
    bool inverted = isUnsigned ? minInt.getValue().ugt(maxInt.getValue())
                               : minInt.getValue().sgt(maxInt.getValue());
    if (inverted)
      return emitOpError("min exceeds max");
  }
  return success();
}

OpFoldResult ClipOp::fold(FoldAdaptor) {
  // Without bounds clip is the identity.
  if (!getMinAttr() && !getMaxAttr() &&
      getInput().getType() == getOutput().getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// Arithmetic folders
//===----------------------------------------------------------------------===//

namespace {

/// Folds `lhs op rhs` on constants with `integer` / `floating`.
template <typename IntFn, typename FloatFn>
Attribute foldArithmetic(Attribute lhs, Attribute rhs, Type type, IntFn integer,
                         FloatFn floating) {
  BinaryFolder folder;
  folder.integer = [&](const APInt &a, const APInt &b,
                       bool isUnsigned) -> std::optional<APInt> {
    return integer(a, b, isUnsigned);
  };
  folder.floating = [&](const APFloat &a,
                        const APFloat &b) -> std::optional<APFloat> {
    return floating(a, b);
  };
  return foldBinary(lhs, rhs, type, folder);
}

/// Folds a comparison on constants; `predicate` receives -1, 0 or 1 as
/// lhs <, ==, > rhs (nothing for unordered floats: NaN compares false).
Attribute foldComparison(Attribute lhs, Attribute rhs, Type type,
                         function_ref<bool(int)> predicate) {
  BinaryFolder folder;
  folder.integer = [&](const APInt &a, const APInt &b,
                       bool isUnsigned) -> std::optional<APInt> {
    int order = isUnsigned ? (a.ult(b) ? -1 : a == b ? 0 : 1)
                           : (a.slt(b) ? -1 : a == b ? 0 : 1);
    return APInt(1, predicate(order));
  };
  folder.floating = [&](const APFloat &a,
                        const APFloat &b) -> std::optional<APFloat> {
    APFloat::cmpResult order = a.compare(b);
    bool result = order != APFloat::cmpUnordered &&
                  predicate(order == APFloat::cmpLessThan    ? -1
                            : order == APFloat::cmpEqual     ? 0
                                                             : 1);
    return APFloat(result ? 1.0f : 0.0f);
  };
  return foldBinary(lhs, rhs, type, folder);
}

} // namespace

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 0))
    return folded;
  if (OpFoldResult folded =
          foldRightIdentity(getRhs(), adaptor.getLhs(), getType(), 0))
    return folded;
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b, bool) { return a + b; },
      [](const APFloat &a, const APFloat &b) { return a + b; });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 0))
    return folded;
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b, bool) { return a - b; },
      [](const APFloat &a, const APFloat &b) { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1))
    return folded;
  if (OpFoldResult folded =
          foldRightIdentity(getRhs(), adaptor.getLhs(), getType(), 1))
    return folded;
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b, bool) { return a * b; },
      [](const APFloat &a, const APFloat &b) { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1))
    return folded;
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b,
         bool isUnsigned) -> std::optional<APInt> {
        // Integer division truncates toward zero; x / 0 stays a runtime op.
        if (b.isZero() || (!isUnsigned && a.isMinSignedValue() && b.isAllOnes()))
          return std::nullopt;
        return isUnsigned ? a.udiv(b) : a.sdiv(b);
      },
      [](const APFloat &a, const APFloat &b) { return a / b; });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return (isUnsigned ? a.ugt(b) : a.sgt(b)) ? a : b;
      },
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  return foldArithmetic(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return (isUnsigned ? a.ult(b) : a.slt(b)) ? a : b;
      },
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  bool isUnsigned = getElementTypeOrSelf(getType()).isUnsignedInteger();
  return foldUnary(
      adaptor.getInput(), getType(),
      [&](const APInt &value) { return isUnsigned ? value : value.abs(); },
      [](const APFloat &value) { return abs(value); });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      adaptor.getInput(), getType(), [](const APInt &value) { return -value; },
      [](const APFloat &value) { return neg(value); });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  return foldUnary(adaptor.getInput(), getType(),
                   [](const APInt &value) { return ~value; }, nullptr);
}

OpFoldResult EqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getLhs(), adaptor.getRhs(), getType(),
                        [](int order) { return order == 0; });
}

OpFoldResult GreaterOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getLhs(), adaptor.getRhs(), getType(),
                        [](int order) { return order > 0; });
}

OpFoldResult GreaterEqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getLhs(), adaptor.getRhs(), getType(),
                        [](int order) { return order >= 0; });
}

OpFoldResult LessOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getLhs(), adaptor.getRhs(), getType(),
                        [](int order) { return order < 0; });
}

OpFoldResult LessEqualOp::fold(FoldAdaptor adaptor) {
  return foldComparison(adaptor.getLhs(), adaptor.getRhs(), getType(),
                        [](int order) { return order <= 0; });
}

//===----------------------------------------------------------------------===//
// PowOp
//===----------------------------------------------------------------------===//

LogicalResult PowOp::verify() {
  // ONNX Pow allows an exponent of another type; the result takes the base's.
  Type base = getElementTypeOrSelf(getLhs().getType());
  Type result = getElementTypeOrSelf(getOutput().getType());
  if (base != result)
    return emitOpError("result element type ")
           << result << " must match the base's " << base;
  if (isa<quant::QuantizedType>(base) ||
      isa<quant::QuantizedType>(getElementTypeOrSelf(getRhs().getType())))
    return emitOpError("quantized operands must be dequantized first");
  return success();
}

//===----------------------------------------------------------------------===//
// WhereOp
//===----------------------------------------------------------------------===//

LogicalResult WhereOp::inferReturnTypeComponents(
    MLIRContext *context, std::optional<Location> location, Adaptor adaptor,
    SmallVectorImpl<ShapedTypeComponents> &inferredShapes) {
  return inferBroadcastShape(location, adaptor.getOperands(), inferredShapes);
}
