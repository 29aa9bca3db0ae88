//===- ONNXImporter.h - ONNX models into the kiln dialect -----------*- C++ -*-===//
//
// The importer turns an ONNX ModelProto into a module holding one
// `func.func @main` of `kiln` ops on statically shaped tensors. Problems are
// reported as MLIR diagnostics that name the model, the ONNX node (name,
// op type, domain, opset) and what is wrong.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_IMPORT_ONNX_ONNXIMPORTER_H
#define KILN_IMPORT_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

namespace mlir::kiln {

struct ONNXImportOptions {
  /// Static shapes for graph inputs, by input name; they replace the model's
  /// (possibly symbolic) input shapes.
  llvm::StringMap<SmallVector<int64_t>> inputShapes;
};

/// Imports the ONNX model stored at `path`; tensors with external data are
/// read relative to the model's folder. Returns null after emitting
/// diagnostics on failure.
OwningOpRef<ModuleOp> importONNXFile(StringRef path, MLIRContext *context,
                                     const ONNXImportOptions &options = {});

/// Imports a serialized ONNX model held in memory. `name` appears in
/// diagnostics; `baseDirectory` resolves external data ("" for none).
OwningOpRef<ModuleOp> importONNXBuffer(StringRef bytes, StringRef name,
                                       StringRef baseDirectory,
                                       MLIRContext *context,
                                       const ONNXImportOptions &options = {});

/// Parses an `--input-shape` value `NAME=1x3x224x224` into `options`.
/// Returns an error message, or the empty string on success.
std::string parseInputShapeOption(StringRef text, ONNXImportOptions &options);

} // namespace mlir::kiln

#endif // KILN_IMPORT_ONNX_ONNXIMPORTER_H
