"""Exports the real models Kiln is checked on to ONNX (random weights).

Usage: python3 export.py OUT_DIR [--qdq]
Writes OUT_DIR/resnet18.onnx, mobilenet_v2.onnx (torchvision) and
bert_encoder.onnx (a BERT-base-style encoder at reduced width: token,
position and segment embeddings, 4 post-norm layers of 4-head attention
with an attention mask and a GELU MLP, a tanh pooler), all opset 17, batch
1, weights from torch.manual_seed(0). With --qdq also resnet18_qdq.onnx:
int8 symmetric per-channel weights, uint8 asymmetric per-tensor activations,
as onnxruntime's static quantizer emits them.

Needs Debian's python3-torch / python3-torchvision (run it with
/usr/bin/python3); --qdq needs onnxruntime from PyPI as well, in a venv
over the system site packages:
  /usr/bin/python3 -m venv --system-site-packages .venv
  .venv/bin/pip install onnxruntime "onnx>=1.17"
"""
import argparse
import math
import os

import numpy as np
import torch
import torchvision

BERT_SEQUENCE = 128
BERT_VOCABULARY = 30522


class EncoderLayer(torch.nn.Module):
    def __init__(self, hidden, heads, intermediate):
        super().__init__()
        self.heads = heads
        self.query = torch.nn.Linear(hidden, hidden)
        self.key = torch.nn.Linear(hidden, hidden)
        self.value = torch.nn.Linear(hidden, hidden)
        self.attention_out = torch.nn.Linear(hidden, hidden)
        self.attention_norm = torch.nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = torch.nn.Linear(hidden, intermediate)
        self.output = torch.nn.Linear(intermediate, hidden)
        self.output_norm = torch.nn.LayerNorm(hidden, eps=1e-12)

    def split_heads(self, x):
        batch, sequence, hidden = x.shape
        return x.reshape(batch, sequence, self.heads,
                         hidden // self.heads).transpose(1, 2)

    def forward(self, x, mask_bias):
        q = self.split_heads(self.query(x))
        k = self.split_heads(self.key(x))
        v = self.split_heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + mask_bias
        context = torch.softmax(scores, dim=-1) @ v
        context = context.transpose(1, 2).reshape(x.shape)
        x = self.attention_norm(x + self.attention_out(context))
        hidden = torch.nn.functional.gelu(self.intermediate(x))
        return self.output_norm(x + self.output(hidden))


class BertEncoder(torch.nn.Module):
    def __init__(self, hidden=256, heads=4, layers=4, intermediate=1024):
        super().__init__()
        self.words = torch.nn.Embedding(BERT_VOCABULARY, hidden)
        self.positions = torch.nn.Embedding(512, hidden)
        self.segments = torch.nn.Embedding(2, hidden)
        self.norm = torch.nn.LayerNorm(hidden, eps=1e-12)
        self.layers = torch.nn.ModuleList(
            EncoderLayer(hidden, heads, intermediate) for _ in range(layers))
        self.pooler = torch.nn.Linear(hidden, hidden)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.norm(self.words(input_ids) + self.positions(positions) +
                      self.segments(token_type_ids))
        mask_bias = (1.0 - attention_mask[:, None, None, :].float()) * -1e4
        for layer in self.layers:
            x = layer(x, mask_bias)
        return x, torch.tanh(self.pooler(x[:, 0]))


def export_bert(path):
    ids = torch.randint(0, BERT_VOCABULARY, (1, BERT_SEQUENCE))
    mask = torch.ones(1, BERT_SEQUENCE, dtype=torch.int64)
    segments = torch.zeros(1, BERT_SEQUENCE, dtype=torch.int64)
    torch.onnx.export(BertEncoder().eval(), (ids, mask, segments), path,
                      opset_version=17,
                      input_names=["input_ids", "attention_mask",
                                   "token_type_ids"],
                      output_names=["last_hidden_state", "pooled"])


def randomize_batch_norms(model):
    """Gives batch norms random statistics and affine parameters: with
    torchvision's initialization (mean 0, variance 1, identity affine) they
    would be no-ops, and MobileNetV2's logits would shrink to ~1e-9."""
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.1, 0.1)
            module.running_var.uniform_(0.5, 1.5)
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.uniform_(-0.1, 0.1)
    return model


def export_vision(constructor, path):
    torch.onnx.export(randomize_batch_norms(constructor(weights=None)).eval(),
                      torch.randn(1, 3, 224, 224), path, opset_version=17,
                      input_names=["input"], output_names=["logits"])


class RandomImages:
    """Calibration data for the static quantizer."""

    def __init__(self, count=4, seed=0):
        rng = np.random.default_rng(seed)
        self.batches = iter(
            [{"input": rng.random((1, 3, 224, 224), dtype=np.float32)}
             for _ in range(count)])

    def get_next(self):
        return next(self.batches, None)


def quantize_qdq(float_path, qdq_path):
    from onnxruntime.quantization import (CalibrationDataReader, QuantFormat,
                                          QuantType, quantize_static)

    class Reader(RandomImages, CalibrationDataReader):
        pass

    quantize_static(float_path, qdq_path, Reader(),
                    quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QUInt8,
                    weight_type=QuantType.QInt8)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--qdq", action="store_true",
                        help="also write resnet18_qdq.onnx (onnxruntime)")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    path = lambda name: os.path.join(args.out_dir, name + ".onnx")
    torch.manual_seed(0)
    export_vision(torchvision.models.resnet18, path("resnet18"))
    export_vision(torchvision.models.mobilenet_v2, path("mobilenet_v2"))
    export_bert(path("bert_encoder"))
    if args.qdq:
        quantize_qdq(path("resnet18"), path("resnet18_qdq"))


if __name__ == "__main__":
    main()
