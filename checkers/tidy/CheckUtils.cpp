//===- CheckUtils.cpp - AST and control-flow helpers for the tidy checks -===//

#include "tidy/CheckUtils.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace tether::tidy {

DynTypedNode parentOf(ASTContext &Ctx, const DynTypedNode &N, bool &Found) {
  auto Parents = Ctx.getParents(N);
  Found = !Parents.empty();
  if (!Found)
    return N;
  for (const DynTypedNode &P : Parents) {
    if (P.get<Stmt>())
      return P;
    // A lambda body hangs off the closure's call operator; step over to the
    // LambdaExpr that owns the closure class.
    if (const auto *MD = P.get<CXXMethodDecl>())
      if (MD->getParent()->isLambda())
        for (const DynTypedNode &Q : Ctx.getParents(*MD->getParent()))
          if (Q.get<LambdaExpr>())
            return Q;
  }
  return Parents[0];
}

bool isFunctionBoundary(const DynTypedNode &N) {
  return N.get<FunctionDecl>() || N.get<LambdaExpr>() || N.get<BlockDecl>() ||
         N.get<ObjCMethodDecl>() || N.get<CapturedStmt>();
}

std::pair<const Decl *, const Stmt *> enclosingBody(ASTContext &Ctx,
                                                     const Stmt *S) {
  DynTypedNode N = DynTypedNode::create(*S);
  for (unsigned Guard = 0; Guard < 1024; ++Guard) {
    bool Found = false;
    N = parentOf(Ctx, N, Found);
    if (!Found)
      return {nullptr, nullptr};
    if (const auto *LE = N.get<LambdaExpr>())
      return {LE->getCallOperator(), LE->getBody()};
    if (const auto *FD = N.get<FunctionDecl>())
      return {FD, FD->getBody()};
    if (const auto *BD = N.get<BlockDecl>())
      return {BD, BD->getBody()};
    if (isFunctionBoundary(N))
      return {nullptr, nullptr};
  }
  return {nullptr, nullptr};
}

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = FC->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Next))
      if (CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor())
        Next = CE->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

CFG *CFGCache::get(ASTContext &Ctx, const Decl *D, const Stmt *Body) {
  if (!D || !Body)
    return nullptr;
  auto &Slot = CFGs[Body];
  if (!Slot) {
    CFG::BuildOptions Opts;
    Opts.AddImplicitDtors = true;
    Opts.AddTemporaryDtors = true;
    Opts.setAllAlwaysAdd();
    Slot = CFG::buildCFG(D, const_cast<Stmt *>(Body), &Ctx, Opts);
  }
  return Slot.get();
}

} // namespace tether::tidy
