//===- Compiler.cpp - the compile phases after the import -----------------===//

#include "kiln/Compiler/Compiler.h"

#include "kiln/Transforms/Pipelines.h"

#include "llvm/Support/WithColor.h"

namespace mlir::kiln {

CompileOptions::CompileOptions() {
  library.supportLibrary = KILN_MODEL_SUPPORT_LIBRARY;
}

LogicalResult compileModule(ModuleOp module, const CompileOptions &options) {
  CompilePhase lastPhase = options.lastPhase;
  // Each phase runs in its own pass manager, so that options such as
  // kiln-compile's -mlir-print-ir-* and timing apply per phase.
  auto runPhase = [&](CompilePhase phase,
                      function_ref<LogicalResult(PassManager &)> build) {
    if (lastPhase < phase)
      return success();
    PassManager pm(module.getContext());
    if ((options.configurePassManager &&
         failed(options.configurePassManager(pm))) ||
        failed(build(pm)))
      return failure();
    return pm.run(module);
  };
  if (failed(runPhase(CompilePhase::Graph, [](PassManager &pm) {
        buildGraphPipeline(pm);
        return success();
      })))
    return failure();
  // The ABI describes the model as imported (names, signedness).
  FailureOr<ModelSignature> signature;
  if (lastPhase >= CompilePhase::Lower) {
    signature = getModelSignature(module);
    if (failed(signature))
      return failure();
  }
  if (failed(runPhase(CompilePhase::Lower, [](PassManager &pm) {
        buildLowerPipeline(pm);
        return success();
      })))
    return failure();
  if (lastPhase >= CompilePhase::CodegenCPU)
    prepareEntryPointForCodegen(module);
  if (failed(runPhase(CompilePhase::CodegenCPU, buildCPUCodegenPipeline)))
    return failure();
  if (lastPhase < CompilePhase::Library)
    return success();
  if (options.outputPath.empty())
    return emitError(module.getLoc())
           << "the library phase needs an output path";
  return emitSharedLibrary(module, *signature, options.outputPath,
                           options.library);
}

StringRef getDiagnosticSeverityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  llvm_unreachable("unknown diagnostic severity");
}

void printDiagnostic(raw_ostream &os, Diagnostic &diag, bool nameNode) {
  auto printSeverity = [&](DiagnosticSeverity severity) {
    llvm::WithColor(os, severity == DiagnosticSeverity::Error
                            ? llvm::HighlightColor::Error
                            : llvm::HighlightColor::Note)
        << getDiagnosticSeverityName(severity) << ": ";
  };
  printSeverity(diag.getSeverity());
  if (auto node = dyn_cast<NameLoc>(diag.getLocation()); node && nameNode) {
    if (auto file = dyn_cast<FileLineColLoc>(node.getChildLoc()))
      os << file.getFilename().getValue() << ": ";
    os << "node '" << node.getName().getValue() << "': ";
  }
  os << diag.str() << "\n";
  for (Diagnostic &note : diag.getNotes()) {
    printSeverity(DiagnosticSeverity::Note);
    os << note.str() << "\n";
  }
}

} // namespace mlir::kiln
