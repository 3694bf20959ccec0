//===- ChannelChecker.cpp - tether.UnreceivedSend / UnsentReceive --------===//
//
// Follows each channel the analysed function owns (a local channel object,
// a local smart or raw pointer to one, a libdill handle pair) along the
// spawner's paths and counts, per path:
//
//   pending senders    spawned work that blocks on a send on every path
//                      through its body (WorkerSummary), minus the values
//                      the spawner has received;
//   pending receivers  spawned work that blocks on a receive, minus the
//                      values the spawner has sent; and work that receives
//                      until the channel is closed.
//
// When the spawner loses the channel (its scope ends, the function returns,
// the pointer is reset or freed) with more pending senders than the channel
// holds, and nothing else can receive or has closed it, the senders are
// stranded: tether.UnreceivedSend reports at the worker's send, with the
// path through the spawn and the branch where the spawner gave up. The
// mirror case is tether.UnsentReceive.
//
// The channel is let go (no report) when it is passed to a function the
// analysis does not see, stored outside the frame, returned, or given to
// other spawned work that may receive (or send) on it.
//
// User documentation: docs/checks/tether-unreceived-send.md,
// docs/checks/tether-unsent-receive.md; semantics: docs/api-model.md.
//
//===----------------------------------------------------------------------===//

#include "analyzer/CheckerSupport.h"
#include "analyzer/WorkerSummary.h"

#include "model/ApiModel.h"
#include "model/ChannelModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/LoopUnrolling.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::ento;
using tether::analyzer::ChannelUse;
using tether::model::Blocking;
using tether::model::ChannelLibrary;
using tether::model::ChannelModel;
using tether::model::ChannelOpKind;
using tether::model::SuccessResult;

namespace {

/// What one path knows about one channel the spawner owns.
struct ChannelState {
  const ChannelLibrary *Lib = nullptr;
  /// Values it holds before a send blocks; ~0 unbounded; Unknown if the
  /// source does not tell.
  uint64_t Capacity = 0;
  bool CapacityKnown = false;

  unsigned Senders = 0;      // blocked or about to block, not yet received
  unsigned TotalSenders = 0; // started on this path
  unsigned Received = 0;     // by the spawner
  unsigned Receivers = 0;    // waiting for a value, not yet sent to
  unsigned Sent = 0;         // by the spawner
  bool ReceiverNeedsClose = false;
  bool Closed = false;
  bool OtherReceiver = false; // other work may receive or close
  bool OtherSender = false;   // other work may send or close
  bool Escaped = false;
  bool Inexact = false;       // senders started in a loop of unknown count
  bool LocalObject = false;   // the channel object is a local variable
  bool ReceivedInLoop = false; // by the spawner, in a loop of unknown count
  bool ReceiversInexact = false; // receivers started in such a loop
  bool MultiValue = false;     // a sender sends more than one value
  bool OtherCloser = false;    // other work may close it
  unsigned TotalReceivers = 0; // values awaited by receivers started here
  unsigned ReceiverWorks = 0;  // receivers started on this path

  const Expr *SendSite = nullptr, *ReceiveSite = nullptr;
  const Stmt *SenderSpawn = nullptr, *ReceiverSpawn = nullptr;
  const tether::model::SpawnApi *SenderApi = nullptr, *ReceiverApi = nullptr;
  llvm::StringRef SendName, ReceiveName;
  const ValueDecl *Var = nullptr; // the spawner's name for it

  bool operator==(const ChannelState &O) const {
    return Lib == O.Lib && Capacity == O.Capacity &&
           CapacityKnown == O.CapacityKnown && Senders == O.Senders &&
           TotalSenders == O.TotalSenders && Received == O.Received &&
           Receivers == O.Receivers && Sent == O.Sent &&
           ReceiverNeedsClose == O.ReceiverNeedsClose && Closed == O.Closed &&
           OtherReceiver == O.OtherReceiver && OtherSender == O.OtherSender &&
           Escaped == O.Escaped && Inexact == O.Inexact &&
           LocalObject == O.LocalObject && ReceivedInLoop == O.ReceivedInLoop &&
           ReceiversInexact == O.ReceiversInexact &&
           MultiValue == O.MultiValue && OtherCloser == O.OtherCloser &&
           TotalReceivers == O.TotalReceivers &&
           ReceiverWorks == O.ReceiverWorks &&
           SendSite == O.SendSite && ReceiveSite == O.ReceiveSite &&
           SenderSpawn == O.SenderSpawn && ReceiverSpawn == O.ReceiverSpawn &&
           Var == O.Var;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Lib);
    ID.AddInteger(Capacity);
    ID.AddInteger(Senders | (TotalSenders << 8) | (uint64_t(Received) << 16) |
                  (uint64_t(Receivers) << 24) | (uint64_t(Sent) << 32));
    ID.AddInteger(CapacityKnown | ReceiverNeedsClose << 1 | Closed << 2 |
                  OtherReceiver << 3 | OtherSender << 4 | Escaped << 5 |
                  Inexact << 6 | LocalObject << 7 | ReceivedInLoop << 8 |
                  ReceiversInexact << 9 | MultiValue << 10 | OtherCloser << 11);
    ID.AddInteger(TotalReceivers | uint64_t(ReceiverWorks) << 32);
    ID.AddPointer(SendSite);
    ID.AddPointer(ReceiveSite);
    ID.AddPointer(SenderSpawn);
    ID.AddPointer(ReceiverSpawn);
    ID.AddPointer(Var);
  }
  bool isLetGo() const { return Escaped; }
};

} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(ChannelMap, const MemRegion *, ChannelState)
/// The object a tracked smart pointer points to (`*sp`, `sp.get()`,
/// `sp.operator->()` give an opaque region when the library is not
/// inlined), mapped to the smart pointer's key.
REGISTER_MAP_WITH_PROGRAMSTATE(ChannelAlias, const MemRegion *, const MemRegion *)
/// Copies of a tracked smart pointer (a local `auto in = ch;`, a by-value
/// parameter of an inlined helper, a member of a local guard object),
/// mapped to the key of the channel they share. A copy is not an owner of
/// its own: the channel is lost when its key is, and let go if a copy is
/// still alive then.
REGISTER_MAP_WITH_PROGRAMSTATE(ChannelCopy, const MemRegion *, const MemRegion *)

namespace {

/// Puts the report's primary location on the worker's blocked operation:
/// the path ends where the spawner gives up, the warning points at the
/// operation that then waits forever.
class BlockedOperationVisitor : public BugReporterVisitor {
public:
  explicit BlockedOperationVisitor(const Stmt *Site) : Site(Site) {}
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    ID.AddPointer(Site);
  }
  PathDiagnosticPieceRef VisitNode(const ExplodedNode *, BugReporterContext &,
                                   PathSensitiveBugReport &) override {
    return nullptr;
  }
  PathDiagnosticPieceRef getEndPath(BugReporterContext &BRC,
                                    const ExplodedNode *N,
                                    PathSensitiveBugReport &BR) override {
    PathDiagnosticLocation L = PathDiagnosticLocation::createBegin(
        Site, BRC.getSourceManager(), N->getLocationContext());
    auto P = std::make_shared<PathDiagnosticEventPiece>(L, BR.getDescription(),
                                                        false);
    P->addRange(Site->getSourceRange());
    return P;
  }

private:
  const Stmt *Site;
};

class ChannelChecker
    : public Checker<eval::Call, check::PreCall, check::PostCall,
                     check::EndFunction, check::PostStmt<LambdaExpr>,
                     check::PostStmt<DeclStmt>, check::PreStmt<ReturnStmt>,
                     check::Bind> {
public:
  bool SendEnabled = false, ReceiveEnabled = false;
  std::unique_ptr<BugType> SendBT, ReceiveBT;
  std::unique_ptr<tether::model::ApiModel> Model;

  bool evalCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void checkPostStmt(const LambdaExpr *Lambda, CheckerContext &C) const;
  /// A local channel (or smart pointer to a new one) is tracked from its
  /// declaration on, so that what happens to it before any work is started
  /// (stored in a container, bound in a guard) is seen.
  void checkPostStmt(const DeclStmt *DS, CheckerContext &C) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  /// The analyzer ends a path at a throw without telling checkers; the
  /// exception object's construction (the last call before it) does.
  void handleThrow(const CXXThrowExpr *TE, CheckerContext &C) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const;

private:
  const ChannelModel &channels() const { return Model->channels(); }
  /// \p Call as a channel operation (nullopt for calls without argument
  /// expressions, such as allocator calls).
  std::optional<tether::model::ChannelOpSite>
  classifyCall(const CallEvent &Call) const;

  /// The region that identifies the channel \p E denotes in the current
  /// frame: the channel object's variable, or the variable holding the
  /// (smart) pointer or handle pair. Null if the frame does not own it.
  const MemRegion *keyOf(const Expr *E, CheckerContext &C) const;
  const MemRegion *keyOfDecl(const ValueDecl *D, CheckerContext &C) const;
  /// Starts tracking the channel \p D names, keyed by \p Key, if the frame
  /// owns it (a local, not a parameter or a member).
  ProgramStateRef track(ProgramStateRef State, const MemRegion *Key,
                        const ValueDecl *D, CheckerContext &C) const;

  bool insideChannelImplementation(CheckerContext &C) const;
  void handleOperation(const CallEvent &Call,
                       const tether::model::ChannelOpSite &Site,
                       CheckerContext &C, bool Evaluating) const;
  bool handleRangeCondition(const CallEvent &Call, CheckerContext &C) const;
  /// What starting \p Site (whose callable may be \p Lambda) does to the
  /// channels of \p State; the note tag is null when nothing changed.
  std::pair<ProgramStateRef, const NoteTag *>
  handleSpawn(const tether::model::SpawnSite &Site, const LambdaExpr *Lambda,
              CheckerContext &C, ProgramStateRef State) const;
  void spawn(const tether::model::SpawnSite &Site, const LambdaExpr *Lambda,
             CheckerContext &C) const {
    auto [State, Tag] = handleSpawn(Site, Lambda, C, C.getState());
    if (State != C.getState() || Tag)
      C.addTransition(State, Tag);
  }
  /// The spawner loses \p Key: report stranded work, forget the channel.
  ProgramStateRef lose(ProgramStateRef State, const MemRegion *Key,
                       CheckerContext &C, llvm::StringRef How,
                       ExplodedNode *&Pred, bool CanNote = true) const;
  ProgramStateRef letGo(ProgramStateRef State, const MemRegion *Key) const;
  /// What becomes of the object that holds the work \p Spawn started in
  /// \p Spawner, when the spawner gives up: joined (explicitly, or by a
  /// joining destructor such as std::jthread's), or destroyed while
  /// joinable (std::terminate). Null Holder when detached or unknown.
  struct HolderFate {
    const VarDecl *Holder = nullptr;
    bool Joins = false, Terminates = false;
  };
  HolderFate holderFate(const Stmt *Spawn, const Decl *Spawner) const;
  /// The key of the channel \p R (an object, a smart pointer, a copy of
  /// one, or what `*sp`/`sp.get()` returned) belongs to, or null.
  const MemRegion *resolve(ProgramStateRef State, const MemRegion *R) const;
  /// Records or forgets smart pointer copies made by the constructor or
  /// assignment \p Call; true if it handled the call.
  bool handleCopy(const CallEvent &Call, CheckerContext &C) const;
  void letGoArguments(const CallEvent &Call, CheckerContext &C) const;

  /// Does \p Fn receive from (send on) \p Var inside a loop (other than a
  /// range-for over the channel)?
  bool opsInLoop(const Decl *Fn, const ValueDecl *Var, ChannelOpKind Kind) const;

  mutable llvm::DenseSet<std::pair<const Stmt *, const Decl *>> Reported;
  /// Worker summaries by body (and number of roots: a function's
  /// parameters that receive arguments).
  mutable llvm::DenseMap<std::pair<const Stmt *, size_t>, std::vector<ChannelUse>>
      Summaries;
};

bool isLibdillGoCall(const CallExpr *Call, const ParentMap &PM);

const Decl *frameDecl(CheckerContext &C) {
  return C.getLocationContext()->getStackFrame()->getDecl();
}

/// The name users know the channel by in the spawner.
std::string nameOf(const ChannelState &CS) {
  if (CS.Var && CS.Var->getIdentifier())
    return CS.Var->getName().str();
  return "the channel";
}

using tether::analyzer::functionName;

llvm::StringRef workNoun(const tether::model::SpawnApi *Api) {
  return Api ? tether::model::workNoun(Api->Kind) : "thread";
}

std::string apiName(const tether::model::SpawnApi *Api) {
  return Api ? tether::model::displayName(*Api).str() : "a spawn call";
}

bool isLocalSpace(const MemRegion *R) {
  return R && isa<StackLocalsSpaceRegion>(R->getBaseRegion()->getMemorySpace());
}

const MemRegion *ChannelChecker::keyOfDecl(const ValueDecl *D,
                                           CheckerContext &C) const {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  if (!V)
    return nullptr;
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  const MemRegion *VarR = State->getLValue(V, LC).getAsRegion();
  if (!VarR)
    return nullptr;
  QualType T = V->getType();
  if (T->isReferenceType() || T->isPointerType()) {
    // A reference to, or a raw pointer at, a channel object or handle:
    // follow it; a pointer from chancreate is keyed by the pointer variable.
    const MemRegion *Target =
        State->getSVal(VarR, T->isReferenceType()
                                 ? C.getASTContext().getPointerType(
                                       T.getNonReferenceType())
                                 : T)
            .getAsRegion();
    if (Target)
      Target = Target->StripCasts()->getBaseRegion();
    if (Target && (State->get<ChannelMap>(Target) || isa<VarRegion>(Target)))
      return Target;
    if (T->isReferenceType())
      return Target;
  }
  if (const MemRegion *const *Owner = State->get<ChannelCopy>(VarR))
    return *Owner;
  return VarR->getBaseRegion();
}

const MemRegion *ChannelChecker::resolve(ProgramStateRef State,
                                         const MemRegion *R) const {
  if (!R)
    return nullptr;
  R = R->StripCasts();
  if (const MemRegion *const *Owner = State->get<ChannelCopy>(R))
    return *Owner;
  const MemRegion *Base = R->getBaseRegion();
  if (State->get<ChannelMap>(Base))
    return Base;
  if (const MemRegion *const *Owner = State->get<ChannelAlias>(Base))
    return *Owner;
  return nullptr;
}

const MemRegion *ChannelChecker::keyOf(const Expr *E, CheckerContext &C) const {
  return keyOfDecl(tether::analyzer::channelDecl(E), C);
}

/// Does \p Init make a new channel (a constructor of the channel class,
/// std::make_shared/make_unique, new), rather than copy a handle to one
/// someone else owns?
bool createsChannel(const Expr *Init) {
  for (unsigned Guard = 0; Init && Guard < 8; ++Guard) {
    Init = Init->IgnoreImplicit()->IgnoreParenImpCasts();
    if (isa<CXXNewExpr>(Init))
      return true;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Init)) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      const CXXRecordDecl *RD = Ctor ? Ctor->getParent() : nullptr;
      bool Smart = RD && RD->getIdentifier() &&
                   (RD->getName() == "shared_ptr" ||
                    RD->getName() == "unique_ptr");
      // The channel class's own constructor; an empty smart pointer
      // (assigned later).
      if (!Smart || CE->getNumArgs() == 0)
        return true;
      // A smart pointer from a temporary (elided or converting), or from
      // `new`: made here. From a variable: a copy.
      const Expr *Arg = CE->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
      if (!isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, CallExpr,
               CXXConstructExpr, CXXNewExpr>(Arg))
        return false;
      Init = Arg;
      continue;
    }
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Init)) {
      Init = MTE->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Init)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          (FD->getName() == "make_shared" || FD->getName() == "make_unique" ||
           FD->getName() == "allocate_shared"))
        return true;
      return false;
    }
    return false;
  }
  return false;
}

ProgramStateRef ChannelChecker::track(ProgramStateRef State,
                                      const MemRegion *Key, const ValueDecl *D,
                                      CheckerContext &C) const {
  if (!Key || State->get<ChannelMap>(Key))
    return State;
  // Only what this frame owns: a local variable (the channel itself, or the
  // pointer that owns it).
  const auto *VR = dyn_cast<VarRegion>(Key);
  if (!VR || !isLocalSpace(Key))
    return State;
  const VarDecl *V = VR->getDecl();
  if (V->isStaticLocal() || isa<ParmVarDecl>(V))
    return State;
  const ChannelLibrary *Lib = channels().channelType(V->getType());
  // A smart pointer initialised as a copy of another owns nothing of its
  // own: someone else holds the channel too.
  if (Lib && V->getInit() && !V->getType()->isPointerType() &&
      !channels().channelClass(V->getType()->getAsCXXRecordDecl()) &&
      !createsChannel(V->getInit()))
    return State;
  ChannelState CS;
  // The name of the owner (the channel object, not a pointer at it).
  CS.Var = V->getIdentifier() ? V : D;
  if (Lib) {
    CS.Lib = Lib;
    std::optional<uint64_t> Cap = channels().capacityOf(
        *Lib, V->getInit(), V->getType(), C.getASTContext());
    CS.CapacityKnown = Cap.has_value();
    CS.Capacity = Cap.value_or(0);
    CS.LocalObject = channels().channelClass(V->getType()->getAsCXXRecordDecl());
    // A raw pointer's target is owned only if this frame created it.
    if (V->getType()->isPointerType()) {
      const Expr *Init = V->getInit();
      const auto *Call =
          Init ? dyn_cast<CallExpr>(Init->IgnoreParenImpCasts()) : nullptr;
      auto Site = Call ? channels().classify(Call) : std::nullopt;
      if (!Site || Site->Op.Kind != ChannelOpKind::Create)
        return State;
    }
  } else {
    return State; // libdill pairs are tracked from chmake
  }
  return State->set<ChannelMap>(Key, CS);
}

bool ChannelChecker::insideChannelImplementation(CheckerContext &C) const {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(frameDecl(C));
  for (const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr; RD;
       RD = dyn_cast<CXXRecordDecl>(RD->getDeclContext()))
    if (channels().channelClass(RD))
      return true;
  return false;
}

ProgramStateRef ChannelChecker::letGo(ProgramStateRef State,
                                      const MemRegion *Key) const {
  const ChannelState *CS = Key ? State->get<ChannelMap>(Key) : nullptr;
  if (!CS || CS->Escaped)
    return State;
  ChannelState Next = *CS;
  Next.Escaped = true;
  return State->set<ChannelMap>(Key, Next);
}

/// The value of the enumerator \p Name of \p T, an enum.
std::optional<int64_t> enumerator(QualType T, llvm::StringRef Name) {
  const auto *ET = T->getAs<EnumType>();
  if (!ET)
    return std::nullopt;
  for (const EnumConstantDecl *E : ET->getDecl()->enumerators())
    if (E->getName() == Name)
      return E->getInitVal().getSExtValue();
  return std::nullopt;
}

/// Splits the path on whether a timed or non-blocking operation went
/// through, from its result. Returns {done, not done}; on an open channel
/// "not done" is the timeout (timed) or the empty/full result (try_).
std::pair<ProgramStateRef, ProgramStateRef>
splitOnSuccess(ProgramStateRef State, const CallEvent &Call, SVal Result,
               SuccessResult How, Blocking Block, bool IsReceive,
               CheckerContext &C) {
  SValBuilder &SVB = C.getSValBuilder();
  QualType T = Call.getResultType();
  std::optional<int64_t> Success, Failure;
  switch (How) {
  case SuccessResult::None:
    return {State, nullptr};
  case SuccessResult::OpStatus:
    Success = enumerator(T, "success");
    Failure = enumerator(T, Block == Blocking::Timed ? "timeout"
                            : IsReceive            ? "empty"
                                                   : "full");
    break;
  case SuccessResult::True:
  case SuccessResult::One:
    Success = 1;
    Failure = 0;
    break;
  case SuccessResult::Zero:
    Success = 0;
    break;
  }
  if (!Success)
    return {State, State};
  auto Is = [&](ProgramStateRef S, int64_t V) {
    SVal Eq = SVB.evalEQ(S, Result, SVB.makeIntVal(V, T));
    auto Cond = Eq.getAs<DefinedOrUnknownSVal>();
    return Cond ? S->assume(*Cond) : std::make_pair(S, S);
  };
  auto [Done, NotDone] = Is(State, *Success);
  if (NotDone && Failure)
    NotDone = Is(NotDone, *Failure).first;
  return {Done, NotDone};
}

void ChannelChecker::handleOperation(const CallEvent &Call,
                                     const tether::model::ChannelOpSite &Site,
                                     CheckerContext &C, bool Evaluating) const {
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  const Expr *Origin = Call.getOriginExpr();
  SVal Result = UnknownVal();
  if (Evaluating) {
    // Evaluate the call like an opaque library call: arguments (out
    // parameters) and the object are invalidated, the result is fresh.
    State = Call.invalidateRegions(C.blockCount(), State);
    QualType RT = Call.getResultType();
    if (RT->isReferenceType()) {
      // msd's `ch << v` returns the channel.
      Result = Site.Op.ChannelArg >= 0 ? Call.getArgSVal(Site.Op.ChannelArg)
                                       : UnknownVal();
      if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call);
          IC && Site.Op.ChannelArg < 0)
        Result = IC->getCXXThisVal();
    } else if (!RT->isVoidType()) {
      Result = C.getSValBuilder().conjureSymbolVal(nullptr, Origin, LC, RT,
                                                   C.blockCount());
    }
    if (Origin && !RT->isVoidType())
      State = State->BindExpr(Origin, LC, Result);
  } else {
    Result = Call.getReturnValue();
  }

  if (insideChannelImplementation(C)) {
    C.addTransition(State);
    return;
  }

  // libdill: chmake fills a pair of handles: track the array.
  if (Site.Op.Kind == ChannelOpKind::Create && Site.Op.FillsPair) {
    const ValueDecl *D = tether::analyzer::channelDecl(
        Call.getArgExpr(Site.Op.ChannelArg));
    const MemRegion *Key = keyOfDecl(D, C);
    if (Key && isLocalSpace(Key) && isa<VarRegion>(Key)) {
      auto [Ok, Failed] =
          splitOnSuccess(State, Call, Result, SuccessResult::Zero,
                         Blocking::Never, false, C);
      if (Ok) {
        ChannelState CS;
        CS.Lib = Site.Library;
        CS.CapacityKnown = true;
        CS.Capacity = 0;
        CS.Var = D;
        C.addTransition(Ok->set<ChannelMap>(Key, CS));
      }
      if (Failed)
        C.addTransition(Failed);
      return;
    }
    C.addTransition(State);
    return;
  }

  // The channel the call acts on: its object or argument value first (a
  // helper the analyzer inlines reaches the spawner's channel through a
  // parameter), else the variable the expression names.
  const MemRegion *Key = nullptr;
  {
    SVal Operand = UnknownVal();
    if (Site.Op.ChannelArg < 0) {
      if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call))
        Operand = IC->getCXXThisVal();
    } else if (unsigned(Site.Op.ChannelArg) < Call.getNumArgs()) {
      Operand = Call.getArgSVal(Site.Op.ChannelArg);
    }
    Key = resolve(State, Operand.getAsRegion());
  }
  const ValueDecl *D = tether::analyzer::channelDecl(Site.Channel);
  if (!Key) {
    Key = keyOfDecl(D, C);
    State = track(State, Key, D, C);
  }
  const ChannelState *Found = Key ? State->get<ChannelMap>(Key) : nullptr;
  if (!Found) {
    C.addTransition(State);
    return;
  }
  ChannelState CS = *Found;
  std::string Name = nameOf(CS);
  std::string Op = Site.Name.str();

  bool Blocks = Site.Op.Block == Blocking::Forever;
  if (Blocks && Site.Op.DeadlineArg >= 0) {
    auto Deadline = Call.getArgSVal(Site.Op.DeadlineArg).getAs<nonloc::ConcreteInt>();
    Blocks = Deadline && Deadline->getValue() == -1;
  }

  switch (Site.Op.Kind) {
  case ChannelOpKind::Receive:
  case ChannelOpKind::Send: {
    bool IsReceive = Site.Op.Kind == ChannelOpKind::Receive;
    bool InUnknownLoop = false;
    if (Origin) {
      const ParentMap &PM = LC->getParentMap();
      for (const Stmt *P = PM.getParent(Origin); P; P = PM.getParent(P))
        if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P)) {
          InUnknownLoop = !isUnrolledState(State);
          break;
        }
    }
    auto Apply = [&](ChannelState Next) {
      if (IsReceive)
        Next.ReceivedInLoop |= InUnknownLoop;
      if (IsReceive) {
        ++Next.Received;
        if (Next.Senders)
          --Next.Senders;
      } else {
        ++Next.Sent;
        if (Next.Receivers)
          --Next.Receivers;
      }
      return Next;
    };
    const MemRegion *K = Key;
    auto Note = [K](std::string Text) {
      return [K, Text](PathSensitiveBugReport &BR) -> std::string {
        return BR.isInteresting(K) ? Text : "";
      };
    };
    ChannelState Done = Apply(CS);
    std::string DoneText =
        IsReceive ? "'" + Op + "' receives one value from '" + Name + "' (" +
                        std::to_string(Done.Senders) +
                        (Done.Senders == 1 ? " value" : " values") +
                        " still pending)"
                  : "'" + Op + "' sends one value on '" + Name + "'";
    if (Blocks || Site.Op.Success == SuccessResult::None) {
      // A blocking operation (or one that cannot report failure): when
      // the path goes on, it went through. A blocking receive that returns
      // `closed` only happens after a close, which the path tracks.
      C.addTransition(State->set<ChannelMap>(Key, Done),
                      C.getNoteTag(Note(DoneText)));
      return;
    }
    auto [Ok, NotDone] = splitOnSuccess(State, Call, Result, Site.Op.Success,
                                        Site.Op.Block, IsReceive, C);
    // A non-blocking send into a buffer that cannot be full yet (fewer
    // values put in on this path than it holds, no other sender) goes
    // through: `try_push` into a fresh buffered_channel(4).
    if (!IsReceive && Site.Op.Block == Blocking::Never && Ok && NotDone &&
        !CS.Closed && !CS.OtherSender && CS.CapacityKnown &&
        CS.Capacity != ChannelModel::UnboundedCapacity &&
        uint64_t(CS.Sent) + CS.TotalSenders < CS.Capacity)
      NotDone = nullptr;
    if (Ok)
      C.addTransition(Ok->set<ChannelMap>(Key, Done),
                      C.getNoteTag(Note("assuming " + DoneText)));
    if (NotDone) {
      bool Timed = Site.Op.Block == Blocking::Timed ||
                   (Site.Op.DeadlineArg >= 0 && !Blocks);
      std::string Text =
          Timed
              ? "assuming '" + Op + "' times out; '" + Name + "' still has " +
                    std::to_string(IsReceive ? CS.Senders : CS.Receivers) +
                    (IsReceive ? " pending value(s)" : " waiting receiver(s)")
              : "assuming '" + Op + "' finds nothing to " +
                    (IsReceive ? "receive" : "send to");
      C.addTransition(NotDone, C.getNoteTag(Note(Text)));
    }
    return;
  }
  case ChannelOpKind::Close: {
    CS.Closed = true;
    const MemRegion *K = Key;
    std::string Text = "'" + Name + "' is closed here";
    C.addTransition(State->set<ChannelMap>(Key, CS),
                    C.getNoteTag([K, Text](PathSensitiveBugReport &BR) {
                      return BR.isInteresting(K) ? Text : std::string();
                    }));
    return;
  }
  case ChannelOpKind::Destroy: {
    ExplodedNode *Pred = C.getPredecessor();
    State = lose(State, Key, C, "'" + Op + "' destroys '" + Name + "'", Pred);
    C.addTransition(State, Pred);
    return;
  }
  case ChannelOpKind::Create:
    C.addTransition(State);
    return;
  }
}

/// `for (auto v : ch)`: is \p Call the loop's `__begin != __end`? Each time
/// it is true the loop received a value; false means the channel was closed
/// and drained.
bool ChannelChecker::handleRangeCondition(const CallEvent &Call,
                                          CheckerContext &C) const {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call.getOriginExpr());
  if (!Op || Op->getOperator() != OO_ExclaimEqual)
    return false;
  const ParentMap &PM = C.getLocationContext()->getParentMap();
  const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<CXXOperatorCallExpr *>(Op));
  const auto *FR = dyn_cast_or_null<CXXForRangeStmt>(P);
  if (!FR || FR->getCond() != Op)
    return false;
  if (!channels().channelType(FR->getRangeInit()->getType()))
    return false;
  ProgramStateRef State = C.getState();
  const LocationContext *LC = C.getLocationContext();
  SValBuilder &SVB = C.getSValBuilder();
  DefinedOrUnknownSVal More = SVB.conjureSymbolVal(
      nullptr, Op, LC, Call.getResultType(), C.blockCount());
  State = State->BindExpr(Op, LC, More);
  const ValueDecl *D = tether::analyzer::channelDecl(FR->getRangeInit());
  const MemRegion *Key = keyOfDecl(D, C);
  State = track(State, Key, D, C);
  const ChannelState *Found = Key ? State->get<ChannelMap>(Key) : nullptr;
  if (!Found) {
    C.addTransition(State);
    return true;
  }
  auto [Received, Drained] = State->assume(More);
  std::string Name = nameOf(*Found);
  const MemRegion *K = Key;
  if (Received) {
    ChannelState Next = *Found;
    ++Next.Received;
    if (Next.Senders)
      --Next.Senders;
    std::string Text = "the loop receives one value from '" + Name + "' (" +
                       std::to_string(Next.Senders) + " value(s) still pending)";
    C.addTransition(Received->set<ChannelMap>(Key, Next),
                    C.getNoteTag([K, Text](PathSensitiveBugReport &BR) {
                      return BR.isInteresting(K) ? Text : std::string();
                    }));
  }
  if (Drained) {
    // The loop only ends once the channel is closed and empty.
    ChannelState Next = *Found;
    Next.Closed = true;
    Next.Senders = 0;
    C.addTransition(Drained->set<ChannelMap>(Key, Next));
  }
  return true;
}

/// libdill's `go(worker(args))` is a statement expression that calls
/// `worker(args)` right after `dill_prologue` set up a new coroutine: is
/// \p Call that call?
bool isLibdillGoCall(const CallExpr *Call, const ParentMap &PM) {
  // `fn;` is a statement of its own, and not one of libdill's helpers.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || (Callee->getIdentifier() &&
                  Callee->getName().starts_with("dill_")) ||
      !isa_and_nonnull<CompoundStmt>(PM.getParent(Call)))
    return false;
  const Stmt *S = Call;
  for (unsigned Depth = 0; S && Depth < 8; ++Depth) {
    const Stmt *P = PM.getParent(S);
    if (!P)
      return false;
    if (const auto *SE = dyn_cast<StmtExpr>(P)) {
      for (const Stmt *Child : SE->getSubStmt()->body())
        if (const auto *DS = dyn_cast<DeclStmt>(Child))
          for (const Decl *D : DS->decls())
            if (const auto *V = dyn_cast<VarDecl>(D))
              if (const auto *Init = dyn_cast_or_null<CallExpr>(
                      V->getInit() ? V->getInit()->IgnoreParenImpCasts() : nullptr))
                if (const FunctionDecl *FD = Init->getDirectCallee())
                  if (FD->getIdentifier() && FD->getName() == "dill_prologue")
                    return true;
      return false;
    }
    // `fn;` must be a statement of its own inside the expansion.
    if (isa<Expr>(P))
      return false;
    S = P;
  }
  return false;
}

std::optional<tether::model::ChannelOpSite>
ChannelChecker::classifyCall(const CallEvent &Call) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return std::nullopt;
  const Expr *Object = nullptr;
  if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call))
    Object = IC->getCXXThisExpr();
  llvm::SmallVector<const Expr *, 4> Args;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    if (const Expr *A = Call.getArgExpr(I))
      Args.push_back(A);
    else
      return std::nullopt;
  return channels().classify(FD, Object, Args);
}

bool ChannelChecker::evalCall(const CallEvent &Call, CheckerContext &C) const {
  if (!Model)
    return false;
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
      CE && CE->getDirectCallee() &&
      isLibdillGoCall(CE, C.getLocationContext()->getParentMap())) {
    // The coroutine runs concurrently: summarise it, do not inline it.
    static const tether::model::SpawnApi LibdillGo = {
        "go", tether::model::WorkKind::Coroutine,
        tether::model::SpawnForm::Function};
    tether::model::SpawnSite Site;
    Site.Call = CE;
    Site.Api = &LibdillGo;
    Site.Callable = CE->getCallee();
    for (const Expr *Arg : CE->arguments())
      Site.ForwardedArgs.push_back(Arg);
    ProgramStateRef State = Call.invalidateRegions(C.blockCount(), C.getState());
    QualType RT = Call.getResultType();
    if (!RT->isVoidType() && (RT->isScalarType()))
      State = State->BindExpr(CE, C.getLocationContext(),
                              C.getSValBuilder().conjureSymbolVal(
                                  nullptr, CE, C.getLocationContext(), RT,
                                  C.blockCount()));
    auto [Spawned, Tag] = handleSpawn(Site, nullptr, C, State);
    C.addTransition(Spawned, Tag);
    return true;
  }
  if (handleRangeCondition(Call, C))
    return true;
  // Starting a thread or fiber (`boost::fibers::fiber f(work)`) is opaque:
  // the work runs elsewhere, not on the spawner's path. Inlining a library
  // constructor would split the path on its internals, which also stops the
  // analyzer from unrolling the spawning loop.
  if (const auto *CC = dyn_cast<CXXConstructorCall>(&Call)) {
    if (CC->getOriginExpr() && Model->classifySpawn(CC->getOriginExpr())) {
      // The new object's handle fields read as empty (as after detach()),
      // so that its inlined destructor (`if (joinable()) terminate()`,
      // `intrusive_ptr` releases) does not split the path either.
      ProgramStateRef State =
          Call.invalidateRegions(C.blockCount(), C.getState());
      SVal This = CC->getCXXThisVal();
      if (This.getAsRegion())
        State = State->bindDefaultZero(This, C.getLocationContext());
      C.addTransition(State);
      return true;
    }
    return false;
  }
  // Likewise join(), detach(), joinable() of a thread or fiber object.
  if (const auto *MC = dyn_cast<CXXMemberCall>(&Call)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(MC->getDecl());
    QualType RT = Call.getResultType();
    if (MD && Model->spawnClass(MD->getParent()) && MC->getOriginExpr() &&
        (RT->isVoidType() || RT->isScalarType())) {
      // join() and detach() leave the object without a thread (what its
      // destructor checks); other members (joinable, get_id) only read it.
      ProgramStateRef State = C.getState();
      const auto *Origin = dyn_cast<CallExpr>(MC->getOriginExpr());
      if (Origin &&
          (Model->joinedObject(Origin) || Model->detachedObject(Origin)))
        State = State->bindDefaultZero(MC->getCXXThisVal(),
                                       C.getLocationContext());
      SVal Result = C.getSValBuilder().conjureSymbolVal(
          nullptr, MC->getOriginExpr(), C.getLocationContext(), RT,
          C.blockCount());
      // `~fiber() { if (joinable()) std::terminate(); }`: the terminating
      // side is a dead end anyway; not splitting keeps spawning loops
      // unrollable.
      const auto *Caller = dyn_cast_or_null<CXXMethodDecl>(frameDecl(C));
      if (MD->getIdentifier() && MD->getName() == "joinable" && Caller &&
          Model->spawnClass(Caller->getParent()) &&
          (isa<CXXDestructorDecl>(Caller) || Caller->isMoveAssignmentOperator()))
        Result = C.getSValBuilder().makeTruthVal(false, RT);
      if (!RT->isVoidType())
        State = State->BindExpr(MC->getOriginExpr(), C.getLocationContext(),
                                Result);
      C.addTransition(State);
      return true;
    }
  }
  auto Site = classifyCall(Call);
  if (!Site)
    return false;
  QualType RT = Call.getResultType();
  // Operations returning objects (value_pop of a class type) are left to
  // the engine and counted after the call.
  if (!RT->isVoidType() && !RT->isScalarType() && !RT->isReferenceType())
    return false;
  if (!Call.getOriginExpr())
    return false;
  handleOperation(Call, *Site, C, /*Evaluating=*/true);
  return true;
}

void ChannelChecker::checkPostCall(const CallEvent &Call,
                                   CheckerContext &C) const {
  if (!Model)
    return;
  if (const Expr *Origin = Call.getOriginExpr()) {
    const ParentMap &PM = C.getLocationContext()->getParentMap();
    const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<Expr *>(Origin));
    while (P && isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                    CXXFunctionalCastExpr, ExprWithCleanups>(P))
      P = PM.getParentIgnoreParenImpCasts(const_cast<Stmt *>(P));
    if (const auto *TE = dyn_cast_or_null<CXXThrowExpr>(P)) {
      handleThrow(TE, C);
      return;
    }
  }
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I)
    if (!Call.getArgExpr(I))
      return; // an allocator call: no argument expressions
  // `*sp`, `sp.get()`, `sp->` on a tracked smart pointer: remember what
  // they return, so that a helper given `*sp` reaches the channel.
  if (handleCopy(Call, C))
    return;
  if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call)) {
    const MemRegion *This = IC->getCXXThisVal().getAsRegion();
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    const MemRegion *Owner =
        This && MD && !channels().channelClass(MD->getParent())
            ? resolve(C.getState(), This)
            : nullptr;
    if (Owner &&
        (MD->getOverloadedOperator() == OO_Star ||
         MD->getOverloadedOperator() == OO_Arrow ||
         (MD->getIdentifier() && MD->getName() == "get")))
      if (const MemRegion *Target = Call.getReturnValue().getAsRegion()) {
        Target = Target->StripCasts()->getBaseRegion();
        if (Target != This->getBaseRegion() && Target != Owner)
          C.addTransition(C.getState()->set<ChannelAlias>(Target, Owner));
        return;
      }
  }
  if (auto Site = classifyCall(Call)) {
    QualType RT = Call.getResultType();
    if (!RT->isVoidType() && !RT->isScalarType() && !RT->isReferenceType())
      handleOperation(Call, *Site, C, /*Evaluating=*/false);
    return; // the others were evaluated in evalCall
  }
  letGoArguments(Call, C);
}

/// Is \p R a place the spawner's frames own: a local or parameter variable,
/// or a member of one (a guard object)?
bool isFrameObject(const MemRegion *R) {
  for (unsigned Guard = 0; R && Guard < 8; ++Guard) {
    if (isa<VarRegion>(R))
      return isa<StackSpaceRegion>(R->getMemorySpace());
    const auto *FR = dyn_cast<FieldRegion>(R);
    if (!FR)
      return false;
    R = FR->getSuperRegion();
  }
  return false;
}

bool ChannelChecker::handleCopy(const CallEvent &Call,
                                CheckerContext &C) const {
  const auto *CC = dyn_cast<CXXConstructorCall>(&Call);
  const CXXConstructorDecl *Ctor = CC ? CC->getDecl() : nullptr;
  if (!Ctor || !Ctor->isCopyOrMoveConstructor() || Call.getNumArgs() != 1 ||
      channels().channelClass(Ctor->getParent()) ||
      !channels().channelType(
          C.getASTContext().getRecordType(Ctor->getParent())))
    return false;
  ProgramStateRef State = C.getState();
  const MemRegion *Key = resolve(State, Call.getArgSVal(0).getAsRegion());
  const MemRegion *Dest = CC->getCXXThisVal().getAsRegion();
  if (!Key || !Dest)
    return false;
  Dest = Dest->StripCasts();
  if (Dest == Key)
    return true;
  if (isFrameObject(Dest)) {
    // `auto in = ch;`, a by-value parameter, a guard's member: the same
    // channel under another name.
    C.addTransition(State->set<ChannelCopy>(Dest, Key));
    return true;
  }
  const MemSpaceRegion *Space = Dest->getBaseRegion()->getMemorySpace();
  if (!isa<StackSpaceRegion>(Space)) {
    // Stored in a global or on the heap: someone else may use it.
    C.addTransition(letGo(State, Key));
    return true;
  }
  return false; // a temporary: a closure's capture, an argument
}

void ChannelChecker::letGoArguments(const CallEvent &Call,
                                    CheckerContext &C) const {
  // A channel passed to a function the analysis did not follow: it may be
  // received from, closed or kept elsewhere.
  if (C.wasInlined || isa<CXXDestructorCall, CXXConstructorCall>(Call))
    return;
  const Expr *Origin = Call.getOriginExpr();
  if (!Origin || Model->classifySpawn(Origin))
    return;
  if (const auto *CE = dyn_cast<CallExpr>(Origin);
      CE && isLibdillGoCall(CE, C.getLocationContext()->getParentMap()))
    return; // judged as a spawn in evalCall
  if (tether::analyzer::isPassThrough(
          dyn_cast_or_null<FunctionDecl>(Call.getDecl())))
    return;
  ProgramStateRef State = C.getState();
  ProgramStateRef Next = State;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    const Expr *Arg = Call.getArgExpr(I);
    if (!Arg)
      continue;
    // A closure (written there, held in a variable, or wrapped in a
    // std::function) takes its captures along.
    if (const LambdaExpr *L = tether::model::lambdaOf(Arg)) {
      for (const LambdaCapture &Cap : L->captures())
        if (Cap.capturesVariable())
          Next = letGo(Next, keyOfDecl(Cap.getCapturedVar(), C));
      continue;
    }
    Next = letGo(Next, keyOf(Arg, C));
  }
  if (Next != State)
    C.addTransition(Next);
}

void ChannelChecker::checkPreCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  if (tether::analyzer::endFailedTestAssertion(Call, C))
    return;
  if (!Model)
    return;
  ProgramStateRef State = C.getState();
  // The spawner's channel object, or the smart pointer owning it, is
  // destroyed; a smart pointer is reset or reassigned.
  if (const auto *IC = dyn_cast<CXXInstanceCall>(&Call)) {
    const MemRegion *This = IC->getCXXThisVal().getAsRegion();
    // A copy destroyed, reset or reassigned: the channel's other holders
    // still have it.
    if (This && State->get<ChannelCopy>(This->StripCasts())) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call.getDecl());
      if (isa<CXXDestructorCall>(Call) ||
          (MD && ((MD->getIdentifier() &&
                   (MD->getName() == "reset" || MD->getName() == "release")) ||
                  MD->isCopyAssignmentOperator() ||
                  MD->isMoveAssignmentOperator()))) {
        C.addTransition(State->remove<ChannelCopy>(This->StripCasts()));
        return;
      }
    }
    if (This)
      This = This->getBaseRegion();
    if (This && State->get<ChannelMap>(This)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call.getDecl());
      std::string Name = nameOf(*State->get<ChannelMap>(This));
      std::string How;
      if (isa<CXXDestructorCall>(Call))
        How = "'" + Name + "' is destroyed here";
      else if (MD && MD->getIdentifier() && MD->getName() == "reset")
        How = "'" + Name + "' is reset here";
      else if (MD && MD->isCopyAssignmentOperator())
        How = "'" + Name + "' is reassigned here";
      else if (MD && MD->isMoveAssignmentOperator())
        How = "'" + Name + "' is reassigned here";
      else if (MD && MD->getIdentifier() && MD->getName() == "release")
        How = "";
      else
        return;
      ExplodedNode *Pred = C.getPredecessor();
      State = How.empty() ? letGo(State, This)
                          : lose(State, This, C, How, Pred);
      C.addTransition(State, Pred);
      return;
    }
  }
  // A closure held in a variable, or a function, handed to a spawn API.
  const Expr *Origin = Call.getOriginExpr();
  std::optional<tether::model::SpawnSite> Site =
      Origin ? Model->classifySpawn(Origin) : std::nullopt;
  if (!Site || !Site->Callable)
    return;
  const Expr *Callable = Site->Callable->IgnoreImplicit();
  if (isa<LambdaExpr>(Callable))
    return; // handled when the closure is built (checkPostStmt)
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Callable))
    if (isa<LambdaExpr>(MTE->getSubExpr()->IgnoreImplicit()))
      return;
  spawn(*Site, nullptr, C);
}

void ChannelChecker::checkPostStmt(const LambdaExpr *Lambda,
                                   CheckerContext &C) const {
  if (!Model)
    return;
  auto Site = tether::analyzer::spawnOfLambda(
      Lambda, C.getLocationContext()->getParentMap(), *Model);
  if (Site) {
    spawn(*Site, Lambda, C);
    return;
  }
  // A closure kept for later (a callback, a task queue): whatever it does
  // with the channel happens outside this path. Closures in variables are
  // judged when they are spawned or passed on.
  const ParentMap &PM = C.getLocationContext()->getParentMap();
  const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<LambdaExpr *>(Lambda));
  while (P && isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                  ExprWithCleanups, CXXConstructExpr>(P))
    P = PM.getParentIgnoreParenImpCasts(const_cast<Stmt *>(P));
  if (P && (isa<DeclStmt>(P) || isa<CallExpr>(P)))
    return; // a variable (judged when spawned) or an argument (PostCall)
}

void ChannelChecker::checkPostStmt(const DeclStmt *DS,
                                   CheckerContext &C) const {
  if (!Model || insideChannelImplementation(C))
    return;
  ProgramStateRef State = C.getState();
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    // `Guard g{ch};`: an aggregate's smart pointer member copied from the
    // channel's (the analyzer builds the copy in a temporary, so the copy
    // constructor does not see the member).
    if (V && V->hasLocalStorage() && V->getInit())
      if (const auto *ILE =
              dyn_cast<InitListExpr>(V->getInit()->IgnoreImplicit()))
        if (const auto *RD = V->getType()->getAsCXXRecordDecl();
            RD && !ILE->isTransparent()) {
          const auto *VarR = dyn_cast_or_null<SubRegion>(
              State->getLValue(V, C.getLocationContext()).getAsRegion());
          unsigned I = 0;
          for (const FieldDecl *FD : RD->fields()) {
            if (I >= ILE->getNumInits() || !VarR)
              break;
            const Expr *Init = ILE->getInit(I++);
            if (FD->getType()->isReferenceType() ||
                !channels().channelType(FD->getType()))
              continue;
            const MemRegion *Key = keyOf(Init, C);
            if (Key && State->get<ChannelMap>(Key))
              State = State->set<ChannelCopy>(
                  C.getSValBuilder().getRegionManager().getFieldRegion(FD,
                                                                       VarR),
                  Key);
          }
        }
    if (!V || !V->hasLocalStorage() || V->getType()->isReferenceType() ||
        V->getType()->isPointerType() || !channels().channelType(V->getType()))
      continue;
    // The channel object itself, or a smart pointer to a new one (copies
    // of another are recorded as copies, see handleCopy).
    bool Object = channels().channelClass(V->getType()->getAsCXXRecordDecl());
    if (!Object && !createsChannel(V->getInit()))
      continue;
    const MemRegion *VarR =
        State->getLValue(V, C.getLocationContext()).getAsRegion();
    if (!VarR || State->get<ChannelCopy>(VarR))
      continue;
    State = track(State, VarR->getBaseRegion(), V, C);
  }
  if (State != C.getState())
    C.addTransition(State);
}

std::pair<ProgramStateRef, const NoteTag *>
ChannelChecker::handleSpawn(const tether::model::SpawnSite &Site,
                            const LambdaExpr *Lambda, CheckerContext &C,
                            ProgramStateRef State) const {
  // The work's body, and for each root it reaches a channel through, the
  // spawner's variable for that channel.
  tether::analyzer::WorkerBody W = tether::analyzer::workerOf(Site, Lambda);
  if (!W.Body) {
    // Work Tether cannot see may receive, send or close: let go of every
    // channel passed to it.
    for (const Expr *Arg : Site.ForwardedArgs)
      State = letGo(State, keyOf(Arg, C));
    return {State, nullptr};
  }
  const Decl *Fn = W.Fn;
  const Stmt *Body = W.Body;
  const auto &Roots = W.Roots;

  // A body's summary depends on the body and its roots only: build it once,
  // not on every path that reaches the spawn.
  auto [Cached, Fresh] = Summaries.try_emplace({Body, Roots.size()});
  if (Fresh)
    Cached->second =
        tether::analyzer::summarizeWorker(Fn, Body, Roots, channels());
  const std::vector<ChannelUse> &Uses = Cached->second;

  if (Uses.empty())
    return {State, nullptr};

  const LocationContext *LC = C.getLocationContext();
  const ParentMap &PM = LC->getParentMap();
  bool InLoop = false;
  for (const Stmt *P = PM.getParent(Site.Call); P; P = PM.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P)) {
      InLoop = true;
      break;
    }
  bool Inexact = InLoop && !isUnrolledState(State);

  std::string Notes;
  llvm::SmallVector<const MemRegion *, 2> Keys;
  for (const ChannelUse &U : Uses) {
    const ValueDecl *D = W.spawnerDecl(U.Root);
    const MemRegion *Key = keyOfDecl(D, C);
    State = track(State, Key, D, C);
    const ChannelState *Found = Key ? State->get<ChannelMap>(Key) : nullptr;
    if (!Found)
      continue;
    ChannelState CS = *Found;
    std::string Name = nameOf(CS);
    std::string Work = workNoun(Site.Api).str();
    if (U.MustSend) {
      CS.Senders += U.MinSends;
      CS.TotalSenders += U.MinSends;
      CS.MultiValue |= U.MinSends > 1;
      if (!CS.SendSite) {
        CS.SendSite = U.SendSite;
        CS.SendName = U.SendName;
        CS.SenderSpawn = Site.Call;
        CS.SenderApi = Site.Api;
      }
      CS.Inexact |= Inexact;
      Notes = "the " + Work + " started here sends on '" + Name +
              "' and waits in '" + U.SendName.str() +
              "' until the value is received (" + std::to_string(CS.Senders) +
              (CS.Senders == 1 ? " value" : " values") + " pending)";
    } else if (U.MustReceive || U.ReceivesUntilClosed) {
      if (U.MustReceive && !U.ReceivesUntilClosed) {
        unsigned Values = std::max(1u, U.MinReceives);
        CS.Receivers += Values;
        CS.TotalReceivers += Values;
        ++CS.ReceiverWorks;
        CS.ReceiversInexact |= Inexact;
      }
      CS.ReceiverNeedsClose |= U.ReceivesUntilClosed && CS.Lib->HasClose;
      if (!CS.ReceiveSite && (CS.Receivers || CS.ReceiverNeedsClose)) {
        CS.ReceiveSite = U.ReceiveSite;
        CS.ReceiveName = U.ReceiveName;
        CS.ReceiverSpawn = Site.Call;
        CS.ReceiverApi = Site.Api;
      }
      Notes = U.ReceivesUntilClosed
                  ? "the " + Work + " started here receives from '" + Name +
                        "' until it is closed"
                  : "the " + Work + " started here blocks in '" +
                        U.ReceiveName.str() + "' until a value is sent on '" +
                        Name + "'";
    }
    // Anything else this work may do with the channel helps the other side.
    if (U.MayReceive || U.Closes)
      CS.OtherReceiver = true;
    if (U.MaySend || U.Closes)
      CS.OtherSender = true;
    if (U.Closes)
      CS.OtherCloser = true;
    State = State->set<ChannelMap>(Key, CS);
    Keys.push_back(Key);
  }
  if (Notes.empty())
    return {State, nullptr};
  return {State, C.getNoteTag([Keys, Notes](PathSensitiveBugReport &BR) {
            for (const MemRegion *K : Keys)
              if (BR.isInteresting(K))
                return Notes;
            return std::string();
          })};
}

ChannelChecker::HolderFate
ChannelChecker::holderFate(const Stmt *Spawn, const Decl *Spawner) const {
  HolderFate Fate;
  if (!Spawn || !Spawner || !Spawner->getBody())
    return Fate;
  // The variable the spawn initialises: `std::jthread w(...)`,
  // `auto f = boost::fibers::async(...)`.
  ParentMap PM(Spawner->getBody());
  const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<Stmt *>(Spawn));
  while (P && isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                  ExprWithCleanups, CXXFunctionalCastExpr>(P))
    P = PM.getParentIgnoreParenImpCasts(const_cast<Stmt *>(P));
  const auto *DS = dyn_cast_or_null<DeclStmt>(P);
  const auto *V = DS && DS->isSingleDecl()
                      ? dyn_cast<VarDecl>(DS->getSingleDecl())
                      : nullptr;
  if (!V || !V->hasLocalStorage() || !V->getIdentifier())
    return Fate;
  // Joined or detached anywhere in the spawner.
  struct Finder : RecursiveASTVisitor<Finder> {
    const tether::model::ApiModel &Model;
    const VarDecl *V;
    bool Joined = false, Detached = false;
    Finder(const tether::model::ApiModel &M, const VarDecl *V)
        : Model(M), V(V) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *CE) {
      auto Names = [&](const Expr *E) {
        return E && tether::analyzer::channelDecl(E) == V;
      };
      Joined |= Names(Model.joinedObject(CE));
      Detached |= Names(Model.detachedObject(CE));
      return true;
    }
  } F(*Model, V);
  F.TraverseStmt(Spawner->getBody());
  if (F.Detached)
    return Fate;
  tether::model::DestructorEffect Effect = Model->destructorEffect(V->getType());
  Fate.Holder = V;
  Fate.Joins = F.Joined || Effect == tether::model::DestructorEffect::Joins;
  Fate.Terminates = Effect == tether::model::DestructorEffect::Terminates;
  if (!Fate.Joins && !Fate.Terminates)
    Fate.Holder = nullptr;
  return Fate;
}

ProgramStateRef ChannelChecker::lose(ProgramStateRef State,
                                     const MemRegion *Key, CheckerContext &C,
                                     llvm::StringRef How, ExplodedNode *&Pred,
                                     bool CanNote) const {
  const ChannelState *Found = State->get<ChannelMap>(Key);
  if (!Found)
    return State;
  ChannelState CS = *Found;
  State = State->remove<ChannelMap>(Key);
  // A copy of the smart pointer still alive keeps the channel: let go.
  bool CopyAlive = false;
  for (const auto &[Copy, Owner] : State->get<ChannelCopy>())
    if (Owner == Key) {
      State = State->remove<ChannelCopy>(Copy);
      CopyAlive = true;
    }
  if (CS.Escaped || !CS.Lib || CopyAlive)
    return State;
  std::string Name = nameOf(CS);
  // The spawner is the function that owns the channel, not the (inlined)
  // function the path is in when it loses it.
  const Decl *Unique = frameDecl(C);
  if (const auto *VR = dyn_cast<VarRegion>(Key))
    Unique = VR->getStackFrame()->getDecl();
  std::string Spawner = functionName(Unique);

  bool ReleasedByClose = CS.Closed && CS.Lib->CloseReleasesSenders;
  // Senders started in one loop and values received in another, both of
  // unknown count: the path cannot tell whether the counts match.
  bool Comparable =
      !(CS.Inexact && (CS.ReceivedInLoop ||
                       opsInLoop(Unique, CS.Var, ChannelOpKind::Receive)));
  bool SendersStranded = SendEnabled && CS.SendSite && !ReleasedByClose &&
                         Comparable &&
                         !CS.OtherReceiver && CS.CapacityKnown &&
                         CS.Capacity != ChannelModel::UnboundedCapacity &&
                         CS.Senders > CS.Capacity;
  bool ReceiversComparable =
      !(CS.ReceiversInexact && opsInLoop(Unique, CS.Var, ChannelOpKind::Send));
  // A receiver waiting for a value is helped by any other sender; one
  // waiting for the close only by someone who may close.
  bool ReceiversStranded =
      ReceiveEnabled && CS.ReceiveSite && !CS.Closed &&
      ((CS.Receivers > 0 && ReceiversComparable && !CS.OtherSender) ||
       (CS.ReceiverNeedsClose && !CS.OtherCloser));
  if (!SendersStranded && !ReceiversStranded)
    return State;

  auto Emit = [&](BugType &BT, const Expr *Site, std::string Msg,
                  std::string EndNote) {
    if (!Reported.insert({Site, Unique}).second)
      return;
    const MemRegion *K = Key;
    const NoteTag *Tag = C.getNoteTag(
        [EndNote](PathSensitiveBugReport &) -> std::string { return EndNote; });
    // The note goes on a node of its own: the error node is reserved for
    // the end of the path (BlockedOperationVisitor).
    // (Only where the program point has a location: falling off the end
    // of a function has none.)
    ExplodedNode *Noted = CanNote ? C.addTransition(State, Pred, Tag) : Pred;
    // A tag of its own, so that the transition the caller adds next (same
    // state, same point) is a new node rather than this one again.
    static const SimpleProgramPointTag ErrorTag("tether.ChannelModeling",
                                                "stranded work");
    ExplodedNode *N =
        Noted ? C.generateNonFatalErrorNode(State, Noted, &ErrorTag) : nullptr;
    if (!N)
      return;
    Pred = N;
    PathDiagnosticLocation UniqueLoc = PathDiagnosticLocation::createBegin(
        Site, C.getSourceManager(), C.getLocationContext());
    auto R = std::make_unique<PathSensitiveBugReport>(BT, Msg, N, UniqueLoc,
                                                      Unique);
    R->markInteresting(K);
    R->addVisitor<BlockedOperationVisitor>(Site);
    C.emitReport(std::move(R));
  };

  if (SendersStranded) {
    uint64_t Stranded = CS.Senders - CS.Capacity;
    std::string Work = workNoun(CS.SenderApi).str();
    std::string Works = Work + "s";
    std::string Msg = "the " + Work + " started by '" + apiName(CS.SenderApi) +
                      "' blocks forever in '" + CS.SendName.str() + "' on '" +
                      Name + "': '" + Spawner + "' ";
    std::string Held =
        CS.Capacity ? " and '" + Name + "' " +
                          tether::model::describeCapacity(CS.Capacity)
                    : "";
    std::string N = std::to_string(CS.TotalSenders);
    if (CS.Inexact) {
      uint64_t Served = CS.Received + CS.Capacity;
      Msg += (CS.Received ? "stops receiving after " +
                                std::to_string(CS.Received) +
                                (CS.Received == 1 ? " value" : " values")
                          : std::string("receives no value")) +
             Held + ", but it starts one " + Work +
             " per loop iteration, so every " + Work +
             (Served == 1 ? " after the first"
              : Served   ? " after the first " + std::to_string(Served)
                         : "") +
             " stays blocked";
    } else {
      if (CS.Received)
        Msg += "stops receiving after " + std::to_string(CS.Received) +
               " of " + N + " values";
      else if (CS.TotalSenders == 1)
        Msg += "gives up before the value arrives";
      else
        Msg += "receives none of the " + N + " values";
      if (CS.MultiValue)
        Msg += Held + ", so " + std::to_string(Stranded) +
               (Stranded == 1 ? " value is" : " values are") +
               " never received and the " + Work + " sending " +
               (Stranded == 1 ? "it" : "them") + " stays blocked";
      else
        Msg += Held + ", so " +
               (Stranded == CS.TotalSenders && Stranded == 1
                    ? "the " + Work + " stays"
                    : std::to_string(Stranded) + " " +
                          (Stranded == 1 ? Work + " stays" : Works + " stay")) +
               " blocked";
    }
    std::string It = Stranded == 1 && !CS.Inexact ? "it" : "them";
    // Work held by an object declared after the channel: the spawner joins
    // it (or dies) before the channel's destructor is reached.
    HolderFate Fate = CS.LocalObject ? holderFate(CS.SenderSpawn, Unique)
                                     : HolderFate{};
    if (Fate.Holder && Fate.Joins)
      Msg += ", and '" + Spawner + "' then waits forever to join " + It;
    else if (Fate.Holder && Fate.Terminates)
      Msg += ", and destroying '" + Fate.Holder->getName().str() + "' while " +
             It + " runs calls std::terminate";
    else if (CS.LocalObject && CS.Lib->DestructorCloses)
      Msg += " until '" + Name + "' is destroyed, whose destructor wakes " +
             It + " inside a dead channel";
    else if (CS.LocalObject)
      Msg += " on a channel that is destroyed under them";
    Msg += "; receive every value";
    llvm::StringRef Lib = CS.Lib->Name;
    if (CS.Lib->CloseReleasesSenders && CS.Lib->HasClose)
      Msg += ", close '" + Name + "' before giving up";
    if (Lib == "Boost.Fiber") {
      if (CS.Inexact) {
        Msg += ", or make it a buffered_channel whose capacity exceeds the "
               "number of senders (a power of two; it holds capacity - 1 "
               "values)";
      } else {
        uint64_t Cap = tether::model::boostCapacityFor(CS.TotalSenders);
        Msg += ", or make it a buffered_channel<T>(" + std::to_string(Cap) +
               ") (the capacity must be a power of two; it holds " +
               std::to_string(Cap - 1) + (Cap == 2 ? " value)" : " values)");
      }
    } else if (Lib == "cpp-channel") {
      Msg += ", or construct it without a capacity (unbounded)" +
             std::string(CS.Inexact ? "" : " or with capacity " +
                                               std::to_string(CS.TotalSenders));
    } else if (Lib == "libtask") {
      Msg += ", or create it with a buffer for every sender (chancreate's "
             "second argument" +
             std::string(CS.Inexact ? ")" : ": " + std::to_string(CS.TotalSenders) + ")");
    } else if (CS.Lib->CanBuffer) {
      Msg += ", or give it room for every sender";
    }
    std::string EndNote =
        How.str() + " while " + std::to_string(CS.Senders) +
        (CS.Senders == 1 ? " value is" : " values are") +
        " still to be received (" + tether::model::describeCapacity(CS.Capacity) +
        ")";
    Emit(*SendBT, CS.SendSite, Msg, EndNote);
  }
  if (ReceiversStranded) {
    std::string Work = workNoun(CS.ReceiverApi).str();
    std::string Msg = "the " + Work + " started by '" + apiName(CS.ReceiverApi) +
                      "' blocks forever " +
                      (CS.ReceiveName == "range-for"
                           ? std::string("iterating over '") + Name + "'"
                           : "in '" + CS.ReceiveName.str() + "' on '" + Name + "'") +
                      ": ";
    bool HasClose = CS.Lib->HasClose;
    if (CS.ReceiverNeedsClose && CS.Receivers == 0)
      Msg += "it receives until '" + Name + "' is closed, but '" + Spawner +
             "' drops it without closing it; close '" + Name +
             "' once the last value is sent";
    else if (CS.TotalReceivers > CS.ReceiverWorks && !CS.ReceiversInexact)
      // Work that waits for several values.
      Msg += "'" + Spawner + "' drops '" + Name + "' after sending " +
             std::to_string(CS.Sent) + " of the " +
             std::to_string(CS.TotalReceivers) + " values " +
             (CS.ReceiverWorks == 1
                  ? "the " + Work + " waits"
                  : "its " + std::to_string(CS.ReceiverWorks) + " " + Work +
                        "s wait") +
             " for; send every value " +
             (CS.ReceiverWorks == 1 ? "it waits" : "they wait") + " for" +
             (HasClose ? ", or close '" + Name + "' before returning" : "");
    else
      Msg += "'" + Spawner + "' drops '" + Name + "' after sending " +
             std::to_string(CS.Sent) + (CS.Sent == 1 ? " value" : " values") +
             " while " + std::to_string(CS.Receivers) +
             (CS.Receivers == 1 ? " receiver waits" : " receivers wait") +
             "; send every value it waits for" +
             (HasClose ? ", or close '" + Name + "' before returning" : "");
    std::string EndNote =
        How.str() + " without closing it; " +
        (CS.Receivers ? std::to_string(CS.Receivers) +
                            (CS.Receivers == 1 ? " receiver" : " receivers") +
                            " still waiting"
                      : std::string("the receiver waits for a close"));
    Emit(*ReceiveBT, CS.ReceiveSite, Msg, EndNote);
  }
  return State;
}

bool ChannelChecker::opsInLoop(const Decl *Fn, const ValueDecl *Var,
                               ChannelOpKind Kind) const {
  if (!Fn || !Fn->getBody() || !Var)
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const ChannelModel &Model;
    const ValueDecl *Var;
    ChannelOpKind Kind;
    unsigned LoopDepth = 0;
    bool Found = false;
    Finder(const ChannelModel &M, const ValueDecl *V, ChannelOpKind K)
        : Model(M), Var(V), Kind(K) {}
    bool TraverseLoop(Stmt *S, llvm::function_ref<bool()> Traverse) {
      ++LoopDepth;
      bool R = Traverse();
      --LoopDepth;
      return R;
    }
    bool TraverseForStmt(ForStmt *S) {
      return TraverseLoop(S, [&] { return RecursiveASTVisitor::TraverseForStmt(S); });
    }
    bool TraverseWhileStmt(WhileStmt *S) {
      return TraverseLoop(S, [&] { return RecursiveASTVisitor::TraverseWhileStmt(S); });
    }
    bool TraverseDoStmt(DoStmt *S) {
      return TraverseLoop(S, [&] { return RecursiveASTVisitor::TraverseDoStmt(S); });
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
      return TraverseLoop(S, [&] { return RecursiveASTVisitor::TraverseCXXForRangeStmt(S); });
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *CE) {
      if (!LoopDepth)
        return true;
      if (auto Site = Model.classify(CE))
        if (Site->Op.Kind == Kind && Site->Channel &&
            tether::analyzer::channelDecl(Site->Channel) == Var)
          Found = true;
      return !Found;
    }
  } F(channels(), Var, Kind);
  F.TraverseStmt(Fn->getBody());
  return F.Found;
}

void ChannelChecker::checkEndFunction(const ReturnStmt *RS,
                                      CheckerContext &C) const {
  // Channels held by trivially destructible variables (raw pointers,
  // libdill handle arrays) are lost when their function returns; objects
  // and smart pointers when their destructor runs (checkPreCall).
  ProgramStateRef State = C.getState();
  for (const auto &[Copy, Key] : State->get<ChannelCopy>())
    if (const auto *VR =
            dyn_cast<VarRegion>(Copy->getBaseRegion()))
      if (VR->getStackFrame() == C.getStackFrame())
        State = State->remove<ChannelCopy>(Copy);
  llvm::SmallVector<const MemRegion *, 2> Ending;
  for (const auto &[Key, CS] : State->get<ChannelMap>())
    if (const auto *VR = dyn_cast<VarRegion>(Key))
      if (VR->getStackFrame() == C.getStackFrame())
        Ending.push_back(Key);
  if (Ending.empty()) {
    if (State != C.getState())
      C.addTransition(State);
    return;
  }
  ExplodedNode *Pred = C.getPredecessor();
  std::string Fn = functionName(frameDecl(C));
  for (const MemRegion *Key : Ending)
    State = lose(State, Key, C, "'" + Fn + "' returns and drops '" +
                                    nameOf(*State->get<ChannelMap>(Key)) + "'",
                 Pred, /*CanNote=*/RS != nullptr);
  C.addTransition(State, Pred);
}

/// Is \p D library code: in a system header, or in namespace std or boost
/// (the channel and spawn libraries' internals, inlined by the analyzer)?
bool isLibraryCode(const Decl *D, const Stmt *S, const SourceManager &SM) {
  if (S && SM.isInSystemHeader(SM.getExpansionLoc(S->getBeginLoc())))
    return true;
  if (!D)
    return false;
  if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
    return true;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (NS->isStdNamespace() ||
          (NS->getIdentifier() && NS->getName() == "boost" &&
           NS->getParent()->getRedeclContext()->isTranslationUnit()))
        return true;
  return false;
}

void ChannelChecker::handleThrow(const CXXThrowExpr *TE,
                                 CheckerContext &C) const {
  // Only throws the user wrote count: the analyzer inlines library headers
  // (Boost.Fiber's futures, packaged_task), whose error paths
  // (`future_already_retrieved`) are not a spawner giving up.
  if (isLibraryCode(C.getStackFrame()->getDecl(), TE, C.getSourceManager()))
    return;
  // The analyzer ends a path at a throw. Where nothing in the function
  // catches it, the function gives up there: its channels are dropped
  // (and so are those of the inlined callers that do not catch it either).
  ProgramStateRef State = C.getState();
  ExplodedNode *Pred = C.getPredecessor();
  const Stmt *At = TE;
  bool Changed = false;
  for (const LocationContext *LC = C.getLocationContext(); LC && At;) {
    const StackFrameContext *Frame = LC->getStackFrame();
    // Library code between the throw and a caller may catch it.
    if (At != TE && isLibraryCode(Frame->getDecl(), nullptr, C.getSourceManager()))
      break;
    const ParentMap &PM = Frame->getParentMap();
    for (const Stmt *P = PM.getParent(At); P; P = PM.getParent(P))
      if (isa<CXXTryStmt>(P))
        goto Done; // caught (perhaps) here
    {
      llvm::SmallVector<const MemRegion *, 2> Keys;
      for (const auto &[Key, CS] : State->get<ChannelMap>())
        if (const auto *VR = dyn_cast<VarRegion>(Key))
          if (VR->getStackFrame() == Frame)
            Keys.push_back(Key);
      std::string Fn = functionName(Frame->getDecl());
      for (const MemRegion *Key : Keys) {
        State = lose(State, Key, C,
                     "'" + Fn + "' throws here and drops '" +
                         nameOf(*State->get<ChannelMap>(Key)) + "'",
                     Pred);
        Changed = true;
      }
    }
    At = Frame->getCallSite();
    LC = Frame->getParent();
  }
Done:
  if (Changed)
    C.addTransition(State, Pred);
}

void ChannelChecker::checkPreStmt(const ReturnStmt *RS,
                                  CheckerContext &C) const {
  // Returning the channel (or its pointer) hands it to the caller.
  if (!RS->getRetValue())
    return;
  const MemRegion *Key = keyOf(RS->getRetValue(), C);
  ProgramStateRef State = C.getState();
  ProgramStateRef Next = letGo(State, Key);
  if (Next != State)
    C.addTransition(Next);
}

void ChannelChecker::checkBind(SVal Loc, SVal Val, const Stmt *,
                               CheckerContext &C) const {
  // The channel's address stored outside the frame.
  const MemRegion *Target = Val.getAsRegion();
  const MemRegion *Where = Loc.getAsRegion();
  if (!Target || !Where || isLocalSpace(Where) ||
      isa<StackArgumentsSpaceRegion>(Where->getBaseRegion()->getMemorySpace()))
    return;
  ProgramStateRef State = C.getState();
  ProgramStateRef Next = letGo(State, Target->StripCasts()->getBaseRegion());
  if (Next != State)
    C.addTransition(Next);
}

} // namespace

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

namespace {

constexpr llvm::StringLiteral ModelingName = "tether.ChannelModeling";
constexpr llvm::StringLiteral SendName = "tether.UnreceivedSend";
constexpr llvm::StringLiteral ReceiveName = "tether.UnsentReceive";
constexpr llvm::StringLiteral Category = "Tether concurrency leaks";

void registerModeling(CheckerManager &Mgr) {
  // Fan-outs with a constant count (`for (int i = 0; i < 8; ++i)`) must be
  // followed to the end of the loop to count their senders: the default
  // (give up after 4 visits of a block) would end those paths before the
  // spawner gives up. Unrolling only applies to loops with a known bound.
  const_cast<AnalyzerOptions &>(Mgr.getAnalyzerOptions()).ShouldUnrollLoops =
      true;
  auto *Checker = Mgr.registerChecker<ChannelChecker>();
  Checker->Model = std::make_unique<tether::model::ApiModel>(
      tether::analyzer::readModelOptions(Mgr.getAnalyzerOptions()));
}

void registerSend(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<ChannelChecker>();
  Checker->SendEnabled = true;
  Checker->SendBT = std::make_unique<BugType>(
      Mgr.getCurrentCheckerName(), "Send never received", Category);
}

void registerReceive(CheckerManager &Mgr) {
  auto *Checker = Mgr.getChecker<ChannelChecker>();
  Checker->ReceiveEnabled = true;
  Checker->ReceiveBT = std::make_unique<BugType>(
      Mgr.getCurrentCheckerName(), "Receive never satisfied", Category);
}

bool alwaysRegister(const CheckerManager &) { return true; }

} // namespace

namespace tether::analyzer {

void registerChannelCheckers(CheckerRegistry &Registry) {
  Registry.addChecker(registerModeling, alwaysRegister, ModelingName,
                      "Models channels and the work that sends or receives "
                      "on them",
                      "", /*IsHidden=*/true);
  Registry.addChecker(registerSend, alwaysRegister, SendName,
                      "Finds spawned work blocked forever on a send that the "
                      "spawner stops receiving",
                      "docs/checks/tether-unreceived-send.md",
                      /*IsHidden=*/false);
  Registry.addChecker(registerReceive, alwaysRegister, ReceiveName,
                      "Finds spawned work blocked forever on a receive that "
                      "the spawner never sends to or closes",
                      "docs/checks/tether-unsent-receive.md",
                      /*IsHidden=*/false);
  Registry.addDependency(SendName, ModelingName);
  Registry.addDependency(ReceiveName, ModelingName);
}

} // namespace tether::analyzer
