#!/usr/bin/env bash
# Kiln's main job, from a fresh clone: install dependencies, build, and run
# the graph passes on the bundled example (examples/conv-block.mlir).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh kiln-opt

echo "== examples/conv-block.mlir after kiln-fold-batch-norm + canonicalize:"
build/bin/kiln-opt examples/conv-block.mlir \
  --pass-pipeline='builtin.module(func.func(kiln-fold-batch-norm,canonicalize))'
