"""Kiln: compile ONNX models to native code and run them from Python.

    import kiln
    model = kiln.compile("examples/mlp.onnx")
    outputs = model.run({"input": x})        # {output name: numpy array}

``kiln.compile`` takes a path, bytes, an ``onnx.ModelProto`` or a
``kiln.ir.Module``; ``kiln.load`` loads a saved model. For pass writers,
``kiln.import_onnx`` and ``kiln.ir.Module.parse`` give IR to transform with
``Module.run_passes`` (``kiln.passes()`` lists the passes). Failures raise
``kiln.CompileError`` (with the diagnostics), ``kiln.KilnError``,
``ValueError`` or ``TypeError``.
"""

from . import ir
from ._compiler import compile, import_onnx, passes
from ._kiln import __version__
from ._runtime import CompiledModel, TensorInfo, load
from .errors import CompileError, Diagnostic, KilnError

__all__ = [
    "CompileError",
    "CompiledModel",
    "Diagnostic",
    "KilnError",
    "TensorInfo",
    "compile",
    "import_onnx",
    "ir",
    "load",
    "passes",
]
