//===- ClangdTest.cpp - tether-clangd in an editor session over LSP ------===//
//
// Drives bin/tether-clangd exactly as an editor would: initialize, open a
// file, wait for publishDiagnostics, shut down. The project is configured
// the way docs/usage/clangd.md tells users to.
//
//===----------------------------------------------------------------------===//

#include "integration/Common.h"
#include "support/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

struct Published {
  bool Received = false;
  std::vector<const Object *> Diagnostics;
  Value Raw = nullptr;
};

/// Opens \p File in tether-clangd and returns the first non-empty (or, after
/// a quiet period, the last) diagnostics published for it.
Published openAndCollect(const TempDir &D, const std::string &File,
                         const std::string &Text) {
  LspSession S({binary("tether-clangd"), "--log=error",
                "--background-index=false", "--pch-storage=memory"},
               D.path());
  std::string Uri = "file://" + File;
  S.request(1, "initialize",
            Object{{"processId", nullptr},
                   {"rootUri", "file://" + D.path()},
                   {"capabilities",
                    Object{{"textDocument",
                            Object{{"publishDiagnostics",
                                    Object{{"relatedInformation", true}}}}}}}});
  for (int I = 0; I < 50; ++I) {
    auto M = S.receive(30);
    if (!M)
      break;
    if (const Object *O = M->getAsObject(); O && O->getInteger("id") == 1)
      break;
  }
  S.notify("initialized", Object{});
  S.notify("textDocument/didOpen",
           Object{{"textDocument", Object{{"uri", Uri},
                                          {"languageId", "cpp"},
                                          {"version", 1},
                                          {"text", Text}}}});
  Published P;
  for (int I = 0; I < 200; ++I) {
    auto M = S.receive(60);
    if (!M)
      break;
    const Object *O = M->getAsObject();
    if (!O || O->getString("method") != "textDocument/publishDiagnostics")
      continue;
    const Object *Params = O->getObject("params");
    if (!Params || Params->getString("uri") != Uri)
      continue;
    P.Received = true;
    P.Raw = std::move(*M);
    break;
  }
  if (P.Received)
    for (const Value &D : *P.Raw.getAsObject()->getObject("params")->getArray(
             "diagnostics"))
      P.Diagnostics.push_back(D.getAsObject());
  S.request(2, "shutdown", nullptr);
  for (int I = 0; I < 50; ++I) {
    auto M = S.receive(10);
    if (!M)
      break;
    if (const Object *O = M->getAsObject(); O && O->getInteger("id") == 2)
      break;
  }
  S.notify("exit", nullptr);
  EXPECT_EQ(S.wait(10), 0) << S.stderrText();
  return P;
}

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
  const char *Source = R"(#include <chrono>
#include <future>
int slow(int);
int deadline(int q) {
  auto f = std::async(std::launch::async, slow, q);
  if (f.wait_for(std::chrono::milliseconds(5)) == std::future_status::timeout)
    return -1;
  return f.get();
}
)";
  std::string File = D.write("t.cpp", Source);
  Published P = openAndCollect(D, File, Source);
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
