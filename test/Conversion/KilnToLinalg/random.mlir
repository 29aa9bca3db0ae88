// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// A seeded draw: the op's own execution counter, incremented atomically;
// the key is the seed's bits (7.0 = 0x40E00000); every element runs the
// ten rounds of Philox4x32-10 (two 32x32 -> 64 bit products each) on
// (element index, execution); its top 24 bits times 2^-24 are u in [0, 1),
// scaled to [low, high).
// CHECK: memref.global "private" @[[COUNTER:kiln_random_executions_0]] : memref<i64> = dense<0>
// CHECK-LABEL: func.func @random_uniform
// CHECK: %[[STATE:.*]] = memref.get_global @[[COUNTER]] : memref<i64>
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: %[[EXECUTION:.*]] = memref.atomic_rmw addi %[[ONE]], %[[STATE]][] : (i64, memref<i64>) -> i64
// CHECK: %[[KEY:.*]] = arith.constant 1088421888 : i64
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x3xf32>)
// CHECK-DAG: arith.trunci %[[EXECUTION]] : i64 to i32
// CHECK-DAG: arith.trunci %[[KEY]] : i64 to i32
// CHECK-COUNT-20: arith.mului_extended
// CHECK-NOT: arith.mului_extended
// CHECK: %[[C40:.*]] = arith.constant 40 : i64
// CHECK: %[[TOP:.*]] = arith.shrui %{{.*}}, %[[C40]] : i64
// CHECK: %[[SCALE:.*]] = arith.constant 5.96046448E-8 : f32
// CHECK: %[[FLOAT:.*]] = arith.uitofp %[[TOP]] : i64 to f32
// CHECK: %[[U:.*]] = arith.mulf %[[FLOAT]], %[[SCALE]] : f32
// CHECK: %[[LOW:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: %[[RANGE:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[RANGE]], %[[U]] : f32
// CHECK: arith.addf %[[LOW]], %[[SCALED]] : f32
func.func @random_uniform() -> tensor<2x3xf32> {
  %r = kiln.random_uniform {low = -1.000000e+00 : f32, high = 1.000000e+00 : f32, seed = 7.000000e+00 : f32} : tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// Without a seed, each op keys its generator with its own number under
// the high half 0x6B696C6E ("kiln"). Box-Muller: sqrt(-2 ln(1 - u1))
// cos(2 pi u2) from two f64 draws of 53 bits.
// CHECK: memref.global "private" @[[FIRST:kiln_random_executions_0]]
// CHECK: memref.global "private" @[[SECOND:kiln_random_executions_1]]
// CHECK-LABEL: func.func @random_normal_unseeded
// CHECK: memref.get_global @[[FIRST]] : memref<i64>
// CHECK: memref.atomic_rmw addi
// CHECK: arith.constant 7739836654315110400 : i64
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<4xf64>)
// CHECK: %[[C11:.*]] = arith.constant 11 : i64
// CHECK: arith.shrui %{{.*}}, %[[C11]] : i64
// CHECK: arith.constant 1.1102230246251565E-16 : f64
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: math.cos
// CHECK: memref.get_global @[[SECOND]] : memref<i64>
// CHECK: memref.atomic_rmw addi
// CHECK: arith.constant 7739836654315110401 : i64
func.func @random_normal_unseeded() -> (tensor<4xf64>, tensor<4xf64>) {
  %a = kiln.random_normal : tensor<4xf64>
  %b = kiln.random_normal : tensor<4xf64>
  return %a, %b : tensor<4xf64>, tensor<4xf64>
}

// -----

// CHECK-LABEL: func.func @bernoulli
// CHECK-SAME: (%[[P:.*]]: tensor<10xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[P]] : tensor<10xf32>) outs(%{{.*}} : tensor<10xi1>)
// CHECK: ^bb0(%[[PROBABILITY:.*]]: f32, %{{.*}}: i1):
// CHECK: %[[U:.*]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: %[[HIT:.*]] = arith.cmpf olt, %[[U]], %[[PROBABILITY]] : f32
// CHECK: linalg.yield %[[HIT]] : i1
func.func @bernoulli(%p: tensor<10xf32>) -> tensor<10xi1> {
  %b = kiln.bernoulli %p {seed = 0.000000e+00 : f32} : tensor<10xf32> -> tensor<10xi1>
  return %b : tensor<10xi1>
}

// -----

// Row maxima, weights e^(x - max) and their row sums in f64; every sample
// scans its row's weights in an scf.for for the class whose cumulative
// interval holds u * total.
// CHECK-LABEL: func.func @multinomial
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}} : tensor<3xf64>)
// CHECK: arith.maximumf
// CHECK: %[[WEIGHTS:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[MAX]] : tensor<3x10xf32>, tensor<3xf64>) outs(%{{.*}} : tensor<3x10xf64>)
// CHECK: math.exp
// CHECK: %[[TOTAL:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} ins(%[[WEIGHTS]] : tensor<3x10xf64>)
// CHECK: linalg.generic {{.*}} ins(%[[TOTAL]] : tensor<3xf64>) outs(%{{.*}} : tensor<3x5xi32>)
// CHECK: ^bb0(%[[ROW_TOTAL:.*]]: f64, %{{.*}}: i32):
// CHECK: %[[TARGET:.*]] = arith.mulf %{{.*}}, %[[ROW_TOTAL]] : f64
// CHECK: %[[SCAN:.*]]:2 = scf.for %[[CLASS:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[BELOW:.*]] = %{{.*}}, %[[CHOSEN:.*]] = %{{.*}}) -> (f64, index)
// CHECK: %[[WEIGHT:.*]] = tensor.extract %[[WEIGHTS]][%{{.*}}, %[[CLASS]]] : tensor<3x10xf64>
// CHECK: arith.cmpf ogt, %[[WEIGHT]]
// CHECK: arith.cmpf ole, %[[BELOW]], %[[TARGET]] : f64
// CHECK: arith.select %{{.*}}, %[[CLASS]], %[[CHOSEN]] : index
// CHECK: arith.index_cast %[[SCAN]]#1 : index to i32
func.func @multinomial(%x: tensor<3x10xf32>) -> tensor<3x5xi32> {
  %s = kiln.multinomial %x {sample_size = 5 : i64} : tensor<3x10xf32> -> tensor<3x5xi32>
  return %s : tensor<3x5xi32>
}
