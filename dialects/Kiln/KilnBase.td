//===- KilnBase.td - Kiln dialect, constraints and base classes -*- tablegen -*-===//
//
// The `kiln` graph dialect: ONNX-level tensor operators whose quantization
// parameters ride in MLIR's upstream `!quant.uniform` element types.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_BASE_TD
#define KILN_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Dialect/Quant/IR/QuantBase.td"

def Kiln_Dialect : Dialect {
  let name = "kiln";
  let cppNamespace = "::mlir::kiln";
  let summary = "Quantization-aware graph dialect at the level of ONNX operators";
  let description = [{
    `kiln` holds a model as a `func.func` of tensor operators at the level of
    ONNX: convolutions, matmuls, pooling, normalization, elementwise math,
    reductions and data movement. Every tensor is ranked; the importer makes
    shapes static wherever the model allows.

    Quantization is first-class and uses MLIR's upstream `quant` types rather
    than a parallel type system. A quantized tensor is a tensor whose element
    type is a `!quant.uniform` type; its real (expressed) value is

    ```
    expressed = (stored - zero_point) * scale
    ```

    with one (scale, zero_point) per tensor, per slice along an axis
    (per-axis), or per block (sub-channel). Because the parameters live in the
    type, every pass carries them along for free. For example, a per-channel
    int8 convolution weight reads:

    ```mlir
    tensor<64x3x3x3x!quant.uniform<i8:f32:0, {0.1, 0.2, ...}>>
    ```

    Conventions shared by all ops:
    - Integer tensors use signless `iN` for ONNX's signed integers, `uiN` for
      its unsigned integers and `i1` for booleans.
    - Axes are normalized: every axis attribute is in `[0, rank)`. The importer
      rewrites ONNX's negative axes.
    - Flags are unit attributes (present = true); choices are enum attributes.

    Kiln attributes cover what upstream `quant` types lack: MX block formats
    (`#kiln.mx`), fixed-point formats (`#kiln.fixed_point`), N:M structured
    sparsity (`#kiln.sparsity`) and per-op precision decisions
    (`#kiln.precision`).
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Registers the attributes; defined beside their storage classes.
    void registerAttributes();
    /// Register each op family; each is defined in that family's .cpp, so
    /// no translation unit needs every op's definition.
    void registerQuantOps();
    void registerElementwiseOps();
    void registerNNOps();
    void registerReductionOps();
    void registerDataMovementOps();
    void registerIndexingOps();
    void registerRecurrentOps();
    void registerSignalOps();
    void registerVisionOps();
    void registerRandomOps();
  }];
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Kiln_AnyElementType : AnyTypeOf<[AnyFloat, AnyInteger, quant_QuantizedType],
    "float, integer or quantized type">;

def Kiln_Tensor : RankedTensorOf<[AnyFloat, AnyInteger, quant_QuantizedType]>;
def Kiln_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Kiln_IntegerTensor : RankedTensorOf<[AnyInteger]>;
def Kiln_BoolTensor : RankedTensorOf<[I1]>;
def Kiln_QuantizedTensor : RankedTensorOf<[quant_QuantizedType]>;
def Kiln_UnquantizedTensor : RankedTensorOf<[AnyFloat, AnyInteger]>;
def Kiln_FloatOrQuantizedTensor : RankedTensorOf<[AnyFloat, quant_QuantizedType]>;
// Values that interpolate or sample as numbers (grid_sample, bernoulli):
// float or integer, booleans included, not quantized.
def Kiln_FloatOrIntegerTensor : RankedTensorOf<[AnyFloat, AnyInteger]>;
def Kiln_NumericTensor : RankedTensorOf<[AnyFloat, AnySignlessInteger,
                                         AnyUnsignedInteger, quant_QuantizedType]>;
// Indices for gather/scatter-like ops, as ONNX allows them.
def Kiln_IndexTensor : RankedTensorOf<[I32, I64]>;
def Kiln_I32Tensor : RankedTensorOf<[I32]>;
def Kiln_I64Tensor : RankedTensorOf<[I64]>;

//===----------------------------------------------------------------------===//
// Traits
//===----------------------------------------------------------------------===//

// Checks every result's declared shape against the shape that the op's
// `inferReturnTypeComponents` derives from its operands and attributes.
def Kiln_ResultShapesMatchInference
    : NativeOpTrait<"ResultShapesMatchInference"> {
  let cppNamespace = "::mlir::kiln::OpTrait";
}

// All operands and results have the same element type, except that quantized
// element types need only agree on their expressed type (a quantized op may
// produce a result with different scale and zero point than its inputs).
def Kiln_SameExpressedElementType
    : NativeOpTrait<"SameExpressedElementType"> {
  let cppNamespace = "::mlir::kiln::OpTrait";
}

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

class Kiln_Op<string mnemonic, list<Trait> traits = []>
    : Op<Kiln_Dialect, mnemonic, traits>;

// The traits of an op whose result shapes follow from its operand shapes and
// attributes: the op defines `inferReturnTypeComponents` (used by the
// importer's shape inference) and the verifier checks the declared result
// types against it. Ops with another base class (the random ops) add them.
defvar Kiln_ShapeInferenceTraits =
    [InferShapedTypeOpAdaptor, Kiln_ResultShapesMatchInference];

class Kiln_ShapeInferenceOp<string mnemonic, list<Trait> traits = []>
    : Kiln_Op<mnemonic, !listconcat(traits, Kiln_ShapeInferenceTraits)>;

#endif // KILN_BASE_TD
