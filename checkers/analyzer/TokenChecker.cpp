//===- TokenChecker.cpp - tether.SemaphoreSpawnDeadlock / TokenLeak ------===//
//
// tether.SemaphoreSpawnDeadlock (story 002 in ../shared/seeds): in a loop,
// the spawner takes a token before starting each worker; the worker gives
// the token back only after a blocking send on a channel that the spawner
// receives from only after the loop. With more iterations than tokens
// (plus the values the channel holds), every worker waits for the spawner
// to receive and the spawner waits for a token. The shape is structural:
// the checker reads each function body once (check::ASTCodeBody) and the
// worker's CFG, and reports at the acquire with notes on the spawn, the
// blocking send, the release after it and the receive after the loop.
//
// tether.TokenLeak (path-sensitive): a function that takes a token and, on
// some path, finishes without giving it back, handing it to work that
// gives it back, or keeping it by design (only functions that release the
// same pool somewhere are judged: a lock-like helper that returns holding
// the token is not a leak); and spawned work that was handed a token and
// gives it back only on some of its paths. An acquire that receives a
// signal (from a pool that starts empty, or one that work started earlier
// gives back without having been handed a token) borrows nothing and is
// not followed.
//
// User documentation: docs/checks/tether-semaphore-spawn-deadlock.md,
// docs/checks/tether-token-leak.md; the token model: docs/api-model.md.
//
//===----------------------------------------------------------------------===//

#include "analyzer/CheckerSupport.h"
#include "analyzer/WorkerSummary.h"

#include "model/ApiModel.h"
#include "model/ChannelModel.h"
#include "model/TokenModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ento;
using tether::analyzer::channelDecl;
using tether::model::Blocking;
using tether::model::ChannelOpKind;
using tether::model::SuccessResult;
using tether::model::TokenOpKind;

namespace {

/// A C start routine that writes the handle through its first argument and
/// returns 0 on success (pthread_create, thrd_create, uv_thread_create).
bool startsWithStatus(const tether::model::SpawnSite &Site) {
  return Site.Form == tether::model::SpawnForm::StartRoutine && Site.HandleOut;
}

/// Tokens one path holds from one pool.
struct Held {
  unsigned Count = 0;
  /// Tokens taken on the path (Count plus those given back since).
  unsigned Taken = 0;
  const Stmt *Site = nullptr; // the first acquire
  const StackFrameContext *Frame = nullptr;
  const ValueDecl *Pool = nullptr;
  llvm::StringRef Acquirer;

  bool operator==(const Held &O) const {
    return Count == O.Count && Taken == O.Taken && Site == O.Site &&
           Frame == O.Frame && Pool == O.Pool;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(Count);
    ID.AddInteger(Taken);
    ID.AddPointer(Site);
    ID.AddPointer(Frame);
    ID.AddPointer(Pool);
  }
};

} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(HeldTokens, const MemRegion *, Held)
/// Pools (the spawner's variables) that work started on this path gives
/// back without having been handed a token: an acquire from them receives
/// a signal, it does not borrow a token.
REGISTER_SET_WITH_PROGRAMSTATE(SignalPools, const ValueDecl *)
/// Pools this path gave tokens to without holding any (`s.release(8)` on
/// a pool built empty): no longer known to start empty.
REGISTER_SET_WITH_PROGRAMSTATE(FilledPools, const ValueDecl *)

namespace {

std::string nameOf(const ValueDecl *D) {
  return D && D->getIdentifier() ? D->getName().str() : "the pool";
}

using tether::analyzer::functionName;

/// Statements of \p Body outside nested lambdas, in source order.
template <typename Fn> void forEachStmt(const Stmt *Body, Fn Visit) {
  struct Walker : RecursiveASTVisitor<Walker> {
    Fn &Visit;
    explicit Walker(Fn &V) : Visit(V) {}
    bool TraverseLambdaExpr(LambdaExpr *L) {
      // The lambda itself is visited (it may be a spawn's argument), its
      // body is other work.
      Visit(static_cast<const Stmt *>(L));
      return true;
    }
    bool VisitStmt(Stmt *S) {
      Visit(static_cast<const Stmt *>(S));
      return true;
    }
  } W(Visit);
  W.TraverseStmt(const_cast<Stmt *>(Body));
}

/// A worker's relation to one token pool, read from its body.
struct WorkerTokens {
  /// The releases of the pool (calls), and guards whose destructor
  /// releases it (their declarations).
  llvm::SmallVector<const Stmt *, 2> Releases;
  /// The first release as written (`release`, `sem_post`).
  std::string ReleaseName;
  const Stmt *GuardDecl = nullptr;
  /// The block the guard lives in: it releases when that block ends.
  const Stmt *GuardScope = nullptr;
  /// A release happens on every path through the body.
  bool AlwaysReleases = false;
  /// Some path finishes without one; where it finishes.
  const Stmt *LeakingExit = nullptr;
  SourceLocation LeakingEnd;
};

class TokenChecker
    : public Checker<check::ASTCodeBody, check::PostCall,
                     check::PostStmt<LambdaExpr>, check::PreCall,
                     check::EndFunction> {
public:
  bool DeadlockEnabled = false, LeakEnabled = false;
  std::unique_ptr<BugType> DeadlockBT, LeakBT;
  std::unique_ptr<tether::model::ApiModel> Model;

  void checkASTCodeBody(const Decl *D, AnalysisManager &Mgr,
                        BugReporter &BR) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostStmt(const LambdaExpr *L, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;

private:
  const tether::model::TokenModel &tokens() const { return Model->tokens(); }
  const tether::model::ChannelModel &channels() const {
    return Model->channels();
  }

  /// What \p W does with the pool the spawner calls \p Pool.
  /// \p Known, when given, tells the value a branch condition of the body
  /// has for this spawn (a by-copy capture the spawner's path has fixed);
  /// the walk then follows only that branch.
  WorkerTokens
  workerTokens(const tether::analyzer::WorkerBody &W, const ValueDecl *Pool,
               ASTContext &Ctx,
               llvm::function_ref<std::optional<bool>(const Expr *)> Known =
                   nullptr) const;
  void findDeadlocks(const Decl *D, const Stmt *Loop, AnalysisManager &Mgr,
                     BugReporter &BR) const;
  void spawned(const tether::model::SpawnSite &Site, const LambdaExpr *L,
               CheckerContext &C, ProgramStateRef State) const;
  const MemRegion *poolRegion(const CallEvent &Call,
                              const tether::model::TokenOpSite &Site) const;
  /// Does \p Pool start with no token (`std::binary_semaphore done(0)`,
  /// `sem_init(&s, 0, 0)` in this function or a caller on the stack)?
  bool startsEmpty(const ValueDecl *Pool, CheckerContext &C) const;

  mutable llvm::DenseSet<const Stmt *> ReportedDeadlocks;
  mutable llvm::DenseSet<std::pair<const Stmt *, const Decl *>> ReportedLeaks;
};

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

const Stmt *loopBody(const Stmt *L) {
  if (const auto *F = dyn_cast<ForStmt>(L))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(L))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(L))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(L))
    return R->getBody();
  return nullptr;
}

WorkerTokens TokenChecker::workerTokens(
    const tether::analyzer::WorkerBody &W, const ValueDecl *Pool,
    ASTContext &Ctx,
    llvm::function_ref<std::optional<bool>(const Expr *)> Known) const {
  WorkerTokens Out;
  // The body's names for the pool: the roots the spawner's pool reaches
  // it through, a global used directly, and local aliases.
  llvm::DenseSet<const ValueDecl *> Names;
  for (const ValueDecl *R : W.Roots)
    if (W.spawnerDecl(R) == Pool)
      Names.insert(R);
  if (const auto *V = dyn_cast_or_null<VarDecl>(Pool); V && V->hasGlobalStorage())
    Names.insert(V);
  if (Names.empty())
    return Out;
  auto NamesPool = [&](const Expr *E) {
    const ValueDecl *D = channelDecl(E);
    return D && Names.contains(D);
  };
  // Local lambdas that release the pool when called (`auto done = [&] {
  // limit.release(); }; ... done();`): a call of one is a release.
  llvm::DenseSet<const VarDecl *> ReleasingLambdas;
  auto IsRelease = [&](const Stmt *S) {
    const auto *CE = dyn_cast<CallExpr>(S);
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(CE))
      if (OC->getOperator() == OO_Call && OC->getNumArgs() >= 1)
        if (const auto *V =
                dyn_cast_or_null<VarDecl>(channelDecl(OC->getArg(0))))
          if (ReleasingLambdas.contains(V)) {
            if (Out.ReleaseName.empty())
              Out.ReleaseName = V->getName().str();
            return true;
          }
    auto Site = CE ? tokens().classify(CE, /*ChannelsAsPools=*/true) : std::nullopt;
    if (!Site || Site->Op.Kind != TokenOpKind::Release ||
        !NamesPool(Site->Token))
      return false;
    if (Out.ReleaseName.empty())
      Out.ReleaseName = Site->Name.str();
    return true;
  };
  /// Does \p Body (a guard's destructor, a scope-exit lambda) release a
  /// pool of the same type, or the one a captured name refers to?
  auto BodyReleases = [&](const Stmt *Body) {
    bool Found = false;
    forEachStmt(Body, [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      auto Site = CE ? tokens().classify(CE, true) : std::nullopt;
      Found |= Site && Site->Op.Kind == TokenOpKind::Release;
    });
    return Found;
  };
  forEachStmt(W.Body, [&](const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          continue;
        // A guard whose destructor gives back this very pool (a global,
        // named directly), however it is initialised.
        if (const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl())
          if (const CXXDestructorDecl *Dtor = RD->getDestructor();
              Dtor && Dtor->hasBody()) {
            bool ReleasesThis = false;
            forEachStmt(Dtor->getBody(), [&](const Stmt *Sub) {
              const auto *CE = dyn_cast<CallExpr>(Sub);
              auto Site = CE ? tokens().classify(CE, true) : std::nullopt;
              ReleasesThis |= Site && Site->Op.Kind == TokenOpKind::Release &&
                              NamesPool(Site->Token);
            });
            if (ReleasesThis && !Out.GuardDecl)
              Out.GuardDecl = DS;
          }
        if (!V->getInit())
          continue;
        // Local aliases: `auto &s = *pool;`.
        if (NamesPool(V->getInit()))
          Names.insert(V);
        // RAII guards and scope-exit helpers that name the pool.
        bool MentionsPool = false;
        const LambdaExpr *Lambda = nullptr;
        forEachStmt(V->getInit(), [&](const Stmt *Sub) {
          if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
            MentionsPool |= Names.contains(DRE->getDecl());
          if (const auto *L = dyn_cast<LambdaExpr>(Sub))
            Lambda = L;
        });
        if (Lambda)
          for (const LambdaCapture &Cap : Lambda->captures())
            if (Cap.capturesVariable() && Names.contains(Cap.getCapturedVar()))
              MentionsPool = true;
        if (!MentionsPool)
          continue;
        const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
        if (RD && RD->isLambda()) {
          // A plain local lambda is no guard: nothing calls it when the
          // block ends. It releases where it is called.
          if (Lambda && BodyReleases(Lambda->getBody()))
            ReleasingLambdas.insert(V);
          continue;
        }
        const CXXDestructorDecl *Dtor = RD ? RD->getDestructor() : nullptr;
        bool Releases = (Lambda && BodyReleases(Lambda->getBody())) ||
                        (Dtor && Dtor->hasBody() && BodyReleases(Dtor->getBody()));
        if (Releases && !Out.GuardDecl)
          Out.GuardDecl = DS;
      }
    }
    if (IsRelease(S))
      Out.Releases.push_back(S);
  });
  if (Out.GuardDecl) {
    ParentMap PM(const_cast<Stmt *>(W.Body));
    Out.GuardScope = PM.getParent(Out.GuardDecl);
    Out.AlwaysReleases = true; // released when the guard's block ends
    return Out;
  }
  if (Out.Releases.empty())
    return Out;
  // Every path from entry to exit passes a release?
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  std::unique_ptr<CFG> G =
      CFG::buildCFG(W.Fn, const_cast<Stmt *>(W.Body), &Ctx, Opts);
  if (!G)
    return Out;
  llvm::SmallPtrSet<const CFGBlock *, 4> ReleaseBlocks;
  for (const CFGBlock *B : *G)
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        if (llvm::is_contained(Out.Releases, CS->getStmt()))
          ReleaseBlocks.insert(B);
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  llvm::SmallVector<const CFGBlock *, 32> Work{&G->getEntry()};
  const CFGBlock *ExitPred = nullptr;
  bool ReachesExit = false;
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (!B || ReleaseBlocks.count(B) || !Seen.insert(B).second)
      continue;
    // A condition whose value the spawn fixed: only that branch is taken.
    std::optional<bool> Taken;
    if (Known && B->succ_size() == 2)
      if (const auto *Cond =
              dyn_cast_or_null<Expr>(B->getTerminatorCondition()))
        Taken = Known(Cond);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned ThisIndex = Index++;
      if (Taken && ThisIndex != (*Taken ? 0u : 1u))
        continue;
      const CFGBlock *S = Succ.getReachableBlock();
      if (S == &G->getExit()) {
        ReachesExit = true;
        if (!ExitPred || isa_and_nonnull<ReturnStmt>(B->getTerminatorStmt()))
          ExitPred = B;
        for (const CFGElement &E : *B)
          if (auto CS = E.getAs<CFGStmt>())
            if (isa<ReturnStmt>(CS->getStmt()))
              Out.LeakingExit = CS->getStmt();
      }
      Work.push_back(S);
    }
  }
  Out.AlwaysReleases = !ReachesExit;
  if (ReachesExit && !Out.LeakingExit) {
    if (const auto *CS = dyn_cast<CompoundStmt>(W.Body))
      Out.LeakingEnd = CS->getRBracLoc();
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// tether.SemaphoreSpawnDeadlock
//===----------------------------------------------------------------------===//

void TokenChecker::checkASTCodeBody(const Decl *D, AnalysisManager &Mgr,
                                    BugReporter &BR) const {
  if (!DeadlockEnabled || !Model || !D->getBody())
    return;
  forEachStmt(D->getBody(), [&](const Stmt *S) {
    if (isLoop(S))
      findDeadlocks(D, S, Mgr, BR);
  });
}

void TokenChecker::findDeadlocks(const Decl *D, const Stmt *Loop,
                                 AnalysisManager &Mgr, BugReporter &BR) const {
  ASTContext &Ctx = Mgr.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = loopBody(Loop);
  if (!Body)
    return;
  // Blocking acquires and spawns in the loop, in source order.
  llvm::SmallVector<std::pair<const CallExpr *, tether::model::TokenOpSite>, 2>
      Acquires;
  llvm::SmallVector<std::pair<tether::model::SpawnSite, const LambdaExpr *>, 2>
      Spawns;
  forEachStmt(Body, [&](const Stmt *S) {
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (auto T = tokens().classify(CE, /*ChannelsAsPools=*/true))
        if (T->Op.Kind == TokenOpKind::Acquire &&
            T->Op.Block == Blocking::Forever)
          Acquires.push_back({CE, *T});
    if (const auto *E = dyn_cast<Expr>(S))
      if (auto Site = Model->classifySpawn(E)) {
        Spawns.push_back(
            {*Site, Site->Callable
                        ? tether::analyzer::closureOf(Site->Callable)
                        : nullptr});
      }
  });
  for (const auto &[A, Token] : Acquires) {
    const ValueDecl *Pool = channelDecl(Token.Token);
    if (!Pool || ReportedDeadlocks.contains(A))
      continue;
    for (const auto &[Site, Lambda] : Spawns) {
      if (!SM.isBeforeInTranslationUnit(A->getBeginLoc(), Site.Call->getBeginLoc()))
        continue;
      tether::analyzer::WorkerBody W = tether::analyzer::workerOf(Site, Lambda);
      if (!W.Body)
        continue;
      WorkerTokens WT = workerTokens(W, Pool, Ctx);
      if (WT.Releases.empty() && !WT.GuardDecl)
        continue; // the worker never gives the token back: tether-token-leak
      // The blocking sends of the worker on channels other than the pool.
      auto Uses = tether::analyzer::summarizeWorker(W.Fn, W.Body, W.Roots,
                                                    channels());
      for (const tether::analyzer::ChannelUse &U : Uses) {
        if (!U.MustSend || !U.SendSite)
          continue;
        const ValueDecl *Chan = W.spawnerDecl(U.Root);
        if (!Chan || Chan == Pool)
          continue;
        // The token goes back only after the send: with a guard, at the
        // end of the worker; otherwise every release follows the send in
        // the source and the send is on every path.
        const Stmt *ReleaseAt = WT.GuardDecl;
        bool After = true;
        // A guard gives the token back when its block ends: the send must
        // be in that block, after the guard.
        if (WT.GuardDecl && WT.GuardScope)
          After = SM.isBeforeInTranslationUnit(WT.GuardDecl->getBeginLoc(),
                                               U.SendSite->getBeginLoc()) &&
                  SM.isBeforeInTranslationUnit(U.SendSite->getBeginLoc(),
                                               WT.GuardScope->getEndLoc());
        for (const Stmt *R : WT.Releases) {
          After &= SM.isBeforeInTranslationUnit(U.SendSite->getBeginLoc(),
                                                R->getBeginLoc());
          ReleaseAt = ReleaseAt ? ReleaseAt : R;
        }
        if (!After || !ReleaseAt)
          continue;
        // The spawner's receives from that channel: none in the loop, one
        // after it.
        const Stmt *ReceiveAfter = nullptr;
        bool ReceivesInLoop = false;
        forEachStmt(D->getBody(), [&](const Stmt *S) {
          const Expr *ChannelExpr = nullptr;
          if (const auto *CE = dyn_cast<CallExpr>(S))
            if (auto Op = channels().classify(CE))
              if (Op->Op.Kind == ChannelOpKind::Receive)
                ChannelExpr = Op->Channel;
          if (const auto *FR = dyn_cast<CXXForRangeStmt>(S))
            ChannelExpr = FR->getRangeInit();
          if (!ChannelExpr || channelDecl(ChannelExpr) != Chan)
            return;
          SourceRange LR = Loop->getSourceRange();
          if (!SM.isBeforeInTranslationUnit(S->getBeginLoc(), LR.getBegin()) &&
              !SM.isBeforeInTranslationUnit(LR.getEnd(), S->getBeginLoc()))
            ReceivesInLoop = true;
          else if (SM.isBeforeInTranslationUnit(LR.getEnd(), S->getBeginLoc()) &&
                   !ReceiveAfter)
            ReceiveAfter = S;
        });
        if (ReceivesInLoop || !ReceiveAfter)
          continue;
        // Other work the function starts that may receive from the channel
        // (a collector thread) keeps the workers moving.
        bool OtherReceiver = false;
        forEachStmt(D->getBody(), [&](const Stmt *S) {
          const auto *E = dyn_cast<Expr>(S);
          auto Other = E ? Model->classifySpawn(E) : std::nullopt;
          if (!Other || OtherReceiver ||
              SM.isBeforeInTranslationUnit(Loop->getEndLoc(),
                                           Other->Call->getBeginLoc()))
            return; // started after the loop: never reached if it deadlocks
          const LambdaExpr *OL =
              Other->Callable ? tether::analyzer::closureOf(Other->Callable)
                              : nullptr;
          tether::analyzer::WorkerBody OW = tether::analyzer::workerOf(*Other, OL);
          if (!OW.Body)
            return;
          for (const auto &OU : tether::analyzer::summarizeWorker(
                   OW.Fn, OW.Body, OW.Roots, channels()))
            if (OU.MayReceive && OW.spawnerDecl(OU.Root) == Chan)
              OtherReceiver = true;
        });
        if (OtherReceiver)
          continue;
        // Room: the tokens, plus what the channel holds.
        // Only a channel the function owns: a caller or a member's other
        // users may receive from anything else.
        const auto *ChanVar = dyn_cast<VarDecl>(Chan);
        if (!ChanVar || isa<ParmVarDecl>(ChanVar) || !ChanVar->hasLocalStorage())
          continue;
        const tether::model::ChannelLibrary *Lib =
            channels().channelType(ChanVar->getType());
        if (!Lib)
          continue;
        std::optional<uint64_t> Held = channels().capacityOf(
            *Lib, ChanVar->getInit(), ChanVar->getType(), Ctx);
        if (!Held || *Held == tether::model::ChannelModel::UnboundedCapacity)
          continue; // unknown room, or room for everything
        std::optional<uint64_t> Tokens = tokens().initialTokens(
            dyn_cast<VarDecl>(Pool), D->getBody(), Ctx);
        // Releases before the loop fill the pool (`limit(0);
        // limit.release(8);`): they add to its count, or make it unknown
        // when theirs is; a pool whose count is unknown that way is not
        // judged.
        bool FilledUnknown = false;
        forEachStmt(D->getBody(), [&](const Stmt *S) {
          const auto *CE = dyn_cast<CallExpr>(S);
          auto Op = CE ? tokens().classify(CE, /*ChannelsAsPools=*/false)
                       : std::nullopt;
          if (!Op || Op->Op.Kind != TokenOpKind::Release ||
              channelDecl(Op->Token) != Pool ||
              !SM.isBeforeInTranslationUnit(CE->getEndLoc(),
                                            Loop->getBeginLoc()))
            return;
          std::optional<uint64_t> N = 1;
          if (Op->Op.CountArg >= 0 &&
              unsigned(Op->Op.CountArg) < CE->getNumArgs() &&
              !isa<CXXDefaultArgExpr>(CE->getArg(Op->Op.CountArg))) {
            Expr::EvalResult R;
            const Expr *Arg = CE->getArg(Op->Op.CountArg);
            N = std::nullopt;
            if (!Arg->isValueDependent() && Arg->EvaluateAsInt(R, Ctx) &&
                !R.Val.getInt().isNegative())
              N = R.Val.getInt().getZExtValue();
          }
          if (N && Tokens)
            Tokens = *Tokens + *N;
          else {
            Tokens = std::nullopt;
            FilledUnknown = true;
          }
        });
        if (FilledUnknown)
          continue;
        if (Token.Channel) {
          // A channel as the pool: an unbounded one never blocks the
          // acquire, an unbuffered one blocks the very first.
          const auto *PoolVar = dyn_cast<VarDecl>(Pool);
          auto Cap = PoolVar ? channels().capacityOf(*Token.Channel,
                                                     PoolVar->getInit(),
                                                     PoolVar->getType(), Ctx)
                             : std::nullopt;
          if (!Cap || *Cap == tether::model::ChannelModel::UnboundedCapacity ||
              *Cap == 0)
            continue;
        }
        std::optional<uint64_t> Trips =
            tether::analyzer::constantTripCount(Loop, Ctx);
        if (Tokens && Trips && *Trips <= *Tokens + *Held)
          continue; // every iteration finds a token
        ReportedDeadlocks.insert(A);

        std::string Work =
            Site.Api ? tether::model::workNoun(Site.Api->Kind).str() : "thread";
        std::string PoolName = nameOf(Pool), ChanName = nameOf(Chan);
        std::string Spawner = functionName(D);
        std::string Bound =
            Tokens ? "once more than " + std::to_string(*Tokens + *Held) + " " +
                         Work + (*Tokens + *Held == 1 ? " is" : "s are") +
                         " in flight (" + std::to_string(*Tokens) +
                         (*Tokens == 1 ? " token" : " tokens") +
                         (*Held ? " plus the " + std::to_string(*Held) +
                                      " values '" + ChanName + "' holds"
                                : std::string()) +
                         ")"
                   : "once more " + Work + "s are in flight than '" +
                         PoolName + "' has tokens";
        std::string Msg =
            "'" + Token.Name.str() + "' takes a token from '" + PoolName +
            "' before starting each " + Work + ", but each " + Work +
            " gives it back only after '" + U.SendName.str() + "' on '" +
            ChanName + "', which '" + Spawner +
            "' receives from only after the loop: this deadlocks " + Bound +
            ", every " + Work + " waiting for '" + Spawner +
            "' and '" + Spawner + "' waiting for a token; release the token "
            "before sending, acquire it inside the " + Work +
            ", run the loop in its own " + Work + " so that '" + Spawner +
            "' can receive, or give '" + ChanName +
            "' room for every result";
        AnalysisDeclContext *AC = Mgr.getAnalysisDeclContext(D);
        AnalysisDeclContext *WAC = Mgr.getAnalysisDeclContext(W.Fn);
        auto R = std::make_unique<BasicBugReport>(
            *DeadlockBT, Msg, PathDiagnosticLocation::createBegin(A, SM, AC));
        R->addRange(A->getSourceRange());
        R->addNote("the " + Work + " started here gives its token back only "
                   "after sending on '" + ChanName + "'",
                   PathDiagnosticLocation::createBegin(Site.Call, SM, AC));
        R->addNote("'" + U.SendName.str() + "' blocks here until '" + Spawner +
                       "' receives from '" + ChanName + "'",
                   PathDiagnosticLocation::createBegin(U.SendSite, SM, WAC));
        R->addNote(WT.GuardDecl && ReleaseAt == WT.GuardDecl
                       ? "this guard gives the token back when the " + Work +
                             " ends, after the send"
                       : "the token goes back to '" + PoolName +
                             "' only here, after the send",
                   PathDiagnosticLocation::createBegin(ReleaseAt, SM, WAC));
        R->addNote("'" + Spawner + "' receives from '" + ChanName +
                       "' only here, after the loop",
                   PathDiagnosticLocation::createBegin(ReceiveAfter, SM, AC));
        BR.emitReport(std::move(R));
        break;
      }
      if (ReportedDeadlocks.contains(A))
        break;
    }
  }
}

//===----------------------------------------------------------------------===//
// tether.TokenLeak
//===----------------------------------------------------------------------===//

const MemRegion *
TokenChecker::poolRegion(const CallEvent &Call,
                         const tether::model::TokenOpSite &Site) const {
  SVal V = UnknownVal();
  if (Site.Op.TokenArg < 0) {
    if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call))
      V = IC->getCXXThisVal();
  } else if (unsigned(Site.Op.TokenArg) < Call.getNumArgs()) {
    V = Call.getArgSVal(Site.Op.TokenArg);
  }
  const MemRegion *R = V.getAsRegion();
  return R ? R->StripCasts()->getBaseRegion() : nullptr;
}

void TokenChecker::checkPostCall(const CallEvent &Call,
                                 CheckerContext &C) const {
  if (!LeakEnabled || !Model)
    return;
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  auto Site = CE ? tokens().classify(CE, /*ChannelsAsPools=*/false)
                 : std::nullopt;
  if (!Site) {
    if (!C.wasInlined && Call.getOriginExpr())
      if (auto Spawn = Model->classifySpawn(Call.getOriginExpr());
          Spawn && startsWithStatus(*Spawn)) {
        // pthread_create (thrd_create, uv_thread_create) returns 0 when the
        // thread runs, an error number when there is none: only the first
        // path hands tokens to it. A
        // result nobody looks at is taken for a success (the program has
        // no failure path to judge).
        ProgramStateRef State = C.getState();
        const auto *CallE = cast<Expr>(Call.getOriginExpr());
        auto Ret = C.getLocationContext()->getParentMap().isConsumedExpr(
                       const_cast<Expr *>(CallE))
                       ? Call.getReturnValue().getAs<DefinedOrUnknownSVal>()
                       : std::nullopt;
        SValBuilder &SVB = C.getSValBuilder();
        auto Cond = Ret ? SVB.evalEQ(State, *Ret,
                                     SVB.makeIntVal(0, Call.getResultType()))
                              .getAs<DefinedOrUnknownSVal>()
                        : std::nullopt;
        if (!Cond) {
          spawned(*Spawn, nullptr, C, State);
          return;
        }
        auto [Started, Failed] = State->assume(*Cond);
        if (Started)
          spawned(*Spawn, nullptr, C, Started);
        if (Failed)
          C.addTransition(Failed);
        return;
      }
    // A pool passed to code the analysis did not follow (not a spawn:
    // judged in spawned()) may be given back there; std::ref and the like
    // only pass it on.
    if (C.wasInlined || (Call.getOriginExpr() &&
                         Model->classifySpawn(Call.getOriginExpr())))
      return;
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
        FD && tether::analyzer::isPassThrough(FD))
      return;
    ProgramStateRef State = C.getState();
    ProgramStateRef Next = State;
    for (unsigned I = 0; I < Call.getNumArgs(); ++I)
      if (const MemRegion *R = Call.getArgSVal(I).getAsRegion())
        Next = Next->remove<HeldTokens>(R->StripCasts()->getBaseRegion());
    if (Next != State)
      C.addTransition(Next);
    return;
  }
  if (Site->Op.Kind == TokenOpKind::Init || Site->Op.Kind == TokenOpKind::Use)
    return;
  const MemRegion *Pool = poolRegion(Call, *Site);
  if (!Pool)
    return;
  ProgramStateRef State = C.getState();
  const ValueDecl *PoolDecl = channelDecl(Site->Token);
  if (!PoolDecl && Site->Op.Kind == TokenOpKind::Acquire)
    return; // a member or an element: others may give it back
  if (Site->Op.Kind == TokenOpKind::Release) {
    const Held *H = State->get<HeldTokens>(Pool);
    if (!H) {
      // Tokens given to a pool the path holds none of: it is being filled
      // (or signalled), so it no longer starts empty.
      if (PoolDecl && !State->contains<FilledPools>(PoolDecl))
        C.addTransition(State->add<FilledPools>(PoolDecl));
      return;
    }
    unsigned N = 1;
    if (Site->Op.CountArg >= 0 && unsigned(Site->Op.CountArg) < Call.getNumArgs()) {
      // release(n) with n unknown: assume it gives back all it holds.
      N = ~0u;
      if (auto K = Call.getArgSVal(Site->Op.CountArg).getAs<nonloc::ConcreteInt>())
        N = unsigned(K->getValue().getZExtValue());
      else if (isa<CXXDefaultArgExpr>(Call.getArgExpr(Site->Op.CountArg)))
        N = 1;
    }
    Held Next = *H;
    Next.Count = Next.Count > N ? Next.Count - N : 0;
    C.addTransition(Next.Count ? State->set<HeldTokens>(Pool, Next)
                               : State->remove<HeldTokens>(Pool));
    return;
  }
  // An acquire from a pool that other work gives back without being handed
  // a token (it was started on this path while the path held none), or
  // from a pool that starts empty and was not filled on this path, takes
  // a signal: the acquirer does not owe it back.
  if (State->contains<SignalPools>(PoolDecl) ||
      (!State->contains<FilledPools>(PoolDecl) && startsEmpty(PoolDecl, C)))
    return;
  // An acquire: on success, this frame holds one more token.
  auto Take = [&](ProgramStateRef S) {
    Held Next;
    if (const Held *H = S->get<HeldTokens>(Pool))
      Next = *H;
    if (!Next.Site) {
      Next.Site = CE;
      Next.Frame = C.getStackFrame();
      Next.Pool = PoolDecl;
      Next.Acquirer = Site->Name;
    }
    ++Next.Count;
    ++Next.Taken;
    return S->set<HeldTokens>(Pool, Next);
  };
  std::string Text = "a token is taken from '" + nameOf(PoolDecl) + "' here";
  const NoteTag *Tag = C.getNoteTag(
      [Pool, Text](PathSensitiveBugReport &BR) -> std::string {
        return BR.isInteresting(Pool) ? Text : "";
      });
  if (Site->Op.Success == SuccessResult::None) {
    C.addTransition(Take(State), Tag);
    return;
  }
  auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
  if (!Ret) {
    C.addTransition(Take(State), Tag);
    return;
  }
  SValBuilder &SVB = C.getSValBuilder();
  int64_t Success = Site->Op.Success == SuccessResult::Zero ? 0 : 1;
  SVal Eq = SVB.evalEQ(State, *Ret, SVB.makeIntVal(Success, Call.getResultType()));
  auto Cond = Eq.getAs<DefinedOrUnknownSVal>();
  if (!Cond) {
    C.addTransition(State);
    return;
  }
  auto [Got, Missed] = State->assume(*Cond);
  if (Got)
    C.addTransition(Take(Got), Tag);
  if (Missed)
    C.addTransition(Missed);
}

bool TokenChecker::startsEmpty(const ValueDecl *Pool, CheckerContext &C) const {
  const auto *V = dyn_cast_or_null<VarDecl>(Pool);
  if (!V)
    return false;
  // A sem_init may be written in this function or in one that called it.
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent()) {
    const Decl *D = LC->getDecl();
    auto N = tokens().initialTokens(V, D ? D->getBody() : nullptr,
                                    C.getASTContext());
    if (N)
      return *N == 0;
  }
  return false;
}

void TokenChecker::spawned(const tether::model::SpawnSite &Site,
                           const LambdaExpr *L, CheckerContext &C,
                           ProgramStateRef State) const {
  tether::analyzer::WorkerBody W = tether::analyzer::workerOf(Site, L);
  if (!W.Body) {
    if (State != C.getState())
      C.addTransition(State);
    return;
  }
  // The pools the work gives back (and never takes from itself), by the
  // spawner's names: those the path holds no token of are signals from the
  // work to whoever waits on them.
  {
    llvm::SmallPtrSet<const ValueDecl *, 4> Released, Acquired;
    forEachStmt(W.Body, [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      auto Op = CE ? tokens().classify(CE, false) : std::nullopt;
      if (!Op || (Op->Op.Kind != TokenOpKind::Release &&
                  Op->Op.Kind != TokenOpKind::Acquire))
        return;
      const ValueDecl *D = channelDecl(Op->Token);
      if (!D)
        return;
      const ValueDecl *Spawner = nullptr;
      if (llvm::is_contained(W.Roots, D))
        Spawner = W.spawnerDecl(D);
      else if (const auto *V = dyn_cast<VarDecl>(D); V && V->hasGlobalStorage())
        Spawner = V;
      if (!Spawner)
        return;
      (Op->Op.Kind == TokenOpKind::Release ? Released : Acquired)
          .insert(Spawner);
    });
    for (const ValueDecl *D : Released) {
      if (Acquired.contains(D) || State->contains<SignalPools>(D))
        continue;
      bool Holds = false;
      for (const auto &Entry : State->get<HeldTokens>())
        Holds |= Entry.second.Pool == D;
      if (!Holds)
        State = State->add<SignalPools>(D);
    }
  }
  // A condition of a lambda's body on a by-copy capture (`if (throttle)`)
  // has the value the spawner's path gave the variable.
  auto Known = [&](const Expr *Cond) -> std::optional<bool> {
    if (!L)
      return std::nullopt;
    bool Negate = false;
    Cond = Cond->IgnoreParenImpCasts();
    while (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
      if (UO->getOpcode() != UO_LNot)
        return std::nullopt;
      Negate = !Negate;
      Cond = UO->getSubExpr()->IgnoreParenImpCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(Cond);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!V || !V->getType()->isScalarType())
      return std::nullopt;
    bool ByCopy = false;
    for (const LambdaCapture &Cap : L->captures())
      ByCopy |= Cap.capturesVariable() && Cap.getCapturedVar() == V &&
                Cap.getCaptureKind() == LCK_ByCopy;
    if (!ByCopy)
      return std::nullopt;
    SVal Val = State->getSVal(State->getLValue(V, C.getLocationContext()));
    auto DV = Val.getAs<DefinedOrUnknownSVal>();
    if (!DV)
      return std::nullopt;
    auto [IfTrue, IfFalse] = State->assume(*DV);
    if ((IfTrue && IfFalse) || (!IfTrue && !IfFalse))
      return std::nullopt;
    return bool(IfTrue) != Negate;
  };
  for (const auto &[Pool, H] : State->get<HeldTokens>()) {
    if (!H.Pool)
      continue;
    WorkerTokens WT = workerTokens(W, H.Pool, C.getASTContext(), Known);
    // Work that takes tokens itself, or gives back a pool Tether cannot
    // match to this one (through a struct, a helper), is not a hand-off
    // Tether can judge: let the token go.
    bool OwnAcquire = false, OtherRelease = false;
    forEachStmt(W.Body, [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      auto Op = CE ? tokens().classify(CE, false) : std::nullopt;
      if (!Op)
        return;
      OwnAcquire |= Op->Op.Kind == TokenOpKind::Acquire;
      OtherRelease |= Op->Op.Kind == TokenOpKind::Release;
    });
    if (OwnAcquire || (WT.Releases.empty() && !WT.GuardDecl && OtherRelease)) {
      State = State->remove<HeldTokens>(Pool);
      continue;
    }
    if (WT.Releases.empty() && !WT.GuardDecl)
      continue;
    if (WT.AlwaysReleases) {
      // The work gives one token back for the spawner.
      Held Next = H;
      --Next.Count;
      State = Next.Count ? State->set<HeldTokens>(Pool, Next)
                         : State->remove<HeldTokens>(Pool);
      continue;
    }
    // The work gives the token back only on some of its paths.
    State = State->remove<HeldTokens>(Pool);
    if (!ReportedLeaks.insert({Site.Call, W.Fn}).second)
      continue;
    ExplodedNode *N = C.generateNonFatalErrorNode(State);
    if (!N)
      return;
    std::string Work =
        Site.Api ? tether::model::workNoun(Site.Api->Kind).str() : "thread";
    std::string Release = WT.ReleaseName.empty() ? "release" : WT.ReleaseName;
    std::string Msg = "the " + Work + " started here is handed a token of '" +
                      nameOf(H.Pool) + "' but gives it back only on some "
                      "paths: a path that finishes without '" + Release +
                      "' shrinks the pool for good; give it back on every "
                      "path (a guard whose destructor calls '" + Release +
                      "' does)";
    PathDiagnosticLocation Where =
        WT.LeakingExit
            ? PathDiagnosticLocation::createBegin(WT.LeakingExit,
                                                  C.getSourceManager(),
                                                  C.getLocationContext())
            : PathDiagnosticLocation(WT.LeakingEnd, C.getSourceManager());
    auto R = std::make_unique<PathSensitiveBugReport>(*LeakBT, Msg, N);
    R->markInteresting(Pool);
    if (Where.isValid())
      R->addNote("the " + Work + " can finish here still holding the token",
                 Where);
    C.emitReport(std::move(R));
  }
  if (State != C.getState())
    C.addTransition(State);
}

void TokenChecker::checkPostStmt(const LambdaExpr *L, CheckerContext &C) const {
  if (!LeakEnabled || !Model)
    return;
  if (auto Site = tether::analyzer::spawnOfLambda(
          L, C.getLocationContext()->getParentMap(), *Model))
    spawned(*Site, L, C, C.getState());
}

void TokenChecker::checkPreCall(const CallEvent &Call, CheckerContext &C) const {
  if (tether::analyzer::endFailedTestAssertion(Call, C))
    return;
  if (!LeakEnabled || !Model || !Call.getOriginExpr())
    return;
  auto Site = Model->classifySpawn(Call.getOriginExpr());
  if (!Site || !Site->Callable)
    return;
  const Expr *Callable = Site->Callable->IgnoreImplicit();
  if (isa<LambdaExpr>(Callable))
    return; // checkPostStmt
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Callable))
    if (isa<LambdaExpr>(MTE->getSubExpr()->IgnoreImplicit()))
      return;
  if (startsWithStatus(*Site))
    return; // checkPostCall, on the path where the thread was created
  spawned(*Site, nullptr, C, C.getState());
}

void TokenChecker::checkEndFunction(const ReturnStmt *RS,
                                    CheckerContext &C) const {
  if (!LeakEnabled)
    return;
  ProgramStateRef State = C.getState();
  const StackFrameContext *Frame = C.getStackFrame();
  const Decl *Fn = Frame->getDecl();
  for (const auto &Entry : State->get<HeldTokens>()) {
    const MemRegion *Pool = Entry.first;
    const Held &H = Entry.second;
    if (H.Frame != Frame || !H.Count)
      continue;
    State = State->remove<HeldTokens>(Pool);
    // Judge only functions that give this pool's tokens back somewhere
    // after taking one (or hand them to work): a function that returns
    // holding a token on every path does so by design (a lock-like
    // helper), and one that releases before it acquires opens a gate for
    // others and then waits at it (`if (++arrived == n) gate.release(n);
    // gate.acquire();`), which borrows nothing.
    const SourceManager &SM = C.getSourceManager();
    bool ReleasesSomewhere = false;
    forEachStmt(Fn->getBody(), [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      auto Site = CE ? tokens().classify(CE, false) : std::nullopt;
      if (Site && Site->Op.Kind == TokenOpKind::Release && H.Pool &&
          channelDecl(Site->Token) == H.Pool &&
          (!H.Site || SM.isBeforeInTranslationUnit(H.Site->getBeginLoc(),
                                                   CE->getBeginLoc())))
        ReleasesSomewhere = true;
      if (const auto *E = dyn_cast<Expr>(S))
        if (auto Spawn = Model->classifySpawn(E)) {
          const LambdaExpr *L =
              Spawn->Callable ? tether::analyzer::closureOf(Spawn->Callable)
                              : nullptr;
          tether::analyzer::WorkerBody W = tether::analyzer::workerOf(*Spawn, L);
          if (W.Body && H.Pool &&
              !workerTokens(W, H.Pool, C.getASTContext()).Releases.empty())
            ReleasesSomewhere = true;
        }
    });
    if (!ReleasesSomewhere || !ReportedLeaks.insert({H.Site, Fn}).second)
      continue;
    static const SimpleProgramPointTag Tag("tether.TokenModeling", "token leak");
    ExplodedNode *N = C.generateNonFatalErrorNode(C.getState(), &Tag);
    if (!N)
      continue;
    // "takes 3 tokens ... finishes still holding 2 of them" when some were
    // given back on the path.
    unsigned Taken = std::max(H.Taken, H.Count);
    std::string Pl = Taken == 1 ? "a token" : std::to_string(Taken) + " tokens";
    std::string Them = H.Count == 1 ? "it" : "them";
    std::string Outcome =
        Taken == H.Count
            ? "finishes without giving " + Them + " back"
            : "finishes still holding " + std::to_string(H.Count) + " of them";
    std::string Msg = "'" + functionName(Fn) + "' takes " + Pl + " from '" +
                      nameOf(H.Pool) + "' with '" + H.Acquirer.str() +
                      "' and, on this path, " + Outcome +
                      ": each such path shrinks the pool until every "
                      "acquire blocks; release " + Them +
                      " on every path (a guard whose destructor releases "
                      "does)";
    PathDiagnosticLocation Unique = PathDiagnosticLocation::createBegin(
        H.Site, C.getSourceManager(), C.getLocationContext());
    auto R = std::make_unique<PathSensitiveBugReport>(*LeakBT, Msg, N, Unique,
                                                      Fn);
    R->markInteresting(Pool);
    C.emitReport(std::move(R));
  }
  if (State != C.getState())
    C.addTransition(State);
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

constexpr llvm::StringLiteral ModelingName = "tether.TokenModeling";
constexpr llvm::StringLiteral DeadlockName = "tether.SemaphoreSpawnDeadlock";
constexpr llvm::StringLiteral LeakName = "tether.TokenLeak";
constexpr llvm::StringLiteral Category = "Tether concurrency leaks";

void registerModeling(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<TokenChecker>();
  Checker->Model = std::make_unique<tether::model::ApiModel>(
      tether::analyzer::readModelOptions(Mgr.getAnalyzerOptions()));
}

void registerDeadlock(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<TokenChecker>();
  Checker->DeadlockEnabled = true;
  Checker->DeadlockBT = std::make_unique<BugType>(
      Mgr.getCurrentCheckerName(), "Token taken before spawn deadlocks",
      Category);
}

void registerLeak(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<TokenChecker>();
  Checker->LeakEnabled = true;
  Checker->LeakBT = std::make_unique<BugType>(Mgr.getCurrentCheckerName(),
                                              "Token not given back", Category);
}

bool alwaysRegister(const CheckerManager &) { return true; }

} // namespace

namespace tether::analyzer {

void registerTokenCheckers(CheckerRegistry &Registry) {
  Registry.addChecker(registerModeling, alwaysRegister, ModelingName,
                      "Models semaphores and other token pools", "",
                      /*IsHidden=*/true);
  Registry.addChecker(registerDeadlock, alwaysRegister, DeadlockName,
                      "Finds tokens taken before each spawn that workers give "
                      "back only after a send the spawner receives after the "
                      "loop",
                      "docs/checks/tether-semaphore-spawn-deadlock.md",
                      /*IsHidden=*/false);
  Registry.addChecker(registerLeak, alwaysRegister, LeakName,
                      "Finds tokens not given back on some path",
                      "docs/checks/tether-token-leak.md", /*IsHidden=*/false);
  Registry.addDependency(DeadlockName, ModelingName);
  Registry.addDependency(LeakName, ModelingName);
}

} // namespace tether::analyzer
