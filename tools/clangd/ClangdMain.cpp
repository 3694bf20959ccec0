//===- ClangdMain.cpp - tether-clangd: clangd 19 with Tether's checks ----===//
//
// Debian's clangd is clangdMain() from libclangdMain.a; this binary is the
// same program with Tether's clang-tidy module linked in next to every
// upstream module, and crash recovery enabled for the analysis host. Unless the caller says otherwise, it points clangd at the
// resource directory of the clang it was built against (builtin headers),
// since clangd would otherwise look for it next to this executable.
//
//===----------------------------------------------------------------------===//

// Every upstream clang-tidy module comes with libclangDaemon.a, which
// references their anchors itself (Debian ships no clang-tidy-config.h for
// ClangTidyForceLinker.h); only Tether's module needs an anchor here.
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace tether {
extern volatile int TetherModuleAnchorSource;
[[maybe_unused]] static int TetherModuleAnchorDestination =
    TetherModuleAnchorSource;
} // namespace tether

int main(int argc, char *argv[]) {
  // A crash inside Tether's path-sensitive analysis is caught by the
  // analysis host (llvm::CrashRecoveryContext) and reported as a warning,
  // instead of taking the editor's language server down.
  llvm::CrashRecoveryContext::Enable();
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(argv[I]).starts_with("-resource-dir"))
      HasResourceDir = true;
  static std::string ResourceDirFlag =
      std::string("--resource-dir=") + TETHER_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
