//===- RunStatus.cpp - failed run-time checks of a model run ---------------===//
//
// The state is per thread: kiln_model_run is reentrant, and each run's
// checks execute on the thread that called it.
//
//===----------------------------------------------------------------------===//

#include "kiln/Runtime/KilnModel.h"
#include "kiln/Runtime/ModelSupport.h"

namespace {
thread_local const char *pendingError = nullptr;
thread_local const char *lastError = nullptr;
} // namespace

extern "C" {

void kiln_rt_report_error(const char *message) {
  if (!pendingError)
    pendingError = message;
}

int32_t kiln_rt_finish_run(void) {
  lastError = pendingError;
  pendingError = nullptr;
  return lastError ? 1 : 0;
}

KILN_MODEL_EXPORT const char *kiln_model_last_error(void) { return lastError; }

} // extern "C"
