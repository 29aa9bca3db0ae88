"""Exports torchvision's ResNet-18 (random weights) to ONNX, float and QDQ.

Usage: python resnet18.py OUT_DIR
Writes OUT_DIR/resnet18.onnx and OUT_DIR/resnet18_qdq.onnx (int8 symmetric
per-channel weights, uint8 asymmetric per-tensor activations, as
onnxruntime's static quantizer emits them).

Needs Debian's python3-torch / python3-torchvision and, for the QDQ model,
onnxruntime from PyPI in a venv over the system site packages:
  /usr/bin/python3 -m venv --system-site-packages .venv
  .venv/bin/pip install onnxruntime "onnx>=1.17" "numpy<2"
"""
import os
import sys

import numpy as np
import torch
import torchvision


class RandomImages:
    """Calibration data for the static quantizer."""

    def __init__(self, count=4, seed=0):
        rng = np.random.default_rng(seed)
        self.batches = iter(
            [{"input": rng.random((1, 3, 224, 224), dtype=np.float32)}
             for _ in range(count)])

    def get_next(self):
        return next(self.batches, None)


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None).eval()
    float_path = os.path.join(out_dir, "resnet18.onnx")
    torch.onnx.export(model, torch.randn(1, 3, 224, 224), float_path,
                      opset_version=17, input_names=["input"],
                      output_names=["logits"])
    from onnxruntime.quantization import (CalibrationDataReader, QuantFormat,
                                          QuantType, quantize_static)

    class Reader(RandomImages, CalibrationDataReader):
        pass

    quantize_static(float_path, os.path.join(out_dir, "resnet18_qdq.onnx"),
                    Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QUInt8,
                    weight_type=QuantType.QInt8)


if __name__ == "__main__":
    main()
