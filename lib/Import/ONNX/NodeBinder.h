//===- NodeBinder.h - an ONNX node's inputs, attributes and outputs -*- C++ -*-===//
//
// A NodeBinder hands one ONNX node to its handler: inputs as MLIR values,
// attributes with their ONNX defaults, constant inputs as integers, and the
// outputs to define. Every problem is reported once, at the node's location,
// and remembered: the importer fails the node if any binder call failed, so
// handlers can read attributes without checking each call.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_IMPORT_ONNX_NODEBINDER_H
#define KILN_LIB_IMPORT_ONNX_NODEBINDER_H

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"

#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

namespace mlir::kiln::onnx_import {

/// An ONNX sequence value, unrolled at import: Kiln compiles sequences
/// whose length the graph fixes, as the list of their tensors (elements
/// chosen by run-time positions become `kiln.where` selections).
struct Sequence {
  /// The tensor type of elements (of an empty sequence, too).
  Type elementType;
  SmallVector<Value> elements;
};

class NodeBinder {
public:
  /// `declaredShapes` maps value names to the shapes the model declares
  /// (graph outputs and value_info; kDynamic where a dimension is symbolic).
  NodeBinder(const onnx::NodeProto &node, int64_t opset, OpBuilder &builder,
             Location loc, llvm::StringMap<Value> &values,
             llvm::StringMap<Sequence> &sequences,
             const llvm::StringMap<SmallVector<int64_t>> &declaredShapes)
      : node(node), opset(opset), builder(builder), loc(loc), values(values),
        sequences(sequences), declaredShapes(declaredShapes),
        lastOpBefore(builder.getInsertionBlock()->empty()
                         ? nullptr
                         : &builder.getInsertionBlock()->back()) {}

  const onnx::NodeProto &getNode() const { return node; }
  int64_t getOpset() const { return opset; }
  OpBuilder &getBuilder() { return builder; }
  Location getLoc() const { return loc; }
  MLIRContext *getContext() { return builder.getContext(); }

  /// Emits an error at the node and marks the node failed.
  InFlightDiagnostic emitError();
  /// Whether every binder call so far succeeded.
  LogicalResult status() const { return failure(hadError); }

  //===--------------------------------------------------------------------===//
  // Inputs
  //===--------------------------------------------------------------------===//

  /// Number of inputs, counting empty (omitted optional) ones.
  unsigned getNumInputs() const { return node.input_size(); }
  /// Whether input `index` is given (present and not the empty name).
  bool hasInput(unsigned index) const;
  /// Returns input `index`, reporting an error if it is missing.
  Value getInput(unsigned index);
  /// Returns input `index`, or null if it is omitted.
  Value getOptionalInput(unsigned index);
  /// Returns sequence input `index`, reporting an error if it is missing
  /// or not a sequence.
  FailureOr<Sequence> getSequenceInput(unsigned index);
  /// Returns the ranked tensor type of input `index` (null if missing).
  RankedTensorType getInputType(unsigned index);
  /// Checks that the node has between `min` and `max` inputs.
  LogicalResult checkNumInputs(unsigned min, unsigned max);
  /// Checks the node's arity (between `min` and `max` inputs, at most
  /// `maxOutputs` used outputs) and returns input 0, or null after reporting.
  Value bindFirstInput(unsigned min, unsigned max, unsigned maxOutputs = 1);

  /// Returns the elements of constant input `index` (a kiln.constant), or
  /// reports that `what` must be constant.
  FailureOr<ElementsAttr> getConstantInput(unsigned index, StringRef what);
  /// Returns a constant integer input as int64 values.
  FailureOr<SmallVector<int64_t>> getConstantInts(unsigned index,
                                                  StringRef what);
  /// Returns a constant float input as double values.
  FailureOr<SmallVector<double>> getConstantFloats(unsigned index,
                                                   StringRef what);

  //===--------------------------------------------------------------------===//
  // Attributes
  //===--------------------------------------------------------------------===//

  bool hasAttr(StringRef name) const { return findAttr(name) != nullptr; }
  int64_t getInt(StringRef name, int64_t defaultValue);
  float getFloat(StringRef name, float defaultValue);
  std::string getString(StringRef name, StringRef defaultValue);
  SmallVector<int64_t> getInts(StringRef name,
                               ArrayRef<int64_t> defaultValue = {});
  SmallVector<float> getFloats(StringRef name,
                               ArrayRef<float> defaultValue = {});
  /// Returns a list-of-strings attribute; empty if absent.
  SmallVector<std::string> getStrings(StringRef name);
  /// Returns a tensor attribute, or null if absent.
  const onnx::TensorProto *getTensor(StringRef name);
  /// Reports an error if attribute `name` is missing.
  LogicalResult requireAttr(StringRef name);

  //===--------------------------------------------------------------------===//
  // Outputs
  //===--------------------------------------------------------------------===//

  unsigned getNumOutputs() const { return node.output_size(); }
  /// Whether output `index` exists and is used by name.
  bool hasOutput(unsigned index) const;
  /// Defines output `index` (ignored when the output is omitted). An output
  /// computed from constants only is folded into a constant; extents that
  /// only run-time values determine (`?`) take the model's declared ones.
  void setOutput(unsigned index, Value value);
  /// Defines sequence output `index`.
  void setSequenceOutput(unsigned index, Sequence sequence);
  /// The shape the model declares for output `index`, if it declares one
  /// of static rank.
  std::optional<ArrayRef<int64_t>> getDeclaredShape(unsigned index) const;
  /// The declared shape of output `index` if it is fully static; otherwise
  /// reports that `why` makes the shape depend on run-time values.
  FailureOr<SmallVector<int64_t>> requireDeclaredShape(unsigned index,
                                                       StringRef why);
  /// Reports an error if the node uses outputs at or beyond `count`.
  LogicalResult checkNumOutputs(unsigned count);

  //===--------------------------------------------------------------------===//
  // Building
  //===--------------------------------------------------------------------===//

  /// Normalizes an ONNX axis (negative counts from the end) for `rank`.
  FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);
  /// Normalizes every axis of `axes` in place and sorts them.
  LogicalResult normalizeAxes(SmallVectorImpl<int64_t> &axes, int64_t rank);

  /// Builds a shape-inferring kiln op, giving result `i` the shape its
  /// `inferReturnTypeComponents` derives and element type `elementTypes[i]`.
  /// Shape errors are reported at the node.
  template <typename OpTy, typename... Args>
  FailureOr<OpTy> create(TypeRange elementTypes, Args &&...args) {
    SmallVector<Type> placeholders;
    for (Type element : elementTypes)
      placeholders.push_back(RankedTensorType::get({}, element));
    auto op = OpTy::create(builder, loc, placeholders,
                           std::forward<Args>(args)...);
    typename OpTy::Adaptor adaptor(op);
    SmallVector<ShapedTypeComponents> shapes;
    if (failed(OpTy::inferReturnTypeComponents(getContext(), loc, adaptor,
                                               shapes))) {
      hadError = true;
      op->erase();
      return failure();
    }
    for (auto [result, shape, element] :
         llvm::zip(op->getResults(), shapes, elementTypes))
      result.setType(RankedTensorType::get(shape.getDims(), element));
    return op;
  }

  /// Builds a kiln.constant holding `values` as a tensor of `type`.
  Value createConstant(DenseElementsAttr values);
  /// Builds an i64 (or other integer) 1-D constant.
  Value createIntConstant(ArrayRef<int64_t> values, Type element);

private:
  /// Returns `value` folded into a constant if its op's operands all are.
  Value foldConstants(Value value);
  /// Gives `value`'s dynamic extents the declared ones of output `index`.
  void refineToDeclaredShape(unsigned index, Value value);
  const onnx::AttributeProto *findAttr(StringRef name) const;
  /// Finds `name` and checks its type; reports a mismatch.
  const onnx::AttributeProto *
  findTypedAttr(StringRef name, onnx::AttributeProto::AttributeType type);

  const onnx::NodeProto &node;
  int64_t opset;
  OpBuilder &builder;
  Location loc;
  llvm::StringMap<Value> &values;
  llvm::StringMap<Sequence> &sequences;
  const llvm::StringMap<SmallVector<int64_t>> &declaredShapes;
  /// The block's last op before this node's; later ones are the node's.
  Operation *lastOpBefore;
  bool hadError = false;
};

} // namespace mlir::kiln::onnx_import

#endif // KILN_LIB_IMPORT_ONNX_NODEBINDER_H
