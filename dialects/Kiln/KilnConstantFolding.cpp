//===- KilnConstantFolding.cpp - evaluate kiln ops on constants -----------===//

#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/APSInt.h"

#include <cstring>

namespace mlir::kiln {

DenseElementsAttr getFoldableConstant(Attribute attr) {
  auto dense = dyn_cast_if_present<DenseElementsAttr>(attr);
  if (!dense || dense.getNumElements() > kMaxFoldedElements)
    return {};
  Type element = dense.getElementType();
  if (!isa<IntegerType, FloatType>(element))
    return {};
  return dense;
}

namespace {

/// Maps a row-major index of `resultShape` to the index of an operand of
/// shape `shape` broadcast to it.
int64_t getBroadcastSource(int64_t index, ArrayRef<int64_t> resultShape,
                           ArrayRef<int64_t> shape) {
  int64_t source = 0, stride = 1;
  int64_t offset = resultShape.size() - shape.size();
  for (int64_t dim = resultShape.size() - 1; dim >= 0; --dim) {
    int64_t coordinate = index % resultShape[dim];
    index /= resultShape[dim];
    if (dim < offset)
      continue;
    int64_t extent = shape[dim - offset];
    source += (extent == 1 ? 0 : coordinate) * stride;
    stride *= extent;
  }
  return source;
}

} // namespace

Attribute foldBinary(Attribute lhsAttr, Attribute rhsAttr, Type resultType,
                     const BinaryFolder &folder) {
  DenseElementsAttr lhs = getFoldableConstant(lhsAttr);
  DenseElementsAttr rhs = getFoldableConstant(rhsAttr);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!lhs || !rhs || !type || !type.hasStaticShape() ||
      type.getNumElements() > kMaxFoldedElements ||
      lhs.getElementType() != rhs.getElementType())
    return {};
  ArrayRef<int64_t> shape = type.getShape();
  ArrayRef<int64_t> lhsShape = lhs.getType().getShape();
  ArrayRef<int64_t> rhsShape = rhs.getType().getShape();
  int64_t count = type.getNumElements();
  Type element = lhs.getElementType();

  if (isa<IntegerType>(element)) {
    if (!folder.integer)
      return {};
    bool isUnsigned = element.isUnsignedInteger();
    SmallVector<APInt> lhsValues(lhs.getValues<APInt>());
    SmallVector<APInt> rhsValues(rhs.getValues<APInt>());
    SmallVector<APInt> values;
    for (int64_t i = 0; i < count; ++i) {
      std::optional<APInt> value = folder.integer(
          lhsValues[getBroadcastSource(i, shape, lhsShape)],
          rhsValues[getBroadcastSource(i, shape, rhsShape)], isUnsigned);
      if (!value)
        return {};
      values.push_back(*value);
    }
    return DenseElementsAttr::get(type, values);
  }
  if (!folder.floating)
    return {};
  SmallVector<APFloat> lhsValues(lhs.getValues<APFloat>());
  SmallVector<APFloat> rhsValues(rhs.getValues<APFloat>());
  bool boolResult = type.getElementType().isInteger(1);
  SmallVector<APFloat> values;
  SmallVector<APInt> bools;
  for (int64_t i = 0; i < count; ++i) {
    std::optional<APFloat> value =
        folder.floating(lhsValues[getBroadcastSource(i, shape, lhsShape)],
                        rhsValues[getBroadcastSource(i, shape, rhsShape)]);
    if (!value)
      return {};
    if (boolResult)
      bools.emplace_back(1, value->isZero() ? 0 : 1);
    else
      values.push_back(*value);
  }
  if (boolResult)
    return DenseElementsAttr::get(type, bools);
  return DenseElementsAttr::get(type, values);
}

namespace {
/// Reads every element of a dense or dense_resource attribute as a `T`.
template <typename T>
FailureOr<SmallVector<T>> readElements(ElementsAttr elements) {
  SmallVector<T> result;
  Type element = elements.getElementType();
  if (auto dense = dyn_cast<DenseElementsAttr>(elements)) {
    if (isa<IntegerType>(element)) {
      bool isUnsigned = element.isUnsignedInteger() || element.isInteger(1);
      for (const APInt &value : dense.getValues<APInt>()) {
        // Convert each branch on its own: a shared conditional would turn
        // negative values into huge unsigned ones.
        if (isUnsigned)
          result.push_back(static_cast<T>(value.getZExtValue()));
        else
          result.push_back(static_cast<T>(value.getSExtValue()));
      }
      return result;
    }
    if (isa<FloatType>(element)) {
      for (const APFloat &value : dense.getValues<APFloat>())
        result.push_back(static_cast<T>(value.convertToDouble()));
      return result;
    }
    return failure();
  }
  auto resource = dyn_cast<DenseResourceElementsAttr>(elements);
  if (!resource || !resource.getRawHandle().getBlob())
    return failure();
  ArrayRef<char> bytes = resource.getRawHandle().getBlob()->getData();
  int64_t count = resource.getNumElements();
  unsigned width = element.getIntOrFloatBitWidth();
  if (width % 8 != 0 || bytes.size() != static_cast<size_t>(count) * width / 8)
    return failure();
  auto load = [&](int64_t i, auto sample) {
    decltype(sample) value;
    std::memcpy(&value, bytes.data() + i * sizeof(value), sizeof(value));
    return static_cast<T>(value);
  };
  for (int64_t i = 0; i < count; ++i) {
    if (element.isF32())
      result.push_back(load(i, float()));
    else if (element.isF64())
      result.push_back(load(i, double()));
    else if (element.isInteger(64))
      result.push_back(element.isUnsignedInteger() ? load(i, uint64_t())
                                                    : load(i, int64_t()));
    else if (element.isInteger(32))
      result.push_back(element.isUnsignedInteger() ? load(i, uint32_t())
                                                   : load(i, int32_t()));
    else if (element.isInteger(16))
      result.push_back(element.isUnsignedInteger() ? load(i, uint16_t())
                                                   : load(i, int16_t()));
    else if (element.isInteger(8))
      result.push_back(element.isUnsignedInteger() ? load(i, uint8_t())
                                                   : load(i, int8_t()));
    else
      return failure();
  }
  return result;
}
} // namespace

FailureOr<SmallVector<double>> readFloatElements(ElementsAttr elements) {
  return readElements<double>(elements);
}

FailureOr<SmallVector<int64_t>> readIntegerElements(ElementsAttr elements) {
  return readElements<int64_t>(elements);
}

DenseElementsAttr getFloatElements(ShapedType type, ArrayRef<double> values) {
  const llvm::fltSemantics &semantics =
      cast<FloatType>(type.getElementType()).getFloatSemantics();
  SmallVector<APFloat> elements;
  elements.reserve(values.size());
  for (double value : values) {
    APFloat element(value);
    bool losesInfo = false;
    element.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    elements.push_back(element);
  }
  return DenseElementsAttr::get(type, elements);
}

ElementsAttr getFloatConstant(ShapedType type, ArrayRef<double> values,
                              StringRef blobName) {
  if (!type.getElementType().isF32() || values.size() * sizeof(float) < 1024)
    return getFloatElements(type, values);
  SmallVector<float> floats(values.begin(), values.end());
  return DenseResourceElementsAttr::get(
      type, blobName,
      HeapAsmResourceBlob::allocateAndCopyInferAlign(ArrayRef<float>(floats)));
}

Attribute foldUnary(Attribute inputAttr, Type resultType,
                    function_ref<APInt(const APInt &)> integer,
                    function_ref<APFloat(const APFloat &)> floating) {
  DenseElementsAttr input = getFoldableConstant(inputAttr);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!input || !type || input.getType() != type)
    return {};
  if (isa<IntegerType>(type.getElementType())) {
    if (!integer)
      return {};
    return input.mapValues(type.getElementType(), integer);
  }
  if (!floating)
    return {};
  return input.mapValues(type.getElementType(), [&](const APFloat &value) {
    return floating(value).bitcastToAPInt();
  });
}

Attribute foldCast(Attribute inputAttr, Type resultType, bool saturate) {
  DenseElementsAttr input = getFoldableConstant(inputAttr);
  auto type = dyn_cast<RankedTensorType>(resultType);
  if (!input || !type || !type.hasStaticShape())
    return {};
  Type from = input.getElementType(), to = type.getElementType();
  if (!isa<IntegerType, FloatType>(to))
    return {};
  bool fromUnsigned = from.isUnsignedInteger() || from.isInteger(1);
  if (auto toInteger = dyn_cast<IntegerType>(to)) {
    SmallVector<APInt> values;
    if (isa<IntegerType>(from)) {
      for (const APInt &value : input.getValues<APInt>())
        values.push_back(toInteger.getWidth() == 1
                             ? APInt(1, !value.isZero())
                         : fromUnsigned ? value.zextOrTrunc(toInteger.getWidth())
                                        : value.sextOrTrunc(toInteger.getWidth()));
    } else {
      for (const APFloat &value : input.getValues<APFloat>()) {
        if (toInteger.getWidth() == 1) {
          values.emplace_back(1, !value.isZero());
          continue;
        }
        // Casts truncate toward zero; ONNX leaves out-of-range values (and
        // NaN) undefined, so those are not folded.
        APSInt result(toInteger.getWidth(), toInteger.isUnsigned());
        bool isExact = false;
        if (value.convertToInteger(result, APFloat::rmTowardZero, &isExact) &
            APFloat::opInvalidOp)
          return {};
        values.push_back(result);
      }
    }
    return DenseElementsAttr::get(type, values);
  }
  const llvm::fltSemantics &semantics = cast<FloatType>(to).getFloatSemantics();
  SmallVector<APFloat> values;
  if (isa<IntegerType>(from)) {
    for (const APInt &value : input.getValues<APInt>()) {
      APFloat result(semantics);
      result.convertFromAPInt(value, !fromUnsigned,
                              APFloat::rmNearestTiesToEven);
      values.push_back(result);
    }
  } else {
    bool hasNonFinite = APFloat::semanticsHasInf(semantics) ||
                        APFloat::semanticsHasNaN(semantics);
    for (APFloat value : input.getValues<APFloat>()) {
      bool losesInfo = false;
      if (saturate && !value.isNaN()) {
        APFloat largest = APFloat::getLargest(semantics);
        largest.convert(value.getSemantics(), APFloat::rmNearestTiesToEven,
                        &losesInfo);
        value = llvm::minnum(llvm::maxnum(value, -largest), largest);
      }
      if (!hasNonFinite && !value.isFinite())
        return {};
      value.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
      values.push_back(value);
    }
  }
  return DenseElementsAttr::get(type, values);
}

} // namespace mlir::kiln
