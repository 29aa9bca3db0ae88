#!/usr/bin/env bash
# Kiln's main job, from a fresh clone: install dependencies, build, compile
# the bundled example ONNX model (examples/mlp.onnx) to a native shared
# library, run it, check the outputs against the reference and time it.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh kiln-compile kiln-run KilnModelSupport

out=build/examples
mkdir -p "$out"
echo "== kiln-compile examples/mlp.onnx -o $out/mlp.so"
build/bin/kiln-compile examples/mlp.onnx -o "$out/mlp.so"
echo "== kiln-run $out/mlp.so --input examples/mlp_input.npy"
build/bin/kiln-run "$out/mlp.so" --input examples/mlp_input.npy \
  --output-dir "$out/mlp-outputs"
/usr/bin/python3 examples/check_outputs.py "$out/mlp-outputs/output_0.npy" \
  examples/mlp_expected.npy
echo "== latency (kiln-run --bench 1000, milliseconds)"
build/bin/kiln-run "$out/mlp.so" --input examples/mlp_input.npy \
  --output-dir "$out/mlp-outputs" --bench 1000
