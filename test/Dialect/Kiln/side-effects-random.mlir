// The random ops' memory effects: CSE never merges two draws, LICM never
// hoists one out of a loop, and an unused draw is dead.
// RUN: kiln-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(canonicalize{test-convergence},cse,loop-invariant-code-motion))' | FileCheck %s

// CHECK-LABEL: func.func @identical_draws_stay_apart
// CHECK: %[[A:.*]] = kiln.random_normal {seed = 7.000000e+00 : f32} : tensor<4xf32>
// CHECK: %[[B:.*]] = kiln.random_normal {seed = 7.000000e+00 : f32} : tensor<4xf32>
// CHECK: %[[C:.*]] = kiln.bernoulli %{{.*}} : tensor<4xf32> -> tensor<4xi1>
// CHECK: %[[D:.*]] = kiln.bernoulli %{{.*}} : tensor<4xf32> -> tensor<4xi1>
// CHECK: %[[E:.*]] = kiln.multinomial %{{.*}} : tensor<2x4xf32> -> tensor<2x1xi32>
// CHECK: %[[F:.*]] = kiln.multinomial %{{.*}} : tensor<2x4xf32> -> tensor<2x1xi32>
// CHECK: return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]], %[[F]]
func.func @identical_draws_stay_apart(%p: tensor<4xf32>, %logits: tensor<2x4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xi1>, tensor<4xi1>, tensor<2x1xi32>, tensor<2x1xi32>) {
  %0 = kiln.random_normal {seed = 7.0 : f32} : tensor<4xf32>
  %1 = kiln.random_normal {seed = 7.0 : f32} : tensor<4xf32>
  %2 = kiln.bernoulli %p : tensor<4xf32> -> tensor<4xi1>
  %3 = kiln.bernoulli %p : tensor<4xf32> -> tensor<4xi1>
  %4 = kiln.multinomial %logits : tensor<2x4xf32> -> tensor<2x1xi32>
  %5 = kiln.multinomial %logits : tensor<2x4xf32> -> tensor<2x1xi32>
  return %0, %1, %2, %3, %4, %5 : tensor<4xf32>, tensor<4xf32>, tensor<4xi1>, tensor<4xi1>, tensor<2x1xi32>, tensor<2x1xi32>
}

// -----

// CHECK-LABEL: func.func @unused_draws_are_dead
// CHECK-NOT: kiln.random
// CHECK-NOT: kiln.bernoulli
// CHECK: return
func.func @unused_draws_are_dead(%p: tensor<4xf32>) {
  %0 = kiln.random_uniform : tensor<4xf32>
  %1 = kiln.random_normal : tensor<4xf32>
  %2 = kiln.bernoulli %p : tensor<4xf32> -> tensor<4xi1>
  return
}

// -----

// CHECK-LABEL: func.func @draws_stay_in_loops
// CHECK: scf.for
// CHECK-NEXT: kiln.random_uniform
func.func @draws_stay_in_loops(%n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %init = kiln.constant dense<0.0> : tensor<4xf32>
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> tensor<4xf32> {
    %draw = kiln.random_uniform : tensor<4xf32>
    %next = kiln.add %acc, %draw : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    scf.yield %next : tensor<4xf32>
  }
  return %sum : tensor<4xf32>
}
