//===- KilnReductionOps.cpp - reductions, scans, top-k --------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnReductionOps.cpp.inc"

void KilnDialect::registerReductionOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnReductionOps.cpp.inc"
      >();
}
