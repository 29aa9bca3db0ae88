// RUN: kiln-opt --convert-kiln-to-linalg %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[KEPT:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @reduce_sum_keep_dims
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-SAME: ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>)
// CHECK: arith.addf
// CHECK: tensor.expand_shape %[[SUM]] {{\[\[}}0, 1], [2]] output_shape [2, 1, 4] : tensor<2x4xf32> into tensor<2x1x4xf32>
func.func @reduce_sum_keep_dims(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %y = kiln.reduce_sum %x {axes = array<i64: 1>, keep_dims} : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  return %y : tensor<2x1x4xf32>
}

// -----

// Signed integer max starts from the smallest value.
// CHECK-LABEL: func.func @reduce_max_int
// CHECK: arith.constant -128 : i8
// CHECK: arith.maxsi
// CHECK-NOT: tensor.expand_shape
func.func @reduce_max_int(%x: tensor<2x3xi8>) -> tensor<2xi8> {
  %y = kiln.reduce_max %x {axes = array<i64: 1>} : tensor<2x3xi8> -> tensor<2xi8>
  return %y : tensor<2xi8>
}

// -----

// The mean divides the sum by the number of reduced elements (2 * 4).
// CHECK-LABEL: func.func @reduce_mean_all
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction"]
// CHECK: arith.constant 8.000000e+00 : f32
// CHECK: arith.divf
func.func @reduce_mean_all(%x: tensor<2x4xf32>) -> tensor<f32> {
  %y = kiln.reduce_mean %x {axes = array<i64: 0, 1>} : tensor<2x4xf32> -> tensor<f32>
  return %y : tensor<f32>
}

// -----

// ln(sum(e^(x - m))) + m with m the maximum (0 where infinite).
// CHECK-LABEL: func.func @reduce_log_sum_exp
// CHECK: arith.maximumf
// CHECK: arith.cmpf one
// CHECK: %[[SHIFT:.*]] = tensor.expand_shape
// CHECK: arith.subf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: math.log
// CHECK: arith.addf
func.func @reduce_log_sum_exp(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %y = kiln.reduce_log_sum_exp %x {axes = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

// Run-time axes under keep_dims: the declared result shape shows them.
// CHECK-LABEL: func.func @reduce_sum_runtime_axes
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
func.func @reduce_sum_runtime_axes(%x: tensor<2x3xf32>, %axes: tensor<1xi64>) -> tensor<2x1xf32> {
  %y = kiln.reduce_sum %x along %axes : tensor<1xi64> {axes = array<i64>, keep_dims} : tensor<2x3xf32> -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// -----

// Without keep_dims the result shape may leave a choice: axis 0 or 1 here.
// The run-time axes select among the reductions over each.
// CHECK-LABEL: func.func @reduce_sum_runtime_axes_dropped
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xf32>, %[[AXES:.*]]: tensor<1xi64>)
// CHECK: %[[OVER_0:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "parallel"]
// CHECK: %[[A:.*]] = tensor.extract %[[AXES]][%c0] : tensor<1xi64>
// CHECK: %[[IS_1:.*]] = arith.cmpi eq, %[[A]], %c1_i64
// CHECK: %[[IS_MINUS_1:.*]] = arith.cmpi eq, %[[A]], %c-1_i64
// CHECK: arith.ori %[[IS_1]], %[[IS_MINUS_1]]
// CHECK: %[[OVER_1:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.select %{{.*}}, %[[OVER_1]], %[[OVER_0]] : tensor<2xf32>
func.func @reduce_sum_runtime_axes_dropped(%x: tensor<2x2xf32>, %axes: tensor<1xi64>) -> tensor<2xf32> {
  %y = kiln.reduce_sum %x along %axes : tensor<1xi64> {axes = array<i64>} : tensor<2x2xf32> -> tensor<2xf32>
  return %y : tensor<2xf32>
}

// -----

// Nine ways to drop one axis: too many reductions to choose from at run time.
func.func @reduce_sum_runtime_axes_too_many(%x: tensor<2x2x2x2x2x2x2x2x2xf32>, %axes: tensor<1xi64>) -> tensor<2x2x2x2x2x2x2x2xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.reduce_sum'}}
  %y = kiln.reduce_sum %x along %axes : tensor<1xi64> {axes = array<i64>} : tensor<2x2x2x2x2x2x2x2x2xf32> -> tensor<2x2x2x2x2x2x2x2xf32>
  return %y : tensor<2x2x2x2x2x2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @argmax_last
// CHECK: %[[NEG_INF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.fill ins(%[[NEG_INF]] : f32)
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK: ^bb0(%[[X:.*]]: f32, %[[BEST:.*]]: f32, %[[BEST_INDEX:.*]]: i64):
// CHECK: %[[BETTER:.*]] = arith.cmpf oge, %[[X]], %[[BEST]]
// CHECK: %[[K:.*]] = linalg.index 1 : index
// CHECK: %[[K64:.*]] = arith.index_cast %[[K]] : index to i64
// CHECK: arith.select %[[BETTER]], %[[K64]], %[[BEST_INDEX]]
// CHECK: tensor.expand_shape %[[R]]#1
func.func @argmax_last(%x: tensor<2x3xf32>) -> tensor<2x1xi64> {
  %y = kiln.argmax %x {axis = 1 : i64, keep_dims, select_last_index} : tensor<2x3xf32> -> tensor<2x1xi64>
  return %y : tensor<2x1xi64>
}

// -----

// CHECK-LABEL: func.func @softmax
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = kiln.softmax %x {axis = 1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @log_softmax
// CHECK: math.exp
// CHECK: arith.subf
// CHECK: math.log
// CHECK: arith.subf
func.func @log_softmax(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = kiln.log_softmax %x {axis = 0 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Exclusive reverse cumsum sums the j > k.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @cumsum_exclusive_reverse
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK: %[[J:.*]] = linalg.index 2 : index
// CHECK: %[[K:.*]] = linalg.index 1 : index
// CHECK: arith.cmpi sgt, %[[J]], %[[K]] : index
func.func @cumsum_exclusive_reverse(%x: tensor<2x5xi32>) -> tensor<2x5xi32> {
  %y = kiln.cumsum %x {axis = 1 : i64, exclusive, reverse} : tensor<2x5xi32> -> tensor<2x5xi32>
  return %y : tensor<2x5xi32>
}

// -----

// A run-time axis selects among the sums along every axis (ONNX: negative
// axes count from the end).
// CHECK-LABEL: func.func @cumsum_runtime_axis
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>, %[[AXIS:.*]]: tensor<i64>)
// CHECK: %[[A:.*]] = tensor.extract %[[AXIS]][] : tensor<i64>
// CHECK: %[[ALONG_1:.*]] = linalg.generic
// CHECK: %[[IS_0:.*]] = arith.cmpi eq, %[[A]], %c0_i64
// CHECK: %[[IS_MINUS_2:.*]] = arith.cmpi eq, %[[A]], %c-2_i64
// CHECK: %[[SELECTED:.*]] = arith.ori %[[IS_0]], %[[IS_MINUS_2]]
// CHECK: %[[ALONG_0:.*]] = linalg.generic
// CHECK: arith.select %[[SELECTED]], %[[ALONG_0]], %[[ALONG_1]] : tensor<2x5xf32>
func.func @cumsum_runtime_axis(%x: tensor<2x5xf32>, %axis: tensor<i64>) -> tensor<2x5xf32> {
  %y = kiln.cumsum %x along %axis : tensor<i64> : tensor<2x5xf32> -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

// -----

func.func @cumsum_dynamic_shape(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'kiln.cumsum'}}
  %y = kiln.cumsum %x {axis = 0 : i64} : tensor<?xf32> -> tensor<?xf32>
  return %y : tensor<?xf32>
}

// -----

// k selection rounds: round t reduces the axis to the first element (in
// ascending value order without `largest`, ties by lower index) after round
// t-1's pick, read back from the results, and writes its pick into column t.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @topk_smallest
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xi8>)
// CHECK: %[[ROUNDS:[a-z0-9_]+]]:2 = scf.for %[[T:[a-z0-9_]+]] = %{{.*}} to %c2 step %{{.*}} iter_args(%[[VALUES:[a-z0-9_]+]] = %{{.*}}, %[[INDICES:[a-z0-9_]+]] = %{{.*}})
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[T]], %{{.*}} : index
// CHECK: %[[LAST_T:.*]] = arith.maxsi
// CHECK: %[[LAST:.*]] = tensor.extract_slice %[[VALUES]][0, %[[LAST_T]]] [3, 1] [1, 1] : tensor<3x2xi8> to tensor<3xi8>
// CHECK: %[[LAST_INDEX:.*]] = tensor.extract_slice %[[INDICES]][0, %[[LAST_T]]] [3, 1] [1, 1] : tensor<3x2xi64> to tensor<3xi64>
// CHECK: %[[PICK:.*]]:2 = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[LAST]], %[[LAST_INDEX]] : tensor<3x5xi8>, tensor<3xi8>, tensor<3xi64>)
// CHECK: ^bb0(%[[V:.*]]: i8, %[[LV:.*]]: i8, %[[LI:.*]]: i64, %[[BV:.*]]: i8, %[[BI:.*]]: i64):
// CHECK: %[[I:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: arith.cmpi slt, %[[LV]], %[[V]] : i8
// CHECK: arith.cmpi slt, %[[LI]], %[[I]] : i64
// CHECK: arith.cmpi slt, %[[V]], %[[BV]] : i8
// CHECK: arith.cmpi slt, %[[I]], %[[BI]] : i64
// CHECK: tensor.insert_slice %[[PICK]]#0 into %[[VALUES]][0, %[[T]]] [3, 1] [1, 1] : tensor<3xi8> into tensor<3x2xi8>
// CHECK: tensor.insert_slice %[[PICK]]#1 into %[[INDICES]][0, %[[T]]] [3, 1] [1, 1] : tensor<3xi64> into tensor<3x2xi64>
// CHECK: return %[[ROUNDS]]#0, %[[ROUNDS]]#1
func.func @topk_smallest(%x: tensor<3x5xi8>) -> (tensor<3x2xi8>, tensor<3x2xi64>) {
  %v, %i = kiln.topk %x {axis = 1 : i64, k = 2 : i64, sorted} : tensor<3x5xi8> -> tensor<3x2xi8>, tensor<3x2xi64>
  return %v, %i : tensor<3x2xi8>, tensor<3x2xi64>
}

// -----

// Unsigned integers compare unsigned; a run-time k is the result extent.
// CHECK-LABEL: func.func @topk_largest_unsigned
// CHECK: scf.for %{{.*}} = %{{.*}} to %c3
// CHECK: arith.cmpi ugt
func.func @topk_largest_unsigned(%x: tensor<7xui8>, %k: tensor<1xi64>) -> (tensor<3xui8>, tensor<3xi64>) {
  %v, %i = kiln.topk %x take %k : tensor<1xi64> {axis = 0 : i64, largest} : tensor<7xui8> -> tensor<3xui8>, tensor<3xi64>
  return %v, %i : tensor<3xui8>, tensor<3xi64>
}
