//===- KilnModule.cpp - the _kiln extension module ------------------------===//
//
// Module initialization, the diagnostic capture and the one place where C++
// failures become Python exceptions.
//
//===----------------------------------------------------------------------===//

#include "Bindings.h"

#include "kiln/Compiler/Compiler.h"

#include "mlir/IR/DialectRegistry.h"

#include "llvm/Support/raw_ostream.h"

namespace py = pybind11;

namespace mlir::kiln::python {

namespace {

CapturedDiagnostic captureDiagnostic(Diagnostic &diag) {
  CapturedDiagnostic captured;
  captured.severity = getDiagnosticSeverityName(diag.getSeverity()).str();
  captured.message = diag.str();
  Location location = diag.getLocation();
  llvm::raw_string_ostream os(captured.location);
  location.print(os);
  // The first node name and file position in the location (they nest: a
  // node's name wraps the model file; fused locations list several).
  location->walk([&](Location nested) {
    if (auto name = dyn_cast<NameLoc>(nested); name && captured.node.empty())
      captured.node = name.getName().str();
    if (auto file = dyn_cast<FileLineColLoc>(nested);
        file && captured.file.empty()) {
      captured.file = file.getFilename().str();
      captured.line = file.getLine();
      captured.column = file.getColumn();
    }
    return WalkResult::advance();
  });
  for (Diagnostic &note : diag.getNotes())
    captured.notes.push_back(captureDiagnostic(note));
  return captured;
}

py::object strOrNone(const std::string &text) {
  return text.empty() ? py::object(py::none()) : py::object(py::str(text));
}

py::object toPython(const CapturedDiagnostic &diagnostic,
                    const py::object &diagnosticClass) {
  py::list notes;
  for (const CapturedDiagnostic &note : diagnostic.notes)
    notes.append(toPython(note, diagnosticClass));
  return diagnosticClass(py::arg("severity") = diagnostic.severity,
                         py::arg("message") = diagnostic.message,
                         py::arg("location") = diagnostic.location,
                         py::arg("node") = strOrNone(diagnostic.node),
                         py::arg("file") = strOrNone(diagnostic.file),
                         py::arg("line") = diagnostic.line,
                         py::arg("column") = diagnostic.column,
                         py::arg("notes") = notes);
}

/// Raises `kiln.errors.<className>(args...)`.
template <typename... Args> void raise(const char *className, Args &&...args) {
  py::object type = py::module_::import("kiln.errors").attr(className);
  py::object error = type(std::forward<Args>(args)...);
  PyErr_SetObject(type.ptr(), error.ptr());
}

void translateException(std::exception_ptr exception) {
  try {
    if (exception)
      std::rethrow_exception(exception);
  } catch (const CompileFailure &failure) {
    py::object diagnosticClass =
        py::module_::import("kiln.errors").attr("Diagnostic");
    py::list diagnostics;
    for (const CapturedDiagnostic &diagnostic : failure.diagnostics)
      diagnostics.append(toPython(diagnostic, diagnosticClass));
    raise("CompileError", failure.message, diagnostics,
          strOrNone(failure.reproducer));
  } catch (const KilnFailure &failure) {
    raise("KilnError", failure.message);
  }
}

} // namespace

DiagnosticCapture::DiagnosticCapture(MLIRContext *context)
    : handler(context, [this](Diagnostic &diag) {
        diagnostics.push_back(captureDiagnostic(diag));
        llvm::raw_string_ostream os(text);
        printDiagnostic(os, diag, nameNodes);
        return success();
      }) {}

CompileFailure
DiagnosticCapture::makeFailure(const std::string &summary,
                               const std::string &reproducer) const {
  CompileFailure failure;
  failure.message = summary;
  if (!text.empty())
    failure.message += "\n" + StringRef(text).rtrim().str();
  if (!reproducer.empty())
    failure.message += "\nreproduce with: " + reproducer;
  failure.diagnostics = diagnostics;
  failure.reproducer = reproducer;
  return failure;
}

std::unique_ptr<MLIRContext> createContext() {
  static const DialectRegistry registry = [] {
    DialectRegistry registry;
    registerCompilerDialects(registry);
    return registry;
  }();
  auto context = std::make_unique<MLIRContext>(registry);
  // Errors name the node or text position; a printout of the failing op
  // (for the signature check: the whole model) would bury the message.
  context->printOpOnDiagnostic(false);
  return context;
}

std::string quoteArgument(const std::string &argument) {
  if (!argument.empty() &&
      argument.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
                                 "STUVWXYZ0123456789_-+=./,:@%") ==
          std::string::npos)
    return argument;
  std::string quoted = "'";
  for (char c : argument)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

} // namespace mlir::kiln::python

PYBIND11_MODULE(_kiln, module) {
  using namespace mlir::kiln::python;
  module.doc() = "Kiln's native bindings; use the `kiln` package.";
  module.attr("__version__") = KILN_VERSION;
  mlir::kiln::registerCompilerPasses();
  py::register_exception_translator(translateException);
  populateCompilerBindings(module);
  populateRuntimeBindings(module);
}
