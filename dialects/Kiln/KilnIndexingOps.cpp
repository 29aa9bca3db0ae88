//===- KilnIndexingOps.cpp - gather and scatter ---------------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::kiln;

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnIndexingOps.cpp.inc"

void KilnDialect::registerIndexingOps() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Kiln/KilnIndexingOps.cpp.inc"
      >();
}
