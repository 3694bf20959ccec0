//===- CheckUtils.h - AST and control-flow helpers for the tidy checks ---===//
//
// The tidy checks that reason about paths within a function (joins before
// the end of an iteration, what happens after a timeout) share these: the
// function-like body that holds a statement, one CFG per body per
// translation unit, and how to see through temporaries and conversions.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_TIDY_CHECKUTILS_H
#define TETHER_CHECKERS_TIDY_CHECKUTILS_H

#include "clang/AST/ASTTypeTraits.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <utility>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class Stmt;
} // namespace clang

namespace tether::tidy {

/// The parent of \p N, preferring statements; a lambda body's parent is its
/// LambdaExpr (the parent map gives the closure's call operator).
clang::DynTypedNode parentOf(clang::ASTContext &Ctx,
                             const clang::DynTypedNode &N, bool &Found);

/// Is \p N a function, lambda, block or other body boundary?
bool isFunctionBoundary(const clang::DynTypedNode &N);

/// The function-like declaration and the body that contain \p S.
std::pair<const clang::Decl *, const clang::Stmt *>
enclosingBody(clang::ASTContext &Ctx, const clang::Stmt *S);

/// \p E without parentheses, implicit casts, temporaries, cleanups,
/// functional casts and copy/move constructions.
const clang::Expr *ignoreWrappers(const clang::Expr *E);

/// CFGs with implicit destructors and every expression as an element,
/// built on demand and kept until clear().
class CFGCache {
public:
  clang::CFG *get(clang::ASTContext &Ctx, const clang::Decl *D,
                  const clang::Stmt *Body);
  void clear() { CFGs.clear(); }

private:
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<clang::CFG>> CFGs;
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_CHECKUTILS_H
