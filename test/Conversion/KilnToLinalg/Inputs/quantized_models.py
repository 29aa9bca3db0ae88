"""Compiles small quantized ONNX models with kiln-compile, runs them through
the model C ABI and compares with numpy references of the ONNX semantics.

Usage: quantized_models.py KILN_COMPILE WORK_DIR

Quantized outputs must be bit-exact, except one step off where the real
value before rounding lies within 1e-6 (relative) of a tie (x.5): there the
integer requantization's 31-bit multiplier may round the other way. Such
cases are counted and reported. Float outputs: rtol 1e-5 / atol 1e-6.
Prints one line per model and a summary; exits non-zero on a failure.
"""

import ctypes
import os
import subprocess
import sys

import numpy as np
from onnx import TensorProto, helper, mapping, numpy_helper, save

rng = np.random.default_rng(5)
F = TensorProto.FLOAT
U8 = TensorProto.UINT8
I8 = TensorProto.INT8


def value_info(name, array):
    return helper.make_tensor_value_info(
        name, mapping.NP_TYPE_TO_TENSOR_TYPE[array.dtype], array.shape)


class Case:
    """A model, its inputs and reference outputs; `reals` holds, per
    quantized output, the real value before rounding (for the tie rule)."""

    def __init__(self, name, nodes, inputs, outputs, initializers,
                 opset=17, reals=None, domains=()):
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.reals = reals or {}
        graph = helper.make_graph(
            nodes, name, [value_info(n, a) for n, a in inputs.items()],
            [value_info(n, a) for n, a in outputs.items()],
            [numpy_helper.from_array(np.asarray(a), n)
             for n, a in initializers.items()])
        imports = [helper.make_opsetid("", opset)]
        imports += [helper.make_opsetid(d, 1) for d in domains]
        self.model = helper.make_model(graph, opset_imports=imports)


def saturate(values, dtype):
    info = np.iinfo(dtype)
    return np.clip(values, info.min, info.max).astype(dtype)


def requantize(real, zero_point, dtype):
    """ONNX's saturate(round_half_to_even(real) + zero_point)."""
    return saturate(np.rint(real) + np.int64(zero_point), dtype)


def quantize_linear(x, scale, zero_point, axis=1):
    """ONNX QuantizeLinear: the division in float32."""
    shape = [1] * x.ndim
    if np.ndim(scale) == 1:
        shape[axis] = -1
    quotient = x / np.reshape(scale, shape).astype(np.float32)
    zp = np.reshape(zero_point, shape).astype(np.int64)
    return saturate(np.rint(quotient).astype(np.int64) + zp,
                    np.asarray(zero_point).dtype)


def dequantize_linear(q, scale, zero_point, axis=1):
    shape = [1] * q.ndim
    if np.ndim(scale) == 1:
        shape[axis] = -1
    centered = (q.astype(np.float32)
                - np.reshape(zero_point, shape).astype(np.float32))
    return centered * np.reshape(scale, shape).astype(np.float32)


def conv_int(x, w, stride, pads, group):
    """Exact integer NCHW convolution (int64) of zero-point-shifted
    operands; padded positions are 0."""
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    oh, ow = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = np.zeros((n, m, oh, ow), np.int64)
    per_group = m // group
    for o in range(m):
        g = o // per_group
        xs = x[:, g * cg:(g + 1) * cg]
        for i in range(kh):
            for j in range(kw):
                window = xs[:, :, i:i + stride * oh:stride,
                            j:j + stride * ow:stride]
                out[:, o] += np.einsum("nchw,c->nhw", window, w[o, :, i, j])
    return out


def scale_array(value):
    return np.asarray(value, np.float32)


def qlinear_conv_case(name, x_dtype, w_dtype, y_dtype, per_channel_weight,
                      w_zero, group=1, stride=2, pads=(1, 1, 0, 1),
                      x_scale=0.02, w_scale=0.01, y_scale=0.07, bias=True,
                      shape=(1, 4, 9, 9), out_channels=6, kernel=(3, 3)):
    x_info, w_info = np.iinfo(x_dtype), np.iinfo(w_dtype)
    x = rng.integers(x_info.min, x_info.max + 1, shape).astype(x_dtype)
    w = rng.integers(w_info.min, w_info.max + 1,
                     (out_channels, shape[1] // group) + kernel).astype(w_dtype)
    x_zp = np.array(128 if x_dtype == np.uint8 else -5, x_dtype)
    if per_channel_weight:
        w_scale = scale_array(rng.uniform(0.002, 0.02, out_channels))
        w_zp = np.array([w_zero + (c % 3 if w_zero else 0)
                         for c in range(out_channels)], w_dtype)
    else:
        w_scale, w_zp = scale_array(w_scale), np.array(w_zero, w_dtype)
    y_zp = np.array(100 if y_dtype == np.uint8 else 3, y_dtype)
    b = rng.integers(-3000, 3000, out_channels).astype(np.int32)
    acc = conv_int(x.astype(np.int64) - x_zp,
                   w.astype(np.int64) - np.reshape(w_zp, (-1, 1, 1, 1)),
                   stride, pads, group)
    if bias:
        acc += b[None, :, None, None]
    multiplier = (np.float64(scale_array(x_scale)) *
                  np.reshape(w_scale, (1, -1, 1, 1)).astype(np.float64) /
                  np.float64(scale_array(y_scale)))
    real = acc * multiplier
    inputs = ["x", "x_scale", "x_zp", "w", "w_scale", "w_zp", "y_scale",
              "y_zp"] + (["b"] if bias else [])
    node = helper.make_node("QLinearConv", inputs, ["y"], group=group,
                            strides=[stride, stride], pads=list(pads))
    initializers = {"x_scale": scale_array(x_scale), "x_zp": x_zp, "w": w,
                    "w_scale": w_scale, "w_zp": w_zp,
                    "y_scale": scale_array(y_scale), "y_zp": y_zp}
    if bias:
        initializers["b"] = b
    return Case(name, [node], {"x": x},
                {"y": requantize(real, y_zp, y_dtype)}, initializers,
                reals={"y": real})


def qlinear_matmul_case(name, a_shape, b_shape, a_dtype, b_dtype, y_dtype,
                        per_column, b_zero, b_is_input=False):
    a_info, b_info = np.iinfo(a_dtype), np.iinfo(b_dtype)
    a = rng.integers(a_info.min, a_info.max + 1, a_shape).astype(a_dtype)
    b = rng.integers(b_info.min, b_info.max + 1, b_shape).astype(b_dtype)
    n = b_shape[-1]
    a_zp = np.array(131 if a_dtype == np.uint8 else -7, a_dtype)
    if per_column:
        b_scale = scale_array(rng.uniform(0.003, 0.03, n))
        b_zp = np.array([b_zero + (j % 4 if b_zero else 0) for j in range(n)],
                        b_dtype)
    else:
        b_scale, b_zp = scale_array(0.011), np.array(b_zero, b_dtype)
    y_zp = np.array(90 if y_dtype == np.uint8 else -2, y_dtype)
    a_scale, y_scale = scale_array(0.03), scale_array(0.9)
    acc = np.matmul(a.astype(np.int64) - a_zp, b.astype(np.int64) - b_zp)
    real = acc * (np.float64(a_scale) * b_scale.astype(np.float64)
                  / np.float64(y_scale))
    node = helper.make_node(
        "QLinearMatMul",
        ["a", "a_scale", "a_zp", "b", "b_scale", "b_zp", "y_scale", "y_zp"],
        ["y"])
    inputs = {"a": a}
    initializers = {"a_scale": a_scale, "a_zp": a_zp, "b_scale": b_scale,
                    "b_zp": b_zp, "y_scale": y_scale, "y_zp": y_zp}
    if b_is_input:
        inputs["b"] = b
    else:
        initializers["b"] = b
    return Case(name, [node], inputs, {"y": requantize(real, y_zp, y_dtype)},
                initializers, reals={"y": real})


def qgemm_case():
    """com.microsoft QGemm with C, transB and per-column B scales."""
    a = rng.integers(0, 256, (3, 20)).astype(np.uint8)
    b = rng.integers(-128, 128, (5, 20)).astype(np.int8)  # transB: [N, K]
    c = rng.integers(-2000, 2000, (5,)).astype(np.int32)
    a_scale, a_zp = scale_array(0.04), np.array(120, np.uint8)
    b_scale = scale_array(rng.uniform(0.005, 0.02, 5))
    b_zp = np.zeros(5, np.int8)
    y_scale, y_zp = scale_array(0.5), np.array(-4, np.int8)
    acc = (a.astype(np.int64) - a_zp) @ (b.astype(np.int64) - b_zp[:, None]).T
    acc += c
    real = acc * (np.float64(a_scale) * b_scale.astype(np.float64)
                  / np.float64(y_scale))
    node = helper.make_node(
        "QGemm", ["a", "a_scale", "a_zp", "b", "b_scale", "b_zp", "c",
                  "y_scale", "y_zp"], ["y"], domain="com.microsoft",
        transB=1)
    return Case("qgemm_trans_b_per_column", [node], {"a": a},
                {"y": requantize(real, y_zp, np.int8)},
                {"a_scale": a_scale, "a_zp": a_zp, "b": b, "b_scale": b_scale,
                 "b_zp": b_zp, "c": c, "y_scale": y_scale, "y_zp": y_zp},
                reals={"y": real}, domains=["com.microsoft"])


def qlinear_concat_case():
    """com.microsoft QLinearConcat: inputs with other parameters than the
    result's are requantized (kiln.requantize, integer-only)."""
    x0 = rng.integers(0, 256, (2, 3, 4)).astype(np.uint8)
    x1 = rng.integers(0, 256, (2, 5, 4)).astype(np.uint8)
    s0, z0 = scale_array(0.013), np.array(7, np.uint8)
    s1, z1 = scale_array(0.25), np.array(128, np.uint8)
    y_scale, y_zp = scale_array(0.1), np.array(20, np.uint8)
    real0 = (x0.astype(np.int64) - z0) * (np.float64(s0) / np.float64(y_scale))
    real1 = (x1.astype(np.int64) - z1) * (np.float64(s1) / np.float64(y_scale))
    real = np.concatenate([real0, real1], axis=1)
    node = helper.make_node(
        "QLinearConcat", ["y_scale", "y_zp", "x0", "s0", "z0", "x1", "s1",
                          "z1"], ["y"], domain="com.microsoft", axis=1)
    return Case("qlinear_concat_requantize", [node], {"x0": x0, "x1": x1},
                {"y": requantize(real, y_zp, np.uint8)},
                {"y_scale": y_scale, "y_zp": y_zp, "s0": s0, "z0": z0,
                 "s1": s1, "z1": z1}, reals={"y": real},
                domains=["com.microsoft"])


def qdq_cases():
    cases = []
    # Per tensor, int8; the scale 0.5 puts exact ties (x.25 / 0.5 = .5)
    # into the input, which must round half to even.
    x = np.concatenate([rng.normal(0, 30, 60),
                        np.arange(-8, 8) * 0.5 + 0.25]).astype(np.float32)
    x = x.reshape(4, 19)
    for scale, zp, dtype in [(0.5, -3, np.int8), (0.07, 128, np.uint8)]:
        s, z = scale_array(scale), np.array(zp, dtype)
        q = quantize_linear(x, s, z)
        cases.append(Case(
            f"quantize_dequantize_{np.dtype(dtype).name}",
            [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"]),
             helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"])],
            {"x": x}, {"q": q, "y": dequantize_linear(q, s, z)},
            {"s": s, "z": z}))
    # Per axis (1), uint8 and int8.
    x = rng.normal(0, 3, (2, 5, 3)).astype(np.float32)
    for dtype, zps in [(np.uint8, [0, 10, 128, 200, 255]),
                       (np.int8, [-128, -3, 0, 4, 127])]:
        s = scale_array(rng.uniform(0.01, 0.1, 5))
        z = np.array(zps, dtype)
        q = quantize_linear(x, s, z, axis=1)
        cases.append(Case(
            f"quantize_dequantize_per_axis_{np.dtype(dtype).name}",
            [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"],
                              axis=1),
             helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"],
                              axis=1)],
            {"x": x}, {"q": q, "y": dequantize_linear(q, s, z, axis=1)},
            {"s": s, "z": z}))
    # Blocked (opset 21): blocks of 4 along axis 1.
    x = rng.normal(0, 2, (3, 8)).astype(np.float32)
    s = scale_array(rng.uniform(0.01, 0.05, (3, 2)))
    z = rng.integers(-10, 10, (3, 2)).astype(np.int8)
    s_full, z_full = np.repeat(s, 4, axis=1), np.repeat(z, 4, axis=1)
    q = saturate(np.rint(x / s_full).astype(np.int64) + z_full, np.int8)
    y = (q.astype(np.float32) - z_full.astype(np.float32)) * s_full
    cases.append(Case(
        "quantize_dequantize_blocked",
        [helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"], axis=1,
                          block_size=4),
         helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=1,
                          block_size=4)],
        {"x": x}, {"q": q, "y": y}, {"s": s, "z": z}, opset=21))
    return cases


def data_movement_case():
    """Quantized data movement on stored values: QuantizeLinear, then
    Transpose, MaxPool, Reshape, Slice, Concat, Gather in the quantized
    domain, and DequantizeLinear."""
    x = rng.normal(0, 2, (1, 3, 6, 6)).astype(np.float32)
    s, z = scale_array(0.03), np.array(-20, np.int8)
    q = quantize_linear(x, s, z)
    t = q.transpose(0, 1, 3, 2)
    padded = np.pad(t, ((0, 0), (0, 0), (1, 1), (1, 1)),
                    constant_values=np.iinfo(np.int8).min)
    pooled = np.max([padded[:, :, i:i + 6:2, j:j + 6:2]
                     for i in range(3) for j in range(3)], axis=0)  # 1x3x3x3
    flat = pooled.reshape(3, 9)
    sliced = flat[1:, ::2]  # 2x5
    joined = np.concatenate([sliced, flat[:, :5]], axis=0)  # 5x5
    gathered = joined[[4, 0, 2]]
    nodes = [
        helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"]),
        helper.make_node("Transpose", ["q"], ["t"], perm=[0, 1, 3, 2]),
        helper.make_node("MaxPool", ["t"], ["p"], kernel_shape=[3, 3],
                         strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("Reshape", ["p", "shape"], ["flat"]),
        helper.make_node("Slice", ["flat", "starts", "ends", "axes", "steps"],
                         ["sliced"]),
        helper.make_node("Slice", ["flat", "starts2", "ends2", "axes2"],
                         ["head"]),
        helper.make_node("Concat", ["sliced", "head"], ["joined"], axis=0),
        helper.make_node("Gather", ["joined", "indices"], ["g"], axis=0),
        helper.make_node("DequantizeLinear", ["g", "s", "z"], ["y"]),
    ]
    initializers = {
        "s": s, "z": z, "shape": np.array([3, 9], np.int64),
        "starts": np.array([1, 0], np.int64),
        "ends": np.array([3, 9], np.int64), "axes": np.array([0, 1], np.int64),
        "steps": np.array([1, 2], np.int64),
        "starts2": np.array([0], np.int64), "ends2": np.array([5], np.int64),
        "axes2": np.array([1], np.int64),
        "indices": np.array([4, 0, 2], np.int64)}
    return Case("data_movement_stored_values", nodes, {"x": x},
                {"g": gathered, "y": dequantize_linear(gathered, s, z)},
                initializers)


def matmul_nbits_case():
    """com.microsoft MatMulNBits: a blocked 4-bit weight constant, dequantized
    (i4 storage) and transposed into a float matmul."""
    n, k, block = 5, 32, 16
    blocks = k // block
    q = rng.integers(0, 16, (n, k)).astype(np.uint8)
    packed = (q[:, 0::2] | (q[:, 1::2] << 4)).reshape(n, blocks, block // 2)
    scales = scale_array(rng.uniform(0.01, 0.1, n * blocks))
    zero_points = rng.integers(0, 16, (n, blocks)).astype(np.uint8)
    zp_packed = np.zeros((n, (blocks + 1) // 2), np.uint8)
    for j in range(blocks):
        zp_packed[:, j // 2] |= zero_points[:, j] << (4 * (j % 2))
    a = rng.normal(0, 1, (3, k)).astype(np.float32)
    s_full = np.repeat(scales.reshape(n, blocks), block, axis=1)
    zp_full = np.repeat(zero_points, block, axis=1).astype(np.float32)
    weight = (q.astype(np.float32) - zp_full) * s_full
    node = helper.make_node("MatMulNBits", ["a", "b", "scales", "zp"], ["y"],
                            domain="com.microsoft", K=k, N=n, bits=4,
                            block_size=block)
    return Case("matmul_nbits_int4", [node], {"a": a},
                {"y": (a @ weight.T).astype(np.float32)},
                {"b": packed, "scales": scales, "zp": zp_packed},
                domains=["com.microsoft"])


def qlinear_binary_case(op, dtype, a_shape, b_shape):
    """com.microsoft QLinearAdd / QLinearMul with numpy broadcasting:
    integer-only (add: both operands over one power of two, one rounding;
    mul: the product requantized)."""
    info = np.iinfo(dtype)
    a = rng.integers(info.min, info.max + 1, a_shape).astype(dtype)
    b = rng.integers(info.min, info.max + 1, b_shape).astype(dtype)
    a_scale, a_zp = scale_array(0.031), np.array(info.min + 100, dtype)
    b_scale, b_zp = scale_array(0.0123), np.array(info.min + 140, dtype)
    y_scale, y_zp = scale_array(0.045), np.array(info.min + 60, dtype)
    real_a = (a.astype(np.int64) - a_zp) * np.float64(a_scale)
    real_b = (b.astype(np.int64) - b_zp) * np.float64(b_scale)
    real = (real_a + real_b if op == "QLinearAdd" else real_a * real_b)
    real = real / np.float64(y_scale)
    node = helper.make_node(op, ["a", "a_scale", "a_zp", "b", "b_scale",
                                 "b_zp", "y_scale", "y_zp"], ["y"],
                            domain="com.microsoft")
    return Case(f"{op.lower()}_{np.dtype(dtype).name}", [node],
                {"a": a, "b": b}, {"y": requantize(real, y_zp, dtype)},
                {"a_scale": a_scale, "a_zp": a_zp, "b_scale": b_scale,
                 "b_zp": b_zp, "y_scale": y_scale, "y_zp": y_zp},
                reals={"y": real}, domains=["com.microsoft"])


def qlinear_global_average_pool_case():
    """com.microsoft QLinearGlobalAveragePool: the integer window sum
    requantized by s_x / (s_y * count)."""
    x = rng.integers(0, 256, (2, 3, 5, 7)).astype(np.uint8)
    x_scale, x_zp = scale_array(0.02), np.array(90, np.uint8)
    y_scale, y_zp = scale_array(0.011), np.array(30, np.uint8)
    real = ((x.astype(np.int64) - x_zp).sum(axis=(2, 3), keepdims=True)
            * (np.float64(x_scale) / (np.float64(y_scale) * 35)))
    node = helper.make_node("QLinearGlobalAveragePool",
                            ["x", "x_scale", "x_zp", "y_scale", "y_zp"],
                            ["y"], domain="com.microsoft")
    return Case("qlinear_global_average_pool", [node], {"x": x},
                {"y": requantize(real, y_zp, np.uint8)},
                {"x_scale": x_scale, "x_zp": x_zp, "y_scale": y_scale,
                 "y_zp": y_zp}, reals={"y": real}, domains=["com.microsoft"])


def qdq_sub_case():
    """DequantizeLinear -> Sub -> QuantizeLinear, formed into a quantized
    kiln.sub by kiln-form-quantized-ops."""
    a = rng.integers(0, 256, (3, 8)).astype(np.uint8)
    b = rng.integers(0, 256, (8,)).astype(np.uint8)
    a_scale, a_zp = scale_array(0.05), np.array(128, np.uint8)
    b_scale, b_zp = scale_array(0.07), np.array(3, np.uint8)
    y_scale, y_zp = scale_array(0.09), np.array(120, np.uint8)
    real = ((a.astype(np.int64) - a_zp) * np.float64(a_scale)
            - (b.astype(np.int64) - b_zp) * np.float64(b_scale))
    real = real / np.float64(y_scale)
    nodes = [
        helper.make_node("DequantizeLinear", ["a", "a_scale", "a_zp"],
                         ["a_real"]),
        helper.make_node("DequantizeLinear", ["b", "b_scale", "b_zp"],
                         ["b_real"]),
        helper.make_node("Sub", ["a_real", "b_real"], ["difference"]),
        helper.make_node("QuantizeLinear", ["difference", "y_scale", "y_zp"],
                         ["y"]),
    ]
    return Case("qdq_sub", nodes, {"a": a, "b": b},
                {"y": requantize(real, y_zp, np.uint8)},
                {"a_scale": a_scale, "a_zp": a_zp, "b_scale": b_scale,
                 "b_zp": b_zp, "y_scale": y_scale, "y_zp": y_zp},
                reals={"y": real})


def all_cases():
    return qdq_cases() + [
        qlinear_conv_case("qlinearconv_u8_per_tensor", np.uint8, np.int8,
                          np.uint8, False, 0),
        qlinear_conv_case("qlinearconv_per_channel_grouped", np.uint8,
                          np.int8, np.int8, True, 0, group=2),
        qlinear_conv_case("qlinearconv_u8_weight_zero_points", np.uint8,
                          np.uint8, np.uint8, True, 120, stride=1,
                          pads=(0, 1, 2, 1)),
        qlinear_conv_case("qlinearconv_depthwise_int8", np.int8, np.int8,
                          np.int8, True, 2, group=4, out_channels=4,
                          bias=False),
        # Dyadic scales (0.5 * 0.25 / 1): every tie is exact and must round
        # half to even, as numpy does.
        qlinear_conv_case("qlinearconv_exact_ties", np.uint8, np.int8,
                          np.int8, False, 0, x_scale=0.5, w_scale=0.25,
                          y_scale=1.0,
                          stride=1, pads=(0, 0, 0, 0), shape=(1, 1, 4, 4),
                          out_channels=2, kernel=(1, 1), bias=False),
        qlinear_matmul_case("qlinearmatmul_u8_zero_points", (4, 12), (12, 6),
                            np.uint8, np.uint8, np.uint8, False, 119),
        qlinear_matmul_case("qlinearmatmul_batched_per_column", (2, 3, 16),
                            (16, 7), np.uint8, np.int8, np.int8, True, 0),
        qlinear_matmul_case("qlinearmatmul_column_zero_points", (3, 10),
                            (10, 5), np.int8, np.int8, np.int8, True, -3),
        qlinear_matmul_case("qlinearmatmul_runtime_rhs", (2, 4, 9), (2, 9, 3),
                            np.uint8, np.uint8, np.uint8, False, 7,
                            b_is_input=True),
        qgemm_case(),
        qlinear_concat_case(),
        data_movement_case(),
        matmul_nbits_case(),
        qlinear_binary_case("QLinearAdd", np.uint8, (2, 3, 4), (3, 1)),
        qlinear_binary_case("QLinearAdd", np.int8, (5, 6), (5, 6)),
        qlinear_binary_case("QLinearMul", np.uint8, (4, 5), (5,)),
        qlinear_binary_case("QLinearMul", np.int8, (2, 7), (2, 1)),
        qlinear_global_average_pool_case(),
        qdq_sub_case(),
    ]


def run(library, case):
    inputs = [np.ascontiguousarray(a) for a in case.inputs.values()]
    outputs = [np.zeros(a.shape, a.dtype) for a in case.outputs.values()]
    model = ctypes.CDLL(library)
    model.kiln_model_run.restype = ctypes.c_int32
    pointers = lambda arrays: (ctypes.c_void_p * len(arrays))(
        *[a.ctypes.data for a in arrays])
    status = model.kiln_model_run(pointers(inputs), pointers(outputs))
    if status != 0:
        raise RuntimeError(f"run: status {status}")
    return dict(zip(case.outputs, outputs))


def compare(case, actual):
    """Returns (failure or None, off-by-one results at ties)."""
    at_ties = 0
    for name, expected in case.outputs.items():
        got = actual[name]
        if np.issubdtype(expected.dtype, np.floating):
            if not np.allclose(got, expected, rtol=1e-5, atol=1e-6):
                return (f"{name}: max |diff| "
                        f"{np.max(np.abs(got - expected))}", at_ties)
            continue
        diff = got.astype(np.int64) - expected.astype(np.int64)
        if not diff.any():
            continue
        real = case.reals.get(name)
        if real is None:
            return f"{name}: {np.count_nonzero(diff)} differ", at_ties
        distance = np.abs(real - (np.floor(real) + 0.5))
        near_tie = distance <= 1e-6 * np.maximum(np.abs(real), 1.0)
        bad = (diff != 0) & ~((np.abs(diff) == 1) & near_tie)
        if bad.any():
            index = tuple(np.argwhere(bad)[0])
            return (f"{name}: {np.count_nonzero(bad)} differ, first at "
                    f"{index}: {got[index]} vs {expected[index]} (real "
                    f"{real[index]})", at_ties)
        at_ties += np.count_nonzero(diff)
    return None, at_ties


def main(argv):
    kiln_compile, work_dir = argv[1:3]
    os.makedirs(work_dir, exist_ok=True)
    failed = total_ties = compared = 0
    cases = all_cases()
    for case in cases:
        path = os.path.join(work_dir, case.name + ".onnx")
        library = os.path.join(work_dir, case.name + ".so")
        save(case.model, path)
        done = subprocess.run([kiln_compile, path, "-o", library],
                              capture_output=True, text=True)
        if done.returncode != 0:
            failed += 1
            print(f"FAIL {case.name}: compile: {done.stderr.strip()}")
            continue
        reason, ties = compare(case, run(library, case))
        total_ties += ties
        compared += sum(a.size for a in case.outputs.values())
        if reason:
            failed += 1
            print(f"FAIL {case.name}: {reason}")
        else:
            print(f"PASS {case.name}" + (f" ({ties} off by one at ties)"
                                         if ties else ""))
    print(f"compared {compared} values, {total_ties} off by one at ties")
    print(f"passed: {len(cases) - failed} / {len(cases)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
