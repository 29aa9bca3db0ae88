/*===- identity_model.c - every dtype in and out, for the runtime tests ---===*
 *
 * A hand-written model with one input per element type of the ABI, each of
 * another shape (a scalar and an empty tensor among them); output i is a
 * copy of input i. It does without KilnModelSupport: a model needs nothing
 * but the three ABI functions.
 *
 *===----------------------------------------------------------------------===*/

#include "kiln/Runtime/KilnModel.h"

#include <string.h>

#define EXPORT __attribute__((visibility("default")))

static const int64_t k2x3[] = {2, 3};
static const int64_t k4[] = {4};
static const int64_t k2x2[] = {2, 2};
static const int64_t k3[] = {3};
static const int64_t k1x2[] = {1, 2};
static const int64_t k2x1x2[] = {2, 1, 2};
static const int64_t k5[] = {5};
static const int64_t k0x3[] = {0, 3};
static const int64_t k2[] = {2};

/* X(type name, KILN_DTYPE_ suffix, rank, shape) for each tensor. */
#define TENSORS(X)                                                             \
  X(float32, FLOAT32, 2, k2x3)                                                 \
  X(uint8, UINT8, 1, k4)                                                       \
  X(int8, INT8, 2, k2x2)                                                       \
  X(uint16, UINT16, 1, k3)                                                     \
  X(int16, INT16, 2, k1x2)                                                     \
  X(int32, INT32, 0, NULL)                                                     \
  X(int64, INT64, 3, k2x1x2)                                                   \
  X(bool, BOOL, 1, k5)                                                         \
  X(float16, FLOAT16, 2, k2x3)                                                 \
  X(float64, FLOAT64, 1, k3)                                                   \
  X(uint32, UINT32, 2, k0x3)                                                   \
  X(uint64, UINT64, 1, k2)                                                     \
  X(bfloat16, BFLOAT16, 2, k2x2)

#define INPUT(type, dtype, rank, shape)                                        \
  {"in_" #type, KILN_DTYPE_##dtype, rank, shape},
#define OUTPUT(type, dtype, rank, shape)                                       \
  {"out_" #type, KILN_DTYPE_##dtype, rank, shape},

static const kiln_tensor_info kInputs[] = {TENSORS(INPUT)};
static const kiln_tensor_info kOutputs[] = {TENSORS(OUTPUT)};

enum { kNumTensors = sizeof(kInputs) / sizeof(kInputs[0]) };

static const kiln_model_info kInfo = {KILN_MODEL_ABI_VERSION, kNumTensors,
                                      kNumTensors, kInputs, kOutputs};

static size_t getElementSize(int32_t dtype) {
  switch (dtype) {
  case KILN_DTYPE_UINT8:
  case KILN_DTYPE_INT8:
  case KILN_DTYPE_BOOL:
    return 1;
  case KILN_DTYPE_UINT16:
  case KILN_DTYPE_INT16:
  case KILN_DTYPE_FLOAT16:
  case KILN_DTYPE_BFLOAT16:
    return 2;
  case KILN_DTYPE_FLOAT32:
  case KILN_DTYPE_INT32:
  case KILN_DTYPE_UINT32:
    return 4;
  default:
    return 8;
  }
}

EXPORT const kiln_model_info *kiln_model_get_info(void) { return &kInfo; }

EXPORT int32_t kiln_model_run(const void *const *inputs, void *const *outputs) {
  for (int i = 0; i < kNumTensors; ++i) {
    size_t size = getElementSize(kInputs[i].dtype);
    for (int32_t d = 0; d < kInputs[i].rank; ++d)
      size *= (size_t)kInputs[i].shape[d];
    memcpy(outputs[i], inputs[i], size);
  }
  return 0;
}

EXPORT void kiln_model_set_num_threads(int32_t num_threads) {}
