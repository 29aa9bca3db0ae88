//===- KilnAttrs.cpp - kiln attributes ------------------------------------===//

#include "dialects/Kiln/KilnDialect.h"
#include "dialects/Kiln/KilnMX.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_ATTRDEF_CLASSES
#include "dialects/Kiln/KilnAttrs.cpp.inc"

void KilnDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/Kiln/KilnAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// MXFormatAttr
//===----------------------------------------------------------------------===//

unsigned MXFormatAttr::getElementBitWidth() const {
  return getMXElementBitWidth(getElementFormat());
}

LogicalResult MXFormatAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   MXElementFormat elementFormat,
                                   int64_t blockSize, int64_t axis) {
  if (blockSize <= 0 || !llvm::isPowerOf2_64(blockSize))
    return emitError() << "MX block size must be a positive power of two, got "
                       << blockSize;
  if (axis < 0)
    return emitError() << "MX axis must be non-negative, got " << axis;
  return success();
}

LogicalResult MXFormatAttr::verifyEncoding(
    ArrayRef<int64_t> shape, Type elementType,
    function_ref<InFlightDiagnostic()> emitError) const {
  if (getAxis() >= static_cast<int64_t>(shape.size()))
    return emitError() << "MX axis " << getAxis()
                       << " is out of range for a tensor of rank "
                       << shape.size();
  if (!isa<FloatType>(elementType))
    return emitError() << "MX-encoded tensors hold their expressed float "
                          "values, not "
                       << elementType;
  return success();
}

//===----------------------------------------------------------------------===//
// FixedPointAttr
//===----------------------------------------------------------------------===//

LogicalResult
FixedPointAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                       unsigned bits, unsigned fractionBits, bool isSigned) {
  if (bits < 2 || bits > 64)
    return emitError() << "fixed-point width must be in [2, 64], got " << bits;
  if (fractionBits > 64)
    return emitError() << "fixed-point fraction bits must be at most 64, got "
                       << fractionBits;
  return success();
}

// #kiln.fixed_point<16, 8, signed>
Attribute FixedPointAttr::parse(AsmParser &parser, Type) {
  unsigned bits = 0, fractionBits = 0;
  StringRef signedness;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseInteger(bits) || parser.parseComma() ||
      parser.parseInteger(fractionBits) || parser.parseComma() ||
      parser.parseKeyword(&signedness) || parser.parseGreater())
    return {};
  if (signedness != "signed" && signedness != "unsigned") {
    parser.emitError(loc, "expected 'signed' or 'unsigned', got '")
        << signedness << "'";
    return {};
  }
  return getChecked([&] { return parser.emitError(loc); },
                    parser.getContext(), bits, fractionBits,
                    signedness == "signed");
}

void FixedPointAttr::print(AsmPrinter &printer) const {
  printer << '<' << getBits() << ", " << getFractionBits() << ", "
          << (getIsSigned() ? "signed" : "unsigned") << '>';
}

//===----------------------------------------------------------------------===//
// SparsityAttr
//===----------------------------------------------------------------------===//

LogicalResult SparsityAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   int64_t n, int64_t m, int64_t axis) {
  if (m <= 1 || m > 64 || !llvm::isPowerOf2_64(m))
    return emitError() << "sparsity group size M must be a power of two in "
                          "[2, 64], got "
                       << m;
  if (n <= 0 || n >= m)
    return emitError() << "sparsity N must satisfy 0 < N < M, got " << n << ":"
                       << m;
  if (axis < 0)
    return emitError() << "sparsity axis must be non-negative, got " << axis;
  return success();
}

// #kiln.sparsity<2:4, axis = 1>
Attribute SparsityAttr::parse(AsmParser &parser, Type) {
  int64_t n = 0, m = 0, axis = 0;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseInteger(n) || parser.parseColon() ||
      parser.parseInteger(m) || parser.parseComma() ||
      parser.parseKeyword("axis") || parser.parseEqual() ||
      parser.parseInteger(axis) || parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); },
                    parser.getContext(), n, m, axis);
}

void SparsityAttr::print(AsmPrinter &printer) const {
  printer << '<' << getN() << ':' << getM() << ", axis = " << getAxis() << '>';
}

LogicalResult SparsityAttr::verifyEncoding(
    ArrayRef<int64_t> shape, Type elementType,
    function_ref<InFlightDiagnostic()> emitError) const {
  if (getAxis() >= static_cast<int64_t>(shape.size()))
    return emitError() << "sparsity axis " << getAxis()
                       << " is out of range for a tensor of rank "
                       << shape.size();
  int64_t extent = shape[getAxis()];
  if (!ShapedType::isDynamic(extent) && extent % getM() != 0)
    return emitError() << "dimension " << getAxis() << " of extent " << extent
                       << " is not a multiple of the sparsity group size "
                       << getM();
  return success();
}

//===----------------------------------------------------------------------===//
// PrecisionAttr
//===----------------------------------------------------------------------===//

LogicalResult PrecisionAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                    NumericFormat format, Type accumulator,
                                    MXFormatAttr block) {
  bool isIntegerFormat =
      format == NumericFormat::int8 || format == NumericFormat::int4 ||
      (format == NumericFormat::mx && block &&
       block.getElementFormat() == MXElementFormat::int8);
  if (isIntegerFormat) {
    auto integer = dyn_cast<IntegerType>(accumulator);
    if (!integer || !integer.isSignless() || integer.getWidth() < 16)
      return emitError() << "integer format " << stringifyNumericFormat(format)
                         << " needs a signless integer accumulator of at "
                            "least 16 bits, got "
                         << accumulator;
  } else {
    auto floatType = dyn_cast<FloatType>(accumulator);
    unsigned formatWidth = format == NumericFormat::f32 ? 32
                           : format == NumericFormat::bf16 ||
                                   format == NumericFormat::f16
                               ? 16
                               : 8;
    if (!floatType || floatType.getWidth() < formatWidth)
      return emitError() << "float format " << stringifyNumericFormat(format)
                         << " needs a float accumulator of at least "
                         << formatWidth << " bits, got " << accumulator;
  }
  if ((format == NumericFormat::mx) != static_cast<bool>(block))
    return emitError() << "a block format is given exactly when the format "
                          "is mx";
  return success();
}
