//===- ThreadPool.cpp - the thread pool of a compiled model ---------------===//
//
// One pool per model library, created on first use. Workers sleep on a
// condition variable until a parallel loop is queued; the calling thread
// runs chunks too, so a loop never waits on an idle pool. Chunks are claimed
// from an atomic counter, which balances uneven chunks and threads that the
// OS preempts.
//
//===----------------------------------------------------------------------===//

#include "kiln/Runtime/KilnModel.h"
#include "kiln/Runtime/ModelSupport.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <sched.h>
#include <thread>
#include <vector>

namespace {

/// Chunks per thread: more chunks than threads lets fast threads take over
/// the work of slow ones, fewer keeps each chunk's memory contiguous.
constexpr int64_t kChunksPerThread = 4;

/// Set while this thread runs a loop body; nested loops then run inline
/// instead of queueing work that every worker might be too busy to take.
thread_local bool insideParallelLoop = false;

int32_t getAvailableHardwareThreads() {
  // The affinity mask, not the machine size: containers and `taskset`
  // restrict the CPUs a process may use.
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0 && CPU_COUNT(&cpus) > 0)
    return CPU_COUNT(&cpus);
  return std::max(1u, std::thread::hardware_concurrency());
}

/// One kiln_rt_parallel_for call. It lives on the caller's stack; the caller
/// returns only after every helper has left it.
struct ParallelLoop {
  kiln_rt_parallel_body body;
  void *context;
  int64_t count;
  int64_t chunkSize;
  int64_t numChunks;
  std::atomic<int64_t> nextChunk{0};
  // Guarded by the pool's mutex.
  int64_t helpersWanted;
  int64_t activeHelpers = 0;
  std::condition_variable helpersDone;

  void runChunks() {
    for (int64_t chunk = nextChunk.fetch_add(1, std::memory_order_relaxed);
         chunk < numChunks;
         chunk = nextChunk.fetch_add(1, std::memory_order_relaxed)) {
      int64_t begin = chunk * chunkSize;
      body(context, begin, std::min(count, begin + chunkSize));
    }
  }
};

class ThreadPool {
public:
  ThreadPool() : numThreads(getAvailableHardwareThreads()) {}

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    workAvailable.notify_all();
    for (std::thread &worker : workers)
      worker.join();
  }

  void setNumThreads(int32_t threads) {
    numThreads.store(std::max(threads, 1), std::memory_order_relaxed);
  }

  int32_t getNumThreads() const {
    return numThreads.load(std::memory_order_relaxed);
  }

  void parallelFor(int64_t count, kiln_rt_parallel_body body, void *context) {
    if (count <= 0)
      return;
    int64_t threads = getNumThreads();
    if (insideParallelLoop || threads == 1 || count == 1) {
      body(context, 0, count);
      return;
    }

    ParallelLoop loop;
    loop.body = body;
    loop.context = context;
    loop.count = count;
    loop.chunkSize =
        ceilDiv(count, std::min(count, threads * kChunksPerThread));
    loop.numChunks = ceilDiv(count, loop.chunkSize);
    // A copy: once the loop is queued, workers decrement helpersWanted.
    const int64_t helpers = std::min(threads - 1, loop.numChunks - 1);
    loop.helpersWanted = helpers;
    {
      std::lock_guard<std::mutex> lock(mutex);
      while (static_cast<int64_t>(workers.size()) < helpers)
        workers.emplace_back([this] { workerMain(); });
      pending.push_back(&loop);
    }
    for (int64_t i = 0; i < helpers; ++i)
      workAvailable.notify_one();

    insideParallelLoop = true;
    loop.runChunks();
    insideParallelLoop = false;

    // Every chunk is claimed now; wait for the helpers still running one.
    std::unique_lock<std::mutex> lock(mutex);
    if (loop.helpersWanted > 0)
      pending.erase(std::find(pending.begin(), pending.end(), &loop));
    loop.helpersDone.wait(lock, [&] { return loop.activeHelpers == 0; });
  }

private:
  static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

  void workerMain() {
    insideParallelLoop = true;
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      workAvailable.wait(lock, [&] { return stopping || !pending.empty(); });
      if (stopping)
        return;
      ParallelLoop *loop = pending.front();
      if (--loop->helpersWanted == 0)
        pending.pop_front();
      ++loop->activeHelpers;
      lock.unlock();
      loop->runChunks();
      lock.lock();
      // Notified under the lock: the caller cannot return (and destroy the
      // loop) before this thread releases the mutex.
      if (--loop->activeHelpers == 0)
        loop->helpersDone.notify_one();
    }
  }

  std::mutex mutex;
  std::condition_variable workAvailable;
  // Loops that still accept helpers, oldest first.
  std::deque<ParallelLoop *> pending;
  std::vector<std::thread> workers;
  bool stopping = false;
  std::atomic<int32_t> numThreads;
};

/// Created on first use; destroyed (its workers joined) when the model
/// library is unloaded or the process exits.
ThreadPool &getThreadPool() {
  static ThreadPool pool;
  return pool;
}

} // namespace

extern "C" {

KILN_MODEL_EXPORT void kiln_model_set_num_threads(int32_t num_threads) {
  getThreadPool().setNumThreads(num_threads);
}

void kiln_rt_parallel_for(int64_t count, kiln_rt_parallel_body body,
                          void *context) {
  getThreadPool().parallelFor(count, body, context);
}

int32_t kiln_rt_get_num_threads(void) {
  return getThreadPool().getNumThreads();
}

} // extern "C"
