"""Compiles ONNX backend node tests with kiln-compile and checks the results.

Usage: run_node_tests.py KILN_COMPILE DATA_DIR WORK_DIR
           (TEST... | --match REGEX | --list FILE)

TEST is a test directory relative to DATA_DIR (`test_abs`, or
`pytorch-converted/test_Conv1d` from the data root); a FILE lists one per
line. For each test DATA_DIR/TEST, compiles model.onnx into a shared library,
runs it through the model C ABI (include/kiln/Runtime/KilnModel.h) on
test_data_set_0's inputs and compares every output with the reference:
floats to rtol 1e-3 / atol 1e-5 (NaN equal to NaN), integers and booleans
exactly. Prints one line per test and a summary; exits non-zero if any
test fails.
"""

import concurrent.futures
import ctypes
import os
import re
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def load_tensors(directory, prefix):
    tensors = []
    while True:
        path = os.path.join(directory, f"{prefix}_{len(tensors)}.pb")
        if not os.path.exists(path):
            return tensors
        tensors.append(numpy_helper.to_array(onnx.load_tensor(path)))


def run_test(kiln_compile, root, name, work_dir):
    """Returns None on success, else the reason of the failure."""
    test_dir = os.path.join(root, name)
    library = os.path.join(work_dir, name.replace("/", "_") + ".so")
    compiled = subprocess.run(
        [kiln_compile, os.path.join(test_dir, "model.onnx"), "-o", library],
        capture_output=True, text=True)
    if compiled.returncode != 0:
        lines = compiled.stderr.strip().splitlines()
        return "compile: " + (lines[0] if lines else f"exit {compiled.returncode}")
    data_dir = os.path.join(test_dir, "test_data_set_0")
    inputs = [np.ascontiguousarray(t) for t in load_tensors(data_dir, "input")]
    expected = load_tensors(data_dir, "output")
    outputs = [np.zeros(e.shape, e.dtype) for e in expected]
    try:
        model = ctypes.CDLL(library)
    except OSError as error:
        return f"load: {error}"
    model.kiln_model_run.restype = ctypes.c_int32
    input_pointers = (ctypes.c_void_p * max(len(inputs), 1))(
        *[t.ctypes.data for t in inputs])
    output_pointers = (ctypes.c_void_p * max(len(outputs), 1))(
        *[t.ctypes.data for t in outputs])
    status = model.kiln_model_run(input_pointers, output_pointers)
    if status != 0:
        return f"run: status {status}"
    for index, (actual, reference) in enumerate(zip(outputs, expected)):
        if np.issubdtype(reference.dtype, np.floating):
            same = np.allclose(actual, reference, rtol=1e-3, atol=1e-5,
                               equal_nan=True)
        else:
            same = np.array_equal(actual, reference)
        if not same:
            return (f"output {index} differs: max |diff| "
                    f"{np.max(np.abs(actual.astype(np.float64) - reference)) if actual.size else 0}")
    return None


def main(argv):
    kiln_compile, data_dir, work_dir = argv[1:4]
    names = argv[4:]
    if names[:1] == ["--match"]:
        pattern = re.compile(names[1])
        names = sorted(n for n in os.listdir(data_dir) if pattern.match(n))
    elif names[:1] == ["--list"]:
        with open(names[1]) as listing:
            names = [line.strip() for line in listing if line.strip()]
    os.makedirs(work_dir, exist_ok=True)
    # Compiling dominates; two at a time keeps a shared machine usable.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        reasons = list(pool.map(
            lambda name: run_test(kiln_compile, data_dir, name, work_dir),
            names))
    failed = 0
    for name, reason in zip(names, reasons):
        if reason:
            failed += 1
            print(f"FAIL {name}: {reason}")
        else:
            print(f"PASS {name}")
    print(f"passed: {len(names) - failed} / {len(names)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
