"""Compiled models: loading, running, saving."""

import os
import shutil
import weakref
from typing import Dict, NamedTuple, Tuple

import numpy as np

from . import _kiln

# numpy has no bfloat16; as in the runtime's .npy files, bfloat16 tensors are
# two-byte void elements (view them with .view(np.uint16)).
_BFLOAT16 = np.dtype("V2")


def _numpy_dtype(name: str) -> np.dtype:
    return _BFLOAT16 if name == "bfloat16" else np.dtype(name)


def _kiln_dtype_name(dtype: np.dtype) -> str:
    return "bfloat16" if dtype == _BFLOAT16 else dtype.name


class TensorInfo(NamedTuple):
    """One input or output of a compiled model."""

    name: str
    shape: Tuple[int, ...]
    dtype: np.dtype


def _tensor_infos(described):
    return tuple(TensorInfo(name, shape, _numpy_dtype(dtype))
                 for name, dtype, shape in described)


def _as_input_array(value, info: TensorInfo) -> np.ndarray:
    """`value` as an array the model can read in place: numpy arrays pass
    unchanged when C-contiguous, aligned and in native byte order (their
    dtype must match; the model checks); other values (lists, scalars)
    convert to the input's dtype where numpy casts within a kind."""
    if not isinstance(value, np.ndarray):
        value = np.asarray(value)
        try:
            value = value.astype(info.dtype, casting="same_kind", copy=False)
        except TypeError as error:
            raise ValueError(f"input '{info.name}': {error}") from None
    if not value.dtype.isnative:
        value = value.astype(value.dtype.newbyteorder("="))
    return np.require(value, requirements=("C", "A"))


class CompiledModel:
    """A model compiled to native code and loaded into this process.

    ``inputs`` / ``outputs`` describe its tensors (``TensorInfo``: name,
    shape, numpy dtype); ``run`` (or calling the model) runs it with the GIL
    released; ``save`` writes the native artifact (a shared library) that
    ``kiln.load`` and ``kiln-run`` load.
    """

    def __init__(self, native: "_kiln.Model", temporary_dir=None):
        self._native = native
        self.inputs = _tensor_infos(native.inputs)
        self.outputs = _tensor_infos(native.outputs)
        if temporary_dir is not None:
            weakref.finalize(self, shutil.rmtree, temporary_dir, True)

    @classmethod
    def _load(cls, path, temporary_dir=None) -> "CompiledModel":
        return cls(_kiln.Model.load(os.fspath(path)), temporary_dir)

    @property
    def path(self) -> str:
        """The loaded shared library."""
        return self._native.path

    def set_num_threads(self, num_threads: int) -> None:
        """Limits the threads one run may use (all of this model's runs)."""
        if not isinstance(num_threads, int) or num_threads < 1:
            raise ValueError(f"num_threads must be an int >= 1, got "
                             f"{num_threads!r}")
        self._native.set_num_threads(num_threads)

    def _arrange(self, inputs):
        """The inputs in the model's order."""
        if isinstance(inputs, dict):
            names = [info.name for info in self.inputs]
            unknown = [name for name in inputs if name not in names]
            missing = [name for name in names if name not in inputs]
            if unknown or missing:
                problems = []
                if unknown:
                    problems.append("unknown input(s) " +
                                    ", ".join(f"'{n}'" for n in unknown))
                if missing:
                    problems.append("missing input(s) " +
                                    ", ".join(f"'{n}'" for n in missing))
                raise ValueError("; ".join(problems) + "; the model's inputs "
                                 "are " + ", ".join(f"'{n}'" for n in names))
            return [inputs[name] for name in names]
        if isinstance(inputs, np.ndarray):
            return [inputs]
        if isinstance(inputs, (list, tuple)):
            return list(inputs)
        raise TypeError("inputs must be a dict {name: array}, a list of "
                        f"arrays or one array, not {type(inputs).__name__}")

    def run(self, inputs) -> Dict[str, np.ndarray]:
        """Runs the model and returns {output name: array}.

        ``inputs`` is a dict {input name: array}, a list of arrays in the
        model's input order, or one array for a one-input model. Arrays are
        read without copies when C-contiguous, aligned, in native byte order
        and of the input's dtype; wrong names, counts, dtypes or shapes
        raise ValueError.
        """
        arranged = self._arrange(inputs)
        # Extra inputs have no TensorInfo; the native check reports the count.
        infos = list(self.inputs) + [None] * (len(arranged) - len(self.inputs))
        prepared = []
        for value, info in zip(arranged, infos):
            array = (_as_input_array(value, info) if info is not None
                     else np.asarray(value))
            prepared.append((_kiln_dtype_name(array.dtype), array))
        buffers = self._native.run(prepared)
        results = {}
        for info, buffer in zip(self.outputs, buffers):
            if 0 in info.shape:
                results[info.name] = np.empty(info.shape, info.dtype)
            else:
                results[info.name] = np.frombuffer(
                    buffer, dtype=info.dtype).reshape(info.shape)
        return results

    def __call__(self, inputs=None, /, **named) -> Dict[str, np.ndarray]:
        """``model(inputs)`` is ``model.run(inputs)``; ``model(x=a, y=b)``
        passes inputs by name."""
        if inputs is None:
            return self.run(named)
        if named:
            raise TypeError("pass inputs either as one argument or by name")
        return self.run(inputs)

    def save(self, path) -> None:
        """Writes the native artifact (a shared library) to ``path``."""
        shutil.copyfile(self.path, os.fspath(path))

    def __repr__(self) -> str:
        def describe(infos):
            return ", ".join(f"{i.name}: {i.dtype.name}[{'x'.join(map(str, i.shape))}]"
                             for i in infos)
        return (f"<kiln.CompiledModel ({describe(self.inputs)}) -> "
                f"({describe(self.outputs)})>")


def load(path) -> CompiledModel:
    """Loads a compiled model (``CompiledModel.save`` or ``kiln-compile -o``).

    Raises ``kiln.KilnError`` if the file is missing or not a Kiln model of
    this runtime's ABI version.
    """
    return CompiledModel._load(path)
