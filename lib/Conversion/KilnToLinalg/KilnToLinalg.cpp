//===- KilnToLinalg.cpp - the convert-kiln-to-linalg pass -----------------===//
//
// The `lower` phase: kiln ops on tensors become linalg / tensor / arith /
// math ops, the input of upstream bufferization and code generation.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

namespace mlir::kiln {
#define GEN_PASS_DEF_CONVERTKILNTOLINALGPASS
#include "kiln/Conversion/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;
using namespace mlir::kiln;

KilnToLinalgTypeConverter::KilnToLinalgTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](RankedTensorType type) -> Type {
    // Quantized tensors become their stored integers.
    if (auto quantized = dyn_cast<quant::QuantizedType>(type.getElementType()))
      return type.clone(IntegerType::get(
          type.getContext(), quantized.getStorageTypeIntegralWidth()));
    auto integer = dyn_cast<IntegerType>(type.getElementType());
    if (!integer || integer.isSignless())
      return type;
    return type.clone(
        IntegerType::get(type.getContext(), integer.getWidth()));
  });
  // Signed, unsigned and signless integers of one width share their bits
  // (tensor.bitcast does not take quantized element types).
  auto bitcast = [](OpBuilder &builder, Type type, ValueRange inputs,
                    Location loc) -> Value {
    if (inputs.size() != 1 || !isa<RankedTensorType>(type) ||
        isa<quant::QuantizedType>(getElementTypeOrSelf(type)) ||
        isa<quant::QuantizedType>(getElementTypeOrSelf(inputs.front())))
      return {};
    return tensor::BitcastOp::create(builder, loc, type, inputs.front());
  };
  addSourceMaterialization(bitcast);
  addTargetMaterialization(bitcast);
}

bool mlir::kiln::isUnsignedInteger(Type type) {
  if (auto quantized =
          dyn_cast<quant::QuantizedType>(getElementTypeOrSelf(type)))
    return !quantized.isSigned();
  auto integer = dyn_cast<IntegerType>(getElementTypeOrSelf(type));
  return integer && integer.isUnsigned();
}

RankedTensorType mlir::kiln::convertedType(const TypeConverter *converter,
                                          Value value) {
  return cast<RankedTensorType>(converter->convertType(value.getType()));
}

Value mlir::kiln::extendToAccumulator(OpBuilder &builder, Location loc,
                                      Value value, Type type,
                                      bool isUnsigned) {
  if (value.getType() == type)
    return value;
  if (isa<FloatType>(type))
    return isa<FloatType>(value.getType())
               ? Value(arith::ExtFOp::create(builder, loc, type, value))
               : Value(arith::SIToFPOp::create(builder, loc, type, value));
  if (isUnsigned)
    return arith::ExtUIOp::create(builder, loc, type, value);
  return arith::ExtSIOp::create(builder, loc, type, value);
}

Value mlir::kiln::multiplyAdd(OpBuilder &builder, Location loc, Value acc,
                              Value a, Value b) {
  if (isa<FloatType>(acc.getType()))
    return arith::AddFOp::create(builder, loc, acc,
                                 arith::MulFOp::create(builder, loc, a, b));
  return arith::AddIOp::create(builder, loc, acc,
                               arith::MulIOp::create(builder, loc, a, b));
}

Value mlir::kiln::indexConstant(OpBuilder &builder, Location loc,
                                int64_t value) {
  return arith::ConstantIndexOp::create(builder, loc, value);
}

Value mlir::kiln::wrappedIndex(OpBuilder &builder, Location loc, Value scalar,
                               int64_t extent) {
  Value index = arith::IndexCastOp::create(builder, loc,
                                           builder.getIndexType(), scalar);
  Value zero = indexConstant(builder, loc, 0);
  Value negative = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::slt, index, zero);
  Value shifted = arith::AddIOp::create(builder, loc, index,
                                        indexConstant(builder, loc, extent));
  return arith::SelectOp::create(builder, loc, negative, shifted, index);
}

Value mlir::kiln::constantLike(OpBuilder &builder, Location loc, Type type,
                               double value) {
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(builder, loc,
                                     builder.getFloatAttr(type, value));
  return arith::ConstantOp::create(
      builder, loc, builder.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value mlir::kiln::filledTensor(OpBuilder &builder, Location loc,
                               RankedTensorType type, Value scalar) {
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  return linalg::FillOp::create(builder, loc, scalar, empty).getResult(0);
}

Value mlir::kiln::buildReshape(OpBuilder &builder, Location loc, Value value,
                               RankedTensorType resultType) {
  if (value.getType() == resultType)
    return value;
  auto shapeType =
      RankedTensorType::get({resultType.getRank()}, builder.getI64Type());
  Value shape = arith::ConstantOp::create(
      builder, loc, DenseElementsAttr::get(shapeType, resultType.getShape()));
  return tensor::ReshapeOp::create(builder, loc, resultType, value, shape);
}

Value mlir::kiln::extractSlice(OpBuilder &builder, Location loc,
                               RankedTensorType resultType, Value source,
                               ArrayRef<OpFoldResult> offsets,
                               ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> strides(sizes.size(), builder.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(
      builder, loc, resultType, source, offsets,
      getAsIndexOpFoldResult(builder.getContext(), sizes), strides);
}

Value mlir::kiln::insertSlice(OpBuilder &builder, Location loc, Value slice,
                              Value dest, ArrayRef<OpFoldResult> offsets,
                              ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> strides(sizes.size(), builder.getIndexAttr(1));
  return tensor::InsertSliceOp::create(
      builder, loc, slice, dest, offsets,
      getAsIndexOpFoldResult(builder.getContext(), sizes), strides);
}

LogicalResult
mlir::kiln::checkLowerableStoredValues(Operation *op,
                                       PatternRewriter &rewriter) {
  for (Type type : llvm::concat<Type>(op->getOperandTypes(),
                                      op->getResultTypes())) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor || !tensor.hasStaticShape())
      return rewriter.notifyMatchFailure(
          op, "only statically shaped tensors are lowered so far");
  }
  return success();
}

LogicalResult mlir::kiln::checkLowerable(Operation *op,
                                         PatternRewriter &rewriter) {
  if (failed(checkLowerableStoredValues(op, rewriter)))
    return failure();
  for (Type type :
       llvm::concat<Type>(op->getOperandTypes(), op->getResultTypes()))
    if (isa<quant::QuantizedType>(getElementTypeOrSelf(type)))
      return rewriter.notifyMatchFailure(
          op, "quantized tensors are not lowered yet");
  return success();
}

Value mlir::kiln::buildElementwiseGeneric(OpBuilder &builder, Location loc,
                                          RankedTensorType resultType,
                                          ValueRange operands,
                                          ScalarBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps;
  for (Value operand : operands) {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(operand.getType()).getShape();
    SmallVector<AffineExpr> exprs;
    int64_t offset = rank - static_cast<int64_t>(shape.size());
    for (auto [dim, extent] : llvm::enumerate(shape)) {
      int64_t resultDim = offset + static_cast<int64_t>(dim);
      exprs.push_back(extent == 1 && resultType.getDimSize(resultDim) != 1
                          ? builder.getAffineConstantExpr(0)
                          : builder.getAffineDimExpr(resultDim));
    }
    maps.push_back(AffineMap::get(rank, 0, exprs, builder.getContext()));
  }
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  auto generic = linalg::GenericOp::create(
      builder, loc, resultType, operands, init, maps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        linalg::YieldOp::create(nested, nestedLoc,
                                body(nested, nestedLoc, args.drop_back()));
      });
  return generic.getResult(0);
}

Value mlir::kiln::buildCopyGeneric(OpBuilder &builder, Location loc, Value input,
                       AffineMap inputMap, RankedTensorType resultType) {
  Value init = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                       resultType.getElementType());
  int64_t rank = resultType.getRank();
  return linalg::GenericOp::create(
             builder, loc, resultType, input, init,
             {inputMap, builder.getMultiDimIdentityMap(rank)},
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               linalg::YieldOp::create(nested, nestedLoc, args[0]);
             })
      .getResult(0);
}

void mlir::kiln::buildRuntimeCheck(OpBuilder &builder, Operation *op,
                                   Value condition, const Twine &what) {
  std::string node = "a model op";
  if (auto name = dyn_cast<NameLoc>(op->getLoc()))
    node = ("node '" + name.getName().getValue() + "'").str();
  cf::AssertOp::create(builder, op->getLoc(), condition,
                       (node + ": " + what).str());
}

namespace {

/// kiln.constant -> arith.constant. Unsigned and quantized constants keep
/// their bits (a quantized one holds its stored integers) under the
/// signless type.
struct LowerConstant : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RankedTensorType converted = convertedType(getTypeConverter(), op);
    TypedAttr value = cast<TypedAttr>(op.getValue());
    if (value.getType() != converted) {
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        value = dense.bitcast(converted.getElementType());
      else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
        value =
            DenseResourceElementsAttr::get(converted, resource.getRawHandle());
      else
        return rewriter.notifyMatchFailure(op, "elements attribute that "
                                               "cannot be retyped");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, converted, value);
    return success();
  }
};

struct ConvertKilnToLinalgPass
    : kiln::impl::ConvertKilnToLinalgPassBase<ConvertKilnToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    KilnToLinalgTypeConverter typeConverter;
    ConversionTarget target(*context);
    target.addIllegalDialect<KilnDialect>();
    target.addLegalDialect<arith::ArithDialect, cf::ControlFlowDialect,
                           linalg::LinalgDialect, math::MathDialect,
                           memref::MemRefDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return typeConverter.isSignatureLegal(op.getFunctionType());
    });
    target.addDynamicallyLegalOp<func::ReturnOp>(
        [&](func::ReturnOp op) { return typeConverter.isLegal(op); });

    RewritePatternSet patterns(context);
    patterns.add<LowerConstant>(typeConverter, context);
    populateKilnElementwiseToLinalgPatterns(typeConverter, patterns);
    populateKilnContractionToLinalgPatterns(typeConverter, patterns);
    populateKilnDataMovementToLinalgPatterns(typeConverter, patterns);
    populateKilnQuantToLinalgPatterns(typeConverter, patterns);
    populateKilnQuantElementwiseToLinalgPatterns(typeConverter, patterns);
    populateKilnReductionToLinalgPatterns(typeConverter, patterns);
    populateKilnNNToLinalgPatterns(typeConverter, patterns);
    populateKilnIndexingToLinalgPatterns(typeConverter, patterns);
    populateKilnResizeToLinalgPatterns(typeConverter, patterns);
    populateKilnVisionToLinalgPatterns(typeConverter, patterns);
    populateKilnRecurrentToLinalgPatterns(typeConverter, patterns);
    populateKilnSignalToLinalgPatterns(typeConverter, patterns);
    populateKilnRandomToLinalgPatterns(typeConverter, patterns);
    populateKilnMXToLinalgPatterns(typeConverter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(
        patterns, typeConverter);
    populateReturnOpTypeConversionPattern(patterns, typeConverter);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
