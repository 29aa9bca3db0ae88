// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// The input projection x_t * W^T + Wb + Rb of every step is one contraction
// over the (t, n) rows before the loop; the loop multiplies the state by R^T
// onto the step's slice of it, applies tanh and writes y[t] and the state
// with tensor.insert_slice.
// CHECK-LABEL: func.func @rnn_forward
// CHECK-SAME: (%[[X:.*]]: tensor<4x2x3xf32>, %[[W:.*]]: tensor<1x5x3xf32>, %[[R:.*]]: tensor<1x5x5xf32>, %[[B:.*]]: tensor<1x10xf32>)
// CHECK: %[[STATE:.*]] = linalg.fill {{.*}} -> tensor<1x2x5xf32>
// CHECK: %[[Y:.*]] = linalg.fill {{.*}} -> tensor<4x1x2x5xf32>
// CHECK: %[[ROWS:.*]] = tensor.reshape %[[X]]({{.*}}) : (tensor<4x2x3xf32>, tensor<2xi64>) -> tensor<8x3xf32>
// CHECK: %[[ALL:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[ROWS]], %{{.*}} : tensor<8x3xf32>, tensor<5x3xf32>) outs(%{{.*}} : tensor<8x5xf32>)
// CHECK: %[[PROJECTION:.*]] = tensor.reshape %[[ALL]]({{.*}}) : (tensor<8x5xf32>, tensor<3xi64>) -> tensor<4x2x5xf32>
// CHECK: %[[LOOP:[a-z0-9_]+]]:2 = scf.for %[[T:[a-z0-9_]+]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[Y_IN:[a-z0-9_]+]] = %[[Y]], %[[H_IN:[a-z0-9_]+]] = %[[STATE]])
// CHECK: %[[STEP:.*]] = tensor.extract_slice %[[PROJECTION]][%[[T]], 0, 0] [1, 2, 5] [1, 1, 1] : tensor<4x2x5xf32> to tensor<2x5xf32>
// CHECK: %[[H:.*]] = tensor.extract_slice %[[H_IN]][0, 0, 0] [1, 2, 5] [1, 1, 1] : tensor<1x2x5xf32> to tensor<2x5xf32>
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[H]], %{{.*}} : tensor<2x5xf32>, tensor<5x5xf32>) outs(%[[STEP]] : tensor<2x5xf32>)
// CHECK: %[[NEW:.*]] = linalg.generic {{.*}} ins(%[[SUM]] : tensor<2x5xf32>)
// CHECK: math.tanh
// CHECK: %[[Y_OUT:.*]] = tensor.insert_slice %[[NEW]] into %[[Y_IN]][%[[T]], 0, 0, 0] [1, 1, 2, 5]
// CHECK: %[[H_OUT:.*]] = tensor.insert_slice %[[NEW]] into %[[H_IN]][0, 0, 0] [1, 2, 5]
// CHECK: scf.yield %[[Y_OUT]], %[[H_OUT]]
// CHECK: return %[[LOOP]]#0, %[[LOOP]]#1
func.func @rnn_forward(%x: tensor<4x2x3xf32>, %w: tensor<1x5x3xf32>, %r: tensor<1x5x5xf32>, %b: tensor<1x10xf32>) -> (tensor<4x1x2x5xf32>, tensor<1x2x5xf32>) {
  %y, %y_h = kiln.rnn %x, %w, %r bias %b {hidden_size = 5 : i64,
      activations = [#kiln.activation<tanh>], activation_alpha = array<f32: 0.0>, activation_beta = array<f32: 0.0>}
      : (tensor<4x2x3xf32>, tensor<1x5x3xf32>, tensor<1x5x5xf32>, tensor<1x10xf32>) -> (tensor<4x1x2x5xf32>, tensor<1x2x5xf32>)
  return %y, %y_h : tensor<4x1x2x5xf32>, tensor<1x2x5xf32>
}

// -----

// Bidirectional: a second loop walks t = T-1 .. 0 and writes direction 1.
// Under linear_before_reset only the z and r blocks of Rb (the first
// 2 * hidden_size elements) fold into the projection; Rbh is added to
// H * Rh^T inside the reset product.
// CHECK-LABEL: func.func @gru_bidirectional_linear_before_reset
// CHECK: arith.cmpi slt, %{{.*}}, %c10 : index
// CHECK: %[[FORWARD:[a-z0-9_]+]]:2 = scf.for %[[T:[a-z0-9_]+]] = {{.*}} iter_args
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[%[[T]], 0, 0, 0] [1, 1, 2, 5]
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0] [1, 2, 5]
// CHECK: arith.cmpi slt, %{{.*}}, %c10 : index
// CHECK: %[[BACKWARD:[a-z0-9_]+]]:2 = scf.for %[[S:[a-z0-9_]+]] = {{.*}} iter_args(%{{.*}} = %[[FORWARD]]#0, %{{.*}} = %[[FORWARD]]#1)
// CHECK: %[[T2:.*]] = arith.subi %c3, %[[S]] : index
// CHECK: %[[HR:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x5xf32>)
// CHECK: %[[RBH:.*]] = tensor.extract_slice %{{.*}}[25] [5] [1] : tensor<30xf32> to tensor<5xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %[[HR]], %[[RBH]] : tensor<2x5xf32>, tensor<2x5xf32>, tensor<2x5xf32>, tensor<5xf32>)
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[%[[T2]], 1, 0, 0] [1, 1, 2, 5]
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[1, 0, 0] [1, 2, 5]
// CHECK: return %[[BACKWARD]]#0, %[[BACKWARD]]#1
func.func @gru_bidirectional_linear_before_reset(%x: tensor<4x2x3xf32>, %w: tensor<2x15x3xf32>, %r: tensor<2x15x5xf32>, %b: tensor<2x30xf32>) -> (tensor<4x2x2x5xf32>, tensor<2x2x5xf32>) {
  %y, %y_h = kiln.gru %x, %w, %r bias %b {direction = #kiln.recurrent_direction<bidirectional>, hidden_size = 5 : i64, linear_before_reset,
      activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<sigmoid>, #kiln.activation<tanh>],
      activation_alpha = array<f32: 0.0, 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0, 0.0>}
      : (tensor<4x2x3xf32>, tensor<2x15x3xf32>, tensor<2x15x5xf32>, tensor<2x30xf32>) -> (tensor<4x2x2x5xf32>, tensor<2x2x5xf32>)
  return %y, %y_h : tensor<4x2x2x5xf32>, tensor<2x2x5xf32>
}

// -----

// Batch-major operands and results are transposed around the computation.
// With sequence_lens, entry n keeps its states and writes zeros to y once
// t >= L[n]; clip clamps every activation's argument.
// CHECK-LABEL: func.func @lstm_lengths_batch_major
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x3xf32>, %{{.*}}: tensor<1x20x3xf32>, %{{.*}}: tensor<1x20x5xf32>, %[[LENS:.*]]: tensor<2xi32>)
// CHECK: linalg.transpose ins(%[[X]] : tensor<2x4x3xf32>) outs(%{{.*}} : tensor<4x2x3xf32>) permutation = [1, 0, 2]
// CHECK: %[[LENGTHS:.*]] = tensor.expand_shape %[[LENS]] {{\[\[}}0, 1]] output_shape [2, 1] : tensor<2xi32> into tensor<2x1xi32>
// CHECK: %[[LOOP:[a-z0-9_]+]]:3 = scf.for %[[T:[a-z0-9_]+]] = {{.*}} -> (tensor<4x1x2x5xf32>, tensor<1x2x5xf32>, tensor<1x2x5xf32>)
// CHECK: arith.maximumf %{{.*}}, %cst{{.*}} : f32
// CHECK: arith.minimumf %{{.*}}, %cst{{.*}} : f32
// CHECK: %[[T32:.*]] = arith.index_cast %[[T]] : index to i32
// CHECK: linalg.generic {{.*}} ins(%[[LENGTHS]], %{{.*}}, %{{.*}} : tensor<2x1xi32>, tensor<2x5xf32>, tensor<2x5xf32>)
// CHECK: %[[RUNNING:.*]] = arith.cmpi slt, %[[T32]], %{{.*}} : i32
// CHECK: arith.select %[[RUNNING]]
// CHECK: scf.yield
// CHECK: linalg.transpose ins(%[[LOOP]]#0 : tensor<4x1x2x5xf32>) outs(%{{.*}} : tensor<2x4x1x5xf32>) permutation = [2, 0, 1, 3]
// CHECK: linalg.transpose ins(%[[LOOP]]#1 : tensor<1x2x5xf32>) outs(%{{.*}} : tensor<2x1x5xf32>) permutation = [1, 0, 2]
// CHECK: linalg.transpose ins(%[[LOOP]]#2 : tensor<1x2x5xf32>) outs(%{{.*}} : tensor<2x1x5xf32>) permutation = [1, 0, 2]
func.func @lstm_lengths_batch_major(%x: tensor<2x4x3xf32>, %w: tensor<1x20x3xf32>, %r: tensor<1x20x5xf32>, %lens: tensor<2xi32>) -> (tensor<2x4x1x5xf32>, tensor<2x1x5xf32>, tensor<2x1x5xf32>) {
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r sequence_lens %lens {hidden_size = 5 : i64, batch_major, clip = 2.0 : f32,
      activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>],
      activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<2x4x3xf32>, tensor<1x20x3xf32>, tensor<1x20x5xf32>, tensor<2xi32>) -> (tensor<2x4x1x5xf32>, tensor<2x1x5xf32>, tensor<2x1x5xf32>)
  return %y, %y_h, %y_c : tensor<2x4x1x5xf32>, tensor<2x1x5xf32>, tensor<2x1x5xf32>
}

// -----

// The LSTM cell: peepholes on C for i and f, on the new C for o.
// CHECK-LABEL: func.func @lstm_peepholes
// CHECK: %[[PEEPHOLES:.*]] = tensor.extract_slice %{{.*}}[0, 0] [1, 9] [1, 1] : tensor<1x9xf32> to tensor<9xf32>
// CHECK: scf.for
// CHECK-DAG: %[[PI:.*]] = tensor.extract_slice %[[PEEPHOLES]][0] [3] [1]
// CHECK-DAG: %[[PF:.*]] = tensor.extract_slice %[[PEEPHOLES]][6] [3] [1]
// CHECK: %[[CELL:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[PI]], %[[PF]] : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK: %[[PO:.*]] = tensor.extract_slice %[[PEEPHOLES]][3] [3] [1]
// CHECK: %[[HIDDEN:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[CELL]], %[[PO]] : tensor<2x3xf32>, tensor<2x3xf32>, tensor<3xf32>)
// CHECK: tensor.insert_slice %[[HIDDEN]]
// CHECK: tensor.insert_slice %[[HIDDEN]]
// CHECK: tensor.insert_slice %[[CELL]]
func.func @lstm_peepholes(%x: tensor<1x2x4xf32>, %w: tensor<1x12x4xf32>, %r: tensor<1x12x3xf32>, %p: tensor<1x9xf32>) -> (tensor<1x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>) {
  %y, %y_h, %y_c = kiln.lstm %x, %w, %r peepholes %p {hidden_size = 3 : i64,
      activations = [#kiln.activation<sigmoid>, #kiln.activation<tanh>, #kiln.activation<tanh>],
      activation_alpha = array<f32: 0.0, 0.0, 0.0>, activation_beta = array<f32: 0.0, 0.0, 0.0>}
      : (tensor<1x2x4xf32>, tensor<1x12x4xf32>, tensor<1x12x3xf32>, tensor<1x9xf32>) -> (tensor<1x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>)
  return %y, %y_h, %y_c : tensor<1x1x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x3xf32>
}
