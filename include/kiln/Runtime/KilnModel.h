/*===- KilnModel.h - the C ABI of a compiled Kiln model -----------*- C -*-===*
 *
 * Every model that `kiln-compile MODEL.onnx -o MODEL.so` produces is a shared
 * library exporting the functions below, and nothing else is needed to run
 * it: no MLIR, no Kiln runtime (the runtime library and `kiln-run` are a
 * convenience on top). Weights are embedded in the library.
 *
 * Tensors are dense, row-major (C order) buffers owned by the caller. The
 * element types use ONNX's TensorProto.DataType codes.
 *
 *===----------------------------------------------------------------------===*/

#ifndef KILN_RUNTIME_KILNMODEL_H
#define KILN_RUNTIME_KILNMODEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the layout of the structures below or the meaning of the
 * exported functions changes. */
#define KILN_MODEL_ABI_VERSION 1

/* Element types: ONNX TensorProto.DataType codes. */
typedef enum kiln_dtype {
  KILN_DTYPE_FLOAT32 = 1,
  KILN_DTYPE_UINT8 = 2,
  KILN_DTYPE_INT8 = 3,
  KILN_DTYPE_UINT16 = 4,
  KILN_DTYPE_INT16 = 5,
  KILN_DTYPE_INT32 = 6,
  KILN_DTYPE_INT64 = 7,
  KILN_DTYPE_BOOL = 9, /* one byte per element, 0 or 1 */
  KILN_DTYPE_FLOAT16 = 10,
  KILN_DTYPE_FLOAT64 = 11,
  KILN_DTYPE_UINT32 = 12,
  KILN_DTYPE_UINT64 = 13,
  KILN_DTYPE_BFLOAT16 = 16
} kiln_dtype;

/* One input or output of the model. */
typedef struct kiln_tensor_info {
  const char *name;     /* the ONNX graph input / output name */
  int32_t dtype;        /* a kiln_dtype */
  int32_t rank;
  const int64_t *shape; /* `rank` static extents */
} kiln_tensor_info;

typedef struct kiln_model_info {
  uint32_t abi_version; /* KILN_MODEL_ABI_VERSION of the compiler */
  uint32_t num_inputs;
  uint32_t num_outputs;
  const kiln_tensor_info *inputs;  /* in the ONNX graph's input order */
  const kiln_tensor_info *outputs; /* in the ONNX graph's output order */
} kiln_model_info;

/* The model's inputs and outputs; the pointer stays valid while the library
 * is loaded. */
const kiln_model_info *kiln_model_get_info(void);

/* Runs the model once. `inputs[i]` points at input i's elements (read only:
 * the model never writes to them), `outputs[i]` at a caller-allocated buffer
 * for output i of the size kiln_model_get_info() gives. Returns 0 on
 * success, non-zero on failure. Reentrant: concurrent calls with distinct
 * output buffers are allowed. */
int32_t kiln_model_run(const void *const *inputs, void *const *outputs);

/* Why the calling thread's last kiln_model_run failed (a run-time check of
 * the generated code: e.g. an input that sets a shape differs from what the
 * model was compiled for), or NULL after a successful run. The string stays
 * valid while the library is loaded. Models built by kiln-compile export
 * it; loaders should look it up as optional (hand-written models may not). */
const char *kiln_model_last_error(void);

/* Upper bound on the threads one kiln_model_run may use (>= 1; the default
 * is the number of hardware threads). */
void kiln_model_set_num_threads(int32_t num_threads);

#ifdef __cplusplus
}
#endif

#endif /* KILN_RUNTIME_KILNMODEL_H */
