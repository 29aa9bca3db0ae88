"""Compiles ONNX models with Kiln, runs them and compares with onnxruntime.

Usage: python check_against_onnxruntime.py (--kiln-compile BIN --kiln-run BIN
           | --python) MODEL.onnx... [--rtol 1e-3] [--atol 1e-5] [--bench N]
For each model: seeded random inputs (floats from a normal distribution;
integer inputs in [0, INTEGER_INPUT_LIMITS[name]) so token ids, masks and
segment ids are valid), onnxruntime's outputs as reference, `kiln-compile
-o` (timed), `kiln-run`, and an elementwise check |kiln - ort| <= rtol *
|ort| + atol * max|ort| (atol relative to the output's scale). Prints one JSON line per model; exits 1 if any output
differs. --bench N also times both runtimes (median ms of N runs, one
thread each). --python compiles and runs through the `kiln` Python package
(kiln.compile, CompiledModel.run; put build/python_packages on PYTHONPATH)
instead of the tools.

Run it with onnxruntime from PyPI (see export.py for the venv).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
import onnxruntime

INTEGER_INPUT_LIMITS = {"input_ids": 30522}
DEFAULT_INTEGER_LIMIT = 2
NUMPY_TYPES = {onnx.TensorProto.FLOAT: np.float32,
               onnx.TensorProto.INT64: np.int64,
               onnx.TensorProto.INT32: np.int32}


def make_inputs(model, rng):
    initializers = {t.name for t in model.graph.initializer}
    inputs = {}
    for value in model.graph.input:
        if value.name in initializers:
            continue
        tensor = value.type.tensor_type
        shape = [d.dim_value for d in tensor.shape.dim]
        dtype = NUMPY_TYPES[tensor.elem_type]
        if np.issubdtype(dtype, np.integer):
            limit = INTEGER_INPUT_LIMITS.get(value.name, DEFAULT_INTEGER_LIMIT)
            inputs[value.name] = rng.integers(0, limit, shape).astype(dtype)
        else:
            inputs[value.name] = rng.standard_normal(shape).astype(dtype)
    return inputs


def ort_session(path):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(path, options,
                                        providers=["CPUExecutionProvider"])


def ort_median_ms(session, inputs, runs):
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        session.run(None, inputs)
        times.append((time.perf_counter() - start) * 1e3)
    return float(np.median(times[1:]))


def run_with_tools(args, path, name, inputs, work):
    """kiln-compile and kiln-run: (compile seconds, outputs, a function
    giving the median ms of N one-thread runs)."""
    library = os.path.join(work, name + ".so")
    start = time.perf_counter()
    subprocess.run([args.kiln_compile, path, "-o", library], check=True)
    compile_s = time.perf_counter() - start
    command = [args.kiln_run, library, "--output-dir",
               os.path.join(work, name)]
    for index, value in enumerate(inputs.values()):
        input_path = os.path.join(work, f"{name}_input_{index}.npy")
        np.save(input_path, value)
        command += ["--input", input_path]
    subprocess.run(command, check=True)
    outputs = [np.load(os.path.join(work, name, f"output_{index}.npy"))
               for index in range(len(os.listdir(os.path.join(work, name))))]

    def median_ms(runs):
        bench = subprocess.run(command + ["--bench", str(runs),
                                          "--threads", "1"],
                               check=True, capture_output=True, text=True)
        return json.loads(bench.stdout.strip().splitlines()[-1])["median_ms"]

    return compile_s, outputs, median_ms


def run_with_python(path, inputs):
    """The same through the kiln package."""
    import kiln
    start = time.perf_counter()
    compiled = kiln.compile(path)
    compile_s = time.perf_counter() - start
    outputs = list(compiled.run(inputs).values())

    def median_ms(runs):
        compiled.set_num_threads(1)
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            compiled.run(inputs)
            times.append((time.perf_counter() - start) * 1e3)
        return round(float(np.median(times[1:])), 3)

    return compile_s, outputs, median_ms


def check(args, path, work):
    rng = np.random.default_rng(0)
    model = onnx.load(path, load_external_data=False)
    inputs = make_inputs(model, rng)
    session = ort_session(path)
    expected = session.run(None, inputs)
    name = os.path.splitext(os.path.basename(path))[0]
    compile_s, outputs, kiln_median_ms = (
        run_with_python(path, inputs) if args.python
        else run_with_tools(args, path, name, inputs, work))
    report = {"model": name, "compile_s": round(compile_s, 2), "outputs": []}
    ok = len(outputs) == len(expected)
    for actual, reference in zip(outputs, expected):
        error = np.abs(actual.astype(np.float64) - reference)
        matches = actual.shape == reference.shape and bool(
            np.all(error <= args.rtol * np.abs(reference) +
                   args.atol * np.abs(reference).max()))
        ok &= matches
        report["outputs"].append({
            "shape": list(reference.shape), "match": matches,
            "max_abs_error": float(error.max()),
            "max_abs_reference": float(np.abs(reference).max())})
    if args.bench:
        kiln_ms = kiln_median_ms(args.bench)
        ort_ms = ort_median_ms(session, inputs, args.bench)
        report.update(kiln_median_ms=kiln_ms, ort_median_ms=round(ort_ms, 3),
                      kiln_over_ort=round(kiln_ms / ort_ms, 2))
    print(json.dumps(report), flush=True)
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiln-compile")
    parser.add_argument("--kiln-run")
    parser.add_argument("--python", action="store_true",
                        help="compile and run through the kiln package")
    parser.add_argument("--rtol", type=float, default=1e-3)
    parser.add_argument("--atol", type=float, default=1e-5,
                        help="absolute tolerance, times max|reference|")
    parser.add_argument("--bench", type=int, default=0)
    parser.add_argument("models", nargs="+")
    args = parser.parse_args()
    if not args.python and not (args.kiln_compile and args.kiln_run):
        parser.error("give --kiln-compile and --kiln-run, or --python")
    with tempfile.TemporaryDirectory(prefix="kiln-check-") as work:
        results = [check(args, path, work) for path in args.models]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
