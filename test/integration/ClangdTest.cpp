//===- ClangdTest.cpp - tether-clangd in an editor session over LSP ------===//
//
// Drives bin/tether-clangd exactly as an editor would: initialize, open a
// file, wait for publishDiagnostics, shut down. The project is configured
// the way docs/usage/clangd.md tells users to.
//
//===----------------------------------------------------------------------===//

#include "integration/Common.h"
#include "support/Clangd.h"
#include "support/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

void writeCompileFlags(TempDir &D) {
  D.write("compile_flags.txt", std::string("-std=c++17\n-nostdinc\n-nostdinc++\n"
                                           "-isystem\n") +
                                   TETHER_MOCK_INCLUDE + "\n");
}

const Object *tetherDiagnostic(const Published &P) {
  for (const Object *D : P.Diagnostics)
    if (D->getString("code") == "tether-loop-variable-capture")
      return D;
  return nullptr;
}

TEST(Clangd, PublishesTheFindingWithDotClangdConfig) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clangd", "Diagnostics:\n"
                     "  ClangTidy:\n"
                     "    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("a.cpp", BuggySource);
  Published P = openAndCollect(D, File, BuggySource);
  ASSERT_TRUE(P.Received);
  const Object *Diag = tetherDiagnostic(P);
  ASSERT_NE(Diag, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  EXPECT_EQ(*Diag->getObject("range")->getObject("start")->getInteger("line"),
            BuggyLine - 1);
  EXPECT_EQ(Diag->getString("source"), "clang-tidy");
  // clangd capitalises the first letter of a message.
  EXPECT_TRUE(Diag->getString("message")->contains(
      "oop variable 'i' is captured by reference"))
      << Diag->getString("message")->str();
  const Array *Related = Diag->getArray("relatedInformation");
  ASSERT_NE(Related, nullptr);
  EXPECT_GE(Related->size(), 2u);
}

TEST(Clangd, PublishesTheFindingWithDotClangTidyConfig) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clang-tidy", "Checks: '-*,tether-*'\n");
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n");
  std::string File = D.write("a.cpp", BuggySource);
  Published P = openAndCollect(D, File, BuggySource);
  ASSERT_TRUE(P.Received);
  EXPECT_NE(tetherDiagnostic(P), nullptr)
      << llvm::formatv("{0:2}", P.Raw).str();
}

// The trap docs/usage/clangd.md warns about: clangd 19 drops checks whose
// cost it does not know unless FastCheckFilter says otherwise.
TEST(Clangd, WithoutFastCheckFilterClangd19DropsTheChecks) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n");
  std::string File = D.write("a.cpp", BuggySource);
  Published P = openAndCollect(D, File, BuggySource);
  ASSERT_TRUE(P.Received);
  EXPECT_EQ(tetherDiagnostic(P), nullptr);
}

TEST(Clangd, AsyncTimeoutBlocks) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("t.cpp", AsyncTimeoutSource);
  Published P = openAndCollect(D, File, AsyncTimeoutSource);
  ASSERT_TRUE(P.Received);
  bool Found = false;
  for (const Object *Diag : P.Diagnostics)
    if (Diag->getString("code") == "tether-async-timeout-blocks") {
      Found = true;
      EXPECT_EQ(*Diag->getObject("range")->getObject("start")->getInteger("line"), 6);
    }
  EXPECT_TRUE(Found) << llvm::formatv("{0:2}", P.Raw).str();
}

TEST(Clangd, CleanCodeHasNoTetherDiagnostic) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("a.cpp", CleanSource);
  Published P = openAndCollect(D, File, CleanSource);
  ASSERT_TRUE(P.Received);
  EXPECT_EQ(tetherDiagnostic(P), nullptr);
}

TEST(Clangd, UpstreamChecksAreLinkedToo) {
  TempDir D;
  writeCompileFlags(D);
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n"
                     "    Add: [modernize-use-nullptr]\n"
                     "    FastCheckFilter: None\n");
  const char *Source = "int *p = 0;\n";
  std::string File = D.write("m.cpp", Source);
  Published P = openAndCollect(D, File, Source);
  ASSERT_TRUE(P.Received);
  bool Found = false;
  for (const Object *Diag : P.Diagnostics)
    Found |= Diag->getString("code") == "modernize-use-nullptr";
  EXPECT_TRUE(Found) << llvm::formatv("{0:2}", P.Raw).str();
}

} // namespace
} // namespace tether::test
