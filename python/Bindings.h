//===- Bindings.h - shared parts of the _kiln extension ---------*- C++ -*-===//
//
// The native module `kiln._kiln` binds Kiln's C++ API with pybind11 (no MLIR
// Python objects cross it: text, bytes, buffers and Kiln's own wrappers).
// Every failure leaves it as one of the C++ exceptions below, which the
// module's single exception translator turns into `kiln.errors` classes.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_PYTHON_BINDINGS_H
#define KILN_PYTHON_BINDINGS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <pybind11/pybind11.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace mlir::kiln::python {

/// One diagnostic, as `kiln.Diagnostic` presents it.
struct CapturedDiagnostic {
  std::string severity; // "error", "warning", "note" or "remark"
  std::string message;
  std::string location; // the MLIR location, printed
  std::string node;     // the ONNX node the location names, if any
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::vector<CapturedDiagnostic> notes;
};

/// A failed compile, import, parse or pass pipeline: `kiln.CompileError`.
struct CompileFailure : std::exception {
  std::string message;
  std::vector<CapturedDiagnostic> diagnostics;
  /// How to reproduce the failure with Kiln's command-line tools.
  std::string reproducer;

  const char *what() const noexcept override { return message.c_str(); }
};

/// Any other failure of Kiln (loading or running a model): `kiln.KilnError`.
struct KilnFailure : std::exception {
  explicit KilnFailure(std::string message) : message(std::move(message)) {}
  std::string message;

  const char *what() const noexcept override { return message.c_str(); }
};

/// Collects the diagnostics emitted in a context while alive; nothing is
/// printed. kiln-compile's format gives the error text.
class DiagnosticCapture {
public:
  explicit DiagnosticCapture(MLIRContext *context);

  /// After the import, messages at an op name its ONNX node (as
  /// kiln-compile prints them).
  void setNameNodes(bool enable) { nameNodes = enable; }

  /// The failure to throw: `summary`, then the diagnostics, then the
  /// reproducer hint.
  CompileFailure makeFailure(const std::string &summary,
                             const std::string &reproducer) const;

private:
  ScopedDiagnosticHandler handler;
  std::vector<CapturedDiagnostic> diagnostics;
  std::string text;
  bool nameNodes = false;
};

/// An MLIR module with the context it lives in, owned by Python
/// (`kiln.ir.Module`). Each module has its own context, so that what one
/// module interns (types, weights) is freed with it.
struct ModuleHandle {
  std::unique_ptr<MLIRContext> context;
  OwningOpRef<ModuleOp> module;
};

/// A context with every dialect the compile phases use.
std::unique_ptr<MLIRContext> createContext();

/// `argument` quoted for a POSIX shell (in reproducer command lines).
std::string quoteArgument(const std::string &argument);

void populateCompilerBindings(pybind11::module_ &module);
void populateRuntimeBindings(pybind11::module_ &module);

} // namespace mlir::kiln::python

#endif // KILN_PYTHON_BINDINGS_H
