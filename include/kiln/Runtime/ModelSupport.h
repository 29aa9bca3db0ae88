/*===- ModelSupport.h - support code linked into every model ------*- C -*-===*
 *
 * `kiln-compile` links the static library KilnModelSupport into each model
 * shared library. It implements kiln_model_set_num_threads (KilnModel.h) and
 * the entry points below, which the generated code calls. These are not part
 * of the model's ABI: the library is built with hidden visibility, so a model
 * exports only the kiln_model_* functions.
 *
 * The library needs only the C++ standard library and POSIX threads (no
 * LLVM, no MLIR, no exceptions).
 *
 *===----------------------------------------------------------------------===*/

#ifndef KILN_RUNTIME_MODELSUPPORT_H
#define KILN_RUNTIME_MODELSUPPORT_H

#include <stdint.h>

/* The library is built with hidden visibility; what it defines of the model
 * ABI (KilnModel.h) is exported from a model's shared library with this. */
#define KILN_MODEL_EXPORT __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

/* The body of a parallel loop: runs the iterations [begin, end). */
typedef void (*kiln_rt_parallel_body)(void *context, int64_t begin,
                                      int64_t end);

/* Runs `body` over the iterations [0, count), split into contiguous chunks
 * that run concurrently on the model's thread pool and on the calling thread;
 * returns when every chunk is done. Each iteration runs exactly once; chunks
 * may run in any order and on any thread. Uses at most the number of threads
 * set by kiln_model_set_num_threads (the calling thread included).
 *
 * Safe to call from several threads at once (concurrent kiln_model_run
 * calls share the pool). A call from inside a body (a nested parallel loop)
 * runs the whole range inline on the calling thread. `count <= 0` does
 * nothing. */
void kiln_rt_parallel_for(int64_t count, kiln_rt_parallel_body body,
                          void *context);

/* Records that a run-time check failed: the first message of a run wins.
 * Called by the generated code on the thread that called kiln_model_run
 * (checks run outside parallel loop bodies); the run goes on, and
 * kiln_model_run then returns non-zero. */
void kiln_rt_report_error(const char *message);

/* Ends a run on the calling thread: returns 1 if a check failed (the
 * message becomes kiln_model_last_error's), else 0; clears the state for
 * the next run. kiln_model_run returns its result. */
int32_t kiln_rt_finish_run(void);

/* The current thread limit (what kiln_model_set_num_threads set, or the
 * number of hardware threads available to the process). */
int32_t kiln_rt_get_num_threads(void);

#ifdef __cplusplus
}
#endif

#endif /* KILN_RUNTIME_MODELSUPPORT_H */
