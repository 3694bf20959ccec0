//===- Clangd.h - Drive tether-clangd over LSP in tests ------------------===//

#ifndef TETHER_TEST_SUPPORT_CLANGD_H
#define TETHER_TEST_SUPPORT_CLANGD_H

#include "support/Process.h"

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace tether::test {

/// The first diagnostics tether-clangd published for a file.
struct Published {
  bool Received = false;
  std::vector<const llvm::json::Object *> Diagnostics;
  llvm::json::Value Raw = nullptr;
};

/// Starts tether-clangd in \p D as an editor would (initialize, didOpen),
/// waits for the diagnostics of \p File, shuts the server down and checks
/// that it exits cleanly.
Published openAndCollect(const TempDir &D, const std::string &File,
                         const std::string &Text,
                         llvm::StringRef LanguageId = "cpp");

} // namespace tether::test

#endif // TETHER_TEST_SUPPORT_CLANGD_H
