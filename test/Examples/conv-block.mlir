// The README quick start's example: batch normalization folds into the conv.
// RUN: kiln-opt %S/../../examples/conv-block.mlir --pass-pipeline='builtin.module(func.func(kiln-fold-batch-norm,canonicalize))' | FileCheck %s

// CHECK-LABEL: func.func @conv_block
// CHECK: %[[CONV:.*]] = kiln.conv
// CHECK-NOT: kiln.batch_norm
// CHECK: %[[RELU:.*]] = kiln.relu %[[CONV]]
// CHECK: %[[Q:.*]] = kiln.quantize %[[RELU]] : tensor<1x3x6x6xf32> -> tensor<1x3x6x6x!quant.uniform<u8:f32, 2.352940e-02>>
// CHECK: kiln.dequantize %[[Q]]
