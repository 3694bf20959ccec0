//===- TokenModel.cpp - Token pools of the API model ---------------------===//
//
// Semantics: std::counting_semaphore<N>(desired) starts with `desired`
// tokens; acquire() blocks, try_acquire() does not, try_acquire_for/until
// give up after a timeout (true on success); release(n = 1) gives n back.
// binary_semaphore is counting_semaphore<1>. POSIX: sem_init(s, pshared,
// value); sem_wait blocks (0 on success, -1 with errno EINTR or EINVAL on
// failure, holding nothing), sem_trywait does not, sem_timedwait and
// sem_clockwait time out (0 on success); sem_post gives one back;
// sem_getvalue and sem_destroy read or end the pool and move no token.
//
//===----------------------------------------------------------------------===//

#include "model/TokenModel.h"

#include "model/ApiModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace tether::model {
namespace {

using K = TokenOpKind;
using B = Blocking;
using R = SuccessResult;

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

std::string withColons(llvm::StringRef Name) {
  Name = Name.trim();
  return Name.starts_with("::") ? Name.str() : "::" + Name.str();
}

/// The variable an expression naming a pool refers to (`sem`, `&sem`,
/// `*p`, `ptr->`).
const VarDecl *poolVar(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 8; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace

TokenModel::TokenModel(const ModelOptions &Options, const ChannelModel &Ch)
    : Channels(Ch) {
  auto &Std = Classes["::std::counting_semaphore"];
  Std["acquire"] = {K::Acquire, B::Forever};
  Std["try_acquire"] = {K::Acquire, B::Never, R::True};
  Std["try_acquire_for"] = {K::Acquire, B::Timed, R::True};
  Std["try_acquire_until"] = {K::Acquire, B::Timed, R::True};
  Std["release"] = {K::Release, B::Never, R::None, -1, /*CountArg=*/0};
  CountArgOfClass["::std::counting_semaphore"] = 0;

  Functions["::sem_init"] = {K::Init, B::Never, R::None, 0, /*CountArg=*/2};
  Functions["::sem_wait"] = {K::Acquire, B::Forever, R::Zero, 0};
  Functions["::sem_trywait"] = {K::Acquire, B::Never, R::Zero, 0};
  Functions["::sem_timedwait"] = {K::Acquire, B::Timed, R::Zero, 0};
  Functions["::sem_clockwait"] = {K::Acquire, B::Timed, R::Zero, 0};
  Functions["::sem_post"] = {K::Release, B::Never, R::None, 0};
  Functions["::sem_getvalue"] = {K::Use, B::Never, R::None, 0};
  Functions["::sem_destroy"] = {K::Use, B::Never, R::None, 0};

  // User pools: `::ns::Pool` or `::ns::Pool(argN)` (constructor argument N
  // is the initial number of tokens).
  for (const std::string &Entry : Options.TokenTypes) {
    auto [Name, Count] = llvm::StringRef(Entry).split('(');
    std::string Key = withColons(Name);
    Classes[Key]; // a pool class, even before its operations are named
    Count = Count.trim();
    Count.consume_back(")");
    int Arg = -1;
    if (Count.consume_front("arg") && !Count.getAsInteger(10, Arg))
      CountArgOfClass[Key] = Arg;
  }
  auto AddUser = [&](const std::vector<std::string> &Names, TokenOp Op) {
    for (const std::string &N : Names) {
      std::string Name = withColons(N);
      auto [Owner, Method] = llvm::StringRef(Name).rsplit("::");
      if (auto It = Classes.find(Owner); It != Classes.end()) {
        It->second[Method] = Op;
        continue;
      }
      TokenOp Free = Op;
      Free.TokenArg = 0;
      Functions[Name] = Free;
    }
  };
  AddUser(Options.TokenAcquireFunctions, {K::Acquire, B::Forever});
  AddUser(Options.TokenReleaseFunctions, {K::Release, B::Never});
}

std::optional<TokenOpSite> TokenModel::classify(const CallExpr *Call,
                                                bool ChannelsAsPools) const {
  if (!Call)
    return std::nullopt;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return std::nullopt;
  TokenOpSite Site;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    auto It = MD ? Classes.find(qualifiedName(MD->getParent())) : Classes.end();
    if (It != Classes.end()) {
      auto Op = It->second.find(MD->getDeclName().getAsString());
      if (Op == It->second.end())
        return std::nullopt;
      Site.Op = Op->second;
      Site.Name = Op->first();
      Site.Token = MC->getImplicitObjectArgument();
      Site.Kind = It->first().drop_front(2).str();
      return Site;
    }
  } else if (auto It = Functions.find(qualifiedName(FD)); It != Functions.end()) {
    const TokenOp &Op = It->second;
    if (Op.TokenArg < 0 || unsigned(Op.TokenArg) >= Call->getNumArgs())
      return std::nullopt;
    Site.Op = Op;
    Site.Name = It->first();
    Site.Name.consume_front("::");
    Site.Token = Call->getArg(Op.TokenArg);
    Site.Kind = Site.Name.starts_with("sem_") ? "sem_t" : "token pool";
    return Site;
  }
  if (!ChannelsAsPools)
    return std::nullopt;
  auto Ch = Channels.classify(Call);
  if (!Ch || !Ch->Channel)
    return std::nullopt;
  if (Ch->Op.Kind == ChannelOpKind::Send)
    Site.Op = {K::Acquire, Ch->Op.Block, Ch->Op.Success};
  else if (Ch->Op.Kind == ChannelOpKind::Receive)
    Site.Op = {K::Release, Ch->Op.Block, Ch->Op.Success};
  else
    return std::nullopt;
  Site.Name = Ch->Name;
  Site.Token = Ch->Channel;
  Site.Kind = Ch->Library->Name;
  Site.Channel = Ch->Library;
  return Site;
}

bool TokenModel::isPoolType(QualType T) const {
  if (const CXXRecordDecl *RD = recordOf(T))
    return Classes.count(qualifiedName(RD)) > 0;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getUnqualifiedType().getAsString() == "sem_t";
}

std::optional<uint64_t> TokenModel::initialTokens(const VarDecl *V,
                                                  const Stmt *Body,
                                                  const ASTContext &Ctx) const {
  if (!V)
    return std::nullopt;
  auto Constant = [&](const Expr *E) -> std::optional<uint64_t> {
    Expr::EvalResult R;
    if (!E || E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) ||
        R.Val.getInt().isNegative())
      return std::nullopt;
    return R.Val.getInt().getZExtValue();
  };
  // A channel used as a pool: its capacity.
  if (const ChannelLibrary *Lib = Channels.channelType(V->getType())) {
    auto Cap = Channels.capacityOf(*Lib, V->getInit(), V->getType(), Ctx);
    if (Cap && *Cap == ChannelModel::UnboundedCapacity)
      return std::nullopt;
    return Cap;
  }
  if (const CXXRecordDecl *RD = recordOf(V->getType());
      RD && Classes.count(qualifiedName(RD))) {
    auto It = CountArgOfClass.find(qualifiedName(RD));
    if (It == CountArgOfClass.end() || !V->getInit())
      return std::nullopt;
    const auto *CE =
        dyn_cast<CXXConstructExpr>(V->getInit()->IgnoreImplicit());
    if (!CE || unsigned(It->second) >= CE->getNumArgs())
      return std::nullopt;
    return Constant(CE->getArg(It->second));
  }
  // sem_t: the value of a sem_init(&V, _, n) in the function.
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    const Expr *Value = nullptr;
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->getIdentifier() && FD->getName() == "sem_init" &&
          CE->getNumArgs() == 3 && poolVar(CE->getArg(0)) == V)
        Value = CE->getArg(2);
      return true;
    }
  } F;
  F.V = V;
  if (Body)
    F.TraverseStmt(const_cast<Stmt *>(Body));
  return Constant(F.Value);
}

bool TokenModel::mentionsToken(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    return Classes.count(qualifiedName(MD->getParent())) > 0;
  return FD->getIdentifier() && Functions.count(qualifiedName(FD)) > 0;
}

} // namespace tether::model
