//===- KilnOps.h - kiln operations ----------------------------------*- C++ -*-===//
//
// The one header to include for kiln ops. Op definitions are split by family
// (one .td / .cpp pair each) to keep translation units small.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_DIALECTS_KILN_KILNOPS_H
#define KILN_DIALECTS_KILN_KILNOPS_H

#include "dialects/Kiln/KilnDialect.h"
#include "dialects/Kiln/KilnTraits.h"
#include "dialects/Kiln/KilnShapeUtils.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::kiln {
/// The state of the random number generators that the random ops
/// (KilnRandomOps.td) read; their effects are on it alone.
struct RandomStateResource
    : public SideEffects::Resource::Base<RandomStateResource> {
  StringRef getName() final { return "kiln.random_state"; }
};
} // namespace mlir::kiln

#define GET_OP_CLASSES
#include "dialects/Kiln/KilnQuantOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnElementwiseOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnNNOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnReductionOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnDataMovementOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnIndexingOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnRecurrentOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnSignalOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnVisionOps.h.inc"
#define GET_OP_CLASSES
#include "dialects/Kiln/KilnRandomOps.h.inc"

#endif // KILN_DIALECTS_KILN_KILNOPS_H
