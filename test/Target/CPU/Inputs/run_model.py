"""Runs a compiled Kiln model through its C ABI and compares with numpy.

Usage: run_model.py MODEL.so CASE
Each CASE builds inputs, the expected outputs, and checks the model's
kiln_model_get_info against them; prints "PASS <case>" or raises.
"""
import ctypes
import sys

import numpy as np

DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 6: np.int32, 7: np.int64,
          9: np.bool_, 10: np.float16, 11: np.float64}


class TensorInfo(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("dtype", ctypes.c_int32),
                ("rank", ctypes.c_int32),
                ("shape", ctypes.POINTER(ctypes.c_int64))]


class ModelInfo(ctypes.Structure):
    _fields_ = [("abi_version", ctypes.c_uint32),
                ("num_inputs", ctypes.c_uint32),
                ("num_outputs", ctypes.c_uint32),
                ("inputs", ctypes.POINTER(TensorInfo)),
                ("outputs", ctypes.POINTER(TensorInfo))]


def describe(infos, count):
    return [(infos[i].name.decode(), DTYPES[infos[i].dtype],
             tuple(infos[i].shape[d] for d in range(infos[i].rank)))
            for i in range(count)]


def run(path, inputs):
    lib = ctypes.CDLL(path)
    lib.kiln_model_get_info.restype = ctypes.POINTER(ModelInfo)
    info = lib.kiln_model_get_info().contents
    assert info.abi_version == 1, info.abi_version
    outputs_info = describe(info.outputs, info.num_outputs)
    inputs_info = describe(info.inputs, info.num_inputs)
    for array, (name, dtype, shape) in zip(inputs, inputs_info):
        assert array.dtype == dtype and array.shape == shape, (name, array)
    outputs = [np.zeros(shape, dtype) for _, dtype, shape in outputs_info]
    ins = (ctypes.c_void_p * len(inputs))(*[a.ctypes.data for a in inputs])
    outs = (ctypes.c_void_p * len(outputs))(*[a.ctypes.data for a in outputs])
    assert lib.kiln_model_run(ins, outs) == 0
    return inputs_info, outputs_info, outputs


def main():
    path, case = sys.argv[1], sys.argv[2]
    rng = np.random.default_rng(0)
    if case == "add_relu_matmul":
        a = rng.standard_normal((2, 3)).astype(np.float32)
        b = rng.standard_normal(3).astype(np.float32)
        w = (np.arange(3 * 400, dtype=np.float32).reshape(3, 400)[:, :4]
             * np.float32(0.001))
        a_copy, b_copy = a.copy(), b.copy()
        inputs_info, outputs_info, (y, z) = run(path, [a, b])
        assert [n for n, _, _ in inputs_info] == ["a", "b"], inputs_info
        assert [n for n, _, _ in outputs_info] == ["y", "z"], outputs_info
        relu = np.maximum(a + b, 0)
        np.testing.assert_allclose(y, relu, rtol=1e-6)
        np.testing.assert_allclose(z, relu @ w, rtol=1e-5)
        # Compiled models never write to their inputs.
        assert (a == a_copy).all() and (b == b_copy).all()
    elif case == "integer_matmul":
        a = rng.integers(0, 255, (3, 4), dtype=np.uint8)
        b = rng.integers(-128, 127, (4, 2), dtype=np.int8)
        _, _, (y,) = run(path, [a, b])
        np.testing.assert_array_equal(y, a.astype(np.int32) @ b.astype(np.int32))
    else:
        raise SystemExit(f"unknown case {case}")
    print(f"PASS {case}")


if __name__ == "__main__":
    main()
