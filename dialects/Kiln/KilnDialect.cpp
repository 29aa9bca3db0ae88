//===- KilnDialect.cpp - the kiln dialect ---------------------------------===//

#include "dialects/Kiln/KilnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::kiln;

#include "dialects/Kiln/KilnDialect.cpp.inc"
#include "dialects/Kiln/KilnEnums.cpp.inc"

void KilnDialect::initialize() {
  registerAttributes();
  registerQuantOps();
  registerElementwiseOps();
  registerNNOps();
  registerReductionOps();
  registerDataMovementOps();
  registerIndexingOps();
  registerRecurrentOps();
  registerSignalOps();
  registerVisionOps();
  registerRandomOps();
}

Operation *KilnDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  if (!ConstantOp::isBuildableWith(value, type))
    return nullptr;
  return ConstantOp::create(builder, loc, type, cast<ElementsAttr>(value));
}
