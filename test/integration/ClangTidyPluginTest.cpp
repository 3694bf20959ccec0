//===- ClangTidyPluginTest.cpp - The plugin in the stock clang-tidy-19 ---===//

#include "integration/Common.h"
#include "support/Process.h"

#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

std::vector<std::string> tidy(std::vector<std::string> Extra,
                              const std::string &File) {
  std::vector<std::string> Argv = {TETHER_CLANG_TIDY, "-load=" + plugin()};
  Argv.insert(Argv.end(), Extra.begin(), Extra.end());
  for (const char *A : {"--", "-std=c++17", "-nostdinc", "-nostdinc++",
                        "-isystem", TETHER_MOCK_INCLUDE})
    Argv.push_back(A);
  Argv.insert(Argv.end() - 6, File);
  return Argv;
}

TEST(ClangTidyPlugin, ListsTheChecks) {
  RunResult R = run({TETHER_CLANG_TIDY, "-load=" + plugin(),
                     "--checks=-*,tether-*", "--list-checks"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("tether-loop-variable-capture"), std::string::npos)
      << R.Out;
}

TEST(ClangTidyPlugin, ReportsTheFindingWithNotes) {
  TempDir D;
  std::string File = D.write("a.cpp", BuggySource);
  RunResult R = run(tidy({"--checks=-*,tether-*"}, File), D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  std::string Where = File + ":" + std::to_string(BuggyLine) + ":" +
                      std::to_string(BuggyColumn) + ": warning: loop variable "
                                                    "'i' is captured by reference";
  EXPECT_NE(R.Out.find(Where), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("[tether-loop-variable-capture]"), std::string::npos);
  EXPECT_NE(R.Out.find("note: loop variable 'i' is declared here"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("note: the thread is stored in 'workers'"),
            std::string::npos)
      << R.Out;
}

TEST(ClangTidyPlugin, CleanCodeIsQuiet) {
  TempDir D;
  std::string File = D.write("a.cpp", CleanSource);
  RunResult R = run(tidy({"--checks=-*,tether-*"}, File), D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Out.find("warning:"), std::string::npos) << R.Out;
}

TEST(ClangTidyPlugin, WarningsAsErrorsFailsCI) {
  TempDir D;
  std::string File = D.write("a.cpp", BuggySource);
  RunResult R = run(
      tidy({"--checks=-*,tether-*", "--warnings-as-errors=tether-*"}, File),
      D.path());
  EXPECT_NE(R.ExitCode, 0);
  EXPECT_NE(R.Out.find("error: loop variable 'i'"), std::string::npos)
      << R.Out;
}

TEST(ClangTidyPlugin, FixAppliesTheCopyCapture) {
  TempDir D;
  std::string File = D.write("a.cpp", BuggySource);
  RunResult R = run(tidy({"--checks=-*,tether-*", "--fix"}, File), D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  auto Fixed = llvm::MemoryBuffer::getFile(File);
  ASSERT_TRUE(bool(Fixed));
  EXPECT_NE((*Fixed)->getBuffer().find("workers.emplace_back([&, i] { use(i); });"),
            llvm::StringRef::npos)
      << (*Fixed)->getBuffer().str();
}

TEST(ClangTidyPlugin, ReadsSpawnFunctionsFromDotClangTidy) {
  TempDir D;
  D.write(".clang-tidy", "Checks: '-*,tether-*'\n"
                         "CheckOptions:\n"
                         "  SpawnFunctions: '::shop::Pool::submit'\n");
  std::string File = D.write("pool.cpp", R"(
namespace shop { struct Pool { template <class F> void submit(F &&f) {} }; }
void work(int);
void run(shop::Pool &pool, const int *items, int n) {
  for (int k = 0; k < n; ++k) {
    int item = items[k];
    pool.submit([&item] { work(item); });
  }
}
)");
  RunResult R = run(tidy({}, File), D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find("variable 'item' declared in the loop body is captured "
                       "by reference by a lambda that 'shop::Pool::submit' runs"),
            std::string::npos)
      << R.Out << R.Err;
  EXPECT_NE(R.Out.find("the task is handed to 'pool'"), std::string::npos)
      << R.Out;
}

TEST(ClangTidyPlugin, NolintSuppresses) {
  TempDir D;
  std::string Source = BuggySource;
  size_t Pos = Source.find("use(i); });");
  Source.insert(Pos + 11, " // NOLINT(tether-loop-variable-capture)");
  std::string File = D.write("a.cpp", Source);
  RunResult R = run(tidy({"--checks=-*,tether-*"}, File), D.path());
  EXPECT_EQ(R.Out.find("warning:"), std::string::npos) << R.Out;
}

} // namespace
} // namespace tether::test

namespace tether::test {
namespace {

TEST(ClangTidyPlugin, AsyncTimeoutBlocks) {
  TempDir D;
  std::string File = D.write("t.cpp", AsyncTimeoutSource);
  RunResult R = run(tidy({"--checks=-*,tether-async-timeout-blocks"}, File), D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find(File + ":7:5: warning: 'f' gives up on 'wait_for' after it "
                              "times out"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find(":5:12: note: 'std::async' starts the task here"),
            std::string::npos)
      << R.Out;
}

} // namespace
} // namespace tether::test
