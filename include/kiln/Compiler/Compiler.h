//===- Compiler.h - the compile driver as a library -------------*- C++ -*-===//
//
// The phases of a compile (import, graph, lower, codegen-cpu, library), the
// dialects and passes they need, and the diagnostic format, shared by
// kiln-compile, kiln-opt and the Python bindings so that all of them compile
// the same way.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_COMPILER_COMPILER_H
#define KILN_COMPILER_COMPILER_H

#include "kiln/Target/CPU/CPUTarget.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"

#include <functional>
#include <string>

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::kiln {

/// The phases of a compile, in order.
enum class CompilePhase { Import, Graph, Lower, CodegenCPU, Library };

/// Registers the kiln dialect and every upstream dialect and extension the
/// phases create or parse.
void registerCompilerDialects(DialectRegistry &registry);

/// Registers Kiln's passes and phase pipelines and the upstream passes with
/// the global pass registry (for textual pipelines).
void registerCompilerPasses();

struct CompileOptions {
  CompileOptions();

  /// The last phase to run.
  CompilePhase lastPhase = CompilePhase::Library;
  /// Where the library phase writes the shared library.
  std::string outputPath;
  /// Native code emission; the support library defaults to the one built
  /// with Kiln.
  SharedLibraryOptions library;
  /// Called with each phase's pass manager before it runs, e.g. to apply
  /// MLIR's command-line options; may fail the compile.
  std::function<LogicalResult(PassManager &)> configurePassManager;
};

/// Runs the phases after the import, up to `options.lastPhase`, on an
/// imported (kiln-level) module. Each phase runs in its own pass manager.
/// Emits diagnostics and fails on the first failing phase.
LogicalResult compileModule(ModuleOp module, const CompileOptions &options);

/// "error", "warning", "note" or "remark".
StringRef getDiagnosticSeverityName(DiagnosticSeverity severity);

/// Prints `diag` as `error: <message>` (or `warning:` / `note:`) followed by
/// its notes, one line each. With `nameNode`, a message located at an ONNX
/// node is prefixed with the node, `<model>: node '<name>': `: after the
/// import, later phases' messages do not name the node themselves.
void printDiagnostic(raw_ostream &os, Diagnostic &diag, bool nameNode);

} // namespace mlir::kiln

#endif // KILN_COMPILER_COMPILER_H
