// RUN: kiln-opt %s -split-input-file -verify-diagnostics -expand-small-float-casts | FileCheck %s
// Expanded conversions of constants fold: each FOLD case checks exact
// results.
// RUN: kiln-opt %s -split-input-file -verify-diagnostics -expand-small-float-casts -inline -canonicalize | FileCheck %s --check-prefix=FOLD

// Decoding works on the code's bits; nothing converts from f8 any more.
// CHECK-LABEL: func.func @extf_e4m3fn
// CHECK: %[[BITS:.*]] = arith.bitcast %{{.*}} : f8E4M3FN to i8
// CHECK: arith.extui %[[BITS]] : i8 to i32
// CHECK: arith.uitofp %{{.*}} : i32 to f32
// CHECK: arith.bitcast %{{.*}} : i32 to f32
// CHECK-NOT: arith.extf
func.func @extf_e4m3fn(%x: f8E4M3FN) -> f32 {
  %y = arith.extf %x : f8E4M3FN to f32
  return %y : f32
}

// -----

// Wider results convert the exact f32.
// CHECK-LABEL: func.func @extf_e5m2_to_f64
// CHECK: %[[F32:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.extf %[[F32]] : f32 to f64
func.func @extf_e5m2_to_f64(%x: f8E5M2) -> f64 {
  %y = arith.extf %x : f8E5M2 to f64
  return %y : f64
}

// -----

// CHECK-LABEL: func.func @truncf_e5m2
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: math.roundeven %{{.*}} : f32
// CHECK: %[[CODE:.*]] = arith.trunci %{{.*}} : i32 to i8
// CHECK: arith.bitcast %[[CODE]] : i8 to f8E5M2
// CHECK-NOT: arith.truncf
func.func @truncf_e5m2(%x: f32) -> f8E5M2 {
  %y = arith.truncf %x : f32 to f8E5M2
  return %y : f8E5M2
}

// -----

// From f64 directly (one rounding).
// CHECK-LABEL: func.func @truncf_f64_to_fp4
// CHECK: arith.bitcast %{{.*}} : f64 to i64
// CHECK: arith.trunci %{{.*}} : i64 to i4
// CHECK: arith.bitcast %{{.*}} : i4 to f4E2M1FN
func.func @truncf_f64_to_fp4(%x: f64) -> f4E2M1FN {
  %y = arith.truncf %x : f64 to f4E2M1FN
  return %y : f4E2M1FN
}

// -----

// f16 is extended to f32 first.
// CHECK-LABEL: func.func @truncf_f16
// CHECK: %[[WIDE:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.bitcast %[[WIDE]] : f32 to i32
func.func @truncf_f16(%x: f16) -> f8E4M3FN {
  %y = arith.truncf %x : f16 to f8E4M3FN
  return %y : f8E4M3FN
}

// -----

// Integer conversions go through f32 / f64.
// CHECK-LABEL: func.func @integers
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.uitofp %{{.*}} : i8 to f64
// CHECK: arith.bitcast %{{.*}} : f64 to i64
// CHECK-NOT: arith.extf %{{.*}} : f8
// CHECK-NOT: arith.truncf
func.func @integers(%x: f8E4M3FN, %i: i8) -> (i32, f8E5M2) {
  %a = arith.fptosi %x : f8E4M3FN to i32
  %b = arith.uitofp %i : i8 to f8E5M2
  return %a, %b : i32, f8E5M2
}

// -----

// The conversions of constants below run through the expanded code: each
// conversion is a function of its own (expanded while its operand is an
// argument, which keeps arith's folders out), inlined into the caller and
// folded afterwards.
func.func private @to_e4m3fn(%x: f32) -> f8E4M3FN {
  %y = arith.truncf %x : f32 to f8E4M3FN
  return %y : f8E4M3FN
}

// 464 is the tie between 448 and (the missing) 480: even, 448. 465 and
// infinity overflow to NaN. 2.125 ties to 2.0, 2^-10 (half the smallest
// subnormal) to 0, 1.5 * 2^-10 rounds to the smallest subnormal; -0 keeps
// its sign.
// FOLD-LABEL: func.func @fold_e4m3fn
// FOLD: %[[C0:.*]] = arith.constant 4.480000e+02 : f8E4M3FN
// FOLD: %[[C1:.*]] = arith.constant 0x7F : f8E4M3FN
// FOLD: %[[C2:.*]] = arith.constant 0xFF : f8E4M3FN
// FOLD: %[[C3:.*]] = arith.constant 2.000000e+00 : f8E4M3FN
// FOLD: %[[C4:.*]] = arith.constant 0.000000e+00 : f8E4M3FN
// FOLD: %[[C5:.*]] = arith.constant -0.000000e+00 : f8E4M3FN
// FOLD: %[[C6:.*]] = arith.constant 1.953130e-03 : f8E4M3FN
// FOLD: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]], %[[C6]]
func.func @fold_e4m3fn() -> (f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN) {
  %c0 = arith.constant 464.0 : f32
  %c1 = arith.constant 465.0 : f32
  %c2 = arith.constant 0xFF800000 : f32
  %c3 = arith.constant 2.125 : f32
  %c4 = arith.constant 0.0009765625 : f32
  %c5 = arith.constant -0.0 : f32
  %c6 = arith.constant 0.00146484375 : f32
  %t0 = func.call @to_e4m3fn(%c0) : (f32) -> f8E4M3FN
  %t1 = func.call @to_e4m3fn(%c1) : (f32) -> f8E4M3FN
  %t2 = func.call @to_e4m3fn(%c2) : (f32) -> f8E4M3FN
  %t3 = func.call @to_e4m3fn(%c3) : (f32) -> f8E4M3FN
  %t4 = func.call @to_e4m3fn(%c4) : (f32) -> f8E4M3FN
  %t5 = func.call @to_e4m3fn(%c5) : (f32) -> f8E4M3FN
  %t6 = func.call @to_e4m3fn(%c6) : (f32) -> f8E4M3FN
  return %t0, %t1, %t2, %t3, %t4, %t5, %t6 : f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN, f8E4M3FN
}

func.func private @to_e5m2(%x: f64) -> f8E5M2 {
  %y = arith.truncf %x : f64 to f8E5M2
  return %y : f8E5M2
}

// From f64: 61440 is the tie between 57344 (odd code) and 65536: overflow
// to infinity; just below it rounds down; NaN stays NaN; -inf stays -inf.
// FOLD-LABEL: func.func @fold_e5m2
// FOLD: %[[C0:.*]] = arith.constant 0x7C : f8E5M2
// FOLD: %[[C1:.*]] = arith.constant 5.734400e+04 : f8E5M2
// FOLD: %[[C2:.*]] = arith.constant 0x7E : f8E5M2
// FOLD: %[[C3:.*]] = arith.constant 0xFC : f8E5M2
// FOLD: return %[[C0]], %[[C1]], %[[C2]], %[[C3]]
func.func @fold_e5m2() -> (f8E5M2, f8E5M2, f8E5M2, f8E5M2) {
  %c0 = arith.constant 61440.0 : f64
  %c1 = arith.constant 61439.999 : f64
  %c2 = arith.constant 0x7FF8000000000000 : f64
  %c3 = arith.constant 0xFFF0000000000000 : f64
  %t0 = func.call @to_e5m2(%c0) : (f64) -> f8E5M2
  %t1 = func.call @to_e5m2(%c1) : (f64) -> f8E5M2
  %t2 = func.call @to_e5m2(%c2) : (f64) -> f8E5M2
  %t3 = func.call @to_e5m2(%c3) : (f64) -> f8E5M2
  return %t0, %t1, %t2, %t3 : f8E5M2, f8E5M2, f8E5M2, f8E5M2
}

func.func private @to_fp4(%x: f32) -> f4E2M1FN {
  %y = arith.truncf %x : f32 to f4E2M1FN
  return %y : f4E2M1FN
}

// FP4 has neither infinities nor NaN: overflow and infinities saturate,
// NaN becomes a zero of its sign. 2.5 ties to 2, 0.25 to 0.
// FOLD-LABEL: func.func @fold_fp4
// FOLD: %[[C0:.*]] = arith.constant 2.000000e+00 : f4E2M1FN
// FOLD: %[[C1:.*]] = arith.constant 6.000000e+00 : f4E2M1FN
// FOLD: %[[C2:.*]] = arith.constant -6.000000e+00 : f4E2M1FN
// FOLD: %[[C3:.*]] = arith.constant 0.000000e+00 : f4E2M1FN
// FOLD: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C3]]
func.func @fold_fp4() -> (f4E2M1FN, f4E2M1FN, f4E2M1FN, f4E2M1FN, f4E2M1FN) {
  %c0 = arith.constant 2.5 : f32
  %c1 = arith.constant 100.0 : f32
  %c2 = arith.constant 0xFF800000 : f32
  %c3 = arith.constant 0x7FC00000 : f32
  %c4 = arith.constant 0.25 : f32
  %t0 = func.call @to_fp4(%c0) : (f32) -> f4E2M1FN
  %t1 = func.call @to_fp4(%c1) : (f32) -> f4E2M1FN
  %t2 = func.call @to_fp4(%c2) : (f32) -> f4E2M1FN
  %t3 = func.call @to_fp4(%c3) : (f32) -> f4E2M1FN
  %t4 = func.call @to_fp4(%c4) : (f32) -> f4E2M1FN
  return %t0, %t1, %t2, %t3, %t4 : f4E2M1FN, f4E2M1FN, f4E2M1FN, f4E2M1FN, f4E2M1FN
}

func.func private @from_e8m0(%x: f8E8M0FNU) -> i32 {
  %y = arith.extf %x : f8E8M0FNU to f32
  %b = arith.bitcast %y : f32 to i32
  return %b : i32
}
func.func private @from_e4m3fn(%x: f8E4M3FN) -> f32 {
  %y = arith.extf %x : f8E4M3FN to f32
  return %y : f32
}
func.func private @from_e5m2(%x: f8E5M2) -> f32 {
  %y = arith.extf %x : f8E5M2 to f32
  return %y : f32
}
func.func private @from_fp4(%x: f4E2M1FN) -> f32 {
  %y = arith.extf %x : f4E2M1FN to f32
  return %y : f32
}

// Decoding: E8M0's 0 is 2^-127 (the f32 bits 0x00400000), 255 NaN; E4M3FN's
// 0xFF is NaN (its sign kept), 0x03 the subnormal 3 * 2^-9; E5M2's 0x7C
// infinity; FP4's 0xF is -6.
// FOLD-LABEL: func.func @fold_decode
// FOLD-DAG: %[[C0:.*]] = arith.constant 4194304 : i32
// FOLD-DAG: %[[C1:.*]] = arith.constant 2143289344 : i32
// FOLD-DAG: %[[C2:.*]] = arith.constant 0xFFC00000 : f32
// FOLD-DAG: %[[C3:.*]] = arith.constant 0.005859375 : f32
// FOLD-DAG: %[[C4:.*]] = arith.constant 0x7F800000 : f32
// FOLD-DAG: %[[C5:.*]] = arith.constant -6.000000e+00 : f32
// FOLD: return %[[C0]], %[[C1]], %[[C2]], %[[C3]], %[[C4]], %[[C5]]
func.func @fold_decode() -> (i32, i32, f32, f32, f32, f32) {
  %e0 = arith.constant 5.877470e-39 : f8E8M0FNU
  %e1 = arith.constant 0xFF : f8E8M0FNU
  %e2 = arith.constant 0xFF : f8E4M3FN
  %e3 = arith.constant 0.005859375 : f8E4M3FN
  %e4 = arith.constant 0x7C : f8E5M2
  %e5 = arith.constant -6.0 : f4E2M1FN
  %d0 = func.call @from_e8m0(%e0) : (f8E8M0FNU) -> i32
  %d1 = func.call @from_e8m0(%e1) : (f8E8M0FNU) -> i32
  %d2 = func.call @from_e4m3fn(%e2) : (f8E4M3FN) -> f32
  %d3 = func.call @from_e4m3fn(%e3) : (f8E4M3FN) -> f32
  %d4 = func.call @from_e5m2(%e4) : (f8E5M2) -> f32
  %d5 = func.call @from_fp4(%e5) : (f4E2M1FN) -> f32
  return %d0, %d1, %d2, %d3, %d4, %d5 : i32, i32, f32, f32, f32, f32
}

// -----

func.func @truncf_to_e8m0(%x: f32) -> f8E8M0FNU {
  // expected-error@+1 {{'arith.truncf' op converts 'f32' to 'f8E8M0FNU', which has no expansion (rounding to f8E8M0FNU, or a rounding mode other than to_nearest_even)}}
  %y = arith.truncf %x : f32 to f8E8M0FNU
  return %y : f8E8M0FNU
}
