//===- Passes.h - graph-level passes on the kiln dialect ------------*- C++ -*-===//

#ifndef KILN_TRANSFORMS_PASSES_H
#define KILN_TRANSFORMS_PASSES_H

#include "dialects/Kiln/KilnDialect.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Pass/Pass.h"

namespace mlir::kiln {

#define GEN_PASS_DECL
#include "kiln/Transforms/Passes.h.inc"

/// Adds the pattern that folds constant batch normalization into a conv.
void populateFoldBatchNormPatterns(RewritePatternSet &patterns);

/// Adds the patterns that rewrite dequantize -> float op -> quantize chains
/// into kiln ops on quantized types.
void populateFormQuantizedOpsPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "kiln/Transforms/Passes.h.inc"

} // namespace mlir::kiln

#endif // KILN_TRANSFORMS_PASSES_H
