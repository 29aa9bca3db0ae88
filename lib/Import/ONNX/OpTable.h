//===- OpTable.h - table of ONNX op handlers ------------------------*- C++ -*-===//
//
// The importer is a table: each ONNX op (domain, name) has handlers keyed by
// the opset version they apply from, registered with `onOp` in alphabetical
// chunk files. A handler binds the node's inputs and attributes through a
// NodeBinder and builds kiln ops. Handlers for one op never affect another.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_LIB_IMPORT_ONNX_OPTABLE_H
#define KILN_LIB_IMPORT_ONNX_OPTABLE_H

#include "mlir/Support/LLVM.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <string>

namespace mlir::kiln::onnx_import {

class NodeBinder;

using OpHandler = std::function<LogicalResult(NodeBinder &)>;

/// ONNX's default operator domain (also spelled "ai.onnx").
constexpr const char *kDefaultDomain = "";
/// onnxruntime's contrib domain, where QLinearAdd & co. live.
constexpr const char *kMicrosoftDomain = "com.microsoft";
/// Kiln's own domain (DequantizeMX), for formats ONNX lacks.
constexpr const char *kKilnDomain = "ai.kiln";

class OpTable {
public:
  /// Registers `handler` for `name` in `domain` from opset `sinceVersion` on.
  void onOp(StringRef name, int64_t sinceVersion, OpHandler handler,
            StringRef domain = kDefaultDomain);

  /// Returns the handler with the greatest `sinceVersion` not above `opset`,
  /// or null.
  const OpHandler *lookup(StringRef domain, StringRef name,
                          int64_t opset) const;

  /// Whether any handler exists for the op, at any opset.
  bool knows(StringRef domain, StringRef name) const;

  /// The table with every handler Kiln has.
  static const OpTable &get();

private:
  struct Entry {
    int64_t sinceVersion;
    OpHandler handler;
  };
  /// Keyed by "domain::name".
  llvm::StringMap<SmallVector<Entry, 1>> handlers;
};

// Chunk files, each registering the ops of an alphabetical range or of one
// op family (Recurrent: RNN, GRU and LSTM, which share their binding code;
// Sequence: sequence ops, unrolled at import; Signal: DFT and friends; Vision: sampling, region pooling, unpooling, box
// selection).
void populateDefaultDomainAtoF(OpTable &table);
void populateDefaultDomainGtoP(OpTable &table);
void populateDefaultDomainQtoZ(OpTable &table);
void populateDefaultDomainRecurrent(OpTable &table);
void populateDefaultDomainSequence(OpTable &table);
void populateDefaultDomainSignal(OpTable &table);
void populateDefaultDomainVision(OpTable &table);
void populateMicrosoftDomain(OpTable &table);
void populateKilnDomain(OpTable &table);

} // namespace mlir::kiln::onnx_import

#endif // KILN_LIB_IMPORT_ONNX_OPTABLE_H
