"""Writes the quick start's example model and its reference data.

Usage: make_mlp.py OUT_DIR
OUT_DIR/mlp.onnx: a two-layer perceptron (64 -> 128 -> 10, ReLU, sigmoid
scores) with fixed random weights; mlp_input.npy one input batch;
mlp_expected.npy the outputs numpy computes for it (the reference).
The files are checked in; rerun this only to change the example.
"""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(2026)
    w1 = (rng.standard_normal((64, 128)) / 8).astype(np.float32)
    b1 = (rng.standard_normal(128) / 8).astype(np.float32)
    w2 = (rng.standard_normal((128, 10)) / 11).astype(np.float32)
    b2 = (rng.standard_normal(10) / 11).astype(np.float32)
    nodes = [
        helper.make_node("MatMul", ["input", "w1"], ["h0"], name="fc1"),
        helper.make_node("Add", ["h0", "b1"], ["h1"], name="fc1_bias"),
        helper.make_node("Relu", ["h1"], ["h2"], name="relu"),
        helper.make_node("MatMul", ["h2", "w2"], ["s0"], name="fc2"),
        helper.make_node("Add", ["s0", "b2"], ["s1"], name="fc2_bias"),
        helper.make_node("Sigmoid", ["s1"], ["scores"], name="scores"),
    ]
    graph = helper.make_graph(
        nodes, "mlp",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [4, 64])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, [4, 10])],
        [numpy_helper.from_array(a, n)
         for a, n in [(w1, "w1"), (b1, "b1"), (w2, "w2"), (b2, "b2")]])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]),
         os.path.join(out, "mlp.onnx"))
    x = rng.standard_normal((4, 64)).astype(np.float32)
    hidden = np.maximum(x @ w1 + b1, 0)
    scores = 1 / (1 + np.exp(-(hidden @ w2 + b2)))
    np.save(os.path.join(out, "mlp_input.npy"), x)
    np.save(os.path.join(out, "mlp_expected.npy"), scores.astype(np.float32))


if __name__ == "__main__":
    main()
