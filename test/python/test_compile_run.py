"""kiln.compile, CompiledModel.run / __call__ / save, kiln.load."""
import subprocess
import sys
import threading
import time

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

import kiln
from kiln import _runtime

from conftest import BUILD, EXAMPLES, TEST_MODELS, make_model


def assert_mlp_scores(outputs, expected):
    assert list(outputs) == ["scores"]
    scores = outputs["scores"]
    assert scores.dtype == np.float32 and scores.shape == (4, 10)
    np.testing.assert_allclose(scores, expected, rtol=1e-4, atol=1e-5)


def test_signature(mlp):
    assert mlp.inputs == (kiln.TensorInfo("input", (4, 64),
                                          np.dtype("float32")),)
    assert mlp.outputs == (kiln.TensorInfo("scores", (4, 10),
                                           np.dtype("float32")),)
    assert "input: float32[4x64]" in repr(mlp)


def test_run_matches_reference(mlp, mlp_input, mlp_expected):
    assert_mlp_scores(mlp.run({"input": mlp_input}), mlp_expected)


@pytest.mark.parametrize("source", ["path", "str", "bytes", "bytearray",
                                    "modelproto"])
def test_model_sources(source, mlp_path, mlp_input, mlp_expected):
    model = {
        "path": lambda: mlp_path,
        "str": lambda: str(mlp_path),
        "bytes": lambda: mlp_path.read_bytes(),
        "bytearray": lambda: bytearray(mlp_path.read_bytes()),
        "modelproto": lambda: onnx.load(str(mlp_path)),
    }[source]()
    assert_mlp_scores(kiln.compile(model).run({"input": mlp_input}),
                      mlp_expected)


def test_ways_to_pass_inputs(mlp, mlp_input, mlp_expected):
    for outputs in (mlp.run([mlp_input]), mlp.run((mlp_input,)),
                    mlp.run(mlp_input), mlp(mlp_input),
                    mlp({"input": mlp_input}), mlp(input=mlp_input)):
        assert_mlp_scores(outputs, mlp_expected)


def test_inputs_are_read_in_place(mlp, mlp_input):
    info = mlp.inputs[0]
    array = np.ascontiguousarray(mlp_input)
    # The array the native run reads is the caller's own.
    assert _runtime._as_input_array(array, info) is array
    before = array.copy()
    mlp.run({"input": array})
    np.testing.assert_array_equal(array, before)
    # A read-only array needs no copy either.
    array.flags.writeable = False
    assert _runtime._as_input_array(array, info) is array


def test_layouts_that_need_a_copy(mlp, mlp_input, mlp_expected):
    fortran = np.asfortranarray(mlp_input)
    strided = np.repeat(mlp_input, 2, axis=1)[:, ::2]
    big_endian = mlp_input.astype(">f4")
    for array in (fortran, strided, big_endian):
        assert_mlp_scores(mlp.run({"input": array}), mlp_expected)


def test_python_data_takes_the_input_dtype(mlp, mlp_input, mlp_expected):
    assert_mlp_scores(mlp.run({"input": mlp_input.tolist()}), mlp_expected)


def test_outputs_are_fresh_arrays(mlp, mlp_input):
    first = mlp.run({"input": mlp_input})["scores"]
    second = mlp.run({"input": mlp_input})["scores"]
    assert not np.shares_memory(first, second)
    assert first.flags.writeable and first.flags.c_contiguous
    first[...] = 0  # the caller owns it
    np.testing.assert_array_equal(second, mlp.run(mlp_input)["scores"])


def test_mixed_dtypes(mixed_dtypes_model):
    model = kiln.compile(mixed_dtypes_model)
    assert [(i.name, i.dtype) for i in model.inputs] == [
        ("a", np.float32), ("b", np.int64), ("c", np.bool_)]
    a = np.arange(6, dtype=np.float32).reshape(2, 3) / 2
    b = np.arange(-3, 3, dtype=np.int64).reshape(2, 3)
    c = np.array([[True, False, True], [False, False, True]])
    outputs = model.run({"c": c, "b": b, "a": a})
    assert list(outputs) == ["selected", "doubled", "negated"]
    np.testing.assert_array_equal(outputs["selected"],
                                  np.where(c, a, b.astype(np.float32)))
    assert outputs["doubled"].dtype == np.int64
    np.testing.assert_array_equal(outputs["doubled"], b + b)
    assert outputs["negated"].dtype == np.bool_
    np.testing.assert_array_equal(outputs["negated"], ~c)


def test_every_abi_dtype():
    # A hand-written model with one input per ABI dtype (a scalar and an
    # empty tensor among them); it copies input i to output i.
    model = kiln.load(TEST_MODELS / "identity_model.so")
    rng = np.random.default_rng(0)
    inputs = {}
    for info in model.inputs:
        data = rng.integers(0, 100, size=info.shape)
        if info.dtype == np.dtype("V2"):  # bfloat16
            inputs[info.name] = data.astype(np.uint16).view("V2")
        else:
            inputs[info.name] = data.astype(info.dtype)
    outputs = model.run(inputs)
    for info, output in zip(model.inputs, outputs.values()):
        assert output.dtype == info.dtype and output.shape == info.shape
        np.testing.assert_array_equal(output, inputs[info.name])
    names = {info.dtype.name for info in model.inputs}
    assert {"float16", "bool", "uint64", "void16"} <= names


def test_input_shapes_option():
    model = make_model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu")],
        [("x", TensorProto.FLOAT, ["batch", 3])],
        [("y", TensorProto.FLOAT, ["batch", 3])])
    compiled = kiln.compile(model, input_shapes={"x": (2, 3)})
    assert compiled.inputs[0].shape == (2, 3)
    x = np.array([[-1, 2, -3], [4, -5, 6]], dtype=np.float32)
    np.testing.assert_array_equal(compiled(x)["y"], np.maximum(x, 0))


def test_save_and_load(mlp, mlp_input, mlp_expected, tmp_path):
    path = tmp_path / "mlp.so"
    mlp.save(path)
    loaded = kiln.load(path)
    assert loaded.inputs == mlp.inputs and loaded.outputs == mlp.outputs
    assert loaded.path == str(path)
    assert_mlp_scores(loaded.run({"input": mlp_input}), mlp_expected)
    # The artifact is the one kiln-run runs.
    info = subprocess.run([BUILD / "bin" / "kiln-run", path, "--print-info"],
                          capture_output=True, text=True, check=True)
    assert "input" in info.stdout and "scores" in info.stdout


def test_temporary_artifact_is_removed(mlp_path):
    import gc
    import os
    model = kiln.compile(mlp_path)
    path = model.path
    assert os.path.exists(path)
    del model
    gc.collect()
    assert not os.path.exists(path)


def test_num_threads(mlp_path, mlp_input, mlp_expected):
    model = kiln.compile(mlp_path, num_threads=1)
    assert_mlp_scores(model.run({"input": mlp_input}), mlp_expected)
    model.set_num_threads(2)
    assert_mlp_scores(model.run({"input": mlp_input}), mlp_expected)


def test_concurrent_runs(mlp, mlp_input, mlp_expected):
    # Runs release the GIL; concurrent runs of one model are allowed.
    results = [None] * 8
    inputs = [mlp_input * (k % 3) for k in range(len(results))]

    def run(k):
        for _ in range(20):
            results[k] = mlp.run({"input": inputs[k]})["scores"]

    threads = [threading.Thread(target=run, args=(k,))
               for k in range(len(results))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for k, result in enumerate(results):
        np.testing.assert_array_equal(result,
                                      mlp.run({"input": inputs[k]})["scores"])


def test_runs_release_the_gil():
    # A run long enough to see: four 256x256 matrix products.
    size = 256
    model = kiln.compile(make_model(
        [helper.make_node("MatMul", [f"x{k}", "w"], [f"x{k + 1}"],
                          name=f"matmul{k}") for k in range(4)],
        [("x0", TensorProto.FLOAT, [size, size])],
        [("x4", TensorProto.FLOAT, [size, size])],
        [numpy_helper.from_array(
            np.eye(size, dtype=np.float32)[::-1].copy(), "w")]))
    x = np.arange(size * size, dtype=np.float32).reshape(size, size)
    window = {}

    def run():
        window["start"] = time.perf_counter()
        window["y"] = model.run([x])["x4"]
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=run)
    # This thread runs Python while the worker is inside `run` only if the
    # run released the GIL.
    stamps = []
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    np.testing.assert_array_equal(window["y"], x)  # four flips
    # The middle half of the run: far from where a thread switch could let
    # this thread in while the worker still ran Python.
    quarter = (window["end"] - window["start"]) / 4
    middle = (window["start"] + quarter, window["end"] - quarter)
    assert any(middle[0] < stamp < middle[1] for stamp in stamps)


def test_compile_a_transformed_module(mlp_path, mlp_input, mlp_expected):
    module = kiln.import_onnx(mlp_path)
    module.run_passes("kiln-graph")
    text = str(module)
    assert_mlp_scores(kiln.compile(module).run({"input": mlp_input}),
                      mlp_expected)
    assert str(module) == text  # compiling leaves the module as it was


def test_readme_example():
    # The README's one-liner, in a fresh interpreter.
    script = ("import kiln, numpy as np; "
              f"x = np.load({str(EXAMPLES / 'mlp_input.npy')!r}); "
              f"m = kiln.compile({str(EXAMPLES / 'mlp.onnx')!r}); "
              "print(m.run({'input': x})['scores'].shape)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(4, 10)"
