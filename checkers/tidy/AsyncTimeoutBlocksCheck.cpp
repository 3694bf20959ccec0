//===- AsyncTimeoutBlocksCheck.cpp - tether-async-timeout-blocks ---------===//
//
// For `f.wait_for(d)` / `f.wait_until(t)` on a local `std::future` that
// holds the result of `std::async` (any policy but `deferred` alone), find
// the branch on which the wait timed out (`== future_status::timeout`,
// `!= future_status::ready`, a status variable, or a `switch` case) and
// follow the CFG from it: reaching the future's destructor without a
// `get()`/`wait()` and without moving the future away means the caller gave
// up waiting and then blocks anyway, in `~future()`.
//
//===----------------------------------------------------------------------===//

#include "tidy/AsyncTimeoutBlocksCheck.h"

#include "tidy/CheckUtils.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace tether::tidy {
namespace {

bool refersTo(const Expr *E, const VarDecl *V) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(ignoreWrappers(E));
  return DRE && DRE->getDecl() == V;
}

/// `std::future_status::timeout` -> "timeout", and so on.
llvm::StringRef statusName(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(ignoreWrappers(E));
  const auto *EC = DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
  if (!EC)
    return "";
  const auto *ED = dyn_cast<EnumDecl>(EC->getDeclContext());
  if (!ED || model::qualifiedName(ED) != "::std::future_status")
    return "";
  return EC->getName();
}

/// For a comparison of a status with an enumerator: on which outcome of the
/// comparison did the wait time out? 1: true, 0: false, -1: not a test for
/// timeout.
int timeoutOutcome(const Expr *Cond, llvm::function_ref<bool(const Expr *)> IsStatus) {
  bool Negated = false;
  Cond = ignoreWrappers(Cond);
  while (const auto *UO = dyn_cast_or_null<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return -1;
    Negated = !Negated;
    Cond = ignoreWrappers(UO->getSubExpr());
  }
  const Expr *LHS = nullptr, *RHS = nullptr;
  bool Equal;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond)) {
    if (!BO->isEqualityOp())
      return -1;
    Equal = BO->getOpcode() == BO_EQ;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Cond)) {
    if ((OC->getOperator() != OO_EqualEqual &&
         OC->getOperator() != OO_ExclaimEqual) ||
        OC->getNumArgs() != 2)
      return -1;
    Equal = OC->getOperator() == OO_EqualEqual;
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
  } else {
    return -1;
  }
  llvm::StringRef Name = statusName(RHS);
  const Expr *Status = LHS;
  if (Name.empty()) {
    Name = statusName(LHS);
    Status = RHS;
  }
  if (Name.empty() || !IsStatus(Status))
    return -1;
  int Outcome;
  if (Name == "timeout")
    Outcome = Equal ? 1 : 0;
  else if (Name == "ready")
    Outcome = Equal ? 0 : 1; // not ready: timed out (deferred is excluded)
  else
    return -1;
  return Negated ? 1 - Outcome : Outcome;
}

} // namespace

void AsyncTimeoutBlocksCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("wait_for", "wait_until"))),
          on(ignoringParenImpCasts(
              declRefExpr(to(varDecl(hasLocalStorage()).bind("future"))))),
          unless(isExpansionInSystemHeader()))
          .bind("wait"),
      this);
}

void AsyncTimeoutBlocksCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Wait = Result.Nodes.getNodeAs<CXXMemberCallExpr>("wait");
  const auto *Future = Result.Nodes.getNodeAs<VarDecl>("future");
  ASTContext &Ctx = *Result.Context;
  const CXXRecordDecl *FutureType =
      Future->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (Future->getType()->isReferenceType() || !FutureType ||
      model::qualifiedName(FutureType) != "::std::future")
    return;

  auto [FnDecl, Body] = enclosingBody(Ctx, Wait);
  if (!Body)
    return;

  // Does the future hold the result of std::async, which waits in its
  // destructor? Its initialiser, or an assignment in the same function.
  const Expr *Launch = nullptr;
  auto Consider = [&](const Expr *Init) {
    auto Site = model().classifySpawn(ignoreWrappers(Init));
    if (Site && Site->Api->ResultJoinsOnDestruction && !Site->Deferred)
      Launch = Site->Call;
  };
  if (Future->getInit())
    Consider(Future->getInit());
  if (!Launch) {
    auto Assigns =
        match(findAll(cxxOperatorCallExpr(
                          hasOverloadedOperatorName("="),
                          hasArgument(0, ignoringParenImpCasts(declRefExpr(
                                             to(varDecl(equalsNode(Future)))))))
                          .bind("assign")),
              *Body, Ctx);
    for (const BoundNodes &N : Assigns)
      if (!Launch)
        Consider(N.getNodeAs<CXXOperatorCallExpr>("assign")->getArg(1));
  }
  if (!Launch)
    return;

  // The status: the call itself, or a variable initialised with it.
  const VarDecl *StatusVar = nullptr;
  {
    DynTypedNode N = DynTypedNode::create(*Wait);
    for (unsigned Up = 0; Up < 4; ++Up) {
      bool Found = false;
      N = parentOf(Ctx, N, Found);
      if (!Found)
        break;
      if (const auto *VD = N.get<VarDecl>()) {
        StatusVar = VD;
        break;
      }
      if (!N.get<ImplicitCastExpr>() && !N.get<ExprWithCleanups>() &&
          !N.get<ParenExpr>())
        break;
    }
  }
  auto IsStatus = [&](const Expr *E) {
    const Expr *S = ignoreWrappers(E);
    if (S == Wait)
      return true;
    return StatusVar && refersTo(S, StatusVar);
  };

  CFG *G = CFGs.get(Ctx, FnDecl, Body);
  if (!G)
    return;

  // The blocks where the wait has timed out.
  llvm::SmallVector<const CFGBlock *, 4> TimedOut;
  for (const CFGBlock *B : *G) {
    const Stmt *Term = B->getTerminatorStmt();
    if (!Term)
      continue;
    if (const auto *Switch = dyn_cast<SwitchStmt>(Term)) {
      if (!IsStatus(Switch->getCond()))
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        if (const CFGBlock *SB = Succ.getReachableBlock())
          if (const auto *Case = dyn_cast_or_null<CaseStmt>(SB->getLabel()))
            if (statusName(Case->getLHS()) == "timeout")
              TimedOut.push_back(SB);
      continue;
    }
    const Expr *Cond = B->getTerminatorCondition(/*StripParens=*/false)
                           ? dyn_cast<Expr>(B->getTerminatorCondition(false))
                           : nullptr;
    if (!Cond || B->succ_size() != 2)
      continue;
    int Outcome = timeoutOutcome(Cond, IsStatus);
    if (Outcome < 0)
      continue;
    const CFGBlock *SB = (B->succ_begin() + (Outcome == 1 ? 0 : 1))->getReachableBlock();
    if (SB)
      TimedOut.push_back(SB);
  }

  // From there, is the future destroyed before anything waits for it?
  for (const CFGBlock *Start : TimedOut) {
    llvm::SmallPtrSet<const CFGBlock *, 32> Visited;
    llvm::SmallVector<const CFGBlock *, 16> Work{Start};
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      if (!Visited.insert(B).second)
        continue;
      bool PathDone = false;
      for (const CFGElement &E : *B) {
        if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
          if (Dtor->getVarDecl() != Future)
            continue;
          const Stmt *Trigger = Dtor->getTriggerStmt();
          SourceLocation Where = Trigger->getBeginLoc();
          if (const auto *CS = dyn_cast<CompoundStmt>(Trigger))
            Where = CS->getRBracLoc();
          llvm::StringRef WaitName = Wait->getMethodDecl()->getName();
          diag(Where, "'%0' gives up on '%1' after it times out, but the future "
                      "from 'std::async' is destroyed here and its destructor "
                      "blocks until the task finishes, so the timeout has no "
                      "effect; keep the future alive past this point (store "
                      "it, or hand the work to a thread that owns a promise), "
                      "or make the task stoppable")
              << Future->getName() << WaitName;
          diag(Launch->getBeginLoc(), "'std::async' starts the task here",
               DiagnosticIDs::Note);
          diag(Wait->getExprLoc(), "'%0' times out on this path",
               DiagnosticIDs::Note)
              << WaitName;
          return; // one report per wait
        }
        auto CS = E.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        if (S == Wait) { // looped back to wait again
          PathDone = true;
          break;
        }
        const auto *Call = dyn_cast<CallExpr>(S);
        if (!Call)
          continue;
        if (refersTo(model().joinedObject(Call), Future)) {
          PathDone = true; // get()/wait(): it waits anyway, on purpose
          break;
        }
        bool MovedOrReassigned = false;
        for (const Expr *Arg : Call->arguments())
          if (refersTo(Arg, Future))
            MovedOrReassigned = true; // std::move(f), f = ..., handed away
        if (MovedOrReassigned) {
          PathDone = true;
          break;
        }
      }
      if (PathDone)
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        if (const CFGBlock *SB = Succ.getReachableBlock())
          Work.push_back(SB);
    }
  }
}

} // namespace tether::tidy
