// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x4xf32>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x7xf32>
// CHECK: %[[FIRST:.*]] = tensor.insert_slice %[[A]] into %[[EMPTY]][0, 0] [2, 3] [1, 1]
// CHECK: %[[BOTH:.*]] = tensor.insert_slice %[[B]] into %[[FIRST]][0, 3] [2, 4] [1, 1]
// CHECK: return %[[BOTH]]
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<2x7xf32> {
  %y = kiln.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x7xf32>
  return %y : tensor<2x7xf32>
}

// -----

// CHECK-LABEL: func.func @split
// CHECK: %[[A:.*]] = tensor.extract_slice %{{.*}}[0, 0] [2, 2] [1, 1] : tensor<2x6xf32> to tensor<2x2xf32>
// CHECK: %[[B:.*]] = tensor.extract_slice %{{.*}}[0, 2] [2, 4] [1, 1] : tensor<2x6xf32> to tensor<2x4xf32>
// CHECK: return %[[A]], %[[B]]
func.func @split(%x: tensor<2x6xf32>) -> (tensor<2x2xf32>, tensor<2x4xf32>) {
  %a, %b = kiln.split %x {axis = 1 : i64} : tensor<2x6xf32> -> tensor<2x2xf32>, tensor<2x4xf32>
  return %a, %b : tensor<2x2xf32>, tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %{{.*}}[0, 1] [4, 3] [1, 2] : tensor<4x8xf32> to tensor<4x3xf32>
func.func @slice(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %s = kiln.slice %x {starts = array<i64: 0, 1>, ends = array<i64: 4, 7>, steps = array<i64: 1, 2>} : tensor<4x8xf32> -> tensor<4x3xf32>
  return %s : tensor<4x3xf32>
}

// -----

// A negative step reads input[start + i * step] in a generic.
// (The map precedes the function.)
// CHECK: #[[READ:.*]] = affine_map<(d0, d1) -> (d0, d1 * -2 + 7)>
// CHECK-LABEL: func.func @slice_backwards
// CHECK-NOT: tensor.extract_slice
// CHECK: linalg.generic {indexing_maps = [#[[READ]], #{{.*}}]
func.func @slice_backwards(%x: tensor<4x8xf32>) -> tensor<4x4xf32> {
  %s = kiln.slice %x {starts = array<i64: 0, 7>, ends = array<i64: 4, -1>, steps = array<i64: 1, -2>} : tensor<4x8xf32> -> tensor<4x4xf32>
  return %s : tensor<4x4xf32>
}

// -----

// CHECK-LABEL: func.func @pad_constant_crop
// CHECK: %[[VALUE:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: %[[CROPPED:.*]] = tensor.extract_slice %{{.*}}[0, 0, 0, 1] [1, 3, 4, 3] [1, 1, 1, 1]
// CHECK: tensor.pad %[[CROPPED]] low[0, 0, 1, 0] high[0, 0, 0, 0]
// CHECK: tensor.yield %[[VALUE]]
func.func @pad_constant_crop(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x5x3xf32> {
  %p = kiln.pad %x {pads = array<i64: 0, 0, 1, -1, 0, 0, 0, 0>, value = -1.0 : f32} : tensor<1x3x4x4xf32> -> tensor<1x3x5x3xf32>
  return %p : tensor<1x3x5x3xf32>
}

// -----

// CHECK-LABEL: func.func @pad_reflect
// CHECK: linalg.generic
// CHECK: %[[COLUMN:.*]] = linalg.index 1 : index
// CHECK: %[[SHIFTED:.*]] = arith.subi %[[COLUMN]], %{{.*}} : index
// CHECK: arith.remsi %[[SHIFTED]], %[[PERIOD:.*]] : index
// CHECK: %[[PHASE:.*]] = arith.remsi %{{.*}}, %[[PERIOD]] : index
// CHECK: %[[MIRRORED:.*]] = arith.subi %{{.*}}, %[[PHASE]] : index
// CHECK: %[[INSIDE:.*]] = arith.cmpi slt, %[[PHASE]], %{{.*}} : index
// CHECK: %[[INDEX:.*]] = arith.select %[[INSIDE]], %[[PHASE]], %[[MIRRORED]] : index
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %[[INDEX]]] : tensor<1x8xf32>
func.func @pad_reflect(%x: tensor<1x8xf32>) -> tensor<1x12xf32> {
  %r = kiln.pad %x {mode = #kiln.pad_mode<reflect>, pads = array<i64: 0, 2, 0, 2>} : tensor<1x8xf32> -> tensor<1x12xf32>
  return %r : tensor<1x12xf32>
}

// -----

// CHECK-LABEL: func.func @expand
// CHECK: linalg.generic {indexing_maps = [#[[MAP:.*]], #{{.*}}]{{.*}} ins(%{{.*}} : tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %e = kiln.expand %x : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return %e : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @tile
// CHECK: %[[REPEATED:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<3x4xf32>) outs(%{{.*}} : tensor<2x3x1x4xf32>)
// CHECK: %[[SHAPE:.*]] = arith.constant dense<[6, 4]> : tensor<2xi64>
// CHECK: tensor.reshape %[[REPEATED]](%[[SHAPE]]) : (tensor<2x3x1x4xf32>, tensor<2xi64>) -> tensor<6x4xf32>
func.func @tile(%x: tensor<3x4xf32>) -> tensor<6x4xf32> {
  %t = kiln.tile %x {multiples = array<i64: 2, 1>} : tensor<3x4xf32> -> tensor<6x4xf32>
  return %t : tensor<6x4xf32>
}

// -----

// A shape computed at run time must agree with the static result: each
// entry the extent, -1, or 0 where the input extent equals the result's.
// CHECK-LABEL: func.func @reshape_runtime_shape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<2xi64>)
// CHECK: %[[S0:.*]] = tensor.extract %[[S]][%c0]
// CHECK: %[[IS2:.*]] = arith.cmpi eq, %[[S0]], %c2_i64
// CHECK: %[[INFER0:.*]] = arith.cmpi eq, %[[S0]], %c-1_i64
// CHECK: %[[OK0:.*]] = arith.ori %[[IS2]], %[[INFER0]]
// CHECK: %[[COPY0:.*]] = arith.cmpi eq, %[[S0]], %c0_i64
// CHECK: arith.ori %[[OK0]], %[[COPY0]]
// CHECK: %[[S1:.*]] = tensor.extract %[[S]][%c1]
// CHECK: arith.cmpi eq, %[[S1]], %c12_i64
// CHECK-NOT: arith.cmpi eq, %[[S1]], %c0_i64
// CHECK: %[[VALID:.*]] = arith.andi
// CHECK: cf.assert %[[VALID]], "node 'shape_input': the run-time shape operand of the reshape differs from the compiled result shape 2x12"
// CHECK: tensor.reshape %[[X]]
func.func @reshape_runtime_shape(%x: tensor<2x3x4xf32>, %s: tensor<2xi64>) -> tensor<2x12xf32> {
  %r = kiln.reshape %x to %s : tensor<2xi64> : tensor<2x3x4xf32> -> tensor<2x12xf32> loc("shape_input")
  return %r : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK: %[[SHAPE:.*]] = arith.constant dense<[2, 12]> : tensor<2xi64>
// CHECK: tensor.reshape %{{.*}}(%[[SHAPE]]) : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<2x12xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %f = kiln.flatten %x {axis = 1 : i64} : tensor<2x3x4xf32> -> tensor<2x12xf32>
  return %f : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func.func @gather
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<2x3xi64>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[ID:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[COLUMN:.*]] = linalg.index 2 : index
// CHECK: %[[INDEX:.*]] = arith.index_cast %[[ID]] : i64 to index
// CHECK: %[[NEGATIVE:.*]] = arith.cmpi slt, %[[INDEX]], %{{.*}} : index
// CHECK: %[[FROM_END:.*]] = arith.addi %[[INDEX]], %{{.*}} : index
// CHECK: %[[WRAPPED:.*]] = arith.select %[[NEGATIVE]], %[[FROM_END]], %[[INDEX]] : index
// CHECK: tensor.extract %{{.*}}[%[[WRAPPED]], %[[COLUMN]]] : tensor<10x4xf32>
func.func @gather(%t: tensor<10x4xf32>, %i: tensor<2x3xi64>) -> tensor<2x3x4xf32> {
  %e = kiln.gather %t, %i {axis = 0 : i64} : tensor<10x4xf32>, tensor<2x3xi64> -> tensor<2x3x4xf32>
  return %e : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @gather_elements
// CHECK: %[[ROW:.*]] = linalg.index 0 : index
// CHECK: %[[WRAPPED:.*]] = arith.select
// CHECK: tensor.extract %{{.*}}[%[[ROW]], %[[WRAPPED]]] : tensor<3x4xf32>
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>) -> tensor<3x2xf32> {
  %g = kiln.gather_elements %x, %i {axis = 1 : i64} : tensor<3x4xf32>, tensor<3x2xi64> -> tensor<3x2xf32>
  return %g : tensor<3x2xf32>
}

// -----

// The static result type gives the extent; start and delta are read once.
// CHECK-LABEL: func.func @range
// CHECK-SAME: (%[[START:.*]]: tensor<f32>, %[[LIMIT:.*]]: tensor<f32>, %[[DELTA:.*]]: tensor<f32>)
// CHECK: %[[FIRST:.*]] = tensor.extract %[[START]][] : tensor<f32>
// CHECK: %[[STEP:.*]] = tensor.extract %[[DELTA]][] : tensor<f32>
// CHECK: %[[LAST:.*]] = tensor.extract %[[LIMIT]][] : tensor<f32>
// The run-time length must be the static 4 (and the step non-zero).
// CHECK: %[[NONZERO:.*]] = arith.cmpf one, %[[STEP]]
// CHECK: %[[SPAN:.*]] = arith.subf %[[LAST]], %[[FIRST]]
// CHECK: %[[QUOTIENT:.*]] = arith.divf %[[SPAN]], %[[STEP]]
// CHECK: %[[CEIL:.*]] = math.ceil %[[QUOTIENT]]
// CHECK: %[[LENGTH:.*]] = arith.fptosi %[[CEIL]] : f32 to i64
// CHECK: %[[CLAMPED:.*]] = arith.maxsi %[[LENGTH]], %c0_i64
// CHECK: %[[IS4:.*]] = arith.cmpi eq, %[[CLAMPED]], %c4_i64
// CHECK: %[[VALID:.*]] = arith.andi %[[IS4]], %[[NONZERO]]
// CHECK: cf.assert %[[VALID]], "a model op: the range's run-time length differs from its compiled extent 4"
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<4xf32>)
// CHECK: %[[INDEX:.*]] = linalg.index 0 : index
// CHECK: %[[I:.*]] = arith.index_cast %[[INDEX]] : index to i64
// CHECK: %[[FLOAT:.*]] = arith.sitofp %[[I]] : i64 to f32
// CHECK: %[[OFFSET:.*]] = arith.mulf %[[FLOAT]], %[[STEP]] : f32
// CHECK: arith.addf %[[FIRST]], %[[OFFSET]] : f32
func.func @range(%start: tensor<f32>, %limit: tensor<f32>, %delta: tensor<f32>) -> tensor<4xf32> {
  %r = kiln.range %start, %limit, %delta : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// Each output element reads its index tuple, then data at the batch
// position, the (wrapped) tuple and the trailing loop indices.
// CHECK-LABEL: func.func @gather_nd
// CHECK-SAME: (%[[DATA:.*]]: tensor<4x5x6xf32>, %[[INDICES:.*]]: tensor<4x1xi64>)
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<4x6xf32>)
// CHECK: %[[BATCH:.*]] = linalg.index 0 : index
// CHECK: %[[INNER:.*]] = linalg.index 1 : index
// CHECK: %[[ID:.*]] = tensor.extract %[[INDICES]][%[[BATCH]], %{{.*}}] : tensor<4x1xi64>
// CHECK: %[[INDEX:.*]] = arith.index_cast %[[ID]] : i64 to index
// CHECK: %[[WRAPPED:.*]] = arith.select %{{.*}}, %{{.*}}, %[[INDEX]] : index
// CHECK: tensor.extract %[[DATA]][%[[BATCH]], %[[WRAPPED]], %[[INNER]]] : tensor<4x5x6xf32>
func.func @gather_nd(%x: tensor<4x5x6xf32>, %i: tensor<4x1xi64>) -> tensor<4x6xf32> {
  %g = kiln.gather_nd %x, %i {batch_dims = 1 : i64} : tensor<4x5x6xf32>, tensor<4x1xi64> -> tensor<4x6xf32>
  return %g : tensor<4x6xf32>
}

// -----

// Gathers input[b, t', c] with t' = len - 1 - t for t < len = lens[b].
// CHECK-DAG: #[[$LENGTHS:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-LABEL: func.func @reverse_sequence
// CHECK-SAME: (%[[X:.*]]: tensor<4x5x8xf32>, %[[LENS:.*]]: tensor<4xi64>)
// CHECK: linalg.generic {indexing_maps = [#[[$LENGTHS]], {{.*}}]{{.*}} ins(%[[LENS]] : tensor<4xi64>) outs(%{{.*}} : tensor<4x5x8xf32>)
// CHECK: ^bb0(%[[LENGTH:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[B:.*]] = linalg.index 0 : index
// CHECK: %[[T:.*]] = linalg.index 1 : index
// CHECK: %[[C:.*]] = linalg.index 2 : index
// CHECK: %[[END:.*]] = arith.index_cast %[[LENGTH]] : i64 to index
// CHECK: %[[LAST:.*]] = arith.subi %[[END]], %{{.*}} : index
// CHECK: %[[REVERSED:.*]] = arith.subi %[[LAST]], %[[T]] : index
// CHECK: %[[INSIDE:.*]] = arith.cmpi slt, %[[T]], %[[END]] : index
// CHECK: %[[TIME:.*]] = arith.select %[[INSIDE]], %[[REVERSED]], %[[T]] : index
// CHECK: tensor.extract %[[X]][%[[B]], %[[TIME]], %[[C]]] : tensor<4x5x8xf32>
func.func @reverse_sequence(%x: tensor<4x5x8xf32>, %lens: tensor<4xi64>) -> tensor<4x5x8xf32> {
  %r = kiln.reverse_sequence %x, %lens {batch_axis = 0 : i64, time_axis = 1 : i64} : tensor<4x5x8xf32>, tensor<4xi64> -> tensor<4x5x8xf32>
  return %r : tensor<4x5x8xf32>
}
