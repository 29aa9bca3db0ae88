"""Builds the small ONNX models the importer's lit tests import.

Usage: onnx_models.py OUT_DIR GROUP
Writes OUT_DIR/<name>.onnx for every model of GROUP (see GROUPS below).
Uses only the `onnx` package (Debian's python3-onnx 1.12 suffices).
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F = TensorProto.FLOAT


def model(nodes, inputs, outputs, initializers=(), opset=17, extra_opsets=()):
    graph = helper.make_graph(nodes, "test", inputs, outputs, list(initializers))
    opsets = [helper.make_opsetid("", opset)] + [
        helper.make_opsetid(domain, version) for domain, version in extra_opsets
    ]
    return helper.make_model(graph, opset_imports=opsets)


def tensor(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def raw_tensor(name, data_type, dims, data):
    """A tensor of a data type onnx 1.12's helpers do not know (e.g. INT4 = 22)."""
    t = TensorProto()
    t.name = name
    t.data_type = data_type
    t.dims.extend(dims)
    t.raw_data = data
    return t


def unary(op, shape=(2, 3), opset=17, **attrs):
    return model([helper.make_node(op, ["x"], ["y"], name="n", **attrs)],
                 [tensor("x", F, shape)], [tensor("y", F, None)], opset=opset)


def binary(op, a=(2, 3), b=(3,), elem=F, out_elem=None):
    return model([helper.make_node(op, ["a", "b"], ["c"], name="n")],
                 [tensor("a", elem, a), tensor("b", elem, b)],
                 [tensor("c", out_elem or elem, None)])


# --- Basic graphs ------------------------------------------------------------


def basic_models():
    yield "add", binary("Add")
    yield "relu_chain", model(
        [helper.make_node("Relu", ["x"], ["r"], name="relu"),
         helper.make_node("Sigmoid", ["r"], ["y"], name="sigmoid")],
        [tensor("x", F, [4])], [tensor("y", F, [4])])
    yield "initializer_small", model(
        [helper.make_node("Mul", ["x", "w"], ["y"], name="scale")],
        [tensor("x", F, [4])], [tensor("y", F, [4])],
        [const("w", np.array([1, 2, 3, 4], np.float32))])
    yield "initializer_large", model(
        [helper.make_node("Add", ["x", "w"], ["y"], name="bias")],
        [tensor("x", F, [16, 64])], [tensor("y", F, [16, 64])],
        [const("w", np.ones((16, 64), np.float32))])
    yield "symbolic_batch", model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu")],
        [tensor("x", F, ["N", 3])], [tensor("y", F, ["N", 3])])
    yield "external_data", model(
        [helper.make_node("Add", ["x", "w"], ["y"], name="bias")],
        [tensor("x", F, [16, 64])], [tensor("y", F, [16, 64])],
        [const("w", np.arange(16 * 64, dtype=np.float32).reshape(16, 64))])
    yield "opset7", model(
        [helper.make_node("Sub", ["a", "b"], ["c"], name="sub")],
        [tensor("a", F, [2, 3]), tensor("b", F, [2, 3])],
        [tensor("c", F, [2, 3])], opset=7)


# --- Error cases -------------------------------------------------------------


def error_models():
    yield "unsupported_ops", model(
        [helper.make_node("Relu", ["x"], ["r"], name="ok"),
         helper.make_node("TfIdfVectorizer", ["r"], ["u"], name="tfidf1"),
         helper.make_node("StringNormalizer", ["u"], ["h"], name="normalizer1"),
         helper.make_node("TfIdfVectorizer", ["h"], ["y"], name="tfidf2")],
        [tensor("x", F, [2, 2])], [tensor("y", F, None)])
    yield "unknown_domain", model(
        [helper.make_node("Foo", ["x"], ["y"], name="foo", domain="org.acme")],
        [tensor("x", F, [2])], [tensor("y", F, [2])])
    yield "opset_too_new", model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu")],
        [tensor("x", F, [2])], [tensor("y", F, [2])], opset=22)
    yield "missing_input", model(
        [helper.make_node("Add", ["x", "nowhere"], ["y"], name="add")],
        [tensor("x", F, [2])], [tensor("y", F, [2])])
    yield "wrong_arity", model(
        [helper.make_node("Relu", ["x", "x"], ["y"], name="relu")],
        [tensor("x", F, [2])], [tensor("y", F, [2])])
    yield "wrong_attr_type", model(
        [helper.make_node("LeakyRelu", ["x"], ["y"], name="leaky", alpha=2)],
        [tensor("x", F, [2])], [tensor("y", F, [2])])
    yield "bad_shapes", model(
        [helper.make_node("Add", ["a", "b"], ["c"], name="add")],
        [tensor("a", F, [2, 3]), tensor("b", F, [4])], [tensor("c", F, None)])
    yield "string_input", model(
        [helper.make_node("Identity", ["x"], ["y"], name="id")],
        [tensor("x", TensorProto.STRING, [2])],
        [tensor("y", TensorProto.STRING, [2])])
    yield "dynamic_shape_operand", model(
        [helper.make_node("Reshape", ["x", "s"], ["y"], name="reshape")],
        [tensor("x", F, [2, 3]), tensor("s", TensorProto.INT64, ["n"])],
        [tensor("y", F, None)])
    yield "runtime_axes", model(
        [helper.make_node("Unsqueeze", ["x", "axes"], ["y"], name="unsqueeze")],
        [tensor("x", F, [2, 3]), tensor("axes", TensorProto.INT64, [1])],
        [tensor("y", F, None)])
    yield "unknown_auto_pad", model(
        [helper.make_node("MaxPool", ["x"], ["y"], name="pool",
                          kernel_shape=[2, 2], auto_pad="SAME_MIDDLE")],
        [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)])
    yield "resize_antialias", model(
        [helper.make_node("Resize", ["x", "", "scales"], ["y"], name="resize",
                          mode="linear", antialias=1)],
        [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)],
        [const("scales", np.array([1, 1, 0.5, 0.5], np.float32))], opset=18)
    yield "legacy_broadcast_mismatch", model(
        [helper.make_node("Add", ["a", "b"], ["c"], name="add", broadcast=1,
                          axis=2)],
        [tensor("a", F, [2, 3, 4]), tensor("b", F, [3, 4])],
        [tensor("c", F, None)], opset=6)
    yield "unknown_pad_mode", model(
        [helper.make_node("Pad", ["x", "pads"], ["y"], name="pad",
                          mode="mirror")],
        [tensor("x", F, [2, 2])], [tensor("y", F, None)],
        [const("pads", np.array([1, 1, 1, 1], np.int64))])
    yield "matmul_nbits_bits", ms_model(
        "MatMulNBits", [tensor("x", F, [1, 32]), "w", "scales"],
        [tensor("y", F, None)],
        [const("w", np.zeros((2, 2, 8), np.uint8)),
         const("scales", np.ones(4, np.float32))],
        K=32, N=2, bits=8, block_size=16)
    # Before opset 14, BatchNormalization's statistics outputs imply training.
    yield "unused_output", model(
        [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"],
                          ["y", "running_mean"], name="bn")],
        [tensor("x", F, [1, 2, 4])],
        [tensor("y", F, None), tensor("running_mean", F, None)],
        [const(name, np.ones(2, np.float32)) for name in "sbmv"], opset=9)
    escaping = const("w", np.zeros(4, np.float32))
    escaping.ClearField("raw_data")
    escaping.data_location = TensorProto.EXTERNAL
    escaping.external_data.add(key="location", value="../outside.bin")
    yield "external_data_outside", model(
        [helper.make_node("Add", ["x", "w"], ["y"], name="add")],
        [tensor("x", F, [4])], [tensor("y", F, [4])], [escaping])
    yield "undefined_output", model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu")],
        [tensor("x", F, [2])], [tensor("z", F, [2])])


# --- Handlers, in the order of the chunk files ---------------------------------

I64 = TensorProto.INT64
U8 = TensorProto.UINT8


def node_model(op, inputs, outputs, initializers=(), opset=17, **attrs):
    """One node `op` reading graph inputs / initializers, named "n"."""
    init_names = {t.name for t in initializers}
    names = [i.name for i in inputs] + [t.name for t in initializers]
    return model([helper.make_node(op, names, [o.name for o in outputs],
                                   name="n", **attrs)],
                 [i for i in inputs if i.name not in init_names], outputs,
                 initializers, opset)


def a_to_f_models():
    for op in ["Abs", "Acos", "Acosh", "Asin", "Asinh", "Atan", "Atanh", "Ceil",
               "Cos", "Cosh", "Erf", "Exp", "Floor"]:
        yield "unary_" + op, unary(op)
    for op in ["Add", "Div"]:
        yield "binary_" + op, binary(op)
    yield "and", binary("And", elem=TensorProto.BOOL)
    yield "equal", binary("Equal", out_elem=TensorProto.BOOL)
    yield "bernoulli", node_model(
        "Bernoulli", [tensor("p", F, [4])],
        [tensor("y", TensorProto.BOOL, None)], opset=15,
        dtype=TensorProto.BOOL, seed=3.0)
    yield "bernoulli_default_dtype", node_model(
        "Bernoulli", [tensor("p", TensorProto.DOUBLE, [2, 2])],
        [tensor("y", TensorProto.DOUBLE, None)], opset=15)
    yield "bernoulli_string_dtype", node_model(
        "Bernoulli", [tensor("p", F, [4])],
        [tensor("y", TensorProto.STRING, None)], opset=15,
        dtype=TensorProto.STRING)
    yield "bitshift", node_model(
        "BitShift", [tensor("a", TensorProto.UINT8, [4]),
                     tensor("b", TensorProto.UINT8, [4])],
        [tensor("c", TensorProto.UINT8, [4])], direction="RIGHT")
    yield "argmax", node_model("ArgMax", [tensor("x", F, [3, 4])],
                               [tensor("y", I64, None)], axis=-1, keepdims=0)
    yield "average_pool", node_model(
        "AveragePool", [tensor("x", F, [1, 2, 5, 5])], [tensor("y", F, None)],
        kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_UPPER",
        count_include_pad=1)
    yield "batch_norm", node_model(
        "BatchNormalization", [tensor("x", F, [1, 2, 4, 4])],
        [tensor("y", F, None)],
        [const("s", np.ones(2, np.float32)), const("b", np.zeros(2, np.float32)),
         const("m", np.zeros(2, np.float32)), const("v", np.ones(2, np.float32))],
        epsilon=1e-3)
    yield "batch_norm_training", node_model(
        "BatchNormalization", [tensor("x", F, [2, 3, 4])],
        [tensor("y", F, None), tensor("running_mean", F, None),
         tensor("running_var", F, None)],
        [const("s", np.ones(3, np.float32)), const("b", np.zeros(3, np.float32)),
         const("m", np.full(3, 0.5, np.float32)),
         const("v", np.full(3, 2.0, np.float32))],
        opset=15, momentum=0.75, training_mode=1)
    yield "cast_like", node_model(
        "CastLike", [tensor("x", F, [4]), tensor("like", TensorProto.FLOAT16, [1])],
        [tensor("y", TensorProto.FLOAT16, None)], opset=15)
    yield "cast", node_model("Cast", [tensor("x", F, [4])],
                             [tensor("y", TensorProto.INT32, None)],
                             to=TensorProto.INT32)
    yield "celu", unary("Celu", alpha=2.0)
    yield "clip_runtime_bounds", node_model(
        "Clip", [tensor("x", F, [4]), tensor("lo", F, []), tensor("hi", F, [])],
        [tensor("y", F, None)])
    yield "clip_opset10", model(
        [helper.make_node("Clip", ["x"], ["y"], name="n", min=0.0, max=6.0)],
        [tensor("x", F, [4])], [tensor("y", F, None)], opset=10)
    yield "clip_inputs", node_model(
        "Clip", [tensor("x", TensorProto.INT32, [4])],
        [tensor("y", TensorProto.INT32, None)],
        [const("lo", np.array(-2, np.int32)), const("hi", np.array(5, np.int32))])
    yield "compress_axis", node_model(
        "Compress", [tensor("x", F, [3, 4]),
                     tensor("c", TensorProto.BOOL, [4])],
        [tensor("y", F, [3, 2])], axis=-1)
    yield "compress_flat_undeclared", node_model(
        "Compress", [tensor("x", F, [2, 3])], [tensor("y", F, None)],
        [const("c", np.array([True, False, True]))])
    yield "concat", model(
        [helper.make_node("Concat", ["a", "b"], ["c"], name="n", axis=-1)],
        [tensor("a", F, [2, 3]), tensor("b", F, [2, 5])], [tensor("c", F, None)])
    yield "constant", model(
        [helper.make_node("Constant", [], ["c"], name="n",
                          value=const("v", np.array([[1, 2]], np.int64)))],
        [], [tensor("c", I64, None)])
    yield "constant_of_shape_runtime", node_model(
        "ConstantOfShape", [tensor("shape", I64, [3])],
        [tensor("y", F, None)])
    yield "constant_value_floats", model(
        [helper.make_node("Constant", [], ["c"], name="n",
                          value_floats=[0.5, 1.5])],
        [], [tensor("c", F, None)])
    yield "constant_of_shape", node_model(
        "ConstantOfShape", [], [tensor("y", TensorProto.INT32, None)],
        [const("shape", np.array([2, 3], np.int64))],
        value=const("v", np.array([7], np.int32)))
    yield "conv_same", node_model(
        "Conv", [tensor("x", F, [1, 3, 7, 7])], [tensor("y", F, None)],
        [const("w", np.ones((8, 3, 3, 3), np.float32)),
         const("b", np.zeros(8, np.float32))],
        strides=[2, 2], auto_pad="SAME_LOWER")
    yield "conv_integer", node_model(
        "ConvInteger", [tensor("x", TensorProto.UINT8, [1, 1, 4, 4])],
        [tensor("y", TensorProto.INT32, None)],
        [const("w", np.ones((2, 1, 2, 2), np.uint8))], pads=[0, 0, 1, 1])
    yield "conv_integer_zero_points", model(
        [helper.make_node("ConvInteger", ["x", "w", "xz", "wz"], ["y"],
                          name="n")],
        [tensor("x", TensorProto.UINT8, [1, 1, 3, 3]),
         tensor("xz", TensorProto.UINT8, [])],
        [tensor("y", TensorProto.INT32, None)],
        [const("w", np.ones((2, 1, 2, 2), np.uint8)),
         const("wz", np.array([1, 2], np.uint8))])
    yield "conv_transpose", node_model(
        "ConvTranspose", [tensor("x", F, [1, 2, 3, 3])], [tensor("y", F, None)],
        [const("w", np.ones((2, 4, 3, 3), np.float32))], strides=[2, 2],
        output_padding=[1, 1])
    yield "conv_transpose_output_shape", node_model(
        "ConvTranspose", [tensor("x", F, [1, 1, 3, 3])], [tensor("y", F, None)],
        [const("w", np.ones((1, 2, 3, 3), np.float32))], strides=[3, 2],
        output_shape=[10, 8])
    yield "conv_transpose_same_upper", node_model(
        "ConvTranspose", [tensor("x", F, [1, 1, 3, 3])], [tensor("y", F, None)],
        [const("w", np.ones((1, 2, 3, 3), np.float32))], strides=[2, 2],
        auto_pad="SAME_UPPER")
    yield "cumsum", node_model("CumSum", [tensor("x", F, [2, 3])],
                               [tensor("y", F, None)],
                               [const("axis", np.array(-1, np.int64))],
                               reverse=1)
    yield "cumsum_runtime_axis", node_model(
        "CumSum", [tensor("x", F, [2, 3]), tensor("axis", TensorProto.INT32, [])],
        [tensor("y", F, None)], exclusive=1)
    yield "depth_to_space", node_model(
        "DepthToSpace", [tensor("x", F, [1, 8, 2, 2])], [tensor("y", F, None)],
        blocksize=2, mode="CRD")
    yield "dequantize_per_tensor_weight", node_model(
        "DequantizeLinear", [], [tensor("y", F, None)],
        [const("w", np.array([[-3, 7], [1, 0]], np.int8)),
         const("s", np.array(0.5, np.float32)),
         const("zp", np.array(2, np.int8))])
    # onnxruntime writes some per-tensor scales as [1] with a scalar zero point.
    yield "dequantize_scale_shape_1", node_model(
        "DequantizeLinear", [], [tensor("y", F, None)],
        [const("w", np.array([-3, 7], np.int8)),
         const("s", np.array([0.5], np.float32)),
         const("zp", np.array(2, np.int8))])
    yield "dequantize_per_axis", node_model(
        "DequantizeLinear", [tensor("x", TensorProto.UINT8, [2, 3])],
        [tensor("y", F, None)],
        [const("s", np.array([0.5, 0.25, 0.125], np.float32)),
         const("zp", np.array([128, 0, 7], np.uint8))], axis=1)
    yield "dequantize_runtime_per_axis", node_model(
        "DequantizeLinear", [tensor("x", TensorProto.INT8, [2, 3]),
                             tensor("s", F, [2]),
                             tensor("zp", TensorProto.INT8, [2])],
        [tensor("y", F, None)], axis=0)
    yield "dequantize_runtime_blocked", model(
        [helper.make_node("DequantizeLinear", ["x", "s"], ["y"], name="n",
                          axis=1, block_size=2)],
        [tensor("x", TensorProto.INT8, [2, 4]), tensor("s", F, [2, 2])],
        [tensor("y", F, None)], opset=21)
    yield "dequantize_blocked_int4", model(
        [helper.make_node("DequantizeLinear", ["w", "s"], ["y"], name="n",
                          axis=1, block_size=2)],
        [], [tensor("y", F, None)],
        [raw_tensor("w", 22, [2, 4], bytes([0x21, 0x43, 0xF8, 0x7E])),
         const("s", np.array([[1.0, 2.0], [0.5, 0.25]], np.float32))],
        opset=21)
    yield "det", node_model("Det", [tensor("x", F, [3, 2, 2])],
                            [tensor("y", F, None)])
    yield "dropout", node_model("Dropout", [tensor("x", F, [4])],
                                [tensor("y", F, None)])
    yield "dropout_mask", node_model(
        "Dropout", [tensor("x", F, [4])],
        [tensor("y", F, None), tensor("mask", TensorProto.BOOL, None)],
        [const("ratio", np.array(0.5, np.float32)),
         const("training", np.array(False))])
    yield "dropout_training", node_model(
        "Dropout", [tensor("x", F, [2, 3])],
        [tensor("y", F, None), tensor("mask", TensorProto.BOOL, None)],
        [const("ratio", np.array(0.25, np.float32)),
         const("training", np.array(True))], seed=5)
    yield "dropout_training_ratio_one", node_model(
        "Dropout", [tensor("x", F, [4])], [tensor("y", F, None)],
        [const("ratio", np.array(1.0, np.float32)),
         const("training", np.array(True))])
    yield "dropout_training_ratio_out_of_range", node_model(
        "Dropout", [tensor("x", F, [4])], [tensor("y", F, None)],
        [const("ratio", np.array(1.5, np.float32)),
         const("training", np.array(True))])
    yield "dropout_training_runtime", node_model(
        "Dropout", [tensor("x", F, [2, "n"]),
                    tensor("ratio", TensorProto.DOUBLE, [1]),
                    tensor("training", TensorProto.BOOL, [])],
        [tensor("y", F, None), tensor("mask", TensorProto.BOOL, None)])
    yield "dynamic_quantize_linear", node_model(
        "DynamicQuantizeLinear", [tensor("x", F, [2, 3])],
        [tensor("y", U8, None), tensor("scale", F, None),
         tensor("zp", U8, None)])
    yield "einsum_chain", node_model(
        "Einsum", [tensor("a", F, [2, 3]), tensor("b", F, [3, 4]),
                   tensor("c", F, [4, 5])], [tensor("y", F, None)],
        equation="ij,jk,kl->il")
    yield "einsum_diagonal", node_model(
        "Einsum", [tensor("a", F, [2, 3, 3])], [tensor("y", F, None)],
        equation="bii->bi")
    yield "einsum_ellipsis_implicit", node_model(
        "Einsum", [tensor("a", F, [6, 2, 3]), tensor("b", F, [6, 3, 4])],
        [tensor("y", F, None)], equation="...ij,...jk")
    yield "einsum_outer_sum", node_model(
        "Einsum", [tensor("a", F, [2, 3]), tensor("b", F, [4])],
        [tensor("y", F, None)], equation="ij,k->kj")
    yield "einsum_trace_implicit", node_model(
        "Einsum", [tensor("a", TensorProto.INT32, [2, 2])],
        [tensor("y", TensorProto.INT32, None)], equation="ii")
    yield "elu", unary("Elu", alpha=0.5)
    yield "expand", node_model("Expand", [tensor("x", F, [3, 1])],
                               [tensor("y", F, None)],
                               [const("shape", np.array([2, 1, 4], np.int64))])
    yield "eye_like", node_model("EyeLike", [tensor("x", TensorProto.INT32, [2, 3])],
                                 [tensor("y", F, None)], dtype=F, k=1)
    yield "expand_runtime", node_model(
        "Expand", [tensor("x", F, [3, 1]), tensor("shape", I64, [3])],
        [tensor("y", F, None)])
    yield "flatten", node_model("Flatten", [tensor("x", F, [2, 3, 4])],
                                [tensor("y", F, None)], axis=-1)


def g_to_p_models():
    for op in ["HardSwish", "Log", "Neg"]:
        yield "unary_" + op, unary(op)
    yield "mish", unary("Mish", shape=(4,), opset=18)
    for op in ["Mul", "PRelu"]:
        yield "binary_" + op, binary(op)
    for op in ["Greater", "GreaterOrEqual", "Less", "LessOrEqual"]:
        yield "compare_" + op, binary(op, out_elem=TensorProto.BOOL)
    yield "one_hot", node_model(
        "OneHot", [tensor("i", I64, [3])], [tensor("y", F, None)],
        [const("depth", np.array(4, np.int64)),
         const("values", np.array([0.0, 5.0], np.float32))], axis=0)
    yield "or", binary("Or", elem=TensorProto.BOOL)
    yield "not", node_model("Not", [tensor("x", TensorProto.BOOL, [3])],
                            [tensor("y", TensorProto.BOOL, None)])
    yield "gather", node_model("Gather", [tensor("x", F, [5, 4])],
                               [tensor("y", F, None)],
                               [const("i", np.array([[0, -1]], np.int64))])
    yield "gather_elements", node_model(
        "GatherElements", [tensor("x", F, [3, 3]),
                           tensor("i", TensorProto.INT32, [2, 3])],
        [tensor("y", F, None)], axis=0)
    yield "gather_nd", node_model(
        "GatherND", [tensor("x", F, [2, 3, 4]), tensor("i", I64, [2, 1])],
        [tensor("y", F, None)], batch_dims=1)
    yield "gelu", model([helper.make_node("Gelu", ["x"], ["y"], name="n",
                                          approximate="tanh")],
                        [tensor("x", F, [4])], [tensor("y", F, None)], opset=20)
    yield "gemm", node_model("Gemm", [tensor("a", F, [4, 3])],
                             [tensor("y", F, None)],
                             [const("b", np.ones((5, 3), np.float32)),
                              const("c", np.ones(5, np.float32))],
                             transB=1, alpha=0.5)
    yield "global_average_pool", node_model(
        "GlobalAveragePool", [tensor("x", F, [1, 3, 4, 4])],
        [tensor("y", F, None)])
    yield "global_max_pool", node_model(
        "GlobalMaxPool", [tensor("x", F, [1, 3, 4])], [tensor("y", F, None)])
    yield "hard_sigmoid", unary("HardSigmoid", alpha=0.25)
    yield "hardmax", unary("Hardmax", axis=0)
    yield "hardmax_opset11", model(
        [helper.make_node("Hardmax", ["x"], ["y"], name="n", axis=1)],
        [tensor("x", F, [2, 3, 4])], [tensor("y", F, None)], opset=11)
    yield "identity", node_model("Identity", [tensor("x", F, [2])],
                                 [tensor("y", F, None)])
    yield "instance_norm", node_model(
        "InstanceNormalization", [tensor("x", F, [1, 2, 3])],
        [tensor("y", F, None)],
        [const("s", np.ones(2, np.float32)), const("b", np.zeros(2, np.float32))])
    yield "is_inf", node_model("IsInf", [tensor("x", F, [3])],
                               [tensor("y", TensorProto.BOOL, None)],
                               detect_negative=0)
    yield "is_nan", node_model("IsNaN", [tensor("x", F, [3])],
                               [tensor("y", TensorProto.BOOL, None)])
    yield "layer_norm", node_model(
        "LayerNormalization", [tensor("x", F, [2, 3, 4])],
        [tensor("y", F, None)],
        [const("s", np.ones(4, np.float32)), const("b", np.zeros(4, np.float32))])
    yield "layer_norm_statistics", node_model(
        "LayerNormalization", [tensor("x", F, [2, 4])],
        [tensor("y", F, None), tensor("mean", F, None), tensor("inv", F, None)],
        [const("s", np.ones(4, np.float32))], epsilon=0.5)
    yield "leaky_relu", unary("LeakyRelu", alpha=0.5)
    yield "log_softmax_opset11", model(
        [helper.make_node("LogSoftmax", ["x"], ["y"], name="n", axis=1)],
        [tensor("x", F, [2, 3, 4])], [tensor("y", F, None)], opset=11)
    yield "lp_normalization", unary("LpNormalization", axis=0, p=1)
    yield "lrn", node_model("LRN", [tensor("x", F, [1, 4, 2, 2])],
                            [tensor("y", F, None)], size=3, alpha=0.5)
    yield "matmul", node_model("MatMul", [tensor("a", F, [2, 3, 4])],
                               [tensor("y", F, None)],
                               [const("b", np.ones((4, 5), np.float32))])
    yield "matmul_integer", node_model(
        "MatMulInteger", [tensor("a", TensorProto.UINT8, [2, 4])],
        [tensor("y", TensorProto.INT32, None)],
        [const("b", np.ones((4, 3), np.int8))])
    yield "matmul_integer_runtime_zero_points", node_model(
        "MatMulInteger", [tensor("a", TensorProto.UINT8, [2, 4]),
                          tensor("b", TensorProto.INT8, [4, 3]),
                          tensor("az", TensorProto.UINT8, [2]),
                          tensor("bz", TensorProto.INT8, [3])],
        [tensor("y", TensorProto.INT32, None)])
    yield "max", node_model("Max", [tensor("a", F, [3]), tensor("b", F, [3]),
                                    tensor("c", F, [1])],
                            [tensor("y", F, None)])
    yield "max_pool_ceil", node_model(
        "MaxPool", [tensor("x", F, [1, 1, 5, 5])], [tensor("y", F, None)],
        kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1)
    yield "mean", node_model("Mean", [tensor("a", F, [3]), tensor("b", F, [3])],
                             [tensor("y", F, None)])
    yield "mean_variance_normalization", node_model(
        "MeanVarianceNormalization", [tensor("x", F, [2, 3, 4])],
        [tensor("y", F, None)], axes=[0, -1])
    yield "min", node_model("Min", [tensor("a", F, [3])], [tensor("y", F, None)])
    yield "mod", binary("Mod", a=(4,), b=(4,), elem=TensorProto.INT32)
    yield "mod_fmod_int", node_model(
        "Mod", [tensor("a", I64, [4]), tensor("b", I64, [1])],
        [tensor("c", I64, None)], fmod=1)
    yield "mod_fmod_float", node_model(
        "Mod", [tensor("a", F, [4]), tensor("b", F, [4])],
        [tensor("c", F, None)], fmod=1)
    yield "nll_mean_weighted_ignore", node_model(
        "NegativeLogLikelihoodLoss", [tensor("x", F, [3, 5]),
                                      tensor("t", I64, [3])],
        [tensor("loss", F, None)], [const("w", np.ones(5, np.float32))],
        ignore_index=-1)
    yield "nll_none", node_model(
        "NegativeLogLikelihoodLoss", [tensor("x", F, [3, 5, 2]),
                                      tensor("t", I64, [3, 2])],
        [tensor("loss", F, None)], reduction="none")
    yield "non_zero", node_model("NonZero", [tensor("x", F, [2, 3])],
                                 [tensor("y", I64, None)])
    yield "pad", node_model(
        "Pad", [tensor("x", F, [2, 3])], [tensor("y", F, None)],
        [const("pads", np.array([0, 1, 1, 2], np.int64)),
         const("v", np.array(1.5, np.float32))])
    yield "pad_runtime", node_model(
        "Pad", [tensor("x", F, [2, 3]), tensor("pads", I64, [4]),
                tensor("v", F, [])], [tensor("y", F, [4, 5])])
    yield "pad_runtime_value_edge", model(
        [helper.make_node("Pad", ["x", "pads", "v"], ["y"], name="n",
                          mode="edge")],
        [tensor("x", F, [2, 3]), tensor("v", F, [])], [tensor("y", F, None)],
        [const("pads", np.array([0, 1, 1, 2], np.int64))])
    yield "pad_reflect_opset2", model(
        [helper.make_node("Pad", ["x"], ["y"], name="n", mode="reflect",
                          pads=[1, 0, 1, 0])],
        [tensor("x", F, [3, 2])], [tensor("y", F, None)], opset=7)
    yield "pow", binary("Pow", a=(3,), b=(3,))
    yield "prelu_opset6_per_channel", model(
        [helper.make_node("PRelu", ["x", "slope"], ["y"], name="n")],
        [tensor("x", F, [1, 3, 2, 2]), tensor("slope", F, [3])],
        [tensor("y", F, None)], opset=6)
    yield "multinomial", node_model(
        "Multinomial", [tensor("x", F, [3, 10])],
        [tensor("y", TensorProto.INT32, None)])
    yield "multinomial_int64", node_model(
        "Multinomial", [tensor("x", TensorProto.FLOAT16, [3, 10])],
        [tensor("y", I64, None)], sample_size=5, dtype=I64, seed=1.0)
    yield "multinomial_float_dtype", node_model(
        "Multinomial", [tensor("x", F, [3, 10])], [tensor("y", F, None)],
        dtype=F)
    yield "multinomial_rank_3", node_model(
        "Multinomial", [tensor("x", F, [2, 3, 4])],
        [tensor("y", TensorProto.INT32, None)])


def q_to_z_models():
    for op in ["Reciprocal", "Relu", "Round", "Sigmoid", "Sign", "Sin", "Sinh",
               "Softplus", "Softsign", "Sqrt", "Tan", "Tanh"]:
        yield "unary_" + op, unary(op)
    yield "sub", binary("Sub")
    yield "xor", binary("Xor", elem=TensorProto.BOOL)
    yield "qlinear_conv_per_channel", model(
        [helper.make_node("QLinearConv",
                          ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"],
                          ["y"], name="n", pads=[1, 1, 1, 1])],
        [tensor("x", TensorProto.UINT8, [1, 2, 4, 4])],
        [tensor("y", TensorProto.UINT8, None)],
        [const("xs", np.array(0.5, np.float32)), const("xz", np.array(128, np.uint8)),
         const("w", np.ones((3, 2, 3, 3), np.int8)),
         const("ws", np.array([0.1, 0.2, 0.4], np.float32)),
         const("wz", np.zeros(3, np.int8)),
         const("ys", np.array(0.25, np.float32)), const("yz", np.array(3, np.uint8)),
         const("b", np.array([1, 2, 3], np.int32))])
    yield "qlinear_matmul", model(
        [helper.make_node("QLinearMatMul",
                          ["a", "as", "az", "b", "bs", "bz", "ys", "yz"],
                          ["y"], name="n")],
        [tensor("a", TensorProto.UINT8, [2, 4])],
        [tensor("y", TensorProto.UINT8, None)],
        [const("as", np.array(0.5, np.float32)), const("az", np.array(10, np.uint8)),
         const("b", np.full((4, 3), 2, np.uint8)),
         const("bs", np.array(0.125, np.float32)), const("bz", np.array(1, np.uint8)),
         const("ys", np.array(2.0, np.float32)), const("yz", np.array(0, np.uint8))])
    yield "qlinear_conv_runtime_scales", model(
        [helper.make_node("QLinearConv",
                          ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz"],
                          ["y"], name="n")],
        [tensor("x", TensorProto.UINT8, [1, 2, 3, 3]), tensor("xs", F, []),
         tensor("ws", F, [3]), tensor("ys", F, [])],
        [tensor("y", TensorProto.UINT8, None)],
        [const("xz", np.array(128, np.uint8)),
         const("w", np.ones((3, 2, 2, 2), np.int8)),
         const("wz", np.zeros(3, np.int8)),
         const("yz", np.array(3, np.uint8))])
    yield "quantize_runtime", node_model(
        "QuantizeLinear", [tensor("x", F, [2, 3]), tensor("s", F, []),
                           tensor("zp", TensorProto.INT8, [])],
        [tensor("y", TensorProto.INT8, None)])
    yield "quantize_default_uint8", node_model(
        "QuantizeLinear", [tensor("x", F, [2, 3])],
        [tensor("y", TensorProto.UINT8, None)],
        [const("s", np.array(0.1, np.float32))])
    yield "quantize_per_axis_int8", node_model(
        "QuantizeLinear", [tensor("x", F, [2, 3])],
        [tensor("y", TensorProto.INT8, None)],
        [const("s", np.array([0.1, 0.2], np.float32)),
         const("zp", np.array([0, -1], np.int8))], axis=0)
    yield "qdq_pair", model(
        [helper.make_node("QuantizeLinear", ["x", "s", "zp"], ["q"], name="q"),
         helper.make_node("DequantizeLinear", ["q", "s", "zp"], ["y"], name="dq")],
        [tensor("x", F, [4])], [tensor("y", F, None)],
        [const("s", np.array(0.05, np.float32)),
         const("zp", np.array(10, np.uint8))])
    yield "range", node_model(
        "Range", [], [tensor("y", F, None)],
        [const("start", np.array(1.0, np.float32)),
         const("limit", np.array(2.0, np.float32)),
         const("delta", np.array(0.25, np.float32))])
    yield "reduce_sum_opset13", node_model(
        "ReduceSum", [tensor("x", F, [2, 3, 4])], [tensor("y", F, None)],
        [const("axes", np.array([-1, 0], np.int64))], keepdims=0)
    yield "reduce_mean_opset17", node_model(
        "ReduceMean", [tensor("x", F, [2, 3, 4])], [tensor("y", F, None)],
        axes=[1])
    yield "reduce_sum_runtime_axes", node_model(
        "ReduceSum", [tensor("x", F, [2, 3, 4]), tensor("axes", I64, [1])],
        [tensor("y", F, [2, 1, 4])])
    yield "reduce_sum_runtime_axes_undeclared", node_model(
        "ReduceSum", [tensor("x", F, [2, 3, 4]), tensor("axes", I64, [2])],
        [tensor("y", F, None)], keepdims=0)
    yield "reduce_max_all", node_model(
        "ReduceMax", [tensor("x", F, [2, 3])], [tensor("y", F, None)])
    yield "reshape_runtime", node_model(
        "Reshape", [tensor("x", F, [2, 3, 4]), tensor("shape", I64, [2])],
        [tensor("y", F, None)], allowzero=1)
    yield "resize_scales", node_model(
        "Resize", [tensor("x", F, [1, 1, 2, 3])], [tensor("y", F, None)],
        [const("roi", np.array([], np.float32)),
         const("scales", np.array([1, 1, 2, 1.5], np.float32))],
        mode="linear", coordinate_transformation_mode="align_corners")
    yield "resize_crop_scales", node_model(
        "Resize", [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)],
        [const("roi", np.array([0, 0, 0.25, 0, 1, 1, 0.75, 1], np.float32)),
         const("scales", np.array([1, 1, 2, 1.5], np.float32))],
        mode="linear", coordinate_transformation_mode="tf_crop_and_resize",
        extrapolation_value=2.0)
    yield "resize_tf_half_pixel_for_nn", model(
        [helper.make_node("Resize", ["x", "", "", "sizes"], ["y"], name="n",
                          coordinate_transformation_mode="tf_half_pixel_for_nn")],
        [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)],
        [const("sizes", np.array([1, 1, 3, 2], np.int64))])
    yield "resize_runtime_scales", model(
        [helper.make_node("Resize", ["x", "", "scales"], ["y"], name="n",
                          mode="cubic")],
        [tensor("x", F, [1, 1, 4, 4]), tensor("scales", F, [4])],
        [tensor("y", F, None)])
    yield "resize_sizes", model(
        [helper.make_node("Resize", ["x", "", "", "sizes"], ["y"], name="n",
                          nearest_mode="ceil")],
        [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)],
        [const("sizes", np.array([1, 1, 3, 2], np.int64))])
    yield "reshape", node_model(
        "Reshape", [tensor("x", F, [2, 3, 4])], [tensor("y", F, None)],
        [const("shape", np.array([0, -1], np.int64))])
    yield "reverse_sequence", node_model(
        "ReverseSequence", [tensor("x", F, [3, 5, 2]), tensor("lens", I64, [3])],
        [tensor("y", F, None)], batch_axis=0, time_axis=1)
    yield "scatter_elements", node_model(
        "ScatterElements", [tensor("x", F, [3, 3]),
                            tensor("i", I64, [1, 2]), tensor("u", F, [1, 2])],
        [tensor("y", F, None)], axis=1, reduction="add")
    yield "scatter_nd", node_model(
        "ScatterND", [tensor("x", F, [4, 3]), tensor("i", I64, [2, 1]),
                      tensor("u", F, [2, 3])], [tensor("y", F, None)])
    yield "selu", unary("Selu", alpha=2.0)
    yield "shape_slice", node_model("Shape", [tensor("x", F, [2, 3, 4])],
                                    [tensor("y", I64, None)], start=1)
    yield "shrink", unary("Shrink", lambd=1.5)
    yield "size", node_model("Size", [tensor("x", F, [2, 3])],
                             [tensor("y", I64, None)])
    yield "slice_runtime_default_axes", node_model(
        "Slice", [tensor("x", F, [5, 4]), tensor("starts", TensorProto.INT32, [2]),
                  tensor("ends", TensorProto.INT32, [2])],
        [tensor("y", F, [2, "n"])])
    yield "slice_negative_step", node_model(
        "Slice", [tensor("x", F, [5, 4])], [tensor("y", F, None)],
        [const("starts", np.array([-1], np.int64)),
         const("ends", np.array([-100], np.int64)),
         const("axes", np.array([0], np.int64)),
         const("steps", np.array([-2], np.int64))])
    yield "softmax", unary("Softmax")
    yield "softmax_cross_entropy", node_model(
        "SoftmaxCrossEntropyLoss", [tensor("x", F, [2, 3]),
                                    tensor("t", TensorProto.INT32, [2])],
        [tensor("loss", F, None), tensor("log_prob", F, None)],
        reduction="sum")
    yield "space_to_depth", node_model(
        "SpaceToDepth", [tensor("x", F, [1, 2, 4, 4])], [tensor("y", F, None)],
        blocksize=2)
    yield "split_opset18_uneven", model(
        [helper.make_node("Split", ["x"], ["a", "b", "c"], name="n", axis=1,
                          num_outputs=3)],
        [tensor("x", F, [2, 7])],
        [tensor("a", F, None), tensor("b", F, None), tensor("c", F, None)],
        opset=18)
    yield "split_sizes", node_model(
        "Split", [tensor("x", F, [6])], [tensor("a", F, None),
                                         tensor("b", F, None)],
        [const("split", np.array([2, 4], np.int64))])
    yield "split_runtime_sizes", node_model(
        "Split", [tensor("x", F, [2, 6]), tensor("split", I64, [2])],
        [tensor("a", F, None), tensor("b", F, None)], axis=1)
    yield "squeeze_all", node_model("Squeeze", [tensor("x", F, [1, 3, 1])],
                                    [tensor("y", F, None)])
    yield "squeeze_runtime_axes", node_model(
        "Squeeze", [tensor("x", F, [1, 3, 1]), tensor("axes", I64, [1])],
        [tensor("y", F, [3, 1])])
    yield "unique_axis", node_model(
        "Unique", [tensor("x", F, [4, 2])],
        [tensor("y", F, [3, 2]), tensor("first", I64, [3]),
         tensor("inverse", I64, [4]), tensor("counts", I64, [3])],
        axis=0, sorted=0)
    yield "unique_counts_undeclared", model(
        [helper.make_node("Unique", ["x"], ["y", "", "", "counts"], name="n")],
        [tensor("x", TensorProto.INT32, [6])],
        [tensor("y", TensorProto.INT32, None), tensor("counts", I64, None)])
    yield "unsqueeze_opset11", model(
        [helper.make_node("Unsqueeze", ["x"], ["y"], name="n", axes=[0, -1])],
        [tensor("x", F, [3])], [tensor("y", F, None)], opset=11)
    yield "sum", node_model("Sum", [tensor("a", F, [3]), tensor("b", F, [3])],
                            [tensor("y", F, None)])
    yield "thresholded_relu", unary("ThresholdedRelu", alpha=0.5)
    yield "tile", node_model("Tile", [tensor("x", F, [2, 3])],
                             [tensor("y", F, None)],
                             [const("r", np.array([2, 1], np.int64))])
    yield "tile_runtime", node_model(
        "Tile", [tensor("x", F, [2, 3]), tensor("r", I64, [2])],
        [tensor("y", F, [4, 3])])
    yield "topk", node_model(
        "TopK", [tensor("x", F, [3, 5])], [tensor("v", F, None),
                                           tensor("i", I64, None)],
        [const("k", np.array([2], np.int64))], largest=0)
    yield "topk_runtime_k", node_model(
        "TopK", [tensor("x", F, [3, 5]), tensor("k", I64, [1])],
        [tensor("v", F, None), tensor("i", I64, None)])
    yield "transpose_default", node_model("Transpose", [tensor("x", F, [2, 3, 4])],
                                          [tensor("y", F, None)])
    yield "trilu", node_model("Trilu", [tensor("x", F, [3, 3])],
                              [tensor("y", F, None)],
                              [const("k", np.array(-1, np.int64))], upper=0)
    yield "trilu_runtime_k", node_model(
        "Trilu", [tensor("x", F, [2, 3]), tensor("k", I64, [])],
        [tensor("y", F, None)])
    yield "upsample", model(
        [helper.make_node("Upsample", ["x"], ["y"], name="n",
                          scales=[1.0, 1.0, 2.0, 2.0])],
        [tensor("x", F, [1, 1, 2, 2])], [tensor("y", F, None)], opset=7)
    yield "where", node_model(
        "Where", [tensor("c", TensorProto.BOOL, [2, 1]), tensor("a", F, [3]),
                  tensor("b", F, [2, 3])], [tensor("y", F, None)])
    yield "random_normal", model(
        [helper.make_node("RandomNormal", [], ["y"], name="n", shape=[2, 3],
                          mean=1.0, scale=2.0, seed=7.0,
                          dtype=TensorProto.DOUBLE)],
        [], [tensor("y", TensorProto.DOUBLE, None)])
    yield "random_normal_int_dtype", model(
        [helper.make_node("RandomNormal", [], ["y"], name="n", shape=[2],
                          dtype=TensorProto.INT32)],
        [], [tensor("y", TensorProto.INT32, None)])
    yield "random_normal_like", node_model(
        "RandomNormalLike", [tensor("x", TensorProto.INT32, [2, 3])],
        [tensor("y", TensorProto.FLOAT16, None)], dtype=TensorProto.FLOAT16)
    yield "random_normal_without_shape", model(
        [helper.make_node("RandomNormal", [], ["y"], name="n")],
        [], [tensor("y", F, None)])
    yield "random_uniform", model(
        [helper.make_node("RandomUniform", [], ["y"], name="n", shape=[4],
                          low=-1.0, high=1.0)],
        [], [tensor("y", F, None)])
    yield "random_uniform_negative_shape", model(
        [helper.make_node("RandomUniform", [], ["y"], name="n",
                          shape=[2, -1])],
        [], [tensor("y", F, None)])
    yield "random_uniform_like_dynamic", node_model(
        "RandomUniformLike", [tensor("x", F, ["n", 4])],
        [tensor("y", F, None)], seed=0.0)
    yield "random_uniform_like_integer_input", node_model(
        "RandomUniformLike", [tensor("x", I64, [2])], [tensor("y", I64, None)])


def signal_node(op, inputs, outputs, initializers=(), opset=17, **attrs):
    """One node `op` whose inputs keep their order: `inputs` lists graph
    inputs (value infos), initializer names, and "" for omitted ones."""
    init_names = {t.name for t in initializers}
    names = [i if isinstance(i, str) else i.name for i in inputs]
    graph_inputs = [i for i in inputs
                    if not isinstance(i, str) and i.name not in init_names]
    return model([helper.make_node(op, names, [o.name for o in outputs],
                                   name="n", **attrs)],
                 graph_inputs, outputs, initializers, opset)


def signal_models():
    i64 = lambda name, value: const(name, np.array(value, np.int64))
    real = tensor("x", F, [1, 10, 10, 1])
    y = tensor("y", F, None)
    yield "dft_default_axis", signal_node("DFT", [real], [y])
    yield "dft_negative_axis", signal_node("DFT", [real], [y], axis=-2)
    yield "dft_inverse", signal_node(
        "DFT", [tensor("x", F, [1, 10, 10, 2])], [y], inverse=1)
    yield "dft_onesided", signal_node("DFT", [real], [y], onesided=1)
    yield "dft_length", signal_node(
        "DFT", [real, "n"], [y], [i64("n", 16)], onesided=1)
    yield "dft_runtime_length", signal_node(
        "DFT", [real, tensor("n", I64, [])], [y])
    yield "dft_opset20_default_axis", signal_node("DFT", [real], [y], opset=20)
    yield "dft_opset20_axis", signal_node(
        "DFT", [real, "n", "axis"], [y], [i64("n", 4), i64("axis", 1)],
        opset=20)
    yield "dft_opset20_irfft", signal_node(
        "DFT", [tensor("x", F, [2, 6, 2]), "", "axis"], [y],
        [i64("axis", -2)], opset=20, inverse=1, onesided=1)
    signal = tensor("signal", F, [1, 128, 1])
    out = tensor("out", F, None)
    yield "stft_window", signal_node(
        "STFT", [signal, "step", tensor("window", F, [16])], [out],
        [i64("step", 8)])
    yield "stft_frame_length", signal_node(
        "STFT", [signal, "step", "", "length"], [out],
        [i64("step", 8), i64("length", 16)], onesided=0)
    yield "stft_runtime", signal_node(
        "STFT", [signal, tensor("step", I64, []), "",
                 tensor("length", I64, [])], [out])
    size = const("size", np.array(10, np.int32))
    yield "hann_window", signal_node("HannWindow", ["size"], [y], [size])
    yield "hann_window_symmetric", signal_node(
        "HannWindow", ["size"], [y], [size], periodic=0)
    yield "hamming_window_double", signal_node(
        "HammingWindow", ["size"], [y], [size],
        output_datatype=TensorProto.DOUBLE)
    yield "blackman_window_runtime", signal_node(
        "BlackmanWindow", [tensor("size", TensorProto.INT32, [])], [y],
        periodic=0, output_datatype=TensorProto.UINT8)
    yield "window_bool", signal_node(
        "HannWindow", ["size"], [y], [size], output_datatype=TensorProto.BOOL)
    yield "window_negative_size", signal_node(
        "HannWindow", ["size"], [y], [i64("size", -1)])
    yield "dft_opset20_runtime_axis", signal_node(
        "DFT", [real, "", tensor("axis", I64, [])], [y], opset=20)
    mel_edges = [const("low", np.array(0.0, np.float32)),
                 const("high", np.array(4000.0, np.float32))]
    yield "mel_weight_matrix", signal_node(
        "MelWeightMatrix", ["bins", "length", "rate", "low", "high"], [out],
        [i64("bins", 8), i64("length", 16), i64("rate", 8000)] + mel_edges)
    yield "mel_weight_matrix_runtime", signal_node(
        "MelWeightMatrix",
        [tensor("bins", I64, []), tensor("length", I64, []),
         tensor("rate", I64, []), tensor("low", F, []),
         tensor("high", F, [])], [out],
        output_datatype=TensorProto.FLOAT16)


MS = "com.microsoft"


def ms_model(op, inputs, outputs, initializers=(), **attrs):
    init_names = {t.name for t in initializers}
    names = [i if isinstance(i, str) else i.name for i in inputs]
    node = helper.make_node(op, names, [o.name for o in outputs], name="n",
                            domain=MS, **attrs)
    graph_inputs = [i for i in inputs
                    if not isinstance(i, str) and i.name not in init_names]
    return model([node], graph_inputs, outputs, initializers,
                 extra_opsets=[(MS, 1)])


def quant_params(prefix, scale, zero_point, dtype=np.uint8):
    return [const(prefix + "s", np.array(scale, np.float32)),
            const(prefix + "z", np.array(zero_point, dtype))]


def microsoft_models():
    yield "QGemm", ms_model(
        "QGemm", [tensor("a", U8, [2, 3]), "as", "az", "b", "bs", "bz", "c",
                  "ys", "yz"], [tensor("y", U8, None)],
        quant_params("a", 0.5, 128) +
        [const("b", np.ones((4, 3), np.int8)),
         const("bs", np.array([0.1, 0.2, 0.3, 0.4], np.float32)),
         const("bz", np.zeros(4, np.int8)),
         const("c", np.array([1, 2, 3, 4], np.int32))] +
        quant_params("y", 0.25, 3), transB=1, alpha=2.0)
    yield "QGemm_float_result", ms_model(
        "QGemm", [tensor("a", U8, [2, 3]), "as", "az", "b", "bs", "bz", "c"],
        [tensor("y", F, None)],
        quant_params("a", 0.5, 128) +
        [const("b", np.ones((3, 4), np.int8)),
         const("bs", np.array(0.125, np.float32)),
         const("bz", np.array(0, np.int8)),
         const("c", np.array([1, 2, 3, 4], np.int32))])
    yield "DynamicQuantizeMatMul", ms_model(
        "DynamicQuantizeMatMul", [tensor("a", F, [2, 3]), "b", "bs", "bz",
                                  "bias"], [tensor("y", F, None)],
        [const("b", np.ones((3, 4), np.int8)),
         const("bs", np.array([0.1, 0.2, 0.3, 0.4], np.float32)),
         const("bz", np.zeros(4, np.int8)),
         const("bias", np.zeros(4, np.float32))])
    a = tensor("a", U8, [2, 3])
    b = tensor("b", U8, [3])
    for op in ["QLinearAdd", "QLinearMul"]:
        yield op, ms_model(
            op, [a, "as", "az", b, "bs", "bz", "cs", "cz"],
            [tensor("c", U8, None)],
            quant_params("a", 0.5, 128) + quant_params("b", 0.25, 0) +
            quant_params("c", 1.0, 10))
    x = tensor("x", U8, [1, 2, 3, 3])
    yield "QLinearSigmoid", ms_model(
        "QLinearSigmoid", [x, "xs", "xz", "ys", "yz"], [tensor("y", U8, None)],
        quant_params("x", 0.1, 128) + quant_params("y", 1 / 256, 0))
    yield "QLinearLeakyRelu", ms_model(
        "QLinearLeakyRelu", [x, "xs", "xz", "ys", "yz"], [tensor("y", U8, None)],
        quant_params("x", 0.1, 128) + quant_params("y", 0.1, 100), alpha=0.2)
    yield "QLinearGlobalAveragePool", ms_model(
        "QLinearGlobalAveragePool", [x, "xs", "xz", "ys", "yz"],
        [tensor("y", U8, None)],
        quant_params("x", 0.1, 128) + quant_params("y", 0.05, 128))
    yield "QLinearConcat", ms_model(
        "QLinearConcat",
        ["ys", "yz", tensor("p", U8, [2, 2]), "ps", "pz",
         tensor("q", U8, [2, 3]), "qs", "qz"],
        [tensor("y", U8, None)],
        quant_params("y", 0.5, 0) + quant_params("p", 0.5, 0) +
        quant_params("q", 0.25, 4), axis=1)
    # N = 2 outputs, K = 32, block_size = 16: two blocks per column.
    weight = np.arange(2 * 2 * 8, dtype=np.uint8).reshape(2, 2, 8)
    yield "MatMulNBits", ms_model(
        "MatMulNBits", [tensor("x", F, [1, 32]), "w", "scales", "zp"],
        [tensor("y", F, None)],
        [const("w", weight),
         const("scales", np.array([1.0, 0.5, 0.25, 2.0], np.float32)),
         const("zp", np.array([0x98, 0x7F], np.uint8))],
        K=32, N=2, bits=4, block_size=16)


# --- Float 8 (FloatQuantization.cpp) -----------------------------------------

E4M3 = 17  # TensorProto.FLOAT8E4M3FN, newer than onnx 1.12's enum
E5M2 = 19  # TensorProto.FLOAT8E5M2


def float8_models():
    x = tensor("x", F, [2, 3])
    yield "cast_float8", node_model("Cast", [x], [tensor("y", E4M3, None)],
                                    opset=19, to=E4M3)
    yield "cast_float8_no_saturate", node_model(
        "Cast", [x], [tensor("y", E5M2, None)], opset=19, to=E5M2, saturate=0)
    yield "cast_int_to_float8", node_model(
        "Cast", [tensor("x", TensorProto.INT32, [4])],
        [tensor("y", E4M3, None)], opset=19, to=E4M3)
    yield "cast_like_float8", node_model(
        "CastLike", [x, tensor("like", E5M2, [1])], [tensor("y", E5M2, None)],
        opset=19)
    yield "quantize_float8", node_model(
        "QuantizeLinear", [x], [tensor("y", E4M3, None)],
        [const("s", np.array(0.5, np.float32)),
         raw_tensor("zp", E4M3, [], bytes([0]))], opset=19)
    yield "quantize_float8_zero_point", node_model(
        "QuantizeLinear", [x], [tensor("y", E4M3, None)],
        [const("s", np.array([0.5, 0.25], np.float32)),
         raw_tensor("zp", E4M3, [2], bytes([0x38, 0]))], opset=19, axis=0)
    yield "quantize_float8_output_dtype", node_model(
        "QuantizeLinear", [x], [tensor("y", E5M2, None)],
        [const("s", np.array(0.5, np.float32))], opset=21, output_dtype=E5M2,
        saturate=0)
    # 1 KiB of weights: a dense_resource blob of float 8 elements.
    yield "dequantize_float8_weight", node_model(
        "DequantizeLinear", [], [tensor("y", F, None)],
        [raw_tensor("w", E4M3, [16, 64], bytes(range(256)) * 4),
         const("s", np.linspace(0.5, 1.0, 64).astype(np.float32))],
        opset=19, axis=1)
    yield "dequantize_float8_runtime", node_model(
        "DequantizeLinear", [tensor("x", E5M2, [2, 3]), tensor("s", F, [])],
        [tensor("y", F, None)], opset=19)
    yield "quantize_float8_blocked", node_model(
        "QuantizeLinear", [tensor("x", F, [2, 4])], [tensor("y", E4M3, None)],
        [const("s", np.ones((2, 2), np.float32))], opset=21, axis=1,
        block_size=2, output_dtype=E4M3)
    yield "quantize_float8_integer_input", node_model(
        "QuantizeLinear", [tensor("x", TensorProto.INT32, [4])],
        [tensor("y", E4M3, None)],
        [const("s", np.array(1, np.float32)),
         raw_tensor("zp", E4M3, [], bytes([0]))], opset=19)


# --- Kiln's domain (KilnDomain.cpp) --------------------------------------------

KILN = "ai.kiln"


def kiln_model(inputs, outputs, initializers=(), **attrs):
    """One ai.kiln DequantizeMX node "n" reading `inputs` (graph inputs or
    initializer names) in order."""
    init_names = {t.name for t in initializers}
    names = [i if isinstance(i, str) else i.name for i in inputs]
    node = helper.make_node("DequantizeMX", names, [o.name for o in outputs],
                            name="n", domain=KILN, **attrs)
    graph_inputs = [i for i in inputs
                    if not isinstance(i, str) and i.name not in init_names]
    return model([node], graph_inputs, outputs, initializers, opset=21,
                 extra_opsets=[(KILN, 1)])


def kiln_models():
    y = [tensor("y", F, None)]
    fp4_codes = (np.arange(2 * 64) % 16).astype(np.uint8).reshape(2, 64)
    fp4_scales = np.array([[127, 0], [254, 255]], np.uint8)
    fp4 = [const("codes", fp4_codes), const("scales", fp4_scales)]
    yield "DequantizeMX", kiln_model(["codes", "scales"], y, fp4,
                                     element_format="fp4_e2m1", axis=1)
    yield "DequantizeMX_negative_axis", kiln_model(
        ["codes", "scales"], y, fp4, element_format="fp4_e2m1", axis=-1)
    # 2 KiB of int8 codes: a dense_resource blob; blocks of 16 along axis 0.
    yield "DequantizeMX_int8_weight", kiln_model(
        ["codes", "scales"], y,
        [const("codes", (np.arange(32 * 64) % 256).astype(np.uint8)
               .reshape(32, 64)),
         const("scales", np.full((2, 64), 120, np.uint8))],
        element_format="int8", axis=0, block_size=16)
    yield "DequantizeMX_unknown_format", kiln_model(
        ["codes", "scales"], y, fp4, element_format="fp16", axis=1)
    yield "DequantizeMX_code_too_wide", kiln_model(
        ["codes", "scales"], y,
        [const("codes", fp4_codes + 1), const("scales", fp4_scales)],
        element_format="fp4_e2m1", axis=1)
    yield "DequantizeMX_scale_shape", kiln_model(
        ["codes", "scales"], y,
        [const("codes", fp4_codes), const("scales", np.zeros((2, 3), np.uint8))],
        element_format="fp4_e2m1", axis=1)
    yield "DequantizeMX_runtime_codes", kiln_model(
        [tensor("codes", U8, [2, 64]), "scales"], y,
        [const("scales", fp4_scales)], element_format="fp4_e2m1", axis=1)
    yield "DequantizeMX_int8_codes", kiln_model(
        ["codes", "scales"], y,
        [const("codes", fp4_codes.astype(np.int8)), const("scales", fp4_scales)],
        element_format="fp4_e2m1", axis=1)
    yield "DequantizeMX_block_size", kiln_model(
        ["codes", "scales"], y, fp4, element_format="fp4_e2m1", axis=1,
        block_size=24)
    yield "DequantizeMX_missing_axis", kiln_model(
        ["codes", "scales"], y, fp4, element_format="fp4_e2m1")


# --- Recurrent layers (DefaultDomainRecurrent.cpp) -----------------------------

I32 = TensorProto.INT32
RECURRENT_GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}


def recurrent(op, outputs, seq=5, batch=2, inputs=3, hidden=4, directions=1,
              optional=(), opset=17, batch_major=False, **attrs):
    """One recurrent node over graph inputs X, W, R and the `optional` ones
    (B, sequence_lens, initial_h, initial_c, P) at their ONNX positions;
    outputs named "" are omitted."""
    gates = RECURRENT_GATES[op]
    state = [batch, directions, hidden] if batch_major else [directions, batch, hidden]
    shapes = {
        "X": (F, [batch, seq, inputs] if batch_major else [seq, batch, inputs]),
        "W": (F, [directions, gates * hidden, inputs]),
        "R": (F, [directions, gates * hidden, hidden]),
        "B": (F, [directions, 2 * gates * hidden]),
        "sequence_lens": (I32, [batch]),
        "initial_h": (F, state),
        "initial_c": (F, state),
        "P": (F, [directions, 3 * hidden]),
    }
    order = list(shapes)
    used = ["X", "W", "R"] + list(optional)
    last = max(order.index(name) for name in used)
    names = [name if name in used else "" for name in order[:last + 1]]
    if batch_major:
        attrs["layout"] = 1
    node = helper.make_node(op, names, outputs, name="n", hidden_size=hidden,
                            **attrs)
    return model([node], [tensor(name, *shapes[name]) for name in used],
                 [tensor(name, F, None) for name in outputs if name],
                 opset=opset)


def recurrent_models():
    yield "rnn_defaults", recurrent("RNN", ["Y", "Y_h"])
    yield "gru_defaults_opset7", recurrent("GRU", ["", "Y_h"], opset=7)
    yield "lstm_defaults", recurrent("LSTM", ["Y", "Y_h", "Y_c"])
    yield "rnn_bidirectional", recurrent("RNN", ["Y", "Y_h"], directions=2,
                                         direction="bidirectional")
    yield "gru_optional_inputs", recurrent(
        "GRU", ["Y", "Y_h"], directions=2,
        optional=["B", "sequence_lens", "initial_h"],
        direction="bidirectional", linear_before_reset=1)
    yield "lstm_peepholes", recurrent(
        "LSTM", ["Y", "Y_h", "Y_c"],
        optional=["B", "sequence_lens", "initial_h", "initial_c", "P"],
        direction="reverse", input_forget=1, clip=2.5)
    yield "lstm_layout", recurrent(
        "LSTM", ["Y", "", "Y_c"], batch_major=True, opset=14,
        optional=["initial_h", "initial_c"])
    # ONNX hands the parameters to the functions that take them, in order.
    yield "lstm_activation_parameters", recurrent(
        "LSTM", ["", "Y_h"], activations=["HardSigmoid", "tanh", "LeakyRelu"],
        activation_alpha=[0.25, 0.125], activation_beta=[0.75])
    yield "rnn_unknown_activation", recurrent("RNN", ["Y"],
                                              activations=["Swish"])
    yield "gru_activation_count", recurrent(
        "GRU", ["Y"], directions=2, direction="bidirectional",
        activations=["Sigmoid", "Tanh"])
    yield "rnn_unknown_direction", recurrent("RNN", ["Y"],
                                             direction="sideways")
    yield "rnn_bad_layout", recurrent("RNN", ["Y"], layout=2)


# --- lib/Import/ONNX/DefaultDomainVision.cpp, and MaxPool's indices ---------


def vision_models():
    def grid_sample(name, x, grid, opset=16, **attrs):
        return name, node_model(
            "GridSample", [tensor("x", F, x), tensor("grid", F, grid)],
            [tensor("y", F, None)], opset=opset, **attrs)

    yield grid_sample("grid_sample", [1, 3, 4, 4], [1, 6, 5, 2])
    yield grid_sample("grid_sample_bicubic_border_align_corners",
                      [1, 3, 4, 4], [1, 6, 5, 2], mode="bicubic",
                      padding_mode="border", align_corners=1)
    yield grid_sample("grid_sample_nearest_reflection", [2, 1, 3, 2],
                      [2, 2, 4, 2], mode="nearest", padding_mode="reflection")
    yield grid_sample("grid_sample_opset20", [1, 2, 3, 2], [1, 2, 4, 2],
                      opset=20)
    yield grid_sample("grid_sample_opset20_cubic_3d", [1, 2, 4, 5, 6],
                      [1, 3, 3, 3, 3], opset=20, mode="cubic")
    yield grid_sample("grid_sample_opset16_cubic", [1, 1, 3, 2],
                      [1, 2, 4, 2], mode="cubic")
    yield grid_sample("grid_sample_unknown_padding", [1, 1, 3, 2],
                      [1, 2, 4, 2], padding_mode="mirror")

    def roi_align(name, opset=16, **attrs):
        return name, node_model(
            "RoiAlign", [tensor("x", F, [2, 8, 10, 10]), tensor("rois", F, [3, 4]),
                         tensor("batch", I64, [3])],
            [tensor("y", F, None)], opset=opset, **attrs)

    yield roi_align("roi_align")
    yield roi_align("roi_align_opset10", opset=10, output_height=2,
                    output_width=3, sampling_ratio=2, spatial_scale=0.5)
    yield roi_align("roi_align_max_output_half_pixel", mode="max",
                    coordinate_transformation_mode="output_half_pixel",
                    output_height=7, output_width=7)
    yield roi_align("roi_align_unknown_mode", mode="sum")

    def max_unpool(name, x, output_shape=(), **attrs):
        """output_shape: a graph input or an initializer, or none."""
        is_input = isinstance(output_shape, onnx.ValueInfoProto)
        inputs = [tensor("x", F, x), tensor("i", I64, x)]
        return name, node_model(
            "MaxUnpool", inputs + ([output_shape] if is_input else []),
            [tensor("y", F, None)], [] if is_input else list(output_shape),
            opset=11, **attrs)

    yield max_unpool("max_unpool", [1, 1, 2, 2], kernel_shape=[2, 2],
                     strides=[2, 2])
    yield max_unpool("max_unpool_1d_padded", [2, 3, 4], kernel_shape=[3],
                     strides=[2], pads=[1, 0])
    yield max_unpool("max_unpool_constant_output_shape", [1, 1, 2, 2],
                     [const("shape", np.array([1, 1, 5, 5], np.int64))],
                     kernel_shape=[2, 2], strides=[2, 2])
    yield max_unpool("max_unpool_runtime_output_shape", [1, 1, 2, 2],
                     tensor("shape", I64, [4]), kernel_shape=[2, 2],
                     strides=[2, 2])
    yield max_unpool("max_unpool_small_output_shape", [1, 1, 2, 2],
                     [const("shape", np.array([1, 1, 3, 5], np.int64))],
                     kernel_shape=[2, 2], strides=[2, 2])

    boxes = tensor("boxes", F, [2, 6, 4])
    scores = tensor("scores", F, [2, 3, 6])
    yield "non_max_suppression", node_model(
        "NonMaxSuppression",
        [boxes, scores, tensor("max", I64, [1]), tensor("iou", F, [1]),
         tensor("min", F, [1])],
        [tensor("selected", I64, None)], opset=11)
    yield "non_max_suppression_opset10_center_constant_max", node_model(
        "NonMaxSuppression", [boxes, scores], [tensor("selected", I64, None)],
        [const("max", np.array(2, np.int64))], opset=10, center_point_box=1)
    yield "non_max_suppression_score_threshold_only", model(
        [helper.make_node("NonMaxSuppression",
                          ["boxes", "scores", "max", "", "min"], ["selected"],
                          name="n")],
        [boxes, scores, tensor("max", I64, [1]), tensor("min", F, [1])],
        [tensor("selected", I64, None)], opset=11)
    yield "non_max_suppression_no_maximum", node_model(
        "NonMaxSuppression", [boxes, scores], [tensor("selected", I64, None)],
        opset=11)
    yield "non_max_suppression_bad_box_format", node_model(
        "NonMaxSuppression", [boxes, scores], [tensor("selected", I64, None)],
        opset=11, center_point_box=2)

    def max_pool(name, x, opset=12, **attrs):
        return name, node_model(
            "MaxPool", [tensor("x", F, x)],
            [tensor("y", F, None), tensor("indices", I64, None)],
            opset=opset, **attrs)

    yield max_pool("max_pool_indices", [1, 1, 5, 5], kernel_shape=[5, 5],
                   pads=[2, 2, 2, 2])
    yield max_pool("max_pool_indices_column_major_3d", [1, 2, 4, 4, 4],
                   kernel_shape=[2, 2, 2], strides=[2, 2, 2], storage_order=1)
    yield max_pool("max_pool_indices_opset8", [1, 1, 5, 5], opset=8,
                   kernel_shape=[2, 2], strides=[2, 2])
    yield max_pool("max_pool_indices_bad_storage_order", [1, 1, 4, 4],
                   kernel_shape=[2, 2], storage_order=2)
    yield "max_pool_column_major_without_indices", node_model(
        "MaxPool", [tensor("x", F, [1, 1, 4, 4])], [tensor("y", F, None)],
        kernel_shape=[2, 2], storage_order=1)


def sequence_models():
    x, y, z = (tensor(n, F, [2, 3]) for n in "xyz")
    pos = tensor("pos", TensorProto.INT64, [])
    out = tensor("out", F, None)
    node = lambda op, ins, outs, **attrs: helper.make_node(
        op, ins, outs, name=op.lower(), **attrs)
    construct = node("SequenceConstruct", ["x", "y", "z"], ["s"])
    yield "sequence_at_constant", model(
        [construct, node("SequenceAt", ["s", "p"], ["out"])],
        [x, y, z], [out], [const("p", np.array(-2, np.int64))])
    yield "sequence_insert_at_runtime", model(
        [node("SequenceEmpty", [], ["e"]),
         node("SequenceInsert", ["e", "x"], ["s1"]),
         node("SequenceInsert", ["s1", "y", "pos"], ["s2"]),
         node("SequenceAt", ["s2", "pos"], ["out"])],
        [x, y, pos], [out])
    yield "sequence_erase_at_runtime", model(
        [construct, node("SequenceErase", ["s", "pos"], ["s2"]),
         node("SequenceLength", ["s2"], ["n"]),
         node("SequenceAt", ["s2", "one"], ["out"])],
        [x, y, z, pos], [out, tensor("n", TensorProto.INT64, None)],
        [const("one", np.array(1, np.int64))])
    yield "concat_from_sequence_new_axis", model(
        [construct, node("ConcatFromSequence", ["s"], ["out"], axis=-1,
                         new_axis=1)], [x, y, z], [out])
    yield "split_to_sequence_keepdims", model(
        [node("SplitToSequence", ["x"], ["s"], axis=1, keepdims=0),
         node("SequenceLength", ["s"], ["n"]),
         node("SequenceAt", ["s", "pos"], ["out"])],
        [x, pos], [out, tensor("n", TensorProto.INT64, None)])
    yield "split_to_sequence_chunks", model(
        [node("SplitToSequence", ["x", "two"], ["s"], axis=1),
         node("ConcatFromSequence", ["s"], ["out"], axis=1)],
        [x], [out], [const("two", np.array(2, np.int64))])
    yield "sequence_at_out_of_range", model(
        [construct, node("SequenceAt", ["s", "p"], ["out"])],
        [x, y, z], [out], [const("p", np.array(3, np.int64))])
    yield "sequence_at_runtime_mixed_shapes", model(
        [node("SequenceConstruct", ["x", "w"], ["s"]),
         node("SequenceAt", ["s", "pos"], ["out"])],
        [x, tensor("w", F, [3]), pos], [out])
    yield "sequence_as_tensor", model(
        [construct, node("Relu", ["s"], ["out"])], [x, y, z], [out])
    yield "sequence_graph_output", model(
        [construct], [x, y, z],
        [helper.make_tensor_sequence_value_info("s", F, [2, 3])])


GROUPS = {"basic": basic_models, "errors": error_models,
          "a-to-f": a_to_f_models, "g-to-p": g_to_p_models,
          "q-to-z": q_to_z_models, "recurrent": recurrent_models,
          "signal": signal_models, "microsoft": microsoft_models,
          "sequence": sequence_models, "float8": float8_models,
          "kiln": kiln_models,
          "vision": vision_models}


# Models whose initializers are saved beside them (data_location = EXTERNAL).
EXTERNAL_DATA = {"external_data": "external_data.weights"}


def main():
    out_dir, group = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for name, m in GROUPS[group]():
        path = os.path.join(out_dir, name + ".onnx")
        if name in EXTERNAL_DATA:
            onnx.save(m, path, save_as_external_data=True,
                      all_tensors_to_one_file=True,
                      location=EXTERNAL_DATA[name], size_threshold=0)
        else:
            onnx.save(m, path)


if __name__ == "__main__":
    main()
