"""Tensors for the kiln-run tests in test/Runtime.

  add-inputs DIR
      writes the inputs of add_model.so (a.npy, b.npy, b.pb with raw_data,
      b_typed.pb with float_data) and broken variants for the error tests
  check-add DIR OUT
      checks add_model's outputs OUT/output_{0,1}.npy for DIR's a and b
  check-identity KILN_RUN MODEL INFO DIR
      runs identity_model.so on one input per line of INFO (kiln-run
      --print-info) given as .npy, as .pb with raw_data and as .pb with typed
      fields, and checks that every output equals its input
  check-bench FILE
      checks that FILE is one JSON line with median_ms, min_ms and max_ms
"""

import json
import os
import re
import subprocess
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

A = np.array([[1, 5, 2], [7, 0, 3]], np.float32)
B = np.array([[0.5, 0.25, 3], [-1, 2, 0]], np.float32)


def fail(message):
    sys.exit("error: " + message)


def write_pb(path, tensor):
    with open(path, "wb") as f:
        f.write(tensor.SerializeToString())


def add_inputs(directory):
    def path(name):
        return os.path.join(directory, name)

    np.save(path("a.npy"), A)
    np.save(path("b.npy"), B)
    write_pb(path("b.pb"), numpy_helper.from_array(B))
    write_pb(path("b_typed.pb"),
             helper.make_tensor("b", TensorProto.FLOAT, B.shape, B.flatten()))
    np.save(path("a_int64.npy"), A.astype(np.int64))
    np.save(path("a_2x4.npy"), np.zeros((2, 4), np.float32))
    np.save(path("a_fortran.npy"), np.asfortranarray(A))
    np.save(path("a_big_endian.npy"), A.astype(">f4"))
    with_nan = A.copy()
    with_nan[1, 1] = np.nan
    np.save(path("a_nan.npy"), with_nan)
    # Longer than an ELF header, so that the loader reads it as one.
    for name in ["not_a_tensor.npy", "a.txt", "not_a_model.so"]:
        with open(path(name), "w") as f:
            f.write("just text\n" * 10)


def load(path, dtype, shape):
    array = np.load(path)
    if array.dtype != dtype or array.shape != shape:
        fail("%s: expected %s %s, got %s %s" %
             (path, dtype, shape, array.dtype, array.shape))
    return array


def check_add(directory, out):
    a = np.load(os.path.join(directory, "a.npy"))
    b = np.load(os.path.join(directory, "b.npy"))
    total = load(os.path.join(out, "output_0.npy"), np.float32, (2, 3))
    argmax = load(os.path.join(out, "output_1.npy"), np.int64, (2,))
    if not np.array_equal(total, a + b):
        fail("sum: expected\n%s\ngot\n%s" % (a + b, total))
    if not np.array_equal(argmax, np.argmax(a + b, axis=1)):
        fail("row_argmax: expected %s, got %s" %
             (np.argmax(a + b, axis=1), argmax))


# kiln-run's dtype names; bfloat16 travels as numpy's 2-byte void type.
NUMPY_DTYPES = {
    "float32": np.float32, "uint8": np.uint8, "int8": np.int8,
    "uint16": np.uint16, "int16": np.int16, "int32": np.int32,
    "int64": np.int64, "bool": np.bool_, "float16": np.float16,
    "float64": np.float64, "uint32": np.uint32, "uint64": np.uint64,
    "bfloat16": np.dtype("V2"),
}
ONNX_TYPES = {
    "float32": TensorProto.FLOAT, "uint8": TensorProto.UINT8,
    "int8": TensorProto.INT8, "uint16": TensorProto.UINT16,
    "int16": TensorProto.INT16, "int32": TensorProto.INT32,
    "int64": TensorProto.INT64, "bool": TensorProto.BOOL,
    "float16": TensorProto.FLOAT16, "float64": TensorProto.DOUBLE,
    "uint32": TensorProto.UINT32, "uint64": TensorProto.UINT64,
    "bfloat16": TensorProto.BFLOAT16,
}


def parse_inputs(info_path):
    """(name, dtype, shape) of each 'input #i 'name': dtype AxB' line."""
    inputs = []
    with open(info_path) as f:
        for line in f:
            match = re.fullmatch(r"input #\d+ '(\w+)': (\w+) (\S+)\n", line)
            if match:
                name, dtype, shape = match.groups()
                shape = () if shape == "scalar" else tuple(
                    int(extent) for extent in shape.split("x"))
                inputs.append((name, dtype, shape))
    return inputs


def make_values(dtype, shape, rng):
    """Values covering each type's range; bfloat16 as uint16 bit patterns
    of finite numbers."""
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(np.bool_)
    if dtype == "bfloat16":
        bits = rng.integers(0, 0x7f00, shape) | (rng.integers(0, 2, shape) << 15)
        return bits.astype(np.uint16)
    numpy_dtype = np.dtype(NUMPY_DTYPES[dtype])
    if numpy_dtype.kind == "f":
        return (rng.standard_normal(shape) * 100).astype(numpy_dtype)
    info = np.iinfo(numpy_dtype)
    values = rng.integers(info.min, info.max, shape, dtype=numpy_dtype,
                          endpoint=True)
    if values.size:
        values.flat[0] = info.min
        values.flat[-1] = info.max
    return values


def write_identity_input(directory, name, dtype, values):
    """name.npy, name.pb (raw_data) and name_typed.pb (typed fields)."""
    base = os.path.join(directory, name)
    if dtype == "bfloat16":
        np.save(base + ".npy", values.view("V2"))
        write_pb(base + ".pb", helper.make_tensor(
            name, TensorProto.BFLOAT16, values.shape, values.tobytes(),
            raw=True))
        # make_tensor rounds float32 to bfloat16: exact for these values.
        as_float = (values.astype(np.uint32) << 16).view(np.float32)
        write_pb(base + "_typed.pb", helper.make_tensor(
            name, TensorProto.BFLOAT16, values.shape, as_float.flatten()))
        return
    np.save(base + ".npy", values)
    write_pb(base + ".pb", numpy_helper.from_array(values, name))
    write_pb(base + "_typed.pb", helper.make_tensor(
        name, ONNX_TYPES[dtype], values.shape, values.flatten()))


def check_identity(kiln_run, model, info_path, directory):
    inputs = parse_inputs(info_path)
    if len(inputs) != len(NUMPY_DTYPES):
        fail("expected one input per dtype in %s" % info_path)
    rng = np.random.default_rng(7)
    expected = []
    for name, dtype, shape in inputs:
        values = make_values(dtype, shape, rng)
        write_identity_input(directory, name, dtype, values)
        expected.append(values)

    for suffix in [".npy", ".pb", "_typed.pb"]:
        out = os.path.join(directory, "out" + suffix)
        command = [kiln_run, model, "--output-dir", out]
        for name, _, _ in inputs:
            command += ["--input", os.path.join(directory, name + suffix)]
        subprocess.run(command, check=True)
        for i, (name, dtype, shape) in enumerate(inputs):
            output = load(os.path.join(out, "output_%d.npy" % i),
                          NUMPY_DTYPES[dtype], shape)
            if dtype == "bfloat16":
                output = output.view(np.uint16)
            if output.tobytes() != expected[i].tobytes():
                fail("%s from %s%s: expected\n%s\ngot\n%s" %
                     (name, name, suffix, expected[i], output))


def check_bench(path):
    with open(path) as f:
        lines = f.read().splitlines()
    if len(lines) != 1:
        fail("expected one line, got %d" % len(lines))
    times = json.loads(lines[0])
    if sorted(times) != ["max_ms", "median_ms", "min_ms"]:
        fail("unexpected keys in %s" % lines[0])
    if not all(isinstance(value, float) for value in times.values()):
        fail("times must be numbers: %s" % lines[0])
    if not 0 <= times["min_ms"] <= times["median_ms"] <= times["max_ms"]:
        fail("expected 0 <= min <= median <= max: %s" % lines[0])


COMMANDS = {
    "add-inputs": add_inputs,
    "check-add": check_add,
    "check-identity": check_identity,
    "check-bench": check_bench,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
