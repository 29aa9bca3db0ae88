// RUN: kiln-opt --convert-runtime-checks-to-calls %s | FileCheck %s

// A failed check reports its message (a NUL-terminated global) and the
// code goes on; nothing aborts.
// CHECK-DAG: llvm.mlir.global private constant @kiln_check_0("node 'r': bad shape\00")
// CHECK-DAG: llvm.mlir.global private constant @kiln_check_1("second\00")
// CHECK-DAG: func.func private @kiln_rt_report_error(!llvm.ptr)
// CHECK-LABEL: func.func @checks
// CHECK-SAME: (%[[A:.*]]: i1, %[[B:.*]]: i1)
// CHECK: cf.cond_br %[[A]], ^[[AFTER_A:.*]], ^[[FAIL_A:[a-z0-9]+]]
// CHECK: ^[[FAIL_A]]:
// CHECK: %[[GLOBAL:.*]] = llvm.mlir.addressof @kiln_check_0
// CHECK: %[[MESSAGE:.*]] = llvm.getelementptr %[[GLOBAL]][0, 0]
// CHECK: call @kiln_rt_report_error(%[[MESSAGE]]) : (!llvm.ptr) -> ()
// CHECK: cf.br ^[[AFTER_A]]
// CHECK: ^[[AFTER_A]]:
// CHECK: cf.cond_br %[[B]]
// CHECK: call @kiln_rt_report_error
// CHECK-NOT: cf.assert
// CHECK: return
func.func @checks(%a: i1, %b: i1) {
  cf.assert %a, "node 'r': bad shape"
  cf.assert %b, "second"
  return
}
