// RUN: kiln-opt --convert-kiln-to-linalg --split-input-file %s | FileCheck %s

// Scatters loop over the indices carrying the output (initially data); an
// update whose wrapped index is outside the data is skipped.
// CHECK-LABEL: func.func @scatter_elements_add
// CHECK-SAME: (%[[DATA:[a-z0-9_-]+]]: tensor<3x4xf32>, %[[INDICES:[a-z0-9_-]+]]: tensor<3x2xi64>, %[[UPDATES:[a-z0-9_-]+]]: tensor<3x2xf32>)
// CHECK: scf.for %[[I:[a-z0-9_-]+]] = {{.*}} iter_args(%[[OUTER:[a-z0-9_-]+]] = %[[DATA]])
// CHECK: scf.for %[[J:[a-z0-9_-]+]] = {{.*}} iter_args(%[[OUT:[a-z0-9_-]+]] = %[[OUTER]])
// CHECK: %[[RAW:[a-z0-9_-]+]] = tensor.extract %[[INDICES]][%[[I]], %[[J]]]
// CHECK: %[[CAST:[a-z0-9_-]+]] = arith.index_cast %[[RAW]] : i64 to index
// CHECK: %[[NEGATIVE:[a-z0-9_-]+]] = arith.cmpi slt, %[[CAST]]
// CHECK: %[[SHIFTED:[a-z0-9_-]+]] = arith.addi %[[CAST]], %[[FOUR:[a-z0-9_-]+]] : index
// CHECK: %[[INDEX:[a-z0-9_-]+]] = arith.select %[[NEGATIVE]], %[[SHIFTED]], %[[CAST]]
// CHECK: %[[INSIDE:[a-z0-9_-]+]] = arith.cmpi ult, %[[INDEX]]
// CHECK: scf.if %[[INSIDE]] -> (tensor<3x4xf32>)
// CHECK: %[[UPDATE:[a-z0-9_-]+]] = tensor.extract %[[UPDATES]][%[[I]], %[[J]]]
// CHECK: %[[OLD:[a-z0-9_-]+]] = tensor.extract %[[OUT]][%[[I]], %[[INDEX]]]
// CHECK: %[[SUM:[a-z0-9_-]+]] = arith.addf %[[OLD]], %[[UPDATE]]
// CHECK: %[[NEW:[a-z0-9_-]+]] = tensor.insert %[[SUM]] into %[[OUT]][%[[I]], %[[INDEX]]]
// CHECK: scf.yield %[[NEW]]
// CHECK: } else {
// CHECK: scf.yield %[[OUT]]
func.func @scatter_elements_add(%x: tensor<3x4xf32>, %i: tensor<3x2xi64>, %u: tensor<3x2xf32>) -> tensor<3x4xf32> {
  %s = kiln.scatter_elements %x, %i, %u {axis = 1 : i64, reduction = #kiln.scatter_reduction<add>} : (tensor<3x4xf32>, tensor<3x2xi64>, tensor<3x2xf32>) -> tensor<3x4xf32>
  return %s : tensor<3x4xf32>
}

// -----

// Unsigned elements combine with unsigned max.
// CHECK-LABEL: func.func @scatter_elements_max_unsigned
// CHECK: scf.if
// CHECK: arith.maxui %{{.*}}, %{{.*}} : i8
func.func @scatter_elements_max_unsigned(%x: tensor<5xui8>, %i: tensor<2xi64>, %u: tensor<2xui8>) -> tensor<5xui8> {
  %s = kiln.scatter_elements %x, %i, %u {reduction = #kiln.scatter_reduction<max>} : (tensor<5xui8>, tensor<2xi64>, tensor<2xui8>) -> tensor<5xui8>
  return %s : tensor<5xui8>
}

// -----

// One loop over the index tuples, the tuple's components bounds-checked
// together, then a loop over the slice they address.
// CHECK-LABEL: func.func @scatter_nd
// CHECK-SAME: (%[[DATA:[a-z0-9_-]+]]: tensor<4x5x6xf32>, %[[INDICES:[a-z0-9_-]+]]: tensor<3x2xi64>, %[[UPDATES:[a-z0-9_-]+]]: tensor<3x6xf32>)
// CHECK: scf.for %[[P:[a-z0-9_-]+]] = {{.*}} iter_args(%[[OUT:[a-z0-9_-]+]] = %[[DATA]])
// CHECK: tensor.extract %[[INDICES]][%[[P]], %{{.*}}]
// CHECK: %[[ROW:[a-z0-9_-]+]] = arith.select
// CHECK: %[[ROW_INSIDE:[a-z0-9_-]+]] = arith.cmpi ult, %[[ROW]]
// CHECK: tensor.extract %[[INDICES]][%[[P]], %{{.*}}]
// CHECK: %[[COLUMN:[a-z0-9_-]+]] = arith.select
// CHECK: %[[COLUMN_INSIDE:[a-z0-9_-]+]] = arith.cmpi ult, %[[COLUMN]]
// CHECK: %[[INSIDE:[a-z0-9_-]+]] = arith.andi %[[ROW_INSIDE]], %[[COLUMN_INSIDE]]
// CHECK: scf.if %[[INSIDE]]
// CHECK: scf.for %[[S:[a-z0-9_-]+]] = {{.*}} iter_args(%[[SLICE:[a-z0-9_-]+]] = %[[OUT]])
// CHECK-NEXT: %[[UPDATE:[a-z0-9_-]+]] = tensor.extract %[[UPDATES]][%[[P]], %[[S]]]
// CHECK-NEXT: tensor.insert %[[UPDATE]] into %[[SLICE]][%[[ROW]], %[[COLUMN]], %[[S]]]
func.func @scatter_nd(%x: tensor<4x5x6xf32>, %i: tensor<3x2xi64>, %u: tensor<3x6xf32>) -> tensor<4x5x6xf32> {
  %s = kiln.scatter_nd %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  return %s : tensor<4x5x6xf32>
}

// -----

// CHECK-LABEL: func.func @trilu
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[a-z0-9_-]+]]: i32, %{{.*}}: i32):
// CHECK: %[[ROW:[a-z0-9_-]+]] = linalg.index 1 : index
// CHECK: %[[COLUMN:[a-z0-9_-]+]] = linalg.index 2 : index
// CHECK: %[[OFFSET:[a-z0-9_-]+]] = arith.subi %[[COLUMN]], %[[ROW]]
// CHECK: %[[K:[a-z0-9_-]+]] = arith.constant -1 : index
// CHECK: %[[KEEP:[a-z0-9_-]+]] = arith.cmpi sge, %[[OFFSET]], %[[K]]
// CHECK: %[[ZERO:[a-z0-9_-]+]] = arith.constant 0 : i32
// CHECK: %[[VALUE:[a-z0-9_-]+]] = arith.select %[[KEEP]], %[[IN]], %[[ZERO]]
// CHECK: linalg.yield %[[VALUE]]
func.func @trilu(%x: tensor<2x4x5xi32>) -> tensor<2x4x5xi32> {
  %u = kiln.trilu %x {upper, k = -1 : i64} : tensor<2x4x5xi32> -> tensor<2x4x5xi32>
  return %u : tensor<2x4x5xi32>
}

// -----

// CHECK-LABEL: func.func @trilu_lower
// CHECK: arith.cmpi sle
func.func @trilu_lower(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  %l = kiln.trilu %x {k = 0 : i64} : tensor<3x3xf32> -> tensor<3x3xf32>
  return %l : tensor<3x3xf32>
}

// -----

// Coordinates of non-zero elements go to column `count` while it is below
// the static extent 4.
// CHECK-LABEL: func.func @non_zero
// CHECK-SAME: (%[[INPUT:[a-z0-9_-]+]]: tensor<2x3xf32>)
// CHECK: %[[ZEROS:[a-z0-9_-]+]] = linalg.fill ins(%{{.*}} : i64) outs(%{{.*}} : tensor<2x4xi64>)
// CHECK: %[[RESULT:[a-z0-9_-]+]]:2 = scf.for %[[I:[a-z0-9_-]+]] = {{.*}} iter_args(%{{.*}} = %[[ZEROS]], %{{.*}} = %{{.*}})
// CHECK: scf.for %[[J:[a-z0-9_-]+]] = {{.*}} iter_args(%[[OUT:[a-z0-9_-]+]] = %{{.*}}, %[[COUNT:[a-z0-9_-]+]] = %{{.*}})
// CHECK: %[[ELEMENT:[a-z0-9_-]+]] = tensor.extract %[[INPUT]][%[[I]], %[[J]]]
// CHECK: %[[NONZERO:[a-z0-9_-]+]] = arith.cmpf une, %[[ELEMENT]]
// CHECK: %[[ROOM:[a-z0-9_-]+]] = arith.cmpi ult, %[[COUNT]], %{{.*}}
// CHECK: %[[SELECTED:[a-z0-9_-]+]] = arith.andi %[[NONZERO]], %[[ROOM]]
// CHECK: scf.if %[[SELECTED]]
// CHECK: %[[ROW:[a-z0-9_-]+]] = arith.index_cast %[[I]] : index to i64
// CHECK: %[[FIRST:[a-z0-9_-]+]] = tensor.insert %[[ROW]] into %[[OUT]][%{{.*}}, %[[COUNT]]]
// CHECK: %[[COLUMN:[a-z0-9_-]+]] = arith.index_cast %[[J]] : index to i64
// CHECK: %[[BOTH:[a-z0-9_-]+]] = tensor.insert %[[COLUMN]] into %[[FIRST]][%{{.*}}, %[[COUNT]]]
// CHECK: %[[NEXT:[a-z0-9_-]+]] = arith.addi %[[COUNT]]
// CHECK: scf.yield %[[BOTH]], %[[NEXT]]
// CHECK: return %[[RESULT]]#0
func.func @non_zero(%x: tensor<2x3xf32>) -> tensor<2x4xi64> {
  %nz = kiln.non_zero %x : tensor<2x3xf32> -> tensor<2x4xi64>
  return %nz : tensor<2x4xi64>
}

// -----

// A selected slice is copied element by element to position `count`.
// CHECK-LABEL: func.func @compress_axis
// CHECK-SAME: (%[[INPUT:[a-z0-9_-]+]]: tensor<3x4xf32>, %[[CONDITION:[a-z0-9_-]+]]: tensor<3xi1>)
// CHECK: %[[CANDIDATES:[a-z0-9_-]+]] = arith.constant 3 : index
// CHECK: %[[ZEROS:[a-z0-9_-]+]] = linalg.fill
// CHECK: scf.for %[[J:[a-z0-9_-]+]] = %{{.*}} to %[[CANDIDATES]] {{.*}} iter_args(%[[OUT:[a-z0-9_-]+]] = %[[ZEROS]], %[[COUNT:[a-z0-9_-]+]] = %{{.*}})
// CHECK: %[[KEEP:[a-z0-9_-]+]] = tensor.extract %[[CONDITION]][%[[J]]]
// CHECK: %[[ROOM:[a-z0-9_-]+]] = arith.cmpi ult, %[[COUNT]]
// CHECK: %[[SELECTED:[a-z0-9_-]+]] = arith.andi %[[KEEP]], %[[ROOM]]
// CHECK: scf.if %[[SELECTED]]
// CHECK: scf.for %[[R:[a-z0-9_-]+]] = {{.*}} iter_args(%[[SLICE:[a-z0-9_-]+]] = %[[OUT]])
// CHECK-NEXT: %[[ELEMENT:[a-z0-9_-]+]] = tensor.extract %[[INPUT]][%[[R]], %[[J]]]
// CHECK-NEXT: tensor.insert %[[ELEMENT]] into %[[SLICE]][%[[R]], %[[COUNT]]]
func.func @compress_axis(%x: tensor<3x4xf32>, %keep: tensor<3xi1>) -> tensor<3x2xf32> {
  %c = kiln.compress %x, %keep {axis = 1 : i64} : tensor<3x4xf32>, tensor<3xi1> -> tensor<3x2xf32>
  return %c : tensor<3x2xf32>
}

// -----

// Without axis the flattened input is compressed.
// CHECK-LABEL: func.func @compress_flat
// CHECK: %[[FLAT:[a-z0-9_-]+]] = tensor.reshape %{{.*}}(%{{.*}}) : (tensor<3x4xf32>, tensor<1xi64>) -> tensor<12xf32>
// CHECK: scf.for
// CHECK: scf.if
// CHECK: tensor.extract %[[FLAT]]
func.func @compress_flat(%x: tensor<3x4xf32>, %mask: tensor<12xi1>) -> tensor<5xf32> {
  %c = kiln.compress %x, %mask : tensor<3x4xf32>, tensor<12xi1> -> tensor<5xf32>
  return %c : tensor<5xf32>
}

// -----

// Sorted unique: first occurrences, then positions (a count of smaller
// items), then the outputs at their positions and the inverse remapped.
// CHECK-LABEL: func.func @unique_sorted
// CHECK: %[[ITEMS:[a-z0-9_-]+]] = tensor.reshape %{{.*}}(%{{.*}}) : (tensor<6xf32>, tensor<3xi64>) -> tensor<1x6x1xf32>
// CHECK: %[[FOUND:[a-z0-9_-]+]]:4 = scf.for
// CHECK: arith.cmpf olt
// CHECK: %[[POSITIONS:[a-z0-9_-]+]] = scf.for %{{.*}} to %[[FOUND]]#3
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i32
// CHECK: %[[OUTPUTS:[a-z0-9_-]+]]:3 = scf.for %[[U:[a-z0-9_-]+]] = %{{.*}} to %[[FOUND]]#3
// CHECK: %[[RAW:[a-z0-9_-]+]] = tensor.extract %[[POSITIONS]][%[[U]]]
// CHECK: %[[POSITION:[a-z0-9_-]+]] = arith.index_cast %[[RAW]]
// CHECK: arith.cmpi ult, %[[POSITION]]
// CHECK: %[[INVERSE:[a-z0-9_-]+]] = linalg.generic {{.*}} ins(%[[FOUND]]#2
// CHECK: tensor.extract %[[POSITIONS]]
// CHECK: %[[VALUES:[a-z0-9_-]+]] = tensor.reshape %[[OUTPUTS]]#0(%{{.*}}) : (tensor<1x4x1xf32>, tensor<1xi64>) -> tensor<4xf32>
// CHECK: return %[[VALUES]], %[[OUTPUTS]]#1, %[[INVERSE]], %[[OUTPUTS]]#2
func.func @unique_sorted(%x: tensor<6xf32>) -> (tensor<4xf32>, tensor<4xi64>, tensor<6xi64>, tensor<4xi64>) {
  %y, %first, %inverse, %counts = kiln.unique %x {sorted} : tensor<6xf32> -> tensor<4xf32>, tensor<4xi64>, tensor<6xi64>, tensor<4xi64>
  return %y, %first, %inverse, %counts : tensor<4xf32>, tensor<4xi64>, tensor<6xi64>, tensor<4xi64>
}

// -----

// Not sorted: items stay in order of first occurrence (no positions pass),
// slices along the axis compare element by element (signed).
// CHECK-LABEL: func.func @unique_axis_unsorted
// CHECK-SAME: (%[[INPUT:[a-z0-9_-]+]]: tensor<2x4x3xi32>)
// CHECK-NOT: tensor.reshape
// CHECK: %[[FOUND:[a-z0-9_-]+]]:4 = scf.for %[[J:[a-z0-9_-]+]] =
// CHECK: tensor.extract %[[INPUT]][%{{.*}}, %[[J]], %{{.*}}]
// CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i32
// CHECK: %[[OUTPUTS:[a-z0-9_-]+]]:3 = scf.for %[[U:[a-z0-9_-]+]] = %{{.*}} to %[[FOUND]]#3
// CHECK: arith.cmpi ult, %[[U]]
// CHECK-NOT: linalg.generic
// CHECK: return %[[OUTPUTS]]#0, %[[OUTPUTS]]#1, %[[FOUND]]#2, %[[OUTPUTS]]#2
func.func @unique_axis_unsorted(%x: tensor<2x4x3xsi32>) -> (tensor<2x3x3xsi32>, tensor<3xi64>, tensor<4xi64>, tensor<3xi64>) {
  %y, %first, %inverse, %counts = kiln.unique %x {axis = 1 : i64} : tensor<2x4x3xsi32> -> tensor<2x3x3xsi32>, tensor<3xi64>, tensor<4xi64>, tensor<3xi64>
  return %y, %first, %inverse, %counts : tensor<2x3x3xsi32>, tensor<3xi64>, tensor<4xi64>, tensor<3xi64>
}
