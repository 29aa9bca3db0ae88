//===- KilnDomain.cpp - ai.kiln ops: formats ONNX lacks -------------------===//
//
// Kiln's own ONNX domain, for what Kiln's tools write into models and ONNX
// cannot express.
//
// DequantizeMX (since version 1) decodes an OCP MX weight:
//   inputs      codes   UINT8, the weight's shape: one element code per
//                       byte (FP4 / FP6 codes in the low bits, the FP8 or
//                       int8 byte as it is)
//               scales  UINT8 E8M0 exponents, the weight's shape with
//                       ceil(extent / block_size) blocks along `axis`
//   attributes  element_format  "fp4_e2m1", "fp6_e2m3", "fp6_e3m2",
//                               "fp8_e4m3", "fp8_e5m2" or "int8"
//               axis            int, required
//               block_size      int, default 32
//   output      float32: 2^(scale - 127) * element (kiln.mx_dequantize)
//
//===----------------------------------------------------------------------===//

#include "HandlerUtils.h"

#include "dialects/Kiln/KilnMX.h"

#include "mlir/IR/DialectResourceBlobManager.h"

namespace mlir::kiln::onnx_import {

namespace {

/// The raw bytes of a constant of byte-sized elements (one element for a
/// splat), or nothing for an unreadable resource.
ArrayRef<char> getRawBytes(ElementsAttr elements) {
  if (auto dense = dyn_cast<DenseElementsAttr>(elements))
    return dense.getRawData();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(elements))
    if (AsmResourceBlob *blob = resource.getRawHandle().getBlob())
      return blob->getData();
  return {};
}

/// The same bytes as a constant of `type` (one byte per element as well):
/// a resource blob is shared, not copied.
Value retypeBytes(NodeBinder &binder, ElementsAttr bytes,
                  RankedTensorType type) {
  ElementsAttr value;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(bytes))
    value = DenseResourceElementsAttr::get(type, resource.getRawHandle());
  else
    value = DenseElementsAttr::getFromRawBuffer(type, getRawBytes(bytes));
  return ConstantOp::create(binder.getBuilder(), binder.getLoc(), type, value);
}

/// Reads constant uint8 input `index` (`what` for messages).
FailureOr<ElementsAttr> bindBytes(NodeBinder &binder, unsigned index,
                                  StringRef what) {
  FailureOr<ElementsAttr> elements = binder.getConstantInput(index, what);
  if (failed(elements))
    return failure();
  Type element = elements->getElementType();
  if (!element.isUnsignedInteger(8)) {
    binder.emitError() << what << " (input #" << index
                       << ") must be a uint8 tensor, got " << element;
    return failure();
  }
  if (getRawBytes(*elements).empty() && elements->getNumElements() != 0) {
    binder.emitError() << "cannot read the values of " << what;
    return failure();
  }
  return elements;
}

LogicalResult importDequantizeMX(NodeBinder &binder) {
  if (failed(binder.checkNumInputs(2, 2)) ||
      failed(binder.checkNumOutputs(1)) || failed(binder.requireAttr("axis")) ||
      failed(binder.requireAttr("element_format")))
    return failure();
  std::string name = binder.getString("element_format", "");
  std::optional<MXElementFormat> elementFormat =
      symbolizeMXElementFormat(name);
  if (!elementFormat) {
    binder.emitError() << "unknown element_format '" << name
                       << "'; expected fp4_e2m1, fp6_e2m3, fp6_e3m2, "
                          "fp8_e4m3, fp8_e5m2 or int8";
    return failure();
  }
  RankedTensorType codesType = binder.getInputType(0);
  RankedTensorType scalesType = binder.getInputType(1);
  FailureOr<ElementsAttr> codes = bindBytes(binder, 0, "the codes");
  FailureOr<ElementsAttr> scales = bindBytes(binder, 1, "the scales");
  if (!codesType || !scalesType || failed(codes) || failed(scales))
    return failure();
  FailureOr<int64_t> axis =
      binder.normalizeAxis(binder.getInt("axis", 0), codesType.getRank());
  if (failed(axis))
    return failure();
  auto format = MXFormatAttr::getChecked(
      [&] { return binder.emitError(); }, binder.getContext(), *elementFormat,
      binder.getInt("block_size", 32), *axis);
  if (!format)
    return failure();

  unsigned width = getMXElementBitWidth(*elementFormat);
  for (auto [index, byte] : llvm::enumerate(getRawBytes(*codes))) {
    unsigned code = static_cast<uint8_t>(byte);
    if (code >> width) {
      binder.emitError() << "code " << code << " at element " << index
                         << " does not fit the " << width << " bits of "
                         << name;
      return failure();
    }
  }
  Value elements = retypeBytes(
      binder, *codes,
      codesType.clone(getMXElementType(binder.getContext(), *elementFormat)));
  Value exponents = retypeBytes(
      binder, *scales,
      scalesType.clone(Float8E8M0FNUType::get(binder.getContext())));
  binder.setOutput(0, MXDequantizeOp::create(
                          binder.getBuilder(), binder.getLoc(),
                          codesType.clone(binder.getBuilder().getF32Type()),
                          elements, exponents, format));
  return success();
}

} // namespace

void populateKilnDomain(OpTable &table) {
  table.onOp("DequantizeMX", 1, importDequantizeMX, kKilnDomain);
}

} // namespace mlir::kiln::onnx_import
