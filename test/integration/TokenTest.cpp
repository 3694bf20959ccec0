//===- TokenTest.cpp - The token pool checks in every front end ----------===//
//
// Story 002 (a token taken before each spawn, given back after a send the
// spawner receives only after the loop) and a token not given back on an
// early return, against the real libstdc++ and Boost.Fiber headers,
// through the stock clang-tidy-19 with the plugin, clang-19 --analyze with
// the analyzer plugin, the driver's SARIF and tether-clangd over LSP.
//
//===----------------------------------------------------------------------===//

#include "integration/Common.h"
#include "support/Clangd.h"
#include "support/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;

const char *StorySource = R"(#include <boost/fiber/all.hpp>
#include <semaphore>
#include <thread>
#include <vector>
struct P { int pid; };
P inspect(int pid);
std::vector<P> findAll(const std::vector<int> &pids) {
  std::counting_semaphore<10> limit(10);
  boost::fibers::unbuffered_channel<P> found;
  for (int pid : pids) {
    limit.acquire();
    std::thread([&limit, &found, pid] {
      found.push(inspect(pid));
      limit.release();
    }).detach();
  }
  std::vector<P> results;
  for (size_t i = 0; i < pids.size(); ++i)
    results.push_back(found.value_pop());
  return results;
}
std::counting_semaphore<4> slots(4);
bool valid(int);
int one(int pid) {
  slots.acquire();
  if (!valid(pid))
    return -1;
  slots.release();
  return 0;
}
)";
constexpr unsigned AcquireLine = 11, LeakLine = 27;
const char *DeadlockMessage =
    "'acquire' takes a token from 'limit' before starting each thread, but "
    "each thread gives it back only after 'push' on 'found', which 'findAll' "
    "receives from only after the loop: this deadlocks once more than 10 "
    "threads are in flight (10 tokens), every thread waiting for 'findAll' "
    "and 'findAll' waiting for a token; release the token before sending, "
    "acquire it inside the thread, run the loop in its own thread so that "
    "'findAll' can receive, or give 'found' room for every result";
const char *LeakMessage =
    "'one' takes a token from 'slots' with 'acquire' and, on this path, "
    "finishes without giving it back: each such path shrinks the pool until "
    "every acquire blocks; release it on every path (a guard whose "
    "destructor releases does)";

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

TEST(Tokens, StockClangTidyShowsTheNotes) {
  TempDir D;
  std::string File = D.write("story.cpp", StorySource);
  RunResult R = run({TETHER_CLANG_TIDY, "-load=" + plugin(),
                     "--checks=-*,tether-semaphore-spawn-deadlock,tether-token-leak",
                     File, "--", "-std=c++20"},
                    D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(contains(R.Out, File + ":" + std::to_string(AcquireLine) + ":")) << R.Out;
  EXPECT_TRUE(contains(R.Out, std::string(DeadlockMessage) +
                                  " [tether-semaphore-spawn-deadlock]"))
      << R.Out;
  EXPECT_TRUE(contains(R.Out, "note: 'push' blocks here until 'findAll' receives from 'found'"))
      << R.Out;
  EXPECT_TRUE(contains(R.Out, "note: 'findAll' receives from 'found' only here, after the loop"))
      << R.Out;
  EXPECT_TRUE(contains(R.Out, File + ":" + std::to_string(LeakLine) + ":")) << R.Out;
  EXPECT_TRUE(contains(R.Out, std::string(LeakMessage) + " [tether-token-leak]")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "note: a token is taken from 'slots' here")) << R.Out;
}

TEST(Tokens, ClangAnalyzeWithThePlugin) {
  TempDir D;
  std::string File = D.write("story.cpp", StorySource);
  RunResult R = run({TETHER_CLANG, "--analyze", "-std=c++20", "-Xclang", "-load",
                     "-Xclang",
                     std::string(TETHER_BINARY_DIR) + "/lib/libTetherAnalyzer.so",
                     "-Xclang", "-analyzer-checker=tether.SemaphoreSpawnDeadlock",
                     "-Xclang", "-analyzer-checker=tether.TokenLeak", "-Xclang",
                     "-analyzer-output=text", File},
                    D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(contains(R.Err, std::string(DeadlockMessage) +
                                  " [tether.SemaphoreSpawnDeadlock]"))
      << R.Err;
  EXPECT_TRUE(contains(R.Err, std::string(LeakMessage) + " [tether.TokenLeak]")) << R.Err;
}

TEST(Tokens, DriverSarif) {
  TempDir D;
  D.write("story.cpp", StorySource);
  writeDatabase(D, "story.cpp", {"/usr/bin/c++", "-std=c++20", "-c", "story.cpp"});
  RunResult R = run({binary("tether"), "scan", "-p", D.path(), "--format", "sarif",
                     "--checks=-*,tether-semaphore-spawn-deadlock,tether-token-leak"},
                    D.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 2u) << R.Out;
  bool SawDeadlock = false, SawLeak = false;
  for (const llvm::json::Value &Res : *Results) {
    const Object *O = Res.getAsObject();
    auto Line = (*O->getArray("locations"))[0]
                    .getAsObject()
                    ->getObject("physicalLocation")
                    ->getObject("region")
                    ->getInteger("startLine");
    if (O->getString("ruleId") == "tether-semaphore-spawn-deadlock") {
      SawDeadlock = true;
      EXPECT_EQ(O->getObject("message")->getString("text"), DeadlockMessage);
      EXPECT_EQ(Line, AcquireLine);
    }
    if (O->getString("ruleId") == "tether-token-leak") {
      SawLeak = true;
      EXPECT_EQ(Line, LeakLine);
    }
  }
  EXPECT_TRUE(SawDeadlock && SawLeak) << R.Out;
}

TEST(Tokens, ClangdPublishesBoth) {
  TempDir D;
  D.write("compile_flags.txt", "-xc++\n-std=c++20\n");
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("story.cpp", StorySource);
  Published P = openAndCollect(D, File, StorySource, "cpp");
  ASSERT_TRUE(P.Received);
  const Object *Deadlock = nullptr, *Leak = nullptr;
  for (const Object *Diag : P.Diagnostics) {
    if (Diag->getString("code") == "tether-semaphore-spawn-deadlock")
      Deadlock = Diag;
    if (Diag->getString("code") == "tether-token-leak")
      Leak = Diag;
  }
  ASSERT_NE(Deadlock, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  ASSERT_NE(Leak, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  EXPECT_EQ(Deadlock->getObject("range")->getObject("start")->getInteger("line"),
            AcquireLine - 1);
  const Array *Related = Deadlock->getArray("relatedInformation");
  ASSERT_NE(Related, nullptr);
  EXPECT_EQ(Related->size(), 4u) << llvm::formatv("{0:2}", P.Raw).str();
}

} // namespace
} // namespace tether::test
