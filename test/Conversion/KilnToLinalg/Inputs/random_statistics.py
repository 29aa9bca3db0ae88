"""Compiles a model of ONNX random ops with kiln-compile, runs it through
the model C ABI and checks its draws: their distributions (moments and
frequencies far inside what chance allows for 10000 draws), the bounds,
and that draws are reproducible per execution while executions and
seedless ops differ.

Usage: random_statistics.py KILN_COMPILE WORK_DIR
Prints one PASS or FAIL line per check.
"""
import ctypes
import os
import shutil
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

N = 10000
CLASS_PROBABILITIES = np.array([0.2, 0.5, 0.3])
# Bernoulli probabilities: 1000 zeros, 1000 ones, the rest 0.3.
PROBABILITIES = np.full(N, 0.3, dtype=np.float32)
PROBABILITIES[:1000] = 0.0
PROBABILITIES[1000:2000] = 1.0

# (name, element type, ONNX element type) of the graph outputs, in order.
OUTPUTS = [
    ("uniform", np.float32, TensorProto.FLOAT),
    ("uniform_range", np.float32, TensorProto.FLOAT),
    ("unseeded", np.float32, TensorProto.FLOAT),
    ("unseeded_other", np.float32, TensorProto.FLOAT),
    ("normal", np.float32, TensorProto.FLOAT),
    ("normal_double", np.float64, TensorProto.DOUBLE),
    ("bernoulli", np.float32, TensorProto.FLOAT),
    ("classes", np.int32, TensorProto.INT32),
    ("known_answer", np.float64, TensorProto.DOUBLE),
]
# Philox4x32-10 of counter 0 under key 0 (seed 0.0, element 0, execution
# 0) is 0x6627e8d5 0xe169c58d ... (Random123's known-answer test); the
# first f64 draw is its top 53 bits times 2^-53.
KNOWN_ANSWER = ((0x6627E8D5 << 32 | 0xE169C58D) >> 11) * 2.0**-53


def build_model():
    node = helper.make_node
    nodes = [
        node("RandomUniform", [], ["uniform"], shape=[N], seed=1.0),
        node("RandomUniform", [], ["uniform_range"], shape=[N], low=-2.0,
             high=6.0, seed=2.0),
        node("RandomUniform", [], ["unseeded"], shape=[N]),
        node("RandomUniform", [], ["unseeded_other"], shape=[N]),
        node("RandomNormal", [], ["normal"], shape=[N], mean=1.0, scale=2.0,
             seed=3.0),
        node("RandomNormal", [], ["normal_double"], shape=[N],
             dtype=TensorProto.DOUBLE, seed=4.0),
        node("Bernoulli", ["p"], ["bernoulli"], seed=5.0),
        node("Multinomial", ["logits"], ["classes"], sample_size=N, seed=6.0),
        node("RandomUniform", [], ["known_answer"], shape=[N],
             dtype=TensorProto.DOUBLE, seed=0.0),
    ]
    logits = np.log(CLASS_PROBABILITIES).astype(np.float32).reshape(1, 3)
    graph = helper.make_graph(
        nodes, "random_statistics",
        [helper.make_tensor_value_info("p", TensorProto.FLOAT, [N])],
        [helper.make_tensor_value_info(
            name, onnx_type, [1, N] if name == "classes" else [N])
         for name, _, onnx_type in OUTPUTS],
        [numpy_helper.from_array(logits, "logits")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 15)])


class Model:
    """A compiled model; each instance loads its own copy of the library,
    so each has its own execution counters."""

    def __init__(self, library):
        self.library = ctypes.CDLL(library)
        self.library.kiln_model_run.restype = ctypes.c_int32

    def run(self):
        outputs = [np.zeros((1, N) if name == "classes" else N, dtype)
                   for name, dtype, _ in OUTPUTS]
        inputs = (ctypes.c_void_p * 1)(PROBABILITIES.ctypes.data)
        results = (ctypes.c_void_p * len(outputs))(
            *[output.ctypes.data for output in outputs])
        if self.library.kiln_model_run(inputs, results) != 0:
            raise RuntimeError("kiln_model_run failed")
        return {name: output for (name, _, _), output in zip(OUTPUTS, outputs)}


def check(name, condition, detail):
    print(f"{'PASS' if condition else 'FAIL'} {name}: {detail}")


def main():
    kiln_compile, work = sys.argv[1:3]
    os.makedirs(work, exist_ok=True)
    model = os.path.join(work, "model.onnx")
    onnx.save(build_model(), model)
    library = os.path.join(work, "model.so")
    subprocess.run([kiln_compile, model, "-o", library], check=True)
    copy = os.path.join(work, "copy.so")
    shutil.copy(library, copy)

    first = Model(library)
    run1, run2 = first.run(), first.run()
    fresh = Model(copy).run()

    check("philox known answer", run1["known_answer"][0] == KNOWN_ANSWER,
          f"{run1['known_answer'][0]!r}")
    u = run1["uniform"]
    check("uniform mean", abs(u.mean() - 0.5) < 0.02, f"{u.mean():.4f}")
    check("uniform variance", abs(u.var() - 1 / 12) < 0.005, f"{u.var():.4f}")
    check("uniform bounds", u.min() >= 0 and u.max() < 1,
          f"[{u.min():.7f}, {u.max():.7f}]")
    r = run1["uniform_range"]
    check("uniform range", r.min() >= -2 and r.max() < 6 and
          abs(r.mean() - 2) < 0.1, f"[{r.min():.3f}, {r.max():.3f}] "
          f"mean {r.mean():.3f}")
    for name, mean, scale in (("normal", 1.0, 2.0),
                              ("normal_double", 0.0, 1.0)):
        z = (run1[name] - mean) / scale
        within = np.mean(np.abs(z) < 1)
        check(f"{name} moments", abs(z.mean()) < 0.05 and
              abs(z.std() - 1) < 0.05 and abs(within - 0.6827) < 0.02,
              f"mean {z.mean():.4f} std {z.std():.4f} "
              f"within 1 sigma {within:.4f}")
    b = run1["bernoulli"]
    check("bernoulli certain", np.all(b[:1000] == 0) and
          np.all(b[1000:2000] == 1), "p = 0 and p = 1")
    rate = b[2000:].mean()
    check("bernoulli rate", abs(rate - 0.3) < 0.02, f"{rate:.4f}")
    counts = np.bincount(run1["classes"].ravel(), minlength=3)
    frequencies = counts / N
    check("multinomial frequencies", len(counts) == 3 and
          np.all(np.abs(frequencies - CLASS_PROBABILITIES) < 0.02),
          f"{np.round(frequencies, 4).tolist()}")

    check("reproducible", all(np.array_equal(run1[name], fresh[name])
                              for name, _, _ in OUTPUTS),
          "first execution of two loaded copies")
    check("unseeded ops differ",
          not np.array_equal(run1["unseeded"], run1["unseeded_other"]),
          "two seedless ops of one execution")
    check("executions differ", all(not np.array_equal(run1[name], run2[name])
                                   for name, _, _ in OUTPUTS),
          "first and second execution")


if __name__ == "__main__":
    main()
