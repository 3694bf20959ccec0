//===- HandleLeakTest.cpp - The path-sensitive checks in every front end -===//
//
// The same leak, with its path, from the stock clang-tidy-19 with the
// plugin, from tether-clangd over LSP, from clang-19 --analyze with the
// analyzer plugin, and in the driver's SARIF codeFlows.
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

const char *LeakySource = R"(#include <stdio.h>
int firstLine(const char *path, char *out, int n) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  if (!fgets(out, n, f))
    return -2;
  fclose(f);
  return 0;
}
)";
constexpr unsigned LeakLine = 7;
const char *LeakMessage =
    "file stream opened by 'fopen' is not closed on this path; call 'fclose' "
    "before the last reference to it is lost";

std::vector<std::string> mockArgs() {
  return {"-nostdinc", "-isystem", TETHER_MOCK_INCLUDE};
}

TEST(HandleLeak, StockClangTidyShowsThePath) {
  TempDir D;
  std::string File = D.write("a.c", LeakySource);
  std::vector<std::string> Argv = {TETHER_CLANG_TIDY, "-load=" + plugin(),
                                   "--checks=-*,tether-handle-*", File, "--"};
  for (const std::string &A : mockArgs())
    Argv.push_back(A);
  RunResult R = run(Argv, D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Out.find(File + ":" + std::to_string(LeakLine) + ":"), std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find(std::string(LeakMessage) + " [tether-handle-leak]"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find(":3:13: note: file stream opened here by 'fopen'"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("note: Assuming 'f' is non-null"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("note: Taking true branch"), std::string::npos) << R.Out;
}

TEST(HandleLeak, ClangAnalyzeWithThePlugin) {
  TempDir D;
  std::string File = D.write("a.c", LeakySource);
  std::vector<std::string> Argv = {TETHER_CLANG, "--analyze", "-Xclang", "-load",
                                   "-Xclang", std::string(TETHER_BINARY_DIR) +
                                                  "/lib/libTetherAnalyzer.so",
                                   "-Xclang", "-analyzer-checker=tether",
                                   "-Xclang", "-analyzer-output=text", File};
  for (const std::string &A : mockArgs())
    Argv.push_back(A);
  RunResult R = run(Argv, D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Err.find(std::string(LeakMessage) + " [tether.HandleLeak]"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("note: file stream opened here by 'fopen'"), std::string::npos)
      << R.Err;
  // The analyzer plugin lists its checkers like any other.
  RunResult Help = run({TETHER_CLANG, "-cc1", "-load",
                        std::string(TETHER_BINARY_DIR) + "/lib/libTetherAnalyzer.so",
                        "-analyzer-checker-help"});
  EXPECT_NE(Help.Out.find("tether.HandleLeak"), std::string::npos) << Help.Err;
  EXPECT_NE(Help.Out.find("tether.HandleMisuse"), std::string::npos);
}

TEST(HandleLeak, DriverSarifHasTheCodeFlow) {
  TempDir D;
  std::string File = D.write("a.c", LeakySource);
  writeDatabase(D, "a.c", {"/usr/bin/cc", "-nostdinc", "-isystem", TETHER_MOCK_INCLUDE, "-c", "a.c"});
  RunResult R = run({binary("tether"), "scan", "-p", D.path(), "--format", "sarif"},
                    D.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 1u) << R.Out;
  const Object *Res = (*Results)[0].getAsObject();
  EXPECT_EQ(Res->getString("ruleId"), "tether-handle-leak");
  EXPECT_EQ(Res->getObject("message")->getString("text"), LeakMessage);
  const Array *Flows = Res->getArray("codeFlows");
  ASSERT_NE(Flows, nullptr) << R.Out;
  const Array *Steps = (*(*Flows)[0].getAsObject()->getArray("threadFlows"))[0]
                           .getAsObject()
                           ->getArray("locations");
  ASSERT_GE(Steps->size(), 3u);
  const Object *First = (*Steps)[0].getAsObject()->getObject("location");
  EXPECT_EQ(First->getObject("message")->getString("text"),
            "file stream opened here by 'fopen'");
  EXPECT_EQ(First->getObject("physicalLocation")->getObject("region")->getInteger(
                "startLine"),
            3);
}

TEST(HandleLeak, ClangdPublishesItWithThePath) {
  TempDir D;
  D.write("compile_flags.txt", std::string("-xc\n-nostdinc\n-isystem\n") +
                                   TETHER_MOCK_INCLUDE + "\n");
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("a.c", LeakySource);
  Published P = openAndCollect(D, File, LeakySource, "c");
  ASSERT_TRUE(P.Received);
  const Object *Found = nullptr;
  for (const Object *Diag : P.Diagnostics)
    if (Diag->getString("code") == "tether-handle-leak")
      Found = Diag;
  ASSERT_NE(Found, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  EXPECT_EQ(Found->getObject("range")->getObject("start")->getInteger("line"),
            LeakLine - 1);
  const Array *Related = Found->getArray("relatedInformation");
  ASSERT_NE(Related, nullptr);
  bool Opened = false;
  for (const llvm::json::Value &Rel : *Related)
    Opened |= Rel.getAsObject()->getString("message")->ends_with(
        "ile stream opened here by 'fopen'"); // clangd capitalises
  EXPECT_TRUE(Opened) << llvm::formatv("{0:2}", P.Raw).str();
}

} // namespace
} // namespace tether::test
