//===- AsyncTimeoutBlocksCheck.h - tether-async-timeout-blocks -----------===//

#ifndef TETHER_CHECKERS_TIDY_ASYNCTIMEOUTBLOCKSCHECK_H
#define TETHER_CHECKERS_TIDY_ASYNCTIMEOUTBLOCKSCHECK_H

#include "tidy/CheckUtils.h"
#include "tidy/TetherCheck.h"

namespace tether::tidy {

/// A caller waits on a `std::future` from `std::async` with `wait_for` or
/// `wait_until`, gives up on timeout, and lets the future be destroyed: the
/// destructor of a future from `std::async` blocks until the task is done,
/// so the timeout never takes effect. The standard-library form of Go's
/// forgotten sender.
///
/// For the user-facing documentation see
/// docs/checks/tether-async-timeout-blocks.md.
class AsyncTimeoutBlocksCheck : public TetherCheck {
public:
  using TetherCheck::TetherCheck;

  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus11;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onEndOfTranslationUnit() override { CFGs.clear(); }

private:
  CFGCache CFGs;
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_ASYNCTIMEOUTBLOCKSCHECK_H
