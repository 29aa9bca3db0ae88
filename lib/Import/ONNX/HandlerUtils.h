//===- HandlerUtils.h - building blocks of ONNX op handlers ---------*- C++ -*-===//
//
// Handler factories for the many ONNX ops that map one-to-one onto a kiln op
// of the same shape: unary math, broadcasting binary ops, comparisons.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_IMPORT_ONNX_HANDLERUTILS_H
#define KILN_LIB_IMPORT_ONNX_HANDLERUTILS_H

#include "NodeBinder.h"
#include "OpTable.h"
#include "TensorConversion.h"

namespace mlir::kiln::onnx_import {

/// Conv / ConvTranspose / pooling window attributes with their ONNX
/// defaults, checked against the input's spatial rank; `auto_pad` is
/// resolved into explicit pads.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, pads;
};

/// Reads the window attributes of a node whose input is `input`; the kernel
/// defaults to `defaultKernel` (the weight's spatial shape for convolutions).
FailureOr<Window> readWindow(NodeBinder &binder, RankedTensorType input,
                             ArrayRef<int64_t> defaultKernel);

/// Builds the `!quant.uniform` element type described by a
/// QuantizeLinear / DequantizeLinear node: constant scales at `scaleIndex`,
/// optional constant zero points at `zeroPointIndex` (their element type is
/// the storage type; `defaultStorage` otherwise), per tensor, per `axis`, or
/// in blocks of `block_size` along `axis` (opset 21).
/// - data: the quantized tensor's type (for the axis and block checks).
/// - expressed: the float type the values are expressed in.
/// - axis: the per-axis dimension; the node's `axis` attribute (default 1)
///   when not given.
FailureOr<quant::QuantizedType>
getQuantizedType(NodeBinder &binder, RankedTensorType data,
                 unsigned scaleIndex, unsigned zeroPointIndex,
                 Type defaultStorage, Type expressed,
                 std::optional<int64_t> axis = std::nullopt);

/// Views input `index` (integers, or already quantized) as quantized with
/// the scale and zero point at `scaleIndex` / `zeroPointIndex`, as the
/// QLinear* and *Integer ops describe their operands.
FailureOr<Value> bindQuantizedInput(NodeBinder &binder, unsigned index,
                                    unsigned scaleIndex,
                                    unsigned zeroPointIndex,
                                    std::optional<int64_t> axis = std::nullopt);

/// Returns `value` viewed with quantized element type `quantized`: a
/// constant of stored integers becomes a quantized constant (weights stay
/// integers), an integer tensor is storage-cast, a quantized tensor is
/// re-viewed through its storage if its parameters differ.
Value castToQuantized(NodeBinder &binder, Value value,
                      quant::QuantizedType quantized);

//===----------------------------------------------------------------------===//
// Quantization parameters computed at run time (RuntimeQuantization.cpp)
//===----------------------------------------------------------------------===//
//
// `!quant.uniform` types need constant scales and zero points. When a model
// computes them (dynamic quantization, parameters as graph inputs), the
// QuantizeLinear / DequantizeLinear / QLinear* / *Integer semantics are
// spelled out as integer and float arithmetic on kiln ops instead.

/// Whether `value` is computed at run time (not a kiln.constant).
inline bool isRuntimeValue(Value value) {
  return value && !value.getDefiningOp<ConstantOp>();
}

/// Reshapes a 1-D per-channel parameter (scale, zero point) to broadcast
/// along `axis` of a tensor of rank `rank`; a per-tensor parameter (or null)
/// is returned as it is.
Value alignAlongAxis(NodeBinder &binder, Value parameter, int64_t rank,
                     int64_t axis);

/// Whether any of the node's inputs at `indices` is given and computed at run
/// time.
bool hasRuntimeInput(NodeBinder &binder, ArrayRef<unsigned> indices);

/// A scale and optional zero point, reshaped so that they broadcast against
/// the quantized tensor (per tensor, or per channel along the axis).
struct RuntimeQuantParams {
  Value scale;
  Value zeroPoint;
};

/// Binds the scale and zero point inputs of a quantized tensor of rank
/// `rank`: per tensor, or 1-D per `axis` (the node's `axis` attribute,
/// default 1, when not given). Blocked parameters are refused.
FailureOr<RuntimeQuantParams>
bindRuntimeQuantParams(NodeBinder &binder, unsigned scaleIndex,
                       unsigned zeroPointIndex, int64_t rank,
                       std::optional<int64_t> axis = std::nullopt);

/// (x - zero_point) * scale in the scale's float type.
FailureOr<Value> buildRuntimeDequantize(NodeBinder &binder, Value stored,
                                        const RuntimeQuantParams &params);

/// saturate(round(x / scale) + zero_point) as `storage` integers (round half
/// to even, saturation to the storage range).
FailureOr<Value> buildRuntimeQuantize(NodeBinder &binder, Value value,
                                      const RuntimeQuantParams &params,
                                      IntegerType storage);

/// Requantizes an i32 accumulator of a QLinear* op: with the input's scale
/// and the weight's (per tensor or per output channel along `channelAxis`
/// of the accumulator),
///   y = saturate(round(acc * inputScale * weightScale / result.scale)
///                + result.zeroPoint)
FailureOr<Value> buildRuntimeRequantize(NodeBinder &binder, Value accumulator,
                                        Value inputScale, Value weightScale,
                                        int64_t channelAxis,
                                        const RuntimeQuantParams &result,
                                        IntegerType storage);

/// A tensor quantized with parameters computed from its own values.
struct DynamicQuantization {
  Value stored; // uint8
  RuntimeQuantParams params;
};

/// ONNX DynamicQuantizeLinear (also the activation side of
/// com.microsoft.DynamicQuantizeMatMul): uint8 with per-tensor parameters
/// from the data, as ONNX's function body computes them:
///   lo = min(min(x), 0), hi = max(max(x), 0), scale = (hi - lo) / 255
///   zero_point = saturate(round(-lo / scale))
///   y = saturate(round(x / scale) + zero_point)
/// with round-half-to-even and saturation to [0, 255].
FailureOr<DynamicQuantization> buildDynamicQuantize(NodeBinder &binder,
                                                    Value input);

/// (x - zero_point) as i32, the operand of an integer convolution or matrix
/// product; `zeroPoint` may be null.
FailureOr<Value> buildZeroPointShift(NodeBinder &binder, Value stored,
                                     Value zeroPoint);

/// The operands of ConvInteger / MatMulInteger: `input` and `weight` with
/// their zero points (node inputs 2 and 3) subtracted in i32 where they are
/// given and not all zero (otherwise the integers contract as they are).
/// The input's zero point is per tensor or along `inputAxis`, the weight's
/// per tensor or along `weightAxis`.
LogicalResult bindIntegerOperands(NodeBinder &binder, Value &input,
                                  Value &weight, int64_t inputAxis,
                                  int64_t weightAxis);

//===----------------------------------------------------------------------===//
// Float 8 (FloatQuantization.cpp)
//===----------------------------------------------------------------------===//

/// Converts `value` to `element` with kiln.cast as ONNX Cast does: into a
/// float type of at most 8 bits, `saturate` (ONNX's attribute, default 1
/// from opset 19) clamps to its finite range; integers then convert
/// through f32 (exact up to that range).
Value buildCast(NodeBinder &binder, Value value, Type element, bool saturate);

/// QuantizeLinear into the float 8 type `storage`:
///   y = convert(x / scale + zero_point)
/// saturating unless the node's `saturate` is 0; per tensor or per axis.
FailureOr<Value> buildFloat8Quantize(NodeBinder &binder, Value input,
                                     Type storage);

/// DequantizeLinear of a float 8 tensor: (x - zero_point) * scale in the
/// scale's type, per tensor or per axis (a zero point of zeros is skipped).
FailureOr<Value> buildFloat8Dequantize(NodeBinder &binder, Value stored);

/// Builds ONNX NegativeLogLikelihoodLoss from kiln ops (also the second half
/// of SoftmaxCrossEntropyLoss): with t = target[n, d...] and w = weight[t]
/// (1 without weights), masked to 0 where t == ignore_index,
///   loss[n, d...] = -logProb[n, t, d...] * w
/// reduced by `reduction`: "none", "sum", or "mean" = sum(loss) / sum(w).
FailureOr<Value> buildNegativeLogLikelihood(NodeBinder &binder, Value logProb,
                                            Value target, Value weight);

/// E[x], x - E[x] and E[(x - E[x])^2] over `axes` (kept as extent 1), as
/// layer, mean-variance and (training) batch normalization spell them out.
struct Moments {
  Value mean, centered, variance;
};
FailureOr<Moments> buildMoments(NodeBinder &binder, Value input,
                                ArrayRef<int64_t> axes);

/// Returns input `index` if it is a shape computed at run time (not a
/// constant): a 1-D i64 tensor of static length. Returns null for a constant
/// shape, and null after reporting an error for an unusable one; callers
/// tell the two apart with `binder.status()`.
Value getRuntimeShape(NodeBinder &binder, unsigned index);

/// Returns the element type that the node's data type attribute `name`
/// (`dtype`, `output_datatype`; an ONNX TensorProto data type) names, or
/// `defaultType` when the node has none. Reports a type that Kiln lacks or
/// that `isAllowed` rejects; `allowed` names the accepted types in the
/// message ("a float type").
FailureOr<Type> getDataTypeAttr(NodeBinder &binder, StringRef name,
                                Type defaultType,
                                function_ref<bool(Type)> isAllowed,
                                StringRef allowed);

/// Returns the node's float `seed` attribute (RandomNormal, Bernoulli, ...)
/// for a kiln random op, or null when the node has none.
FloatAttr getSeedAttr(NodeBinder &binder);

/// Returns the node's optional `axis` attribute normalized for `rank`, or a
/// null attribute when the node has none (Compress, Unique).
FailureOr<IntegerAttr> getOptionalAxisAttr(NodeBinder &binder, int64_t rank);

/// Defines the node's single output from a freshly built op.
template <typename OpTy>
LogicalResult setSingleOutput(NodeBinder &binder, FailureOr<OpTy> op) {
  if (failed(op))
    return failure();
  binder.setOutput(0, (*op)->getResult(0));
  return success();
}

/// Builds kiln.split of `input` along `axis` into pieces of `sizes`
/// (kDynamic where `dynamicSizes`, a run-time operand, sets them).
SplitOp buildSplit(NodeBinder &binder, Value input, ArrayRef<int64_t> sizes,
                   Value dynamicSizes, int64_t axis);

/// Returns the ranked tensor type of `value`.
inline RankedTensorType getTensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// MaxPool and AveragePool. MaxPool's optional `Indices` output (opset 8 on)
/// makes it kiln.max_pool_with_indices, ordered by `storage_order`.
template <typename OpTy>
LogicalResult importPool(NodeBinder &binder) {
  bool withIndices = std::is_same_v<OpTy, MaxPoolOp> && binder.hasOutput(1);
  if (failed(binder.checkNumInputs(1, 1)) ||
      failed(binder.checkNumOutputs(withIndices ? 2 : 1)) ||
      failed(binder.requireAttr("kernel_shape")))
    return failure();
  Value input = binder.getInput(0);
  if (!input)
    return failure();
  FailureOr<Window> window = readWindow(binder, getTensorType(input), {});
  if (failed(window))
    return failure();
  bool ceilMode = binder.getInt("ceil_mode", 0) != 0;
  Type element = getElementTypeOrSelf(input.getType());
  if constexpr (std::is_same_v<OpTy, AveragePoolOp>)
    return setSingleOutput(
        binder, binder.create<OpTy>({element}, input, window->kernel,
                                    window->strides, window->dilations,
                                    window->pads, ceilMode,
                                    binder.getInt("count_include_pad", 0) != 0));
  if (!withIndices)
    return setSingleOutput(
        binder, binder.create<OpTy>({element}, input, window->kernel,
                                    window->strides, window->dilations,
                                    window->pads, ceilMode));
  int64_t storageOrder = binder.getInt("storage_order", 0);
  if (storageOrder != 0 && storageOrder != 1) {
    binder.emitError() << "storage_order must be 0 (row major) or 1 (column "
                          "major), got "
                       << storageOrder;
    return failure();
  }
  FailureOr<MaxPoolWithIndicesOp> op = binder.create<MaxPoolWithIndicesOp>(
      {element, binder.getBuilder().getI64Type()}, input, window->kernel,
      window->strides, window->dilations, window->pads, ceilMode,
      storageOrder == 1);
  if (failed(op))
    return failure();
  binder.setOutput(0, op->getOutput());
  binder.setOutput(1, op->getIndices());
  return success();
}

/// The operand of a softmax-like op (Softmax, LogSoftmax, Hardmax) and the
/// axis it normalizes over. Before opset 13 these ops work on the input
/// flattened to 2-D at `axis` (default 1), from 13 on the single `axis`
/// (default -1); `value` is the input, or its 2-D view when that differs.
struct SoftmaxOperand {
  Value value;
  int64_t axis;
};
FailureOr<SoftmaxOperand> getSoftmaxOperand(NodeBinder &binder, Value input);

/// Defines output 0 as `result`, reshaped back to `input`'s shape when the
/// op worked on a 2-D view of it.
LogicalResult setSoftmaxResult(NodeBinder &binder, Value input, Value result);

/// Softmax and LogSoftmax.
template <typename OpTy>
LogicalResult importSoftmax(NodeBinder &binder) {
  Value input = binder.bindFirstInput(1, 1);
  if (!input)
    return failure();
  FailureOr<SoftmaxOperand> operand = getSoftmaxOperand(binder, input);
  if (failed(operand))
    return failure();
  FailureOr<OpTy> normalized = binder.create<OpTy>(
      {getElementTypeOrSelf(input.getType())}, operand->value, operand->axis);
  if (failed(normalized))
    return failure();
  return setSoftmaxResult(binder, input, *normalized);
}

/// `Y = f(X)` with Y of X's type; `attrs` turns node attributes into the
/// kiln op's extra builder arguments.
template <typename OpTy, typename AttrFn>
OpHandler unaryHandler(AttrFn attrs) {
  return [attrs](NodeBinder &binder) -> LogicalResult {
    if (failed(binder.checkNumInputs(1, 1)) ||
        failed(binder.checkNumOutputs(1)))
      return failure();
    Value input = binder.getInput(0);
    if (!input)
      return failure();
    auto op = std::apply(
        [&](auto &&...extra) {
          return OpTy::create(binder.getBuilder(), binder.getLoc(),
                              input.getType(), input, extra...);
        },
        attrs(binder));
    binder.setOutput(0, op);
    return success();
  };
}

template <typename OpTy>
OpHandler unaryHandler() {
  return unaryHandler<OpTy>([](NodeBinder &) { return std::tuple<>(); });
}

/// Before opset 7, binary ops broadcast only with `broadcast = 1`, aligning
/// B's dimensions with A's from `axis` on. Returns B reshaped so that numpy
/// broadcasting gives the same result (B itself from opset 7 on), or null
/// after reporting an error.
Value alignLegacyBroadcast(NodeBinder &binder, Value lhs, Value rhs);

/// `C = f(A, B)` with numpy broadcasting; the result element type is A's, or
/// i1 when `boolResult`.
template <typename OpTy>
OpHandler binaryHandler(bool boolResult = false) {
  return [boolResult](NodeBinder &binder) -> LogicalResult {
    if (failed(binder.checkNumInputs(2, 2)) ||
        failed(binder.checkNumOutputs(1)))
      return failure();
    Value lhs = binder.getInput(0), rhs = binder.getInput(1);
    if (!lhs || !rhs)
      return failure();
    rhs = alignLegacyBroadcast(binder, lhs, rhs);
    if (!rhs)
      return failure();
    Type element = boolResult ? binder.getBuilder().getI1Type()
                              : getElementTypeOrSelf(lhs.getType());
    FailureOr<OpTy> op = binder.create<OpTy>({element}, lhs, rhs);
    if (failed(op))
      return failure();
    binder.setOutput(0, *op);
    return success();
  };
}

/// Forwards the input: Identity, and Dropout at inference.
inline OpHandler passThroughHandler() {
  return [](NodeBinder &binder) -> LogicalResult {
    if (failed(binder.checkNumOutputs(1)))
      return failure();
    Value input = binder.getInput(0);
    if (!input)
      return failure();
    binder.setOutput(0, input);
    return success();
  };
}

/// ONNX's variadic Sum / Max / Min / Mean fold left over a binary kiln op.
template <typename OpTy>
FailureOr<Value> foldVariadic(NodeBinder &binder) {
  if (binder.getNumInputs() < 1) {
    binder.emitError() << "expected at least one input";
    return failure();
  }
  Value result = binder.getInput(0);
  for (unsigned i = 1; result && i < binder.getNumInputs(); ++i) {
    Value next = binder.getInput(i);
    if (!next)
      return failure();
    FailureOr<OpTy> op = binder.create<OpTy>(
        {getElementTypeOrSelf(result.getType())}, result, next);
    if (failed(op))
      return failure();
    result = *op;
  }
  if (!result)
    return failure();
  return result;
}

template <typename OpTy>
OpHandler variadicHandler() {
  return [](NodeBinder &binder) -> LogicalResult {
    FailureOr<Value> result = foldVariadic<OpTy>(binder);
    if (failed(result) || failed(binder.checkNumOutputs(1)))
      return failure();
    binder.setOutput(0, *result);
    return success();
  };
}

} // namespace mlir::kiln::onnx_import

#endif // KILN_LIB_IMPORT_ONNX_HANDLERUTILS_H
