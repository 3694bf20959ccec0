//===- LoopVariableCaptureCheck.cpp - tether-loop-variable-capture -------===//
//
// A spawn site (from the API model) is reported when three things hold:
//  1. its callable is a lambda (directly, through a local holding it, or a
//     closure captured by copy) that captures a variable by reference, or a
//     forwarded argument is `&v` / `std::ref(v)`;
//  2. that variable is scoped to an enclosing loop of the same function: a
//     `for` init variable (shared by every iteration), or a per-iteration
//     variable (range-for by value, structured bindings, body locals,
//     condition variables, references bound to per-iteration temporaries);
//  3. the spawned work can outlive the iteration: it is detached, stored in a
//     container or object that outlives the iteration, returned, queued on an
//     executor nobody waits for, or not joined on some CFG path before the
//     iteration ends (joins and joining destructors come from the model).
//
//===----------------------------------------------------------------------===//

#include "tidy/LoopVariableCaptureCheck.h"

#include "model/Matchers.h"
#include "tidy/CheckUtils.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace tether::tidy {
namespace {

using model::SpawnSite;

/// How a variable is scoped to its loop.
enum class LoopScope {
  /// A `for` init variable: one object shared by every iteration.
  Shared,
  /// A new object each iteration.
  PerIteration,
};

/// How the spawned work gets hold of the loop variable.
enum class RefForm {
  ExplicitCapture, // [&v]
  ImplicitCapture, // [&] ... v ...
  InitCapture,     // [&r = v], [p = &v], [r = std::ref(v)]
  AddressArg,      // std::thread(f, &v), pthread_create(..., &v)
  RefWrapperArg,   // std::thread(f, std::ref(v))
};

struct LoopRef {
  /// The object referred to (for structured bindings, the decomposed
  /// variable, whose lifetime the bindings share).
  const VarDecl *Var = nullptr;
  /// What the source names: the variable or the binding.
  const ValueDecl *Shown = nullptr;
  SourceLocation Loc;
  RefForm Form = RefForm::ExplicitCapture;
  const LambdaExpr *Lambda = nullptr; // the lambda holding the capture
  /// The capture is in the spawned lambda itself (not a closure it copies).
  bool Direct = true;
};

/// Why the spawned work may outlive the iteration.
enum class OutliveReason {
  Detached,
  StoredOutside,
  StoredInMember,
  NotJoined,
  Returned,
  Queued,
  Discarded,
};

struct Fate {
  bool Outlives = false;
  OutliveReason Reason = OutliveReason::NotJoined;
  SourceLocation Loc;
  std::string Name;

  static Fate contained() { return {}; }
  static Fate outlives(OutliveReason R, SourceLocation L,
                       llvm::StringRef N = "") {
    Fate F;
    F.Outlives = true;
    F.Reason = R;
    F.Loc = L;
    F.Name = N.str();
    return F;
  }
};

bool isCallTo(const CallExpr *CE, std::initializer_list<llvm::StringRef> Names) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  std::string QN = model::qualifiedName(FD);
  return llvm::is_contained(Names, llvm::StringRef(QN));
}

bool isMoveOrForward(const Expr *E) {
  return isCallTo(dyn_cast<CallExpr>(E), {"::std::move", "::std::forward"});
}

/// The variable holding \p D: itself, or a binding's decomposed variable.
const VarDecl *storageOf(const ValueDecl *D) {
  if (const auto *BD = dyn_cast_or_null<BindingDecl>(D))
    return dyn_cast_or_null<VarDecl>(BD->getDecomposedDecl());
  return dyn_cast_or_null<VarDecl>(D);
}

/// The variable or structured binding \p E names, if any.
const ValueDecl *namedDecl(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (isa<VarDecl>(DRE->getDecl()) || isa<BindingDecl>(DRE->getDecl()))
      return DRE->getDecl();
  return nullptr;
}

/// The local variable \p E names, if any.
const VarDecl *namedVar(const Expr *E) { return storageOf(namedDecl(E)); }

/// For `&v`, `std::addressof(v)`, `std::ref(v)`, `std::cref(v)`,
/// `boost::ref(v)` (through casts), the variable or binding `v`.
const ValueDecl *referencedDecl(const Expr *E, RefForm &Form) {
  // A local array passed as a pointer (`char name[32]; ..., name)`): look
  // for the decay among the conversions before they are stripped.
  for (const Expr *Cur = E; Cur;) {
    Cur = Cur->IgnoreParens();
    const auto *Cast = dyn_cast<ImplicitCastExpr>(Cur);
    if (!Cast)
      break;
    if (Cast->getCastKind() == CK_ArrayToPointerDecay) {
      Form = RefForm::AddressArg;
      return namedDecl(Cast->getSubExpr());
    }
    Cur = Cast->getSubExpr();
  }
  E = ignoreWrappers(E);
  while (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(E))
    E = ignoreWrappers(Cast->getSubExpr());
  if (!E)
    return nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf) {
      Form = RefForm::AddressArg;
      // `&v`, or `&v.field` / `&v[k]` of a local object: inside `v`.
      const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
      while (true) {
        if (const auto *ME = dyn_cast<MemberExpr>(Sub); ME && !ME->isArrow())
          Sub = ME->getBase()->IgnoreParenImpCasts();
        else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Sub);
                 AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
          Sub = AS->getBase()->IgnoreParenImpCasts();
        else
          break;
      }
      return namedDecl(Sub);
    }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (CE->getNumArgs() != 1)
      return nullptr;
    if (isCallTo(CE, {"::std::addressof"})) {
      Form = RefForm::AddressArg;
      return namedDecl(CE->getArg(0));
    }
    if (isCallTo(CE, {"::std::ref", "::std::cref", "::boost::ref",
                      "::boost::cref"})) {
      Form = RefForm::RefWrapperArg;
      return namedDecl(CE->getArg(0));
    }
  }
  return nullptr;
}

/// Collects the variables a lambda refers to by reference, following
/// closures it captures by copy (their references travel with the copy).
void collectLambdaRefs(const LambdaExpr *LE, bool Direct,
                       llvm::SmallVectorImpl<LoopRef> &Out, unsigned Depth = 0) {
  if (Depth > 3)
    return;
  for (const LambdaCapture &C : LE->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *Captured = C.getCapturedVar();
    const VarDecl *VD = storageOf(Captured);
    if (!VD)
      continue;
    LoopRef Ref;
    Ref.Loc = C.getLocation();
    Ref.Lambda = LE;
    Ref.Direct = Direct;
    if (VD->isInitCapture()) {
      const Expr *Init = VD->getInit();
      if (!Init)
        continue;
      RefForm Ignored;
      Ref.Shown = VD->getType()->isReferenceType() ? namedDecl(Init)
                                                   : referencedDecl(Init, Ignored);
      Ref.Var = storageOf(Ref.Shown);
      Ref.Form = RefForm::InitCapture;
      if (Ref.Var)
        Out.push_back(Ref);
      continue;
    }
    if (C.getCaptureKind() == LCK_ByRef) {
      Ref.Var = VD;
      Ref.Shown = Captured;
      Ref.Form = C.isImplicit() ? RefForm::ImplicitCapture
                                : RefForm::ExplicitCapture;
      Out.push_back(Ref);
      continue;
    }
    // By copy: a copied closure still holds its own references.
    if (VD->hasLocalStorage() && VD->getInit())
      if (const LambdaExpr *Inner = model::lambdaOf(VD->getInit()))
        if (Inner != LE)
          collectLambdaRefs(Inner, /*Direct=*/false, Out, Depth + 1);
  }
}

/// The loop that scopes \p V, and how; null when V is not loop-scoped.
/// \p InHeader says whether V is declared by the loop statement itself (init,
/// condition or range variable) rather than in its body.
const Stmt *scopingLoop(ASTContext &Ctx, const VarDecl *V, LoopScope &Scope,
                        bool &InHeader) {
  DynTypedNode Child = DynTypedNode::create(*V);
  for (unsigned Guard = 0; Guard < 256; ++Guard) {
    bool Found = false;
    DynTypedNode P = parentOf(Ctx, Child, Found);
    if (!Found)
      return nullptr;
    if (isFunctionBoundary(P))
      return nullptr;
    const Stmt *ChildS = Child.get<Stmt>();
    if (const auto *For = P.get<ForStmt>()) {
      if (ChildS && ChildS == For->getInit()) {
        Scope = LoopScope::Shared;
        InHeader = true;
        return For;
      }
      if (ChildS && (ChildS == For->getBody() ||
                     ChildS == For->getConditionVariableDeclStmt())) {
        Scope = LoopScope::PerIteration;
        InHeader = ChildS != For->getBody();
        return For;
      }
    } else if (const auto *RF = P.get<CXXForRangeStmt>()) {
      if (ChildS && ChildS == RF->getInit()) {
        Scope = LoopScope::Shared;
        InHeader = true;
        return RF;
      }
      if (ChildS &&
          (ChildS == RF->getLoopVarStmt() || ChildS == RF->getBody())) {
        Scope = LoopScope::PerIteration;
        InHeader = ChildS != RF->getBody();
        return RF;
      }
      return nullptr; // __range, __begin, __end
    } else if (const auto *While = P.get<WhileStmt>()) {
      if (ChildS && (ChildS == While->getBody() ||
                     ChildS == While->getConditionVariableDeclStmt())) {
        Scope = LoopScope::PerIteration;
        InHeader = ChildS != While->getBody();
        return While;
      }
    } else if (const auto *Do = P.get<DoStmt>()) {
      if (ChildS && ChildS == Do->getBody()) {
        Scope = LoopScope::PerIteration;
        InHeader = false;
        return Do;
      }
    }
    Child = P;
  }
  return nullptr;
}

/// `std::unique_ptr<std::thread>(new std::thread(...))`: the pointer owns
/// what it is constructed from, as the thread would.
bool isOwningPointerConstruction(const Expr *E) {
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  if (!CE || CE->getNumArgs() < 1 || !CE->getConstructor())
    return false;
  std::string N = model::qualifiedName(CE->getConstructor()->getParent());
  return (N == "::std::unique_ptr" || N == "::std::shared_ptr") &&
         isa<CXXNewExpr>(CE->getArg(0)->IgnoreParenImpCasts());
}

/// Does \p E name \p V (through parentheses and implicit casts)?
bool names(const Expr *E, const VarDecl *V) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return DRE && DRE->getDecl() == V;
}

/// The expression in \p S (not inside a lambda) that assigns or steps
/// \p V: `V = ...`, `V += ...`, `++V`, `V++`, or the operator calls of the
/// same on a class (iterators).
const Expr *directStep(const Stmt *S, const VarDecl *V) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && names(BO->getLHS(), V))
      return BO;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isIncrementDecrementOp() && names(UO->getSubExpr(), V))
      return UO;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    if ((OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
         OC->getOperator() == OO_MinusMinus) &&
        OC->getNumArgs() >= 1 && names(OC->getArg(0), V))
      return OC;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = directStep(Child, V))
      return Found;
  return nullptr;
}

/// Is \p V shared on purpose, whatever the loop does to it (an atomic)?
bool isSynchronised(const VarDecl *V) {
  const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName().starts_with("atomic");
}

/// The expression by which a loop changes \p V, declared before it, every
/// iteration: assigned or stepped in a `for` init or increment, changed by
/// the condition (`(ent = readdir(d)) != NULL`, `std::getline(in, line)`),
/// or assigned or stepped in the body outside any lambda (`++i;` in a
/// `while`, `x = items[i];`). Null when the loop does not change V.
const Expr *stepOf(const Stmt *Loop, const VarDecl *V, ASTContext &Ctx) {
  if (isSynchronised(V))
    return nullptr;
  auto ChangedBy = [&](const Stmt *S) -> const Expr * {
    if (!S)
      return nullptr;
    if (const Expr *Step = directStep(S, V))
      return Step;
    ExprMutationAnalyzer Mutations(*S, Ctx);
    return dyn_cast_or_null<Expr>(Mutations.findMutation(V));
  };
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    if (const Expr *Step = directStep(For->getInit(), V))
      return Step;
    if (const Expr *Step = ChangedBy(For->getInc()))
      return Step;
    if (const Expr *Step = ChangedBy(For->getCond()))
      return Step;
    return directStep(For->getBody(), V);
  }
  if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    if (const Expr *Step = ChangedBy(While->getCond()))
      return Step;
    return directStep(While->getBody(), V);
  }
  if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    if (const Expr *Step = ChangedBy(Do->getCond()))
      return Step;
    return directStep(Do->getBody(), V);
  }
  return nullptr;
}

/// The loop around \p Spawn, within its function, that advances \p V
/// declared before it (`int i; for (i = 0; i < n; ++i)`); \p Step gets the
/// expression that does.
const Stmt *advancingLoop(ASTContext &Ctx, const Stmt *Spawn, const VarDecl *V,
                          const Expr *&Step) {
  DynTypedNode N = DynTypedNode::create(*Spawn);
  for (unsigned Guard = 0; Guard < 256; ++Guard) {
    bool Found = false;
    DynTypedNode P = parentOf(Ctx, N, Found);
    if (!Found || isFunctionBoundary(P))
      return nullptr;
    const Stmt *Child = N.get<Stmt>();
    const Stmt *Loop = P.get<Stmt>();
    if (Loop && (isa<ForStmt, WhileStmt, DoStmt>(Loop))) {
      // Only from the body: a spawn in the header is not per iteration.
      const Stmt *Body = isa<ForStmt>(Loop)     ? cast<ForStmt>(Loop)->getBody()
                         : isa<WhileStmt>(Loop) ? cast<WhileStmt>(Loop)->getBody()
                                                : cast<DoStmt>(Loop)->getBody();
      if (Child == Body && (Step = stepOf(Loop, V, Ctx)))
        return Loop;
    }
    // V must be declared outside the loop: stop at its declaration's scope.
    if (const auto *DS = P.get<DeclStmt>())
      if (llvm::is_contained(DS->decls(), V))
        return nullptr;
    N = P;
  }
  return nullptr;
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop))
    return RF->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getBody();
  return nullptr;
}

/// Is \p V's object per-iteration state that a reference can outlive? A
/// reference variable refers to something else, unless it is bound to a
/// temporary whose lifetime ends with the iteration.
bool hasIterationLifetime(const VarDecl *V) {
  if (!V->hasLocalStorage() || isa<ParmVarDecl>(V) || V->isStaticLocal())
    return false;
  if (!V->getType()->isReferenceType())
    return true;
  const Expr *Init = V->getInit();
  if (!Init)
    return false;
  Init = Init->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr()->IgnoreParens();
  return isa<MaterializeTemporaryExpr>(Init);
}

/// Does the path from \p From up to \p Loop pass through a lambda that
/// captures \p V by copy (so a nested capture refers to the copy)?
bool reachesLoopByReference(ASTContext &Ctx, const Stmt *From,
                            const Stmt *Loop, const VarDecl *V) {
  DynTypedNode N = DynTypedNode::create(*From);
  for (unsigned Guard = 0; Guard < 1024; ++Guard) {
    bool Found = false;
    N = parentOf(Ctx, N, Found);
    if (!Found)
      return false;
    if (N.get<Stmt>() == Loop)
      return true;
    if (const auto *LE = N.get<LambdaExpr>()) {
      bool ByRef = false;
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCapturedVar() == V)
          ByRef = C.getCaptureKind() == LCK_ByRef;
      if (!ByRef)
        return false;
      continue;
    }
    if (isFunctionBoundary(N))
      return false;
  }
  return false;
}

/// The variable at the root of an executor/container expression:
/// `pool`, `pool.get_executor()`, `asio::make_strand(pool)`, `ts[i]`, `*p`.
/// Sets \p IsMember for `this->member` roots.
const ValueDecl *rootDecl(const Expr *E, bool &IsMember, unsigned Depth = 0) {
  if (!E || Depth > 8)
    return nullptr;
  E = ignoreWrappers(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base)) {
      IsMember = true;
      return ME->getMemberDecl();
    }
    return rootDecl(Base, IsMember, Depth + 1);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return rootDecl(MC->getImplicitObjectArgument(), IsMember, Depth + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->getNumArgs() >= 1)
      return rootDecl(OC->getArg(0), IsMember, Depth + 1);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return rootDecl(AS->getBase(), IsMember, Depth + 1);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return rootDecl(UO->getSubExpr(), IsMember, Depth + 1);
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAdditiveOp())
    return rootDecl(BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                             : BO->getRHS(),
                    IsMember, Depth + 1); // `tids + i`
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (CE->getNumArgs() >= 1)
      return rootDecl(CE->getArg(0), IsMember, Depth + 1);
  return nullptr;
}

bool refersTo(const Expr *E, const VarDecl *V) {
  bool IsMember = false;
  return E && rootDecl(E, IsMember) == V && !IsMember;
}

std::string nameOf(const NamedDecl *D) {
  return D ? D->getNameAsString() : std::string();
}

} // namespace

/// The analysis of one spawn site.
struct LoopVariableCaptureCheck::Analysis {
  Analysis(LoopVariableCaptureCheck &Check, ASTContext &Ctx,
           const SpawnSite &Site)
      : Check(Check), Ctx(Ctx), Site(Site) {}

  LoopVariableCaptureCheck &Check;
  ASTContext &Ctx;
  const SpawnSite &Site;
  llvm::DenseMap<const Stmt *, Fate> FateByLoop;

  /// Is \p S inside the body of \p Loop?
  bool inBody(const Stmt *S, const Stmt *Loop) {
    auto [It, New] = Check.BodyStmts.try_emplace(Loop);
    llvm::DenseSet<const Stmt *> &Set = It->second;
    if (New)
      if (const Stmt *Body = loopBody(Loop)) {
        llvm::SmallVector<const Stmt *, 64> Stack{Body};
        while (!Stack.empty()) {
          const Stmt *Cur = Stack.pop_back_val();
          if (!Cur || !Set.insert(Cur).second)
            continue;
          for (const Stmt *Child : Cur->children())
            Stack.push_back(Child);
        }
      }
    return S && Set.contains(S);
  }

  bool declaredInBody(const ValueDecl *D, const Stmt *Loop) {
    const auto *VD = dyn_cast_or_null<VarDecl>(D);
    if (!VD || !VD->hasLocalStorage())
      return false;
    auto Parents = Ctx.getParents(*VD);
    const Stmt *DS = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    return inBody(DS, Loop);
  }

  CFG *cfgFor(const Stmt *Loop) {
    auto [D, Body] = enclosingBody(Ctx, Loop);
    return Check.CFGs.get(Ctx, D, Body);
  }

  /// The container a handle is moved into: `c.push_back(std::move(h))`.
  Fate fateOfStore(const ValueDecl *Container, bool IsMember,
                   SourceLocation Loc, const Stmt *Loop) {
    if (!Container)
      return Fate::contained(); // unknown destination: stay quiet
    if (IsMember)
      return Fate::outlives(OutliveReason::StoredInMember, Loc,
                            nameOf(Container));
    // `slot *w = &slots[i];`, `W &w = ws[i];`: a local alias stores into
    // what it refers to.
    for (unsigned Hop = 0; Hop < 3; ++Hop) {
      const auto *Alias = dyn_cast<VarDecl>(Container);
      if (!Alias || !Alias->hasLocalStorage() || !Alias->getInit() ||
          !(Alias->getType()->isReferenceType() ||
            Alias->getType()->isPointerType()))
        break;
      bool AliasOfMember = false;
      const ValueDecl *Target = rootDecl(Alias->getInit(), AliasOfMember);
      if (!Target || Target == Alias)
        break;
      if (AliasOfMember)
        return Fate::outlives(OutliveReason::StoredInMember, Loc,
                              nameOf(Target));
      Container = Target;
    }
    if (declaredInBody(Container, Loop))
      return Fate::contained();
    if (joinedLaterInIteration(Container, Loop, Loc))
      return Fate::contained();
    return Fate::outlives(OutliveReason::StoredOutside, Loc,
                          nameOf(Container));
  }

  /// Does the iteration of \p Loop, after \p After, wait for the work held
  /// in \p Container: a join of the container itself (`group.join_all()`),
  /// of its elements (`ts[j].join()`, `pthread_join(tids[j], 0)`), or of the
  /// variable of a range-for over it (`for (auto &t : ts) t.join();`)? The
  /// rounds of an iterative computation (start a batch, join the batch) are
  /// written so.
  bool joinedLaterInIteration(const ValueDecl *Container, const Stmt *Loop,
                              SourceLocation After) {
    const Stmt *Body = loopBody(Loop);
    if (!Body)
      return false;
    const SourceManager &SM = Ctx.getSourceManager();
    llvm::SmallVector<const Stmt *, 64> Stack{Body};
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      for (const Stmt *Child : S->children())
        Stack.push_back(Child);
      const auto *Call = dyn_cast<CallExpr>(S);
      const Expr *Joined = Call ? Check.model().joinedObject(Call) : nullptr;
      if (!Joined || !SM.isBeforeInTranslationUnit(After, Call->getBeginLoc()))
        continue;
      bool IsMember = false;
      const ValueDecl *Root = rootDecl(Joined, IsMember);
      if (Root == Container)
        return true;
      if (const auto *Elem = dyn_cast_or_null<VarDecl>(Root))
        if (const auto *RF = rangeForOf(Elem))
          if (rootDecl(RF->getRangeInit(), IsMember) == Container && inBody(RF, Loop))
            return true;
    }
    return false;
  }

  /// The range-for whose loop variable is \p V, if any.
  const CXXForRangeStmt *rangeForOf(const VarDecl *V) {
    auto Parents = Ctx.getParents(*V);
    const auto *DS = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    if (!DS)
      return nullptr;
    auto Up = Ctx.getParents(*DS);
    const auto *RF = Up.empty() ? nullptr : Up[0].get<CXXForRangeStmt>();
    return RF && RF->getLoopVarStmt() == DS ? RF : nullptr;
  }

  /// Follows a handle variable through the CFG from the spawn to the end of
  /// the iteration of \p Loop.
  Fate fateOfHandle(const VarDecl *Handle, const Stmt *From, const Stmt *Loop,
                    model::DestructorEffect OnDestroy) {
    CFG *G = cfgFor(Loop);
    if (!G)
      return Fate::contained();
    const CFGBlock *StartBlock = nullptr;
    unsigned StartIndex = 0;
    for (const CFGBlock *B : *G) {
      for (unsigned I = 0; I < B->size() && !StartBlock; ++I)
        if (auto CS = (*B)[I].getAs<CFGStmt>())
          if (CS->getStmt() == From) {
            StartBlock = B;
            StartIndex = I + 1;
          }
      if (StartBlock)
        break;
    }
    if (!StartBlock)
      return Fate::contained(); // the spawn is inside a nested lambda

    llvm::SmallPtrSet<const CFGBlock *, 32> Visited;
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
    Work.push_back({StartBlock, StartIndex});
    while (!Work.empty()) {
      auto [B, Index] = Work.pop_back_val();
      bool PathDone = false;
      for (unsigned I = Index; I < B->size() && !PathDone; ++I) {
        CFGElement E = (*B)[I];
        if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
          if (Dtor->getVarDecl() != Handle)
            continue;
          if (OnDestroy == model::DestructorEffect::None)
            return Fate::outlives(OutliveReason::NotJoined,
                                  Handle->getLocation(), nameOf(Handle));
          PathDone = true; // joined, or the program terminates
          continue;
        }
        auto CS = E.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        if (!inBody(S, Loop))
          return Fate::outlives(OutliveReason::NotJoined,
                                Handle->getLocation(), nameOf(Handle));
        const auto *Call = dyn_cast<CallExpr>(S);
        if (!Call)
          continue;
        if (refersTo(Check.model().joinedObject(Call), Handle)) {
          PathDone = true;
          continue;
        }
        if (refersTo(Check.model().detachedObject(Call), Handle))
          return Fate::outlives(OutliveReason::Detached, Call->getBeginLoc(),
                                nameOf(Handle));
        // The handle moved away: follow it into a container, else give up.
        if (isMoveOrForward(Call) && Call->getNumArgs() == 1 &&
            refersTo(Call->getArg(0), Handle)) {
          const Expr *Into = nullptr;
          SourceLocation At;
          if (const CXXMemberCallExpr *Dest = findEnclosingInsert(Call)) {
            Into = Dest->getImplicitObjectArgument();
            At = Dest->getBeginLoc();
          } else if (const CXXOperatorCallExpr *Assign =
                         findEnclosingAssign(Call)) {
            Into = Assign->getArg(0); // `ts[i] = std::move(t)`
            At = Assign->getBeginLoc();
          }
          if (!Into)
            return Fate::contained();
          bool IsMember = false;
          const ValueDecl *C = rootDecl(Into, IsMember);
          Fate F = fateOfStore(C, IsMember, At, Loop);
          if (F.Outlives)
            return F;
          PathDone = true;
        }
      }
      if (PathDone)
        continue;
      // `abort()`, `exit()`, a failed `assert`: the program ends on this
      // path. A `throw` unwinds the frame, and the handle's destructor joins
      // (or terminates) on the way out.
      if (B->hasNoReturnElement() ||
          (OnDestroy != model::DestructorEffect::None && throwsOut(B)))
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        const CFGBlock *SB = Succ.getReachableBlock();
        if (!SB || !Visited.insert(SB).second)
          continue;
        if (SB == &G->getExit() || !blockInIteration(SB, Loop)) {
          // Leaving the iteration with the work still running, unless the
          // handle is a local whose destructor ran on the way out (then the
          // CFG shows that destructor first).
          return Fate::outlives(OutliveReason::NotJoined,
                                Handle->getLocation(), nameOf(Handle));
        }
        Work.push_back({SB, 0});
      }
    }
    return Fate::contained();
  }

  /// Does \p B throw (its last statement is a `throw`)?
  static bool throwsOut(const CFGBlock *B) {
    if (const Stmt *T = B->getTerminatorStmt(); T && isa<CXXThrowExpr>(T))
      return true;
    for (auto It = B->rbegin(); It != B->rend(); ++It)
      if (auto CS = It->getAs<CFGStmt>())
        return isa<CXXThrowExpr>(CS->getStmt());
    return false;
  }

  /// `X = std::move(h)`: the assignment that stores the moved handle.
  const CXXOperatorCallExpr *findEnclosingAssign(const Stmt *S) {
    DynTypedNode N = DynTypedNode::create(*S);
    for (unsigned Up = 0; Up < 6; ++Up) {
      auto Parents = Ctx.getParents(N);
      if (Parents.empty())
        return nullptr;
      N = Parents[0];
      if (const auto *OC = N.get<CXXOperatorCallExpr>())
        return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 ? OC
                                                                      : nullptr;
      const auto *E = N.get<Expr>();
      if (!E || !(isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                      CXXBindTemporaryExpr, ParenExpr>(E) ||
                  (isa<CXXConstructExpr>(E) &&
                   cast<CXXConstructExpr>(E)->getNumArgs() == 1)))
        return nullptr;
    }
    return nullptr;
  }

  /// A member call that inserts into a container, enclosing \p S closely.
  const CXXMemberCallExpr *findEnclosingInsert(const Stmt *S) {
    DynTypedNode N = DynTypedNode::create(*S);
    for (unsigned Up = 0; Up < 6; ++Up) {
      auto Parents = Ctx.getParents(N);
      if (Parents.empty())
        return nullptr;
      N = Parents[0];
      if (const auto *MC = N.get<CXXMemberCallExpr>()) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && MD->getIdentifier() &&
            llvm::is_contained(model::ApiModel::containerInsertNames(),
                               MD->getName()))
          return MC;
        return nullptr;
      }
      if (!N.get<Expr>())
        return nullptr;
    }
    return nullptr;
  }

  /// Does the block belong to the iteration (its statements are in the body,
  /// or it has none)?
  bool blockInIteration(const CFGBlock *B, const Stmt *Loop) {
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        return inBody(CS->getStmt(), Loop);
    if (const Stmt *T = B->getTerminatorStmt())
      return T != Loop && inBody(T, Loop);
    return true;
  }

  /// Climbs from the spawn call over temporaries and conversions to the
  /// node that decides what owns the work.
  DynTypedNode owner(const Expr *&Top) {
    Top = Site.Call;
    DynTypedNode N = DynTypedNode::create(*Top);
    for (unsigned Guard = 0; Guard < 32; ++Guard) {
      auto Parents = Ctx.getParents(N);
      if (Parents.empty())
        return N;
      DynTypedNode P = Parents[0];
      const auto *PE = P.get<Expr>();
      bool Transparent =
          PE && (isa<ImplicitCastExpr>(PE) || isa<MaterializeTemporaryExpr>(PE) ||
                 isa<CXXBindTemporaryExpr>(PE) || isa<ExprWithCleanups>(PE) ||
                 isa<ParenExpr>(PE) || isa<CXXFunctionalCastExpr>(PE) ||
                 isa<CXXNewExpr>(PE) || isOwningPointerConstruction(PE) ||
                 (isa<CXXConstructExpr>(PE) &&
                  cast<CXXConstructExpr>(PE)->getNumArgs() == 1 &&
                  cast<CXXConstructExpr>(PE)
                      ->getConstructor()
                      ->isCopyOrMoveConstructor()));
      if (PE && isa<MemberExpr>(PE)) {
        // `std::thread(...).detach()`: the call on the temporary decides.
        auto Calls = Ctx.getParents(P);
        if (!Calls.empty() && Calls[0].get<CXXMemberCallExpr>())
          return Calls[0];
      }
      if (!Transparent)
        return P;
      Top = PE;
      N = P;
    }
    return N;
  }

  model::DestructorEffect handleEffect(const VarDecl *Handle) {
    if (isa<CallExpr>(Site.Call) && !isa<CXXMemberCallExpr>(Site.Call) &&
        (Site.Api->ResultJoinsOnDestruction || Site.Deferred))
      return model::DestructorEffect::Joins;
    return Check.model().destructorEffect(Handle->getType());
  }

  Fate fateOfExecutor(const Expr *Executor, const Stmt *Loop) {
    bool IsMember = false;
    const ValueDecl *Root = rootDecl(Executor, IsMember);
    const auto *RootVar = dyn_cast_or_null<VarDecl>(Root);
    // `auto ex = pool.get_executor();`, `auto s = asio::make_strand(pool);`:
    // the execution context behind the executor decides.
    for (unsigned Hop = 0; Hop < 3 && RootVar && !IsMember; ++Hop) {
      if (Check.model().destructorEffect(RootVar->getType()) !=
              model::DestructorEffect::None ||
          !RootVar->hasLocalStorage() || !RootVar->getInit())
        break;
      bool InitIsMember = false;
      const auto *Next = dyn_cast_or_null<VarDecl>(
          rootDecl(RootVar->getInit(), InitIsMember));
      if (!Next || InitIsMember || Next == RootVar)
        break;
      Root = RootVar = Next;
    }
    if (!RootVar || IsMember)
      return Fate::outlives(OutliveReason::Queued, Site.Call->getBeginLoc(),
                            Root ? "'" + nameOf(Root) + "'" : "its executor");
    model::DestructorEffect Effect =
        Check.model().destructorEffect(RootVar->getType());
    Fate F = fateOfHandle(RootVar, Site.Call, Loop, Effect);
    if (F.Outlives) {
      F.Reason = OutliveReason::Queued;
      F.Loc = Site.Call->getBeginLoc();
      F.Name = "'" + nameOf(RootVar) + "'";
    }
    return F;
  }

  /// Can the work started at the spawn site outlive an iteration of \p Loop?
  Fate fate(const Stmt *Loop) {
    auto It = FateByLoop.find(Loop);
    if (It != FateByLoop.end())
      return It->second;
    Fate F = computeFate(Loop);
    FateByLoop[Loop] = F;
    return F;
  }

  Fate computeFate(const Stmt *Loop) {
    SourceLocation At = Site.Call->getBeginLoc();
    if (Site.HandleOut) { // pthread_create(&t, ...)
      const Expr *Out = ignoreWrappers(Site.HandleOut);
      if (const auto *UO = dyn_cast<UnaryOperator>(Out))
        if (UO->getOpcode() == UO_AddrOf)
          Out = UO->getSubExpr();
      bool IsMember = false;
      const ValueDecl *Root = rootDecl(Out, IsMember);
      const auto *Var = dyn_cast_or_null<VarDecl>(Root);
      if (Var && !IsMember && isa<DeclRefExpr>(ignoreWrappers(Out)))
        return fateOfHandle(Var, Site.Call, Loop,
                            model::DestructorEffect::None);
      return fateOfStore(Root, IsMember, At, Loop);
    }

    if (Site.Form == model::SpawnForm::ContainerEmplace) {
      bool IsMember = false;
      const ValueDecl *C = rootDecl(Site.Executor, IsMember);
      return fateOfStore(C, IsMember, At, Loop);
    }

    const Expr *Top = nullptr;
    DynTypedNode P = owner(Top);
    bool IsConstructor = Site.Form == model::SpawnForm::Constructor;
    bool ReturnsHandle = IsConstructor || Site.Api->ResultJoinsOnDestruction ||
                         !Site.Call->getType()->isVoidType();

    if (const auto *VD = P.get<VarDecl>()) {
      if (ReturnsHandle && VD->hasLocalStorage())
        return fateOfHandle(VD, Site.Call, Loop, handleEffect(VD));
      return Fate::contained();
    }
    if (P.get<ReturnStmt>())
      return Fate::outlives(OutliveReason::Returned, P.get<Stmt>()->getBeginLoc());

    if (const auto *MC = P.get<CXXMemberCallExpr>()) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (ignoreWrappers(MC->getImplicitObjectArgument()) ==
          ignoreWrappers(Top)) {
        if (Check.model().detachedObject(MC))
          return Fate::outlives(OutliveReason::Detached, MC->getExprLoc());
        return Fate::contained(); // joined on the spot, or unknown use
      }
      if (MD && MD->getIdentifier() &&
          llvm::is_contained(model::ApiModel::containerInsertNames(),
                             MD->getName())) {
        bool IsMember = false;
        const ValueDecl *C = rootDecl(MC->getImplicitObjectArgument(), IsMember);
        return fateOfStore(C, IsMember, MC->getBeginLoc(), Loop);
      }
      return Fate::contained();
    }
    if (const auto *OC = P.get<CXXOperatorCallExpr>()) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
        const Expr *LHS = ignoreWrappers(OC->getArg(0));
        // `t = std::thread(...)`: a local handle declared in the body is
        // destroyed with the iteration; one declared outside is not. A
        // reference stores into what it refers to: the elements of a
        // range-for (`for (auto &t : ts) t = std::thread(...)`) or its
        // initialiser (`auto &t = ts[i];`).
        if (const VarDecl *Var = namedVar(LHS); Var && Var->hasLocalStorage()) {
          if (!Var->getType()->isReferenceType())
            return fateOfHandle(Var, Site.Call, Loop, handleEffect(Var));
          if (const CXXForRangeStmt *RF = rangeForOf(Var)) {
            bool IsMember = false;
            const ValueDecl *Elements = rootDecl(RF->getRangeInit(), IsMember);
            return fateOfStore(Elements, IsMember, OC->getBeginLoc(), Loop);
          }
          return fateOfStore(Var, false, OC->getBeginLoc(), Loop);
        }
        bool IsMember = false;
        const ValueDecl *Root = rootDecl(LHS, IsMember);
        return fateOfStore(Root, IsMember, OC->getBeginLoc(), Loop);
      }
      return Fate::contained();
    }
    // A discarded result: statement context.
    if (P.get<Stmt>() && !P.get<Expr>()) {
      if (IsConstructor || Site.Api->ResultJoinsOnDestruction || Site.Deferred)
        return Fate::contained(); // a temporary that waits (or terminates)
      if (Site.Executor)
        return fateOfExecutor(Site.Executor, Loop);
      if (Site.Api->SystemExecutorByDefault)
        return Fate::outlives(OutliveReason::Queued, At, "the system executor");
      return Fate::outlives(OutliveReason::Discarded, At);
    }
    return Fate::contained(); // passed somewhere we cannot follow
  }
};

LoopVariableCaptureCheck::LoopVariableCaptureCheck(llvm::StringRef Name,
                                                   clang::tidy::ClangTidyContext *Ctx)
    : TetherCheck(Name, Ctx) {}

void LoopVariableCaptureCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      traverse(TK_AsIs,
               stmt(model::spawnSiteMatcher(model()),
                    hasAncestor(stmt(anyOf(forStmt(), cxxForRangeStmt(),
                                           whileStmt(), doStmt()))))),
      this);
}

void LoopVariableCaptureCheck::onEndOfTranslationUnit() {
  CFGs.clear();
  BodyStmts.clear();
  Reported.clear();
}

namespace {

/// Can `[&v]` become `[v]` (or `[&]` become `[&, v]`) without changing what
/// the lambda may do: the type is copyable and the lambda never writes it.
bool copyCaptureIsSafe(const LoopRef &Ref, ASTContext &Ctx) {
  if (!Ref.Direct || Ref.Form == RefForm::InitCapture)
    return false;
  QualType T = Ref.Var->getType();
  if (T->isReferenceType() || isa<DecompositionDecl>(Ref.Var))
    return false;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    if (!RD->hasDefinition())
      return false;
    bool Copyable = RD->needsImplicitCopyConstructor()
                        ? !RD->defaultedCopyConstructorIsDeleted()
                        : false;
    for (const CXXConstructorDecl *Ctor : RD->ctors())
      if (Ctor->isCopyConstructor() && !Ctor->isDeleted() &&
          Ctor->getAccess() != AS_private && Ctor->getAccess() != AS_protected)
        Copyable = true;
    if (!Copyable)
      return false;
  }
  const Stmt *Body = Ref.Lambda->getBody();
  ExprMutationAnalyzer Mutations(*Body, Ctx);
  return !Mutations.isMutated(Ref.Var);
}

/// Where the user wrote \p Loc: macro arguments are written at the call
/// site; anything else inside a macro has no safe place for a fix-it.
SourceLocation writtenLoc(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
    Loc = SM.getSpellingLoc(Loc);
  return Loc.isFileID() ? Loc : SourceLocation();
}

/// The `&` before an explicit by-reference capture at \p NameLoc.
SourceLocation ampersandBefore(SourceLocation NameLoc, const SourceManager &SM) {
  if (NameLoc.isInvalid())
    return {};
  bool Invalid = false;
  const char *Begin = SM.getCharacterData(NameLoc, &Invalid);
  if (Invalid)
    return {};
  const char *P = Begin;
  const char *BufStart = SM.getBufferData(SM.getFileID(NameLoc)).data();
  while (P > BufStart) {
    --P;
    if (*P == ' ' || *P == '\t' || *P == '\n' || *P == '\r')
      continue;
    if (*P == '&')
      return NameLoc.getLocWithOffset(P - Begin);
    return {};
  }
  return {};
}

} // namespace

void LoopVariableCaptureCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<Expr>("spawn");
  std::optional<SpawnSite> Site = model().classifySpawn(Call);
  if (!Site)
    return;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;

  llvm::SmallVector<LoopRef, 4> Refs;
  if (const LambdaExpr *LE = model::lambdaOf(Site->Callable))
    collectLambdaRefs(LE, /*Direct=*/ignoreWrappers(Site->Callable) == LE, Refs);
  llvm::SmallVector<const Expr *, 8> Forwarded(Site->ForwardedArgs.begin(),
                                               Site->ForwardedArgs.end());
  // `std::bind(f, std::ref(i))`: the bound arguments travel with the work.
  if (const auto *Bind =
          dyn_cast_or_null<CallExpr>(ignoreWrappers(Site->Callable)))
    if (isCallTo(Bind, {"::std::bind", "::std::bind_front", "::boost::bind"}))
      for (unsigned I = 1; I < Bind->getNumArgs(); ++I)
        Forwarded.push_back(Bind->getArg(I));
  for (const Expr *Arg : Forwarded) {
    LoopRef Ref;
    Ref.Shown = referencedDecl(Arg, Ref.Form);
    Ref.Var = storageOf(Ref.Shown);
    Ref.Loc = Arg->getBeginLoc();
    if (Ref.Var)
      Refs.push_back(Ref);
  }
  if (Refs.empty())
    return;

  Analysis A(*this, Ctx, *Site);
  std::string Api = model::displayName(*Site->Api).str();
  llvm::StringRef Noun = model::workNoun(Site->Api->Kind);

  for (const LoopRef &Ref : Refs) {
    if (!hasIterationLifetime(Ref.Var))
      continue;
    LoopScope Scope;
    bool IsLoopVar = false;
    const Expr *Step = nullptr; // a variable declared before its loop
    const Stmt *Loop = scopingLoop(Ctx, Ref.Var, Scope, IsLoopVar);
    if (!Loop && (Loop = advancingLoop(Ctx, Site->Call, Ref.Var, Step))) {
      Scope = LoopScope::Shared;
      IsLoopVar = true;
    }
    if (!Loop || !reachesLoopByReference(Ctx, Site->Call, Loop, Ref.Var))
      continue;
    Fate F = A.fate(Loop);
    if (!F.Outlives)
      continue;

    SourceLocation Where = Ref.Loc.isValid() ? Ref.Loc : Site->Call->getBeginLoc();
    auto Key = std::make_pair(SM.getFileLoc(Where).getRawEncoding(),
                              SM.getFileLoc(Site->Call->getBeginLoc())
                                  .getRawEncoding());
    if (!Reported.insert(Key).second)
      continue;

    std::string What =
        (IsLoopVar ? "loop variable '" : "variable '") + Ref.Shown->getName().str() +
        "'" + (IsLoopVar ? "" : " declared in the loop body");
    std::string How;
    switch (Ref.Form) {
    case RefForm::ExplicitCapture:
    case RefForm::ImplicitCapture:
    case RefForm::InitCapture:
      How = What + " is captured by reference by a lambda that '" + Api +
            "' runs";
      break;
    case RefForm::AddressArg:
      How = "the address of " + What + " is passed to a " + Noun.str() +
            " started by '" + Api + "'";
      break;
    case RefForm::RefWrapperArg:
      How = "a reference to " + What + " is passed to a " + Noun.str() +
            " started by '" + Api + "'";
      break;
    }
    std::string Name = Ref.Shown->getName().str();
    bool IsPointer = Ref.Form == RefForm::AddressArg;
    std::string Dangling =
        IsPointer ? "through a dangling pointer" : "a dangling reference";
    // A variable declared before the loop lives on after it: the race with
    // later iterations is the bug, not a dangling reference.
    std::string Why =
        Scope == LoopScope::PerIteration
            ? "'" + Name + "' is destroyed when its iteration ends, so the " +
                  Noun.str() + " can read " + Dangling
        : Step ? "all iterations share '" + Name + "', so the " + Noun.str() +
                     " can read a later value"
               : "all iterations share '" + Name + "', so the " + Noun.str() +
                     " can read a later value, or " + Dangling +
                     " once the loop ends";
    bool IsArg = IsPointer || Ref.Form == RefForm::RefWrapperArg;
    std::string Fix =
        IsPointer ? (Scope == LoopScope::Shared
                         ? "give each " + Noun.str() + " its own copy"
                         : "give each " + Noun.str() +
                               " a copy that outlives the iteration (a slot "
                               "per " + Noun.str() + " declared before the "
                               "loop, or one allocated for it)")
        : IsArg ? "pass '" + Name + "' by value"
                : "capture '" + Name + "' by value";

    {
      auto D = diag(Where, "%0; %1; %2") << How << Why << Fix;
      if (!IsArg && copyCaptureIsSafe(Ref, Ctx)) {
        // `[=, &s]` cannot become `[=, s]` (a copy capture under a copy
        // default is ill-formed); dropping the capture is left to the user.
        if (Ref.Form == RefForm::ExplicitCapture &&
            Ref.Lambda->getCaptureDefault() != LCD_ByCopy) {
          SourceLocation Name = writtenLoc(Ref.Loc, SM);
          SourceLocation Amp = ampersandBefore(Name, SM);
          if (Amp.isValid())
            D << FixItHint::CreateRemoval(
                CharSourceRange::getCharRange(Amp, Name));
        } else if (Ref.Form == RefForm::ImplicitCapture) {
          SourceLocation Default =
              writtenLoc(Ref.Lambda->getCaptureDefaultLoc(), SM);
          if (Default.isValid())
            D << FixItHint::CreateInsertion(Default.getLocWithOffset(1),
                                            (", " + Name));
        }
      }
    }
    diag(Ref.Shown->getLocation(), IsLoopVar ? "loop variable '%0' is declared here"
                                           : "'%0' is declared here, inside the loop",
         DiagnosticIDs::Note)
        << Name;
    if (Step)
      diag(Step->getExprLoc(),
           "the loop changes '%0' here, while the %1 may still read it",
           DiagnosticIDs::Note)
          << Name << Noun;
    diag(Site->Call->getBeginLoc(), "'%0' starts the %1 here",
         DiagnosticIDs::Note)
        << Api << Noun;
    switch (F.Reason) {
    case OutliveReason::Detached:
      diag(F.Loc, "the %0 is detached here; nothing waits for it before the "
                  "iteration ends",
           DiagnosticIDs::Note)
          << Noun;
      break;
    case OutliveReason::StoredOutside:
      diag(F.Loc, "the %0 is stored in '%1', which outlives the iteration",
           DiagnosticIDs::Note)
          << Noun << F.Name;
      break;
    case OutliveReason::StoredInMember:
      diag(F.Loc, "the %0 is stored in member '%1', which outlives the loop",
           DiagnosticIDs::Note)
          << Noun << F.Name;
      break;
    case OutliveReason::NotJoined:
      diag(F.Loc, "'%0' does not wait for the %1 on every path before the "
                  "iteration ends",
           DiagnosticIDs::Note)
          << F.Name << Noun;
      break;
    case OutliveReason::Returned:
      diag(F.Loc, "the %0 is returned here and outlives the loop",
           DiagnosticIDs::Note)
          << Noun;
      break;
    case OutliveReason::Queued:
      diag(F.Loc, "the %0 is handed to %1, and nothing waits for it before "
                  "the iteration ends",
           DiagnosticIDs::Note)
          << Noun << F.Name; // already quoted where it is a name
      break;
    case OutliveReason::Discarded:
      diag(F.Loc, "the result of '%0' is discarded; nothing waits for the %1",
           DiagnosticIDs::Note)
          << Api << Noun;
      break;
    }
  }
}

} // namespace tether::tidy
