//===- QuantizedContraction.cpp - integer-only quantized contractions -----===//

#include "QuantizedContraction.h"

#include "dialects/Kiln/KilnConstantFolding.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The scales and zero points of a per-tensor type, or of a per-axis type
/// quantized along `axis`; failure for other axes and sub-channel types.
LogicalResult getChannelParameters(Type type, int64_t axis,
                                   SmallVectorImpl<double> &scales,
                                   SmallVectorImpl<int64_t> &zeroPoints) {
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type)) {
    scales.push_back(uniform.getScale());
    zeroPoints.push_back(uniform.getZeroPoint());
    return success();
  }
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type);
  if (!perAxis || perAxis.getQuantizedDimension() != axis)
    return failure();
  llvm::append_range(scales, perAxis.getScales());
  llvm::append_range(zeroPoints, perAxis.getZeroPoints());
  return success();
}

/// `value` wrapped to i32 (two's complement, as the accumulator).
int32_t wrapToI32(int64_t value) {
  return static_cast<int32_t>(static_cast<uint32_t>(value));
}

Value i32Table(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
               ArrayRef<int64_t> values) {
  SmallVector<int32_t> wrapped = llvm::map_to_vector(values, wrapToI32);
  return arith::ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(RankedTensorType::get(shape, builder.getI32Type()),
                             ArrayRef<int32_t>(wrapped)));
}

/// Sums of a constant tensor's elements over every dimension but
/// `keptDims`, row-major over the kept extents.
FailureOr<SmallVector<int64_t>> sumConstant(ConstantOp constant,
                                            ArrayRef<int64_t> keptDims) {
  FailureOr<SmallVector<int64_t>> values =
      readIntegerElements(constant.getValue());
  if (failed(values))
    return failure();
  ArrayRef<int64_t> shape =
      cast<RankedTensorType>(constant.getType()).getShape();
  SmallVector<int64_t> keptShape;
  for (int64_t dim : keptDims)
    keptShape.push_back(shape[dim]);
  SmallVector<int64_t> strides = computeSuffixProduct(shape);
  SmallVector<int64_t> keptStrides = computeSuffixProduct(keptShape);
  SmallVector<int64_t> sums(ShapedType::getNumElements(keptShape), 0);
  for (auto [linear, value] : llvm::enumerate(*values)) {
    int64_t kept = 0;
    for (auto [index, dim] : llvm::enumerate(keptDims))
      kept += (static_cast<int64_t>(linear) / strides[dim] % shape[dim]) *
              keptStrides[index];
    sums[kept] += value;
  }
  return sums;
}

} // namespace

FailureOr<QuantizedContraction>
QuantizedContraction::get(Operation *op, PatternRewriter &rewriter, Value input,
                          Value weight, Value bias, Type result,
                          int64_t weightChannelAxis, int64_t resultChannelAxis,
                          double alpha) {
  QuantizedContraction contraction;
  auto inputType =
      dyn_cast<quant::UniformQuantizedType>(getElementTypeOrSelf(input));
  if (!inputType)
    return rewriter.notifyMatchFailure(
        op, "the input (lhs) of a quantized contraction must be quantized "
            "per tensor");
  contraction.inputZeroPoint = inputType.getZeroPoint();
  SmallVector<double> weightScales;
  if (failed(getChannelParameters(getElementTypeOrSelf(weight),
                                  weightChannelAxis, weightScales,
                                  contraction.weightZeroPoints)))
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << "the weight must be quantized per tensor or per axis along "
              "dimension "
           << weightChannelAxis;
    });
  double inputScale = inputType.getScale();

  if (bias) {
    Type biasElement = getElementTypeOrSelf(bias);
    if (isa<quant::QuantizedType>(biasElement)) {
      SmallVector<double> biasScales;
      SmallVector<int64_t> biasZeroPoints;
      bool matches = succeeded(getChannelParameters(
          biasElement, cast<RankedTensorType>(bias.getType()).getRank() - 1,
          biasScales, biasZeroPoints));
      for (auto [index, scale] : llvm::enumerate(biasScales)) {
        double expected =
            inputScale * weightScales[weightScales.size() == 1 ? 0 : index];
        matches = matches && biasZeroPoints[index] == 0 &&
                  (biasScales.size() == 1 ||
                   biasScales.size() == weightScales.size()) &&
                  std::abs(scale - expected) <= 1e-6 * expected;
      }
      if (!matches)
        return rewriter.notifyMatchFailure(
            op, "a quantized bias must have zero point 0 and the scales "
                "s_x * s_w");
    }
  }

  Type resultElement = getElementTypeOrSelf(result);
  if (!isa<quant::QuantizedType>(resultElement)) {
    if (alpha != 1.0)
      return rewriter.notifyMatchFailure(
          op, "an i32 result of a quantized contraction needs alpha 1");
    return contraction;
  }
  SmallVector<double> resultScales;
  SmallVector<int64_t> resultZeroPoints;
  if (failed(getChannelParameters(resultElement, resultChannelAxis,
                                  resultScales, resultZeroPoints)))
    return rewriter.notifyMatchFailure(op, [&](Diagnostic &diag) {
      diag << "the result must be quantized per tensor or per axis along "
              "dimension "
           << resultChannelAxis;
    });
  if (weightScales.size() > 1 && resultScales.size() > 1 &&
      weightScales.size() != resultScales.size())
    return rewriter.notifyMatchFailure(
        op, "weight and result have different channel counts");
  size_t channels = std::max(weightScales.size(), resultScales.size());
  SmallVector<double> realScales;
  for (size_t channel = 0; channel < channels; ++channel)
    realScales.push_back(alpha * inputScale *
                         weightScales[weightScales.size() == 1 ? 0 : channel] /
                         resultScales[resultScales.size() == 1 ? 0 : channel]);
  std::string error;
  FailureOr<RequantizationTable> table = RequantizationTable::get(
      realScales, resultZeroPoints,
      StorageRange::get(cast<quant::QuantizedType>(resultElement)), error);
  if (failed(table))
    return rewriter.notifyMatchFailure(op, error);
  contraction.requantization = std::move(*table);
  return contraction;
}

bool QuantizedContraction::hasWeightZeroPoints() const {
  return llvm::any_of(weightZeroPoints,
                      [](int64_t zeroPoint) { return zeroPoint != 0; });
}

Value mlir::kiln::buildStoredSums(OpBuilder &builder, Location loc,
                                  Value stored, bool isUnsigned,
                                  ArrayRef<int64_t> keptDims) {
  auto type = cast<RankedTensorType>(stored.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> keptShape;
  SmallVector<AffineExpr> keptExprs;
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  for (int64_t dim : keptDims) {
    keptShape.push_back(type.getDimSize(dim));
    keptExprs.push_back(builder.getAffineDimExpr(dim));
    iterators[dim] = utils::IteratorType::parallel;
  }
  Type i32 = builder.getI32Type();
  auto sumsType = RankedTensorType::get(keptShape, i32);
  Value init =
      filledTensor(builder, loc, sumsType, constantLike(builder, loc, i32, 0));
  return linalg::GenericOp::create(
             builder, loc, sumsType, stored, init,
             {builder.getMultiDimIdentityMap(rank),
              AffineMap::get(rank, 0, keptExprs, builder.getContext())},
             iterators,
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value value = extendToAccumulator(nested, nestedLoc, args[0],
                                                 i32, isUnsigned);
               linalg::YieldOp::create(nested, nestedLoc,
                                       Value(arith::AddIOp::create(
                                           nested, nestedLoc, args[1], value)));
             })
      .getResult(0);
}

Value QuantizedContraction::buildInit(
    OpBuilder &builder, Location loc, RankedTensorType accType, Value weight,
    Value storedWeight, ArrayRef<int64_t> keptDims, AffineMap weightSumsMap,
    int64_t reductionSize, Value bias, AffineMap biasMap) const {
  Type i32 = builder.getI32Type();
  SmallVector<Value> operands;
  SmallVector<AffineMap> maps;
  // -z_x * sum(w) + K * z_x * z_w[c] over the kept weight dimensions (the
  // channel last); nothing to add when z_x is 0.
  if (inputZeroPoint != 0) {
    ArrayRef<int64_t> weightShape =
        cast<RankedTensorType>(storedWeight.getType()).getShape();
    SmallVector<int64_t> keptShape;
    for (int64_t dim : keptDims)
      keptShape.push_back(weightShape[dim]);
    int64_t channels = keptShape.back();
    auto crossTerm = [&](int64_t channel) {
      int64_t weightZeroPoint =
          weightZeroPoints[weightZeroPoints.size() == 1 ? 0 : channel];
      return reductionSize * inputZeroPoint * weightZeroPoint;
    };
    Value offsets;
    FailureOr<SmallVector<int64_t>> sums = failure();
    if (auto constant = weight.getDefiningOp<ConstantOp>())
      sums = sumConstant(constant, keptDims);
    if (succeeded(sums)) {
      SmallVector<int64_t> values;
      for (auto [index, sum] : llvm::enumerate(*sums))
        values.push_back(-inputZeroPoint * sum +
                         crossTerm(static_cast<int64_t>(index) % channels));
      offsets = i32Table(builder, loc, keptShape, values);
    } else {
      Value runtimeSums =
          buildStoredSums(builder, loc, storedWeight,
                          isUnsignedInteger(weight.getType()), keptDims);
      SmallVector<int64_t> crossTerms;
      for (int64_t channel = 0; channel < channels; ++channel)
        crossTerms.push_back(crossTerm(channel));
      Value crossTable = i32Table(builder, loc, {channels}, crossTerms);
      int64_t keptRank = keptShape.size();
      auto keptType = RankedTensorType::get(keptShape, i32);
      Value empty = tensor::EmptyOp::create(builder, loc, keptShape, i32);
      offsets =
          linalg::GenericOp::create(
              builder, loc, keptType, ValueRange{runtimeSums, crossTable},
              empty,
              {builder.getMultiDimIdentityMap(keptRank),
               AffineMap::get(keptRank, 0,
                              builder.getAffineDimExpr(keptRank - 1)),
               builder.getMultiDimIdentityMap(keptRank)},
              SmallVector<utils::IteratorType>(keptRank,
                                               utils::IteratorType::parallel),
              [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
                Value scaled = arith::MulIOp::create(
                    nested, nestedLoc, args[0],
                    constantLike(nested, nestedLoc, i32,
                                 static_cast<double>(-inputZeroPoint)));
                linalg::YieldOp::create(
                    nested, nestedLoc,
                    Value(arith::AddIOp::create(nested, nestedLoc, scaled,
                                                args[1])));
              })
              .getResult(0);
    }
    operands.push_back(offsets);
    maps.push_back(weightSumsMap);
  }
  if (bias) {
    operands.push_back(bias);
    maps.push_back(biasMap);
  }
  if (operands.empty())
    return filledTensor(builder, loc, accType,
                        constantLike(builder, loc, i32, 0));
  int64_t rank = accType.getRank();
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value empty = tensor::EmptyOp::create(builder, loc, accType.getShape(), i32);
  return linalg::GenericOp::create(
             builder, loc, accType, operands, empty, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value sum = args[0];
               if (operands.size() == 2)
                 sum = arith::AddIOp::create(nested, nestedLoc, sum, args[1]);
               linalg::YieldOp::create(nested, nestedLoc, sum);
             })
      .getResult(0);
}

Value QuantizedContraction::buildEpilogue(OpBuilder &builder, Location loc,
                                          Value acc,
                                          RankedTensorType resultType,
                                          AffineMap channelMap, Value inputSums,
                                          AffineMap inputSumsMap) const {
  bool subtractsInputSums = hasWeightZeroPoints();
  if (!subtractsInputSums && !requantization)
    return acc;
  int64_t rank = resultType.getRank();
  Type i32 = builder.getI32Type();
  SmallVector<Value> inputs = {acc};
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank)};
  bool perChannelZeroPoints = weightZeroPoints.size() > 1;
  if (subtractsInputSums) {
    inputs.push_back(inputSums);
    maps.push_back(inputSumsMap);
    if (perChannelZeroPoints) {
      inputs.push_back(i32Table(builder, loc,
                                {static_cast<int64_t>(weightZeroPoints.size())},
                                weightZeroPoints));
      maps.push_back(channelMap);
    }
  }
  unsigned tablesStart = inputs.size();
  if (requantization)
    requantization->addInputs(builder, loc, channelMap, inputs, maps);
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value empty = tensor::EmptyOp::create(builder, loc, resultType.getShape(),
                                        resultType.getElementType());
  return linalg::GenericOp::create(
             builder, loc, resultType, inputs, empty, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               Value value = args[0];
               if (subtractsInputSums) {
                 // - z_w[c] * sum(x)
                 Value weightZeroPoint =
                     perChannelZeroPoints
                         ? args[2]
                         : constantLike(
                               nested, nestedLoc, i32,
                               static_cast<double>(weightZeroPoints.front()));
                 Value term = arith::MulIOp::create(nested, nestedLoc,
                                                    weightZeroPoint, args[1]);
                 value = arith::SubIOp::create(nested, nestedLoc, value, term);
               }
               if (requantization)
                 value = requantization->build(
                     nested, nestedLoc, value,
                     args.slice(tablesStart, requantization->getNumInputs()));
               linalg::YieldOp::create(nested, nestedLoc, value);
             })
      .getResult(0);
}
