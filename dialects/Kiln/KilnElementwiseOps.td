//===- KilnElementwiseOps.td - unary, binary and ternary math -*- tablegen -*-===//

#ifndef KILN_ELEMENTWISE_OPS_TD
#define KILN_ELEMENTWISE_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

// `output[i] = f(input[i])`. Quantized operands may have a result with other
// quantization parameters but the same expressed type.
class Kiln_UnaryOp<string mnemonic, string formula,
                   TypeConstraint tensorType = Kiln_FloatOrQuantizedTensor,
                   list<Trait> traits = []>
    : Kiln_Op<mnemonic, !listconcat(traits,
        [Pure, SameOperandsAndResultShape, Kiln_SameExpressedElementType])> {
  let summary = "elementwise `" # formula # "`";
  let description = [{
    Applies the function elementwise:

    ```
    output[i] = }] # formula # [{
    ```

    Constraints: input and result have the same shape and element type (or,
    when quantized, the same expressed type).

    Example:

    ```mlir
    %y = kiln.}] # mnemonic # [{ %x : tensor<2x3xf32> -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins tensorType:$input);
  let results = (outs tensorType:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Kiln_AbsOp : Kiln_UnaryOp<"abs", "|input[i]|", Kiln_NumericTensor> {
  let hasFolder = 1;
}
def Kiln_AcosOp : Kiln_UnaryOp<"acos", "acos(input[i])", Kiln_FloatTensor>;
def Kiln_AcoshOp : Kiln_UnaryOp<"acosh", "acosh(input[i])", Kiln_FloatTensor>;
def Kiln_AsinOp : Kiln_UnaryOp<"asin", "asin(input[i])", Kiln_FloatTensor>;
def Kiln_AsinhOp : Kiln_UnaryOp<"asinh", "asinh(input[i])", Kiln_FloatTensor>;
def Kiln_AtanOp : Kiln_UnaryOp<"atan", "atan(input[i])", Kiln_FloatTensor>;
def Kiln_AtanhOp : Kiln_UnaryOp<"atanh", "atanh(input[i])", Kiln_FloatTensor>;
def Kiln_CeilOp : Kiln_UnaryOp<"ceil", "ceil(input[i])">;
def Kiln_CosOp : Kiln_UnaryOp<"cos", "cos(input[i])", Kiln_FloatTensor>;
def Kiln_CoshOp : Kiln_UnaryOp<"cosh", "cosh(input[i])", Kiln_FloatTensor>;
def Kiln_ErfOp : Kiln_UnaryOp<"erf", "erf(input[i])", Kiln_FloatTensor>;
def Kiln_ExpOp : Kiln_UnaryOp<"exp", "e^input[i]">;
def Kiln_FloorOp : Kiln_UnaryOp<"floor", "floor(input[i])">;
def Kiln_HardSwishOp
    : Kiln_UnaryOp<"hard_swish", "input[i] * max(0, min(1, input[i] / 6 + 1/2))">;
def Kiln_LogOp : Kiln_UnaryOp<"log", "ln(input[i])">;
def Kiln_MishOp : Kiln_UnaryOp<"mish", "input[i] * tanh(ln(1 + e^input[i]))">;
def Kiln_NegOp : Kiln_UnaryOp<"neg", "-input[i]", Kiln_NumericTensor> {
  let hasFolder = 1;
}
def Kiln_NotOp : Kiln_UnaryOp<"not", "!input[i]", Kiln_BoolTensor> {
  let hasFolder = 1;
}
def Kiln_ReciprocalOp : Kiln_UnaryOp<"reciprocal", "1 / input[i]">;
def Kiln_ReluOp : Kiln_UnaryOp<"relu", "max(input[i], 0)", Kiln_NumericTensor>;
def Kiln_RoundOp : Kiln_UnaryOp<"round",
    "round_half_to_even(input[i])">;
def Kiln_SigmoidOp : Kiln_UnaryOp<"sigmoid", "1 / (1 + e^-input[i])">;
def Kiln_SignOp : Kiln_UnaryOp<"sign", "input[i] > 0 ? 1 : (input[i] < 0 ? -1 : 0)",
    Kiln_NumericTensor>;
def Kiln_SiluOp : Kiln_UnaryOp<"silu", "input[i] / (1 + e^-input[i])">;
def Kiln_SinOp : Kiln_UnaryOp<"sin", "sin(input[i])", Kiln_FloatTensor>;
def Kiln_SinhOp : Kiln_UnaryOp<"sinh", "sinh(input[i])", Kiln_FloatTensor>;
def Kiln_SoftplusOp : Kiln_UnaryOp<"softplus", "ln(1 + e^input[i])">;
def Kiln_SoftsignOp : Kiln_UnaryOp<"softsign", "input[i] / (1 + |input[i]|)">;
def Kiln_SqrtOp : Kiln_UnaryOp<"sqrt", "sqrt(input[i])">;
def Kiln_TanOp : Kiln_UnaryOp<"tan", "tan(input[i])", Kiln_FloatTensor>;
def Kiln_TanhOp : Kiln_UnaryOp<"tanh", "tanh(input[i])">;

// Unary ops with float parameters.
def Kiln_LeakyReluOp : Kiln_UnaryOp<"leaky_relu",
    "input[i] >= 0 ? input[i] : alpha * input[i]"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.01">:$alpha);
}

def Kiln_EluOp : Kiln_UnaryOp<"elu",
    "input[i] >= 0 ? input[i] : alpha * (e^input[i] - 1)"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def Kiln_CeluOp : Kiln_UnaryOp<"celu",
    "max(0, input[i]) + min(0, alpha * (e^(input[i] / alpha) - 1))"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def Kiln_SeluOp : Kiln_UnaryOp<"selu",
    "gamma * (input[i] > 0 ? input[i] : alpha * (e^input[i] - 1))"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "1.67326319">:$alpha,
                       DefaultValuedAttr<F32Attr, "1.05070102">:$gamma);
}

def Kiln_ThresholdedReluOp : Kiln_UnaryOp<"thresholded_relu",
    "input[i] > alpha ? input[i] : 0"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "1.0">:$alpha);
}

def Kiln_ShrinkOp : Kiln_UnaryOp<"shrink",
    "input[i] < -lambd ? input[i] + bias : (input[i] > lambd ? input[i] - bias : 0)",
    Kiln_NumericTensor> {
  let arguments = (ins Kiln_NumericTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.0">:$bias,
                       DefaultValuedAttr<F32Attr, "0.5">:$lambd);
}

def Kiln_HardSigmoidOp : Kiln_UnaryOp<"hard_sigmoid",
    "max(0, min(1, alpha * input[i] + beta))"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.2">:$alpha,
                       DefaultValuedAttr<F32Attr, "0.5">:$beta);
}

def Kiln_GeluOp : Kiln_UnaryOp<"gelu",
    "0.5 * input[i] * (1 + erf(input[i] / sqrt(2)))  (approximate = tanh: "
    "0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))))"> {
  let arguments = (ins Kiln_FloatOrQuantizedTensor:$input,
      DefaultValuedAttr<Kiln_GeluApproximationAttr,
                        "GeluApproximation::none">:$approximate);
}

def Kiln_ClipOp : Kiln_UnaryOp<"clip",
    "min(max(input[i], min), max)", Kiln_NumericTensor> {
  let description = [{
    Clamps every element into `[min, max]`:

    ```
    output[i] = min(max(input[i], min), max)
    ```

    A missing bound does not clamp.

    Constraints:
    - each bound is a float attribute for float and quantized tensors (in the
      expressed domain) and an integer attribute for integer tensors;
    - `min <= max` when both are present.

    Example:

    ```mlir
    %y = kiln.clip %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4xf32> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Kiln_NumericTensor:$input,
                       OptionalAttr<TypedAttrInterface>:$min,
                       OptionalAttr<TypedAttrInterface>:$max);
  let hasVerifier = 1;
  let hasFolder = 1;
}

// Tests on float values that produce booleans.
class Kiln_FloatTestOp<string mnemonic, string formula>
    : Kiln_Op<mnemonic, [Pure, SameOperandsAndResultShape]> {
  let summary = "elementwise `" # formula # "` test";
  let description = [{
    ```
    output[i] = }] # formula # [{
    ```

    Constraints: the input is a float tensor, the result a boolean tensor of
    the same shape.

    Example:

    ```mlir
    %b = kiln.}] # mnemonic # [{ %x : tensor<4xf32> -> tensor<4xi1>
    ```
  }];
  let results = (outs Kiln_BoolTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
}

def Kiln_IsNaNOp : Kiln_FloatTestOp<"is_nan", "isnan(input[i])"> {
  let arguments = (ins Kiln_FloatTensor:$input);
}

def Kiln_IsInfOp : Kiln_FloatTestOp<"is_inf",
    "(input[i] == +inf && detect_positive) || (input[i] == -inf && detect_negative)"> {
  let arguments = (ins Kiln_FloatTensor:$input, UnitAttr:$detect_positive,
                       UnitAttr:$detect_negative);
}

//===----------------------------------------------------------------------===//
// Binary ops with numpy broadcasting
//===----------------------------------------------------------------------===//

// `output[i] = f(lhs[i'], rhs[i''])` where the operands broadcast to the
// result shape under numpy rules.
class Kiln_BinaryOp<string mnemonic, string formula,
                    TypeConstraint tensorType = Kiln_NumericTensor,
                    TypeConstraint resultType = tensorType,
                    list<Trait> traits = []>
    : Kiln_ShapeInferenceOp<mnemonic, !listconcat(traits, [Pure])> {
  let summary = "elementwise `" # formula # "` with numpy broadcasting";
  let description = [{
    Broadcasts both operands to a common shape (numpy rules: shapes are
    right-aligned and each pair of dimensions is equal or one of them is 1)
    and computes:

    ```
    output[i] = }] # formula # [{
    ```

    Constraints:
    - the operand shapes broadcast and the result has the broadcast shape;
    - the element types agree as the op's type constraints say (quantized
      operands may carry different parameters over the same expressed type).

    Example:

    ```mlir
    %z = kiln.}] # mnemonic # [{ %x, %y : tensor<2x3xf32>, tensor<3xf32> -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins tensorType:$lhs, tensorType:$rhs);
  let results = (outs resultType:$output);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($output)
  }];
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::inferReturnTypeComponents(
        ::mlir::MLIRContext *context, std::optional<::mlir::Location> location,
        Adaptor adaptor,
        ::llvm::SmallVectorImpl<::mlir::ShapedTypeComponents> &inferredShapes) {
      return inferBroadcastShape(location, adaptor.getOperands(), inferredShapes);
    }
  }];
}

// Arithmetic: every operand and the result share one element type.
class Kiln_ArithmeticOp<string mnemonic, string formula,
                        TypeConstraint tensorType = Kiln_NumericTensor>
    : Kiln_BinaryOp<mnemonic, formula, tensorType, tensorType,
                    [Kiln_SameExpressedElementType]>;

def Kiln_AddOp : Kiln_ArithmeticOp<"add", "lhs + rhs"> {
  let hasFolder = 1;
}
def Kiln_SubOp : Kiln_ArithmeticOp<"sub", "lhs - rhs"> {
  let hasFolder = 1;
}
def Kiln_MulOp : Kiln_ArithmeticOp<"mul", "lhs * rhs"> {
  let hasFolder = 1;
}
def Kiln_DivOp : Kiln_ArithmeticOp<"div",
    "lhs / rhs  (integers: truncated toward zero)"> {
  let hasFolder = 1;
}
// Without `fmod` the remainder takes the divisor's sign (Python's %); with
// it, the dividend's sign (C's fmod), for integers and floats alike.
def Kiln_ModOp : Kiln_ArithmeticOp<"mod",
    "lhs - rhs * (fmod ? trunc(lhs / rhs) : floor(lhs / rhs))  (the sign of rhs; of lhs under fmod)"> {
  let arguments = (ins Kiln_NumericTensor:$lhs, Kiln_NumericTensor:$rhs,
                       UnitAttr:$fmod);
}
def Kiln_MaxOp : Kiln_ArithmeticOp<"max", "max(lhs, rhs)"> {
  let hasFolder = 1;
}
def Kiln_MinOp : Kiln_ArithmeticOp<"min", "min(lhs, rhs)"> {
  let hasFolder = 1;
}
def Kiln_PReluOp : Kiln_ArithmeticOp<"prelu",
    "lhs >= 0 ? lhs : rhs * lhs  (rhs is the slope)", Kiln_FloatOrQuantizedTensor>;

def Kiln_PowOp : Kiln_BinaryOp<"pow", "lhs ^ rhs", Kiln_NumericTensor,
                               Kiln_NumericTensor> {
  let hasVerifier = 1;
}

// Comparisons produce booleans from two operands of one element type.
class Kiln_CompareOp<string mnemonic, string formula>
    : Kiln_BinaryOp<mnemonic, formula, Kiln_NumericTensor, Kiln_BoolTensor,
                    [AllElementTypesMatch<["lhs", "rhs"]>]> {
  let hasFolder = 1;
}

def Kiln_EqualOp : Kiln_CompareOp<"equal", "lhs == rhs">;
def Kiln_GreaterOp : Kiln_CompareOp<"greater", "lhs > rhs">;
def Kiln_GreaterEqualOp : Kiln_CompareOp<"greater_equal", "lhs >= rhs">;
def Kiln_LessOp : Kiln_CompareOp<"less", "lhs < rhs">;
def Kiln_LessEqualOp : Kiln_CompareOp<"less_equal", "lhs <= rhs">;

// Logical ops on booleans.
class Kiln_LogicalOp<string mnemonic, string formula>
    : Kiln_BinaryOp<mnemonic, formula, Kiln_BoolTensor, Kiln_BoolTensor>;

def Kiln_AndOp : Kiln_LogicalOp<"and", "lhs && rhs">;
def Kiln_OrOp : Kiln_LogicalOp<"or", "lhs || rhs">;
def Kiln_XorOp : Kiln_LogicalOp<"xor", "lhs != rhs">;

// Bitwise ops on integers of one type.
class Kiln_BitwiseOp<string mnemonic, string formula>
    : Kiln_BinaryOp<mnemonic, formula, Kiln_IntegerTensor, Kiln_IntegerTensor,
                    [AllElementTypesMatch<["lhs", "rhs", "output"]>]>;

def Kiln_BitwiseAndOp : Kiln_BitwiseOp<"bitwise_and", "lhs & rhs">;
def Kiln_BitwiseOrOp : Kiln_BitwiseOp<"bitwise_or", "lhs | rhs">;
def Kiln_BitwiseXorOp : Kiln_BitwiseOp<"bitwise_xor", "lhs ^ rhs">;
def Kiln_ShiftLeftOp : Kiln_BitwiseOp<"shift_left",
    "lhs << rhs  (0 when rhs >= bit width)">;
def Kiln_ShiftRightOp : Kiln_BitwiseOp<"shift_right",
    "lhs >> rhs  (logical for unsigned, arithmetic for signed types)">;

def Kiln_BitwiseNotOp : Kiln_UnaryOp<"bitwise_not", "~input[i]",
                                     Kiln_IntegerTensor>;

//===----------------------------------------------------------------------===//
// Ternary select
//===----------------------------------------------------------------------===//

def Kiln_WhereOp : Kiln_ShapeInferenceOp<"where", [Pure,
    AllElementTypesMatch<["on_true", "on_false", "output"]>]> {
  let summary = "elementwise select with numpy broadcasting";
  let description = [{
    ```
    output[i] = condition[i] ? on_true[i] : on_false[i]
    ```
    after broadcasting all three operands to a common shape (ONNX Where).

    Constraints:
    - `condition` is a boolean tensor;
    - the three shapes broadcast and the result has the broadcast shape;
    - `on_true`, `on_false` and the result share one element type.

    Example:

    ```mlir
    %r = kiln.where %c, %a, %b : tensor<4xi1>, tensor<4xf32>, tensor<1xf32> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Kiln_BoolTensor:$condition, Kiln_Tensor:$on_true,
                       Kiln_Tensor:$on_false);
  let results = (outs Kiln_Tensor:$output);
  let assemblyFormat = [{
    $condition `,` $on_true `,` $on_false attr-dict `:` type($condition) `,`
    type($on_true) `,` type($on_false) `->` type($output)
  }];
}

#endif // KILN_ELEMENTWISE_OPS_TD
