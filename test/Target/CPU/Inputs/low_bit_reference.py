"""NumPy references for the low-bit float formats (numpy only).

FP8 (E4M3FN, E5M2), FP6 (E2M3, E3M2) and FP4 (E2M1) element codes, the ONNX
conversion into them (round to nearest even, ONNX's `saturate`), and OCP MX
v1.0 dequantization. Written from the format definitions, independently of
Kiln's bit manipulation: encoding searches the table of decoded values.
"""
import numpy as np

# exponent bits, mantissa bits, bias, and what the all-ones exponent means:
# "ieee" (infinities and NaNs), "nan_only" (NaN is S.1111.111, E4M3FN) or
# "finite" (no infinities, no NaN).
FORMATS = {
    "e4m3fn": (4, 3, 7, "nan_only"),
    "e5m2": (5, 2, 15, "ieee"),
    "e2m3": (2, 3, 1, "finite"),
    "e3m2": (3, 2, 3, "finite"),
    "e2m1": (2, 1, 1, "finite"),
}

# ONNX TensorProto data types and MX element format names.
ONNX_TYPES = {"e4m3fn": 17, "e5m2": 19}
MX_FORMATS = {"fp8_e4m3": "e4m3fn", "fp8_e5m2": "e5m2", "fp6_e2m3": "e2m3",
              "fp6_e3m2": "e3m2", "fp4_e2m1": "e2m1"}


def width(fmt):
    exponent_bits, mantissa_bits, _, _ = FORMATS[fmt]
    return 1 + exponent_bits + mantissa_bits


def decode(fmt, codes):
    """The values (float64) of integer `codes` of `fmt`."""
    exponent_bits, mantissa_bits, bias, kind = FORMATS[fmt]
    codes = np.asarray(codes, np.int64)
    sign = np.where((codes >> (exponent_bits + mantissa_bits)) & 1, -1.0, 1.0)
    exponent = (codes >> mantissa_bits) & ((1 << exponent_bits) - 1)
    mantissa = codes & ((1 << mantissa_bits) - 1)
    fraction = mantissa / float(1 << mantissa_bits)
    value = np.where(exponent == 0,
                     fraction * 2.0 ** (1 - bias),
                     (1 + fraction) * 2.0 ** (exponent - bias))
    all_ones = exponent == (1 << exponent_bits) - 1
    if kind == "ieee":
        value = np.where(all_ones, np.where(mantissa == 0, np.inf, np.nan),
                         value)
    elif kind == "nan_only":
        value = np.where(all_ones & (mantissa == (1 << mantissa_bits) - 1),
                         np.nan, value)
    return sign * value


def _finite_magnitudes(fmt):
    """The non-negative finite codes of `fmt` and their values, ascending."""
    codes = np.arange(1 << (width(fmt) - 1))
    values = decode(fmt, codes)
    keep = np.isfinite(values)
    return codes[keep], values[keep]


def encode(fmt, x, saturate):
    """Codes of float32 `x` converted into `fmt` as ONNX Cast does (round to
    nearest, ties to the even code; `saturate` clamps to the largest finite
    value, infinities included; without it, overflow is infinity (E5M2) or
    NaN (E4M3FN), and formats without either saturate)."""
    exponent_bits, mantissa_bits, bias, kind = FORMATS[fmt]
    x = np.asarray(x, np.float32).astype(np.float64)
    sign = np.signbit(x).astype(np.int64) << (width(fmt) - 1)
    codes, values = _finite_magnitudes(fmt)
    largest, largest_code = values[-1], codes[-1]
    magnitude = np.abs(x)
    if saturate or kind == "finite":
        magnitude = np.minimum(magnitude, largest)  # NaN stays NaN
    # The next value above the largest, if the exponent range went on.
    beyond = largest + 2.0 ** (np.floor(np.log2(largest)) - mantissa_bits)
    table = np.append(values, beyond)
    table_codes = np.append(codes, largest_code + 1)
    finite = np.where(np.isnan(magnitude), 0.0, np.minimum(magnitude, beyond))
    high = np.clip(np.searchsorted(table, finite), 1, len(table) - 1)
    low = high - 1
    below, above = finite - table[low], table[high] - finite
    pick_high = (above < below) | ((above == below) & (table_codes[high] % 2 == 0))
    result = np.where(pick_high, table_codes[high], table_codes[low])
    result = np.where(finite == table[low], table_codes[low], result)
    overflow = result > largest_code
    if kind == "ieee":
        overflow_code = ((1 << exponent_bits) - 1) << mantissa_bits  # inf
        nan_code = overflow_code | (1 << (mantissa_bits - 1))  # quiet NaN
    elif kind == "nan_only":
        overflow_code = nan_code = (1 << (exponent_bits + mantissa_bits)) - 1
    else:
        overflow_code, nan_code = largest_code, 0
    result = np.where(overflow, overflow_code, result)
    result = np.where(np.isnan(x), nan_code, result)
    return (result | sign).astype(np.uint8)


def mx_dequantize(element_format, codes, scales, axis, block_size):
    """OCP MX v1.0: 2^(X - 127) * element, NaN where X = 255; float32."""
    codes = np.asarray(codes)
    if element_format == "int8":
        elements = codes.astype(np.uint8).view(np.int8).astype(np.float64) / 64
    else:
        elements = decode(MX_FORMATS[element_format], codes)
    exponents = np.repeat(np.asarray(scales, np.int64), block_size,
                          axis=axis).take(np.arange(codes.shape[axis]),
                                          axis=axis)
    scale = np.where(exponents == 255, np.nan, 2.0 ** (exponents - 127.0))
    with np.errstate(over="ignore", invalid="ignore"):
        return (elements * scale).astype(np.float32)


def assert_same_floats(actual, expected, what):
    """Equal values, NaN where NaN, and the sign of zeros."""
    actual = np.asarray(actual, np.float32)
    expected = np.asarray(expected, np.float32)
    assert actual.shape == expected.shape, (what, actual.shape, expected.shape)
    nan = np.isnan(expected)
    bad = (np.isnan(actual) != nan) | (~nan & (actual != expected)) | (
        ~nan & (np.signbit(actual) != np.signbit(expected)))
    if bad.any():
        index = np.flatnonzero(bad)[:8]
        raise AssertionError(
            f"{what}: {bad.sum()} mismatches, e.g. at {index.tolist()}: "
            f"got {actual.ravel()[index].tolist()}, "
            f"expected {expected.ravel()[index].tolist()}")
