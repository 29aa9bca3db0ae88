//===- KilnRandomOps.td - random number generation ---------*- tablegen -*-===//
//
// ONNX's RandomNormal, RandomUniform (and their *Like forms), Bernoulli and
// Multinomial. These ops are not `Pure`: each execution draws fresh values.
//
//===----------------------------------------------------------------------===//

#ifndef KILN_RANDOM_OPS_TD
#define KILN_RANDOM_OPS_TD

include "dialects/Kiln/KilnBase.td"

// The state of the random number generators that the random ops draw from
// (`mlir::kiln::RandomStateResource`, declared in KilnOps.h).
def Kiln_RandomStateResource : Resource<"::mlir::kiln::RandomStateResource">;

// A random op reads the generator state and returns fresh values. The effects
// follow upstream's `smt.declare_fun`, a value that must never be merged with
// an identical one: the result is an allocation (so CSE never merges two
// draws, and no pass hoists or speculates one), and the only other effect is
// a read (so an unused draw is trivially dead and may be erased). Both
// effects are on the random state, so random ops do not order memory ops.
class Kiln_RandomOp<string mnemonic, Type resultType,
                    list<Trait> traits = []>
    : Kiln_Op<mnemonic, !listconcat(traits,
        [MemoryEffects<[MemRead<Kiln_RandomStateResource>]>])> {
  let results = (outs Res<resultType, "fresh random values",
                          [MemAlloc<Kiln_RandomStateResource>]>:$output);
}

// The random semantics every op's description refers to.
defvar Kiln_RandomSemantics = [{
    Randomness: every execution of the op draws fresh, independent values
    from the op's own generator. With `seed`, that generator starts from the
    seed (ONNX gives it as a float), so the values are reproducible given the
    seed and the number of earlier executions of the op; without it, the
    runtime seeds the generator. Which generator Kiln uses is not specified:
    results cannot match another runtime's random stream (numpy's,
    onnxruntime's) bit for bit, only the distribution is the same.

    The op is not `Pure`: it reads the random state (`MemRead`) and returns
    a fresh allocation (`MemAlloc` on the result), as upstream's
    `smt.declare_fun`. CSE therefore never merges two draws and no pass
    hoists one out of a loop, while an unused draw may be erased (advancing
    the op's own generator is not observable by any other op).
}];

//===----------------------------------------------------------------------===//
// Distributions of a given shape
//===----------------------------------------------------------------------===//

// RandomNormal / RandomUniform: the result type gives the shape; extents
// known only at run time come from the `dynamic_shape` operand.
class Kiln_RandomDistributionOp<string mnemonic, dag distribution>
    : Kiln_RandomOp<mnemonic, Kiln_FloatTensor> {
  let arguments = !con((ins Optional<Kiln_I64Tensor>:$dynamic_shape),
                       distribution, (ins OptionalAttr<F32Attr>:$seed));
  let assemblyFormat = [{
    (`shape` $dynamic_shape^ `:` type($dynamic_shape))? attr-dict `:`
    type($output)
  }];
  let hasVerifier = 1;
}

def Kiln_RandomNormalOp : Kiln_RandomDistributionOp<"random_normal",
    (ins DefaultValuedAttr<F32Attr, "0.0">:$mean,
         DefaultValuedAttr<F32Attr, "1.0">:$scale)> {
  let summary = "a tensor of normally distributed random values";
  let description = !strconcat([{
    ONNX RandomNormal (a static `shape` attribute) and RandomNormalLike (the
    shape of its input; the importer passes `kiln.shape` of an input with
    `?` extents as `dynamic_shape`):

    ```
    output[i] = mean + scale * z_i   with z_i ~ N(0, 1), independent
    ```

    The draws are computed in the result's element type. A negative `scale`
    gives the same distribution as its absolute value.
  }], Kiln_RandomSemantics, [{
    Constraints:
    - without `dynamic_shape` the result type is static;
    - `dynamic_shape` is 1-D with one (static) entry per result dimension.

    Example:

    ```mlir
    %r = kiln.random_normal {mean = 1.000000e+00 : f32, scale = 2.000000e+00 : f32, seed = 7.000000e+00 : f32} : tensor<2x3xf32>
    %d = kiln.random_normal shape %s : tensor<2xi64> : tensor<?x3xf16>
    ```
  }]);
}

def Kiln_RandomUniformOp : Kiln_RandomDistributionOp<"random_uniform",
    (ins DefaultValuedAttr<F32Attr, "0.0">:$low,
         DefaultValuedAttr<F32Attr, "1.0">:$high)> {
  let summary = "a tensor of uniformly distributed random values";
  let description = !strconcat([{
    ONNX RandomUniform (a static `shape` attribute) and RandomUniformLike
    (the shape of its input; the importer passes `kiln.shape` of an input
    with `?` extents as `dynamic_shape`):

    ```
    output[i] = low + (high - low) * u_i   with u_i ~ U[0, 1), independent
    ```

    `u_i` lies in `[0, 1)` in the result's element type (a lowering that
    draws in a wider type must not round up to 1), so with the defaults
    `low = 0`, `high = 1` no value is 1: the importer's Dropout relies on
    it. Other bounds may round to `high`; `low > high` draws from
    `(high, low]`.
  }], Kiln_RandomSemantics, [{
    Constraints:
    - without `dynamic_shape` the result type is static;
    - `dynamic_shape` is 1-D with one (static) entry per result dimension.

    Example:

    ```mlir
    %r = kiln.random_uniform {low = -1.000000e+00 : f32, high = 1.000000e+00 : f32} : tensor<4xf64>
    %d = kiln.random_uniform shape %s : tensor<3xi64> {seed = 0.000000e+00 : f32} : tensor<3x?x5xf32>
    ```
  }]);
}

//===----------------------------------------------------------------------===//
// Sampling from distributions given by a tensor
//===----------------------------------------------------------------------===//

def Kiln_BernoulliOp : Kiln_RandomOp<"bernoulli", Kiln_FloatOrIntegerTensor,
    Kiln_ShapeInferenceTraits> {
  let summary = "draw 0 or 1 with the probabilities of a tensor";
  let description = !strconcat([{
    ONNX Bernoulli: each element is 1 with the probability the input holds
    at its position, else 0, converted to the result's element type (1.0,
    1 or true):

    ```
    output[i] = u_i < input[i] ? 1 : 0   with u_i ~ U[0, 1), independent
    ```

    Probabilities at or below 0 (or NaN) give 0, at or above 1 give 1.
  }], Kiln_RandomSemantics, [{
    Constraints:
    - the result has the input's shape; its element type is any float or
      integer type (`i1` for booleans).

    Example:

    ```mlir
    %b = kiln.bernoulli %p {seed = 0.000000e+00 : f32} : tensor<10xf32> -> tensor<10xi1>
    ```
  }]);
  let arguments = (ins Kiln_FloatTensor:$input,
                       OptionalAttr<F32Attr>:$seed);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

def Kiln_MultinomialOp : Kiln_RandomOp<"multinomial", Kiln_IndexTensor,
    Kiln_ShapeInferenceTraits> {
  let summary = "sample class indices from rows of log-probabilities";
  let description = !strconcat([{
    ONNX Multinomial. For `input` of shape `[B, C]`, each row holds the
    unnormalized log-probabilities of `C` classes; every output element is
    one class drawn from its row's distribution, `sample_size` independent
    draws (with replacement) per row:

    ```
    P(output[b, s] == c) = exp(input[b, c]) / sum_k exp(input[b, k])
                                       for 0 <= c < C, 0 <= s < sample_size
    ```

    A row of `-inf` everywhere has no distribution: its samples are
    unspecified values in `[0, C)`.
  }], Kiln_RandomSemantics, [{
    Constraints:
    - `input` has rank 2 and `sample_size` is positive;
    - the result has shape `[B, sample_size]` and element type i32 or i64.

    Example:

    ```mlir
    %s = kiln.multinomial %logits {sample_size = 5 : i64} : tensor<3x10xf32> -> tensor<3x5xi32>
    ```
  }]);
  let arguments = (ins Kiln_FloatTensor:$input,
                       DefaultValuedAttr<I64Attr, "1">:$sample_size,
                       OptionalAttr<F32Attr>:$seed);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` type($output)
  }];
}

#endif // KILN_RANDOM_OPS_TD
