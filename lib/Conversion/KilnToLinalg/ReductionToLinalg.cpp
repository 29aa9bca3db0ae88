//===- ReductionToLinalg.cpp - kiln reductions to linalg ------------------===//
//
// A reduction is one linalg.generic with reduction iterators over the reduced
// axes into an accumulator filled with the combiner's identity. Elementwise
// steps before it (|x|, x^2, e^(x - max)) and after it (mean, sqrt, ln) are
// elementwise linalg.generics, which linalg-fuse-elementwise-ops merges.
// Softmax and log-softmax subtract the maximum along the axis before
// exponentiating, so large inputs do not overflow; so does reduce_log_sum_exp.
// TopK is k selection rounds in an scf.for, each one such reduction.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// How reduced elements combine into the accumulator.
enum class Combiner { add, mul, max, min };

/// The value the accumulator starts from: the combiner's identity.
TypedAttr identityAttr(OpBuilder &builder, Type type, Combiner combiner,
                       bool isUnsigned) {
  if (auto floatType = dyn_cast<FloatType>(type)) {
    const llvm::fltSemantics &semantics = floatType.getFloatSemantics();
    switch (combiner) {
    case Combiner::add:
      return builder.getFloatAttr(type, 0.0);
    case Combiner::mul:
      return builder.getFloatAttr(type, 1.0);
    case Combiner::max:
      return builder.getFloatAttr(
          type, APFloat::getInf(semantics, /*Negative=*/true));
    case Combiner::min:
      return builder.getFloatAttr(type, APFloat::getInf(semantics));
    }
  }
  unsigned width = type.getIntOrFloatBitWidth();
  switch (combiner) {
  case Combiner::add:
    return builder.getIntegerAttr(type, 0);
  case Combiner::mul:
    return builder.getIntegerAttr(type, 1);
  case Combiner::max:
    return builder.getIntegerAttr(type, isUnsigned
                                            ? APInt::getZero(width)
                                            : APInt::getSignedMinValue(width));
  case Combiner::min:
    return builder.getIntegerAttr(type, isUnsigned
                                            ? APInt::getMaxValue(width)
                                            : APInt::getSignedMaxValue(width));
  }
  llvm_unreachable("unknown combiner");
}

Value combine(OpBuilder &builder, Location loc, Combiner combiner,
              Value element, Value accumulator, bool isUnsigned) {
  bool isFloat = isa<FloatType>(element.getType());
  switch (combiner) {
  case Combiner::add:
    return isFloat ? Value(arith::AddFOp::create(builder, loc, element,
                                                 accumulator))
                   : Value(arith::AddIOp::create(builder, loc, element,
                                                 accumulator));
  case Combiner::mul:
    return isFloat ? Value(arith::MulFOp::create(builder, loc, element,
                                                 accumulator))
                   : Value(arith::MulIOp::create(builder, loc, element,
                                                 accumulator));
  case Combiner::max:
    if (isFloat)
      return arith::MaximumFOp::create(builder, loc, element, accumulator);
    if (isUnsigned)
      return arith::MaxUIOp::create(builder, loc, element, accumulator);
    return arith::MaxSIOp::create(builder, loc, element, accumulator);
  case Combiner::min:
    if (isFloat)
      return arith::MinimumFOp::create(builder, loc, element, accumulator);
    if (isUnsigned)
      return arith::MinUIOp::create(builder, loc, element, accumulator);
    return arith::MinSIOp::create(builder, loc, element, accumulator);
  }
  llvm_unreachable("unknown combiner");
}

/// A tensor filled with the scalar `value`.
Value filled(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
             TypedAttr value) {
  Value empty = tensor::EmptyOp::create(builder, loc, shape, value.getType());
  Value scalar = arith::ConstantOp::create(builder, loc, value);
  return linalg::FillOp::create(builder, loc, ValueRange{scalar},
                                ValueRange{empty})
      .getResult(0);
}

/// The loops of a reduction over `axes` of `type`: reduction iterators
/// there, and the shape and indexing map of the other (kept) dimensions.
struct ReductionLoops {
  ReductionLoops(RankedTensorType type, ArrayRef<int64_t> axes) {
    SmallVector<AffineExpr> keptDims;
    for (int64_t dim = 0, rank = type.getRank(); dim < rank; ++dim) {
      if (llvm::is_contained(axes, dim)) {
        iterators.push_back(utils::IteratorType::reduction);
        continue;
      }
      iterators.push_back(utils::IteratorType::parallel);
      keptShape.push_back(type.getDimSize(dim));
      keptDims.push_back(getAffineDimExpr(dim, type.getContext()));
    }
    keptMap = AffineMap::get(type.getRank(), 0, keptDims, type.getContext());
  }

  SmallVector<utils::IteratorType> iterators;
  SmallVector<int64_t> keptShape;
  AffineMap keptMap;
};

/// The reduction of one op: its input (signless) and the sorted axes it
/// reduces. Results have the reduced dimensions dropped.
class Reduction {
public:
  Reduction(OpBuilder &builder, Location loc, Value input,
            ArrayRef<int64_t> axes, bool isUnsigned)
      : builder(builder), loc(loc), input(input),
        inputType(cast<RankedTensorType>(input.getType())), axes(axes),
        isUnsigned(isUnsigned) {}

  Value getInput() const { return input; }

  /// Combines the elements of `tensor` (of the input's shape) over the axes.
  Value reduce(Value tensor, Combiner combiner) const {
    ReductionLoops loops(inputType, axes);
    Type element = cast<RankedTensorType>(tensor.getType()).getElementType();
    Value init = filled(builder, loc, loops.keptShape,
                        identityAttr(builder, element, combiner, isUnsigned));
    SmallVector<AffineMap> maps = {
        builder.getMultiDimIdentityMap(inputType.getRank()), loops.keptMap};
    auto generic = linalg::GenericOp::create(
        builder, loc, init.getType(), tensor, init, maps, loops.iterators,
        [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
          linalg::YieldOp::create(nested, nestedLoc,
                                  combine(nested, nestedLoc, combiner, args[0],
                                          args[1], isUnsigned));
        });
    return generic.getResult(0);
  }

  /// `body` applied elementwise to `operands` (broadcast to the shape of the
  /// first one), giving elements of the first one's type.
  Value map(ValueRange operands, ScalarBuilder body) const {
    return buildElementwiseGeneric(
        builder, loc, cast<RankedTensorType>(operands.front().getType()),
        operands, body);
  }

  /// A reduced tensor with the reduced dimensions put back as extent 1.
  Value keepDims(Value reduced) const {
    if (axes.empty())
      return reduced;
    SmallVector<int64_t> shape = llvm::to_vector(inputType.getShape());
    for (int64_t axis : axes)
      shape[axis] = 1;
    // Each kept dimension groups with the reduced ones up to the next kept
    // one; leading reduced dimensions join the first group.
    SmallVector<int64_t> kept;
    for (int64_t dim = 0, rank = inputType.getRank(); dim < rank; ++dim)
      if (!llvm::is_contained(axes, dim))
        kept.push_back(dim);
    SmallVector<ReassociationIndices> groups;
    for (auto [index, dim] : llvm::enumerate(kept)) {
      int64_t begin = index == 0 ? 0 : dim;
      int64_t end =
          index + 1 == kept.size() ? inputType.getRank() : kept[index + 1];
      groups.push_back(llvm::to_vector(llvm::seq<int64_t>(begin, end)));
    }
    auto type = RankedTensorType::get(
        shape, cast<RankedTensorType>(reduced.getType()).getElementType());
    return tensor::ExpandShapeOp::create(builder, loc, type, reduced, groups);
  }

  /// The number of elements combined into each result element.
  int64_t count() const {
    int64_t count = 1;
    for (int64_t axis : axes)
      count *= inputType.getDimSize(axis);
    return count;
  }

  /// The maximum over the axes, replaced by 0 where infinite: subtracting
  /// it before exponentiating avoids overflow, and subtracting an infinity
  /// would give NaN.
  Value finiteMax() const {
    Value max = reduce(input, Combiner::max);
    return map(max, [](OpBuilder &b, Location l, ValueRange args) {
      Value x = args[0];
      Value isFinite = arith::CmpFOp::create(
          b, l, arith::CmpFPredicate::ONE, math::AbsFOp::create(b, l, x),
          arith::ConstantOp::create(
              b, l,
              b.getFloatAttr(x.getType(),
                             std::numeric_limits<double>::infinity())));
      return Value(arith::SelectOp::create(
          b, l, isFinite, x,
          arith::ConstantOp::create(b, l, b.getZeroAttr(x.getType()))));
    });
  }

  /// e^(input - shift), `shift` in keep-dims form.
  Value shiftedExp(Value shift) const {
    return map({input, shift}, [](OpBuilder &b, Location l, ValueRange args) {
      return Value(math::ExpOp::create(
          b, l, arith::SubFOp::create(b, l, args[0], args[1])));
    });
  }

private:
  OpBuilder &builder;
  Location loc;
  Value input;
  RankedTensorType inputType;
  ArrayRef<int64_t> axes;
  bool isUnsigned;
};

/// Computes one reduce op's result, reduced dimensions dropped.
using ReductionBody = Value (*)(const Reduction &reduction, bool isUnsigned);

/// Whether the run-time axis `value` names `axis` of a rank-`rank` tensor
/// (ONNX counts negative axes from the end).
Value namesAxis(OpBuilder &builder, Location loc, Value value, int64_t axis,
                int64_t rank) {
  auto equals = [&](int64_t constant) {
    return arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::eq, value,
        arith::ConstantOp::create(
            builder, loc, builder.getIntegerAttr(value.getType(), constant)));
  };
  return arith::OrIOp::create(builder, loc, equals(axis), equals(axis - rank));
}

/// Collects in `found` every set of dimensions of `input` whose removal
/// leaves `result` (from dimension `inputDim` and `resultDim` on).
void collectDroppedDims(ArrayRef<int64_t> input, ArrayRef<int64_t> result,
                        size_t inputDim, size_t resultDim,
                        SmallVectorImpl<int64_t> &dropped,
                        SmallVectorImpl<SmallVector<int64_t>> &found) {
  if (inputDim == input.size()) {
    if (resultDim == result.size())
      found.push_back(llvm::to_vector(dropped));
    return;
  }
  if (resultDim < result.size() && input[inputDim] == result[resultDim])
    collectDroppedDims(input, result, inputDim + 1, resultDim + 1, dropped,
                       found);
  dropped.push_back(inputDim);
  collectDroppedDims(input, result, inputDim + 1, resultDim, dropped, found);
  dropped.pop_back();
}

/// The axes a reduce op may reduce: its static axes, or for run-time axes
/// the sets the declared result shape allows. Under keep_dims that is the
/// extents that became 1 (reducing an axis of extent 1 or not gives the
/// same values, so the ambiguity there is harmless); otherwise every way to
/// drop input dimensions that leaves the result shape.
FailureOr<SmallVector<SmallVector<int64_t>>>
getCandidateAxes(Operation *op, ArrayRef<int64_t> axes, Value dynamicAxes,
                 bool keepDims, PatternRewriter &rewriter) {
  if (!dynamicAxes)
    return SmallVector<SmallVector<int64_t>>{llvm::to_vector(axes)};
  ArrayRef<int64_t> input =
      cast<RankedTensorType>(op->getOperand(0).getType()).getShape();
  ArrayRef<int64_t> result =
      cast<RankedTensorType>(op->getResult(0).getType()).getShape();
  SmallVector<SmallVector<int64_t>> candidates;
  if (keepDims) {
    SmallVector<int64_t> deduced;
    for (auto [dim, extents] : llvm::enumerate(llvm::zip(input, result)))
      if (std::get<0>(extents) != std::get<1>(extents))
        deduced.push_back(dim);
    candidates.push_back(std::move(deduced));
    return candidates;
  }
  SmallVector<int64_t> dropped;
  collectDroppedDims(input, result, 0, 0, dropped, candidates);
  // Each candidate costs a reduction of its own.
  constexpr size_t maxCandidates = 8;
  if (candidates.empty() || candidates.size() > maxCandidates)
    return rewriter.notifyMatchFailure(
        op, "the result shape leaves no or too many choices of run-time "
            "axes");
  return candidates;
}

/// Whether the run-time `axes` (a 1-D tensor) all lie in `candidate`.
Value axesWithin(OpBuilder &builder, Location loc, Value axes,
                 ArrayRef<int64_t> candidate, int64_t rank) {
  Value within =
      arith::ConstantOp::create(builder, loc, builder.getBoolAttr(true));
  auto type = cast<RankedTensorType>(axes.getType());
  for (int64_t index = 0; index < type.getDimSize(0); ++index) {
    Value axis = tensor::ExtractOp::create(
        builder, loc, axes,
        ValueRange{arith::ConstantIndexOp::create(builder, loc, index)});
    Value named =
        arith::ConstantOp::create(builder, loc, builder.getBoolAttr(false));
    for (int64_t dim : candidate)
      named = arith::OrIOp::create(builder, loc, named,
                                   namesAxis(builder, loc, axis, dim, rank));
    within = arith::AndIOp::create(builder, loc, within, named);
  }
  return within;
}

template <typename OpTy> class LowerReduce : public OpConversionPattern<OpTy> {
public:
  LowerReduce(const TypeConverter &typeConverter, MLIRContext *context,
              ReductionBody body)
      : OpConversionPattern<OpTy>(typeConverter, context), body(body) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    FailureOr<SmallVector<SmallVector<int64_t>>> candidates = getCandidateAxes(
        op, op.getAxes(), op.getDynamicAxes(), op.getKeepDims(), rewriter);
    if (failed(candidates))
      return failure();
    Location loc = op.getLoc();
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    auto reduceOver = [&](ArrayRef<int64_t> axes) {
      Reduction reduction(rewriter, loc, adaptor.getInput(), axes, isUnsigned);
      Value reduced = body(reduction, isUnsigned);
      return op.getKeepDims() ? reduction.keepDims(reduced) : reduced;
    };
    // Several candidates: the run-time axes select one.
    Value result = reduceOver(candidates->back());
    int64_t rank = cast<RankedTensorType>(op.getInput().getType()).getRank();
    for (ArrayRef<int64_t> axes :
         llvm::reverse(ArrayRef<SmallVector<int64_t>>(*candidates).drop_back()))
      result = arith::SelectOp::create(
          rewriter, loc,
          axesWithin(rewriter, loc, adaptor.getDynamicAxes(), axes, rank),
          reduceOver(axes), result);
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  ReductionBody body;
};

template <Combiner combiner>
Value plainReduction(const Reduction &reduction, bool) {
  return reduction.reduce(reduction.getInput(), combiner);
}

Value squares(const Reduction &reduction) {
  return reduction.map(reduction.getInput(),
                       [](OpBuilder &b, Location l, ValueRange args) -> Value {
                         if (isa<FloatType>(args[0].getType()))
                           return arith::MulFOp::create(b, l, args[0], args[0]);
                         return arith::MulIOp::create(b, l, args[0], args[0]);
                       });
}

/// kiln.argmax / kiln.argmin: one generic over the input carrying the best
/// value and its index along the axis; a strict comparison keeps the first
/// of equal extremes, a non-strict one the last (select_last_index).
template <typename OpTy, Combiner extreme>
struct LowerArgReduce : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t axis = static_cast<int64_t>(op.getAxis());
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    bool lastIndex = op.getSelectLastIndex();

    ReductionLoops loops(inputType, axis);
    Type element = inputType.getElementType();
    Value bestValues =
        filled(rewriter, loc, loops.keptShape,
               identityAttr(rewriter, element, extreme, isUnsigned));
    Value bestIndices =
        filled(rewriter, loc, loops.keptShape, rewriter.getI64IntegerAttr(0));
    SmallVector<AffineMap> maps = {
        rewriter.getMultiDimIdentityMap(inputType.getRank()), loops.keptMap,
        loops.keptMap};
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{bestValues.getType(), bestIndices.getType()},
        input, ValueRange{bestValues, bestIndices}, maps, loops.iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value value = args[0], best = args[1], bestIndex = args[2];
          bool isMax = extreme == Combiner::max;
          using FP = arith::CmpFPredicate;
          using IP = arith::CmpIPredicate;
          Value better;
          if (isa<FloatType>(element))
            better =
                arith::CmpFOp::create(b, l,
                                      isMax ? (lastIndex ? FP::OGE : FP::OGT)
                                            : (lastIndex ? FP::OLE : FP::OLT),
                                      value, best);
          else if (isUnsigned)
            better =
                arith::CmpIOp::create(b, l,
                                      isMax ? (lastIndex ? IP::uge : IP::ugt)
                                            : (lastIndex ? IP::ule : IP::ult),
                                      value, best);
          else
            better =
                arith::CmpIOp::create(b, l,
                                      isMax ? (lastIndex ? IP::sge : IP::sgt)
                                            : (lastIndex ? IP::sle : IP::slt),
                                      value, best);
          Value index = arith::IndexCastOp::create(
              b, l, b.getI64Type(), linalg::IndexOp::create(b, l, axis));
          linalg::YieldOp::create(
              b, l,
              ValueRange{
                  arith::SelectOp::create(b, l, better, value, best),
                  arith::SelectOp::create(b, l, better, index, bestIndex)});
        });
    Value result = generic.getResult(1);
    if (op.getKeepDims())
      result =
          Reduction(rewriter, loc, input, axis, isUnsigned).keepDims(result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// kiln.softmax and kiln.log_softmax along their axis, shifted by the
/// maximum: e^(x - m) / sum(e^(x - m)), or x - m - ln(sum(e^(x - m))).
template <typename OpTy, bool isLog>
struct LowerSoftmax : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    Reduction reduction(rewriter, op.getLoc(), adaptor.getInput(), axis,
                        /*isUnsigned=*/false);
    Value shift = reduction.keepDims(reduction.finiteMax());
    Value exps = reduction.shiftedExp(shift);
    Value sum = reduction.keepDims(reduction.reduce(exps, Combiner::add));
    Value result;
    if (isLog)
      result = reduction.map(
          {reduction.getInput(), shift, sum},
          [](OpBuilder &b, Location l, ValueRange args) {
            Value shifted = arith::SubFOp::create(b, l, args[0], args[1]);
            return Value(arith::SubFOp::create(
                b, l, shifted, math::LogOp::create(b, l, args[2])));
          });
    else
      result = reduction.map(
          {exps, sum}, [](OpBuilder &b, Location l, ValueRange args) {
            return Value(arith::DivFOp::create(b, l, args[0], args[1]));
          });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// kiln.cumsum: output[k] sums input[j] along the axis over the j that the
/// flags select (j <= k, j < k, j >= k or j > k), as a generic with an extra
/// reduction loop j. This is quadratic in the axis extent, simple rather
/// than fast. A run-time axis selects among the sums along every axis.
struct LowerCumSum : OpConversionPattern<CumSumOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CumSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    arith::CmpIPredicate included =
        op.getReverse() ? (op.getExclusive() ? arith::CmpIPredicate::sgt
                                             : arith::CmpIPredicate::sge)
                        : (op.getExclusive() ? arith::CmpIPredicate::slt
                                             : arith::CmpIPredicate::sle);
    Value input = adaptor.getInput();
    if (IntegerAttr axis = op.getAxisAttr()) {
      rewriter.replaceOp(
          op, buildCumSum(rewriter, loc, input, axis.getInt(), included));
      return success();
    }
    int64_t rank = cast<RankedTensorType>(input.getType()).getRank();
    if (rank == 0)
      return rewriter.notifyMatchFailure(op, "0-D input has no axis");
    Value axisTensor = adaptor.getDynamicAxis();
    auto axisType = cast<RankedTensorType>(axisTensor.getType());
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value axis =
        tensor::ExtractOp::create(rewriter, loc, axisTensor,
                                  SmallVector<Value>(axisType.getRank(), zero));
    Value result = buildCumSum(rewriter, loc, input, rank - 1, included);
    for (int64_t candidate = rank - 2; candidate >= 0; --candidate)
      result = arith::SelectOp::create(
          rewriter, loc, namesAxis(rewriter, loc, axis, candidate, rank),
          buildCumSum(rewriter, loc, input, candidate, included), result);
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  static Value buildCumSum(OpBuilder &builder, Location loc, Value input,
                           int64_t axis, arith::CmpIPredicate included) {
    auto type = cast<RankedTensorType>(input.getType());
    int64_t rank = type.getRank();
    MLIRContext *context = builder.getContext();
    SmallVector<AffineExpr> inputExprs;
    for (int64_t dim = 0; dim < rank; ++dim)
      inputExprs.push_back(getAffineDimExpr(dim == axis ? rank : dim, context));
    SmallVector<AffineMap> maps = {
        AffineMap::get(rank + 1, 0, inputExprs, context),
        AffineMap::getMultiDimIdentityMap(rank + 1, context)
            .getMajorSubMap(rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value init = filled(builder, loc, type.getShape(),
                        builder.getZeroAttr(type.getElementType()));
    auto generic = linalg::GenericOp::create(
        builder, loc, type, input, init, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value source = linalg::IndexOp::create(b, l, rank);
          Value target = linalg::IndexOp::create(b, l, axis);
          Value include = arith::CmpIOp::create(b, l, included, source, target);
          Value term = arith::SelectOp::create(
              b, l, include, args[0],
              arith::ConstantOp::create(b, l,
                                        b.getZeroAttr(args[0].getType())));
          linalg::YieldOp::create(b, l,
                                  combine(b, l, Combiner::add, term, args[1],
                                          /*isUnsigned=*/false));
        });
    return generic.getResult(0);
  }
};

/// kiln.topk as k selection rounds (an scf.for). The order ranks elements
/// by value (descending, or ascending without `largest`), equal values by
/// position: ONNX's, where ties go to the lower index. Round t picks, at
/// every position of the other dimensions, the first element in that order
/// among those after round t-1's pick (read back from the results), by one
/// linalg.generic reducing the axis: O(k * n) comparisons. The results come
/// out sorted, which an unsorted TopK allows too.
struct LowerTopK : OpConversionPattern<TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // A run-time k is the static extent of the refined result types.
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    RankedTensorType valuesType =
        convertedType(getTypeConverter(), op.getValues());
    RankedTensorType indicesType =
        convertedType(getTypeConverter(), op.getIndices());
    int64_t axis = static_cast<int64_t>(op.getAxis());
    int64_t k = valuesType.getDimSize(axis);
    bool isUnsigned = isUnsignedInteger(op.getInput().getType());
    bool largest = op.getLargest();
    Type element = inputType.getElementType();
    Type indexType = indicesType.getElementType();

    ReductionLoops loops(inputType, axis);
    auto keptType = [&](Type type) {
      return RankedTensorType::get(loops.keptShape, type);
    };
    SmallVector<AffineMap> maps(5, loops.keptMap);
    maps.front() = rewriter.getMultiDimIdentityMap(inputType.getRank());
    // Whether (a, i) comes before (c, j) in the order.
    auto precedes = [&](OpBuilder &b, Location l, Value a, Value i, Value c,
                        Value j) -> Value {
      Value before, equal;
      if (isa<FloatType>(element)) {
        using P = arith::CmpFPredicate;
        before = arith::CmpFOp::create(b, l, largest ? P::OGT : P::OLT, a, c);
        equal = arith::CmpFOp::create(b, l, P::OEQ, a, c);
      } else {
        using P = arith::CmpIPredicate;
        P predicate = largest ? (isUnsigned ? P::ugt : P::sgt)
                              : (isUnsigned ? P::ult : P::slt);
        before = arith::CmpIOp::create(b, l, predicate, a, c);
        equal = arith::CmpIOp::create(b, l, P::eq, a, c);
      }
      Value earlier =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, j);
      return arith::OrIOp::create(b, l, before,
                                  arith::AndIOp::create(b, l, equal, earlier));
    };

    // Each round writes its picks into the results with
    // tensor.insert_slice, which bufferizes in place across rounds.
    SmallVector<int64_t> pickSizes = llvm::to_vector(valuesType.getShape());
    pickSizes[axis] = 1;
    Value values =
        tensor::EmptyOp::create(rewriter, loc, valuesType.getShape(), element);
    Value indices = tensor::EmptyOp::create(rewriter, loc,
                                            indicesType.getShape(), indexType);
    auto rounds = scf::ForOp::create(
        rewriter, loc, arith::ConstantIndexOp::create(rewriter, loc, 0),
        arith::ConstantIndexOp::create(rewriter, loc, k),
        arith::ConstantIndexOp::create(rewriter, loc, 1),
        ValueRange{values, indices},
        [&](OpBuilder &b, Location l, Value round, ValueRange results) {
          Value zero = arith::ConstantIndexOp::create(b, l, 0);
          Value first = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                              round, zero);
          // Round 0 reads slice 0 too, and ignores it.
          Value lastRound = arith::MaxSIOp::create(
              b, l,
              arith::SubIOp::create(b, l, round,
                                    arith::ConstantIndexOp::create(b, l, 1)),
              zero);
          SmallVector<OpFoldResult> offsets(valuesType.getRank(),
                                            b.getIndexAttr(0));
          offsets[axis] = lastRound;
          Value lastValues = extractSlice(b, l, keptType(element), results[0],
                                          offsets, pickSizes);
          Value lastIndices = extractSlice(b, l, keptType(indexType),
                                           results[1], offsets, pickSizes);
          TypedAttr none = b.getIntegerAttr(indexType, -1);
          Value noValues =
              filled(b, l, loops.keptShape, b.getZeroAttr(element));
          Value noIndices = filled(b, l, loops.keptShape, none);
          auto pick = linalg::GenericOp::create(
              b, l, TypeRange{noValues.getType(), noIndices.getType()},
              ValueRange{input, lastValues, lastIndices},
              ValueRange{noValues, noIndices}, maps, loops.iterators,
              [&](OpBuilder &nested, Location nestedLoc, ValueRange scalars) {
                Value value = scalars[0], last = scalars[1],
                      lastIndex = scalars[2], best = scalars[3],
                      bestIndex = scalars[4];
                Value index = arith::IndexCastOp::create(
                    nested, nestedLoc, indexType,
                    linalg::IndexOp::create(nested, nestedLoc, axis));
                Value afterLast = arith::OrIOp::create(
                    nested, nestedLoc, first,
                    precedes(nested, nestedLoc, last, lastIndex, value, index));
                Value noBest = arith::CmpIOp::create(
                    nested, nestedLoc, arith::CmpIPredicate::eq, bestIndex,
                    arith::ConstantOp::create(nested, nestedLoc, none));
                Value beforeBest = arith::OrIOp::create(
                    nested, nestedLoc, noBest,
                    precedes(nested, nestedLoc, value, index, best, bestIndex));
                Value better = arith::AndIOp::create(nested, nestedLoc,
                                                     afterLast, beforeBest);
                linalg::YieldOp::create(
                    nested, nestedLoc,
                    ValueRange{arith::SelectOp::create(nested, nestedLoc,
                                                       better, value, best),
                               arith::SelectOp::create(nested, nestedLoc,
                                                       better, index,
                                                       bestIndex)});
              });
          offsets[axis] = round;
          scf::YieldOp::create(
              b, l,
              ValueRange{insertSlice(b, l, pick.getResult(0), results[0],
                                     offsets, pickSizes),
                         insertSlice(b, l, pick.getResult(1), results[1],
                                     offsets, pickSizes)});
        });
    rewriter.replaceOp(op, rounds.getResults());
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnReductionToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<LowerReduce<ReduceSumOp>>(converter, context,
                                         plainReduction<Combiner::add>);
  patterns.add<LowerReduce<ReduceProdOp>>(converter, context,
                                          plainReduction<Combiner::mul>);
  patterns.add<LowerReduce<ReduceMaxOp>>(converter, context,
                                         plainReduction<Combiner::max>);
  patterns.add<LowerReduce<ReduceMinOp>>(converter, context,
                                         plainReduction<Combiner::min>);
  patterns.add<LowerReduce<ReduceMeanOp>>(
      converter, context, [](const Reduction &reduction, bool isUnsigned) {
        Value sum = reduction.reduce(reduction.getInput(), Combiner::add);
        int64_t count = reduction.count();
        return reduction.map(
            sum, [&](OpBuilder &b, Location l, ValueRange args) -> Value {
              Type type = args[0].getType();
              if (isa<FloatType>(type))
                return arith::DivFOp::create(
                    b, l, args[0],
                    arith::ConstantOp::create(
                        b, l,
                        b.getFloatAttr(type, static_cast<double>(count))));
              Value divisor = arith::ConstantOp::create(
                  b, l, b.getIntegerAttr(type, count));
              if (isUnsigned)
                return arith::DivUIOp::create(b, l, args[0], divisor);
              return arith::DivSIOp::create(b, l, args[0], divisor);
            });
      });
  patterns.add<LowerReduce<ReduceL1Op>>(
      converter, context, [](const Reduction &reduction, bool isUnsigned) {
        if (isUnsigned)
          return reduction.reduce(reduction.getInput(), Combiner::add);
        Value magnitudes = reduction.map(
            reduction.getInput(),
            [](OpBuilder &b, Location l, ValueRange args) -> Value {
              if (isa<FloatType>(args[0].getType()))
                return math::AbsFOp::create(b, l, args[0]);
              return math::AbsIOp::create(b, l, args[0]);
            });
        return reduction.reduce(magnitudes, Combiner::add);
      });
  patterns.add<LowerReduce<ReduceSumSquareOp>>(
      converter, context, [](const Reduction &reduction, bool) {
        return reduction.reduce(squares(reduction), Combiner::add);
      });
  patterns.add<LowerReduce<ReduceL2Op>>(
      converter, context, [](const Reduction &reduction, bool) {
        Value sum = reduction.reduce(squares(reduction), Combiner::add);
        return reduction.map(
            sum, [](OpBuilder &b, Location l, ValueRange args) {
              return Value(math::SqrtOp::create(b, l, args[0]));
            });
      });
  patterns.add<LowerReduce<ReduceLogSumOp>>(
      converter, context, [](const Reduction &reduction, bool) {
        Value sum = reduction.reduce(reduction.getInput(), Combiner::add);
        return reduction.map(sum,
                             [](OpBuilder &b, Location l, ValueRange args) {
                               return Value(math::LogOp::create(b, l, args[0]));
                             });
      });
  patterns.add<LowerReduce<ReduceLogSumExpOp>>(
      converter, context, [](const Reduction &reduction, bool) {
        // ln(sum(e^(x - m))) + m
        Value shift = reduction.finiteMax();
        Value sum = reduction.reduce(
            reduction.shiftedExp(reduction.keepDims(shift)), Combiner::add);
        return reduction.map(
            {sum, shift}, [](OpBuilder &b, Location l, ValueRange args) {
              return Value(arith::AddFOp::create(
                  b, l, math::LogOp::create(b, l, args[0]), args[1]));
            });
      });
  patterns
      .add<LowerArgReduce<ArgMaxOp, Combiner::max>,
           LowerArgReduce<ArgMinOp, Combiner::min>,
           LowerSoftmax<SoftmaxOp, /*isLog=*/false>,
           LowerSoftmax<LogSoftmaxOp, /*isLog=*/true>, LowerCumSum, LowerTopK>(
          converter, context);
}
