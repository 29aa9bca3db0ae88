"""End-to-end tests of the low-bit formats: FP8 casts and QDQ, OCP MX.

Usage: low_bit_formats.py make OUT_DIR      writes OUT_DIR/<case>.onnx
       low_bit_formats.py run MODEL.so CASE  runs a compiled case through
                                             the C ABI, compares with NumPy
                                             (low_bit_reference.py) and
                                             prints "PASS <case>"
Uses numpy and Debian's onnx 1.12 (float 8 tensors are written by number).
"""
import os
import sys

import numpy as np
from onnx import TensorProto, helper, save

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import low_bit_reference as ref  # noqa: E402
from run_model import run  # noqa: E402

F = TensorProto.FLOAT
KILN_DOMAIN = "ai.kiln"
MX_CASES = {  # element format -> weight shape, axis, block size
    "fp4_e2m1": ((64, 24), 0, 32),
    "int8": ((40, 24), 0, 16),
    "fp8_e4m3": ((64, 24), 0, 32),
    "fp8_e5m2": ((24, 64), 1, 32),
    "fp6_e2m3": ((64, 24), 0, 32),
    "fp6_e3m2": ((64, 24), 0, 32),
}


def tensor(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def raw(name, data_type, array):
    t = TensorProto()
    t.name = name
    t.data_type = data_type
    t.dims.extend(array.shape)
    t.raw_data = np.ascontiguousarray(array).tobytes()
    return t


def const(name, array):
    return raw(name, {np.dtype(np.float32): F, np.dtype(np.float16): 10,
                      np.dtype(np.uint8): 2, np.dtype(np.int32): 6}[array.dtype],
               array)


def model(nodes, inputs, outputs, initializers=(), kiln_domain=False):
    graph = helper.make_graph(nodes, "g", inputs, outputs, list(initializers))
    opsets = [helper.make_opsetid("", 21)]
    if kiln_domain:
        opsets.append(helper.make_opsetid(KILN_DOMAIN, 1))
    return helper.make_model(graph, opset_imports=opsets)


# --- Inputs and expected outputs ---------------------------------------------


def round_trip_inputs(fmt):
    """Every value of `fmt`, the midpoints between neighbours (ties), values
    just beside them, values around the overflow threshold, specials and
    random floats over the whole range."""
    codes, values = ref._finite_magnitudes(fmt)
    mids = (values[:-1] + values[1:]) / 2
    largest = values[-1]
    beyond = 2 * largest - values[-2]  # the next value, were there one
    threshold = (largest + beyond) / 2
    edges = np.array([threshold, threshold * (1 - 2**-20),
                      threshold * (1 + 2**-20), beyond, 2 * beyond, 1e30,
                      np.inf, np.nan, values[1] / 2, values[1] / 4,
                      values[1] * 0.75])
    rng = np.random.default_rng(len(fmt))
    random = np.exp2(rng.uniform(np.log2(values[1]) - 3,
                                 np.log2(largest) + 2, 2000))
    positive = np.concatenate([values, mids, np.nextafter(
        mids.astype(np.float32), np.float32(np.inf)), np.nextafter(
        mids.astype(np.float32), np.float32(0)), edges, random])
    x = np.concatenate([positive, -positive]).astype(np.float32)
    return x


def fp8_round_trip(fmt, saturate, x, scale=np.float32(1.0)):
    """QuantizeLinear then DequantizeLinear with a float 8 zero point of 0:
    decode(convert(x / scale)) * scale, computed as the model does (f32)."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        scaled = (x / scale).astype(np.float32)
        return (ref.decode(fmt, ref.encode(fmt, scaled, saturate))
                .astype(np.float32) * scale).astype(np.float32)


def mx_case(element_format):
    """Random codes and scales, with E8M0 edge values 0, 1, 126, 127, 128,
    254 and 255 in the first blocks."""
    shape, axis, block = MX_CASES[element_format]
    rng = np.random.default_rng(sum(map(ord, element_format)))
    bits = 8 if element_format == "int8" else ref.width(
        ref.MX_FORMATS[element_format])
    codes = rng.integers(0, 1 << bits, shape, dtype=np.uint8)
    scale_shape = list(shape)
    scale_shape[axis] = -(-shape[axis] // block)
    scales = rng.integers(100, 150, scale_shape, dtype=np.uint8)
    edges = np.array([0, 1, 126, 127, 128, 254, 255], np.uint8)
    flat = np.moveaxis(scales, axis, 0).reshape(-1)
    flat[:len(edges)] = edges
    scales = np.moveaxis(flat.reshape(np.moveaxis(scales, axis, 0).shape),
                         0, axis).copy()
    return codes, scales, axis, block


def mx_input(element_format):
    shape, _, _ = MX_CASES[element_format]
    rng = np.random.default_rng(1)
    return rng.standard_normal((3, shape[0])).astype(np.float32)


# --- Models --------------------------------------------------------------------


def models():
    for fmt, dtype in ref.ONNX_TYPES.items():
        # Every code, decoded by DequantizeLinear (scale 1) and Cast; four
        # copies make a 1 KiB dense_resource blob, which the graph phase
        # does not fold, so the compiled code decodes them.
        yield f"decode_{fmt}", model(
            [helper.make_node("DequantizeLinear", ["c", "one"], ["y"]),
             helper.make_node("Cast", ["c"], ["z"], to=F)],
            [], [tensor("y", F, [4, 256]), tensor("z", F, [4, 256])],
            [raw("c", dtype, all_codes()),
             const("one", np.array(1, np.float32))])
        zero = raw("zp", dtype, np.zeros((), np.uint8))
        n = len(round_trip_inputs(fmt))
        for saturate in (0, 1):
            yield f"qdq_{fmt}_saturate{saturate}", model(
                [helper.make_node("QuantizeLinear", ["x", "s", "zp"], ["q"],
                                  saturate=saturate),
                 helper.make_node("DequantizeLinear", ["q", "s", "zp"], ["y"])],
                [tensor("x", F, [n])], [tensor("y", F, [n])],
                [const("s", np.array(1, np.float32)), zero])
            yield f"cast_{fmt}_saturate{saturate}", model(
                [helper.make_node("Cast", ["x"], ["q"], to=dtype,
                                  saturate=saturate),
                 helper.make_node("Cast", ["q"], ["y"], to=F)],
                [tensor("x", F, [n])], [tensor("y", F, [n])])
        # A scale that makes x / scale inexact; output_dtype, no zero point.
        yield f"qdq_{fmt}_scaled", model(
            [helper.make_node("QuantizeLinear", ["x", "s"], ["q"],
                              output_dtype=dtype),
             helper.make_node("DequantizeLinear", ["q", "s"], ["y"])],
            [tensor("x", F, [n])], [tensor("y", F, [n])],
            [const("s", np.array(0.1, np.float32))])
    # Half-precision input, per-axis scales.
    yield "qdq_e4m3fn_f16_per_axis", model(
        [helper.make_node("QuantizeLinear", ["x", "s", "zp"], ["q"], axis=0),
         helper.make_node("DequantizeLinear", ["q", "s", "zp"], ["y"], axis=0)],
        [tensor("x", 10, [2, 64])], [tensor("y", 10, [2, 64])],
        [const("s", np.array([0.5, 4.0], np.float16)),
         raw("zp", 17, np.zeros(2, np.uint8))])
    # Integers into float 8 saturate through f32.
    yield "cast_int32_e4m3fn", model(
        [helper.make_node("Cast", ["x"], ["q"], to=17),
         helper.make_node("Cast", ["q"], ["y"], to=F)],
        [tensor("x", TensorProto.INT32, [8])], [tensor("y", F, [8])])
    # A float 8 weight (a dense_resource blob) with per-column scales.
    yield "fp8_weight_matmul", model(
        [helper.make_node("DequantizeLinear", ["w", "s"], ["wf"], axis=1),
         helper.make_node("MatMul", ["x", "wf"], ["y"])],
        [tensor("x", F, [3, 64])], [tensor("y", F, [3, 32])],
        [raw("w", 17, fp8_weight()), const("s", fp8_weight_scales())])
    for element_format in MX_CASES:
        codes, scales, axis, block = mx_case(element_format)
        shape = list(codes.shape)
        yield f"mx_{element_format}", model(
            [helper.make_node("DequantizeMX", ["codes", "scales"], ["w"],
                              domain=KILN_DOMAIN,
                              element_format=element_format, axis=axis,
                              block_size=block),
             helper.make_node("MatMul", ["x", "w"], ["y"])],
            [tensor("x", F, [3, shape[0]])],
            [tensor("w", F, shape), tensor("y", F, [3, shape[1]])],
            [const("codes", codes), const("scales", scales)],
            kiln_domain=True)


def all_codes():
    return np.tile(np.arange(256, dtype=np.uint8), (4, 1))


def fp8_weight():
    rng = np.random.default_rng(7)
    w = rng.standard_normal((64, 32)).astype(np.float32) * 8
    return ref.encode("e4m3fn", w, saturate=True)


def fp8_weight_scales():
    return (np.arange(32, dtype=np.float32) + 1) / 64


def assert_matmul_close(y, x, w):
    """y = x @ w up to float32 rounding of the sums."""
    x, w = x.astype(np.float64), w.astype(np.float64)
    bound = 1e-5 * (np.abs(x) @ np.abs(w))
    error = np.abs(y - x @ w)
    assert (error <= bound).all(), (error.max(), bound.min())


# --- Cases ----------------------------------------------------------------------


def check(path, case):
    if case.startswith("decode_"):
        fmt = case[len("decode_"):]
        _, _, (y, z) = run(path, [])
        expected = ref.decode(fmt, all_codes())
        ref.assert_same_floats(y, expected, "DequantizeLinear")
        ref.assert_same_floats(z, expected, "Cast")
    elif case.startswith(("qdq_e4m3fn_saturate", "qdq_e5m2_saturate",
                          "cast_e4m3fn_saturate", "cast_e5m2_saturate")):
        fmt = case.split("_")[1]
        saturate = int(case[-1])
        x = round_trip_inputs(fmt)
        _, _, (y,) = run(path, [x])
        ref.assert_same_floats(y, fp8_round_trip(fmt, saturate, x), case)
    elif case.endswith("_scaled"):
        fmt = case.split("_")[1]
        x = round_trip_inputs(fmt)
        _, _, (y,) = run(path, [x])
        ref.assert_same_floats(
            y, fp8_round_trip(fmt, True, x, np.float32(0.1)), case)
    elif case == "qdq_e4m3fn_f16_per_axis":
        rng = np.random.default_rng(3)
        x = (rng.standard_normal((2, 64)) * 300).astype(np.float16)
        x[0, :4] = [np.inf, -np.inf, np.nan, 65504]
        # float16 values are exact in f32; the model divides in float16.
        scale = np.array([[0.5], [4.0]], np.float16)
        with np.errstate(over="ignore", invalid="ignore"):
            scaled = (x / scale).astype(np.float32)
            expected = (ref.decode("e4m3fn", ref.encode("e4m3fn", scaled, True))
                        .astype(np.float16) * scale).astype(np.float16)
        _, _, (y,) = run(path, [x])
        ref.assert_same_floats(y.astype(np.float32),
                               expected.astype(np.float32), case)
    elif case == "cast_int32_e4m3fn":
        x = np.array([0, 1, -17, 449, 464, 465, 100000, -2**31], np.int32)
        _, _, (y,) = run(path, [x])
        ref.assert_same_floats(
            y, ref.decode("e4m3fn", ref.encode("e4m3fn", x.astype(np.float32),
                                               True)), case)
    elif case == "fp8_weight_matmul":
        x = np.random.default_rng(5).standard_normal((3, 64)).astype(np.float32)
        _, _, (y,) = run(path, [x])
        w = ref.decode("e4m3fn", fp8_weight()).astype(np.float32)
        assert_matmul_close(y, x, w * fp8_weight_scales())
    elif case.startswith("mx_"):
        element_format = case[len("mx_"):]
        codes, scales, axis, block = mx_case(element_format)
        x = mx_input(element_format)
        _, _, (w, y) = run(path, [x])
        expected = ref.mx_dequantize(element_format, codes, scales, axis, block)
        ref.assert_same_floats(w, expected, case)
        # The product, where the weights are finite and not huge.
        usable = np.isfinite(expected).all(axis=0) & (
            np.abs(expected).max(axis=0, initial=0) < 1e30)
        assert usable.sum() >= 4, usable
        assert_matmul_close(y[:, usable], x, expected[:, usable])
    else:
        raise SystemExit(f"unknown case {case}")
    print(f"PASS {case}")


def main():
    if sys.argv[1] == "make":
        os.makedirs(sys.argv[2], exist_ok=True)
        for name, m in models():
            save(m, os.path.join(sys.argv[2], name + ".onnx"))
    else:
        check(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()
