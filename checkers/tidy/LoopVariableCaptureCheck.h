//===- LoopVariableCaptureCheck.h - tether-loop-variable-capture ---------===//

#ifndef TETHER_CHECKERS_TIDY_LOOPVARIABLECAPTURECHECK_H
#define TETHER_CHECKERS_TIDY_LOOPVARIABLECAPTURECHECK_H

#include "tidy/CheckUtils.h"
#include "tidy/TetherCheck.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace tether::tidy {

/// Finds loop variables captured by reference (or passed by address or
/// `std::ref`) into work that another thread, fiber or pool runs and that
/// can outlive the iteration: the C++ form of Go's loop-closure bug, where
/// the reference also dangles once the iteration ends.
///
/// For the user-facing documentation see
/// docs/checks/tether-loop-variable-capture.md.
class LoopVariableCaptureCheck : public TetherCheck {
public:
  LoopVariableCaptureCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);

  /// C too: `pthread_create(&t, NULL, start, &i)` in a loop is the
  /// classic form of the bug.
  bool isLanguageVersionSupported(const clang::LangOptions &) const override {
    return true;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onEndOfTranslationUnit() override;

  struct Analysis;

private:
  /// CFGs of the function bodies that contain analysed loops, built once.
  CFGCache CFGs;
  /// Every statement of each analysed loop body, lambda capture
  /// initialisers included (the parent map does not know implicit ones).
  llvm::DenseMap<const clang::Stmt *, llvm::DenseSet<const clang::Stmt *>>
      BodyStmts;
  /// (capture location, spawn location) pairs already reported: template
  /// instantiations report once, at the written code.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Reported;

  friend struct Analysis;
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_LOOPVARIABLECAPTURECHECK_H
