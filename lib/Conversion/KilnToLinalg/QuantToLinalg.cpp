//===- QuantToLinalg.cpp - kiln quantize / dequantize / requantize --------===//
//
// Quantized tensors are lowered as their stored integers (the type
// converter), so kiln.storage_cast disappears. kiln.quantize and
// kiln.dequantize are float by nature and follow ONNX QuantizeLinear /
// DequantizeLinear; kiln.requantize is integer-only (Requantization.h).
// Per-axis and sub-channel parameters are small constant tables that the
// elementwise generic reads through QuantParameters' maps.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"
#include "QuantParameters.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// A parallel linalg.generic over `resultType` reading `input` (identity)
/// and the per-entry `tables` through `tableMaps`; `body` gets the input
/// scalar and the table scalars.
Value buildTableGeneric(OpBuilder &builder, Location loc, Value input,
                        ArrayRef<Value> tables, ArrayRef<AffineMap> tableMaps,
                        RankedTensorType resultType, ScalarBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<Value> inputs = {input};
  llvm::append_range(inputs, tables);
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank)};
  llvm::append_range(maps, tableMaps);
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, inputs, init, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   body(nested, nestedLoc, args.drop_back()));
             })
      .getResult(0);
}

/// The scale and zero point of `parameters` in a generic body: constants
/// when uniform, else a table each, appended to `tables` / `maps`.
struct ParameterOperands {
  Value scale, zeroPoint;
  int scaleArg = -1, zeroPointArg = -1;

  ParameterOperands(OpBuilder &builder, Location loc,
                    const QuantParameters &parameters, Type scaleType,
                    Type zeroPointType, SmallVectorImpl<Value> &tables,
                    SmallVectorImpl<AffineMap> &maps, int firstArg) {
    scale = parameters.buildScales(builder, loc, scaleType);
    zeroPoint = parameters.buildZeroPoints(builder, loc, zeroPointType);
    if (parameters.isUniform())
      return;
    scaleArg = firstArg + tables.size();
    tables.push_back(scale);
    zeroPointArg = scaleArg + 1;
    tables.push_back(zeroPoint);
    maps.append(2, parameters.map);
  }

  Value getScale(ValueRange args) const {
    return scaleArg < 0 ? scale : args[scaleArg];
  }
  Value getZeroPoint(ValueRange args) const {
    return zeroPointArg < 0 ? zeroPoint : args[zeroPointArg];
  }
};

/// Both views of the bits are one signless tensor after type conversion.
struct LowerStorageCast : OpConversionPattern<StorageCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(StorageCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    if (convertedType(getTypeConverter(), op) != adaptor.getInput().getType())
      return rewriter.notifyMatchFailure(op, "the two views lower to "
                                             "different types");
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

/// ONNX QuantizeLinear:
///   stored = clamp(round_half_to_even(x / scale) + zero_point)
/// The division is in the input's float type, as ONNX computes it; the
/// rounded quotient is clamped in f64, which holds every 32-bit storage
/// bound exactly.
struct LowerQuantize : OpConversionPattern<QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Type floatType = getElementTypeOrSelf(op.getInput().getType());
    Type f64 = rewriter.getF64Type();
    QuantParameters parameters = QuantParameters::get(
        cast<quant::QuantizedType>(getElementTypeOrSelf(op.getType())),
        resultType.getRank());
    SmallVector<Value> tables;
    SmallVector<AffineMap> maps;
    ParameterOperands operands(rewriter, loc, parameters, floatType,
                               rewriter.getI64Type(), tables, maps,
                               /*firstArg=*/1);
    Value result = buildTableGeneric(
        rewriter, loc, adaptor.getInput(), tables, maps, resultType,
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          Value quotient = arith::DivFOp::create(builder, bodyLoc, args[0],
                                                 operands.getScale(args));
          Value rounded = math::RoundEvenOp::create(builder, bodyLoc, quotient);
          if (floatType != f64)
            rounded = arith::ExtFOp::create(builder, bodyLoc, f64, rounded);
          Value shifted = arith::AddFOp::create(
              builder, bodyLoc, rounded,
              arith::SIToFPOp::create(builder, bodyLoc, f64,
                                      operands.getZeroPoint(args)));
          // maxnumf / minnumf send NaN to the lower bound.
          Value clamped = arith::MinNumFOp::create(
              builder, bodyLoc,
              arith::MaxNumFOp::create(
                  builder, bodyLoc, shifted,
                  constantLike(builder, bodyLoc, f64, parameters.storage.min)),
              constantLike(builder, bodyLoc, f64, parameters.storage.max));
          Value stored = arith::FPToSIOp::create(builder, bodyLoc,
                                                 builder.getI64Type(), clamped);
          return arith::TruncIOp::create(builder, bodyLoc,
                                         parameters.storage.type, stored);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The integer type that holds stored - zero_point exactly: i32 up to
/// 16-bit storage, else i64.
Type differenceType(OpBuilder &builder, const StorageRange &storage) {
  return storage.type.getWidth() <= 16 ? builder.getI32Type()
                                       : builder.getI64Type();
}

/// ONNX DequantizeLinear: output = (stored - zero_point) * scale, the
/// difference exact in integers, the product in the result's float type.
struct LowerDequantize : OpConversionPattern<DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Type floatType = resultType.getElementType();
    QuantParameters parameters =
        QuantParameters::get(cast<quant::QuantizedType>(
                                 getElementTypeOrSelf(op.getInput().getType())),
                             resultType.getRank());
    Type difference = differenceType(rewriter, parameters.storage);
    SmallVector<Value> tables;
    SmallVector<AffineMap> maps;
    ParameterOperands operands(rewriter, loc, parameters, floatType, difference,
                               tables, maps, /*firstArg=*/1);
    Value result = buildTableGeneric(
        rewriter, loc, adaptor.getInput(), tables, maps, resultType,
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          Value stored = extendToAccumulator(builder, bodyLoc, args[0],
                                             difference, !parameters.isSigned);
          Value centered = arith::SubIOp::create(builder, bodyLoc, stored,
                                                 operands.getZeroPoint(args));
          Value real =
              arith::SIToFPOp::create(builder, bodyLoc, floatType, centered);
          return arith::MulFOp::create(builder, bodyLoc, real,
                                       operands.getScale(args));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// kiln.requantize in integers: acc = stored_in - zero_point_in (i64), then
/// the requantization by scale_in / scale_out into the result's storage.
/// Per-entry parameters may vary on one side, or on both along the same
/// axis or blocks.
struct LowerRequantize : OpConversionPattern<RequantizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(RequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t rank = resultType.getRank();
    QuantParameters input =
        QuantParameters::get(cast<quant::QuantizedType>(
                                 getElementTypeOrSelf(op.getInput().getType())),
                             rank);
    QuantParameters output = QuantParameters::get(
        cast<quant::QuantizedType>(getElementTypeOrSelf(op.getType())), rank);
    if (!input.isUniform() && !output.isUniform() &&
        (input.map != output.map ||
         input.scales.size() != output.scales.size()))
      return rewriter.notifyMatchFailure(
          op, "input and result parameters vary along different axes or "
              "blocks");
    size_t entries = std::max(input.scales.size(), output.scales.size());
    SmallVector<double> realScales;
    for (size_t entry = 0; entry < entries; ++entry)
      realScales.push_back(input.scales[input.isUniform() ? 0 : entry] /
                           output.scales[output.isUniform() ? 0 : entry]);
    std::string error;
    FailureOr<RequantizationTable> table = RequantizationTable::get(
        realScales, output.zeroPoints, output.storage, error);
    if (failed(table))
      return rewriter.notifyMatchFailure(op, error);
    AffineMap entryMap = input.isUniform() ? output.map : input.map;

    Type i64 = rewriter.getI64Type();
    SmallVector<Value> tables;
    SmallVector<AffineMap> maps;
    Value inputZeroPoint = input.buildZeroPoints(rewriter, loc, i64);
    if (!input.isUniform()) {
      tables.push_back(inputZeroPoint);
      maps.push_back(input.map);
    }
    table->addInputs(rewriter, loc, entryMap, tables, maps);
    Value result = buildTableGeneric(
        rewriter, loc, adaptor.getInput(), tables, maps, resultType,
        [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
          Value stored = extendToAccumulator(builder, bodyLoc, args[0], i64,
                                             !input.isSigned);
          ValueRange tableArgs = args.drop_front();
          Value zeroPoint = inputZeroPoint;
          if (!input.isUniform()) {
            zeroPoint = tableArgs.front();
            tableArgs = tableArgs.drop_front();
          }
          Value acc =
              arith::SubIOp::create(builder, bodyLoc, stored, zeroPoint);
          return table->build(builder, bodyLoc, acc, tableArgs);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnQuantToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns
      .add<LowerStorageCast, LowerQuantize, LowerDequantize, LowerRequantize>(
          typeConverter, patterns.getContext());
}
