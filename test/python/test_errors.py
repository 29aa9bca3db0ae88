"""Every error path raises a Python exception; none ends the interpreter."""
import subprocess
import sys

import numpy as np
import pytest
from onnx import TensorProto, helper

import kiln
from kiln.ir import Module

from conftest import EXAMPLES, TEST_MODELS, make_model

DYNAMIC_RELU = """func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> {
  %y = kiln.relu %x : tensor<?xf32> -> tensor<?xf32>
  return %y : tensor<?xf32>
}"""


def symbolic_relu():
    return make_model([helper.make_node("Relu", ["x"], ["y"], name="relu")],
                      [("x", TensorProto.FLOAT, ["batch", 3])],
                      [("y", TensorProto.FLOAT, ["batch", 3])])


# Compiling and importing.

@pytest.mark.parametrize("model, message", [
    (b"garbage", "<bytes>: not a valid ONNX model"),
    (b"", "<bytes>: the file is empty"),
    ("/nonexistent/model.onnx",
     "/nonexistent/model.onnx: cannot read the file"),
])
def test_not_a_model(model, message):
    with pytest.raises(kiln.CompileError) as caught:
        kiln.compile(model)
    assert message in str(caught.value)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.severity == "error" and message in diagnostic.message
    assert "kiln-compile" in caught.value.reproducer
    with pytest.raises(kiln.CompileError):
        kiln.import_onnx(model)


def test_import_error_names_the_node(tmp_path):
    model = make_model(
        [helper.make_node("Add", ["a", "b"], ["y"], name="add")],
        [("a", TensorProto.FLOAT, [2, 3]), ("b", TensorProto.FLOAT, [4])],
        [("y", TensorProto.FLOAT, [2, 3])])
    path = tmp_path / "bad_shapes.onnx"
    path.write_bytes(model.SerializeToString())
    with pytest.raises(kiln.CompileError) as caught:
        kiln.compile(path)
    error = caught.value
    assert (f"error: {path}: node 'add' (Add, ai.onnx opset 17): operand "
            "shapes 2x3 and 4 do not broadcast") in str(error)
    [diagnostic] = error.diagnostics
    assert diagnostic.node == "add" and diagnostic.file == str(path)
    assert diagnostic.location == f'loc("add"("{path}":0:0))'
    assert error.reproducer == f"kiln-compile {path} -o model.so"


def test_unsupported_operators_are_listed():
    model = make_model(
        [helper.make_node("StringNormalizer", ["x"], ["y"], name="norm")],
        [("x", TensorProto.STRING, [2])], [("y", TensorProto.STRING, [2])])
    with pytest.raises(kiln.CompileError, match="StringNormalizer"):
        kiln.compile(model)


def test_compile_phase_error():
    # Imports, but compiled models need static shapes.
    with pytest.raises(kiln.CompileError) as caught:
        kiln.compile(symbolic_relu())
    assert "compiling <onnx.ModelProto 'test'> failed" in str(caught.value)
    assert "'tensor<?x3xf32>'; compiled models need static shapes" in str(
        caught.value)
    assert caught.value.reproducer.startswith(
        "kiln-compile MODEL.onnx -o model.so")
    with pytest.raises(kiln.CompileError) as caught:
        kiln.compile(Module.parse(DYNAMIC_RELU))
    assert "need static shapes" in str(caught.value)
    assert caught.value.reproducer is None


def test_input_shapes_errors():
    with pytest.raises(kiln.CompileError,
                       match="names 'z', which is not a graph input"):
        kiln.compile(symbolic_relu(), input_shapes={"z": [1]})
    with pytest.raises(ValueError, match="negative extent"):
        kiln.compile(symbolic_relu(), input_shapes={"x": [-1, 3]})
    with pytest.raises(TypeError, match="a shape is a sequence of ints"):
        kiln.compile(symbolic_relu(), input_shapes={"x": "2x3"})
    with pytest.raises(TypeError, match="must be a dict"):
        kiln.compile(symbolic_relu(), input_shapes=[2, 3])
    with pytest.raises(TypeError, match="applies to ONNX models"):
        kiln.compile(Module.parse(DYNAMIC_RELU), input_shapes={"x": [2]})


def test_argument_errors(mlp_path):
    with pytest.raises(TypeError, match="model must be a path"):
        kiln.compile(42)
    with pytest.raises(ValueError, match="unknown target 'gpu'"):
        kiln.compile(mlp_path, target="gpu")
    with pytest.raises(NotImplementedError, match="quantize= and "
                       "calibration="):
        kiln.compile(mlp_path, quantize="int8")
    with pytest.raises(NotImplementedError):
        kiln.compile(mlp_path, calibration=[np.zeros((4, 64), np.float32)])
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['fast'\]"):
        kiln.compile(mlp_path, fast=True)
    with pytest.raises(TypeError, match="cpu must be a str"):
        kiln.compile(mlp_path, cpu=3)
    with pytest.raises(ValueError, match="num_threads must be an int >= 1"):
        kiln.compile(mlp_path, num_threads=0)


# IR and passes.

def test_parse_errors_have_positions():
    with pytest.raises(kiln.CompileError) as caught:
        Module.parse("func.func @f() {\n  return\n  garbage\n}")
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (
        "<string>", 3, 3)
    assert "parsing the module failed" in str(caught.value)


def test_parse_runs_the_verifier():
    with pytest.raises(kiln.CompileError, match="'kiln.relu' op requires "
                       "the same shape for all operands and results"):
        Module.parse("func.func @f(%x: tensor<2xf32>) -> tensor<3xf32> {\n"
                     "  %y = kiln.relu %x : tensor<2xf32> -> tensor<3xf32>\n"
                     "  return %y : tensor<3xf32>\n}")


@pytest.mark.parametrize("pipeline, message", [
    ("no-such-pass", "'no-such-pass' does not refer to a registered pass"),
    ("builtin.module(", "invalid pass pipeline 'builtin.module('"),
    ("func.func(canonicalize{no-such-option=1})", "no-such-option"),
])
def test_invalid_pipelines(pipeline, message):
    module = Module.parse(DYNAMIC_RELU)
    with pytest.raises(ValueError) as caught:
        module.run_passes(pipeline)
    assert message in str(caught.value)
    assert str(module) == str(Module.parse(DYNAMIC_RELU))


def test_failing_pass():
    module = Module.parse(DYNAMIC_RELU)
    with pytest.raises(kiln.CompileError) as caught:
        module.run_passes("convert-kiln-to-linalg")
    error = caught.value
    assert "pass pipeline 'convert-kiln-to-linalg' failed" in str(error)
    [diagnostic] = error.diagnostics
    assert "failed to legalize operation 'kiln.relu'" in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (2, 8)
    assert "--pass-pipeline=builtin.module(convert-kiln-to-linalg)" in \
        error.reproducer


# Running.

@pytest.mark.parametrize("inputs, error, message", [
    ({"inputs": None}, ValueError,
     "unknown input(s) 'inputs'; missing input(s) 'input'; the model's "
     "inputs are 'input'"),
    ({}, ValueError, "missing input(s) 'input'"),
    ([], ValueError, "the model has 1 inputs ('input'), got 0"),
    ([np.zeros((4, 64), np.float32)] * 2, ValueError,
     "the model has 1 inputs ('input'), got 2"),
    ({"input": np.zeros((4, 64))}, ValueError,
     "input 'input' (#0): expected float32 4x64, got float64 4x64"),
    ({"input": np.zeros((4, 65), np.float32)}, ValueError,
     "input 'input' (#0): expected float32 4x64, got float32 4x65"),
    ({"input": np.zeros(256, np.float32)}, ValueError,
     "expected float32 4x64, got float32 256"),
    ({"input": np.zeros((4, 64), np.complex64)}, ValueError,
     "input 'input' (#0): expected float32 4x64, got complex64 4x64"),
    ({"input": np.zeros((4, 64), object)}, ValueError, "got object 4x64"),
    ({"input": [["a"] * 64] * 4}, ValueError, "input 'input': Cannot cast"),
    ({"input": 1j}, ValueError, "input 'input': Cannot cast"),
    (42, TypeError, "inputs must be a dict"),
])
def test_run_errors(mlp, mlp_input, inputs, error, message):
    with pytest.raises(error) as caught:
        mlp.run(inputs)
    assert message in str(caught.value)
    # The model still works.
    assert mlp.run({"input": mlp_input})["scores"].shape == (4, 10)


def test_call_errors(mlp, mlp_input):
    with pytest.raises(TypeError, match="either as one argument or by name"):
        mlp(mlp_input, input=mlp_input)
    with pytest.raises(ValueError, match="unknown input"):
        mlp(x=mlp_input)


def test_model_failure_at_run_time():
    # The hand-written add model fails when a sum is NaN.
    model = kiln.load(TEST_MODELS / "add_model.so")
    nan = np.full((2, 3), np.nan, np.float32)
    with pytest.raises(kiln.KilnError, match="kiln_model_run returned 1"):
        model.run({"a": nan, "b": nan})


@pytest.mark.parametrize("path, message", [
    ("/nonexistent/model.so", "cannot load model '/nonexistent/model.so': "
     "cannot open shared object file"),
    (EXAMPLES / "mlp.onnx", "invalid ELF header"),
    (TEST_MODELS / "abi_mismatch_model.so",
     "compiled for model ABI version 999"),
])
def test_load_errors(path, message):
    with pytest.raises(kiln.KilnError, match=message):
        kiln.load(path)


def test_load_a_library_that_is_no_model():
    # Any shared library of the build will do; the extension itself is one.
    with pytest.raises(kiln.KilnError, match="is not a Kiln model: it does "
                       "not export kiln_model_get_info"):
        kiln.load(kiln._kiln.__file__)


def test_set_num_threads_errors(mlp):
    for bad in (0, -1, 1.5, "2"):
        with pytest.raises(ValueError):
            mlp.set_num_threads(bad)


def test_save_errors(mlp, tmp_path):
    with pytest.raises(OSError):
        mlp.save(tmp_path / "missing-dir" / "model.so")


def test_interpreter_survives_in_a_fresh_process():
    # The acceptance check: the error is an exception, and the
    # process exits normally after handling it.
    script = ("import kiln\n"
              "try:\n"
              "    kiln.compile(b'garbage')\n"
              "except kiln.CompileError as error:\n"
              "    print('caught', type(error).__name__)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "caught CompileError\n"
    assert done.stderr == ""
