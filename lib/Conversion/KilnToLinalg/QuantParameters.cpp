//===- QuantParameters.cpp - quantization parameters as lowering tables ---===//

#include "QuantParameters.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::kiln;

QuantParameters QuantParameters::get(quant::QuantizedType type, int64_t rank) {
  MLIRContext *context = type.getContext();
  QuantParameters parameters;
  parameters.storage = StorageRange::get(type);
  parameters.isSigned = type.isSigned();
  parameters.map = AffineMap::get(rank, 0, context);
  if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type)) {
    parameters.scales.push_back(uniform.getScale());
    parameters.zeroPoints.push_back(uniform.getZeroPoint());
    return parameters;
  }
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
    llvm::append_range(parameters.scales, perAxis.getScales());
    llvm::append_range(parameters.zeroPoints, perAxis.getZeroPoints());
    parameters.axis = perAxis.getQuantizedDimension();
    parameters.map =
        AffineMap::get(rank, 0, getAffineDimExpr(*parameters.axis, context));
    return parameters;
  }
  auto subChannel = cast<quant::UniformQuantizedSubChannelType>(type);
  DenseElementsAttr scales = subChannel.getScales();
  for (const APFloat &scale : scales.getValues<APFloat>())
    parameters.scales.push_back(scale.convertToDouble());
  for (const APInt &zeroPoint : subChannel.getZeroPoints().getValues<APInt>())
    parameters.zeroPoints.push_back(type.isSigned() ? zeroPoint.getSExtValue()
                                                    : zeroPoint.getZExtValue());
  ArrayRef<int64_t> blocks = scales.getType().getShape();
  SmallVector<int64_t> blockSizes(rank, 1);
  for (auto [dim, size] : llvm::zip(subChannel.getQuantizedDimensions(),
                                    subChannel.getBlockSizes()))
    blockSizes[dim] = size;
  AffineExpr entry = getAffineConstantExpr(0, context);
  int64_t stride = 1;
  for (int64_t dim = rank - 1; dim >= 0; --dim) {
    if (blocks[dim] == 1)
      continue;
    entry = entry +
            getAffineDimExpr(dim, context).floorDiv(blockSizes[dim]) * stride;
    stride *= blocks[dim];
  }
  parameters.map = AffineMap::get(rank, 0, entry, context);
  return parameters;
}

int64_t QuantParameters::quantize(double value, size_t entry) const {
  double rounded = std::nearbyint(value / scales[entry]);
  double stored = std::clamp(rounded + static_cast<double>(zeroPoints[entry]),
                             static_cast<double>(storage.min),
                             static_cast<double>(storage.max));
  return static_cast<int64_t>(stored);
}

Value QuantParameters::buildScales(OpBuilder &builder, Location loc,
                                   Type type) const {
  if (isUniform())
    return arith::ConstantOp::create(
        builder, loc, builder.getFloatAttr(type, scales.front()));
  const llvm::fltSemantics &semantics =
      cast<FloatType>(type).getFloatSemantics();
  SmallVector<APFloat> values;
  for (double scale : scales) {
    APFloat value(scale);
    bool losesInfo = false;
    value.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
    values.push_back(value);
  }
  return arith::ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(
          RankedTensorType::get({static_cast<int64_t>(scales.size())}, type),
          values));
}

Value QuantParameters::buildZeroPoints(OpBuilder &builder, Location loc,
                                       Type type) const {
  if (isUniform())
    return arith::ConstantOp::create(
        builder, loc, builder.getIntegerAttr(type, zeroPoints.front()));
  SmallVector<APInt> values;
  for (int64_t zeroPoint : zeroPoints)
    values.emplace_back(type.getIntOrFloatBitWidth(), zeroPoint,
                        /*isSigned=*/true, /*implicitTrunc=*/true);
  return arith::ConstantOp::create(
      builder, loc,
      DenseElementsAttr::get(
          RankedTensorType::get({static_cast<int64_t>(scales.size())}, type),
          values));
}
