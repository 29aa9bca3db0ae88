"""Compiles kiln modules with quantized ops through the `kiln` Python
package and compares their results with numpy references.

Usage: quantized_kiln_e2e.py (with the built package on PYTHONPATH)

- kiln.requantize from i32 storage (every int16 value and random int32
  values) into per-axis int8 / uint8 results: bit-exact except one step off
  next to a tie (real value within 1e-6 relative of x.5), counted;
- quantized pads (a per-tensor and a per-axis zero point), trilu, max
  pooling and transposes on stored values: exact.
Prints one line per module and a summary; exits non-zero on a failure.
"""

import sys

import numpy as np

import kiln

rng = np.random.default_rng(11)


def saturate(values, dtype):
    info = np.iinfo(dtype)
    return np.clip(values, info.min, info.max).astype(dtype)


def check_requantized(got, real, zero_point, dtype):
    """Returns (failure or None, results off by one at ties)."""
    expected = saturate(np.rint(real) + zero_point, dtype)
    diff = got.astype(np.int64) - expected.astype(np.int64)
    distance = np.abs(real - (np.floor(real) + 0.5))
    near_tie = distance <= 1e-6 * np.maximum(np.abs(real), 1.0)
    bad = (diff != 0) & ~((np.abs(diff) == 1) & near_tie)
    if bad.any():
        index = tuple(np.argwhere(bad)[0])
        return (f"{np.count_nonzero(bad)} differ, first at {index}: "
                f"{got[index]} vs {expected[index]} (real {real[index]})",
                0)
    return None, int(np.count_nonzero(diff))


IN_SCALE = float(np.float32(0.00021))


def requantize_case(out_storage, dtype, out_scales, out_zero_points):
    """i32-stored input (scale IN_SCALE, zero point -11) requantized per axis
    (dimension 0) into `out_storage`; the int16 inputs span the 8-bit range
    for the smaller factors."""
    channels = len(out_scales)
    int16 = np.arange(-32768, 32768, dtype=np.int64)
    wide = rng.integers(-2**31, 2**31, 20000)
    row = np.concatenate([int16, wide]).astype(np.int32)
    x = np.tile(row, (channels, 1))
    in_scale, in_zero_point = IN_SCALE, -11
    parameters = ", ".join(f"{s!r}:{z}" for s, z in zip(out_scales,
                                                           out_zero_points))
    shape = f"{channels}x{row.size}"
    # The ABI's integer type of the stored values: ui8 for u8 storage.
    stored = "ui8" if out_storage == "u8" else out_storage
    source = f"""
func.func @main(%x: tensor<{shape}xi32> {{kiln.name = "x"}}) -> (tensor<{shape}x{stored}> {{kiln.name = "y"}}) {{
  %q = kiln.storage_cast %x : tensor<{shape}xi32> -> tensor<{shape}x!quant.uniform<i32:f32, {in_scale!r}:{in_zero_point}>>
  %r = kiln.requantize %q : tensor<{shape}x!quant.uniform<i32:f32, {in_scale!r}:{in_zero_point}>> -> tensor<{shape}x!quant.uniform<{out_storage}:f32:0, {{{parameters}}}>>
  %y = kiln.storage_cast %r : tensor<{shape}x!quant.uniform<{out_storage}:f32:0, {{{parameters}}}>> -> tensor<{shape}x{stored}>
  return %y : tensor<{shape}x{stored}>
}}"""
    got = kiln.compile(kiln.ir.Module.parse(source)).run({"x": x})["y"]
    # The scales as the quant type holds them (f64 values of the printed
    # numbers).
    real = ((x.astype(np.int64) - in_zero_point) * np.float64(in_scale)
            / np.array(out_scales, np.float64)[:, None])
    zero_points = np.array(out_zero_points, np.int64)[:, None]
    return check_requantized(got, real, zero_points, dtype)


def stored_values_case():
    """Pads (per tensor: zero point -7; per axis: one zero point per
    channel), trilu (zero point), transpose and max pooling of stored
    values."""
    x = rng.integers(-128, 128, (1, 3, 4, 5)).astype(np.int8)
    p = rng.integers(0, 256, (3, 4)).astype(np.uint8)
    per_tensor = "!quant.uniform<i8:f32, 0.5:-7>"
    per_axis = "!quant.uniform<u8:f32:0, {0.5:3, 0.25:250, 1.0:128}>"
    source = f"""
func.func @main(%x: tensor<1x3x4x5xi8> {{kiln.name = "x"}}, %p: tensor<3x4xui8> {{kiln.name = "p"}})
    -> (tensor<1x3x6x7xi8> {{kiln.name = "padded"}}, tensor<1x3x5x4xi8> {{kiln.name = "lower"}},
        tensor<1x3x2x3xi8> {{kiln.name = "pooled"}}, tensor<3x7xui8> {{kiln.name = "axis_padded"}}) {{
  %q = kiln.storage_cast %x : tensor<1x3x4x5xi8> -> tensor<1x3x4x5x{per_tensor}>
  %padded = kiln.pad %q {{pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>}} : tensor<1x3x4x5x{per_tensor}> -> tensor<1x3x6x7x{per_tensor}>
  %t = kiln.transpose %q {{perm = array<i64: 0, 1, 3, 2>}} : tensor<1x3x4x5x{per_tensor}> -> tensor<1x3x5x4x{per_tensor}>
  %lower = kiln.trilu %t {{k = 0 : i64}} : tensor<1x3x5x4x{per_tensor}> -> tensor<1x3x5x4x{per_tensor}>
  %pooled = kiln.max_pool %q {{kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 1>}} : tensor<1x3x4x5x{per_tensor}> -> tensor<1x3x2x3x{per_tensor}>
  %pq = kiln.storage_cast %p : tensor<3x4xui8> -> tensor<3x4x{per_axis}>
  %ap = kiln.pad %pq {{pads = array<i64: 0, 2, 0, 1>, value = 1.0 : f32}} : tensor<3x4x{per_axis}> -> tensor<3x7x{per_axis}>
  %y0 = kiln.storage_cast %padded : tensor<1x3x6x7x{per_tensor}> -> tensor<1x3x6x7xi8>
  %y1 = kiln.storage_cast %lower : tensor<1x3x5x4x{per_tensor}> -> tensor<1x3x5x4xi8>
  %y2 = kiln.storage_cast %pooled : tensor<1x3x2x3x{per_tensor}> -> tensor<1x3x2x3xi8>
  %y3 = kiln.storage_cast %ap : tensor<3x7x{per_axis}> -> tensor<3x7xui8>
  return %y0, %y1, %y2, %y3 : tensor<1x3x6x7xi8>, tensor<1x3x5x4xi8>, tensor<1x3x2x3xi8>, tensor<3x7xui8>
}}"""
    got = kiln.compile(kiln.ir.Module.parse(source)).run({"x": x, "p": p})
    expected = {}
    expected["padded"] = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)),
                                constant_values=-7)
    t = x.transpose(0, 1, 3, 2)
    expected["lower"] = np.where(np.tril(np.ones((5, 4), bool)), t,
                                 np.int8(-7))
    padded = np.pad(x, ((0, 0), (0, 0), (0, 0), (0, 1)),
                    constant_values=-128)
    expected["pooled"] = np.max([padded[:, :, i::2, j::2][:, :, :2, :3]
                                 for i in range(2) for j in range(2)], axis=0)
    # Real 1.0 per channel: round(1 / s) + z = 5, 254, 129.
    fill = np.array([5, 254, 129], np.uint8)[:, None]
    expected["axis_padded"] = np.concatenate(
        [np.repeat(fill, 2, axis=1), p, fill], axis=1)
    for name, value in expected.items():
        if not np.array_equal(got[name], value):
            return f"{name} differs", 0
    return None, 0


def main():
    cases = [
        # Channel 3's factor is exactly 1/2: its ties are exact and must
        # round half to even.
        ("requantize_per_axis_int8",
         lambda: requantize_case("i8", np.int8,
                                 [0.05, 0.03, 0.011, 2 * IN_SCALE, 7.5],
                                 [0, -3, 12, 5, 127])),
        ("requantize_per_axis_uint8",
         lambda: requantize_case("u8", np.uint8, [0.0173, 3.0, 1e-4],
                                 [128, 0, 255])),
        ("stored_values", stored_values_case),
    ]
    failed = ties = 0
    for name, run in cases:
        reason, at_ties = run()
        ties += at_ties
        if reason:
            failed += 1
            print(f"FAIL {name}: {reason}")
        else:
            print(f"PASS {name}" + (f" ({at_ties} off by one at ties)"
                                    if at_ties else ""))
    print(f"{ties} off by one at ties")
    print(f"passed: {len(cases) - failed} / {len(cases)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
