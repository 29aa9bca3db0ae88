"""Kiln's IR for pass writers.

``Module.parse(text)`` or ``kiln.import_onnx(model)`` gives a module;
``module.run_passes("func.func(canonicalize)")`` transforms it in place
with any registered pass or pipeline (``kiln.passes()`` lists them);
``str(module)`` prints it; ``kiln.compile(module)`` compiles an (imported)
kiln-level module.
"""

from ._kiln import Module

__all__ = ["Module"]
