#!/usr/bin/env bash
# Exports ResNet-18, MobileNetV2 and a BERT-style encoder (random weights)
# with Debian's torch, compiles them with Kiln and compares with onnxruntime
# (PyPI, in build/ort-venv over the system site packages). Extra arguments
# go to bench/models/check_against_onnxruntime.py (e.g. --bench 20, or
# --python to compile and run through the kiln Python package).
# Needs the network once, for `pip install onnxruntime`.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh python3-torch python3-torchvision python3-venv
./scripts/build.sh kiln-compile kiln-run KilnModelSupport _kiln
venv=build/ort-venv
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
  "$venv/bin/pip" install --quiet onnxruntime "onnx>=1.17"
fi
models=build/real-models
/usr/bin/python3 bench/models/export.py "$models"
PYTHONPATH=build/python_packages "$venv/bin/python" \
  bench/models/check_against_onnxruntime.py \
  --kiln-compile build/bin/kiln-compile --kiln-run build/bin/kiln-run \
  "$@" "$models"/{resnet18,mobilenet_v2,bert_encoder}.onnx
