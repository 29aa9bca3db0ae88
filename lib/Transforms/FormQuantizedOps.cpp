//===- FormQuantizedOps.cpp - QDQ chains into ops on quantized types ------===//
//
// QDQ models (onnxruntime's quantize_static, torch's exporter) spell a
// quantized op as the float op between dequantize and quantize:
//
//   quantize(conv(dequantize(x), dequantize(w), dequantize(b)))
//
// The importer keeps that shape; this pass rewrites it into the form that
// QLinearConv, QLinearMatMul and com.microsoft's QLinear* ops import as,
// the kiln op on `!quant.uniform` operands with a quantized result:
//
//   conv(x, w, b_i32) : ... -> tensor<...x!quant.uniform<u8:f32, s:zp>>
//
// so that one lowering serves both. Every rewrite is exact in the sense
// that the quantized op, evaluated as its real-valued definition, computes
// what the QDQ chain computes; chains that do not fit stay as they are
// (dequantize -> float op -> quantize), which is always correct.
//
//===----------------------------------------------------------------------===//

#include "kiln/Transforms/Passes.h"

#include "dialects/Kiln/KilnConstantFolding.h"
#include "dialects/Kiln/KilnOps.h"
#include "dialects/Kiln/KilnShapeUtils.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

namespace mlir::kiln {
#define GEN_PASS_DEF_FORMQUANTIZEDOPSPASS
#include "kiln/Transforms/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;
using namespace mlir::kiln;

namespace {

//===----------------------------------------------------------------------===//
// Quantization parameters
//===----------------------------------------------------------------------===//

/// Returns the element type of `value` if it is quantized per tensor.
quant::UniformQuantizedType getPerTensorType(Value value) {
  return dyn_cast<quant::UniformQuantizedType>(
      getElementTypeOrSelf(value.getType()));
}

/// Whether two scales agree. Exporters compute a bias scale as the float32
/// product of two float32 scales; 1e-6 relative covers that rounding.
bool scalesMatch(double a, double b) {
  return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
}

/// `saturate(round_half_to_even(real / scale) + zeroPoint)`, as
/// kiln.quantize defines it (std::nearbyint rounds ties to even in the
/// default rounding mode).
int64_t quantizeReal(double real, double scale, int64_t zeroPoint, int64_t min,
                     int64_t max) {
  double stored = std::nearbyint(real / scale) + static_cast<double>(zeroPoint);
  return static_cast<int64_t>(
      std::clamp(stored, static_cast<double>(min), static_cast<double>(max)));
}

/// The extent of dimensions after `dim` of `shape`: how far apart
/// consecutive indices along `dim` are in a row-major tensor.
int64_t getStride(ArrayRef<int64_t> shape, int64_t dim) {
  int64_t stride = 1;
  for (int64_t extent : shape.drop_front(dim + 1))
    stride *= extent;
  return stride;
}

/// The scale and zero point of every element (row-major) of `type`, a
/// static tensor quantized per tensor or per axis.
FailureOr<SmallVector<std::pair<double, int64_t>>>
getElementParameters(RankedTensorType type) {
  int64_t count = type.getNumElements();
  Type element = type.getElementType();
  if (auto perTensor = dyn_cast<quant::UniformQuantizedType>(element))
    return SmallVector<std::pair<double, int64_t>>(
        count, {perTensor.getScale(), perTensor.getZeroPoint()});
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element);
  if (!perAxis)
    return failure();
  int64_t dim = perAxis.getQuantizedDimension();
  int64_t stride = getStride(type.getShape(), dim);
  SmallVector<std::pair<double, int64_t>> parameters;
  for (int64_t i = 0; i < count; ++i) {
    int64_t slice = (i / stride) % type.getDimSize(dim);
    parameters.emplace_back(perAxis.getScales()[slice],
                            perAxis.getZeroPoints()[slice]);
  }
  return parameters;
}

/// Returns `x` if `value` is `kiln.dequantize(x)`.
Value getDequantized(Value value) {
  if (auto dequantize = value.getDefiningOp<DequantizeOp>())
    return dequantize.getInput();
  return {};
}

/// Returns `x` if `value` is `kiln.dequantize(x)` with `x` quantized per
/// tensor: quantized activations must be, for the integer lowering to take
/// their scale out of the sums.
Value getDequantizedPerTensor(Value value) {
  Value quantized = getDequantized(value);
  return quantized && getPerTensorType(quantized) ? quantized : Value();
}

/// `quantized` re-expressed with `type`'s parameters (itself if equal).
Value buildRequantize(PatternRewriter &rewriter, Location loc, Value quantized,
                      Type type) {
  if (quantized.getType() == type)
    return quantized;
  return RequantizeOp::create(rewriter, loc, type, quantized);
}

//===----------------------------------------------------------------------===//
// Contractions and their bias
//===----------------------------------------------------------------------===//

/// The i32 bias of a quantized contraction: the stored integers at the
/// accumulator's scale with zero point 0 (QLinearConv's `B`). Either an
/// existing quantized value holds them, or they are computed here.
struct QuantizedBias {
  /// The float bias operand this replaces.
  Value original;
  /// A quantized tensor (i32 storage, matching scales, zero point 0) whose
  /// stored integers are the bias, or null.
  Value stored;
  /// Otherwise the integers, quantized at compile time.
  SmallVector<int32_t> values;
};

/// Returns the scale of the i32 accumulator of a contraction of `lhs` (the
/// activation, per tensor) with `rhs` (the weight, per tensor or per axis
/// along its output channel dimension `rhsChannelDim`): `s_lhs * s_rhs[c]`
/// for every output channel c, or one value for a per-tensor weight.
FailureOr<SmallVector<double>> getAccumulatorScales(Value lhs, Value rhs,
                                                    int64_t rhsChannelDim) {
  quant::UniformQuantizedType lhsType = getPerTensorType(lhs);
  if (!lhsType)
    return failure();
  double lhsScale = lhsType.getScale();
  if (quant::UniformQuantizedType rhsType = getPerTensorType(rhs))
    return SmallVector<double>{lhsScale * rhsType.getScale()};
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(
      getElementTypeOrSelf(rhs.getType()));
  if (!perAxis || perAxis.getQuantizedDimension() != rhsChannelDim)
    return failure();
  return llvm::map_to_vector(perAxis.getScales(),
                             [&](double scale) { return lhsScale * scale; });
}

/// The accumulator scale of each element (row-major) of a bias of `type`
/// whose dimension `channelDim` indexes output channels (-1: none).
FailureOr<SmallVector<double>>
getBiasElementScales(RankedTensorType type, ArrayRef<double> channelScales,
                     int64_t channelDim) {
  int64_t count = type.getNumElements();
  if (channelScales.size() == 1)
    return SmallVector<double>(count, channelScales.front());
  if (channelDim < 0 || channelDim >= type.getRank() ||
      type.getDimSize(channelDim) != static_cast<int64_t>(channelScales.size()))
    return failure();
  int64_t stride = getStride(type.getShape(), channelDim);
  SmallVector<double> scales;
  for (int64_t i = 0; i < count; ++i)
    scales.push_back(channelScales[(i / stride) % channelScales.size()]);
  return scales;
}

/// The real values of a constant `bias`: a float constant, or the dequantized
/// values of a quantized constant.
std::optional<SmallVector<double>> getConstantRealValues(Value bias) {
  ElementsAttr elements;
  if (matchPattern(bias, m_Constant(&elements))) {
    if (!isa<FloatType>(elements.getElementType()))
      return std::nullopt;
    FailureOr<SmallVector<double>> values = readFloatElements(elements);
    if (failed(values))
      return std::nullopt;
    return std::move(*values);
  }
  Value quantized = getDequantized(bias);
  if (!quantized || !matchPattern(quantized, m_Constant(&elements)))
    return std::nullopt;
  FailureOr<SmallVector<int64_t>> stored = readIntegerElements(elements);
  FailureOr<SmallVector<std::pair<double, int64_t>>> parameters =
      getElementParameters(cast<RankedTensorType>(quantized.getType()));
  if (failed(stored) || failed(parameters))
    return std::nullopt;
  SmallVector<double> values;
  for (auto [value, parameter] : llvm::zip_equal(*stored, *parameters))
    values.push_back(static_cast<double>(value - parameter.second) *
                     parameter.first);
  return values;
}

/// Plans the i32 bias of a quantized contraction from the float `bias`
/// operand. `dequantize(b)` with b stored in i32 at the accumulator's scales
/// (zero point 0) is used as it is; a constant bias (float, or quantized
/// otherwise) is quantized at the accumulator's scales now.
FailureOr<QuantizedBias> planBias(PatternRewriter &rewriter, Operation *op,
                                  Value bias, ArrayRef<double> channelScales,
                                  int64_t channelDim) {
  auto type = cast<RankedTensorType>(bias.getType());
  if (!type.hasStaticShape())
    return rewriter.notifyMatchFailure(op, "bias shape is not static");
  FailureOr<SmallVector<double>> scales =
      getBiasElementScales(type, channelScales, channelDim);
  if (failed(scales))
    return rewriter.notifyMatchFailure(
        op, "bias does not have one value per output channel of the "
            "per-channel weight");

  QuantizedBias planned{bias, {}, {}};
  if (Value quantized = getDequantized(bias)) {
    auto storage =
        cast<quant::QuantizedType>(getElementTypeOrSelf(quantized.getType()));
    FailureOr<SmallVector<std::pair<double, int64_t>>> parameters =
        getElementParameters(cast<RankedTensorType>(quantized.getType()));
    if (storage.isSigned() && storage.getStorageTypeIntegralWidth() == 32 &&
        succeeded(parameters) &&
        llvm::all_of(llvm::zip_equal(*parameters, *scales), [](auto pair) {
          auto [parameter, scale] = pair;
          return parameter.second == 0 && scalesMatch(parameter.first, scale);
        })) {
      planned.stored = quantized;
      return planned;
    }
  }
  std::optional<SmallVector<double>> values = getConstantRealValues(bias);
  if (!values)
    return rewriter.notifyMatchFailure(
        op, "bias is neither stored in i32 at the accumulator's scale nor a "
            "constant");
  constexpr int64_t min = std::numeric_limits<int32_t>::min();
  constexpr int64_t max = std::numeric_limits<int32_t>::max();
  for (auto [value, scale] : llvm::zip_equal(*values, *scales))
    planned.values.push_back(
        static_cast<int32_t>(quantizeReal(value, scale, 0, min, max)));
  return planned;
}

/// Builds the i32 tensor that `planned` describes.
Value buildBias(PatternRewriter &rewriter, Location loc,
                const QuantizedBias &planned) {
  auto type = cast<RankedTensorType>(planned.original.getType())
                  .clone(rewriter.getI32Type());
  if (!planned.stored)
    return ConstantOp::create(
        rewriter, loc, DenseElementsAttr::get(type, ArrayRef(planned.values)));
  // A quantized constant already holds the stored integers.
  ElementsAttr stored;
  if (matchPattern(planned.stored, m_Constant(&stored)))
    return ConstantOp::create(rewriter, loc, stored);
  return StorageCastOp::create(rewriter, loc, type, planned.stored);
}

//===----------------------------------------------------------------------===//
// Forming quantized ops
//===----------------------------------------------------------------------===//

/// How to rebuild a float op on quantized operands, decided before any IR is
/// built so that a pattern that does not apply changes nothing.
struct QuantizedOpPlan {
  /// The float op, fed by dequantize ops.
  Operation *op;
  /// Its dequantized operands -> their quantized inputs.
  IRMapping operands;
  /// Conv and gemm: the replacement of the float bias.
  std::optional<QuantizedBias> bias;
};

/// Maps every operand of `op` to the per-tensor quantized value it
/// dequantizes; fails if one is not such a dequantize.
LogicalResult mapDequantizedOperands(PatternRewriter &rewriter, Operation *op,
                                     ValueRange operands,
                                     QuantizedOpPlan &plan) {
  for (Value operand : operands) {
    Value quantized = getDequantizedPerTensor(operand);
    if (!quantized)
      return rewriter.notifyMatchFailure(
          op, "operand is not dequantized from a per-tensor quantized value");
    plan.operands.map(operand, quantized);
  }
  return success();
}

/// Plans a contraction on `lhs` and `rhs` (the weight, quantized per tensor
/// or per axis along its output channel dimension `rhsChannelDim`) with an
/// optional `bias` whose dimension `biasChannelDim` indexes output channels.
LogicalResult planContraction(PatternRewriter &rewriter, Operation *op,
                              Value lhs, Value rhs, int64_t rhsChannelDim,
                              Value bias, int64_t biasChannelDim,
                              QuantizedOpPlan &plan) {
  Value quantizedLhs = getDequantizedPerTensor(lhs);
  Value quantizedRhs = getDequantized(rhs);
  if (!quantizedLhs || !quantizedRhs)
    return rewriter.notifyMatchFailure(
        op, "operands are not dequantized from quantized values");
  FailureOr<SmallVector<double>> scales =
      getAccumulatorScales(quantizedLhs, quantizedRhs, rhsChannelDim);
  if (failed(scales))
    return rewriter.notifyMatchFailure(
        op, "input is not quantized per tensor or the weight neither per "
            "tensor nor per output channel");
  plan.operands.map(lhs, quantizedLhs);
  plan.operands.map(rhs, quantizedRhs);
  if (!bias)
    return success();
  FailureOr<QuantizedBias> planned =
      planBias(rewriter, op, bias, *scales, biasChannelDim);
  if (failed(planned))
    return failure();
  plan.bias = std::move(*planned);
  return success();
}

/// Plans `op` (a single-result float op whose operands are dequantized) on
/// quantized operands, or fails with the reason.
FailureOr<QuantizedOpPlan> planQuantizedOp(PatternRewriter &rewriter,
                                           Operation *op) {
  QuantizedOpPlan plan{op, {}, std::nullopt};
  LogicalResult planned =
      TypeSwitch<Operation *, LogicalResult>(op)
          .Case([&](ConvOp conv) {
            return planContraction(rewriter, op, conv.getInput(),
                                   conv.getWeight(), /*rhsChannelDim=*/0,
                                   conv.getBias(), /*biasChannelDim=*/0, plan);
          })
          .Case([&](GemmOp gemm) {
            Value c = gemm.getC();
            int64_t cChannelDim =
                c ? cast<RankedTensorType>(c.getType()).getRank() - 1 : -1;
            return planContraction(rewriter, op, gemm.getA(), gemm.getB(),
                                   gemm.getTransB() ? 0 : 1, c, cChannelDim,
                                   plan);
          })
          .Case([&](MatMulOp matmul) {
            // Per-axis weights must be quantized along their columns.
            int64_t rank =
                cast<RankedTensorType>(matmul.getRhs().getType()).getRank();
            return planContraction(rewriter, op, matmul.getLhs(),
                                   matmul.getRhs(), rank >= 2 ? rank - 1 : -1,
                                   Value(), -1, plan);
          })
          .Case<AddOp, MulOp, ConcatOp, AveragePoolOp, GlobalAveragePoolOp,
                SoftmaxOp, SigmoidOp, TanhOp, LeakyReluOp, HardSigmoidOp,
                HardSwishOp>(
              [&](Operation *other) {
                return mapDequantizedOperands(rewriter, other,
                                              other->getOperands(), plan);
              })
          .Default([&](Operation *other) {
            return rewriter.notifyMatchFailure(other,
                                               "op has no quantized form here");
          });
  if (failed(planned))
    return failure();
  return plan;
}

/// Builds the quantized op that `plan` describes, with result type `type`.
Value buildQuantizedOp(PatternRewriter &rewriter, QuantizedOpPlan &plan,
                       RankedTensorType type) {
  Operation *op = plan.op;
  // Concatenated values must share the result's parameters.
  if (isa<ConcatOp>(op))
    for (Value input : op->getOperands())
      plan.operands.map(input,
                        buildRequantize(rewriter, op->getLoc(),
                                        plan.operands.lookup(input),
                                        cast<RankedTensorType>(input.getType())
                                            .clone(type.getElementType())));
  if (plan.bias)
    plan.operands.map(plan.bias->original,
                      buildBias(rewriter, op->getLoc(), *plan.bias));
  Operation *quantized = rewriter.clone(*op, plan.operands);
  rewriter.modifyOpInPlace(quantized,
                           [&] { quantized->getResult(0).setType(type); });
  return quantized->getResult(0);
}

/// The bounds, in real values, that `activation` (relu or clip on floats)
/// clamps to; none where it does not clamp.
std::pair<std::optional<double>, std::optional<double>>
getClampBounds(Operation *activation) {
  if (isa<ReluOp>(activation))
    return {0.0, std::nullopt};
  auto clip = cast<ClipOp>(activation);
  auto bound = [](Attribute attr) -> std::optional<double> {
    if (auto value = dyn_cast_if_present<FloatAttr>(attr))
      return value.getValueAsDouble();
    return std::nullopt;
  };
  return {bound(clip.getMinAttr()), bound(clip.getMaxAttr())};
}

/// Whether clamping with `activation` changes no stored value of `type`:
/// the quantized bounds lie at or beyond the storage range. onnxruntime
/// chooses such parameters for relu outputs (zero point at the storage
/// minimum) and then drops the relu.
bool isNoOpOn(Operation *activation, quant::UniformQuantizedType type) {
  auto [lower, upper] = getClampBounds(activation);
  int64_t min = type.getStorageTypeMin(), max = type.getStorageTypeMax();
  auto quantize = [&](double real) {
    return quantizeReal(real, type.getScale(), type.getZeroPoint(), min, max);
  };
  return (!lower || quantize(*lower) <= min) &&
         (!upper || quantize(*upper) >= max);
}

/// quantize(OP(dequantize(a), dequantize(b), ...)) -> OP(a, b, ...) with the
/// quantize's result type, and quantize(ACT(...)) for ACT relu or clip.
///
/// quantize is monotone, so quantize(clamp(x, lo, hi)) equals
/// clamp(quantize(x), quantize(lo), quantize(hi)): an activation between
/// the op and the quantize (torch's exporter keeps it) becomes the
/// activation on the quantized result, or nothing when the result's range
/// already clamps. The same holds for quantize(ACT(dequantize(x))), where
/// quantize(dequantize(x)) is requantize(x).
struct FormQuantizedOp : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeOp quantize,
                                PatternRewriter &rewriter) const override {
    quant::UniformQuantizedType resultType =
        getPerTensorType(quantize.getOutput());
    if (!resultType)
      return rewriter.notifyMatchFailure(quantize,
                                         "result is not quantized per tensor");
    Operation *producer = quantize.getInput().getDefiningOp();
    if (!producer || !producer->hasOneUse())
      return rewriter.notifyMatchFailure(
          quantize, "input is not an op whose only user is the quantize");
    Operation *activation = nullptr;
    if (isa<ReluOp, ClipOp>(producer)) {
      activation = producer;
      producer = producer->getOperand(0).getDefiningOp();
      if (!producer || (!isa<DequantizeOp>(producer) && !producer->hasOneUse()))
        return rewriter.notifyMatchFailure(
            quantize, "activation input is not an op of its own");
    }

    RankedTensorType type = quantize.getType();
    Value result;
    if (auto dequantize = dyn_cast<DequantizeOp>(producer)) {
      // quantize(dequantize(x)) is its own pattern; here it appears only
      // under an activation.
      if (!activation)
        return rewriter.notifyMatchFailure(quantize, "plain requantization");
      result = buildRequantize(rewriter, quantize.getLoc(),
                               dequantize.getInput(), type);
    } else {
      FailureOr<QuantizedOpPlan> plan = planQuantizedOp(rewriter, producer);
      if (failed(plan))
        return failure();
      result = buildQuantizedOp(rewriter, *plan, type);
    }
    if (activation && !isNoOpOn(activation, resultType)) {
      IRMapping operand;
      operand.map(activation->getOperand(0), result);
      Operation *clamp = rewriter.clone(*activation, operand);
      rewriter.modifyOpInPlace(clamp,
                               [&] { clamp->getResult(0).setType(type); });
      result = clamp->getResult(0);
    }
    rewriter.replaceOp(quantize, result);
    return success();
  }
};

/// quantize(dequantize(x)) -> x for equal types, otherwise requantize(x).
struct FoldQuantizeOfDequantize : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(QuantizeOp quantize,
                                PatternRewriter &rewriter) const override {
    Value quantized = getDequantized(quantize.getInput());
    if (!quantized)
      return rewriter.notifyMatchFailure(quantize, "input is not dequantized");
    rewriter.replaceOp(quantize,
                       buildRequantize(rewriter, quantize.getLoc(), quantized,
                                       quantize.getType()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Layout ops
//===----------------------------------------------------------------------===//

/// Whether a reshaping op keeps dimension `dim` and every dimension before
/// it: then each slice along `dim` stays a slice along `dim` (row-major).
bool keepsLeadingDimensions(Operation *op, int64_t dim) {
  ArrayRef<int64_t> input = getShape(op->getOperand(0));
  ArrayRef<int64_t> output = getShape(op->getResult(0));
  return dim < static_cast<int64_t>(input.size()) &&
         dim < static_cast<int64_t>(output.size()) &&
         input.take_front(dim + 1) == output.take_front(dim + 1) &&
         !ShapedType::isDynamicShape(input.take_front(dim + 1));
}

/// Whether `op` moves each slice of its input along dimension `dim` to the
/// slice with the same index along the same dimension of its result, so
/// that a quantization per axis `dim` stays valid.
bool keepsSlicesAlong(ReshapeOp op, int64_t dim) {
  return keepsLeadingDimensions(op, dim);
}
bool keepsSlicesAlong(FlattenOp op, int64_t dim) {
  return keepsLeadingDimensions(op, dim);
}
bool keepsSlicesAlong(SqueezeOp op, int64_t dim) {
  return keepsLeadingDimensions(op, dim);
}
bool keepsSlicesAlong(UnsqueezeOp op, int64_t dim) {
  return keepsLeadingDimensions(op, dim);
}
bool keepsSlicesAlong(TransposeOp op, int64_t dim) {
  return op.getPerm()[dim] == dim;
}
bool keepsSlicesAlong(SliceOp op, int64_t dim) {
  int64_t extent = getShape(op.getInput())[dim];
  return op.getSteps()[dim] == 1 && !ShapedType::isDynamic(extent) &&
         getShape(op.getOutput())[dim] == extent;
}
/// Pooling windows span the spatial dimensions only.
bool keepsSlicesAlong(MaxPoolOp, int64_t dim) { return dim <= 1; }
bool keepsSlicesAlong(GlobalMaxPoolOp, int64_t dim) { return dim <= 1; }

/// L(dequantize(x)) -> dequantize(L(x)) for ops L that only move or select
/// values (max pooling selects: max commutes with the monotone dequantize).
/// The quantized L keeps x's element type; per-axis parameters must stay on
/// their dimension, sub-channel ones are refused. With the dequantize moved
/// down, `quantize(dequantize(...))` and the op patterns see through L.
template <typename OpTy>
struct SinkDequantize : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Value quantized = getDequantized(op->getOperand(0));
    if (!quantized)
      return rewriter.notifyMatchFailure(op, "input is not dequantized");
    Type element = getElementTypeOrSelf(quantized.getType());
    if (isa<quant::UniformQuantizedSubChannelType>(element))
      return rewriter.notifyMatchFailure(op, "sub-channel quantization");
    if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
      if (!keepsSlicesAlong(op, perAxis.getQuantizedDimension()))
        return rewriter.notifyMatchFailure(
            op, "op moves the per-axis quantized dimension");
    auto type = cast<RankedTensorType>(op->getResult(0).getType());
    IRMapping operand;
    operand.map(op->getOperand(0), quantized);
    Operation *moved = rewriter.clone(*op, operand);
    rewriter.modifyOpInPlace(
        moved, [&] { moved->getResult(0).setType(type.clone(element)); });
    rewriter.replaceOpWithNewOp<DequantizeOp>(op, type, moved->getResult(0));
    return success();
  }
};

struct FormQuantizedOpsPass final
    : mlir::kiln::impl::FormQuantizedOpsPassBase<FormQuantizedOpsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateFormQuantizedOpsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::kiln::populateFormQuantizedOpsPatterns(RewritePatternSet &patterns) {
  patterns.add<FormQuantizedOp, FoldQuantizeOfDequantize,
               SinkDequantize<ReshapeOp>, SinkDequantize<FlattenOp>,
               SinkDequantize<SqueezeOp>, SinkDequantize<UnsqueezeOp>,
               SinkDequantize<TransposeOp>, SinkDequantize<SliceOp>,
               SinkDequantize<MaxPoolOp>, SinkDequantize<GlobalMaxPoolOp>>(
      patterns.getContext());
}
