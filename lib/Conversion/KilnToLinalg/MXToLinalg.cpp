//===- MXToLinalg.cpp - OCP MX decoding and sub-byte float constants -----===//

#include "LoweringUtils.h"

#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// kiln.mx_dequantize: a generic over the result reading each element and
/// its block's scale (`i[axis] floordiv block_size`). Elements and scales
/// decode exactly to f32 (arith.extf of the small float types, which
/// `expand-small-float-casts` turns into integer code; int8 through
/// sitofp and the power of two 2^-6), so the f32 product is the exact
/// value or an infinity beyond f32's range.
struct LowerMXDequantize : OpConversionPattern<MXDequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MXDequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    auto resultType = cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    MXFormatAttr format = op.getFormat();
    int64_t rank = resultType.getRank();
    AffineMap identity = rewriter.getMultiDimIdentityMap(rank);
    SmallVector<AffineExpr> scaleIndex(identity.getResults());
    scaleIndex[format.getAxis()] =
        rewriter.getAffineDimExpr(format.getAxis())
            .floorDiv(format.getBlockSize());
    AffineMap scaleMap =
        AffineMap::get(rank, 0, scaleIndex, rewriter.getContext());
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    bool isInteger = format.getElementFormat() == MXElementFormat::int8;
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType,
        ValueRange{adaptor.getElements(), adaptor.getScales()}, init,
        {identity, scaleMap, identity},
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Type f32 = b.getF32Type();
          Value element;
          if (isInteger)
            // MXINT8: the integer times 2^-6.
            element = arith::MulFOp::create(
                b, l, arith::SIToFPOp::create(b, l, f32, args[0]),
                constantLike(b, l, f32, 1.0 / 64));
          else
            element = arith::ExtFOp::create(b, l, f32, args[0]);
          Value scale = arith::ExtFOp::create(b, l, f32, args[1]);
          Value value = arith::MulFOp::create(b, l, element, scale);
          linalg::YieldOp::create(
              b, l,
              castScalar(b, l, value, resultType.getElementType(),
                         /*sourceUnsigned=*/false, /*targetUnsigned=*/false));
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// kiln.constant of a float type narrower than a byte (FP4 and FP6, the MX
/// element codes) -> an i8 constant of the same bytes (MLIR stores such
/// elements one per byte, in the low bits) and an elementwise generic
/// reinterpreting each byte, which fusion moves into the consumer. LLVM
/// translates neither `dense_resource` blobs of i4 / i6 nor large arrays of
/// them (one LLVM constant per element).
struct LowerSubByteFloatConstant : OpConversionPattern<ConstantOp> {
  LowerSubByteFloatConstant(const TypeConverter &typeConverter,
                            MLIRContext *context)
      : OpConversionPattern(typeConverter, context, /*benefit=*/2) {}
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    auto element = dyn_cast<FloatType>(type.getElementType());
    if (!element || element.getWidth() >= 8)
      return rewriter.notifyMatchFailure(op, "not a sub-byte float constant");
    RankedTensorType bytesType = type.clone(rewriter.getI8Type());
    ElementsAttr bytes;
    if (auto dense = dyn_cast<DenseElementsAttr>(op.getValue()))
      bytes = DenseElementsAttr::getFromRawBuffer(bytesType, dense.getRawData());
    else if (auto resource = dyn_cast<DenseResourceElementsAttr>(op.getValue()))
      bytes = DenseResourceElementsAttr::get(bytesType, resource.getRawHandle());
    else
      return rewriter.notifyMatchFailure(op, "unknown elements attribute");
    Value codes = arith::ConstantOp::create(rewriter, op.getLoc(), bytesType,
                                            cast<TypedAttr>(bytes));
    Type codeType = rewriter.getIntegerType(element.getWidth());
    rewriter.replaceOp(
        op, buildElementwiseGeneric(
                rewriter, op.getLoc(), type, codes,
                [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                  Value code = arith::TruncIOp::create(b, l, codeType, args[0]);
                  return arith::BitcastOp::create(b, l, element, code);
                }));
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnMXToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerMXDequantize, LowerSubByteFloatConstant>(
      typeConverter, patterns.getContext());
}
