"""Kiln's exceptions and diagnostics.

Every failure inside Kiln's native code arrives as one of these (or as
``ValueError`` / ``TypeError`` for wrong arguments); none ends the
interpreter.
"""

from dataclasses import dataclass, field
from typing import List, Optional


class KilnError(Exception):
    """A Kiln operation failed (e.g. loading a compiled model)."""


@dataclass(frozen=True)
class Diagnostic:
    """One MLIR diagnostic: what the compiler reported, and where.

    ``location`` is the MLIR location as printed; ``node`` names the ONNX
    node the location points at, ``file`` / ``line`` / ``column`` the model
    file or the position in parsed IR text (line and column are 0 for ONNX
    files). ``notes`` are attached diagnostics.
    """

    severity: str
    message: str
    location: str
    node: Optional[str] = None
    file: Optional[str] = None
    line: int = 0
    column: int = 0
    notes: List["Diagnostic"] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


class CompileError(KilnError):
    """Importing, parsing, transforming or compiling a model failed.

    ``str(error)`` holds the summary and every diagnostic as kiln-compile
    prints them; ``diagnostics`` has them one by one (with their
    locations), ``reproducer`` the command line that repeats the failure
    (None when there is none).
    """

    def __init__(self, message: str, diagnostics=(), reproducer=None):
        super().__init__(message)
        self.diagnostics: List[Diagnostic] = list(diagnostics)
        self.reproducer: Optional[str] = reproducer
