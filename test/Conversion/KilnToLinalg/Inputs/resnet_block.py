"""Writes a small ResNet-style network in the layout of an ONNX backend node
test: OUT_DIR/model.onnx and OUT_DIR/test_data_set_0/{input,output}_0.pb,
the output computed here with numpy.

Usage: resnet_block.py OUT_DIR
The network: a 7x7 stride-2 conv with bias, batch norm, relu, 3x3 stride-2
max pool, a residual block of two padded 3x3 convs, a depthwise conv, global
average pooling, flatten and a gemm classifier.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
weights = {
    "w1": rng.standard_normal((8, 3, 7, 7)) * 0.2,
    "b1": rng.standard_normal(8) * 0.2,
    "scale": rng.random(8) + 0.5,
    "shift": rng.standard_normal(8) * 0.2,
    "mean": rng.standard_normal(8) * 0.2,
    "var": rng.random(8) + 0.5,
    "w2": rng.standard_normal((8, 8, 3, 3)) * 0.2,
    "w3": rng.standard_normal((8, 8, 3, 3)) * 0.2,
    "w4": rng.standard_normal((8, 1, 3, 3)) * 0.2,
    "fc_w": rng.standard_normal((10, 8)) * 0.2,
    "fc_b": rng.standard_normal(10) * 0.2,
}
weights = {name: value.astype(np.float32) for name, value in weights.items()}


def conv(x, w, bias=None, stride=1, pad=0, group=1):
    """Reference NCHW convolution with square kernels, strides and pads."""
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out_channels, group_channels, kernel, _ = w.shape
    out_h = (x.shape[2] - kernel) // stride + 1
    out_w = (x.shape[3] - kernel) // stride + 1
    out = np.zeros((x.shape[0], out_channels, out_h, out_w))
    per_group = out_channels // group
    for m in range(out_channels):
        g = m // per_group
        channels = x[:, g * group_channels:(g + 1) * group_channels]
        for i in range(kernel):
            for j in range(kernel):
                window = channels[:, :, i:i + stride * out_h:stride,
                                  j:j + stride * out_w:stride]
                out[:, m] += np.einsum("nchw,c->nhw", window, w[m, :, i, j])
    if bias is not None:
        out += bias[None, :, None, None]
    return out


def max_pool_3x3_stride_2_pad_1(x):
    x = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    out = (x.shape[2] - 3) // 2 + 1
    return np.max([x[:, :, i:i + 2 * out:2, j:j + 2 * out:2]
                   for i in range(3) for j in range(3)], axis=0)


def reference(x):
    w = weights
    channel = lambda v: v[None, :, None, None]
    relu = lambda v: np.maximum(v, 0)
    c1 = conv(x, w["w1"], w["b1"], stride=2, pad=3)
    n1 = ((c1 - channel(w["mean"])) / np.sqrt(channel(w["var"]) + 1e-5)
          * channel(w["scale"]) + channel(w["shift"]))
    p1 = max_pool_3x3_stride_2_pad_1(relu(n1))
    r3 = relu(conv(relu(conv(p1, w["w2"], pad=1)), w["w3"], pad=1) + p1)
    c4 = conv(r3, w["w4"], pad=1, group=8)
    return c4.mean(axis=(2, 3)) @ w["fc_w"].T + w["fc_b"]


def build_model():
    node = helper.make_node
    nodes = [
        node("Conv", ["x", "w1", "b1"], ["c1"], strides=[2, 2], pads=[3, 3, 3, 3]),
        node("BatchNormalization", ["c1", "scale", "shift", "mean", "var"], ["n1"]),
        node("Relu", ["n1"], ["r1"]),
        node("MaxPool", ["r1"], ["p1"], kernel_shape=[3, 3], strides=[2, 2],
             pads=[1, 1, 1, 1]),
        node("Conv", ["p1", "w2"], ["c2"], pads=[1, 1, 1, 1]),
        node("Relu", ["c2"], ["r2"]),
        node("Conv", ["r2", "w3"], ["c3"], pads=[1, 1, 1, 1]),
        node("Add", ["c3", "p1"], ["a3"]),
        node("Relu", ["a3"], ["r3"]),
        node("Conv", ["r3", "w4"], ["c4"], pads=[1, 1, 1, 1], group=8),
        node("GlobalAveragePool", ["c4"], ["g"]),
        node("Flatten", ["g"], ["f"]),
        node("Gemm", ["f", "fc_w", "fc_b"], ["y"], transB=1),
    ]
    graph = helper.make_graph(
        nodes, "resnet_block",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3, 32, 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 10])],
        [numpy_helper.from_array(value, name) for name, value in weights.items()])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def main():
    out_dir = sys.argv[1]
    data_dir = os.path.join(out_dir, "test_data_set_0")
    os.makedirs(data_dir, exist_ok=True)
    onnx.save(build_model(), os.path.join(out_dir, "model.onnx"))
    x = rng.standard_normal((2, 3, 32, 32)).astype(np.float32)
    y = reference(x.astype(np.float64)).astype(np.float32)
    for name, array in (("input_0", x), ("output_0", y)):
        with open(os.path.join(data_dir, name + ".pb"), "wb") as f:
            f.write(numpy_helper.from_array(array).SerializeToString())


if __name__ == "__main__":
    main()
