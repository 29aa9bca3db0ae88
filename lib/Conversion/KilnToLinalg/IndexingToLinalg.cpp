//===- IndexingToLinalg.cpp - kiln scatters, trilu, selections to linalg --===//
//
// Trilu is a linalg.generic masking by linalg.index. Scatters and the ops
// whose result extents depend on the data (non_zero, compress, unique) are
// sequential: scf.for loops carry the result tensors and read and write
// single elements with tensor.extract / tensor.insert. Their
// writes are bounds-checked at run time: a scatter skips updates whose
// index lies outside `data`, and a selection keeps the first items that fit
// the static (declared) result extent and leaves the rest zero.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

using namespace mlir;
using namespace mlir::kiln;

namespace {

/// The values of one iteration of an scf loop (its iter_args' next values).
using LoopBody = function_ref<SmallVector<Value>(
    OpBuilder &builder, Location loc, ValueRange ivs, ValueRange iterArgs)>;

/// A nest of scf.for loops over every index of `shape` carrying `iterArgs`;
/// returns their final values. No loops (an empty shape): `body` runs once
/// in place.
SmallVector<Value> buildLoopsOver(OpBuilder &builder, Location loc,
                                  ArrayRef<int64_t> shape, ValueRange iterArgs,
                                  LoopBody body) {
  if (shape.empty())
    return body(builder, loc, ValueRange(), iterArgs);
  Value zero = indexConstant(builder, loc, 0);
  Value one = indexConstant(builder, loc, 1);
  SmallVector<Value> upperBounds =
      llvm::map_to_vector(shape, [&](int64_t extent) {
        return indexConstant(builder, loc, extent);
      });
  scf::LoopNest nest = scf::buildLoopNest(
      builder, loc, SmallVector<Value>(shape.size(), zero), upperBounds,
      SmallVector<Value>(shape.size(), one), iterArgs,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange ivs,
          ValueRange args) -> scf::ValueVector {
        SmallVector<Value> next = body(nested, nestedLoc, ivs, args);
        return scf::ValueVector(next.begin(), next.end());
      });
  return SmallVector<Value>(nest.results.begin(), nest.results.end());
}

/// An scf.for over [0, count) carrying `iterArgs`.
SmallVector<Value> buildLoop(OpBuilder &builder, Location loc, Value count,
                             ValueRange iterArgs, LoopBody body) {
  auto loop = scf::ForOp::create(
      builder, loc, indexConstant(builder, loc, 0), count,
      indexConstant(builder, loc, 1), iterArgs,
      [&](OpBuilder &nested, Location nestedLoc, Value iv, ValueRange args) {
        scf::YieldOp::create(nested, nestedLoc,
                             body(nested, nestedLoc, iv, args));
      });
  return SmallVector<Value>(loop.getResults());
}

/// scf.if yielding `thenValues()` when `condition` holds, else `otherwise`
/// (typically the unchanged loop-carried values).
SmallVector<Value>
buildIf(OpBuilder &builder, Location loc, Value condition,
        function_ref<SmallVector<Value>(OpBuilder &, Location)> thenValues,
        ValueRange otherwise) {
  auto ifOp = scf::IfOp::create(
      builder, loc, condition,
      [&](OpBuilder &nested, Location nestedLoc) {
        scf::YieldOp::create(nested, nestedLoc, thenValues(nested, nestedLoc));
      },
      [&](OpBuilder &nested, Location nestedLoc) {
        scf::YieldOp::create(nested, nestedLoc, otherwise);
      });
  return SmallVector<Value>(ifOp.getResults());
}

/// Whether `index` lies in [0, extent): one unsigned comparison, as a
/// negative index is a large unsigned one.
Value isInBounds(OpBuilder &builder, Location loc, Value index,
                 int64_t extent) {
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ult, index,
                               indexConstant(builder, loc, extent));
}

Value zeroTensor(OpBuilder &builder, Location loc, RankedTensorType type) {
  Value zero = arith::ConstantOp::create(
      builder, loc, builder.getZeroAttr(type.getElementType()));
  return filledTensor(builder, loc, type, zero);
}

Value toI64(OpBuilder &builder, Location loc, Value index) {
  return arith::IndexCastOp::create(builder, loc, builder.getI64Type(), index);
}

Value toIndex(OpBuilder &builder, Location loc, Value i64) {
  return arith::IndexCastOp::create(builder, loc, builder.getIndexType(), i64);
}

Value increment(OpBuilder &builder, Location loc, Value index) {
  return arith::AddIOp::create(builder, loc, index,
                               indexConstant(builder, loc, 1));
}

//===----------------------------------------------------------------------===//
// Scatters
//===----------------------------------------------------------------------===//

/// `existing <reduction> update` for the reductions other than none, as
/// ONNX's reference combines them (numpy's add, multiply, maximum, minimum;
/// booleans as numpy's or / and).
Value combineScatter(OpBuilder &builder, Location loc,
                     ScatterReduction reduction, Value existing, Value update,
                     bool isUnsigned) {
  if (isa<FloatType>(update.getType())) {
    switch (reduction) {
    case ScatterReduction::none:
      break;
    case ScatterReduction::add:
      return arith::AddFOp::create(builder, loc, existing, update);
    case ScatterReduction::mul:
      return arith::MulFOp::create(builder, loc, existing, update);
    case ScatterReduction::max:
      return arith::MaximumFOp::create(builder, loc, existing, update);
    case ScatterReduction::min:
      return arith::MinimumFOp::create(builder, loc, existing, update);
    }
    llvm_unreachable("no combination without a reduction");
  }
  bool isBool = update.getType().isInteger(1);
  switch (reduction) {
  case ScatterReduction::none:
    break;
  case ScatterReduction::add:
    // Boolean addition saturates at true.
    if (isBool)
      return arith::OrIOp::create(builder, loc, existing, update);
    return arith::AddIOp::create(builder, loc, existing, update);
  case ScatterReduction::mul:
    return arith::MulIOp::create(builder, loc, existing, update);
  case ScatterReduction::max:
    if (isUnsigned || isBool)
      return arith::MaxUIOp::create(builder, loc, existing, update);
    return arith::MaxSIOp::create(builder, loc, existing, update);
  case ScatterReduction::min:
    if (isUnsigned || isBool)
      return arith::MinUIOp::create(builder, loc, existing, update);
    return arith::MinSIOp::create(builder, loc, existing, update);
  }
  llvm_unreachable("no combination without a reduction");
}

/// Where the updates at one outer index go: the leading output indices
/// (wrapped) and whether they all lie inside `data`.
struct ScatterTarget {
  SmallVector<Value> indices;
  Value inBounds;
};

/// The scatter loops shared by scatter_elements and scatter_nd:
///
///   output = data
///   for p in outerShape (in row-major order):
///     t, inBounds = target(p)
///     if inBounds:
///       for s in innerShape:
///         output[t, s] = combine(output[t, s], updates[p, s])
///
/// Updates are applied in order, so with `reduction = none` the last of
/// duplicate indices wins, as in ONNX's reference.
Value buildScatterLoops(
    OpBuilder &builder, Location loc, Value data, Value updates,
    ArrayRef<int64_t> outerShape, ArrayRef<int64_t> innerShape,
    function_ref<ScatterTarget(OpBuilder &, Location, ValueRange)> target,
    ScatterReduction reduction, bool isUnsigned) {
  return buildLoopsOver(
      builder, loc, outerShape, data,
      [&](OpBuilder &outerBuilder, Location outerLoc, ValueRange outer,
          ValueRange output) {
        ScatterTarget where = target(outerBuilder, outerLoc, outer);
        return buildIf(
            outerBuilder, outerLoc, where.inBounds,
            [&](OpBuilder &thenBuilder, Location thenLoc) {
              return buildLoopsOver(
                  thenBuilder, thenLoc, innerShape, output,
                  [&](OpBuilder &inner, Location innerLoc, ValueRange slice,
                      ValueRange current) -> SmallVector<Value> {
                    SmallVector<Value> source(outer);
                    llvm::append_range(source, slice);
                    SmallVector<Value> destination(where.indices);
                    llvm::append_range(destination, slice);
                    Value value = tensor::ExtractOp::create(inner, innerLoc,
                                                            updates, source);
                    if (reduction != ScatterReduction::none) {
                      Value existing = tensor::ExtractOp::create(
                          inner, innerLoc, current[0], destination);
                      value = combineScatter(inner, innerLoc, reduction,
                                             existing, value, isUnsigned);
                    }
                    return {tensor::InsertOp::create(inner, innerLoc, value,
                                                     current[0], destination)};
                  });
            },
            output);
      })[0];
}

/// output[i with i[axis] = wrap(indices[i])] <op>= updates[i] for every i of
/// `indices`, skipping indices outside [-extent, extent).
struct LowerScatterElements : OpConversionPattern<ScatterElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ScatterElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto indicesType = cast<RankedTensorType>(adaptor.getIndices().getType());
    int64_t axis = op.getAxis();
    int64_t extent =
        cast<RankedTensorType>(adaptor.getData().getType()).getDimSize(axis);
    Value indices = adaptor.getIndices();
    Value result = buildScatterLoops(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getUpdates(),
        indicesType.getShape(), /*innerShape=*/{},
        [&](OpBuilder &builder, Location loc, ValueRange position) {
          Value scalar =
              tensor::ExtractOp::create(builder, loc, indices, position);
          ScatterTarget where{llvm::to_vector(position), {}};
          where.indices[axis] = wrappedIndex(builder, loc, scalar, extent);
          where.inBounds =
              isInBounds(builder, loc, where.indices[axis], extent);
          return where;
        },
        op.getReduction(), isUnsignedInteger(op.getData().getType()));
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// output[wrap(indices[p, :]), s] <op>= updates[p, s] for every p of
/// indices.shape[:q-1], skipping tuples with a component out of range.
struct LowerScatterND : OpConversionPattern<ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    auto dataType = cast<RankedTensorType>(adaptor.getData().getType());
    ArrayRef<int64_t> indicesShape =
        cast<RankedTensorType>(adaptor.getIndices().getType()).getShape();
    int64_t tupleSize = indicesShape.back();
    Value indices = adaptor.getIndices();
    Value result = buildScatterLoops(
        rewriter, op.getLoc(), adaptor.getData(), adaptor.getUpdates(),
        indicesShape.drop_back(), dataType.getShape().drop_front(tupleSize),
        [&](OpBuilder &builder, Location loc, ValueRange position) {
          ScatterTarget where;
          for (int64_t k = 0; k < tupleSize; ++k) {
            SmallVector<Value> component(position);
            component.push_back(indexConstant(builder, loc, k));
            Value scalar =
                tensor::ExtractOp::create(builder, loc, indices, component);
            int64_t extent = dataType.getDimSize(k);
            Value index = wrappedIndex(builder, loc, scalar, extent);
            Value inBounds = isInBounds(builder, loc, index, extent);
            where.indices.push_back(index);
            where.inBounds =
                where.inBounds ? arith::AndIOp::create(builder, loc,
                                                       where.inBounds, inBounds)
                               : inBounds;
          }
          // A tuple of no components addresses the whole tensor.
          if (!where.inBounds)
            where.inBounds = arith::ConstantOp::create(
                builder, loc, builder.getBoolAttr(true));
          return where;
        },
        op.getReduction(), isUnsignedInteger(op.getData().getType()));
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Trilu
//===----------------------------------------------------------------------===//

/// output[..., i, j] = (upper ? j - i >= k : j - i <= k) ? input[..., i, j]
/// : 0, one generic with the row and column from linalg.index. Quantized
/// tensors store 0 as their zero point.
struct LowerTrilu : OpConversionPattern<TriluOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TriluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerableStoredValues(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t zeroPoint = 0;
    if (auto quantized = dyn_cast<quant::QuantizedType>(
            getElementTypeOrSelf(op.getType()))) {
      auto uniform = dyn_cast<quant::UniformQuantizedType>(quantized);
      if (!uniform)
        return rewriter.notifyMatchFailure(
            op, "trilu of per-axis or sub-channel quantized tensors is not "
                "lowered");
      zeroPoint = uniform.getZeroPoint();
    }
    int64_t rank = resultType.getRank();
    arith::CmpIPredicate keep =
        op.getUpper() ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle;
    int64_t k = op.getK();
    Value result = buildElementwiseGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getInput(),
        [&](OpBuilder &builder, Location loc, ValueRange args) -> Value {
          Value row = linalg::IndexOp::create(builder, loc, rank - 2);
          Value column = linalg::IndexOp::create(builder, loc, rank - 1);
          Value offset = arith::SubIOp::create(builder, loc, column, row);
          Value kept = arith::CmpIOp::create(builder, loc, keep, offset,
                                             indexConstant(builder, loc, k));
          Value zero = constantLike(builder, loc, resultType.getElementType(),
                                    zeroPoint);
          return arith::SelectOp::create(builder, loc, kept, args[0], zero);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Data-dependent selections
//===----------------------------------------------------------------------===//

/// Whether a scalar is non-zero (true for booleans).
Value isNonZero(OpBuilder &builder, Location loc, Value value) {
  Value zero = arith::ConstantOp::create(builder, loc,
                                         builder.getZeroAttr(value.getType()));
  if (isa<FloatType>(value.getType()))
    return arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::UNE, value,
                                 zero);
  return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::ne, value,
                               zero);
}

/// output[:, n] = the coordinates of the n-th non-zero element, for the
/// first N of them (N the static result extent); columns past the count
/// stay zero.
///
///   output = 0, n = 0
///   for i in input.shape:
///     if input[i] != 0 and n < N: output[:, n] = i; n += 1
struct LowerNonZero : OpConversionPattern<NonZeroOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(NonZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    int64_t capacity = resultType.getDimSize(1);
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    SmallVector<Value> results = buildLoopsOver(
        rewriter, loc, cast<RankedTensorType>(input.getType()).getShape(),
        {zeroTensor(rewriter, loc, resultType),
         indexConstant(rewriter, loc, 0)},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange position,
            ValueRange state) {
          Value element =
              tensor::ExtractOp::create(builder, bodyLoc, input, position);
          Value selected = arith::AndIOp::create(
              builder, bodyLoc, isNonZero(builder, bodyLoc, element),
              isInBounds(builder, bodyLoc, state[1], capacity));
          return buildIf(
              builder, bodyLoc, selected,
              [&](OpBuilder &thenBuilder,
                  Location thenLoc) -> SmallVector<Value> {
                Value output = state[0];
                for (auto [dim, coordinate] : llvm::enumerate(position))
                  output = tensor::InsertOp::create(
                      thenBuilder, thenLoc,
                      toI64(thenBuilder, thenLoc, coordinate), output,
                      ValueRange{indexConstant(thenBuilder, thenLoc, dim),
                                 state[1]});
                return {output, increment(thenBuilder, thenLoc, state[1])};
              },
              state);
        });
    rewriter.replaceOp(op, results[0]);
    return success();
  }
};

/// dest[..., destIndex, ...] = source[..., sourceIndex, ...] (the indices
/// at `axis`), element by element: tensor slices at run-time offsets would
/// need affine maps after bufferization that the CPU pipeline lowers before
/// they appear.
Value copySliceAlong(OpBuilder &builder, Location loc, Value source,
                     Value sourceIndex, Value dest, Value destIndex,
                     int64_t axis) {
  SmallVector<int64_t> sliceShape(
      cast<RankedTensorType>(source.getType()).getShape());
  sliceShape.erase(sliceShape.begin() + axis);
  return buildLoopsOver(
      builder, loc, sliceShape, dest,
      [&](OpBuilder &nested, Location nestedLoc, ValueRange position,
          ValueRange current) -> SmallVector<Value> {
        auto at = [&](Value index) {
          SmallVector<Value> indices(position);
          indices.insert(indices.begin() + axis, index);
          return indices;
        };
        Value element = tensor::ExtractOp::create(nested, nestedLoc, source,
                                                  at(sourceIndex));
        return {tensor::InsertOp::create(nested, nestedLoc, element, current[0],
                                         at(destIndex))};
      })[0];
}

/// The selected slices along `axis` (of the flattened input without axis),
/// the first N of them (N the static result extent); slices past the count
/// stay zero.
///
///   output = 0, n = 0
///   for j in [0, min(length(condition), input.shape[axis])):
///     if condition[j] and n < N:
///       output[..., n, ...] = input[..., j, ...]; n += 1
struct LowerCompress : OpConversionPattern<CompressOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CompressOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    RankedTensorType resultType = convertedType(getTypeConverter(), op);
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    auto inputType = cast<RankedTensorType>(input.getType());
    int64_t axis = op.getAxis().value_or(0);
    if (!op.getAxis()) {
      inputType = inputType.clone({inputType.getNumElements()});
      input = buildReshape(rewriter, loc, input, inputType);
    }
    int64_t capacity = resultType.getDimSize(axis);
    int64_t candidates = std::min(
        inputType.getDimSize(axis),
        cast<RankedTensorType>(adaptor.getCondition().getType()).getDimSize(0));
    Value condition = adaptor.getCondition();
    SmallVector<Value> results = buildLoop(
        rewriter, loc, indexConstant(rewriter, loc, candidates),
        {zeroTensor(rewriter, loc, resultType),
         indexConstant(rewriter, loc, 0)},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange j,
            ValueRange state) {
          Value selected = arith::AndIOp::create(
              builder, bodyLoc,
              tensor::ExtractOp::create(builder, bodyLoc, condition, j),
              isInBounds(builder, bodyLoc, state[1], capacity));
          return buildIf(
              builder, bodyLoc, selected,
              [&](OpBuilder &thenBuilder,
                  Location thenLoc) -> SmallVector<Value> {
                return {copySliceAlong(thenBuilder, thenLoc, input, j[0],
                                       state[0], state[1], axis),
                        increment(thenBuilder, thenLoc, state[1])};
              },
              state);
        });
    rewriter.replaceOp(op, results[0]);
    return success();
  }
};

/// The items of kiln.unique as a [outer, count, inner] tensor: item j is
/// items[:, j, :], compared in row-major (outer, inner) order.
struct UniqueItems {
  Value items;
  int64_t outer, count, inner;
  bool isUnsigned;

  /// Whether scalar `a` orders before `b`: numeric order, NaN after every
  /// number (so NaNs compare equal, as numpy's unique collapses them).
  Value isLess(OpBuilder &builder, Location loc, Value a, Value b) const {
    if (isa<FloatType>(a.getType())) {
      Value less =
          arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::OLT, a, b);
      Value aIsNumber =
          arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::ORD, a, a);
      Value bIsNaN =
          arith::CmpFOp::create(builder, loc, arith::CmpFPredicate::UNO, b, b);
      return arith::OrIOp::create(
          builder, loc, less,
          arith::AndIOp::create(builder, loc, aIsNumber, bIsNaN));
    }
    bool unsignedOrder = isUnsigned || a.getType().isInteger(1);
    return arith::CmpIOp::create(builder, loc,
                                 unsignedOrder ? arith::CmpIPredicate::ult
                                               : arith::CmpIPredicate::slt,
                                 a, b);
  }

  /// -1, 0 or 1 (i32) as item `a` orders before, equal to or after item `b`
  /// (lexicographically; the first differing element decides).
  Value compare(OpBuilder &builder, Location loc, Value a, Value b) const {
    Type i32 = builder.getI32Type();
    auto constant = [&](OpBuilder &at, Location atLoc, int64_t value) {
      return arith::ConstantOp::create(at, atLoc,
                                       at.getIntegerAttr(i32, value));
    };
    return buildLoopsOver(
        builder, loc, {outer, inner}, ValueRange{constant(builder, loc, 0)},
        [&](OpBuilder &nested, Location nestedLoc, ValueRange position,
            ValueRange order) -> SmallVector<Value> {
          Value x = tensor::ExtractOp::create(
              nested, nestedLoc, items,
              ValueRange{position[0], a, position[1]});
          Value y = tensor::ExtractOp::create(
              nested, nestedLoc, items,
              ValueRange{position[0], b, position[1]});
          Value here = arith::SelectOp::create(
              nested, nestedLoc, isLess(nested, nestedLoc, x, y),
              constant(nested, nestedLoc, -1),
              arith::SelectOp::create(nested, nestedLoc,
                                      isLess(nested, nestedLoc, y, x),
                                      constant(nested, nestedLoc, 1),
                                      constant(nested, nestedLoc, 0)));
          Value undecided =
              arith::CmpIOp::create(nested, nestedLoc, arith::CmpIPredicate::eq,
                                    order[0], constant(nested, nestedLoc, 0));
          return {arith::SelectOp::create(nested, nestedLoc, undecided, here,
                                          order[0])};
        })[0];
  }

  /// `compare(a, b) <predicate> 0`, e.g. eq for equal items.
  Value compareWith(OpBuilder &builder, Location loc,
                    arith::CmpIPredicate predicate, Value a, Value b) const {
    Value zero = arith::ConstantOp::create(
        builder, loc, builder.getIntegerAttr(builder.getI32Type(), 0));
    return arith::CmpIOp::create(builder, loc, predicate,
                                 compare(builder, loc, a, b), zero);
  }
};

/// Unique in three passes over the items (quadratic in their count):
///
///   1. in order of first occurrence, U distinct items:
///        for j: u = the u < U with item first[u] == item j, else U
///               if u == U: first[U] = j, U += 1
///               counts[u] += 1, inverse[j] = u
///   2. position[u] = #{v < U : item first[v] < item first[u]} when sorted,
///      else u
///   3. for u < U with p = position[u] < N (the static result extent):
///        output[p] = item first[u], indices[p] = first[u],
///        counts_out[p] = counts[u];
///      inverse_indices[j] = position[inverse[j]]
///
/// Positions past U stay zero; with more than N distinct items the rest are
/// dropped (inverse_indices still names their positions).
struct LowerUnique : OpConversionPattern<UniqueOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(UniqueOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkLowerable(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    auto inputType = cast<RankedTensorType>(adaptor.getInput().getType());
    RankedTensorType outputType =
        convertedType(getTypeConverter(), op.getOutput());
    auto i64Tensor = [&](int64_t extent) {
      return RankedTensorType::get({extent}, rewriter.getI64Type());
    };

    UniqueItems items;
    items.isUnsigned = isUnsignedInteger(op.getInput().getType());
    std::optional<int64_t> axis = op.getAxis();
    ArrayRef<int64_t> shape = inputType.getShape();
    items.outer =
        axis ? ShapedType::getNumElements(shape.take_front(*axis)) : 1;
    items.count = axis ? shape[*axis] : inputType.getNumElements();
    items.inner =
        axis ? ShapedType::getNumElements(shape.drop_front(*axis + 1)) : 1;
    items.items =
        buildReshape(rewriter, loc, adaptor.getInput(),
                     inputType.clone({items.outer, items.count, items.inner}));
    int64_t capacity =
        axis ? outputType.getDimSize(*axis) : outputType.getDimSize(0);

    // 1. First occurrences, counts and inverse in order of first occurrence.
    Value zeros = zeroTensor(rewriter, loc, i64Tensor(items.count));
    SmallVector<Value> found = buildLoop(
        rewriter, loc, indexConstant(rewriter, loc, items.count),
        {zeros, zeros, zeros, indexConstant(rewriter, loc, 0)},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange j,
            ValueRange state) -> SmallVector<Value> {
          Value first = state[0], counts = state[1], inverse = state[2];
          Value distinct = state[3];
          Value match = buildLoop(
              builder, bodyLoc, distinct, distinct,
              [&](OpBuilder &search, Location searchLoc, ValueRange u,
                  ValueRange matched) {
                Value unmatched = arith::CmpIOp::create(
                    search, searchLoc, arith::CmpIPredicate::eq, matched[0],
                    distinct);
                return buildIf(
                    search, searchLoc, unmatched,
                    [&](OpBuilder &thenBuilder,
                        Location thenLoc) -> SmallVector<Value> {
                      Value candidate =
                          toIndex(thenBuilder, thenLoc,
                                  tensor::ExtractOp::create(thenBuilder,
                                                            thenLoc, first, u));
                      Value equal = items.compareWith(thenBuilder, thenLoc,
                                                      arith::CmpIPredicate::eq,
                                                      candidate, j[0]);
                      return {arith::SelectOp::create(thenBuilder, thenLoc,
                                                      equal, u[0], matched[0])};
                    },
                    matched);
              })[0];
          Value isNew = arith::CmpIOp::create(
              builder, bodyLoc, arith::CmpIPredicate::eq, match, distinct);
          Value firstIndex = arith::SelectOp::create(
              builder, bodyLoc, isNew, toI64(builder, bodyLoc, j[0]),
              tensor::ExtractOp::create(builder, bodyLoc, first, match));
          first = tensor::InsertOp::create(builder, bodyLoc, firstIndex, first,
                                           match);
          Value count = arith::AddIOp::create(
              builder, bodyLoc,
              tensor::ExtractOp::create(builder, bodyLoc, counts, match),
              arith::ConstantOp::create(builder, bodyLoc,
                                        builder.getI64IntegerAttr(1)));
          counts =
              tensor::InsertOp::create(builder, bodyLoc, count, counts, match);
          inverse = tensor::InsertOp::create(
              builder, bodyLoc, toI64(builder, bodyLoc, match), inverse, j);
          distinct = arith::SelectOp::create(
              builder, bodyLoc, isNew, increment(builder, bodyLoc, distinct),
              distinct);
          return {first, counts, inverse, distinct};
        });
    Value first = found[0], counts = found[1], inverse = found[2];
    Value distinct = found[3];

    // 2. Sorted positions: how many distinct items order before each.
    Value positions;
    if (op.getSorted()) {
      positions = buildLoop(
          rewriter, loc, distinct, zeros,
          [&](OpBuilder &builder, Location bodyLoc, ValueRange u,
              ValueRange state) -> SmallVector<Value> {
            Value item =
                toIndex(builder, bodyLoc,
                        tensor::ExtractOp::create(builder, bodyLoc, first, u));
            Value before = buildLoop(
                builder, bodyLoc, distinct,
                ValueRange{indexConstant(builder, bodyLoc, 0)},
                [&](OpBuilder &inner, Location innerLoc, ValueRange v,
                    ValueRange smaller) -> SmallVector<Value> {
                  Value other = toIndex(
                      inner, innerLoc,
                      tensor::ExtractOp::create(inner, innerLoc, first, v));
                  Value less = items.compareWith(
                      inner, innerLoc, arith::CmpIPredicate::slt, other, item);
                  return {arith::SelectOp::create(
                      inner, innerLoc, less,
                      increment(inner, innerLoc, smaller[0]), smaller[0])};
                })[0];
            return {tensor::InsertOp::create(builder, bodyLoc,
                                             toI64(builder, bodyLoc, before),
                                             state[0], u)};
          })[0];
    }
    auto positionOf = [&](OpBuilder &builder, Location at, Value u) -> Value {
      if (!positions)
        return u;
      return toIndex(builder, at,
                     tensor::ExtractOp::create(builder, at, positions, u));
    };

    // 3. The outputs, at their positions.
    auto itemsType = cast<RankedTensorType>(items.items.getType());
    RankedTensorType selectedType =
        itemsType.clone({items.outer, capacity, items.inner});
    RankedTensorType indicesType =
        convertedType(getTypeConverter(), op.getIndices());
    RankedTensorType countsType =
        convertedType(getTypeConverter(), op.getCounts());
    SmallVector<Value> outputs = buildLoop(
        rewriter, loc, distinct,
        {zeroTensor(rewriter, loc, selectedType),
         zeroTensor(rewriter, loc, indicesType),
         zeroTensor(rewriter, loc, countsType)},
        [&](OpBuilder &builder, Location bodyLoc, ValueRange u,
            ValueRange state) {
          Value position = positionOf(builder, bodyLoc, u[0]);
          return buildIf(
              builder, bodyLoc,
              isInBounds(builder, bodyLoc, position, capacity),
              [&](OpBuilder &thenBuilder,
                  Location thenLoc) -> SmallVector<Value> {
                Value firstIndex =
                    tensor::ExtractOp::create(thenBuilder, thenLoc, first, u);
                Value count =
                    tensor::ExtractOp::create(thenBuilder, thenLoc, counts, u);
                return {
                    copySliceAlong(thenBuilder, thenLoc, items.items,
                                   toIndex(thenBuilder, thenLoc, firstIndex),
                                   state[0], position, /*axis=*/1),
                    tensor::InsertOp::create(thenBuilder, thenLoc, firstIndex,
                                             state[1], position),
                    tensor::InsertOp::create(thenBuilder, thenLoc, count,
                                             state[2], position)};
              },
              state);
        });
    Value inverseIndices = inverse;
    if (positions)
      inverseIndices = buildElementwiseGeneric(
          rewriter, loc, i64Tensor(items.count), inverse,
          [&](OpBuilder &builder, Location bodyLoc, ValueRange args) -> Value {
            return tensor::ExtractOp::create(
                builder, bodyLoc, positions,
                toIndex(builder, bodyLoc, args[0]));
          });
    rewriter.replaceOp(op, {buildReshape(rewriter, loc, outputs[0], outputType),
                            outputs[1], inverseIndices, outputs[2]});
    return success();
  }
};

} // namespace

void mlir::kiln::populateKilnIndexingToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<LowerScatterElements, LowerScatterND, LowerTrilu, LowerNonZero,
               LowerCompress, LowerUnique>(typeConverter,
                                           patterns.getContext());
}
