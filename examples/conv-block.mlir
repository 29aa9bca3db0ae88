// A ResNet-style block as the ONNX importer produces it: a convolution,
// inference batch normalization, a ReLU, and a QuantizeLinear /
// DequantizeLinear pair on the activation (uint8, per tensor).
// `scripts/quickstart.sh` runs Kiln's graph passes on it: batch
// normalization folds into the convolution's weight and bias.
func.func @conv_block(%input: tensor<1x2x6x6xf32>) -> tensor<1x3x6x6xf32> {
  %weight = kiln.constant dense<[[[[0.1, 0.2, 0.1], [0.0, 0.5, 0.0], [-0.1, -0.2, -0.1]],
                                  [[0.3, 0.0, -0.3], [0.3, 0.0, -0.3], [0.3, 0.0, -0.3]]],
                                 [[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
                                  [[0.0, 0.0, 0.5], [0.0, 0.5, 0.0], [0.5, 0.0, 0.0]]],
                                 [[[0.2, 0.2, 0.2], [0.2, 0.2, 0.2], [0.2, 0.2, 0.2]],
                                  [[-0.1, 0.4, -0.1], [0.4, -1.0, 0.4], [-0.1, 0.4, -0.1]]]]> : tensor<3x2x3x3xf32>
  %bias = kiln.constant dense<[0.05, -0.1, 0.0]> : tensor<3xf32>
  %conv = kiln.conv %input, %weight, %bias {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>}
      : (tensor<1x2x6x6xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x6x6xf32>
  %scale = kiln.constant dense<[1.0, 0.5, 2.0]> : tensor<3xf32>
  %shift = kiln.constant dense<[0.1, 0.0, -0.2]> : tensor<3xf32>
  %mean = kiln.constant dense<[0.0, 0.25, -0.5]> : tensor<3xf32>
  %variance = kiln.constant dense<[1.0, 4.0, 0.25]> : tensor<3xf32>
  %norm = kiln.batch_norm %conv, %scale, %shift, %mean, %variance
      : (tensor<1x3x6x6xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x6x6xf32>
  %relu = kiln.relu %norm : tensor<1x3x6x6xf32> -> tensor<1x3x6x6xf32>
  %q = kiln.quantize %relu : tensor<1x3x6x6xf32> -> tensor<1x3x6x6x!quant.uniform<u8:f32, 0.0235294:0>>
  %dq = kiln.dequantize %q : tensor<1x3x6x6x!quant.uniform<u8:f32, 0.0235294:0>> -> tensor<1x3x6x6xf32>
  return %dq : tensor<1x3x6x6xf32>
}
