/*===- add_model.c - a hand-written model for the runtime tests -----------===*
 *
 * Implements the model ABI (KilnModel.h) as kiln-compile's output does,
 * parallel loop included:
 *   sum = a + b                      a, b, sum: float32[2,3]
 *   row_argmax[i] = argmax_j sum[i,j]  row_argmax: int64[2]
 * kiln_model_run fails (returns 1) when a sum is NaN, so that the tests can
 * check how failures are reported. Built with ADD_MODEL_ABI_VERSION set, it
 * claims another ABI version.
 *
 *===----------------------------------------------------------------------===*/

#include "kiln/Runtime/KilnModel.h"
#include "kiln/Runtime/ModelSupport.h"

#define EXPORT __attribute__((visibility("default")))

#ifndef ADD_MODEL_ABI_VERSION
#define ADD_MODEL_ABI_VERSION KILN_MODEL_ABI_VERSION
#endif

enum { kRows = 2, kColumns = 3 };

static const int64_t kMatrixShape[] = {kRows, kColumns};
static const int64_t kRowsShape[] = {kRows};

static const kiln_tensor_info kInputs[] = {
    {"a", KILN_DTYPE_FLOAT32, 2, kMatrixShape},
    {"b", KILN_DTYPE_FLOAT32, 2, kMatrixShape},
};
static const kiln_tensor_info kOutputs[] = {
    {"sum", KILN_DTYPE_FLOAT32, 2, kMatrixShape},
    {"row_argmax", KILN_DTYPE_INT64, 1, kRowsShape},
};
static const kiln_model_info kInfo = {ADD_MODEL_ABI_VERSION, 2, 2, kInputs,
                                      kOutputs};

EXPORT const kiln_model_info *kiln_model_get_info(void) { return &kInfo; }

typedef struct AddRows {
  const float *a;
  const float *b;
  float *sum;
  int64_t *rowArgmax;
  int sawNaN[kRows];
} AddRows;

static void addRows(void *context, int64_t begin, int64_t end) {
  AddRows *rows = (AddRows *)context;
  for (int64_t row = begin; row < end; ++row) {
    const int64_t offset = row * kColumns;
    int64_t argmax = 0;
    rows->sawNaN[row] = 0;
    for (int64_t column = 0; column < kColumns; ++column) {
      float value = rows->a[offset + column] + rows->b[offset + column];
      rows->sum[offset + column] = value;
      if (value != value)
        rows->sawNaN[row] = 1;
      if (value > rows->sum[offset + argmax])
        argmax = column;
    }
    rows->rowArgmax[row] = argmax;
  }
}

EXPORT int32_t kiln_model_run(const void *const *inputs, void *const *outputs) {
  AddRows rows = {(const float *)inputs[0],
                  (const float *)inputs[1],
                  (float *)outputs[0],
                  (int64_t *)outputs[1],
                  {0, 0}};
  kiln_rt_parallel_for(kRows, addRows, &rows);
  for (int row = 0; row < kRows; ++row)
    if (rows.sawNaN[row])
      return 1;
  return 0;
}
