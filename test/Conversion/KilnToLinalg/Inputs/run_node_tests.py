"""Compiles ONNX backend node tests to shared libraries and checks their
results against the reference outputs of test_data_set_0.

Usage: run_node_tests.py KILN_COMPILE DATA_DIR WORK_DIR TEST_LIST
TEST_LIST names one test directory (relative to DATA_DIR) per line. Prints one line per
test (`PASS name`, `FAIL name: reason`) and a summary; exits non-zero if any
listed test fails. Floats compare with rtol 1e-3 and
atol 1e-5, everything else exactly.
"""
import concurrent.futures
import ctypes
import glob
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def load_tensors(directory, prefix):
    paths = sorted(glob.glob(os.path.join(directory, f"{prefix}_*.pb")),
                   key=lambda p: int(p.rsplit("_", 1)[1].split(".")[0]))
    return [numpy_helper.to_array(onnx.load_tensor(p)) for p in paths]


def run_test(tool, data_dir, name, work_dir):
    test_dir = os.path.join(data_dir, name)
    library = os.path.join(work_dir, name.replace("/", "_") + ".so")
    compiled = subprocess.run([tool, os.path.join(test_dir, "model.onnx"),
                               "-o", library], capture_output=True, text=True,
                              errors="replace", timeout=300)
    if compiled.returncode != 0:
        lines = compiled.stderr.strip().splitlines()
        return f"does not compile: {lines[0] if lines else compiled.returncode}"
    data_dir = os.path.join(test_dir, "test_data_set_0")
    inputs = [np.ascontiguousarray(a) for a in load_tensors(data_dir, "input")]
    expected = load_tensors(data_dir, "output")
    outputs = [np.empty_like(e) for e in expected]
    try:
        model = ctypes.CDLL(library)
    except OSError as error:
        return f"does not load: {error}"
    pointers = lambda arrays: (ctypes.c_void_p * max(len(arrays), 1))(
        *[a.ctypes.data for a in arrays])
    status = model.kiln_model_run(pointers(inputs), pointers(outputs))
    if status != 0:
        return f"kiln_model_run returned {status}"
    for index, (got, want) in enumerate(zip(outputs, expected)):
        if np.issubdtype(want.dtype, np.floating):
            good = np.allclose(got, want, rtol=1e-3, atol=1e-5, equal_nan=True)
        else:
            good = np.array_equal(got, want)
        if not good:
            return f"output {index} differs: max error {np.max(np.abs(got.astype(np.float64) - want.astype(np.float64)))}"
    return None


def main():
    tool, data_dir, work_dir, test_list = sys.argv[1:5]
    os.makedirs(work_dir, exist_ok=True)
    with open(test_list) as listing:
        names = [line.strip() for line in listing if line.strip()]
    # Compiling dominates; two at a time keeps a shared machine usable.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        reasons = list(pool.map(
            lambda name: run_test(tool, data_dir, name, work_dir),
            names))
    failures = 0
    for name, reason in zip(names, reasons):
        if reason:
            failures += 1
            print(f"FAIL {name}: {reason}")
        else:
            print(f"PASS {name}")
    print(f"passed: {len(names) - failures}")
    print(f"failed: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
