//===- KilnElementwiseOps.cpp - unary, binary and ternary math ------------===//

#include "dialects/Kiln/KilnOps.h"

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

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 0))
    return folded;
  return foldRightIdentity(getRhs(), adaptor.getLhs(), getType(), 0);
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1))
    return folded;
  return foldRightIdentity(getRhs(), adaptor.getLhs(), getType(), 1);
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldRightIdentity(getLhs(), adaptor.getRhs(), getType(), 1);
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
