//===- HandleLeakCheck.h - tether-handle-leak ----------------------------===//

#ifndef TETHER_CHECKERS_TIDY_HANDLELEAKCHECK_H
#define TETHER_CHECKERS_TIDY_HANDLELEAKCHECK_H

#include "tidy/PathSensitiveCheck.h"

namespace tether::tidy {

/// File streams, pipe streams, descriptors and directory streams not closed
/// on some path: the analyzer checker `tether.HandleLeak`.
/// See docs/checks/tether-handle-leak.md.
class HandleLeakCheck : public PathSensitiveCheck {
public:
  HandleLeakCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx)
      : PathSensitiveCheck(Name, Ctx, "tether.HandleLeak") {}
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_HANDLELEAKCHECK_H
