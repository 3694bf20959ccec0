//===- Clangd.cpp - Drive tether-clangd over LSP in tests ----------------===//

#include "support/Clangd.h"

#include <gtest/gtest.h>

namespace tether::test {

using llvm::json::Object;
using llvm::json::Value;

/// Opens \p File in tether-clangd and returns the first non-empty (or, after
/// a quiet period, the last) diagnostics published for it.
Published openAndCollect(const TempDir &D, const std::string &File,
                         const std::string &Text, llvm::StringRef LanguageId) {
  LspSession S({std::string(TETHER_BINARY_DIR) + "/bin/tether-clangd", "--log=error",
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
                                          {"languageId", LanguageId},
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


} // namespace tether::test
