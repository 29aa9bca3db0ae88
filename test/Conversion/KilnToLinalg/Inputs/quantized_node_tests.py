"""Runs ONNX backend node tests of quantized operators with their
parameters as initializers, so that they import as `!quant.uniform` types
and take the integer-only lowering (as graph inputs, the importer spells
them out as arithmetic instead).

Usage: quantized_node_tests.py KILN_COMPILE DATA_DIR WORK_DIR TEST...

Every graph input but the first becomes an initializer holding its
test_data_set_0 value (the weights of QLinearConv / QLinearMatMul too);
the model is compiled, run through the model C ABI on the first input and
compared exactly with the reference output. Prints one line per test and a
summary; exits non-zero if any test fails.
"""

import ctypes
import os
import subprocess
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def load_tensors(directory, prefix):
    tensors = []
    while os.path.exists(os.path.join(directory, f"{prefix}_{len(tensors)}.pb")):
        path = os.path.join(directory, f"{prefix}_{len(tensors)}.pb")
        tensors.append(numpy_helper.to_array(onnx.load_tensor(path)))
    return tensors


def run_test(kiln_compile, data_dir, name, work_dir):
    test_dir = os.path.join(data_dir, name)
    model = onnx.load(os.path.join(test_dir, "model.onnx"))
    data = os.path.join(test_dir, "test_data_set_0")
    inputs = load_tensors(data, "input")
    expected = load_tensors(data, "output")
    graph = model.graph
    for value_info, array in zip(list(graph.input[1:]), inputs[1:]):
        graph.initializer.append(numpy_helper.from_array(array,
                                                         value_info.name))
        graph.input.remove(value_info)
    path = os.path.join(work_dir, name + ".onnx")
    library = os.path.join(work_dir, name + ".so")
    onnx.save(model, path)
    done = subprocess.run([kiln_compile, path, "-o", library],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return "compile: " + done.stderr.strip()
    x = np.ascontiguousarray(inputs[0])
    outputs = [np.zeros(e.shape, e.dtype) for e in expected]
    compiled = ctypes.CDLL(library)
    compiled.kiln_model_run.restype = ctypes.c_int32
    status = compiled.kiln_model_run(
        (ctypes.c_void_p * 1)(x.ctypes.data),
        (ctypes.c_void_p * len(outputs))(*[o.ctypes.data for o in outputs]))
    if status != 0:
        return f"run: status {status}"
    for index, (actual, reference) in enumerate(zip(outputs, expected)):
        if not np.array_equal(actual, reference):
            return (f"output {index}: {np.count_nonzero(actual != reference)}"
                    f" of {reference.size} differ")
    return None


def main(argv):
    kiln_compile, data_dir, work_dir = argv[1:4]
    os.makedirs(work_dir, exist_ok=True)
    failed = 0
    for name in argv[4:]:
        reason = run_test(kiln_compile, data_dir, name, work_dir)
        if reason:
            failed += 1
            print(f"FAIL {name}: {reason}")
        else:
            print(f"PASS {name}")
    print(f"passed: {len(argv) - 4 - failed} / {len(argv) - 4}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
