//===- FoldBatchNorm.cpp - fold batch normalization into conv -------------===//
//
// Folds `kiln.batch_norm` of a `kiln.conv` with constant parameters into the
// convolution's weight and bias, as every inference compiler does for CNNs.
//
//===----------------------------------------------------------------------===//

#include "kiln/Transforms/Passes.h"

#include "dialects/Kiln/KilnConstantFolding.h"
#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::kiln {
#define GEN_PASS_DEF_FOLDBATCHNORMPASS
#include "kiln/Transforms/Passes.h.inc"
} // namespace mlir::kiln

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// Returns the values of a constant float tensor (`dense` or
/// `dense_resource`) in double precision, or nothing if `value` is not one.
std::optional<SmallVector<double>> getConstantValues(Value value) {
  ElementsAttr elements;
  if (!matchPattern(value, m_Constant(&elements)) ||
      !isa<FloatType>(elements.getElementType()))
    return std::nullopt;
  FailureOr<SmallVector<double>> values = readFloatElements(elements);
  if (failed(values))
    return std::nullopt;
  return std::move(*values);
}

// With k[m] = scale[m] / sqrt(variance[m] + epsilon):
//   batch_norm(conv(x, W, b)) = conv(x, W * k, (b - mean) * k + bias)
// because normalization is an affine map per output channel m.
struct FoldBatchNormIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp norm,
                                PatternRewriter &rewriter) const override {
    auto conv = norm.getInput().getDefiningOp<ConvOp>();
    if (!conv)
      return rewriter.notifyMatchFailure(norm, "input is not a kiln.conv");
    if (!conv->hasOneUse())
      return rewriter.notifyMatchFailure(norm, "conv has other users");
    auto weightType = cast<RankedTensorType>(conv.getWeight().getType());
    if (!isa<FloatType>(weightType.getElementType()) ||
        !weightType.hasStaticShape())
      return rewriter.notifyMatchFailure(norm,
                                         "conv weight is not static float");

    std::optional<SmallVector<double>> weight =
        getConstantValues(conv.getWeight());
    std::optional<SmallVector<double>> scale =
        getConstantValues(norm.getScale());
    std::optional<SmallVector<double>> shift =
        getConstantValues(norm.getBias());
    std::optional<SmallVector<double>> mean = getConstantValues(norm.getMean());
    std::optional<SmallVector<double>> variance =
        getConstantValues(norm.getVariance());
    if (!weight || !scale || !shift || !mean || !variance)
      return rewriter.notifyMatchFailure(
          norm, "weight or normalization parameters are not constant");
    int64_t outChannels = weightType.getDimSize(0);
    SmallVector<double> bias(outChannels, 0.0);
    if (Value convBias = conv.getBias()) {
      std::optional<SmallVector<double>> values = getConstantValues(convBias);
      if (!values)
        return rewriter.notifyMatchFailure(norm, "conv bias is not constant");
      bias = std::move(*values);
    }
    if (static_cast<int64_t>(scale->size()) != outChannels)
      return rewriter.notifyMatchFailure(norm, "channel counts differ");

    double epsilon = norm.getEpsilon().convertToDouble();
    int64_t perChannel = weightType.getNumElements() / outChannels;
    for (int64_t m = 0; m < outChannels; ++m) {
      double k = (*scale)[m] / std::sqrt((*variance)[m] + epsilon);
      for (int64_t i = 0; i < perChannel; ++i)
        (*weight)[m * perChannel + i] *= k;
      bias[m] = (bias[m] - (*mean)[m]) * k + (*shift)[m];
    }

    Location loc = norm.getLoc();
    auto biasType =
        RankedTensorType::get({outChannels}, weightType.getElementType());
    Value newWeight = ConstantOp::create(
        rewriter, loc, getFloatConstant(weightType, *weight, "folded_weight"));
    Value newBias = ConstantOp::create(
        rewriter, loc, getFloatConstant(biasType, bias, "folded_bias"));
    rewriter.replaceOpWithNewOp<ConvOp>(
        norm, norm.getType(), conv.getInput(), newWeight, newBias,
        conv.getStridesAttr(), conv.getDilationsAttr(), conv.getPadsAttr(),
        conv.getGroupAttr());
    return success();
  }
};

struct FoldBatchNormPass final
    : mlir::kiln::impl::FoldBatchNormPassBase<FoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateFoldBatchNormPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::kiln::populateFoldBatchNormPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldBatchNormIntoConv>(patterns.getContext());
}
