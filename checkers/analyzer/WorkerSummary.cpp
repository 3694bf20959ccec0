//===- WorkerSummary.cpp - What spawned work does with channels ----------===//

#include "analyzer/WorkerSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>

using namespace clang;

namespace tether::analyzer {
namespace {

bool isStdFunction(const FunctionDecl *FD,
                   std::initializer_list<llvm::StringRef> Names) {
  if (!FD || !FD->getIdentifier() || !FD->isInStdNamespace())
    return false;
  return llvm::is_contained(Names, FD->getName());
}

bool isSmartPointer(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() &&
         (RD->getName() == "shared_ptr" || RD->getName() == "unique_ptr");
}

/// The expression \p E stands for the result of \p Recv: the call itself,
/// or a variable initialised or assigned from it (`st = ch->pop(v)`).
bool isResultOf(const Expr *E, const CallExpr *Recv, const ParentMap &PM) {
  if (!E || !Recv)
    return false;
  E = E->IgnoreParenImpCasts();
  if (E == Recv)
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *Status = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Status)
    return false;
  const Stmt *P =
      PM.getParentIgnoreParenImpCasts(const_cast<CallExpr *>(Recv));
  while (P && isa<ExprWithCleanups>(P))
    P = PM.getParentIgnoreParenImpCasts(const_cast<Stmt *>(P));
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
    return llvm::is_contained(DS->decls(), Status) && Status->getInit() &&
           Status->getInit()->IgnoreImplicit()->IgnoreParenImpCasts() == Recv;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
    if (BO->getOpcode() == BO_Assign)
      if (const auto *L = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        return L->getDecl() == Status;
  return false;
}

bool isEnumerator(const Expr *E, llvm::StringRef Name) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *EC = DRE ? dyn_cast<EnumConstantDecl>(DRE->getDecl()) : nullptr;
  return EC && EC->getName() == Name;
}

std::optional<int64_t> intLiteral(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  bool Negative = false;
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Minus) {
    Negative = true;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *I = dyn_cast<IntegerLiteral>(E);
  if (!I)
    return std::nullopt;
  int64_t V = I->getValue().getSExtValue();
  return Negative ? -V : V;
}

/// Is \p Cond true exactly when \p Recv did not receive a value (the
/// channel was closed): `r != success`, `r == closed` (Boost), `!r`
/// (cpp-channel's bool), `r != 0`, `r < 0`, `r == -1` (libdill), with r the
/// receive or its status variable? With \p Negate, is it true exactly when
/// it did (`r == success`, `r != closed`, `r`, `r == 0`)?
bool testsReceiveStatus(const Expr *Cond, const CallExpr *Recv,
                        const ParentMap &PM, bool Negate) {
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Cond);
      U && U->getOpcode() == UO_LNot)
    return testsReceiveStatus(U->getSubExpr(), Recv, PM, !Negate);
  if (isResultOf(Cond, Recv, PM) &&
      Recv->getType()->isBooleanType())
    return Negate; // `if (r)`: received
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return false;
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  if (!isResultOf(L, Recv, PM))
    std::swap(L, R);
  if (!isResultOf(L, Recv, PM))
    return false;
  BinaryOperatorKind Op = BO->getOpcode();
  if (Op == BO_NE || Op == BO_EQ) {
    bool Ne = Op == BO_NE;
    if (isEnumerator(R, "success"))
      return Ne != Negate;
    if (isEnumerator(R, "closed"))
      return Ne == Negate;
    if (auto V = intLiteral(R)) {
      if (*V == 0)
        return Ne != Negate;
      if (*V == -1 && !Negate)
        return !Ne;
    }
    return false;
  }
  if (Op == BO_LT && !Negate && L == BO->getLHS())
    if (auto V = intLiteral(R))
      return *V == 0;
  return false;
}

/// Does \p Loop's body leave the loop by itself (break, return, goto,
/// throw)? Breaks of nested loops and switches do not count, nor does
/// `if (<receive failed>) break;` on the status of \p Recv (the canonical
/// Boost consumer: it leaves the loop once the channel is closed).
bool hasOwnExit(const Stmt *Loop, const CallExpr *Recv = nullptr,
                const ParentMap *PM = nullptr) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const CallExpr *Recv;
    const ParentMap *PM;
    unsigned Nested = 0;
    bool Found = false;
    bool TraverseNested(Stmt *S, llvm::function_ref<bool()> Traverse) {
      ++Nested;
      bool R = Traverse();
      --Nested;
      return R;
    }
    bool TraverseForStmt(ForStmt *S) {
      return TraverseNested(S, [&] { return RecursiveASTVisitor::TraverseForStmt(S); });
    }
    bool TraverseWhileStmt(WhileStmt *S) {
      return TraverseNested(S, [&] { return RecursiveASTVisitor::TraverseWhileStmt(S); });
    }
    bool TraverseDoStmt(DoStmt *S) {
      return TraverseNested(S, [&] { return RecursiveASTVisitor::TraverseDoStmt(S); });
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
      return TraverseNested(S, [&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(S); });
    }
    bool TraverseSwitchStmt(SwitchStmt *S) {
      return TraverseNested(S, [&] { return RecursiveASTVisitor::TraverseSwitchStmt(S); });
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    /// `if (<Recv failed>) break;` (or `{ break; }`), with no else.
    bool breaksOnClose(BreakStmt *B) {
      if (!Recv || !PM)
        return false;
      const Stmt *P = PM->getParent(B);
      if (const auto *CS = dyn_cast_or_null<CompoundStmt>(P)) {
        if (CS->size() != 1)
          return false;
        P = PM->getParent(CS);
      }
      const auto *If = dyn_cast_or_null<IfStmt>(P);
      return If && !If->getElse() && !If->getInit() &&
             !If->getConditionVariable() &&
             testsReceiveStatus(If->getCond(), Recv, *PM, /*Negate=*/false);
    }
    bool VisitBreakStmt(BreakStmt *B) {
      Found |= Nested == 0 && !breaksOnClose(B);
      return !Found;
    }
    bool VisitReturnStmt(ReturnStmt *) { return !(Found = true); }
    bool VisitGotoStmt(GotoStmt *) { return !(Found = true); }
    bool VisitCXXThrowExpr(CXXThrowExpr *) { return !(Found = true); }
  } F;
  F.Recv = Recv;
  F.PM = PM;
  const Stmt *Body = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Body = W->getBody();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Body = D->getBody();
  else if (const auto *Fo = dyn_cast<ForStmt>(Loop))
    Body = Fo->getBody();
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

/// Does a loop around \p S (inside \p Body) end only through the channel:
/// no condition, a constant true one, one that contains \p S itself
/// (`while (ch.pop(v) == success)`) or tests its status
/// (`do { st = ch.pop(v); ... } while (st == success)`), and no break or
/// return of its own other than one taken when \p S reports the close?
bool inLoopOnlyCloseEnds(const CallExpr *S, const Stmt *Body,
                         const ParentMap &PM, bool HasStatus) {
  // Only a receive that reports a close (not value_pop's value) can be
  // tested for it.
  const CallExpr *Status = HasStatus ? S : nullptr;
  for (const Stmt *P = PM.getParent(S); P && P != Body; P = PM.getParent(P)) {
    const Expr *Cond = nullptr;
    if (const auto *W = dyn_cast<WhileStmt>(P))
      Cond = W->getCond();
    else if (const auto *D = dyn_cast<DoStmt>(P))
      Cond = D->getCond();
    else if (const auto *F = dyn_cast<ForStmt>(P))
      Cond = F->getCond();
    else
      continue;
    if (hasOwnExit(P, Status, &PM))
      return false;
    if (!Cond)
      return true;
    bool Contains = false;
    for (const Stmt *Q = S; Q; Q = PM.getParent(Q))
      if (Q == Cond) {
        Contains = true;
        break;
      }
    if (Contains)
      return true;
    if (Status && testsReceiveStatus(Cond, Status, PM, /*Negate=*/true))
      return true;
    if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Cond->IgnoreParenImpCasts()))
      return B->getValue();
    if (const auto *I = dyn_cast<IntegerLiteral>(Cond->IgnoreParenImpCasts()))
      return I->getValue() != 0;
    return false;
  }
  return false;
}

} // namespace

/// The number of iterations of `for (int i = A; i COND B; STEP)` with
/// constants A and B, COND one of < <= != > >= and STEP ++, --, += k or
/// -= k (k a constant).
std::optional<uint64_t> constantTripCount(const Stmt *L, ASTContext &Ctx) {
  const auto *F = dyn_cast<ForStmt>(L);
  if (!F)
    return std::nullopt;
  const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit());
  const auto *Var = Init && Init->isSingleDecl()
                        ? dyn_cast<VarDecl>(Init->getSingleDecl())
                        : nullptr;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(F->getCond());
  if (!Var || !Var->getInit() || !Cond)
    return std::nullopt;
  const auto *L0 = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  if (!L0 || L0->getDecl() != Var)
    return std::nullopt;
  auto Constant = [&](const Expr *E) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (!E || !E->EvaluateAsInt(R, Ctx))
      return std::nullopt;
    return R.Val.getInt().getSExtValue();
  };
  std::optional<int64_t> From = Constant(Var->getInit()),
                         To = Constant(Cond->getRHS());
  int64_t Step = 0;
  const Expr *Inc = F->getInc() ? F->getInc()->IgnoreParenImpCasts() : nullptr;
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Inc))
    Step = U->isIncrementOp() ? 1 : U->isDecrementOp() ? -1 : 0;
  if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(Inc))
    if (auto K = Constant(CA->getRHS()))
      Step = CA->getOpcode() == BO_AddAssign   ? *K
             : CA->getOpcode() == BO_SubAssign ? -*K
                                               : 0;
  if (!From || !To || Step == 0)
    return std::nullopt;
  int64_t Span = 0;
  switch (Cond->getOpcode()) {
  case BO_LT: Span = *To - *From; break;
  case BO_LE: Span = *To - *From + 1; break;
  case BO_GT: Span = *From - *To; break;
  case BO_GE: Span = *From - *To + 1; break;
  case BO_NE: Span = Step > 0 ? *To - *From : *From - *To; break;
  default: return std::nullopt;
  }
  bool Up = Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_LE ||
            (Cond->getOpcode() == BO_NE && Step > 0);
  if ((Up && Step < 0) || (!Up && Step > 0))
    return std::nullopt; // runs forever (or until overflow)
  if (Span <= 0)
    return 0;
  int64_t K = Step > 0 ? Step : -Step;
  if (Cond->getOpcode() == BO_NE && Span % K != 0)
    return std::nullopt;
  return uint64_t((Span + K - 1) / K);
}

bool isPassThrough(const FunctionDecl *FD) {
  return isStdFunction(FD, {"ref", "cref", "move", "addressof", "forward"});
}

const LambdaExpr *closureOf(const Expr *Callable) {
  const LambdaExpr *Found = nullptr;
  struct Finder : RecursiveASTVisitor<Finder> {
    const LambdaExpr *&Found;
    explicit Finder(const LambdaExpr *&F) : Found(F) {}
    bool VisitLambdaExpr(LambdaExpr *L) {
      Found = L;
      return false;
    }
  } F(Found);
  F.TraverseStmt(const_cast<Expr *>(Callable));
  return Found;
}

const ValueDecl *channelDecl(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *EC = dyn_cast<ExprWithCleanups>(E)) {
      E = EC->getSubExpr();
    } else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
    } else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BTE->getSubExpr();
    } else if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase(); // libdill: ch[0], ch[1] are the two ends
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      // sp->, *sp on a smart pointer.
      OverloadedOperatorKind K = OC->getOperator();
      if ((K != OO_Arrow && K != OO_Star) || OC->getNumArgs() != 1)
        return nullptr;
      E = OC->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getIdentifier() || MD->getName() != "get" ||
          !isSmartPointer(MC->getImplicitObjectArgument()->getType()))
        return nullptr;
      E = MC->getImplicitObjectArgument();
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      // std::ref(x), std::cref(x), std::move(x), std::addressof(x).
      if (CE->getNumArgs() != 1 ||
          !isPassThrough(CE->getDirectCallee()))
        return nullptr;
      E = CE->getArg(0);
    } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
      // A copy of a smart pointer or a std::reference_wrapper.
      if (CC->getNumArgs() != 1)
        return nullptr;
      E = CC->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

const ValueDecl *WorkerBody::spawnerDecl(const ValueDecl *Root) const {
  if (const ValueDecl *V = SpawnerVar.lookup(Root))
    return V;
  return channelDecl(SpawnerExpr.lookup(Root));
}

WorkerBody workerOf(const model::SpawnSite &Site, const LambdaExpr *Lambda) {
  WorkerBody W;
  const Expr *Callable =
      Site.Callable ? Site.Callable->IgnoreImplicit() : nullptr;
  if (!Lambda && Callable)
    Lambda = model::lambdaOf(Callable);
  if (Lambda) {
    W.Fn = Lambda->getCallOperator();
    W.Body = Lambda->getBody();
    for (const LambdaCapture &Cap : Lambda->captures()) {
      if (!Cap.capturesVariable())
        continue;
      const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
      if (!V)
        continue;
      W.Roots.push_back(V);
      W.ByRef[V] = Cap.getCaptureKind() == LCK_ByRef;
      if (V->isInitCapture())
        W.SpawnerExpr[V] = V->getInit();
      else
        W.SpawnerVar[V] = V;
    }
    return W;
  }
  if (!Callable)
    return W;
  // A function: its parameters receive the forwarded arguments (or
  // pthread_create's / taskcreate's single argument).
  const Expr *E = Callable->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->hasBody())
    return W;
  W.Fn = Def;
  W.Body = Def->getBody();
  for (unsigned I = 0; I < Site.ForwardedArgs.size() && I < Def->getNumParams();
       ++I) {
    const ParmVarDecl *P = Def->getParamDecl(I);
    W.Roots.push_back(P);
    W.SpawnerExpr[P] = Site.ForwardedArgs[I];
    W.ByRef[P] = P->getType()->isReferenceType() || P->getType()->isPointerType();
  }
  return W;
}

std::vector<ChannelUse>
summarizeWorker(const Decl *Fn, const Stmt *Body,
                llvm::ArrayRef<const ValueDecl *> Roots,
                const model::ChannelModel &Model) {
  std::vector<ChannelUse> Uses;
  if (!Fn || !Body || Roots.empty())
    return Uses;
  ASTContext &Ctx = Fn->getASTContext();

  // Local aliases of a root: `Channel *c = (Channel *)arg;`,
  // `auto &ch = *p;`, `auto sp = ch;`.
  llvm::DenseMap<const ValueDecl *, const ValueDecl *> RootOf;
  for (const ValueDecl *R : Roots)
    RootOf[R] = R;
  struct Collector : RecursiveASTVisitor<Collector> {
    llvm::DenseMap<const ValueDecl *, const ValueDecl *> &RootOf;
    const model::ChannelModel &Model;
    struct Op {
      const CallExpr *Call;
      model::ChannelOpSite Site;
      const ValueDecl *Root;
    };
    std::vector<Op> Ops;
    std::vector<std::pair<const CXXForRangeStmt *, const ValueDecl *>> Ranges;
    llvm::DenseSet<const ValueDecl *> Escapes;
    Collector(llvm::DenseMap<const ValueDecl *, const ValueDecl *> &R,
              const model::ChannelModel &M)
        : RootOf(R), Model(M) {}

    const ValueDecl *rootOf(const Expr *E) {
      const ValueDecl *D = channelDecl(E);
      auto It = D ? RootOf.find(D) : RootOf.end();
      return It == RootOf.end() ? nullptr : It->second;
    }
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit())
        if (const ValueDecl *R = rootOf(V->getInit()))
          RootOf[V] = R;
      return true;
    }
    // A closure inside the work may do anything with what it captures
    // (run elsewhere, be stored, be spawned again): a captured channel
    // counts as handed on. Its body is not this work's.
    bool TraverseLambdaExpr(LambdaExpr *L) {
      for (const LambdaCapture &Cap : L->captures())
        if (Cap.capturesVariable())
          if (auto It = RootOf.find(Cap.getCapturedVar()); It != RootOf.end())
            Escapes.insert(It->second);
      return true;
    }
    bool VisitCXXForRangeStmt(CXXForRangeStmt *FR) {
      if (const ValueDecl *R = rootOf(FR->getRangeInit()))
        if (Model.channelType(FR->getRangeInit()->getType()))
          Ranges.push_back({FR, R});
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      if (auto Site = Model.classify(CE)) {
        if (const ValueDecl *R = Site->Channel ? rootOf(Site->Channel) : nullptr)
          Ops.push_back({CE, *Site, R});
        return true;
      }
      // A channel handed to a function Tether does not model: it may send,
      // receive or close; the analysis cannot tell.
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && isPassThrough(FD))
        return true;
      unsigned First = 0;
      if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(FD))
        First = 1; // the object of a member operator (sp->, *sp)
      for (unsigned I = First; I < CE->getNumArgs(); ++I)
        if (const ValueDecl *R = rootOf(CE->getArg(I)))
          Escapes.insert(R);
      return true;
    }
  } C(RootOf, Model);
  C.TraverseStmt(const_cast<Stmt *>(Body));

  // Blocks of the CFG holding each root's blocking sends and receives.
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  std::unique_ptr<CFG> G =
      CFG::buildCFG(Fn, const_cast<Stmt *>(Body), &Ctx, Opts);
  llvm::DenseMap<const Stmt *, const CFGBlock *> BlockOf;
  if (G)
    for (const CFGBlock *B : *G)
      for (const CFGElement &E : *B)
        if (auto S = E.getAs<CFGStmt>())
          BlockOf[S->getStmt()] = B;
  // Can the body finish without passing one of \p Blocks?
  auto Avoidable = [&](const llvm::SmallPtrSetImpl<const CFGBlock *> &Blocks) {
    if (!G)
      return true;
    llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
    llvm::SmallVector<const CFGBlock *, 32> Work{&G->getEntry()};
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      if (!B || Blocks.count(B) || !Seen.insert(B).second)
        continue;
      if (B == &G->getExit())
        return true;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        Work.push_back(Succ.getReachableBlock());
    }
    return false;
  };

  ParentMap PM(const_cast<Stmt *>(Body));
  for (const ValueDecl *R : Roots) {
    ChannelUse U;
    U.Root = R;
    llvm::SmallPtrSet<const CFGBlock *, 8> SendBlocks, ReceiveBlocks;
    for (const auto &Op : C.Ops) {
      if (Op.Root != R)
        continue;
      U.Library = Op.Site.Library;
      bool Blocks = Op.Site.Op.Block == model::Blocking::Forever;
      if (Blocks && Op.Site.Op.DeadlineArg >= 0) {
        // libdill: only a deadline of -1 waits forever.
        Expr::EvalResult ER;
        const Expr *D = Op.Call->getArg(Op.Site.Op.DeadlineArg);
        Blocks = D->EvaluateAsInt(ER, Ctx) && ER.Val.getInt() == -1;
      }
      switch (Op.Site.Op.Kind) {
      case model::ChannelOpKind::Send:
        U.MaySend = true;
        if (Blocks) {
          if (const CFGBlock *B = BlockOf.lookup(Op.Call))
            SendBlocks.insert(B);
          if (!U.SendSite) {
            U.SendSite = Op.Call;
            U.SendName = Op.Site.Name;
          }
        }
        break;
      case model::ChannelOpKind::Receive:
        U.MayReceive = true;
        if (Blocks) {
          if (const CFGBlock *B = BlockOf.lookup(Op.Call))
            ReceiveBlocks.insert(B);
          if (!U.ReceiveSite) {
            U.ReceiveSite = Op.Call;
            U.ReceiveName = Op.Site.Name;
          }
          if (inLoopOnlyCloseEnds(Op.Call, Body, PM,
                                  Op.Site.Op.Success != model::SuccessResult::None))
            U.ReceivesUntilClosed = true;
        }
        break;
      case model::ChannelOpKind::Close:
      case model::ChannelOpKind::Destroy:
        U.Closes = true;
        break;
      case model::ChannelOpKind::Create:
        break;
      }
    }
    for (const auto &[FR, Root] : C.Ranges) {
      if (Root != R)
        continue;
      U.MayReceive = true;
      U.ReceivesUntilClosed = true;
      U.Library = Model.channelType(FR->getRangeInit()->getType());
      if (!U.ReceiveSite) {
        U.ReceiveSite = FR->getRangeInit();
        U.ReceiveName = "range-for";
      }
    }
    if (C.Escapes.count(R)) {
      U.MayReceive = U.MaySend = U.Closes = true;
      U.ReceivesUntilClosed = false;
      U.SendSite = U.ReceiveSite = nullptr;
    }
    auto MinOps = [&](model::ChannelOpKind Kind,
                      const llvm::SmallPtrSetImpl<const CFGBlock *> &Blocks) {
      // The fewest such operations on any path (a shortest path through
      // the CFG, each block weighing its operations), plus those a constant
      // loop certainly repeats: the CFG cannot tell that its body runs.
      llvm::DenseMap<const CFGBlock *, unsigned> Weight;
      llvm::DenseMap<const ForStmt *, unsigned> PerIteration;
      for (const auto &Op : C.Ops) {
        if (Op.Root != R || Op.Site.Op.Kind != Kind)
          continue;
        const CFGBlock *B = BlockOf.lookup(Op.Call);
        if (!B || !Blocks.count(B))
          continue;
        // An operation directly in the body of a constant loop (not under
        // a condition inside it) counts once per iteration.
        const ForStmt *Loop = nullptr;
        for (const Stmt *P = PM.getParent(Op.Call); P && P != Body;
             P = PM.getParent(P)) {
          if (const auto *F = dyn_cast<ForStmt>(P)) {
            Loop = F;
            break;
          }
          if (isa<IfStmt, SwitchStmt, WhileStmt, DoStmt, CXXForRangeStmt,
                  ConditionalOperator, BinaryOperator>(P))
            break;
        }
        if (Loop && !hasOwnExit(Loop) && constantTripCount(Loop, Ctx).value_or(0))
          ++PerIteration[Loop];
        else
          ++Weight[B];
      }
      unsigned Min = ~0u;
      if (G) {
        // Dijkstra over blocks (few nodes: a linear scan is enough).
        llvm::DenseMap<const CFGBlock *, unsigned> Dist;
        llvm::SmallPtrSet<const CFGBlock *, 32> Done;
        Dist[&G->getEntry()] = Weight.lookup(&G->getEntry());
        while (true) {
          const CFGBlock *Best = nullptr;
          for (const auto &[B, D] : Dist)
            if (!Done.count(B) && (!Best || D < Dist[Best]))
              Best = B;
          if (!Best)
            break;
          Done.insert(Best);
          if (Best == &G->getExit()) {
            Min = Dist[Best];
            break;
          }
          for (const CFGBlock::AdjacentBlock &Succ : Best->succs()) {
            const CFGBlock *S = Succ.getReachableBlock();
            if (!S || Done.count(S))
              continue;
            unsigned D = Dist[Best] + Weight.lookup(S);
            auto It = Dist.find(S);
            if (It == Dist.end() || D < It->second)
              Dist[S] = D;
          }
        }
      }
      if (Min == ~0u)
        Min = 0;
      for (const auto &[Loop, Sends] : PerIteration) {
        // Only loops every path reaches.
        llvm::SmallPtrSet<const CFGBlock *, 4> LoopBlocks;
        if (const CFGBlock *B = BlockOf.lookup(Loop->getCond()))
          LoopBlocks.insert(B);
        if (!LoopBlocks.empty() && !Avoidable(LoopBlocks))
          Min += Sends * unsigned(*constantTripCount(Loop, Ctx));
      }
      return Min;
    };
    if (!SendBlocks.empty()) {
      U.MinSends = MinOps(model::ChannelOpKind::Send, SendBlocks);
      U.MustSend = U.MinSends > 0;
    }
    if (!ReceiveBlocks.empty()) {
      U.MinReceives = MinOps(model::ChannelOpKind::Receive, ReceiveBlocks);
      U.MustReceive = U.MinReceives > 0;
    }
    if (U.MayReceive || U.MaySend || U.Closes)
      Uses.push_back(U);
  }
  return Uses;
}

} // namespace tether::analyzer
