// RUN: kiln-opt --convert-kiln-to-linalg %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @acos
// CHECK: linalg.generic
// CHECK: math.acos
func.func @acos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.acos %x : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Python-style integer mod: a nonzero remainder whose sign differs from the
// divisor's moves by one divisor.
// CHECK-LABEL: func.func @mod_signed
// CHECK: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[REM:.*]] = arith.remsi %[[A]], %[[B]] : i32
// CHECK: %[[NONZERO:.*]] = arith.cmpi ne, %[[REM]]
// CHECK: %[[REMNEG:.*]] = arith.cmpi slt, %[[REM]]
// CHECK: %[[BNEG:.*]] = arith.cmpi slt, %[[B]]
// CHECK: %[[DIFFER:.*]] = arith.xori %[[REMNEG]], %[[BNEG]]
// CHECK: %[[ADJUST:.*]] = arith.andi %[[NONZERO]], %[[DIFFER]]
// CHECK: %[[SUM:.*]] = arith.addi %[[REM]], %[[B]]
// CHECK: %[[R:.*]] = arith.select %[[ADJUST]], %[[SUM]], %[[REM]]
// CHECK: linalg.yield %[[R]]
func.func @mod_signed(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %y = kiln.mod %a, %b : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// -----

// Floats: C fmod.
// CHECK-LABEL: func.func @mod_float
// CHECK: arith.remf
func.func @mod_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.mod %a, %b : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Unsigned right shifts are logical and give 0 from the bit width on.
// CHECK-LABEL: func.func @shift_right_unsigned
// CHECK: ^bb0(%[[V:.*]]: i8, %[[S:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[S]], %{{.*}} : i8
// CHECK: %[[SH:.*]] = arith.shrui %[[V]], %[[S]] : i8
// CHECK: arith.select %[[IN]], %[[SH]], %{{.*}} : i8
func.func @shift_right_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %y = kiln.shift_right %a, %b : tensor<4xui8>, tensor<4xui8> -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

// Unsigned bounds compare unsigned; 200 : ui8 is -56 : i8 in the signless type.
// CHECK-LABEL: func.func @clip_unsigned
// CHECK: %[[LO:.*]] = arith.constant 3 : i8
// CHECK: %[[MAX:.*]] = arith.maxui %{{.*}}, %[[LO]] : i8
// CHECK: %[[HI:.*]] = arith.constant -56 : i8
// CHECK: arith.minui %[[MAX]], %[[HI]] : i8
func.func @clip_unsigned(%x: tensor<4xui8>) -> tensor<4xui8> {
  %y = kiln.clip %x {min = 3 : ui8, max = 200 : ui8} : tensor<4xui8> -> tensor<4xui8>
  return %y : tensor<4xui8>
}

// -----

// Only the given bound clamps.
// CHECK-LABEL: func.func @clip_max_only
// CHECK-NOT: arith.maximumf
// CHECK: arith.minimumf
func.func @clip_max_only(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.clip %x {max = 6.0 : f32} : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @gelu_tanh
// CHECK: math.tanh
// CHECK-NOT: math.erf
func.func @gelu_tanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.gelu %x {approximate = #kiln.gelu_approximation<tanh>} : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @gelu_erf
// CHECK: math.erf
func.func @gelu_erf(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = kiln.gelu %x : tensor<4xf32> -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @is_inf_positive
// CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: arith.cmpf oeq, %{{.*}}, %[[INF]] : f32
// CHECK-NOT: 0xFF800000
func.func @is_inf_positive(%x: tensor<4xf32>) -> tensor<4xi1> {
  %y = kiln.is_inf %x {detect_positive} : tensor<4xf32> -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @is_nan
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i1):
// CHECK: arith.cmpf uno, %[[X]], %[[X]] : f32
func.func @is_nan(%x: tensor<4xf32>) -> tensor<4xi1> {
  %y = kiln.is_nan %x : tensor<4xf32> -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @not
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[TRUE]] : i1
func.func @not(%x: tensor<4xi1>) -> tensor<4xi1> {
  %y = kiln.not %x : tensor<4xi1> -> tensor<4xi1>
  return %y : tensor<4xi1>
}

// -----

// PRelu broadcasts the slope.
// CHECK: #[[SLOPE:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @prelu
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[SLOPE]], #{{.*}}]
// CHECK: %[[SCALED:.*]] = arith.mulf
// CHECK: %[[NONNEG:.*]] = arith.cmpf oge
// CHECK: arith.select %[[NONNEG]], %{{.*}}, %[[SCALED]]
func.func @prelu(%x: tensor<2x3xf32>, %slope: tensor<3xf32>) -> tensor<2x3xf32> {
  %y = kiln.prelu %x, %slope : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Integer sign: -1, 0 or 1 in the element type.
// CHECK-LABEL: func.func @sign_int
// CHECK: ^bb0(%[[X:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %{{.*}}, %[[ZERO]]
// CHECK: %[[POS:.*]] = arith.cmpi sgt, %{{.*}}, %[[ZERO]]
// CHECK: %[[MINUS_ONE:.*]] = arith.constant -1 : i32
// CHECK: %[[NON_POS:.*]] = arith.select %[[NEG]], %[[MINUS_ONE]], %[[X]]
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: arith.select %[[POS]], %[[ONE]], %[[NON_POS]]
func.func @sign_int(%x: tensor<4xi32>) -> tensor<4xi32> {
  %y = kiln.sign %x : tensor<4xi32> -> tensor<4xi32>
  return %y : tensor<4xi32>
}

// -----

// Run-time extents are not lowered yet: the op stays and the pass fails.
func.func @dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.softsign'}}
  %y = kiln.softsign %x : tensor<?xf32> -> tensor<?xf32>
  return %y : tensor<?xf32>
}
