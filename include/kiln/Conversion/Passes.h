//===- Passes.h - conversions out of the kiln dialect ---------------*- C++ -*-===//

#ifndef KILN_CONVERSION_PASSES_H
#define KILN_CONVERSION_PASSES_H

#include "dialects/Kiln/KilnDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::kiln {

#define GEN_PASS_DECL
#include "kiln/Conversion/Passes.h.inc"

/// Converts tensors of signed / unsigned integers to signless ones, as
/// arith and linalg expect, and quantized tensors to their signless stored
/// integers; other types are kept.
class KilnToLinalgTypeConverter : public TypeConverter {
public:
  KilnToLinalgTypeConverter();
};

/// Patterns lowering each kiln op family (one file each in
/// lib/Conversion/KilnToLinalg).
void populateKilnElementwiseToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnContractionToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnDataMovementToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnQuantToLinalgPatterns(const TypeConverter &typeConverter,
                                       RewritePatternSet &patterns);
void populateKilnQuantElementwiseToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnReductionToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnNNToLinalgPatterns(const TypeConverter &typeConverter,
                                    RewritePatternSet &patterns);
void populateKilnIndexingToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns);
void populateKilnResizeToLinalgPatterns(const TypeConverter &typeConverter,
                                        RewritePatternSet &patterns);
void populateKilnVisionToLinalgPatterns(const TypeConverter &typeConverter,
                                        RewritePatternSet &patterns);
void populateKilnRecurrentToLinalgPatterns(const TypeConverter &typeConverter,
                                           RewritePatternSet &patterns);
void populateKilnSignalToLinalgPatterns(const TypeConverter &typeConverter,
                                        RewritePatternSet &patterns);
void populateKilnRandomToLinalgPatterns(const TypeConverter &typeConverter,
                                        RewritePatternSet &patterns);
/// kiln.mx_dequantize, and constants of sub-byte floats (FP4, FP6) as bytes.
void populateKilnMXToLinalgPatterns(const TypeConverter &typeConverter,
                                    RewritePatternSet &patterns);

/// Rewrites conversions from and to float types of at most 8 bits into
/// integer code (see `expand-small-float-casts`).
void populateExpandSmallFloatCastsPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "kiln/Conversion/Passes.h.inc"

} // namespace mlir::kiln

#endif // KILN_CONVERSION_PASSES_H
