"""Writes the small ONNX models the CPU target tests compile."""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save


def tensor(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, initializers=()):
    graph = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    F = TensorProto.FLOAT
    # w is over 1 KiB before slicing, so it is imported as a resource blob.
    w = (np.arange(3 * 400, dtype=np.float32).reshape(3, 400)[:, :4]
         * np.float32(0.001))
    save(model([helper.make_node("Add", ["a", "b"], ["s"]),
                helper.make_node("Relu", ["s"], ["y"]),
                helper.make_node("MatMul", ["y", "w"], ["z"])],
               [tensor("a", F, [2, 3]), tensor("b", F, [3])],
               [tensor("y", F, [2, 3]), tensor("z", F, [2, 4])],
               [numpy_helper.from_array(w.copy(), "w")]),
         os.path.join(out, "add_relu_matmul.onnx"))
    save(model([helper.make_node("MatMulInteger", ["a", "b"], ["y"])],
               [tensor("a", TensorProto.UINT8, [3, 4]),
                tensor("b", TensorProto.INT8, [4, 2])],
               [tensor("y", TensorProto.INT32, [3, 2])]),
         os.path.join(out, "integer_matmul.onnx"))
    # A transposed convolution whose pads crop more than the kernel reaches
    # has no lowering yet.
    save(model([helper.make_node("ConvTranspose", ["x", "w"], ["y"],
                                 pads=[1, 1, 1, 1], name="conv_transpose")],
               [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, [1, 1, 2, 2])],
               [numpy_helper.from_array(np.ones((1, 1, 1, 1), np.float32),
                                        "w")]),
         os.path.join(out, "no_lowering.onnx"))


if __name__ == "__main__":
    main()
