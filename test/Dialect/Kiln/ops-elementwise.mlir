// RUN: kiln-opt %s | kiln-opt | FileCheck %s

// CHECK-LABEL: func.func @ceil
func.func @ceil(%x: tensor<2x3xf32>) {
  // CHECK: kiln.ceil %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.ceil %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @exp
func.func @exp(%x: tensor<2x3xf32>) {
  // CHECK: kiln.exp %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.exp %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @floor
func.func @floor(%x: tensor<2x3xf32>) {
  // CHECK: kiln.floor %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.floor %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @hard_swish
func.func @hard_swish(%x: tensor<2x3xf32>) {
  // CHECK: kiln.hard_swish %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.hard_swish %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @log
func.func @log(%x: tensor<2x3xf32>) {
  // CHECK: kiln.log %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.log %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @reciprocal
func.func @reciprocal(%x: tensor<2x3xf32>) {
  // CHECK: kiln.reciprocal %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.reciprocal %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @round
func.func @round(%x: tensor<2x3xf32>) {
  // CHECK: kiln.round %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.round %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sigmoid
func.func @sigmoid(%x: tensor<2x3xf32>) {
  // CHECK: kiln.sigmoid %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.sigmoid %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @silu
func.func @silu(%x: tensor<2x3xf32>) {
  // CHECK: kiln.silu %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.silu %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @softplus
func.func @softplus(%x: tensor<2x3xf32>) {
  // CHECK: kiln.softplus %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.softplus %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sqrt
func.func @sqrt(%x: tensor<2x3xf32>) {
  // CHECK: kiln.sqrt %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.sqrt %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @tanh
func.func @tanh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.tanh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.tanh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @cos
func.func @cos(%x: tensor<2x3xf32>) {
  // CHECK: kiln.cos %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.cos %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @erf
func.func @erf(%x: tensor<2x3xf32>) {
  // CHECK: kiln.erf %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.erf %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sin
func.func @sin(%x: tensor<2x3xf32>) {
  // CHECK: kiln.sin %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.sin %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sigmoid_quantized
func.func @sigmoid_quantized(%x: tensor<8x!quant.uniform<u8:f32, 0.1:128>>) {
  // CHECK: kiln.sigmoid %{{.*}} : tensor<8x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<8x!quant.uniform<u8:f32, 3.906250e-03>>
  %y = kiln.sigmoid %x : tensor<8x!quant.uniform<u8:f32, 0.1:128>> -> tensor<8x!quant.uniform<u8:f32, 0.00390625>>
  return
}

// CHECK-LABEL: func.func @abs_integer
func.func @abs_integer(%x: tensor<4xi32>) {
  // CHECK: kiln.abs %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %y = kiln.abs %x : tensor<4xi32> -> tensor<4xi32>
  return
}

// CHECK-LABEL: func.func @neg_integer
func.func @neg_integer(%x: tensor<4xi32>) {
  // CHECK: kiln.neg %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %y = kiln.neg %x : tensor<4xi32> -> tensor<4xi32>
  return
}

// CHECK-LABEL: func.func @relu_integer
func.func @relu_integer(%x: tensor<4xi32>) {
  // CHECK: kiln.relu %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %y = kiln.relu %x : tensor<4xi32> -> tensor<4xi32>
  return
}

// CHECK-LABEL: func.func @sign_integer
func.func @sign_integer(%x: tensor<4xi32>) {
  // CHECK: kiln.sign %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %y = kiln.sign %x : tensor<4xi32> -> tensor<4xi32>
  return
}

// CHECK-LABEL: func.func @relu_quantized
func.func @relu_quantized(%x: tensor<8x!quant.uniform<u8:f32, 0.1:128>>) {
  // CHECK: kiln.relu %{{.*}} : tensor<8x!quant.uniform<u8:f32, 1.000000e-01:128>> -> tensor<8x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %y = kiln.relu %x : tensor<8x!quant.uniform<u8:f32, 0.1:128>> -> tensor<8x!quant.uniform<u8:f32, 0.1:128>>
  return
}

// CHECK-LABEL: func.func @not
func.func @not(%x: tensor<4xi1>) {
  // CHECK: kiln.not %{{.*}} : tensor<4xi1> -> tensor<4xi1>
  %y = kiln.not %x : tensor<4xi1> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @leaky_relu
func.func @leaky_relu(%x: tensor<4xf32>) {
  // CHECK: kiln.leaky_relu %{{.*}} : tensor<4xf32>
  %a = kiln.leaky_relu %x : tensor<4xf32> -> tensor<4xf32>
  // CHECK: kiln.leaky_relu %{{.*}} {alpha = 2.000000e-01 : f32} : tensor<4xf32>
  %b = kiln.leaky_relu %x {alpha = 2.000000e-01 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @elu
func.func @elu(%x: tensor<4xf32>) {
  // CHECK: kiln.elu %{{.*}} {alpha = 5.000000e-01 : f32}
  %a = kiln.elu %x {alpha = 5.000000e-01 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @hard_sigmoid
func.func @hard_sigmoid(%x: tensor<4xf16>) {
  // CHECK: kiln.hard_sigmoid %{{.*}} {alpha = 2.500000e-01 : f32} : tensor<4xf16> -> tensor<4xf16>
  %a = kiln.hard_sigmoid %x {alpha = 2.500000e-01 : f32, beta = 5.000000e-01 : f32} : tensor<4xf16> -> tensor<4xf16>
  return
}

// CHECK-LABEL: func.func @gelu
func.func @gelu(%x: tensor<4xbf16>) {
  // CHECK: kiln.gelu %{{.*}} : tensor<4xbf16>
  %a = kiln.gelu %x : tensor<4xbf16> -> tensor<4xbf16>
  // CHECK: kiln.gelu %{{.*}} {approximate = #kiln.gelu_approximation<tanh>} : tensor<4xbf16>
  %b = kiln.gelu %x {approximate = #kiln.gelu_approximation<tanh>} : tensor<4xbf16> -> tensor<4xbf16>
  return
}

// CHECK-LABEL: func.func @clip
func.func @clip(%x: tensor<4xf32>, %i: tensor<4xui8>) {
  // CHECK: kiln.clip %{{.*}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}
  %a = kiln.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  // CHECK: kiln.clip %{{.*}} {max = 1.000000e+00 : f32}
  %b = kiln.clip %x {max = 1.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  // CHECK: kiln.clip %{{.*}} {max = 200 : ui8, min = 3 : ui8} : tensor<4xui8> -> tensor<4xui8>
  %c = kiln.clip %i {min = 3 : ui8, max = 200 : ui8} : tensor<4xui8> -> tensor<4xui8>
  return
}

// CHECK-LABEL: func.func @add
func.func @add(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.add %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.add %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sub
func.func @sub(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.sub %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.sub %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @mul
func.func @mul(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.mul %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.mul %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @div
func.func @div(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.div %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.div %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @mod
func.func @mod(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %i: tensor<4xi64>, %j: tensor<4xi64>) {
  // CHECK: kiln.mod %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.mod %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  // CHECK: kiln.mod %{{.*}}, %{{.*}} {fmod} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %z = kiln.mod %a, %b {fmod} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  // CHECK: kiln.mod %{{.*}}, %{{.*}} {fmod} : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  %k = kiln.mod %i, %j {fmod} : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  return
}

// CHECK-LABEL: func.func @max
func.func @max(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.max %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.max %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @min
func.func @min(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.min %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.min %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @pow
func.func @pow(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // CHECK: kiln.pow %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  %y = kiln.pow %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @add_dynamic_broadcast
func.func @add_dynamic_broadcast(%a: tensor<?x1x4xi64>, %b: tensor<3x1xi64>) {
  // CHECK: kiln.add %{{.*}}, %{{.*}} : tensor<?x1x4xi64>, tensor<3x1xi64> -> tensor<?x3x4xi64>
  %y = kiln.add %a, %b : tensor<?x1x4xi64>, tensor<3x1xi64> -> tensor<?x3x4xi64>
  return
}

// CHECK-LABEL: func.func @add_quantized
func.func @add_quantized(%a: tensor<4x!quant.uniform<u8:f32, 0.1:128>>, %b: tensor<4x!quant.uniform<i8:f32, 0.2:-1>>) {
  // CHECK: kiln.add %{{.*}}, %{{.*}} : tensor<4x!quant.uniform<u8:f32, 1.000000e-01:128>>, tensor<4x!quant.uniform<i8:f32, 2.000000e-01:-1>> -> tensor<4x!quant.uniform<i8:f32, 3.000000e-01>>
  %y = kiln.add %a, %b : tensor<4x!quant.uniform<u8:f32, 0.1:128>>, tensor<4x!quant.uniform<i8:f32, 0.2:-1>> -> tensor<4x!quant.uniform<i8:f32, 0.3>>
  return
}

// CHECK-LABEL: func.func @pow_integer_exponent
func.func @pow_integer_exponent(%a: tensor<4xf32>, %b: tensor<4xi64>) {
  // CHECK: kiln.pow %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi64> -> tensor<4xf32>
  %y = kiln.pow %a, %b : tensor<4xf32>, tensor<4xi64> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @prelu
func.func @prelu(%a: tensor<1x8x4x4xf32>, %s: tensor<8x1x1xf32>) {
  // CHECK: kiln.prelu %{{.*}}, %{{.*}} : tensor<1x8x4x4xf32>, tensor<8x1x1xf32> -> tensor<1x8x4x4xf32>
  %y = kiln.prelu %a, %s : tensor<1x8x4x4xf32>, tensor<8x1x1xf32> -> tensor<1x8x4x4xf32>
  return
}

// CHECK-LABEL: func.func @equal
func.func @equal(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) {
  // CHECK: kiln.equal %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  %y = kiln.equal %a, %b : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @greater
func.func @greater(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) {
  // CHECK: kiln.greater %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  %y = kiln.greater %a, %b : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @greater_equal
func.func @greater_equal(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) {
  // CHECK: kiln.greater_equal %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  %y = kiln.greater_equal %a, %b : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @less
func.func @less(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) {
  // CHECK: kiln.less %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  %y = kiln.less %a, %b : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @less_equal
func.func @less_equal(%a: tensor<2x3xi32>, %b: tensor<2x1xi32>) {
  // CHECK: kiln.less_equal %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  %y = kiln.less_equal %a, %b : tensor<2x3xi32>, tensor<2x1xi32> -> tensor<2x3xi1>
  return
}

// CHECK-LABEL: func.func @and
func.func @and(%a: tensor<4xi1>, %b: tensor<i1>) {
  // CHECK: kiln.and %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  %y = kiln.and %a, %b : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @or
func.func @or(%a: tensor<4xi1>, %b: tensor<i1>) {
  // CHECK: kiln.or %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  %y = kiln.or %a, %b : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @xor
func.func @xor(%a: tensor<4xi1>, %b: tensor<i1>) {
  // CHECK: kiln.xor %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  %y = kiln.xor %a, %b : tensor<4xi1>, tensor<i1> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @where
func.func @where(%c: tensor<2x1xi1>, %a: tensor<3xf32>, %b: tensor<f32>) {
  // CHECK: kiln.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x1xi1>, tensor<3xf32>, tensor<f32> -> tensor<2x3xf32>
  %y = kiln.where %c, %a, %b : tensor<2x1xi1>, tensor<3xf32>, tensor<f32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @acos
func.func @acos(%x: tensor<2x3xf32>) {
  // CHECK: kiln.acos %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.acos %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @acosh
func.func @acosh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.acosh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.acosh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @asin
func.func @asin(%x: tensor<2x3xf32>) {
  // CHECK: kiln.asin %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.asin %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @asinh
func.func @asinh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.asinh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.asinh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @atan
func.func @atan(%x: tensor<2x3xf32>) {
  // CHECK: kiln.atan %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.atan %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @atanh
func.func @atanh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.atanh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.atanh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @cosh
func.func @cosh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.cosh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.cosh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @sinh
func.func @sinh(%x: tensor<2x3xf32>) {
  // CHECK: kiln.sinh %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.sinh %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @tan
func.func @tan(%x: tensor<2x3xf32>) {
  // CHECK: kiln.tan %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.tan %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @softsign
func.func @softsign(%x: tensor<2x3xf32>) {
  // CHECK: kiln.softsign %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.softsign %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @mish
func.func @mish(%x: tensor<2x3xf32>) {
  // CHECK: kiln.mish %{{.*}} : tensor<2x3xf32> -> tensor<2x3xf32>
  %y = kiln.mish %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// CHECK-LABEL: func.func @celu
func.func @celu(%x: tensor<4xf32>) {
  // CHECK: kiln.celu %{{.*}} {alpha = 2.000000e+00 : f32}
  %y = kiln.celu %x {alpha = 2.000000e+00 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @selu
func.func @selu(%x: tensor<4xf32>) {
  // CHECK: kiln.selu %{{.*}} : tensor<4xf32>
  %a = kiln.selu %x : tensor<4xf32> -> tensor<4xf32>
  // CHECK: kiln.selu %{{.*}} {alpha = 2.000000e+00 : f32, gamma = 3.000000e+00 : f32}
  %b = kiln.selu %x {alpha = 2.000000e+00 : f32, gamma = 3.000000e+00 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @thresholded_relu
func.func @thresholded_relu(%x: tensor<4xf32>) {
  // CHECK: kiln.thresholded_relu %{{.*}} {alpha = 5.000000e-01 : f32}
  %y = kiln.thresholded_relu %x {alpha = 5.000000e-01 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// CHECK-LABEL: func.func @shrink
func.func @shrink(%x: tensor<4xi8>) {
  // CHECK: kiln.shrink %{{.*}} {bias = 1.500000e+00 : f32, lambd = 1.500000e+00 : f32} : tensor<4xi8> -> tensor<4xi8>
  %y = kiln.shrink %x {bias = 1.500000e+00 : f32, lambd = 1.500000e+00 : f32} : tensor<4xi8> -> tensor<4xi8>
  return
}

// CHECK-LABEL: func.func @is_nan
func.func @is_nan(%x: tensor<4xf16>) {
  // CHECK: kiln.is_nan %{{.*}} : tensor<4xf16> -> tensor<4xi1>
  %y = kiln.is_nan %x : tensor<4xf16> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @is_inf
func.func @is_inf(%x: tensor<4xf32>) {
  // CHECK: kiln.is_inf %{{.*}} {detect_negative, detect_positive} : tensor<4xf32> -> tensor<4xi1>
  %y = kiln.is_inf %x {detect_negative, detect_positive} : tensor<4xf32> -> tensor<4xi1>
  // CHECK: kiln.is_inf %{{.*}} {detect_negative} : tensor<4xf32> -> tensor<4xi1>
  %z = kiln.is_inf %x {detect_negative} : tensor<4xf32> -> tensor<4xi1>
  return
}

// CHECK-LABEL: func.func @bitwise_and
func.func @bitwise_and(%a: tensor<2x3xui8>, %b: tensor<3xui8>) {
  // CHECK: kiln.bitwise_and %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  %y = kiln.bitwise_and %a, %b : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  return
}

// CHECK-LABEL: func.func @bitwise_or
func.func @bitwise_or(%a: tensor<2x3xui8>, %b: tensor<3xui8>) {
  // CHECK: kiln.bitwise_or %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  %y = kiln.bitwise_or %a, %b : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  return
}

// CHECK-LABEL: func.func @bitwise_xor
func.func @bitwise_xor(%a: tensor<2x3xui8>, %b: tensor<3xui8>) {
  // CHECK: kiln.bitwise_xor %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  %y = kiln.bitwise_xor %a, %b : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  return
}

// CHECK-LABEL: func.func @shift_left
func.func @shift_left(%a: tensor<2x3xui8>, %b: tensor<3xui8>) {
  // CHECK: kiln.shift_left %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  %y = kiln.shift_left %a, %b : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  return
}

// CHECK-LABEL: func.func @shift_right
func.func @shift_right(%a: tensor<2x3xui8>, %b: tensor<3xui8>) {
  // CHECK: kiln.shift_right %{{.*}}, %{{.*}} : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  %y = kiln.shift_right %a, %b : tensor<2x3xui8>, tensor<3xui8> -> tensor<2x3xui8>
  return
}

// CHECK-LABEL: func.func @bitwise_not
func.func @bitwise_not(%x: tensor<4xi32>) {
  // CHECK: kiln.bitwise_not %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %y = kiln.bitwise_not %x : tensor<4xi32> -> tensor<4xi32>
  return
}
