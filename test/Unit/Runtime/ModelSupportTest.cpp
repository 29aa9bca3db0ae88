//===- ModelSupportTest.cpp - unit tests of the models' thread pool -------===//

#include "kiln/Runtime/ModelSupport.h"
#include "kiln/Runtime/KilnModel.h"

#include "gtest/gtest.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <sched.h>
#include <set>
#include <thread>
#include <vector>

namespace {

/// Runs `function(begin, end)` as a kiln_rt_parallel_for body.
template <typename Function>
void parallelFor(int64_t count, Function &function) {
  kiln_rt_parallel_for(
      count,
      [](void *context, int64_t begin, int64_t end) {
        (*static_cast<Function *>(context))(begin, end);
      },
      &function);
}

/// Restores the default thread limit after each test.
class ModelSupportTest : public ::testing::Test {
protected:
  void SetUp() override { defaultNumThreads = kiln_rt_get_num_threads(); }
  void TearDown() override { kiln_model_set_num_threads(defaultNumThreads); }

  int32_t defaultNumThreads = 0;
};

TEST_F(ModelSupportTest, DefaultsToTheAvailableHardwareThreads) {
  cpu_set_t cpus;
  ASSERT_EQ(sched_getaffinity(0, sizeof(cpus), &cpus), 0);
  EXPECT_EQ(defaultNumThreads, CPU_COUNT(&cpus));
}

TEST_F(ModelSupportTest, ClampsTheThreadLimitToOne) {
  kiln_model_set_num_threads(3);
  EXPECT_EQ(kiln_rt_get_num_threads(), 3);
  kiln_model_set_num_threads(0);
  EXPECT_EQ(kiln_rt_get_num_threads(), 1);
  kiln_model_set_num_threads(-4);
  EXPECT_EQ(kiln_rt_get_num_threads(), 1);
}

TEST_F(ModelSupportTest, RunsEveryIterationOnce) {
  for (int32_t threads : {1, 2, 3, 8}) {
    kiln_model_set_num_threads(threads);
    for (int64_t count : {0, 1, 2, 7, 64, 1000, 100003}) {
      std::vector<std::atomic<int>> runs(count);
      std::atomic<bool> badRange{false};
      auto body = [&](int64_t begin, int64_t end) {
        if (begin < 0 || begin >= end || end > count)
          badRange = true;
        for (int64_t i = begin; i < end; ++i)
          ++runs[i];
      };
      parallelFor(count, body);
      EXPECT_FALSE(badRange) << threads << " threads, count " << count;
      for (int64_t i = 0; i < count; ++i)
        ASSERT_EQ(runs[i], 1) << "iteration " << i << " of " << count << ", "
                              << threads << " threads";
    }
  }
}

TEST_F(ModelSupportTest, RunsChunksConcurrently) {
  kiln_model_set_num_threads(4);
  // Each chunk waits (up to a deadline) until two chunks have run at the
  // same time: a serial pool would take the whole deadline and fail.
  std::atomic<int> running{0};
  std::atomic<int> mostRunning{0};
  auto body = [&](int64_t, int64_t) {
    int now = ++running;
    int most = mostRunning;
    while (now > most && !mostRunning.compare_exchange_weak(most, now)) {
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (mostRunning < 2 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    --running;
  };
  parallelFor(8, body);
  EXPECT_GE(mostRunning, 2);
}

TEST_F(ModelSupportTest, UsesAtMostTheThreadLimit) {
  for (int32_t threads : {1, 2, 3}) {
    kiln_model_set_num_threads(threads);
    std::mutex mutex;
    std::set<std::thread::id> seen;
    auto body = [&](int64_t, int64_t) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        seen.insert(std::this_thread::get_id());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    parallelFor(64, body);
    EXPECT_LE(seen.size(), static_cast<size_t>(threads));
  }
}

TEST_F(ModelSupportTest, RunsNestedLoopsInline) {
  kiln_model_set_num_threads(4);
  std::atomic<int> outerIterations{0};
  std::atomic<int> wrongInnerCalls{0};
  auto outer = [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      ++outerIterations;
      std::thread::id outerThread = std::this_thread::get_id();
      int innerCalls = 0;
      auto inner = [&](int64_t innerBegin, int64_t innerEnd) {
        ++innerCalls;
        if (innerBegin != 0 || innerEnd != 100 ||
            std::this_thread::get_id() != outerThread)
          ++wrongInnerCalls;
      };
      parallelFor(100, inner);
      if (innerCalls != 1)
        ++wrongInnerCalls;
    }
  };
  parallelFor(16, outer);
  EXPECT_EQ(outerIterations, 16);
  EXPECT_EQ(wrongInnerCalls, 0);
}

TEST_F(ModelSupportTest, ServesConcurrentCallers) {
  kiln_model_set_num_threads(3);
  constexpr int64_t kCount = 1000;
  constexpr int64_t kExpectedSum = kCount * (kCount - 1) / 2;
  std::atomic<int> wrongSums{0};
  std::vector<std::thread> callers;
  for (int caller = 0; caller < 4; ++caller)
    callers.emplace_back([&] {
      for (int repeat = 0; repeat < 100; ++repeat) {
        std::atomic<int64_t> sum{0};
        auto body = [&](int64_t begin, int64_t end) {
          for (int64_t i = begin; i < end; ++i)
            sum += i;
        };
        parallelFor(kCount, body);
        if (sum != kExpectedSum)
          ++wrongSums;
      }
    });
  for (std::thread &caller : callers)
    caller.join();
  EXPECT_EQ(wrongSums, 0);
}

TEST(RunStatusTest, FirstReportedErrorFailsTheRun) {
  EXPECT_EQ(kiln_rt_finish_run(), 0);
  EXPECT_EQ(kiln_model_last_error(), nullptr);
  kiln_rt_report_error("first");
  kiln_rt_report_error("second");
  EXPECT_EQ(kiln_rt_finish_run(), 1);
  EXPECT_STREQ(kiln_model_last_error(), "first");
  // The next run starts clean.
  EXPECT_EQ(kiln_rt_finish_run(), 0);
  EXPECT_EQ(kiln_model_last_error(), nullptr);
}

TEST(RunStatusTest, IsPerThread) {
  kiln_rt_report_error("on this thread");
  int32_t otherStatus = -1;
  std::thread other([&] { otherStatus = kiln_rt_finish_run(); });
  other.join();
  EXPECT_EQ(otherStatus, 0);
  EXPECT_EQ(kiln_rt_finish_run(), 1);
}

} // namespace
