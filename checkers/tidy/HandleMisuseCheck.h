//===- HandleMisuseCheck.h - tether-handle-misuse ------------------------===//

#ifndef TETHER_CHECKERS_TIDY_HANDLEMISUSECHECK_H
#define TETHER_CHECKERS_TIDY_HANDLEMISUSECHECK_H

#include "tidy/PathSensitiveCheck.h"

namespace tether::tidy {

/// Handles closed twice, used after close, or closed with the wrong
/// function: the analyzer checker `tether.HandleMisuse`.
/// See docs/checks/tether-handle-misuse.md.
class HandleMisuseCheck : public PathSensitiveCheck {
public:
  HandleMisuseCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.HandleMisuse") {}
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_HANDLEMISUSECHECK_H
