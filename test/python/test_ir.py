"""kiln.ir.Module, kiln.import_onnx, Module.run_passes, kiln.passes."""
import pytest

import kiln
from kiln.ir import Module

from conftest import EXAMPLES

FOLDABLE = """
func.func @conv_bias_batch_norm(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = kiln.constant dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]]> : tensor<2x2x1x1xf32>
  %b = kiln.constant dense<[0.5, -1.0]> : tensor<2xf32>
  %c = kiln.conv %x, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %scale = kiln.constant dense<[4.0, 1.0]> : tensor<2xf32>
  %shift = kiln.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %mean = kiln.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %var = kiln.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = kiln.batch_norm %c, %scale, %shift, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}
"""


def test_parse_print_round_trip():
    module = Module.parse((EXAMPLES / "conv-block.mlir").read_text())
    text = str(module)
    assert "func.func @conv_block" in text and "kiln.batch_norm" in text
    assert str(Module.parse(text)) == text


def test_import_onnx(mlp_path):
    for model in (mlp_path, mlp_path.read_bytes()):
        text = str(kiln.import_onnx(model))
        assert 'func.func @main(%arg0: tensor<4x64xf32> {kiln.name = "input"})' in text
        assert "kiln.matmul" in text and "kiln.sigmoid" in text
    assert "tensor<4x64xf32>" in str(
        kiln.import_onnx(mlp_path, input_shapes={"input": [4, 64]}))


def test_run_passes_folds_batch_norm():
    module = Module.parse(FOLDABLE)
    module.run_passes("func.func(kiln-fold-batch-norm)")
    text = str(module)
    assert "kiln.batch_norm" not in text
    assert "dense<[1.000000e+00, -2.000000e+00]>" in text


@pytest.mark.parametrize("pipeline", [
    "kiln-graph",
    "builtin.module(kiln-graph)",
    "func.func(canonicalize, kiln-fold-batch-norm), cse",
])
def test_pipeline_spellings(pipeline):
    module = Module.parse(FOLDABLE)
    module.run_passes(pipeline)
    assert "kiln.batch_norm" not in str(module)


def test_lowering_passes(mlp_path):
    module = kiln.import_onnx(mlp_path)
    module.run_passes("kiln-graph, convert-kiln-to-linalg")
    text = str(module)
    assert "linalg.generic" in text
    assert "kiln." not in text.replace("kiln.name", "")


def test_to_string_elides_large_constants(mlp_path):
    module = kiln.import_onnx(mlp_path)
    full = str(module)
    short = module.to_string(large_elements_limit=16)
    assert len(short) < len(full) // 10
    assert "__elided__" in short
    assert "loc(" in module.to_string(debug_info=True)


def test_passes_lists_registered_passes():
    passes = kiln.passes()
    for name in ("kiln-fold-batch-norm", "convert-kiln-to-linalg",
                 "kiln-graph", "canonicalize", "one-shot-bufferize"):
        assert name in passes
    assert "batch" in passes["kiln-fold-batch-norm"].lower()
    assert all(isinstance(summary, str) for summary in passes.values())
