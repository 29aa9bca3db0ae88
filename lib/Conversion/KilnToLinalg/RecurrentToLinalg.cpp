//===- RecurrentToLinalg.cpp - kiln rnn, gru, lstm to linalg and scf ------===//
//
// One driver lowers the three recurrent ops; they differ only in their cell.
// Per direction, the input projection `x_t * W^T + Wb + Rb` of every time
// step is one contraction before the time loop. An scf.for over the time
// steps carries y and the states (H, and C for LSTM) as iter_args; at each
// step the cell multiplies the state by blocks of R^T (contraction
// linalg.generics accumulating onto slices of the projection) and applies
// its gate equations as elementwise linalg.generics over
// [batch_size, hidden_size]. The reverse direction walks t = T-1, .., 0.
// With sequence_lens, a step t >= L[n] leaves entry n's states unchanged and
// writes zeros to y, which also gives the reverse direction its start at
// L[n] - 1. Batch-major operands and results are transposed around the
// sequence-major computation.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

#include <type_traits>

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// One activation function of a direction with its ONNX parameters.
struct Activation {
  RecurrentActivation kind;
  double alpha;
  double beta;
};

/// The scalar `activation(x)`, with `x` first clamped to [-clip, clip].
Value applyActivation(OpBuilder &b, Location loc, const Activation &activation,
                      std::optional<double> clip, Value x) {
  Type type = x.getType();
  auto constant = [&](double value) {
    return constantLike(b, loc, type, value);
  };
  auto mul = [&](Value lhs, Value rhs) {
    return arith::MulFOp::create(b, loc, lhs, rhs);
  };
  auto add = [&](Value lhs, Value rhs) {
    return arith::AddFOp::create(b, loc, lhs, rhs);
  };
  auto select = [&](arith::CmpFPredicate predicate, Value lhs, Value rhs,
                    Value ifTrue, Value ifFalse) -> Value {
    Value condition = arith::CmpFOp::create(b, loc, predicate, lhs, rhs);
    return arith::SelectOp::create(b, loc, condition, ifTrue, ifFalse);
  };
  if (clip)
    x = arith::MinimumFOp::create(
        b, loc, arith::MaximumFOp::create(b, loc, x, constant(-*clip)),
        constant(*clip));
  double alpha = activation.alpha;
  double beta = activation.beta;
  switch (activation.kind) {
  case RecurrentActivation::relu:
    return arith::MaximumFOp::create(b, loc, x, constant(0));
  case RecurrentActivation::tanh:
    return math::TanhOp::create(b, loc, x);
  case RecurrentActivation::sigmoid:
    return arith::DivFOp::create(
        b, loc, constant(1),
        add(constant(1),
            math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x))));
  case RecurrentActivation::affine:
    return add(mul(constant(alpha), x), constant(beta));
  case RecurrentActivation::leaky_relu:
    return select(arith::CmpFPredicate::OGE, x, constant(0), x,
                  mul(constant(alpha), x));
  case RecurrentActivation::thresholded_relu:
    return select(arith::CmpFPredicate::OGT, x, constant(alpha), x,
                  constant(0));
  case RecurrentActivation::scaled_tanh:
    return mul(constant(alpha),
               math::TanhOp::create(b, loc, mul(constant(beta), x)));
  case RecurrentActivation::hard_sigmoid:
    return arith::MinimumFOp::create(
        b, loc,
        arith::MaximumFOp::create(
            b, loc, add(mul(constant(alpha), x), constant(beta)), constant(0)),
        constant(1));
  case RecurrentActivation::elu:
    return select(arith::CmpFPredicate::OGE, x, constant(0), x,
                  mul(constant(alpha), math::ExpM1Op::create(b, loc, x)));
  case RecurrentActivation::softsign:
    return arith::DivFOp::create(
        b, loc, x, add(constant(1), math::AbsFOp::create(b, loc, x)));
  case RecurrentActivation::softplus:
    return math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, x));
  }
  llvm_unreachable("unknown recurrent activation");
}

/// acc[m, n] + sum over k of lhs[m, k] * rhs[n, k]: a product with `rhs`
/// transposed, as W and R are stored.
Value multiplyTransposed(OpBuilder &builder, Location loc, Value lhs, Value rhs,
                         Value acc) {
  MLIRContext *context = builder.getContext();
  AffineExpr m = getAffineDimExpr(0, context);
  AffineExpr n = getAffineDimExpr(1, context);
  AffineExpr k = getAffineDimExpr(2, context);
  SmallVector<AffineMap> maps = {AffineMap::get(3, 0, {m, k}, context),
                                 AffineMap::get(3, 0, {n, k}, context),
                                 AffineMap::get(3, 0, {m, n}, context)};
  return linalg::GenericOp::create(
             builder, loc, acc.getType(), ValueRange{lhs, rhs}, acc, maps,
             {utils::IteratorType::parallel, utils::IteratorType::parallel,
              utils::IteratorType::reduction},
             [](OpBuilder &nested, Location nestedLoc, ValueRange args) {
               linalg::YieldOp::create(
                   nested, nestedLoc,
                   multiplyAdd(nested, nestedLoc, args[2], args[0], args[1]));
             })
      .getResult(0);
}

/// A linalg.transpose of `value`: result dimension i is input dimension
/// `permutation[i]`.
Value transposed(OpBuilder &builder, Location loc, Value value,
                 ArrayRef<int64_t> permutation) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int64_t dim : permutation)
    shape.push_back(type.getDimSize(dim));
  Value init =
      tensor::EmptyOp::create(builder, loc, shape, type.getElementType());
  return linalg::TransposeOp::create(builder, loc, value, init, permutation)
      .getResult()
      .front();
}

/// What a cell reads at one time step of one direction, and the pieces it
/// builds its equations from. Gate blocks are `hidden` wide, in ONNX's
/// order of the op's gates.
class CellStep {
public:
  CellStep(OpBuilder &builder, Location loc, Value projection, Value recurrence,
           Value bias, Value peepholes, ArrayRef<Activation> activations,
           std::optional<double> clip, int64_t gateCount, int64_t hidden)
      : builder(builder), loc(loc), projection(projection),
        recurrence(recurrence), bias(bias), peepholes(peepholes),
        activations(activations), clip(clip), gateCount(gateCount),
        hidden(hidden),
        stateType(RankedTensorType::get(
            {cast<RankedTensorType>(projection.getType()).getDimSize(0),
             hidden},
            cast<RankedTensorType>(projection.getType()).getElementType())) {}

  /// x_t * W^T + Wb + the folded blocks of Rb: [batch, gates * hidden].
  Value getProjection() const { return projection; }

  /// `count` gate blocks from `first` of a [batch, gates * hidden] tensor.
  Value gates(Value tensor, int64_t first, int64_t count = 1) const {
    int64_t batch = stateType.getDimSize(0);
    auto type = RankedTensorType::get({batch, count * hidden},
                                      stateType.getElementType());
    return extractSlice(
        builder, loc, type, tensor,
        {builder.getIndexAttr(0), builder.getIndexAttr(first * hidden)},
        type.getShape());
  }

  /// Block `index` of a 1-D tensor of `hidden`-element blocks.
  Value vectorBlock(Value vector, int64_t index) const {
    auto type = RankedTensorType::get({hidden}, stateType.getElementType());
    return extractSlice(builder, loc, type, vector,
                        {builder.getIndexAttr(index * hidden)}, {hidden});
  }

  /// Block `gate` of the recurrent bias Rb (b = [Wb, Rb]).
  Value recurrentBiasBlock(int64_t gate) const {
    return vectorBlock(bias, gateCount + gate);
  }

  /// Block `gate` of the peephole weights [Pi, Po, Pf].
  Value peepholeBlock(int64_t gate) const {
    return vectorBlock(peepholes, gate);
  }

  /// acc + state * R^T over the `count` gate blocks of R from `first`
  /// (acc is zero when null): [batch, count * hidden].
  Value recur(Value state, int64_t first, int64_t count,
              Value acc = Value()) const {
    auto blockType = RankedTensorType::get({count * hidden, hidden},
                                           stateType.getElementType());
    Value block = extractSlice(
        builder, loc, blockType, recurrence,
        {builder.getIndexAttr(first * hidden), builder.getIndexAttr(0)},
        blockType.getShape());
    if (!acc)
      acc = filledTensor(
          builder, loc,
          RankedTensorType::get({stateType.getDimSize(0), count * hidden},
                                stateType.getElementType()),
          constantLike(builder, loc, stateType.getElementType(), 0));
    return multiplyTransposed(builder, loc, state, block, acc);
  }

  /// A [batch, hidden] tensor computed elementwise from `operands`
  /// ([batch, hidden] or [hidden], broadcast).
  Value pointwise(ValueRange operands, ScalarBuilder body) const {
    return buildElementwiseGeneric(builder, loc, stateType, operands, body);
  }

  /// The direction's activation function `index` (f, g, h: 0, 1, 2) of the
  /// scalar `x`.
  Value activate(OpBuilder &b, Location bodyLoc, int64_t index, Value x) const {
    return applyActivation(b, bodyLoc, activations[index], clip, x);
  }

private:
  OpBuilder &builder;
  Location loc;
  Value projection, recurrence, bias, peepholes;
  ArrayRef<Activation> activations;
  std::optional<double> clip;
  int64_t gateCount, hidden;
  RankedTensorType stateType;
};

/// Scalar (1 - z) * a + z * b.
Value interpolate(OpBuilder &builder, Location loc, Value z, Value a, Value b) {
  Value one = constantLike(builder, loc, z.getType(), 1);
  return arith::AddFOp::create(
      builder, loc,
      arith::MulFOp::create(builder, loc,
                            arith::SubFOp::create(builder, loc, one, z), a),
      arith::MulFOp::create(builder, loc, z, b));
}

//===----------------------------------------------------------------------===//
// The cells: the new states (H first) from the previous ones
//===----------------------------------------------------------------------===//

/// The leading gates whose recurrent bias Rb is added once into the input
/// projection; the others' Rb is the cell's business.
int64_t foldedRecurrentBiasGates(RNNOp) { return 1; }
int64_t foldedRecurrentBiasGates(GRUOp op) {
  return op.getLinearBeforeReset() ? 2 : 3;
}
int64_t foldedRecurrentBiasGates(LSTMOp) { return 4; }

/// H = f(x_t * Wi^T + H * Ri^T + Wbi + Rbi)
SmallVector<Value> cellStep(RNNOp, const CellStep &step, ValueRange states) {
  Value sum = step.recur(states[0], 0, 1, step.getProjection());
  return {step.pointwise(sum, [&](OpBuilder &b, Location l, ValueRange args) {
    return step.activate(b, l, 0, args[0]);
  })};
}

/// z = f(.z), r = f(.r) with .g = x_t * Wg^T + H * Rg^T + Wbg + Rbg;
/// n = g(x_t * Wh^T + (r (.) H) * Rh^T + Rbh + Wbh), or under
/// linear_before_reset n = g(x_t * Wh^T + Wbh + r (.) (H * Rh^T + Rbh));
/// H = (1 - z) (.) n + z (.) H.
SmallVector<Value> cellStep(GRUOp op, const CellStep &step, ValueRange states) {
  enum Gate { z = 0, r = 1, h = 2 };
  Value state = states[0];
  Value projection = step.getProjection();
  Value updateReset =
      step.recur(state, z, 2, step.gates(projection, z, /*count=*/2));
  Value reset = step.gates(updateReset, r);
  // The candidate's argument of g.
  Value candidate;
  if (op.getLinearBeforeReset()) {
    candidate = step.pointwise(
        {step.gates(projection, h), reset, step.recur(state, h, 1),
         step.recurrentBiasBlock(h)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value resetGate = step.activate(b, l, 0, args[1]);
          Value recurrent = arith::AddFOp::create(b, l, args[2], args[3]);
          return arith::AddFOp::create(
              b, l, args[0], arith::MulFOp::create(b, l, resetGate, recurrent));
        });
  } else {
    Value resetState = step.pointwise(
        {reset, state}, [&](OpBuilder &b, Location l, ValueRange args) {
          return Value(arith::MulFOp::create(
              b, l, step.activate(b, l, 0, args[0]), args[1]));
        });
    candidate = step.recur(resetState, h, 1, step.gates(projection, h));
  }
  return {step.pointwise({step.gates(updateReset, z), candidate, state},
                         [&](OpBuilder &b, Location l, ValueRange args) {
                           return interpolate(
                               b, l, step.activate(b, l, 0, args[0]),
                               step.activate(b, l, 1, args[1]), args[2]);
                         })};
}

/// With .g = x_t * Wg^T + H * Rg^T + Wbg + Rbg:
/// i = f(.i + Pi (.) C), f = f(.f + Pf (.) C) (1 - i under input_forget),
/// C' = f (.) C + i (.) g(.c), o = f(.o + Po (.) C'), H = o (.) h(C').
SmallVector<Value> cellStep(LSTMOp op, const CellStep &step,
                            ValueRange states) {
  enum Gate { i = 0, o = 1, f = 2, c = 3 };
  enum Peephole { pi = 0, po = 1, pf = 2 };
  Value hidden = states[0], cell = states[1];
  Value sums = step.recur(hidden, 0, 4, step.getProjection());
  bool inputForget = op.getInputForget();
  Value newCell = step.pointwise(
      {step.gates(sums, i), step.gates(sums, f), step.gates(sums, c), cell,
       step.peepholeBlock(pi), step.peepholeBlock(pf)},
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value previous = args[3];
        auto peephole = [&](Value sum, Value weight) {
          return arith::AddFOp::create(
              b, l, sum, arith::MulFOp::create(b, l, weight, previous));
        };
        Value input = step.activate(b, l, 0, peephole(args[0], args[4]));
        Value forget =
            inputForget
                ? Value(arith::SubFOp::create(
                      b, l, constantLike(b, l, input.getType(), 1), input))
                : step.activate(b, l, 0, peephole(args[1], args[5]));
        return arith::AddFOp::create(
            b, l, arith::MulFOp::create(b, l, forget, previous),
            arith::MulFOp::create(b, l, input,
                                  step.activate(b, l, 1, args[2])));
      });
  Value newHidden = step.pointwise(
      {step.gates(sums, o), newCell, step.peepholeBlock(po)},
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value output = step.activate(
            b, l, 0,
            arith::AddFOp::create(
                b, l, args[0], arith::MulFOp::create(b, l, args[2], args[1])));
        return arith::MulFOp::create(b, l, output,
                                     step.activate(b, l, 2, args[1]));
      });
  return {newHidden, newCell};
}

//===----------------------------------------------------------------------===//
// The driver
//===----------------------------------------------------------------------===//

/// x_t * W^T + Wb + Rb for every time step t: [seq_length, batch, G * hidden]
/// from x [seq_length, batch, input] and one direction's w [G * hidden,
/// input] and b [2 * G * hidden]; only the first `foldedSize` elements of
/// Rb are added.
Value buildInputProjection(OpBuilder &builder, Location loc, Value x, Value w,
                           Value b, int64_t foldedSize) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  Type element = xType.getElementType();
  int64_t width = wType.getDimSize(0);
  auto biasType = RankedTensorType::get({width}, element);
  Value inputBias = extractSlice(builder, loc, biasType, b,
                                 {builder.getIndexAttr(0)}, {width});
  Value recurrentBias = extractSlice(builder, loc, biasType, b,
                                     {builder.getIndexAttr(width)}, {width});
  Value bias = buildElementwiseGeneric(
      builder, loc, biasType, {inputBias, recurrentBias},
      [&](OpBuilder &nested, Location l, ValueRange args) -> Value {
        Value folded = arith::CmpIOp::create(
            nested, l, arith::CmpIPredicate::slt,
            linalg::IndexOp::create(nested, l, 0),
            arith::ConstantIndexOp::create(nested, l, foldedSize));
        return arith::SelectOp::create(
            nested, l, folded,
            arith::AddFOp::create(nested, l, args[0], args[1]), args[0]);
      });
  // One contraction over all (t, n) rows.
  int64_t seqLength = xType.getDimSize(0);
  int64_t batch = xType.getDimSize(1);
  auto rowsType =
      RankedTensorType::get({seqLength * batch, xType.getDimSize(2)}, element);
  auto projectionType =
      RankedTensorType::get({seqLength * batch, width}, element);
  Value rows = buildReshape(builder, loc, x, rowsType);
  Value init = buildElementwiseGeneric(
      builder, loc, projectionType, bias,
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
  Value projection = multiplyTransposed(builder, loc, rows, w, init);
  return buildReshape(
      builder, loc, projection,
      RankedTensorType::get({seqLength, batch, width}, element));
}

template <typename OpTy> struct LowerRecurrent : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    bool batchMajor = op.getBatchMajor();
    // Sequence-major throughout: x [T, N, I], states [D, N, H].
    SmallVector<int64_t> swapLeading = {1, 0, 2};
    Value x = adaptor.getX();
    if (batchMajor)
      x = transposed(rewriter, loc, x, swapLeading);
    auto xType = cast<RankedTensorType>(x.getType());
    Type element = xType.getElementType();
    int64_t seqLength = xType.getDimSize(0);
    int64_t batch = xType.getDimSize(1);
    int64_t hidden = static_cast<int64_t>(op.getHiddenSize());
    int64_t gates = OpTy::kGateCount;
    RecurrentDirection direction = op.getDirection();
    int64_t directions = direction == RecurrentDirection::bidirectional ? 2 : 1;
    auto zeros = [&](ArrayRef<int64_t> shape) {
      return filledTensor(rewriter, loc, RankedTensorType::get(shape, element),
                          constantLike(rewriter, loc, element, 0));
    };

    // Absent optional operands are zeros.
    Value bias = adaptor.getB();
    if (!bias)
      bias = zeros({directions, 2 * gates * hidden});
    SmallVector<Value> initialStates = {adaptor.getInitialH()};
    Value peepholes;
    if constexpr (std::is_same_v<OpTy, LSTMOp>) {
      initialStates.push_back(adaptor.getInitialC());
      peepholes = adaptor.getP();
      if (!peepholes)
        peepholes = zeros({directions, 3 * hidden});
    }
    for (Value &state : initialStates) {
      if (!state)
        state = zeros({directions, batch, hidden});
      else if (batchMajor)
        state = transposed(rewriter, loc, state, swapLeading);
    }
    // [N, 1], to broadcast along the hidden dimension.
    Value lengths = adaptor.getSequenceLens();
    if (lengths)
      lengths = tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({batch, 1}, rewriter.getI32Type()), lengths,
          SmallVector<ReassociationIndices>{{0, 1}});

    std::optional<double> clip;
    if (FloatAttr clipAttr = op.getClipAttr())
      clip = clipAttr.getValueAsDouble();
    SmallVector<Activation> activations;
    for (auto [kind, alpha, beta] :
         llvm::zip_equal(op.getActivations(), op.getActivationAlpha(),
                         op.getActivationBeta()))
      activations.push_back(
          {cast<RecurrentActivationAttr>(kind).getValue(), alpha, beta});

    // The loops update y and the states [D, N, H] (which end as y_h, y_c)
    // only through tensor.insert_slice of fresh values, so that one-shot
    // bufferization updates their buffers in place across iterations.
    Value y = zeros({seqLength, directions, batch, hidden});
    SmallVector<Value> states = initialStates;
    auto index = [&](OpBuilder &b, int64_t value) -> OpFoldResult {
      return b.getIndexAttr(value);
    };
    // tensor[d] of a [D, ...] tensor.
    auto directionSlice = [&](OpBuilder &b, Location l, Value tensor,
                              int64_t d) {
      auto type = cast<RankedTensorType>(tensor.getType());
      SmallVector<int64_t> sizes = llvm::to_vector(type.getShape());
      sizes[0] = 1;
      SmallVector<OpFoldResult> offsets(sizes.size(), index(b, 0));
      offsets[0] = index(b, d);
      return extractSlice(b, l, type.clone(type.getShape().drop_front()),
                          tensor, offsets, sizes);
    };
    int64_t functions = OpTy::kFunctionsPerDirection;
    for (int64_t d = 0; d < directions; ++d) {
      bool reverse = direction == RecurrentDirection::reverse || d == 1;
      Value r = directionSlice(rewriter, loc, adaptor.getR(), d);
      Value directionBias = directionSlice(rewriter, loc, bias, d);
      Value directionPeepholes =
          peepholes ? directionSlice(rewriter, loc, peepholes, d) : Value();
      Value projection = buildInputProjection(
          rewriter, loc, x, directionSlice(rewriter, loc, adaptor.getW(), d),
          directionBias, foldedRecurrentBiasGates(op) * hidden);
      ArrayRef<Activation> directionActivations =
          ArrayRef(activations).slice(d * functions, functions);

      SmallVector<Value> iterArgs = {y};
      llvm::append_range(iterArgs, states);
      auto loop = scf::ForOp::create(
          rewriter, loc, arith::ConstantIndexOp::create(rewriter, loc, 0),
          arith::ConstantIndexOp::create(rewriter, loc, seqLength),
          arith::ConstantIndexOp::create(rewriter, loc, 1), iterArgs,
          [&](OpBuilder &b, Location l, Value step, ValueRange args) {
            Value time =
                reverse
                    ? Value(arith::SubIOp::create(
                          b, l,
                          arith::ConstantIndexOp::create(b, l, seqLength - 1),
                          step))
                    : step;
            auto stepType =
                RankedTensorType::get({batch, gates * hidden}, element);
            Value stepProjection = extractSlice(
                b, l, stepType, projection, {time, index(b, 0), index(b, 0)},
                {1, batch, gates * hidden});
            CellStep cell(b, l, stepProjection, r, directionBias,
                          directionPeepholes, directionActivations, clip, gates,
                          hidden);
            SmallVector<Value> previous;
            for (Value state : args.drop_front())
              previous.push_back(directionSlice(b, l, state, d));
            SmallVector<Value> next = cellStep(op, cell, previous);
            Value output = next.front();
            if (lengths) {
              // Entry n runs while time < L[n].
              Value time32 =
                  arith::IndexCastOp::create(b, l, b.getI32Type(), time);
              auto running = [&](OpBuilder &nested, Location nestedLoc,
                                 Value length) {
                return arith::CmpIOp::create(nested, nestedLoc,
                                             arith::CmpIPredicate::slt, time32,
                                             length);
              };
              for (auto [state, old] : llvm::zip_equal(next, previous))
                state =
                    cell.pointwise({lengths, state, old},
                                   [&](OpBuilder &nested, Location nestedLoc,
                                       ValueRange values) -> Value {
                                     return arith::SelectOp::create(
                                         nested, nestedLoc,
                                         running(nested, nestedLoc, values[0]),
                                         values[1], values[2]);
                                   });
              output = cell.pointwise(
                  {lengths, next.front()},
                  [&](OpBuilder &nested, Location nestedLoc,
                      ValueRange values) -> Value {
                    return arith::SelectOp::create(
                        nested, nestedLoc,
                        running(nested, nestedLoc, values[0]), values[1],
                        constantLike(nested, nestedLoc, element, 0));
                  });
            }
            SmallVector<Value> results = {
                insertSlice(b, l, output, args.front(),
                            {time, index(b, d), index(b, 0), index(b, 0)},
                            {1, 1, batch, hidden})};
            for (auto [state, all] : llvm::zip_equal(next, args.drop_front()))
              results.push_back(insertSlice(
                  b, l, state, all, {index(b, d), index(b, 0), index(b, 0)},
                  {1, batch, hidden}));
            scf::YieldOp::create(b, l, results);
          });
      y = loop.getResult(0);
      ValueRange finalStates = loop.getResults().drop_front();
      states.assign(finalStates.begin(), finalStates.end());
    }

    SmallVector<Value> results = {y};
    llvm::append_range(results, states);
    if (batchMajor) {
      // y [T, D, N, H] -> [N, T, D, H]; states [D, N, H] -> [N, D, H].
      results.front() = transposed(rewriter, loc, y, {2, 0, 1, 3});
      for (Value &state : llvm::drop_begin(results))
        state = transposed(rewriter, loc, state, swapLeading);
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnRecurrentToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerRecurrent<RNNOp>, LowerRecurrent<GRUOp>,
               LowerRecurrent<LSTMOp>>(typeConverter, patterns.getContext());
}
