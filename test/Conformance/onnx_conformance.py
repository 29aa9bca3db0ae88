"""Compiles and runs the ONNX backend test data with Kiln and checks results.

Usage:
  onnx_conformance.py --kiln-compile BIN --kiln-run BIN --data DIR
                      --expected FILE.json [--update] [--support-doc FILE.md]
                      [--filter REGEX]

For every test under DIR/{node,pytorch-converted,pytorch-operator,simple}
the model is compiled to a shared library (`kiln-compile -o`), run on
test_data_set_0's inputs (`kiln-run`) and compared with the reference
outputs with the ONNX backend tolerances (rtol 1e-3, atol 1e-7; exact for
integers and booleans).

FILE.json maps each test that is expected to fail to one reason. The run
fails when a test crashes the compiler or the runtime, when a test not in
the list fails, or when a listed test passes (then the list is stale: run
with --update). --support-doc writes the generated op support matrix.
"""
import argparse
import collections
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
RTOL, ATOL = 1e-3, 1e-7
TIMEOUT_S = 300


def first_error(stderr):
    """The first diagnostic line, without the model path."""
    lines = [l for l in stderr.splitlines() if l.startswith("error: ")]
    line = lines[0] if lines else (stderr.strip().splitlines() or ["?"])[-1]
    return re.sub(r"^error: \S*model\.onnx: ", "error: ", line)[:300]


def is_crash(returncode):
    return returncode < 0 or returncode not in (0, 1)


def compare(expected, actual):
    """None if equal within tolerance, else a short description."""
    if expected.shape != actual.shape:
        return f"shape {actual.shape} instead of {expected.shape}"
    if expected.dtype.kind in "fc":
        if not np.allclose(actual, expected, rtol=RTOL, atol=ATOL,
                           equal_nan=True):
            with np.errstate(invalid="ignore"):  # inf - inf
                error = np.nanmax(np.abs(actual.astype(np.float64) -
                                         expected.astype(np.float64)))
            return f"max abs error {error:.3g}"
        return None
    if not np.array_equal(actual, expected):
        return f"{int(np.sum(actual != expected))} elements differ"
    return None


def bfloat16_bits_to_float32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def graph_elem_types(graph_values):
    return [v.type.tensor_type.elem_type for v in graph_values]


def prepare_input(path, elem_type, work):
    """The file to pass to kiln-run for one input .pb.

    The backend test data hold bfloat16 values as UINT16 tensors of their
    bit patterns (numpy has no bfloat16): those become a .npy of numpy's
    2-byte void type, which kiln-run reads as bfloat16."""
    proto = onnx.load_tensor(path)
    if not (elem_type == onnx.TensorProto.BFLOAT16 and
            proto.data_type == onnx.TensorProto.UINT16):
        return path
    converted = os.path.join(work, os.path.basename(path) + ".npy")
    np.save(converted, numpy_helper.to_array(proto).view(np.dtype("V2")))
    return converted


def load_output(path, elem_type):
    """The reference output, bfloat16 bit patterns widened to float32."""
    expected = numpy_helper.to_array(onnx.load_tensor(path))
    if elem_type == onnx.TensorProto.BFLOAT16 and expected.dtype == np.uint16:
        return bfloat16_bits_to_float32(expected)
    return expected


def load_produced(path):
    produced = np.load(path)
    if produced.dtype == np.dtype("V2"):
        return bfloat16_bits_to_float32(produced.view(np.uint16))
    return produced


def run_test(args, test_dir):
    """Returns (outcome, reason): outcome is pass, fail or crash."""
    model = os.path.join(test_dir, "model.onnx")
    graph = onnx.load(model, load_external_data=False).graph
    input_types = graph_elem_types(
        [v for v in graph.input
         if v.name not in {init.name for init in graph.initializer}])
    output_types = graph_elem_types(graph.output)
    data = os.path.join(test_dir, "test_data_set_0")
    inputs = sorted(glob.glob(os.path.join(data, "input_*.pb")),
                    key=lambda p: int(re.search(r"(\d+)\.pb$", p).group(1)))
    outputs = sorted(glob.glob(os.path.join(data, "output_*.pb")),
                     key=lambda p: int(re.search(r"(\d+)\.pb$", p).group(1)))
    with tempfile.TemporaryDirectory(prefix="kiln-conformance-") as work:
        library = os.path.join(work, "model.so")
        try:
            compiled = subprocess.run(
                [args.kiln_compile, model, "-o", library],
                capture_output=True, text=True, errors="replace",
                timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return "crash", "compile: timed out"
        if is_crash(compiled.returncode):
            return "crash", f"compile: exit {compiled.returncode}: " + \
                compiled.stderr[-300:]
        if compiled.returncode != 0:
            return "fail", "compile: " + first_error(compiled.stderr)
        out_dir = os.path.join(work, "out")
        command = [args.kiln_run, library, "--output-dir", out_dir]
        for index, path in enumerate(inputs):
            elem_type = input_types[index] if index < len(input_types) else 0
            command += ["--input", prepare_input(path, elem_type, work)]
        try:
            ran = subprocess.run(command, capture_output=True, text=True,
                                 errors="replace", timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return "crash", "run: timed out"
        if is_crash(ran.returncode):
            return "crash", f"run: exit {ran.returncode}: " + ran.stderr[-300:]
        if ran.returncode != 0:
            return "fail", "run: " + first_error(ran.stderr).replace(
                work, "$WORK")
        for index, path in enumerate(outputs):
            produced = os.path.join(out_dir, f"output_{index}.npy")
            if not os.path.exists(produced):
                return "fail", f"run: no output {index}"
            try:
                elem_type = output_types[index] if index < len(
                    output_types) else 0
                mismatch = compare(load_output(path, elem_type),
                                   load_produced(produced))
            except (TypeError, ValueError) as error:
                mismatch = f"cannot compare: {error}"[:200]
            if mismatch:
                return "fail", f"output {index}: {mismatch}"
    return "pass", ""


def op_types(test_dir):
    model = onnx.load(os.path.join(test_dir, "model.onnx"),
                      load_external_data=False)
    return sorted({(n.domain or "ai.onnx") + "::" + n.op_type
                   for n in model.graph.node})


def write_support_doc(path, tests, results):
    """The op support matrix: per op type, the node tests that use it."""
    per_op = collections.defaultdict(lambda: [0, 0])
    for name, test_dir in tests.items():
        if not test_dir.split(os.sep)[-2] == "node":
            continue
        for op in op_types(test_dir):
            per_op[op][1] += 1
            if results[name][0] == "pass":
                per_op[op][0] += 1
    suites = collections.defaultdict(lambda: [0, 0])
    for name, test_dir in tests.items():
        suite = test_dir.split(os.sep)[-2]
        suites[suite][1] += 1
        if results[name][0] == "pass":
            suites[suite][0] += 1
    lines = [
        "# ONNX support",
        "",
        "Generated by `test/Conformance/onnx_conformance.py --support-doc`;",
        "do not edit. End-to-end results of the ONNX backend test data",
        "(compile to a shared library, run, compare with the reference",
        "outputs at rtol 1e-3, atol 1e-7) on the machine that generated it.",
        "",
        "| suite | pass | total |",
        "|---|---|---|",
    ]
    for suite in SUITES:
        if suite in suites:
            passed, total = suites[suite]
            lines.append(f"| {suite} | {passed} | {total} |")
    lines += ["", "## Operators (node tests using each op type)", "",
              "| op | pass | total |", "|---|---|---|"]
    for op in sorted(per_op):
        passed, total = per_op[op]
        lines.append(f"| `{op}` | {passed} | {total} |")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiln-compile", required=True)
    parser.add_argument("--kiln-run", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--support-doc")
    parser.add_argument("--filter", default="")
    args = parser.parse_args()

    tests = {}
    for suite in SUITES:
        for test_dir in sorted(glob.glob(os.path.join(args.data, suite,
                                                      "*"))):
            if os.path.exists(os.path.join(test_dir, "model.onnx")) and \
                    re.search(args.filter, os.path.basename(test_dir)):
                tests[f"{suite}/{os.path.basename(test_dir)}"] = test_dir
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = dict(zip(tests, pool.map(lambda d: run_test(args, d),
                                           tests.values())))

    with open(args.expected) as f:
        expected = json.load(f)
    counts = collections.Counter(outcome for outcome, _ in results.values())
    for suite in SUITES:
        names = [n for n in tests if n.startswith(suite + "/")]
        passed = sum(results[n][0] == "pass" for n in names)
        if names:
            print(f"{suite}: {passed}/{len(names)} pass "
                  f"({100.0 * passed / len(names):.1f}%)")
    print(f"total: {counts['pass']} pass, {counts['fail']} fail, "
          f"{counts['crash']} crash")

    problems = []
    for name, (outcome, reason) in results.items():
        if outcome == "crash":
            problems.append(f"CRASH {name}: {reason}")
        elif outcome == "fail" and name not in expected:
            problems.append(f"UNEXPECTED FAIL {name}: {reason}")
        elif outcome == "pass" and name in expected:
            problems.append(f"UNEXPECTED PASS {name} (listed: "
                            f"{expected[name]})")
    if args.update:
        updated = {n: r for n, (o, r) in sorted(results.items()) if o != "pass"}
        # Keep entries of tests this run filtered out.
        updated.update({n: r for n, r in expected.items() if n not in tests})
        with open(args.expected, "w") as f:
            json.dump(dict(sorted(updated.items())), f, indent=1)
            f.write("\n")
        problems = [p for p in problems if p.startswith("CRASH")]
    if args.support_doc:
        write_support_doc(args.support_doc, tests, results)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
