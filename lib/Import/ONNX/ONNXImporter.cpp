//===- ONNXImporter.cpp - ONNX models into the kiln dialect ---------------===//
//
// Loads a ModelProto, turns graph inputs into function arguments and
// initializers into kiln.constant ops, and imports each node through the op
// table. Diagnostics raised while a node imports are prefixed with the model
// and the node, so every message says where it comes from.
//
//===----------------------------------------------------------------------===//

#include "kiln/Import/ONNX/ONNXImporter.h"

#include "NodeBinder.h"
#include "OpTable.h"
#include "TensorConversion.h"

#include "dialects/Kiln/KilnOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <google/protobuf/io/coded_stream.h>

namespace mlir::kiln {

using namespace onnx_import;

namespace {

/// The ONNX opsets of the default domain that Kiln imports.
constexpr int64_t kMinOpset = 1;
constexpr int64_t kMaxOpset = 21;

class ModelImporter {
public:
  ModelImporter(MLIRContext *context, StringRef name, StringRef directory,
                const ONNXImportOptions &options)
      : context(context), name(name.str()), directory(directory.str()),
        options(options), builder(context) {}

  OwningOpRef<ModuleOp> import(const onnx::ModelProto &model);

private:
  /// Emits a model-level error: "<model>: <message>".
  InFlightDiagnostic emitModelError() {
    return emitError(UnknownLoc::get(context)) << name << ": ";
  }
  LogicalResult readOpsets(const onnx::ModelProto &model);
  LogicalResult checkNodesSupported(const onnx::GraphProto &graph);
  FailureOr<RankedTensorType> getValueType(const onnx::ValueInfoProto &info);
  LogicalResult importNode(const onnx::NodeProto &node, unsigned index);
  std::string describeNode(const onnx::NodeProto &node, unsigned index);

  MLIRContext *context;
  std::string name;
  std::string directory;
  const ONNXImportOptions &options;
  OpBuilder builder;
  llvm::StringMap<int64_t> opsets;
  llvm::StringMap<Value> values;
  llvm::StringMap<Sequence> sequences;
  /// Shapes the model declares for values (graph outputs, value_info).
  llvm::StringMap<SmallVector<int64_t>> declaredShapes;
};

/// The extents of a declared shape; symbolic ones are kDynamic.
SmallVector<int64_t> getDeclaredDims(const onnx::TensorShapeProto &shape) {
  SmallVector<int64_t> dims;
  for (const onnx::TensorShapeProto::Dimension &dim : shape.dim())
    dims.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                       ? dim.dim_value()
                       : ShapedType::kDynamic);
  return dims;
}

/// Canonical domain name ("" for ai.onnx).
StringRef getDomain(const std::string &domain) {
  return domain == "ai.onnx" ? StringRef(kDefaultDomain) : StringRef(domain);
}

LogicalResult ModelImporter::readOpsets(const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    opsets[getDomain(opset.domain())] = opset.version();
  auto it = opsets.find(kDefaultDomain);
  if (it == opsets.end()) {
    // IR version 2 models predate opset_import and mean opset 1.
    emitModelError() << "the model imports no ai.onnx opset; Kiln supports "
                        "opsets "
                     << kMinOpset << " to " << kMaxOpset;
    return failure();
  }
  if (it->second < kMinOpset || it->second > kMaxOpset) {
    emitModelError() << "unsupported ai.onnx opset " << it->second
                     << "; Kiln supports opsets " << kMinOpset << " to "
                     << kMaxOpset;
    return failure();
  }
  return success();
}

std::string ModelImporter::describeNode(const onnx::NodeProto &node,
                                        unsigned index) {
  std::string text = "node ";
  text += node.name().empty() ? "#" + std::to_string(index)
                              : "'" + node.name() + "'";
  StringRef domain = getDomain(node.domain());
  text += " (" + node.op_type() + ", " +
          (domain.empty() ? std::string("ai.onnx") : domain.str());
  auto it = opsets.find(domain);
  if (it != opsets.end())
    text += " opset " + std::to_string(it->second);
  return text + ")";
}

LogicalResult
ModelImporter::checkNodesSupported(const onnx::GraphProto &graph) {
  // Collect every unsupported op first, so one error lists them all.
  llvm::MapVector<std::string, SmallVector<std::string>,
                  llvm::StringMap<unsigned>>
      unsupported;
  const OpTable &table = OpTable::get();
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    StringRef domain = getDomain(node.domain());
    auto opset = opsets.find(domain);
    std::string why;
    if (opset == opsets.end())
      why = "domain '" + domain.str() + "' is not imported by the model";
    else if (!table.knows(domain, node.op_type()))
      why = "unsupported";
    else if (!table.lookup(domain, node.op_type(), opset->second))
      why = "unsupported before a newer opset";
    else
      continue;
    std::string key = node.op_type() + " (" +
                      (domain.empty() ? std::string("ai.onnx") : domain.str()) +
                      (opset == opsets.end()
                           ? std::string()
                           : " opset " + std::to_string(opset->second)) +
                      "): " + why;
    unsupported[key].push_back(node.name().empty()
                                   ? "#" + std::to_string(index)
                                   : node.name());
  }
  if (unsupported.empty())
    return success();
  InFlightDiagnostic diag = emitModelError()
                            << unsupported.size()
                            << " unsupported operator(s): ";
  llvm::interleave(
      unsupported, diag,
      [&](const auto &entry) {
        diag << entry.first << " at node(s) ";
        ArrayRef<std::string> nodes = entry.second;
        diag << llvm::join(nodes.take_front(3), ", ");
        if (nodes.size() > 3)
          diag << " and " << nodes.size() - 3 << " more";
      },
      "; ");
  return failure();
}

FailureOr<RankedTensorType>
ModelImporter::getValueType(const onnx::ValueInfoProto &info) {
  if (!info.type().has_tensor_type()) {
    emitModelError() << "graph value '" << info.name()
                     << "' is not a tensor (sequence, map and optional "
                        "values are unsupported)";
    return failure();
  }
  const onnx::TypeProto::Tensor &tensor = info.type().tensor_type();
  Type element = getElementType(context, tensor.elem_type());
  if (!element) {
    emitModelError() << "graph value '" << info.name() << "' has unsupported "
                     << "element type " << getDataTypeName(tensor.elem_type());
    return failure();
  }
  auto override = options.inputShapes.find(info.name());
  if (override != options.inputShapes.end())
    return RankedTensorType::get(override->second, element);
  if (!tensor.has_shape()) {
    emitModelError() << "graph value '" << info.name()
                     << "' has no shape; give one with --input-shape "
                     << info.name() << "=DIMS";
    return failure();
  }
  return RankedTensorType::get(getDeclaredDims(tensor.shape()), element);
}

LogicalResult ModelImporter::importNode(const onnx::NodeProto &node,
                                        unsigned index) {
  StringRef domain = getDomain(node.domain());
  int64_t opset = opsets.lookup(domain);
  const OpHandler *handler =
      OpTable::get().lookup(domain, node.op_type(), opset);
  Location fileLoc = FileLineColLoc::get(context, name, 0, 0);
  Location loc = NameLoc::get(
      StringAttr::get(context, node.name().empty()
                                   ? node.op_type() + "#" + std::to_string(index)
                                   : node.name()),
      fileLoc);

  // Prefix every error raised while this node imports with its description.
  std::string prefix = name + ": " + describeNode(node, index) + ": ";
  bool forwarding = false;
  ScopedDiagnosticHandler prefixer(context, [&](Diagnostic &diag) {
    if (forwarding || diag.getSeverity() != DiagnosticSeverity::Error)
      return failure();
    forwarding = true;
    InFlightDiagnostic prefixed = emitError(diag.getLocation())
                                  << prefix << diag.str();
    for (Diagnostic &note : diag.getNotes())
      prefixed.attachNote(note.getLocation()) << note.str();
    prefixed.report();
    forwarding = false;
    return success();
  });

  Block *block = builder.getInsertionBlock();
  Operation *previous = block->empty() ? nullptr : &block->back();
  NodeBinder binder(node, opset, builder, loc, values, sequences,
                    declaredShapes);
  if (failed((*handler)(binder)) || failed(binder.status()))
    return failure();
  // Verify what the node built while its context still prefixes messages.
  for (Operation &op : llvm::make_range(
           previous ? std::next(previous->getIterator()) : block->begin(),
           block->end()))
    if (failed(verify(&op)))
      return failure();
  for (int i = 0; i < node.output_size(); ++i)
    if (!node.output(i).empty() && !values.count(node.output(i)) &&
        !sequences.count(node.output(i))) {
      binder.emitError() << "output #" << i << " ('" << node.output(i)
                         << "') is not supported";
      return failure();
    }
  return success();
}

OwningOpRef<ModuleOp> ModelImporter::import(const onnx::ModelProto &model) {
  if (!model.has_graph()) {
    emitModelError() << "the model has no graph";
    return nullptr;
  }
  if (failed(readOpsets(model)))
    return nullptr;
  const onnx::GraphProto &graph = model.graph();
  if (failed(checkNodesSupported(graph)))
    return nullptr;

  for (const auto &entry : options.inputShapes)
    if (llvm::none_of(graph.input(), [&](const onnx::ValueInfoProto &input) {
          return input.name() == entry.getKey();
        })) {
      emitModelError() << "--input-shape names '" << entry.getKey()
                       << "', which is not a graph input";
      return nullptr;
    }

  Location fileLoc = FileLineColLoc::get(context, name, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());

  llvm::StringSet<> initializerNames;
  for (const onnx::TensorProto &tensor : graph.initializer())
    initializerNames.insert(tensor.name());

  SmallVector<Type> argumentTypes;
  SmallVector<std::string> argumentNames;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (initializerNames.contains(input.name()))
      continue;
    FailureOr<RankedTensorType> type = getValueType(input);
    if (failed(type))
      return nullptr;
    argumentTypes.push_back(*type);
    argumentNames.push_back(input.name());
  }

  auto function = func::FuncOp::create(
      builder, fileLoc, "main", builder.getFunctionType(argumentTypes, {}));
  Block *body = function.addEntryBlock();
  for (auto [argument, argName] :
       llvm::zip(body->getArguments(), argumentNames)) {
    values[argName] = argument;
    function.setArgAttr(argument.getArgNumber(), "kiln.name",
                        builder.getStringAttr(argName));
  }
  builder.setInsertionPointToStart(body);

  for (const onnx::TensorProto &tensor : graph.initializer()) {
    Type element = getElementType(context, tensor.data_type());
    if (!element) {
      emitModelError() << "initializer '" << tensor.name()
                       << "' has unsupported element type "
                       << getDataTypeName(tensor.data_type());
      return nullptr;
    }
    auto type = RankedTensorType::get(getTensorShape(tensor), element);
    std::string error;
    FailureOr<ElementsAttr> value =
        convertTensor(tensor, type, directory, error);
    if (failed(value)) {
      emitModelError() << "initializer '" << tensor.name() << "': " << error;
      return nullptr;
    }
    values[tensor.name()] = ConstantOp::create(
        builder, NameLoc::get(builder.getStringAttr(tensor.name()), fileLoc),
        *value);
  }

  // Declared shapes fill in extents that only run-time values determine.
  auto declareShapes = [&](const auto &infos) {
    for (const onnx::ValueInfoProto &info : infos)
      if (info.type().has_tensor_type() &&
          info.type().tensor_type().has_shape())
        declaredShapes[info.name()] =
            getDeclaredDims(info.type().tensor_type().shape());
  };
  declareShapes(graph.value_info());
  declareShapes(graph.output());

  for (auto [index, node] : llvm::enumerate(graph.node()))
    if (failed(importNode(node, index)))
      return nullptr;

  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = values.lookup(output.name());
    if (!value && sequences.count(output.name())) {
      emitModelError() << "graph output '" << output.name()
                       << "' is a sequence; compiled models return tensors";
      return nullptr;
    }
    if (!value) {
      emitModelError() << "graph output '" << output.name()
                       << "' is not produced by any node";
      return nullptr;
    }
    // A quantized result leaves the model as the stored integers ONNX
    // declares (uint8 / int8 ...).
    auto type = cast<RankedTensorType>(value.getType());
    if (auto quantized = dyn_cast<quant::QuantizedType>(type.getElementType()))
      value = StorageCastOp::create(
          builder, fileLoc,
          type.clone(getStoredIntegerType(quantized)),
          value);
    results.push_back(value);
    resultTypes.push_back(value.getType());
  }
  func::ReturnOp::create(builder, fileLoc, results);
  function.setType(builder.getFunctionType(argumentTypes, resultTypes));
  for (auto [index, output] : llvm::enumerate(graph.output()))
    function.setResultAttr(index, "kiln.name",
                           builder.getStringAttr(output.name()));

  // Constants only the importer read (scales, shapes, axes) and ops folded
  // into constants are dead now.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*body)))
    if (isOpTriviallyDead(&op))
      op.erase();

  if (failed(verify(*module)))
    return nullptr;
  return module;
}

} // namespace

OwningOpRef<ModuleOp> importONNXBuffer(StringRef bytes, StringRef name,
                                       StringRef baseDirectory,
                                       MLIRContext *context,
                                       const ONNXImportOptions &options) {
  context->loadDialect<KilnDialect, func::FuncDialect>();
  auto emitModelError = [&]() {
    return emitError(UnknownLoc::get(context)) << name << ": ";
  };
  if (bytes.empty()) {
    emitModelError() << "the file is empty, not an ONNX model";
    return nullptr;
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    emitModelError() << "the file has " << bytes.size()
                     << " bytes; protobuf reads at most 2 GiB, so larger "
                        "models keep their weights as external data";
    return nullptr;
  }
  onnx::ModelProto model;
  google::protobuf::io::CodedInputStream stream(
      reinterpret_cast<const uint8_t *>(bytes.data()),
      static_cast<int>(bytes.size()));
  // Allow models up to protobuf's 2 GiB message limit.
  stream.SetTotalBytesLimit(INT_MAX);
  if (!model.ParseFromCodedStream(&stream) ||
      !stream.ConsumedEntireMessage() || !model.has_graph()) {
    emitModelError() << "not a valid ONNX model (the protobuf does not parse "
                        "as a ModelProto with a graph; is the file truncated "
                        "or of another format?)";
    return nullptr;
  }
  return ModelImporter(context, name, baseDirectory, options).import(model);
}

OwningOpRef<ModuleOp> importONNXFile(StringRef path, MLIRContext *context,
                                     const ONNXImportOptions &options) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file) {
    emitError(UnknownLoc::get(context))
        << path << ": cannot read the file: " << file.getError().message();
    return nullptr;
  }
  return importONNXBuffer((*file)->getBuffer(), path,
                          llvm::sys::path::parent_path(path), context,
                          options);
}

std::string parseInputShapeOption(StringRef text, ONNXImportOptions &options) {
  auto [inputName, dims] = text.rsplit('=');
  if (inputName.empty() || dims.empty())
    return "expected NAME=DIMS (e.g. input=1x3x224x224), got '" + text.str() +
           "'";
  SmallVector<int64_t> shape;
  if (dims != "scalar") {
    SmallVector<StringRef> parts;
    dims.split(parts, 'x');
    for (StringRef part : parts) {
      int64_t dim = 0;
      if (part.getAsInteger(10, dim) || dim < 0)
        return "invalid dimension '" + part.str() + "' in '" + text.str() +
               "'";
      shape.push_back(dim);
    }
  }
  options.inputShapes[inputName] = shape;
  return "";
}

} // namespace mlir::kiln
