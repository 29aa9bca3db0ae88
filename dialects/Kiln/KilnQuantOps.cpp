//===- KilnQuantOps.cpp - quantize, dequantize, requantize, MX ------------===//

#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnMX.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnQuantOps.cpp.inc"

void KilnDialect::registerQuantOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnQuantOps.cpp.inc"
      >();
}

namespace {

/// Checks that the quantization parameters of `tensorType`'s element type fit
/// its shape: per-axis types name an existing axis with one scale per slice,
/// sub-channel types have scales of shape `dim / block` that tile exactly.
/// - op: the op to report on.
/// - what: "input" or "result", for the message.
LogicalResult verifyQuantizedTypeFitsShape(Operation *op, Type tensorType,
                                           StringRef what) {
  auto tensor = cast<RankedTensorType>(tensorType);
  ArrayRef<int64_t> shape = tensor.getShape();
  int64_t rank = tensor.getRank();
  Type element = tensor.getElementType();

  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element)) {
    int64_t axis = perAxis.getQuantizedDimension();
    if (axis >= rank)
      return op->emitOpError() << what << " quantization axis " << axis
                               << " is out of range for rank " << rank;
    int64_t numScales = perAxis.getScales().size();
    if (!ShapedType::isDynamic(shape[axis]) && shape[axis] != numScales)
      return op->emitOpError()
             << what << " has " << numScales << " scales for "
             << shape[axis] << " slices along quantization axis " << axis;
    return success();
  }

  if (auto subChannel =
          dyn_cast<quant::UniformQuantizedSubChannelType>(element)) {
    ArrayRef<int64_t> scaleShape = subChannel.getScales().getType().getShape();
    if (static_cast<int64_t>(scaleShape.size()) != rank)
      return op->emitOpError()
             << what << " has rank " << rank << " but its sub-channel scales "
             << "have rank " << scaleShape.size();
    SmallVector<int64_t> blockSizes(rank, 0);
    for (auto [dim, block] : llvm::zip(subChannel.getQuantizedDimensions(),
                                       subChannel.getBlockSizes()))
      blockSizes[dim] = block;
    for (int64_t dim = 0; dim < rank; ++dim) {
      if (ShapedType::isDynamic(shape[dim]))
        continue;
      int64_t block = blockSizes[dim] ? blockSizes[dim] : shape[dim];
      if (shape[dim] % block != 0)
        return op->emitOpError()
               << what << " dimension " << dim << " of extent " << shape[dim]
               << " is not a multiple of its quantization block size " << block;
      if (scaleShape[dim] != shape[dim] / block)
        return op->emitOpError()
               << what << " dimension " << dim << " has "
               << shape[dim] / block << " quantization blocks but "
               << scaleShape[dim] << " scales";
    }
  }
  return success();
}

/// Checks that `quantized` is expressed in `expressed`.
LogicalResult verifyExpressedType(Operation *op, Type quantizedTensor,
                                  Type floatTensor) {
  auto quantized =
      cast<quant::QuantizedType>(getElementTypeOrSelf(quantizedTensor));
  Type expressed = getElementTypeOrSelf(floatTensor);
  if (quantized.getExpressedType() != expressed)
    return op->emitOpError("quantized type ")
           << quantized << " is expressed in " << quantized.getExpressedType()
           << ", not " << expressed;
  return success();
}

} // namespace

LogicalResult QuantizeOp::verify() {
  if (failed(verifyExpressedType(*this, getOutput().getType(),
                                 getInput().getType())))
    return failure();
  return verifyQuantizedTypeFitsShape(*this, getOutput().getType(), "result");
}

LogicalResult DequantizeOp::verify() {
  if (failed(verifyExpressedType(*this, getInput().getType(),
                                 getOutput().getType())))
    return failure();
  return verifyQuantizedTypeFitsShape(*this, getInput().getType(), "input");
}

LogicalResult RequantizeOp::verify() {
  auto input = cast<quant::QuantizedType>(
      getElementTypeOrSelf(getInput().getType()));
  auto output = cast<quant::QuantizedType>(
      getElementTypeOrSelf(getOutput().getType()));
  if (input.getExpressedType() != output.getExpressedType())
    return emitOpError("input is expressed in ")
           << input.getExpressedType() << " but the result in "
           << output.getExpressedType();
  if (failed(verifyQuantizedTypeFitsShape(*this, getInput().getType(),
                                          "input")))
    return failure();
  return verifyQuantizedTypeFitsShape(*this, getOutput().getType(), "result");
}

OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  // Same parameters on both sides: nothing to re-express.
  if (getInput().getType() == getOutput().getType())
    return getInput();
  return {};
}

LogicalResult StorageCastOp::verify() {
  Type input = getElementTypeOrSelf(getInput().getType());
  Type output = getElementTypeOrSelf(getOutput().getType());
  auto inputQuantized = dyn_cast<quant::QuantizedType>(input);
  auto outputQuantized = dyn_cast<quant::QuantizedType>(output);
  if (static_cast<bool>(inputQuantized) == static_cast<bool>(outputQuantized))
    return emitOpError("exactly one of input and result must be quantized");
  quant::QuantizedType quantized = inputQuantized ? inputQuantized
                                                  : outputQuantized;
  auto integer = dyn_cast<IntegerType>(inputQuantized ? output : input);
  if (!integer)
    return emitOpError("the non-quantized side must be an integer tensor");
  if (integer.getWidth() != quantized.getStorageTypeIntegralWidth() ||
      integer.isUnsigned() == quantized.isSigned())
    return emitOpError("integer type ")
           << integer << " does not match the storage of " << quantized;
  if (failed(verifyQuantizedTypeFitsShape(
          *this, inputQuantized ? getInput().getType() : getOutput().getType(),
          inputQuantized ? "input" : "result")))
    return failure();
  return success();
}

OpFoldResult StorageCastOp::fold(FoldAdaptor) {
  // storage_cast(storage_cast(x)) back to x's type is x.
  if (auto producer = getInput().getDefiningOp<StorageCastOp>())
    if (producer.getInput().getType() == getOutput().getType())
      return producer.getInput();
  return {};
}

LogicalResult MXDequantizeOp::verify() {
  MXFormatAttr format = getFormat();
  auto elements = cast<RankedTensorType>(getElements().getType());
  auto scales = cast<RankedTensorType>(getScales().getType());
  auto output = cast<RankedTensorType>(getOutput().getType());
  Type expected = getMXElementType(getContext(), format.getElementFormat());
  if (elements.getElementType() != expected)
    return emitOpError("elements of format ")
           << stringifyMXElementFormat(format.getElementFormat())
           << " have type " << expected << ", not "
           << elements.getElementType();
  if (failed(verifyCompatibleShape(elements.getShape(), output.getShape())))
    return emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from the elements' "
           << formatShape(elements.getShape());
  int64_t rank = elements.getRank();
  int64_t axis = format.getAxis();
  if (axis >= rank)
    return emitOpError("MX axis ")
           << axis << " is out of range for rank " << rank;
  if (scales.getRank() != rank)
    return emitOpError("scales have rank ")
           << scales.getRank() << " but the elements rank " << rank;
  for (int64_t dim = 0; dim < rank; ++dim) {
    int64_t extent = elements.getDimSize(dim);
    int64_t scaleExtent = scales.getDimSize(dim);
    if (ShapedType::isDynamic(extent) || ShapedType::isDynamic(scaleExtent))
      continue;
    int64_t blockSize = format.getBlockSize();
    int64_t expectedExtent =
        dim == axis ? (extent + blockSize - 1) / blockSize : extent;
    if (scaleExtent != expectedExtent)
      return emitOpError("scales have extent ")
             << scaleExtent << " in dimension " << dim << ", expected "
             << expectedExtent
             << (dim == axis ? " (one per block along the MX axis)" : "");
  }
  return success();
}
