"""kiln.compile, kiln.import_onnx and kiln.passes."""

import os
import shutil
import tempfile

from . import _kiln
from ._runtime import CompiledModel
from .ir import Module

TARGETS = ("cpu",)


def _model_source(model):
    """(path or serialized bytes, the name diagnostics give bytes)."""
    if isinstance(model, (str, os.PathLike)):
        return os.fspath(model), ""
    if isinstance(model, (bytes, bytearray, memoryview)):
        return bytes(model), "<bytes>"
    if hasattr(model, "SerializeToString"):  # onnx.ModelProto
        graph = getattr(model, "graph", None)
        name = getattr(graph, "name", "") or "model"
        return model.SerializeToString(), f"<onnx.ModelProto '{name}'>"
    raise TypeError(
        "model must be a path, the bytes of an ONNX model, an "
        f"onnx.ModelProto or a kiln.ir.Module, not {type(model).__name__}")


def _input_shapes(input_shapes):
    """{name: [extents]} for the importer, checked."""
    if input_shapes is None:
        return {}
    if not isinstance(input_shapes, dict):
        raise TypeError("input_shapes must be a dict {input name: shape}")
    checked = {}
    for name, shape in input_shapes.items():
        if not isinstance(name, str):
            raise TypeError(f"input_shapes: input names are str, got {name!r}")
        try:
            extents = [int(extent) for extent in shape]
        except (TypeError, ValueError):
            raise TypeError(f"input_shapes['{name}']: a shape is a sequence "
                            f"of ints, got {shape!r}") from None
        if any(extent < 0 for extent in extents):
            raise ValueError(f"input_shapes['{name}']: negative extent in "
                             f"{shape!r}")
        checked[name] = extents
    return checked


def import_onnx(model, input_shapes=None) -> Module:
    """Imports an ONNX model (path, bytes or onnx.ModelProto) into a
    kiln-level ``kiln.ir.Module``.

    ``input_shapes`` ({input name: shape}) replaces symbolic input shapes.
    Raises ``kiln.CompileError`` for a model Kiln cannot import.
    """
    source, name = _model_source(model)
    return _kiln.import_onnx(source, name, _input_shapes(input_shapes))


def compile(model, target="cpu", quantize=None, calibration=None,
            **options) -> CompiledModel:
    """Compiles a model into native code and loads it.

    ``model`` is a path to an ONNX file, its bytes, an ``onnx.ModelProto``
    or a kiln-level ``kiln.ir.Module`` (as ``import_onnx`` makes it,
    possibly transformed). Options:

    - ``input_shapes``: {input name: shape} for inputs with symbolic shapes
      (ONNX models only);
    - ``cpu``: the CPU to generate code for (default: this machine's, with
      its features), as ``kiln-compile --mcpu``;
    - ``num_threads``: the most threads one run may use.

    The GIL is released while an ONNX model compiles. Raises
    ``kiln.CompileError`` with the compiler's diagnostics on failure.
    """
    if quantize is not None or calibration is not None:
        raise NotImplementedError(
            "quantize= and calibration= (post-training quantization) are "
            "not implemented yet; pass None. Models that are already "
            "quantized (QDQ / QLinear operators) import as they are.")
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}; Kiln compiles for "
                         + ", ".join(repr(t) for t in TARGETS))
    known = ("input_shapes", "cpu", "num_threads")
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise TypeError(f"compile() got unknown option(s) {unknown}; "
                        f"options: {', '.join(known)}")
    cpu = options.get("cpu") or ""
    if not isinstance(cpu, str):
        raise TypeError("cpu must be a str, e.g. 'x86-64-v3'")
    num_threads = options.get("num_threads")

    workdir = tempfile.mkdtemp(prefix="kiln-")
    library = os.path.join(workdir, "model.so")
    try:
        if isinstance(model, Module):
            if options.get("input_shapes") is not None:
                raise TypeError("input_shapes applies to ONNX models; a "
                                "module's input shapes are its own")
            _kiln.compile_module(model, library, cpu)
        else:
            source, name = _model_source(model)
            _kiln.compile_onnx(source, name, library,
                               _input_shapes(options.get("input_shapes")),
                               cpu)
        compiled = CompiledModel._load(library, temporary_dir=workdir)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    if num_threads is not None:
        compiled.set_num_threads(num_threads)
    return compiled


def passes():
    """{name: summary} of every registered pass and pass pipeline (Kiln's
    and upstream MLIR's), the names ``Module.run_passes`` understands."""
    return _kiln.registered_passes()
