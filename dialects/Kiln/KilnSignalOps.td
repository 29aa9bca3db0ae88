//===- KilnSignalOps.td - DFT, STFT, windows, mel filters --*- tablegen -*-===//
//
// ONNX's signal-processing operators. Complex tensors keep ONNX's layout: a
// trailing dimension of extent 2 holds (real, imaginary), extent 1 a real
// value. Lengths and steps are ONNX inputs; a constant one is a static
// attribute here, a run-time one a `dynamic_*` operand (the extents it
// decides are then `?`).
//
//===----------------------------------------------------------------------===//

#ifndef KILN_SIGNAL_OPS_TD
#define KILN_SIGNAL_OPS_TD

include "dialects/Kiln/KilnBase.td"
include "dialects/Kiln/KilnAttrs.td"

// What ONNX's `output_datatype` may name for generated windows and filters.
def Kiln_SignalValueTensor : RankedTensorOf<[AnyFloat, I8, I16, I32, I64, UI8,
                                             UI16, UI32, UI64]>;

//===----------------------------------------------------------------------===//
// Fourier transforms
//===----------------------------------------------------------------------===//

def Kiln_DFTOp : Kiln_ShapeInferenceOp<"dft",
    [Pure, AllElementTypesMatch<["input", "output"]>]> {
  let summary = "discrete Fourier transform along one axis";
  let description = [{
    ONNX DFT (opset 17's `axis` attribute and opset 20's constant `axis`
    input both become `axis`). The trailing dimension holds each value as
    (real, imaginary), or only its real part when its extent is 1. With `m`
    the coordinates other than `axis` and the trailing one:

    ```
    x[m, n] = input[m, n, 0] + i * input[m, n, 1]   (imaginary 0 for extent 1)
    N = dft_length, by default shape[axis]
        (2 * (shape[axis] - 1) for a onesided inverse)
    x is cut or zero-padded along axis to N values
    forward: y[m, k] = sum(x[m, n] * exp(-2 pi i k n / N) for n in [0, N))
    inverse: y[m, k] = sum(x[m, n] * exp(+2 pi i k n / N) for n in [0, N)) / N
    output[m, k, 0] = re(y[m, k]);  output[m, k, 1] = im(y[m, k])
    ```

    for `k` in `[0, N)`. `onesided` uses the conjugate symmetry of real
    signals, `y[m, N - k] = conj(y[m, k])`:
    - forward (RFFT): the input is real and only `k` in `[0, floor(N/2)]` is
      returned, so the output extent at `axis` is `floor(N/2) + 1`;
    - inverse (IRFFT): the input holds the bins `[0, floor(N/2)]` of a
      conjugate-symmetric spectrum (cut or zero-padded to `floor(N/2) + 1`
      bins, the others follow from `x[m, N - k] = conj(x[m, k])`) and the
      output is the real signal: extent N at `axis`, trailing extent 1.

    When ONNX computes `dft_length` at run time it is the one-element
    `dynamic_dft_length` operand and the output extent at `axis` is `?`.

    Constraints:
    - the input has rank >= 2 and a trailing extent of 1 or 2; a onesided
      forward DFT needs 1 (a real input), a onesided inverse DFT 2;
    - `axis` is in `[0, rank - 1)`: the trailing dimension is no signal
      dimension;
    - at most one of `dft_length` and `dynamic_dft_length` is given;
      `dft_length` is positive, as is the default length;
      `dynamic_dft_length` holds one integer;
    - the output has the input's element type and shape except at `axis`
      and in the trailing dimension, as above.

    Example:

    ```mlir
    %y = kiln.dft %x {axis = 1 : i64, onesided} : tensor<1x10x1xf32> -> tensor<1x6x2xf32>
    %z = kiln.dft %x length %n : tensor<i64> {axis = 1 : i64, inverse} : tensor<1x10x2xf32> -> tensor<1x?x2xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$input,
                       OptionalAttr<I64Attr>:$dft_length,
                       Optional<Kiln_IndexTensor>:$dynamic_dft_length,
                       I64Attr:$axis, UnitAttr:$inverse, UnitAttr:$onesided);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $input (`length` $dynamic_dft_length^ `:` type($dynamic_dft_length))?
    attr-dict `:` type($input) `->` type($output)
  }];
}

def Kiln_STFTOp : Kiln_ShapeInferenceOp<"stft",
    [Pure, AttrSizedOperandSegments,
     AllElementTypesMatch<["signal", "output"]>]> {
  let summary = "short-time Fourier transform";
  let description = [{
    ONNX STFT: the DFT (see `kiln.dft`) of every frame of a signal of shape
    `[batch, signal_length, 1 or 2]` (a real or a complex signal), each
    frame weighted by the window:

    ```
    L      = frame_length, or the window's extent
    w[n]   = window[n], or 1 without a window            for n in [0, L)
    frames = floor((signal_length - L) / frame_step) + 1
    frame[b, f, n] = signal[b, f * frame_step + n] * w[n]
    output[b, f, k, :] = (real, imaginary) of
        sum(frame[b, f, n] * exp(-2 pi i k n / L) for n in [0, L))
    ```

    for `k` in `[0, L)`, or only `k` in `[0, floor(L/2)]` when `onesided`
    (ONNX's default; the importer sets the flag). The output has shape
    `[batch, frames, L or floor(L/2) + 1, 2]`. A step or frame length that
    ONNX computes at run time is the one-element `dynamic_frame_step` /
    `dynamic_frame_length` operand, and the extents it decides are `?`.

    Constraints:
    - the signal has shape `[batch, signal_length, 1 or 2]`; `onesided`
      needs a real signal (trailing extent 1);
    - exactly one of `frame_step` and `dynamic_frame_step` is given, at most
      one of `frame_length` and `dynamic_frame_length`, and a window or a
      frame length; static steps and lengths are positive, dynamic ones
      hold one integer;
    - the window is a non-empty 1-D tensor of the signal's element type;
      its extent equals `frame_length` when both are known;
    - `L <= signal_length` when both are known.

    Example:

    ```mlir
    %s = kiln.stft %x window %w : tensor<16xf32> {frame_step = 8 : i64, onesided}
        : tensor<1x128x1xf32> -> tensor<1x15x9x2xf32>
    %t = kiln.stft %x step %step : tensor<i64> {frame_length = 16 : i64}
        : tensor<1x128x2xf32> -> tensor<1x?x16x2xf32>
    ```
  }];
  let arguments = (ins Kiln_FloatTensor:$signal,
                       OptionalAttr<I64Attr>:$frame_step,
                       Optional<Kiln_IndexTensor>:$dynamic_frame_step,
                       Optional<Kiln_FloatTensor>:$window,
                       OptionalAttr<I64Attr>:$frame_length,
                       Optional<Kiln_IndexTensor>:$dynamic_frame_length,
                       UnitAttr:$onesided);
  let results = (outs Kiln_FloatTensor:$output);
  let assemblyFormat = [{
    $signal (`step` $dynamic_frame_step^ `:` type($dynamic_frame_step))?
    (`window` $window^ `:` type($window))?
    (`length` $dynamic_frame_length^ `:` type($dynamic_frame_length))?
    attr-dict `:` type($signal) `->` type($output)
  }];
}

//===----------------------------------------------------------------------===//
// Generated tensors
//===----------------------------------------------------------------------===//

def Kiln_WindowOp : Kiln_ShapeInferenceOp<"window", [Pure]> {
  let summary = "Hann, Hamming or Blackman window";
  let description = [{
    ONNX HannWindow, HammingWindow and BlackmanWindow: a cosine-sum window of
    `size` points, periodic (ONNX's default; the importer sets the flag) or
    symmetric:

    ```
    N = size when periodic, size - 1 when symmetric
    output[n] = a0 - a1 * cos(2 pi n / N) + a2 * cos(4 pi n / N),  n in [0, size)

    kind       a0        a1        a2
    hann       0.5       0.5       0
    hamming    25/46     21/46     0
    blackman   0.42      0.5       0.08
    ```

    The values are computed in f32 and converted to the result element type
    as by ONNX Cast (ONNX's `output_datatype`). A symmetric window of one
    point divides by N = 0, as ONNX's function body does. When ONNX computes
    the size at run time it is the one-element `dynamic_size` operand and
    the result extent is `?`.

    Constraints:
    - exactly one of `size` and `dynamic_size` is given; `size` is
      positive; `dynamic_size` holds one integer;
    - the result is 1-D with extent `size`.

    Example:

    ```mlir
    %w = kiln.window {kind = #kiln.window_kind<hann>, periodic, size = 10 : i64} : tensor<10xf32>
    %v = kiln.window size %n : tensor<i32> {kind = #kiln.window_kind<blackman>} : tensor<?xf16>
    ```
  }];
  let arguments = (ins Kiln_WindowKindAttr:$kind, OptionalAttr<I64Attr>:$size,
                       Optional<Kiln_IndexTensor>:$dynamic_size,
                       UnitAttr:$periodic);
  let results = (outs Kiln_SignalValueTensor:$output);
  let assemblyFormat = [{
    (`size` $dynamic_size^ `:` type($dynamic_size))? attr-dict `:`
    type($output)
  }];
}

def Kiln_MelWeightMatrixOp : Kiln_ShapeInferenceOp<"mel_weight_matrix",
    [Pure, AttrSizedOperandSegments,
     AllElementTypesMatch<["lower_edge_hertz", "upper_edge_hertz"]>]> {
  let summary = "triangular mel filter bank for a onesided spectrum";
  let description = [{
    ONNX MelWeightMatrix: the matrix that maps `floor(dft_length / 2) + 1`
    linearly spaced frequency bins (a onesided DFT spectrum) to
    `num_mel_bins` triangular bands equally spaced on the mel scale
    between `lower_edge_hertz` and `upper_edge_hertz`:

    ```
    mel(f) = 2595 * log10(1 + f / 700);   hz(m) = 700 * (10^(m / 2595) - 1)
    step = (mel(upper_edge_hertz) - mel(lower_edge_hertz)) / (num_mel_bins + 2)
    edge[e] = floor((dft_length + 1) * hz(mel(lower_edge_hertz) + e * step)
                    / sample_rate)                 for e in [0, num_mel_bins + 2)
    band b in [0, num_mel_bins), with l = edge[b], c = edge[b + 1], h = edge[b + 2]:
      output[j, b] = (j - l) / (c - l)   for j in [l, c)
      output[j, b] = 1                   for j = c
      output[j, b] = (h - j) / (h - c)   for j in (c, h)
      output[j, b] = 0                   otherwise
    ```

    The weights are converted to the result element type as by ONNX Cast
    (ONNX's `output_datatype`). A band count or DFT length
    that ONNX computes at run time is the one-element
    `dynamic_num_mel_bins` / `dynamic_dft_length` operand, and the result
    extent it decides is `?`.

    Constraints:
    - exactly one of `num_mel_bins` and `dynamic_num_mel_bins` is given,
      and exactly one of `dft_length` and `dynamic_dft_length`; static
      values are positive, dynamic ones hold one integer;
    - `sample_rate`, `lower_edge_hertz` and `upper_edge_hertz` hold one
      value each; both edges have one float type;
    - the result has shape `[floor(dft_length / 2) + 1, num_mel_bins]`.

    Example:

    ```mlir
    %m = kiln.mel_weight_matrix %rate, %low, %high {dft_length = 16 : i64, num_mel_bins = 8 : i64}
        : tensor<i64>, tensor<f32>, tensor<f32> -> tensor<9x8xf32>
    ```
  }];
  let arguments = (ins OptionalAttr<I64Attr>:$num_mel_bins,
                       Optional<Kiln_IndexTensor>:$dynamic_num_mel_bins,
                       OptionalAttr<I64Attr>:$dft_length,
                       Optional<Kiln_IndexTensor>:$dynamic_dft_length,
                       Kiln_IndexTensor:$sample_rate,
                       Kiln_FloatTensor:$lower_edge_hertz,
                       Kiln_FloatTensor:$upper_edge_hertz);
  let results = (outs Kiln_SignalValueTensor:$output);
  let assemblyFormat = [{
    $sample_rate `,` $lower_edge_hertz `,` $upper_edge_hertz
    (`bins` $dynamic_num_mel_bins^ `:` type($dynamic_num_mel_bins))?
    (`length` $dynamic_dft_length^ `:` type($dynamic_dft_length))?
    attr-dict `:` type($sample_rate) `,` type($lower_edge_hertz) `,`
    type($upper_edge_hertz) `->` type($output)
  }];
}

#endif // KILN_SIGNAL_OPS_TD
