"""Fixtures of the Python bindings' tests.

Run with the built package on the path (the lit test python-bindings.test
does): PYTHONPATH=build/python_packages python3 -m pytest test/python
"""
import pathlib

import numpy as np
import pytest
from onnx import TensorProto, helper

import kiln

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
# build/python_packages/kiln/__init__.py
BUILD = pathlib.Path(kiln.__file__).resolve().parents[2]
TEST_MODELS = BUILD / "test" / "Runtime" / "Inputs"


@pytest.fixture(scope="session")
def mlp_path():
    return EXAMPLES / "mlp.onnx"


@pytest.fixture(scope="session")
def mlp_input():
    return np.load(EXAMPLES / "mlp_input.npy")


@pytest.fixture(scope="session")
def mlp_expected():
    return np.load(EXAMPLES / "mlp_expected.npy")


@pytest.fixture(scope="session")
def mlp(mlp_path):
    return kiln.compile(mlp_path)


def make_model(nodes, inputs, outputs, initializers=(), opset=17):
    """An ONNX ModelProto; inputs / outputs are (name, TensorProto type,
    shape) triples."""
    graph = helper.make_graph(
        nodes, "test",
        [helper.make_tensor_value_info(*value) for value in inputs],
        [helper.make_tensor_value_info(*value) for value in outputs],
        list(initializers))
    return helper.make_model(graph,
                             opset_imports=[helper.make_opsetid("", opset)])


@pytest.fixture(scope="session")
def mixed_dtypes_model():
    """Inputs of three dtypes, outputs of three: where(c, a, float(b)),
    b + b and not(c)."""
    return make_model(
        [helper.make_node("Cast", ["b"], ["b_float"], to=TensorProto.FLOAT,
                          name="cast"),
         helper.make_node("Where", ["c", "a", "b_float"], ["selected"],
                          name="where"),
         helper.make_node("Add", ["b", "b"], ["doubled"], name="add"),
         helper.make_node("Not", ["c"], ["negated"], name="not")],
        [("a", TensorProto.FLOAT, [2, 3]), ("b", TensorProto.INT64, [2, 3]),
         ("c", TensorProto.BOOL, [2, 3])],
        [("selected", TensorProto.FLOAT, [2, 3]),
         ("doubled", TensorProto.INT64, [2, 3]),
         ("negated", TensorProto.BOOL, [2, 3])])
