"""Writes a small QDQ model shaped like onnxruntime's quantize_static output.

Usage: qdq_model.py OUT.onnx
Conv (+bias) -> Relu -> Add (residual) -> MaxPool -> GlobalAveragePool ->
Flatten -> Gemm, every tensor between QuantizeLinear / DequantizeLinear:
uint8 asymmetric per-tensor activations, int8 symmetric per-channel weights
and int32 biases at scale s_input * s_weight with zero point 0, all weights
and biases DequantizeLinear of initializers. The Relu stays in the graph
(as torch's exporter leaves it); its output parameters have zero point 0.
Uses only the `onnx` package.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
nodes, initializers = [], []


def const(name, array):
    initializers.append(numpy_helper.from_array(np.asarray(array), name))
    return name


def quantize_dequantize(tensor, scale, zero_point):
    """QuantizeLinear then DequantizeLinear of `tensor` (uint8)."""
    s = const(tensor + "_scale", np.float32(scale))
    z = const(tensor + "_zero_point", np.uint8(zero_point))
    nodes.append(helper.make_node("QuantizeLinear", [tensor, s, z],
                                  [tensor + "_q"], name=tensor + "_q"))
    nodes.append(helper.make_node("DequantizeLinear", [tensor + "_q", s, z],
                                  [tensor + "_dq"], name=tensor + "_dq"))
    return tensor + "_dq"


def weight(name, values, axis):
    """Per-channel symmetric int8 weights, dequantized; returns the real
    value name and the float32 scales."""
    channels = np.moveaxis(values, axis, 0).reshape(values.shape[axis], -1)
    scales = (np.abs(channels).max(axis=1) / 127).astype(np.float32)
    shape = [1] * values.ndim
    shape[axis] = -1
    stored = np.round(values / scales.reshape(shape)).astype(np.int8)
    q = const(name + "_quantized", stored)
    s = const(name + "_scale", scales)
    z = const(name + "_zero_point", np.zeros(len(scales), np.int8))
    nodes.append(helper.make_node("DequantizeLinear", [q, s, z], [name + "_dq"],
                                  name=name + "_dq", axis=axis))
    return name + "_dq", scales


def bias(name, values, scales):
    """int32 bias at `scales` (float32 products, as onnxruntime computes
    them), zero point 0, dequantized."""
    stored = np.round(values / scales).astype(np.int32)
    q = const(name + "_quantized", stored)
    s = const(name + "_scale", scales)
    z = const(name + "_zero_point", np.zeros(len(scales), np.int32))
    nodes.append(helper.make_node("DequantizeLinear", [q, s, z], [name + "_dq"],
                                  name=name + "_dq", axis=0))
    return name + "_dq"


def node(op, inputs, output, **attrs):
    nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
    return output


input_scale = np.float32(0.02)
x = quantize_dequantize("input", input_scale, 128)
w, w_scales = weight("conv_w", rng.normal(0, 0.3, (4, 4, 3, 3)).astype(np.float32), 0)
b = bias("conv_b", rng.normal(0, 0.1, 4).astype(np.float32), input_scale * w_scales)
conv = node("Conv", [x, w, b], "conv", pads=[1, 1, 1, 1])
relu = quantize_dequantize(node("Relu", [conv], "relu"), 0.03, 0)
add = quantize_dequantize(node("Add", [relu, x], "add"), 0.04, 60)
pool = quantize_dequantize(node("MaxPool", [add], "pool", kernel_shape=[2, 2],
                                strides=[2, 2]), 0.04, 60)
gap_scale = np.float32(0.01)
gap = quantize_dequantize(node("GlobalAveragePool", [pool], "gap"), gap_scale, 20)
flat = quantize_dequantize(node("Flatten", [gap], "flatten"), gap_scale, 20)
fc_w, fc_scales = weight("fc_w", rng.normal(0, 0.3, (10, 4)).astype(np.float32), 0)
fc_b = bias("fc_b", rng.normal(0, 0.1, 10).astype(np.float32), gap_scale * fc_scales)
gemm = quantize_dequantize(node("Gemm", [flat, fc_w, fc_b], "gemm", transB=1), 0.05, 128)
nodes.append(helper.make_node("Identity", [gemm], ["logits"], name="output"))

graph = helper.make_graph(
    nodes, "qdq", [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 4, 8, 8])],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])],
    initializers)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1])
