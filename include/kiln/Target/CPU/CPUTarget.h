//===- CPUTarget.h - compile kiln modules to native shared libraries -*- C++ -*-===//
//
// The CPU back end: the `lower` phase (kiln -> linalg on tensors), the
// `codegen-cpu` phase (bufferization, loops, LLVM dialect) and the emission
// of a shared library exporting the C ABI of kiln/Runtime/KilnModel.h.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_TARGET_CPU_CPUTARGET_H
#define KILN_TARGET_CPU_CPUTARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

#include <string>

namespace mlir::kiln {

/// A model's inputs and outputs as the C ABI describes them.
struct ModelSignature {
  struct Tensor {
    std::string name;
    int32_t dtype; // ONNX TensorProto.DataType code (kiln_dtype)
    SmallVector<int64_t> shape;
  };
  SmallVector<Tensor> inputs;
  SmallVector<Tensor> outputs;
};

/// Reads the signature of the model's `main` function (kiln level, before
/// lowering): names from `kiln.name`, static shapes, element types.
/// Reports an error and fails for a shape or type the ABI cannot carry.
FailureOr<ModelSignature> getModelSignature(ModuleOp module);

/// The `lower` phase: kiln -> linalg / tensor / arith / math on tensors.
void buildLowerPipeline(OpPassManager &pm);

/// Readies `main` (after lowering) for bufferization and the C ABI: marks
/// its arguments read only (a compiled model never writes to its inputs;
/// bufferization copies where an op would) and passes tensors without
/// elements as `tensor<0xT>` (one pointer each, as any other tensor).
void prepareEntryPointForCodegen(ModuleOp module);

/// The `codegen-cpu` phase: bufferization (results as caller-owned
/// out-parameters), loops, LLVM dialect. Run prepareEntryPointForCodegen
/// first.
LogicalResult buildCPUCodegenPipeline(OpPassManager &pm);

/// Options of the native code emission.
struct SharedLibraryOptions {
  /// Static library with the model support code (thread pool) linked into
  /// every model; empty for none.
  std::string supportLibrary;
  /// Target CPU (default: the host's, with its features).
  std::string cpu;
};

/// Translates a module in the LLVM dialect (after the codegen pipeline) to
/// LLVM IR, adds the ABI entry points for `signature`, optimizes for the
/// target CPU and links a shared library at `outputPath`.
LogicalResult emitSharedLibrary(ModuleOp module,
                                const ModelSignature &signature,
                                StringRef outputPath,
                                const SharedLibraryOptions &options);

} // namespace mlir::kiln

#endif // KILN_TARGET_CPU_CPUTARGET_H
