//===- HandleChecker.cpp - tether.HandleLeak and tether.HandleMisuse -----===//
//
// One state machine per handle (file stream, pipe stream, descriptor,
// directory stream), keyed by the symbol the acquire function returned:
//
//   acquire ──> Open ──release──> Released ──release/use──> misuse
//                │  └──fdopen/fdopendir (success)──> the descriptor is Owned
//                │                                   by the new stream
//                └──returned, stored outside the frame, handed to an unknown
//                   callee or to a thread that releases it──> Escaped
//
// An Open handle whose symbol dies is a leak, unless the path says the
// acquire failed (NULL, or a negative descriptor). Leaks are reported once
// per acquisition site. A stream the code opened never equals stdin,
// stdout or stderr (evalAssume). The inlined bodies of modelled functions
// (glibc's fortified read, fgets...) do nothing to handles: the model's
// word on the call is applied when it returns. Families, functions and ownership transfers come
// from the shared API model (lib/model/HandleModel.h); spawn APIs from
// lib/model/ApiModel.h.
//
// User documentation: docs/checks/tether-handle-leak.md and
// docs/checks/tether-handle-misuse.md.
//
//===----------------------------------------------------------------------===//

#include "analyzer/CheckerSupport.h"

#include "model/ApiModel.h"
#include "model/HandleModel.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;
using namespace clang::ento;
using tether::model::HandleFamily;

namespace {

/// The state of one handle.
class HandleState {
public:
  enum Kind : unsigned char { Open, Released, Escaped, Owned, Handed };

  static HandleState open(HandleFamily F, llvm::StringRef Acquirer,
                          const Stmt *Site) {
    return HandleState(Open, F, Acquirer, Site, nullptr, "");
  }
  static HandleState owned(HandleFamily F, llvm::StringRef Acquirer,
                           const Stmt *Site, SymbolRef Owner) {
    return HandleState(Owned, F, Acquirer, Site, Owner, "");
  }
  HandleState released(llvm::StringRef By) const {
    return HandleState(Released, Family, Acquirer, Site, Owner, By);
  }
  HandleState escaped() const {
    return HandleState(Escaped, Family, Acquirer, Site, Owner, ReleasedBy);
  }
  /// Captured by copy into work that a spawn API runs and that never
  /// releases it: unless the spawner still closes it, it leaks.
  HandleState handedTo(const tether::model::SpawnApi *Api) const {
    HandleState H(Handed, Family, Acquirer, Site, Owner, ReleasedBy);
    H.Spawn = Api;
    return H;
  }
  const tether::model::SpawnApi *spawn() const { return Spawn; }
  /// The spawner is responsible for closing it.
  bool isHeld() const { return K == Open || K == Handed; }

  Kind kind() const { return K; }
  HandleFamily family() const { return Family; }
  /// The function that acquired the handle (or lent it: fileno, dirfd).
  llvm::StringRef acquirer() const { return Acquirer; }
  const Stmt *site() const { return Site; }
  SymbolRef owner() const { return Owner; }
  llvm::StringRef releasedBy() const { return ReleasedBy; }

  bool operator==(const HandleState &O) const {
    return K == O.K && Family == O.Family && Acquirer == O.Acquirer &&
           Site == O.Site && Owner == O.Owner && ReleasedBy == O.ReleasedBy &&
           Spawn == O.Spawn;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(K);
    ID.AddInteger(static_cast<int>(Family));
    ID.AddPointer(Acquirer.data());
    ID.AddPointer(Site);
    ID.AddPointer(Owner);
    ID.AddPointer(ReleasedBy.data());
    ID.AddPointer(Spawn);
  }

private:
  HandleState(Kind K, HandleFamily F, llvm::StringRef Acquirer,
              const Stmt *Site, SymbolRef Owner, llvm::StringRef By)
      : K(K), Family(F), Acquirer(Acquirer), Site(Site), Owner(Owner),
        ReleasedBy(By) {}

  Kind K;
  HandleFamily Family;
  llvm::StringRef Acquirer;   // points into the model's static tables
  const Stmt *Site;
  SymbolRef Owner;            // Owned: the stream or directory that owns it
  llvm::StringRef ReleasedBy; // Released: the releasing function
  const tether::model::SpawnApi *Spawn = nullptr; // Handed: the spawn API
};

} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(HandleMap, SymbolRef, HandleState)
/// A stream or directory made by fdopen/fdopendir -> the descriptor it owns.
/// The descriptor's own entry says who owns it last; this map remembers
/// every stream that wraps it (`fdopen(s, "r")` and `fdopen(s, "w")`), and
/// keeps the descriptor alive while one of them is.
REGISTER_MAP_WITH_PROGRAMSTATE(WrappedDescriptor, SymbolRef, SymbolRef)
/// A variable handed by reference to a spawn call that copies it
/// (`std::thread t(serve, fd)`: `Args &&...`) -> the handle it held. The
/// call is not analysed and would leave the variable with an unknown
/// value; it gets the handle back when the call returns.
REGISTER_MAP_WITH_PROGRAMSTATE(SpawnedFrom, const MemRegion *, SymbolRef)

namespace {

class HandleChecker
    : public Checker<check::PreCall, check::PostCall, check::DeadSymbols,
                     check::LiveSymbols, check::PointerEscape, check::Bind,
                     check::PreStmt<ReturnStmt>, check::PostStmt<LambdaExpr>,
                     eval::Assume> {
public:
  // Set by the registration of each user-facing checker.
  bool LeakEnabled = false, MisuseEnabled = false;
  std::unique_ptr<BugType> LeakBT, DoubleReleaseBT, UseAfterReleaseBT,
      WrongReleaseBT;
  std::unique_ptr<tether::model::ApiModel> Model;

  HandleChecker();

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  ProgramStateRef evalAssume(ProgramStateRef State, SVal Cond,
                             bool Assumption) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkPostStmt(const LambdaExpr *Lambda, CheckerContext &C) const;

private:
  const tether::model::HandleAcquire *acquireOf(const CallEvent &Call) const;
  const tether::model::HandleRelease *releaseOf(const CallEvent &Call) const;
  const tether::model::HandleBorrow *borrowOf(const CallEvent &Call) const;
  bool isModelled(const CallEvent &Call) const {
    return acquireOf(Call) || releaseOf(Call) || borrowOf(Call);
  }
  /// Is \p LC inside the inlined body of a function of the model?
  bool insideModelledFunction(const LocationContext *LC) const;

  void handleAcquire(const CallEvent &Call, CheckerContext &C,
                     const tether::model::HandleAcquire &A) const;
  void handleRelease(const CallEvent &Call, CheckerContext &C,
                     const tether::model::HandleRelease &R) const;
  /// Returns false if it reported a misuse (the path ends there).
  bool handleBorrow(const CallEvent &Call, CheckerContext &C,
                    const tether::model::HandleBorrow &B) const;
  void handleReopen(const CallEvent &Call, CheckerContext &C,
                    const tether::model::HandleBorrow &B) const;
  void handleSpawn(const CallEvent &Call, CheckerContext &C) const;
  /// Hands the handles passed by value to \p Fn, which \p Site runs.
  void handOverArguments(const tether::model::SpawnSite &Site,
                         const FunctionDecl *Fn, CheckerContext &C) const;
  /// Hands every handle \p Lambda copies to the work \p Api runs.
  void handOverCaptures(const LambdaExpr *Lambda,
                        const tether::model::SpawnApi *Api,
                        CheckerContext &C) const;
  ProgramStateRef handOver(ProgramStateRef State, SymbolRef Sym,
                           const HandleState &HS, const LambdaExpr *Lambda,
                           const ValueDecl *Captured,
                           const tether::model::SpawnApi *Api) const;

  const NoteTag *openedNote(CheckerContext &C, SymbolRef Sym,
                            HandleFamily F, llvm::StringRef Fn) const;
  void reportMisuse(const std::unique_ptr<BugType> &BT, CheckerContext &C,
                    SymbolRef Sym, SourceRange Range, const std::string &Msg,
                    llvm::ArrayRef<SymbolRef> AlsoInteresting = {}) const;
  /// Reports \p Leaked (whose states are in \p State) and moves on with
  /// \p Cleaned, which has forgotten every dead handle.
  /// A handle given to spawned work that releases it on some paths only.
  struct KeptByWork {
    SymbolRef Sym;
    HandleState HS;
    unsigned Line; // where the work returns still holding it
  };
  void reportKeptByWork(llvm::ArrayRef<KeptByWork> Kept,
                        const tether::model::SpawnApi *Api, CheckerContext &C,
                        ProgramStateRef State) const;
  void reportLeaks(llvm::ArrayRef<SymbolRef> Leaked, CheckerContext &C,
                   ProgramStateRef State, ProgramStateRef Cleaned) const;

  llvm::StringMap<const tether::model::HandleAcquire *> Acquires;
  llvm::StringMap<const tether::model::HandleRelease *> Releases;
  llvm::StringMap<const tether::model::HandleBorrow *> Borrows;

  /// How the leak reports at one statement are worded (see reportLeaks).
  struct LeakWordingEntry {
    const Stmt *Site;
    std::string Text;
    bool WithLine;
  };
  mutable llvm::DenseMap<std::pair<const Decl *, const Stmt *>,
                         llvm::SmallVector<LeakWordingEntry, 2>>
      LeakWording;
};

HandleChecker::HandleChecker() {
  for (const auto &A : tether::model::handleAcquires())
    Acquires[A.Name] = &A;
  for (const auto &R : tether::model::handleReleases())
    Releases[R.Name] = &R;
  for (const auto &B : tether::model::handleBorrows())
    Borrows[B.Name] = &B;
}

/// The name the code calls a C library function by: the callee's, or the
/// name of the system-header macro that rewrote the call into another
/// function. glibc's fortified `fprintf` and `dprintf` are such macros in C
/// (`__fprintf_chk (stream, 1, ...)`, `__dprintf_chk (fd, 1, ...)`), and the
/// handle stays at the position it has in the function the code names.
llvm::StringRef writtenName(const CallEvent &Call, const FunctionDecl *FD) {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE)
    return "";
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  SourceLocation L = CE->getBeginLoc();
  if (!L.isMacroID() || !SM.isInSystemMacro(L) ||
      !SM.isInSystemHeader(FD->getLocation()))
    return "";
  return Lexer::getImmediateMacroName(L, SM, FD->getASTContext().getLangOpts());
}

/// The C library function \p Call calls, if it has one of \p Table's names.
template <typename T>
const T *lookupC(const llvm::StringMap<const T *> &Table, const CallEvent &Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !FD->getIdentifier())
    return nullptr;
  auto It = Table.find(FD->getName());
  if (It == Table.end())
    It = Table.find(writtenName(Call, FD));
  if (It == Table.end() || !CheckerContext::isCLibraryFunction(FD))
    return nullptr;
  return It->second;
}

/// Does \p FD have the name of a function of \p Table?
template <typename T>
bool namedInC(const llvm::StringMap<const T *> &Table, const FunctionDecl *FD) {
  return FD->getIdentifier() && Table.count(FD->getName()) &&
         CheckerContext::isCLibraryFunction(FD);
}

// glibc's fortified read, recv, fgets, fread, vfprintf... (-O2
// -D_FORTIFY_SOURCE=2, every distribution's build) are inline functions of
// the system headers that call an unknown __read_chk or __fgets_chk. The
// analyzer inlines them; what the model says the call does is applied when
// it returns (checkPostCall), and nothing inside its body may hand a handle
// over or act on one.
bool HandleChecker::insideModelledFunction(const LocationContext *LC) const {
  for (; LC; LC = LC->getParent()) {
    const auto *SFC = dyn_cast<StackFrameContext>(LC);
    if (!SFC || SFC->inTopFrame())
      continue;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(SFC->getDecl());
    if (FD && (namedInC(Acquires, FD) || namedInC(Releases, FD) ||
               namedInC(Borrows, FD)))
      return true;
  }
  return false;
}

const tether::model::HandleAcquire *
HandleChecker::acquireOf(const CallEvent &Call) const {
  const auto *A = lookupC(Acquires, Call);
  if (A && A->NumArgs != ~0u && Call.getNumArgs() != A->NumArgs)
    return nullptr;
  return A;
}

const tether::model::HandleRelease *
HandleChecker::releaseOf(const CallEvent &Call) const {
  const auto *R = lookupC(Releases, Call);
  return R && Call.getNumArgs() == R->NumArgs ? R : nullptr;
}

const tether::model::HandleBorrow *
HandleChecker::borrowOf(const CallEvent &Call) const {
  return lookupC(Borrows, Call);
}

/// Is \p S inside a loop of its function? Returns that loop.
const Stmt *enclosingLoop(const Stmt *S, const LocationContext *LC) {
  if (!S || !LC)
    return nullptr;
  const ParentMap &PM = LC->getParentMap();
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return P;
  return nullptr;
}

/// Is \p S (inside \p Loop) a return, break or goto, or part of one: a
/// handle lost there is lost on the way out, not at the next iteration.
bool leavesLoop(const Stmt *S, const Stmt *Loop, const LocationContext *LC) {
  const ParentMap &PM = LC->getParentMap();
  for (const Stmt *P = S; P && P != Loop; P = PM.getParent(P))
    if (isa<ReturnStmt, BreakStmt, GotoStmt>(P))
      return true;
  return false;
}

bool isWithin(const Stmt *S, const Stmt *Ancestor, const LocationContext *LC) {
  if (!S || !Ancestor || !LC)
    return false;
  const ParentMap &PM = LC->getParentMap();
  for (const Stmt *P = S; P; P = PM.getParent(P))
    if (P == Ancestor)
      return true;
  return false;
}

/// Is the handle on this path not one the code must close: the acquire
/// failed (NULL, or a negative descriptor), or the descriptor is known to be
/// 0, 1 or 2, a standard stream the program keeps on purpose (daemons
/// reopen /dev/null and keep it as stdin)?
bool notOwnedOnThisPath(ProgramStateRef State, SymbolRef Sym, HandleFamily F) {
  if (tether::model::isPointerFamily(F))
    return State->getConstraintManager().isNull(State, Sym).isConstrainedTrue();
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  QualType T = Sym->getType();
  SVal AboveStdStreams =
      SVB.evalBinOp(State, BO_GT, nonloc::SymbolVal(Sym),
                    SVB.makeIntVal(2, T), SVB.getConditionType());
  auto Cond = AboveStdStreams.getAs<DefinedOrUnknownSVal>();
  return Cond && !State->assume(*Cond, true);
}

const NoteTag *HandleChecker::openedNote(CheckerContext &C, SymbolRef Sym,
                                         HandleFamily F,
                                         llvm::StringRef Fn) const {
  std::string Text =
      (tether::model::familyNoun(F) + " opened here by '" + Fn + "'").str();
  return C.getNoteTag([Sym, Text](PathSensitiveBugReport &BR) -> std::string {
    return BR.isInteresting(Sym) ? Text : "";
  });
}

void HandleChecker::handleAcquire(const CallEvent &Call, CheckerContext &C,
                                  const tether::model::HandleAcquire &A) const {
  using tether::model::AcquireShape;
  ProgramStateRef State = C.getState();
  const Stmt *Site = Call.getOriginExpr();
  SValBuilder &SVB = C.getSValBuilder();

  if (A.Shape == AcquireShape::FillsPair) {
    // pipe(fds), socketpair(d, t, p, sv): two descriptors on success.
    auto Array = Call.getArgSVal(A.ArgIndex).getAs<Loc>();
    auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
    if (!Array || !Ret)
      return;
    // An array the caller passed in (`void make_pipe(int fds[2])`) is an
    // out-parameter: the descriptors are the caller's from the start.
    const MemRegion *ArrayRegion = Array->getAsRegion();
    if (!ArrayRegion ||
        !isa<StackLocalsSpaceRegion>(ArrayRegion->getBaseRegion()->getMemorySpace()))
      return;
    SVal IsZero = SVB.evalEQ(State, *Ret, SVB.makeZeroVal(Call.getResultType()));
    auto [Success, Failure] =
        State->assume(IsZero.castAs<DefinedOrUnknownSVal>());
    if (Success) {
      QualType IntTy = C.getASTContext().IntTy;
      for (int I = 0; I < 2; ++I) {
        SVal Elt = SVB.evalBinOpLN(Success, BO_Add, *Array,
                                   SVB.makeArrayIndex(I),
                                   C.getASTContext().getPointerType(IntTy));
        auto EltLoc = Elt.getAs<Loc>();
        if (!EltLoc)
          continue;
        if (SymbolRef Sym = Success->getSVal(*EltLoc, IntTy).getAsSymbol())
          Success = Success->set<HandleMap>(
              Sym, HandleState::open(HandleFamily::Descriptor, A.Name, Site));
      }
      C.addTransition(Success,
                      C.getNoteTag("descriptors opened here by '" +
                                   A.Name.str() + "'"));
    }
    if (Failure)
      C.addTransition(Failure);
    return;
  }

  if (A.Shape == AcquireShape::ReturnsIfArgIsOneOf) {
    // signalfd(fd, ...) updates the descriptor it was given unless fd is -1;
    // fcntl acquires only for F_DUPFD and F_DUPFD_CLOEXEC.
    if (A.ArgIndex < 0 || unsigned(A.ArgIndex) >= Call.getNumArgs())
      return;
    auto Arg = Call.getArgSVal(A.ArgIndex).getAs<nonloc::ConcreteInt>();
    if (!Arg || !llvm::is_contained(A.OneOf, Arg->getValue().getExtValue()))
      return;
  }

  SymbolRef Sym = Call.getReturnValue().getAsSymbol();
  if (!Sym)
    return;
  HandleState Opened = HandleState::open(A.Family, A.Name, Site);

  if (A.TakesOverArg >= 0) {
    // fdopen/fdopendir: on success the new handle owns the descriptor; on
    // failure the caller still owns it.
    SymbolRef Fd = Call.getArgSVal(A.TakesOverArg).getAsSymbol();
    const HandleState *FdState = Fd ? State->get<HandleMap>(Fd) : nullptr;
    auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
    if (FdState && Ret) {
      auto [NonNull, Null] = State->assume(*Ret);
      if (NonNull) {
        NonNull = NonNull->set<HandleMap>(Sym, Opened);
        NonNull = NonNull->set<HandleMap>(
            Fd, HandleState::owned(FdState->family(), FdState->acquirer(),
                                   FdState->site(), Sym));
        NonNull = NonNull->set<WrappedDescriptor>(Sym, Fd);
        C.addTransition(NonNull, openedNote(C, Sym, A.Family, A.Name));
      }
      if (Null)
        C.addTransition(Null);
      return;
    }
  }
  State = State->set<HandleMap>(Sym, Opened);
  C.addTransition(State, openedNote(C, Sym, A.Family, A.Name));
}

void HandleChecker::reportMisuse(const std::unique_ptr<BugType> &BT,
                                 CheckerContext &C, SymbolRef Sym,
                                 SourceRange Range, const std::string &Msg,
                                 llvm::ArrayRef<SymbolRef> AlsoInteresting) const {
  if (!MisuseEnabled || !BT)
    return;
  ExplodedNode *N = C.generateErrorNode();
  if (!N)
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(*BT, Msg, N);
  R->addRange(Range);
  R->markInteresting(Sym);
  for (SymbolRef Other : AlsoInteresting)
    R->markInteresting(Other);
  C.emitReport(std::move(R));
}

/// Closing stream \p Sym (fclose, closedir, a failed freopen) closes the
/// descriptor it owns: the one fdopen/fdopendir wrapped, and any fileno or
/// dirfd lent.
ProgramStateRef releaseOwned(ProgramStateRef State, SymbolRef Sym,
                             llvm::StringRef By) {
  if (const SymbolRef *Fd = State->get<WrappedDescriptor>(Sym))
    if (const HandleState *FS = State->get<HandleMap>(*Fd))
      if (FS->kind() != HandleState::Escaped)
        State = State->set<HandleMap>(*Fd, FS->released(By));
  for (const auto &[Other, OtherState] : State->get<HandleMap>())
    if (OtherState.kind() == HandleState::Owned && OtherState.owner() == Sym)
      State = State->set<HandleMap>(Other, OtherState.released(By));
  return State;
}

void HandleChecker::handleRelease(const CallEvent &Call, CheckerContext &C,
                                  const tether::model::HandleRelease &Rel) const {
  ProgramStateRef State = C.getState();
  SymbolRef Sym = Call.getArgSVal(Rel.ArgIndex).getAsSymbol();
  const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
  if (!HS)
    return;
  SourceRange Range = Call.getArgSourceRange(Rel.ArgIndex);
  std::string Noun = tether::model::familyNoun(HS->family()).str();
  if (HS->kind() == HandleState::Escaped) {
    // Whoever else may have it, it is closed from here on, and so is the
    // descriptor it owns. (Whether this close is the first one is unknown.)
    if (HS->family() != Rel.Family)
      return;
    State = releaseOwned(State->set<HandleMap>(Sym, HS->released(Rel.Name)),
                         Sym, Rel.Name);
    C.addTransition(State);
    return;
  }

  if (HS->kind() == HandleState::Released) {
    reportMisuse(DoubleReleaseBT, C, Sym, Range,
                 "'" + Rel.Name.str() + "' closes a " + Noun +
                     " that was already closed by '" + HS->releasedBy().str() +
                     "'; close each handle exactly once");
    return;
  }
  if (HS->kind() == HandleState::Owned) {
    const HandleState *OwnerState = State->get<HandleMap>(HS->owner());
    std::string OwnerNoun =
        OwnerState ? tether::model::familyNoun(OwnerState->family()).str()
                   : "stream";
    std::string OwnerFn = OwnerState ? OwnerState->acquirer().str() : "";
    std::string OwnerRelease =
        OwnerState ? tether::model::releaseFunction(OwnerState->family()).str()
                   : "fclose";
    reportMisuse(WrongReleaseBT, C, Sym, Range,
                 "'" + Rel.Name.str() + "' closes a descriptor owned by the " +
                     OwnerNoun + (OwnerFn.empty() ? "" : " from '" + OwnerFn + "'") +
                     "; close the " + OwnerNoun + " with '" + OwnerRelease +
                     "' instead, which closes the descriptor too");
    return;
  }
  if (HS->family() != Rel.Family) {
    reportMisuse(WrongReleaseBT, C, Sym, Range,
                 "'" + Rel.Name.str() + "' closes a " + Noun + " opened by '" +
                     HS->acquirer().str() + "'; close it with '" +
                     tether::model::releaseFunction(HS->family()).str() + "'");
    return;
  }

  // Two streams made by fdopen from one descriptor: the first fclose closed
  // it, the second closes it again.
  if (const SymbolRef *Fd = State->get<WrappedDescriptor>(Sym))
    if (const HandleState *FS = State->get<HandleMap>(*Fd))
      if (FS->kind() == HandleState::Released) {
        llvm::SmallVector<SymbolRef, 2> Others;
        for (const auto &[Stream, Wrapped] : State->get<WrappedDescriptor>())
          if (Wrapped == *Fd && Stream != Sym)
            Others.push_back(Stream);
        reportMisuse(DoubleReleaseBT, C, *Fd, Range,
                     "'" + Rel.Name.str() +
                         "' closes a descriptor that was already closed by '" +
                         FS->releasedBy().str() +
                         "' through another stream made from it by '" +
                         HS->acquirer().str() +
                         "'; make one stream per descriptor, or 'dup' it "
                         "for the second",
                     Others);
        return;
      }

  State = State->set<HandleMap>(Sym, HS->released(Rel.Name));
  // Closing a stream or directory closes the descriptor it owns.
  State = releaseOwned(State, Sym, Rel.Name);
  std::string Text = (Noun + " closed here by '" + Rel.Name + "'").str();
  C.addTransition(State, C.getNoteTag([Sym, Text](PathSensitiveBugReport &BR) {
    return BR.isInteresting(Sym) ? Text : std::string();
  }));
}

bool HandleChecker::handleBorrow(const CallEvent &Call, CheckerContext &C,
                                 const tether::model::HandleBorrow &B) const {
  ProgramStateRef State = C.getState();
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    if (B.ArgIndex >= 0 && unsigned(B.ArgIndex) != I)
      continue;
    SymbolRef Sym = Call.getArgSVal(I).getAsSymbol();
    const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
    if (HS && HS->kind() == HandleState::Released) {
      reportMisuse(UseAfterReleaseBT, C, Sym, Call.getArgSourceRange(I),
                   "'" + B.Name.str() + "' uses a " +
                       tether::model::familyNoun(HS->family()).str() +
                       " after '" + HS->releasedBy().str() + "' closed it");
      return false;
    }
  }
  if (B.ReopensOrCloses) {
    handleReopen(Call, C, B);
    return true;
  }
  if (B.ReturnsOwnedDescriptor) {
    // fileno(f), dirfd(d): the descriptor stays the stream's.
    SymbolRef Owner = Call.getArgSVal(B.ArgIndex).getAsSymbol();
    SymbolRef Fd = Call.getReturnValue().getAsSymbol();
    const HandleState *OS = Owner ? State->get<HandleMap>(Owner) : nullptr;
    if (Fd && OS && OS->kind() == HandleState::Open) {
      State = State->set<HandleMap>(
          Fd, HandleState::owned(HandleFamily::Descriptor, B.Name,
                                 Call.getOriginExpr(), Owner));
      C.addTransition(State);
    }
  }
  return true;
}

void HandleChecker::handleReopen(const CallEvent &Call, CheckerContext &C,
                                 const tether::model::HandleBorrow &B) const {
  // freopen(path, mode, f) returns f on success; on failure it returns NULL
  // and f is closed already: fclose(f) there closes it twice.
  ProgramStateRef State = C.getState();
  SVal StreamVal = Call.getArgSVal(B.ArgIndex);
  SymbolRef Sym = StreamVal.getAsSymbol();
  const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
  auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
  const Expr *Origin = Call.getOriginExpr();
  if (!HS || !HS->isHeld() || !Ret || !Origin)
    return;
  auto [NonNull, Null] = State->assume(*Ret);
  if (NonNull)
    C.addTransition(
        NonNull->BindExpr(Origin, C.getLocationContext(), StreamVal));
  if (Null) {
    Null = releaseOwned(Null->set<HandleMap>(Sym, HS->released(B.Name)), Sym,
                        B.Name);
    std::string Text = (tether::model::familyNoun(HS->family()) +
                        " closed here by '" + B.Name + "', which failed")
                           .str();
    C.addTransition(Null, C.getNoteTag([Sym, Text](PathSensitiveBugReport &BR) {
      return BR.isInteresting(Sym) ? Text : std::string();
    }));
  }
}

/// Does \p CE give up \p V: release it, or pass it to a callee Tether does
/// not know (which may release it or hand it on)?
bool callReleases(const CallExpr *CE, const ValueDecl *V,
                  const llvm::StringMap<const tether::model::HandleBorrow *> &Borrows) {
  const FunctionDecl *FD = CE->getDirectCallee();
  for (const Expr *Arg : CE->arguments()) {
    const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    if (!DRE || DRE->getDecl() != V)
      continue;
    if (FD && FD->getIdentifier() && Borrows.count(FD->getName()))
      continue; // read, write, fprintf...: a use, not a release
    return true; // a release, or a callee that may release it
  }
  return false;
}

/// A path through the body of \p Op (a lambda's call operator, a thread
/// function) on which it does not give up \p V (see callReleases) and
/// returns: the line of its return (or of the end of the body), or 0 if
/// every path gives it up or ends the program. A path that the body's own
/// tests make infeasible counts (the analysis of the spawner does not go
/// into the body).
unsigned pathKeeping(const FunctionDecl *Op, const ValueDecl *V,
                     const llvm::StringMap<const tether::model::HandleBorrow *> &Borrows,
                     ASTContext &Ctx) {
  Stmt *Body = Op ? Op->getBody() : nullptr;
  if (!Body)
    return 0;
  CFG::BuildOptions Opts;
  Opts.setAllAlwaysAdd();
  std::unique_ptr<CFG> G = CFG::buildCFG(Op, Body, &Ctx, Opts);
  if (!G)
    return 0;
  auto GivesUp = [&](const CFGBlock *B) {
    if (B->hasNoReturnElement())
      return true;
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        if (const auto *CE = dyn_cast<CallExpr>(S->getStmt()))
          if (callReleases(CE, V, Borrows))
            return true;
    return false;
  };
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const CFGBlock *, 16> Work{&G->getEntry()};
  llvm::DenseSet<const CFGBlock *> Seen{&G->getEntry()};
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    for (const CFGBlock *Succ : B->succs()) {
      if (!Succ || GivesUp(Succ) || !Seen.insert(Succ).second)
        continue;
      if (Succ == &G->getExit()) {
        // Returned from B: point at its return statement, if it has one.
        for (const CFGElement &E : llvm::reverse(*B))
          if (auto S = E.getAs<CFGStmt>())
            if (isa<ReturnStmt>(S->getStmt()))
              return SM.getExpansionLineNumber(S->getStmt()->getBeginLoc());
        return SM.getExpansionLineNumber(Body->getEndLoc());
      }
      Work.push_back(Succ);
    }
  }
  return 0;
}

/// Does \p Body give up \p V (see callReleases) anywhere?
bool bodyReleases(const Stmt *Body, const ValueDecl *V,
                  const llvm::StringMap<const tether::model::HandleBorrow *> &Borrows) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *V;
    const llvm::StringMap<const tether::model::HandleBorrow *> &Borrows;
    bool Found = false;
    Finder(const ValueDecl *V,
           const llvm::StringMap<const tether::model::HandleBorrow *> &B)
        : V(V), Borrows(B) {}
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *FD = CE->getDirectCallee();
      for (const Expr *Arg : CE->arguments()) {
        const auto *DRE =
            dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
        if (!DRE || DRE->getDecl() != V)
          continue;
        if (FD && FD->getIdentifier() && Borrows.count(FD->getName()))
          continue; // read, write, fprintf...: a use, not a release
        Found = true; // a release, or a callee that may release it
      }
      return !Found;
    }
  } F(V, Borrows);
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

ProgramStateRef HandleChecker::handOver(ProgramStateRef State, SymbolRef Sym,
                                        const HandleState &HS,
                                        const LambdaExpr *Lambda,
                                        const ValueDecl *Captured,
                                        const tether::model::SpawnApi *Api) const {
  // The work may close it (or hand it on): it owns it now. Otherwise it is
  // only a borrowed copy, and the spawner must still close it.
  if (bodyReleases(Lambda->getBody(), Captured, Borrows))
    return State->set<HandleMap>(Sym, HS.escaped());
  return State->set<HandleMap>(Sym, HS.handedTo(Api));
}

void HandleChecker::handOverCaptures(const LambdaExpr *Lambda,
                                     const tether::model::SpawnApi *Api,
                                     CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  bool Changed = false;
  llvm::SmallVector<KeptByWork, 1> Kept;
  for (const LambdaCapture &Cap : Lambda->captures()) {
    if (!Cap.capturesVariable() || Cap.getCaptureKind() != LCK_ByCopy)
      continue;
    const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
    if (!V)
      continue;
    SymbolRef Sym = State->getSVal(State->getLValue(V, LC)).getAsSymbol();
    const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
    if (!HS || HS->kind() != HandleState::Open)
      continue;
    // The work closes it, but perhaps not on every path of its body.
    if (LeakEnabled && bodyReleases(Lambda->getBody(), V, Borrows))
      if (unsigned Line = pathKeeping(Lambda->getCallOperator(), V, Borrows,
                                      C.getASTContext()))
        Kept.push_back({Sym, *HS, Line});
    State = handOver(State, Sym, *HS, Lambda, V, Api);
    Changed = true;
  }
  if (!Kept.empty())
    reportKeptByWork(Kept, Api, C, State);
  else if (Changed)
    C.addTransition(State);
}

void HandleChecker::handOverArguments(const tether::model::SpawnSite &Site,
                                      const FunctionDecl *Fn,
                                      CheckerContext &C) const {
  // std::thread(serve, fd): the function runs with its own copy of the
  // descriptor; like a lambda's copy (handOver), it is the function's to
  // close if its body releases it, and judged path by path.
  const FunctionDecl *Def = Fn->getDefinition();
  if (!Def || !Def->hasBody())
    return; // not seen: it may keep it (the unknown call lets it go)
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  bool Changed = false;
  llvm::SmallVector<KeptByWork, 1> Kept;
  for (unsigned I = 0;
       I < Site.ForwardedArgs.size() && I < Def->getNumParams(); ++I) {
    const ParmVarDecl *P = Def->getParamDecl(I);
    if (P->getType()->isReferenceType())
      continue; // std::ref: not a copy
    // std::thread's constructor takes `Args &&...`: the argument may be
    // the variable, not its value.
    const Expr *Arg = Site.ForwardedArgs[I];
    SVal V = State->getSVal(Arg, LC);
    const MemRegion *Var = nullptr;
    if (auto L = V.getAs<Loc>(); L && Arg->isGLValue()) {
      Var = L->getAsRegion();
      V = State->getSVal(*L, Arg->getType());
    }
    SymbolRef Sym = V.getAsSymbol();
    const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
    if (!HS || HS->kind() != HandleState::Open ||
        tether::model::isPointerFamily(HS->family()))
      continue;
    if (Var)
      State = State->set<SpawnedFrom>(Var, Sym);
    if (bodyReleases(Def->getBody(), P, Borrows)) {
      if (LeakEnabled)
        if (unsigned Line = pathKeeping(Def, P, Borrows, C.getASTContext()))
          Kept.push_back({Sym, *HS, Line});
      State = State->set<HandleMap>(Sym, HS->escaped());
    } else {
      State = State->set<HandleMap>(Sym, HS->handedTo(Site.Api));
    }
    Changed = true;
  }
  if (!Kept.empty())
    reportKeptByWork(Kept, Site.Api, C, State);
  else if (Changed)
    C.addTransition(State);
}

void HandleChecker::handleSpawn(const CallEvent &Call, CheckerContext &C) const {
  // A closure held in a variable and spawned later: `std::thread t(work)`.
  if (!Model)
    return;
  const Expr *Origin = Call.getOriginExpr();
  std::optional<tether::model::SpawnSite> Site =
      Origin ? Model->classifySpawn(Origin) : std::nullopt;
  if (!Site || !Site->Callable)
    return;
  const Expr *Callable = Site->Callable->IgnoreParenImpCasts();
  if (const auto *Addr = dyn_cast<UnaryOperator>(Callable))
    if (Addr->getOpcode() == UO_AddrOf)
      Callable = Addr->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(Callable);
  if (const auto *Fn = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr) {
    handOverArguments(*Site, Fn, C);
    return;
  }
  const auto *ClosureVar = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const LambdaExpr *Lambda =
      ClosureVar && ClosureVar->getInit()
          ? dyn_cast<LambdaExpr>(ClosureVar->getInit()->IgnoreImplicit())
          : nullptr;
  if (!Lambda)
    return;
  handOverCaptures(Lambda, Site->Api, C);
}

void HandleChecker::checkPostStmt(const LambdaExpr *Lambda,
                                  CheckerContext &C) const {
  // A closure written straight into a spawn API carries its copies of the
  // handles to the spawned work.
  if (!Model)
    return;
  auto Site = tether::analyzer::spawnOfLambda(Lambda, C.getLocationContext()->getParentMap(),
                            *Model);
  if (!Site)
    return;
  handOverCaptures(Lambda, Site->Api, C);
}

void HandleChecker::checkPreCall(const CallEvent &Call,
                                 CheckerContext &C) const {
  if (tether::analyzer::endFailedTestAssertion(Call, C))
    return;
  if (isModelled(Call) || insideModelledFunction(Call.getLocationContext()))
    return;
  handleSpawn(Call, C);
}

void HandleChecker::checkPostCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  if (insideModelledFunction(Call.getLocationContext()))
    return; // the modelled call that contains it decides (see above)
  if (const auto *A = acquireOf(Call)) {
    // openat, accept, dup, fcntl: their descriptor argument is only used.
    if (const auto *B = borrowOf(Call))
      if (!handleBorrow(Call, C, *B))
        return;
    handleAcquire(Call, C, *A);
    return;
  }
  if (const auto *R = releaseOf(Call)) {
    handleRelease(Call, C, *R);
    return;
  }
  if (const auto *B = borrowOf(Call)) {
    handleBorrow(Call, C, *B);
    return;
  }
  ProgramStateRef State = C.getState();
  bool Changed = false;
  bool IsSpawn = Model && Call.getOriginExpr() &&
                 Model->classifySpawn(Call.getOriginExpr());
  if (IsSpawn)
    for (const auto &[Var, Sym] : State->get<SpawnedFrom>()) {
      if (!C.wasInlined) // the unknown call left the variable unknown
        State = State->bindLoc(loc::MemRegionVal(Var), nonloc::SymbolVal(Sym),
                               C.getLocationContext());
      State = State->remove<SpawnedFrom>(Var);
      Changed = true;
    }
  if (C.wasInlined) {
    // A callee that closes the handle on some of its paths takes charge of
    // it, even if this path skipped the close: its decision often rests on
    // state the analysis cannot see precisely (a global re-read after
    // unknown calls), and reporting there would be noise.
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    for (unsigned I = 0; FD && I < Call.getNumArgs() && I < FD->getNumParams();
         ++I) {
      SymbolRef Sym = Call.getArgSVal(I).getAsSymbol();
      const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
      if (HS && HS->isHeld() && FD->hasBody() &&
          bodyReleases(FD->getBody(), FD->getParamDecl(I), Borrows)) {
        State = State->set<HandleMap>(Sym, HS->escaped());
        Changed = true;
      }
    }
    if (Changed)
      C.addTransition(State);
    return; // otherwise the analysis saw what the callee does
  }
  // A callee the analysis did not see may keep a descriptor passed by
  // value: the precise default is to let it go. (Pointer handles are
  // handled by checkPointerEscape.) A spawn call only copies what it was
  // given to the work, already judged (handleSpawn).
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    SymbolRef Sym = Call.getArgSVal(I).getAsSymbol();
    const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
    if (HS && IsSpawn && HS->kind() == HandleState::Handed)
      continue;
    if (HS && HS->isHeld() && !tether::model::isPointerFamily(HS->family())) {
      State = State->set<HandleMap>(Sym, HS->escaped());
      Changed = true;
    }
  }
  if (Changed)
    C.addTransition(State);
}

ProgramStateRef HandleChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  // The model's own functions use, release or take over handles; they
  // never let one escape, nor does anything their inlined bodies call.
  if (Call && (isModelled(*Call) ||
               insideModelledFunction(Call->getLocationContext())))
    return State;
  // The spawn call itself takes the closure, whose copies of handles were
  // already judged (checkPostStmt<LambdaExpr>): it does not take them over.
  bool IsSpawn = Call && Model && Call->getOriginExpr() &&
                 Model->classifySpawn(Call->getOriginExpr());
  for (const auto &[Sym, HS] : State->get<HandleMap>()) {
    if (!HS.isHeld() || (IsSpawn && HS.kind() == HandleState::Handed))
      continue;
    bool Gone = Escaped.count(Sym);
    if (const auto *Derived = dyn_cast<SymbolDerived>(Sym))
      Gone |= Escaped.count(Derived->getParentSymbol()) > 0;
    if (Gone)
      State = State->set<HandleMap>(Sym, HS.escaped());
  }
  return State;
}

void HandleChecker::checkBind(SVal Loc, SVal Val, const Stmt *S,
                              CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SymbolRef Sym = Val.getAsSymbol();
  const HandleState *HS = Sym ? State->get<HandleMap>(Sym) : nullptr;
  if (!HS || !HS->isHeld())
    return;
  const MemRegion *R = Loc.getAsRegion();
  if (!R || insideModelledFunction(C.getLocationContext()))
    return;
  // A field: the handle now belongs to an object (an RAII owner, a struct
  // the caller keeps), except a lambda's copy, which stays tracked until the
  // closure is spawned, called or destroyed.
  if (const auto *FR = dyn_cast<FieldRegion>(R)) {
    if (!FR->getDecl()->getParent()->isLambda())
      C.addTransition(State->set<HandleMap>(Sym, HS->escaped()));
    return; // a closure's copy stays tracked (see checkPostStmt<LambdaExpr>)
  }
  // Locals and parameters of the current stack keep tracking it; anything
  // else (globals, the heap, `*out` parameters) takes it over.
  const MemSpaceRegion *Space = R->getBaseRegion()->getMemorySpace();
  if (isa<StackLocalsSpaceRegion, StackArgumentsSpaceRegion>(Space))
    return;
  C.addTransition(State->set<HandleMap>(Sym, HS->escaped()));
}

void HandleChecker::checkPreStmt(const ReturnStmt *RS,
                                 CheckerContext &C) const {
  // Returning the handle from the analysed function hands it to the caller.
  // (From an inlined callee, the caller's analysis keeps tracking it.)
  if (!C.inTopFrame() || !RS->getRetValue())
    return;
  ProgramStateRef State = C.getState();
  SVal V = C.getSVal(RS->getRetValue());
  struct Collect : SymbolVisitor {
    llvm::SmallVector<SymbolRef, 4> Syms;
    bool VisitSymbol(SymbolRef S) override {
      Syms.push_back(S);
      return true;
    }
  } Visitor;
  State->scanReachableSymbols(V, Visitor);
  if (SymbolRef S = V.getAsSymbol())
    Visitor.Syms.push_back(S);
  bool Changed = false;
  for (SymbolRef S : Visitor.Syms)
    if (const HandleState *HS = State->get<HandleMap>(S))
      if (HS->isHeld()) {
        State = State->set<HandleMap>(S, HS->escaped());
        Changed = true;
      }
  if (Changed)
    C.addTransition(State);
}

void HandleChecker::checkDeadSymbols(SymbolReaper &SR,
                                     CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  llvm::SmallVector<SymbolRef, 2> Leaked;
  ProgramStateRef Cleaned = State;
  for (const auto &[Sym, HS] : State->get<HandleMap>()) {
    if (!SR.isDead(Sym))
      continue;
    // Decide now, while the constraints on the dying symbol still exist.
    if (HS.isHeld() && !notOwnedOnThisPath(State, Sym, HS.family()))
      Leaked.push_back(Sym);
    Cleaned = Cleaned->remove<HandleMap>(Sym);
  }
  for (const auto &[Stream, Fd] : State->get<WrappedDescriptor>())
    if (SR.isDead(Stream))
      Cleaned = Cleaned->remove<WrappedDescriptor>(Stream);
  if (Cleaned == State)
    return;
  if (Leaked.empty()) {
    C.addTransition(Cleaned);
    return;
  }
  reportLeaks(Leaked, C, State, Cleaned);
}

void HandleChecker::checkLiveSymbols(ProgramStateRef State,
                                     SymbolReaper &SR) const {
  // A descriptor lives as long as a stream that wraps it: closing the
  // stream closes it, and a second stream on it closes it twice. (The
  // entry goes when its stream dies: checkDeadSymbols.)
  for (const auto &[Stream, Fd] : State->get<WrappedDescriptor>())
    SR.markLive(Fd);
}

/// Is \p Sym a stream that an acquire function of the model returned?
bool isAcquiredStream(ProgramStateRef State, SymbolRef Sym) {
  const HandleState *HS = State->get<HandleMap>(Sym);
  return HS && HS->kind() != HandleState::Owned &&
         (HS->family() == HandleFamily::Stream ||
          HS->family() == HandleFamily::PipeStream);
}

/// Is \p Sym the value of stdin, stdout or stderr (read at any time)?
bool isStandardStream(SymbolRef Sym) {
  const MemRegion *R = nullptr;
  if (const auto *RV = dyn_cast<SymbolRegionValue>(Sym))
    R = RV->getRegion();
  else if (const auto *D = dyn_cast<SymbolDerived>(Sym))
    R = D->getRegion();
  const auto *VR = R ? dyn_cast<VarRegion>(R->getBaseRegion()) : nullptr;
  if (!VR || VR != R)
    return false;
  const VarDecl *VD = VR->getDecl();
  if (!VD->hasGlobalStorage() || !VD->getIdentifier() ||
      !VD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  return llvm::is_contained({"stdin", "stdout", "stderr"}, VD->getName());
}

/// Does assuming \p Cond to be \p Assumption mean that a stream fresh
/// from fopen (or popen, fdopen, tmpfile...) equals stdin, stdout or
/// stderr? Sees through `(a == b) != 0`.
bool meansFreshIsStandard(ProgramStateRef State, SymbolRef Cond,
                          bool Assumption) {
  if (const auto *SS = dyn_cast<SymSymExpr>(Cond)) {
    BinaryOperatorKind Op = SS->getOpcode();
    if (Op != BO_EQ && Op != BO_NE)
      return false;
    SymbolRef L = SS->getLHS(), R = SS->getRHS();
    bool Mixed = (isAcquiredStream(State, L) && isStandardStream(R)) ||
                 (isStandardStream(L) && isAcquiredStream(State, R));
    return Mixed && Assumption == (Op == BO_EQ);
  }
  if (const auto *SI = dyn_cast<SymIntExpr>(Cond)) {
    BinaryOperatorKind Op = SI->getOpcode();
    if ((Op != BO_EQ && Op != BO_NE) || SI->getRHS() != 0)
      return false;
    return meansFreshIsStandard(State, SI->getLHS(),
                                Op == BO_NE ? Assumption : !Assumption);
  }
  return false;
}

ProgramStateRef HandleChecker::evalAssume(ProgramStateRef State, SVal Cond,
                                          bool Assumption) const {
  // `if (in != stdin) fclose(in)`, `f == stderr`: a stream the code opened
  // is never a standard stream, so the other branch is infeasible.
  SymbolRef Sym = Cond.getAsSymbol();
  if (Sym && meansFreshIsStandard(State, Sym, Assumption))
    return nullptr;
  return State;
}

/// How a handle is lost: the wordings of a leak report.
enum class LeakKind { OnAPath, EachIteration, HandedToWork, KeptByWork };

/// A leak report whose equivalence class is its acquisition site and the
/// kind of loss: an acquisition lost on several paths is one finding
/// (shown on its shortest path) whether or not its message names the line
/// of the acquisition; lost before the next iteration of a loop and on a
/// path out of the function are two, fixed in two places. (The stock
/// profile uses the exact wording.)
class LeakReport : public PathSensitiveBugReport {
public:
  LeakReport(const BugType &BT, llvm::StringRef Desc, const ExplodedNode *N,
             PathDiagnosticLocation Site, const Decl *SiteDecl, LeakKind K)
      : PathSensitiveBugReport(BT, Desc, N, Site, SiteDecl), Kind(K) {}
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    PathDiagnosticLocation Site = getUniqueingLocation();
    if (!Site.isValid()) {
      PathSensitiveBugReport::Profile(ID);
      return;
    }
    ID.AddPointer(&getBugType());
    Site.Profile(ID);
    ID.AddPointer(getUniqueingDecl());
    ID.AddInteger(static_cast<int>(Kind));
  }

private:
  LeakKind Kind;
};

/// The node where \p Sym first appears in the handle map: the acquire.
const ExplodedNode *acquireNode(const ExplodedNode *N, SymbolRef Sym) {
  const ExplodedNode *Found = nullptr;
  for (; N; N = N->getFirstPred()) {
    if (!N->getState()->get<HandleMap>(Sym))
      break;
    Found = N;
  }
  return Found;
}

void HandleChecker::reportKeptByWork(llvm::ArrayRef<KeptByWork> Kept,
                                     const tether::model::SpawnApi *Api,
                                     CheckerContext &C,
                                     ProgramStateRef State) const {
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  const SourceManager &SM = C.getSourceManager();
  for (const KeptByWork &K : Kept) {
    std::string Noun = tether::model::familyNoun(K.HS.family()).str();
    std::string Work = tether::model::workNoun(Api->Kind).str();
    std::string Msg =
        Noun + " opened by '" + K.HS.acquirer().str() + "' is handed to a " +
        Work + " started by '" + tether::model::displayName(*Api).str() +
        "' that does not close it on every path: it returns on line " +
        std::to_string(K.Line) + " still holding it; call '" +
        tether::model::releaseFunction(K.HS.family()).str() + "' there too";
    const ExplodedNode *Acq = acquireNode(N, K.Sym);
    PathDiagnosticLocation Unique;
    const Decl *UniqueDecl = nullptr;
    if (Acq && K.HS.site()) {
      Unique = PathDiagnosticLocation::createBegin(K.HS.site(), SM,
                                                   Acq->getLocationContext());
      UniqueDecl = Acq->getLocationContext()->getDecl();
    }
    auto R = std::make_unique<LeakReport>(*LeakBT, Msg, N, Unique, UniqueDecl,
                                          LeakKind::KeptByWork);
    R->markInteresting(K.Sym);
    C.emitReport(std::move(R));
  }
}

void HandleChecker::reportLeaks(llvm::ArrayRef<SymbolRef> Leaked,
                                CheckerContext &C, ProgramStateRef State,
                                ProgramStateRef Cleaned) const {
  ExplodedNode *N = LeakEnabled ? C.generateNonFatalErrorNode(State) : nullptr;
  if (!N) {
    C.addTransition(Cleaned, C.getPredecessor());
    return;
  }
  // Where the handle is lost: the statement whose evaluation purged it.
  const Stmt *Here = nullptr;
  if (auto SP = N->getLocation().getAs<StmtPoint>())
    Here = SP->getStmt();
  struct Leak {
    SymbolRef Sym;
    const HandleState *HS;
    const LocationContext *AcqLC;
    std::string Opened, Rest; // the message, before and after the line
    LeakKind Kind;
  };
  llvm::SmallVector<Leak, 2> Leaks;
  for (SymbolRef Sym : Leaked) {
    const HandleState *HS = State->get<HandleMap>(Sym);
    if (!HS)
      continue;
    std::string Noun = tether::model::familyNoun(HS->family()).str();
    std::string Release = tether::model::releaseFunction(HS->family()).str();
    const ExplodedNode *Acq = acquireNode(N, Sym);
    const LocationContext *AcqLC = Acq ? Acq->getLocationContext() : nullptr;
    const Stmt *Loop = enclosingLoop(HS->site(), AcqLC);
    bool EachIteration = Loop && AcqLC == C.getLocationContext() &&
                         isWithin(Here, Loop, AcqLC) &&
                         !leavesLoop(Here, Loop, AcqLC);
    std::string Opened = Noun + " opened by '" + HS->acquirer().str() + "'";
    std::string Rest =
        HS->kind() == HandleState::Handed
            ? " is handed to a " +
                  tether::model::workNoun(HS->spawn()->Kind).str() +
                  " started by '" +
                  tether::model::displayName(*HS->spawn()).str() +
                  "' that never closes it; call '" + Release + "' in the " +
                  tether::model::workNoun(HS->spawn()->Kind).str() +
                  ", or keep the " + Noun + " and close it here"
        : EachIteration
            ? " in a loop is not closed before the next iteration; each "
              "iteration leaks one " + Noun + "; call '" + Release +
                  "' before the iteration ends"
            : " is not closed on this path; call '" + Release +
                  "' before the last reference to it is lost";
    LeakKind Kind = HS->kind() == HandleState::Handed ? LeakKind::HandedToWork
                    : EachIteration ? LeakKind::EachIteration
                                    : LeakKind::OnAPath;
    Leaks.push_back({Sym, HS, Acq ? AcqLC : nullptr, Opened, Rest, Kind});
  }

  // Handles from different acquisitions lost at one statement with the
  // same words would read as one finding (clang-tidy keeps one diagnostic
  // per location and text): those messages name the line of their
  // acquisition. The choice is remembered, so that every path reporting
  // one acquisition there words it the same way.
  auto &Seen = LeakWording[{C.getLocationContext()->getDecl(), Here}];
  auto Wording = [&](const Leak &L) -> bool {
    std::string Text = L.Opened + L.Rest;
    for (const LeakWordingEntry &E : Seen)
      if (E.Site == L.HS->site() && E.Text == Text)
        return E.WithLine;
    bool WithLine = false;
    for (const LeakWordingEntry &E : Seen)
      WithLine |= E.Site != L.HS->site() && E.Text == Text;
    for (const Leak &Other : Leaks)
      WithLine |= Other.HS->site() != L.HS->site() &&
                  Other.Opened + Other.Rest == Text;
    Seen.push_back({L.HS->site(), Text, WithLine});
    return WithLine;
  };
  llvm::SmallVector<bool, 2> WithLine;
  for (const Leak &L : Leaks)
    WithLine.push_back(Wording(L));

  const SourceManager &SM = C.getSourceManager();
  for (auto [L, Line] : llvm::zip(Leaks, WithLine)) {
    std::string Msg = L.Opened;
    if (Line && L.HS->site())
      Msg += " on line " +
             std::to_string(SM.getExpansionLineNumber(L.HS->site()->getBeginLoc()));
    Msg += L.Rest;
    PathDiagnosticLocation Unique;
    const Decl *UniqueDecl = nullptr;
    if (L.AcqLC && L.HS->site()) {
      Unique = PathDiagnosticLocation::createBegin(L.HS->site(), SM, L.AcqLC);
      UniqueDecl = L.AcqLC->getDecl();
    }
    auto R = std::make_unique<LeakReport>(*LeakBT, Msg, N, Unique, UniqueDecl,
                                          L.Kind);
    R->markInteresting(L.Sym);
    C.emitReport(std::move(R));
  }
  C.addTransition(Cleaned, N);
}

} // namespace

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

namespace {

constexpr llvm::StringLiteral ModelingName = "tether.HandleModeling";
constexpr llvm::StringLiteral LeakName = "tether.HandleLeak";
constexpr llvm::StringLiteral MisuseName = "tether.HandleMisuse";
constexpr llvm::StringLiteral Category = "Tether resource leaks";

void registerModeling(CheckerManager &Mgr) {
  auto *Checker = Mgr.registerChecker<HandleChecker>();
  Checker->Model = std::make_unique<tether::model::ApiModel>(
      tether::analyzer::readModelOptions(Mgr.getAnalyzerOptions()));
}

void registerLeak(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<HandleChecker>();
  Checker->LeakEnabled = true;
  Checker->LeakBT = std::make_unique<BugType>(
      Mgr.getCurrentCheckerName(), "Handle leak", Category,
      /*SuppressOnSink=*/true);
}

void registerMisuse(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<HandleChecker>();
  Checker->MisuseEnabled = true;
  CheckerNameRef Name = Mgr.getCurrentCheckerName();
  Checker->DoubleReleaseBT =
      std::make_unique<BugType>(Name, "Handle closed twice", Category);
  Checker->UseAfterReleaseBT =
      std::make_unique<BugType>(Name, "Handle used after close", Category);
  Checker->WrongReleaseBT =
      std::make_unique<BugType>(Name, "Handle closed the wrong way", Category);
}

bool alwaysRegister(const CheckerManager &) { return true; }

} // namespace

namespace tether::analyzer {

void registerHandleCheckers(CheckerRegistry &Registry) {
  Registry.addChecker(registerModeling, alwaysRegister, ModelingName,
                      "Models file streams, descriptors and directory streams",
                      "", /*IsHidden=*/true);
  Registry.addChecker(registerLeak, alwaysRegister, LeakName,
                      "Finds handles not closed on some path",
                      "docs/checks/tether-handle-leak.md", /*IsHidden=*/false);
  Registry.addChecker(registerMisuse, alwaysRegister, MisuseName,
                      "Finds handles closed twice, used after close or closed "
                      "the wrong way",
                      "docs/checks/tether-handle-misuse.md",
                      /*IsHidden=*/false);
  Registry.addDependency(LeakName, ModelingName);
  Registry.addDependency(MisuseName, ModelingName);
}

} // namespace tether::analyzer
