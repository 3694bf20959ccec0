//===- ChannelModel.cpp - Channels of the API model ----------------------===//
//
// Semantics checked against the libraries' headers and manuals:
//  - Boost.Fiber (boost/fiber/{unbuffered,buffered}_channel.hpp, 1.74-1.83):
//    buffered_channel(capacity) throws unless capacity is a power of two
//    >= 2, and is full at capacity - 1 values; close() wakes blocked pushers
//    and poppers (`closed`); both destructors call close(); only
//    buffered_channel has try_push/try_pop.
//  - cpp-channel (msd/channel.hpp): a default channel is an unbounded queue
//    (writes never block); channel(n) blocks writers while n values wait,
//    and close() does NOT wake them (the wait only checks the size); later
//    writes return false / `<<` throws msd::closed_channel.
//  - libtask (task.h): chancreate(elemsize, bufsize) holds bufsize values;
//    chansend/chanrecv block; channbsend/channbrecv return 1 when done, 0
//    when they would block; no close.
//  - libdill 2 (libdill.h): chmake fills two handles of an unbuffered
//    channel; chsend/chrecv take a deadline (-1: forever, 0: never wait);
//    chdone wakes blocked senders and receivers with EPIPE.
//
//===----------------------------------------------------------------------===//

#include "model/ChannelModel.h"

#include "model/ApiModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace tether::model {
namespace {

using K = ChannelOpKind;
using B = Blocking;
using R = SuccessResult;

struct BuiltinMethod {
  const char *Name;
  ChannelOp Op;
};

const BuiltinMethod BoostUnbufferedOps[] = {
    {"push", {K::Send, B::Forever, R::OpStatus}},
    {"push_wait_for", {K::Send, B::Timed, R::OpStatus}},
    {"push_wait_until", {K::Send, B::Timed, R::OpStatus}},
    {"pop", {K::Receive, B::Forever, R::OpStatus}},
    {"value_pop", {K::Receive, B::Forever, R::None}},
    {"pop_wait_for", {K::Receive, B::Timed, R::OpStatus}},
    {"pop_wait_until", {K::Receive, B::Timed, R::OpStatus}},
    {"close", {K::Close}},
};

const BuiltinMethod BoostBufferedExtraOps[] = {
    {"try_push", {K::Send, B::Never, R::OpStatus}},
    {"try_pop", {K::Receive, B::Never, R::OpStatus}},
};

const BuiltinMethod MsdOps[] = {
    {"write", {K::Send, B::Forever, R::True}},
    {"read", {K::Receive, B::Forever, R::True}},
    {"close", {K::Close}},
    // Friend operators: the channel is the first argument.
    {"operator<<", {K::Send, B::Forever, R::None, /*ChannelArg=*/0}},
    {"operator>>", {K::Receive, B::Forever, R::None, /*ChannelArg=*/0}},
};

struct BuiltinFunction {
  const char *Name;
  ChannelOp Op;
};

const BuiltinFunction LibtaskFunctions[] = {
    {"chancreate", {K::Create}},
    {"chanfree", {K::Destroy, B::Never, R::None, 0}},
    {"chansend", {K::Send, B::Forever, R::None, 0}},
    {"chansendp", {K::Send, B::Forever, R::None, 0}},
    {"chansendul", {K::Send, B::Forever, R::None, 0}},
    {"chanrecv", {K::Receive, B::Forever, R::None, 0}},
    {"chanrecvp", {K::Receive, B::Forever, R::None, 0}},
    {"chanrecvul", {K::Receive, B::Forever, R::None, 0}},
    {"channbsend", {K::Send, B::Never, R::One, 0}},
    {"channbsendp", {K::Send, B::Never, R::One, 0}},
    {"channbsendul", {K::Send, B::Never, R::One, 0}},
    {"channbrecv", {K::Receive, B::Never, R::One, 0}},
    {"channbrecvp", {K::Receive, B::Never, R::None, 0}},
    {"channbrecvul", {K::Receive, B::Never, R::None, 0}},
};

// libdill declares dill_-prefixed functions; `chsend` etc. are macros.
const BuiltinFunction LibdillFunctions[] = {
    {"dill_chmake", {K::Create, B::Never, R::Zero, 0, -1, /*FillsPair=*/true}},
    {"dill_chmake_mem",
     {K::Create, B::Never, R::Zero, 1, -1, /*FillsPair=*/true}},
    {"dill_chsend", {K::Send, B::Forever, R::Zero, 0, /*DeadlineArg=*/3}},
    {"dill_chrecv", {K::Receive, B::Forever, R::Zero, 0, /*DeadlineArg=*/3}},
    {"dill_chdone", {K::Close, B::Never, R::Zero, 0}},
    {"dill_hclose", {K::Destroy, B::Never, R::Zero, 0}},
};

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD;
}

/// `std::shared_ptr<X>`, `std::unique_ptr<X>`, `boost::shared_ptr<X>`: X.
QualType smartPointee(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      recordOf(T));
  if (!Spec)
    return QualType();
  llvm::StringRef Name = Spec->getName();
  if (Name != "shared_ptr" && Name != "unique_ptr")
    return QualType();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[0].getAsType();
}

std::optional<uint64_t> constantArg(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  Expr::EvalResult R;
  E = E->IgnoreImpCasts();
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  if (R.Val.getInt().isNegative())
    return std::nullopt;
  return R.Val.getInt().getZExtValue();
}

} // namespace

ChannelModel::ChannelModel(const ModelOptions &Options) {
  auto AddLibrary = [&](ChannelLibrary L) {
    Libraries.push_back(std::make_unique<ChannelLibrary>(std::move(L)));
    return Libraries.back().get();
  };

  // Boost.Fiber.
  const ChannelLibrary *BoostUnbuffered =
      AddLibrary({"Boost.Fiber", CapacityRule::Unbuffered, 0, true, true});
  const ChannelLibrary *BoostBuffered = AddLibrary(
      {"Boost.Fiber", CapacityRule::PowerOfTwoMinusOne, 0, true, true});
  MethodTable &BU = Classes["::boost::fibers::unbuffered_channel"];
  BU.Library = BoostUnbuffered;
  MethodTable &BB = Classes["::boost::fibers::buffered_channel"];
  BB.Library = BoostBuffered;
  for (const BuiltinMethod &M : BoostUnbufferedOps) {
    BU.Ops[M.Name] = M.Op;
    BB.Ops[M.Name] = M.Op;
  }
  for (const BuiltinMethod &M : BoostBufferedExtraOps)
    BB.Ops[M.Name] = M.Op;

  // cpp-channel.
  const ChannelLibrary *Msd = AddLibrary(
      {"cpp-channel", CapacityRule::ArgOrUnbounded, 0, false, false});
  // msd::static_channel<T, N> is an alias of channel<T, array_storage<T, N>>.
  MethodTable &MC = Classes["::msd::channel"];
  MC.Library = Msd;
  for (const BuiltinMethod &M : MsdOps)
    MC.Ops[M.Name] = M.Op;

  // C libraries.
  ChannelLibrary LibtaskLib{"libtask", CapacityRule::Arg, 1, false, false};
  LibtaskLib.HasClose = false;
  const ChannelLibrary *Libtask = AddLibrary(std::move(LibtaskLib));
  for (const BuiltinFunction &F : LibtaskFunctions)
    Functions[std::string("::") + F.Name] = {Libtask, F.Op};
  ChannelLibrary LibdillLib{"libdill", CapacityRule::Unbuffered, 0, true,
                            false};
  LibdillLib.CanBuffer = false;
  const ChannelLibrary *Libdill = AddLibrary(std::move(LibdillLib));
  for (const BuiltinFunction &F : LibdillFunctions)
    Functions[std::string("::") + F.Name] = {Libdill, F.Op};

  // User channel types: `::ns::Type`, `::ns::Type(argN)`,
  // `::ns::Type(unbounded)`. (No `=`: clang --analyze allows none in a
  // -analyzer-config value.)
  for (const std::string &Entry : Options.ChannelTypes) {
    auto [Name, Capacity] = llvm::StringRef(Entry).split('(');
    ChannelLibrary L{Name.trim().str(), CapacityRule::Unbuffered, 0, true,
                     false};
    // Closable only once a close function is configured for it (below).
    L.HasClose = false;
    Capacity = Capacity.trim();
    Capacity.consume_back(")");
    Capacity = Capacity.trim();
    if (Capacity == "unbounded") {
      L.Capacity = CapacityRule::Unbounded;
    } else if (Capacity.consume_front("arg") &&
               !Capacity.getAsInteger(10, L.CapacityArg)) {
      L.Capacity = CapacityRule::Arg;
    }
    std::string Key = Name.trim().str();
    if (!llvm::StringRef(Key).starts_with("::"))
      Key = "::" + Key;
    Classes[Key].Library = AddLibrary(std::move(L));
  }
  // User operations: `::ns::Type::method` (on the object) or `::ns::fn`
  // (the channel is the first argument).
  size_t FirstUserLibrary = Libraries.size() - Options.ChannelTypes.size();
  auto MarkClosable = [&](const ChannelLibrary *Lib) {
    for (size_t I = FirstUserLibrary; I < Libraries.size(); ++I)
      if (!Lib || Libraries[I].get() == Lib)
        Libraries[I]->HasClose = true;
  };
  auto AddUserOps = [&](const std::vector<std::string> &Names, ChannelOp Op) {
    for (std::string Name : Names) {
      if (!llvm::StringRef(Name).starts_with("::"))
        Name = "::" + Name;
      auto [Owner, Method] = llvm::StringRef(Name).rsplit("::");
      auto It = Classes.find(Owner);
      if (It != Classes.end()) {
        It->second.Ops[Method] = Op;
        if (Op.Kind == K::Close)
          MarkClosable(It->second.Library);
        continue;
      }
      // A free close function: its channel type is known only from the
      // argument at the call, so every user type may be closed.
      if (Op.Kind == K::Close)
        MarkClosable(nullptr);
      ChannelOp Free = Op;
      Free.ChannelArg = 0;
      Functions[Name] = {nullptr, Free}; // library: from the argument type
    }
  };
  AddUserOps(Options.ChannelSendFunctions, {K::Send, B::Forever});
  AddUserOps(Options.ChannelReceiveFunctions, {K::Receive, B::Forever});
  AddUserOps(Options.ChannelCloseFunctions, {K::Close});
}

const ChannelLibrary *
ChannelModel::channelClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  auto It = Classes.find(qualifiedName(RD));
  if (It != Classes.end())
    return It->second.Library;
  return nullptr;
}

const ChannelLibrary *ChannelModel::channelType(QualType T) const {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (QualType Pointee = smartPointee(T); !Pointee.isNull())
    T = Pointee;
  if (const ChannelLibrary *L = channelClass(recordOf(T)))
    return L;
  // libtask's `Channel *`.
  if (const auto *RT = T->getAs<RecordType>())
    if (RT->getDecl()->getName() == "Channel" &&
        RT->getDecl()->getDeclContext()->getRedeclContext()->isTranslationUnit())
      return Functions.lookup("::chancreate").first;
  return nullptr;
}

std::optional<ChannelOpSite>
ChannelModel::classify(const FunctionDecl *Callee, const Expr *Object,
                       llvm::ArrayRef<const Expr *> Args) const {
  if (!Callee)
    return std::nullopt;
  ChannelOpSite Site;
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (MD && !MD->isStatic() && Object) {
    auto It = Classes.find(qualifiedName(MD->getParent()));
    if (It == Classes.end())
      return std::nullopt;
    std::string Name = MD->getDeclName().getAsString();
    auto Op = It->second.Ops.find(Name);
    if (Op == It->second.Ops.end())
      return std::nullopt;
    Site.Library = It->second.Library;
    Site.Op = Op->second;
    Site.Channel = Object;
    Site.Name = Op->first();
    return Site;
  }
  // Free functions: C libraries, user functions, and operators/functions
  // declared next to a channel class whose first argument is the channel.
  std::string Name = qualifiedName(Callee);
  if (auto It = Functions.find(Name); It != Functions.end()) {
    const ChannelOp &Op = It->second.second;
    if (Op.ChannelArg >= int(Args.size()) && Op.Kind != K::Create)
      return std::nullopt;
    Site.Op = Op;
    Site.Library = It->second.first;
    Site.Channel = Op.ChannelArg >= 0 && Op.ChannelArg < int(Args.size())
                       ? Args[Op.ChannelArg]
                       : nullptr;
    if (!Site.Library && Site.Channel)
      Site.Library = channelType(Site.Channel->getType());
    if (!Site.Channel && Op.Kind != K::Create)
      return std::nullopt;
    if (!Site.Library)
      return std::nullopt;
    Site.Name = It->first();
    Site.Name.consume_front("::");
    Site.Name.consume_front("dill_"); // users write the macro names
    return Site;
  }
  if (Args.empty() || !Args[0])
    return std::nullopt;
  const CXXRecordDecl *RD = recordOf(Args[0]->getType());
  if (!RD)
    return std::nullopt;
  auto Class = Classes.find(qualifiedName(RD));
  if (Class == Classes.end())
    return std::nullopt;
  auto Op = Class->second.Ops.find(Callee->getDeclName().getAsString());
  if (Op == Class->second.Ops.end() || Op->second.ChannelArg != 0)
    return std::nullopt;
  Site.Library = Class->second.Library;
  Site.Op = Op->second;
  Site.Channel = Args[0];
  Site.Name = Op->first();
  return Site;
}

std::optional<ChannelOpSite>
ChannelModel::classify(const CallExpr *Call) const {
  if (!Call)
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Args(Call->arg_begin(), Call->arg_end());
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    Object = MC->getImplicitObjectArgument();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    // A member operator: the object is the first argument.
    if (isa<CXXMethodDecl>(Callee) && !Args.empty()) {
      Object = Args.front();
      Args.erase(Args.begin());
    }
    (void)OC;
  }
  return classify(Callee, Object, Args);
}

std::optional<uint64_t> ChannelModel::capacityOf(const ChannelLibrary &Lib,
                                                 const Expr *Creation,
                                                 QualType ChannelType,
                                                 const ASTContext &Ctx) const {
  // The arguments of the constructor or creator, looking through
  // std::make_shared / make_unique / new.
  llvm::SmallVector<const Expr *, 4> Args;
  if (Creation) {
    const Expr *E = Creation->IgnoreImplicit();
    if (const auto *New = dyn_cast<CXXNewExpr>(E))
      E = New->getConstructExpr() ? New->getConstructExpr() : E;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      Args.assign(CE->arg_begin(), CE->arg_end());
    else if (const auto *Call = dyn_cast<CallExpr>(E))
      Args.assign(Call->arg_begin(), Call->arg_end());
  }
  auto Arg = [&](int I) -> const Expr * {
    if (I < 0 || I >= int(Args.size()) || isa<CXXDefaultArgExpr>(Args[I]))
      return nullptr;
    return Args[I];
  };
  switch (Lib.Capacity) {
  case CapacityRule::Unbuffered:
    return 0;
  case CapacityRule::Unbounded:
    return UnboundedCapacity;
  case CapacityRule::PowerOfTwoMinusOne: {
    std::optional<uint64_t> N = constantArg(Arg(Lib.CapacityArg), Ctx);
    if (!N || *N < 2 || (*N & (*N - 1)) != 0)
      return std::nullopt; // unknown, or the constructor throws
    return *N - 1;
  }
  case CapacityRule::Arg:
    return constantArg(Arg(Lib.CapacityArg), Ctx);
  case CapacityRule::ArgOrUnbounded: {
    // msd::channel<T, array_storage<T, N>> (msd::static_channel<T, N>).
    QualType T = ChannelType.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (QualType P = smartPointee(T); !P.isNull())
      T = P;
    if (const auto *Spec =
            dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T)))
      if (Spec->getTemplateArgs().size() > 1 &&
          Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Type)
        if (const auto *Storage = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                recordOf(Spec->getTemplateArgs()[1].getAsType())))
          if (Storage->getName() == "array_storage" &&
              Storage->getTemplateArgs().size() > 1 &&
              Storage->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
            return Storage->getTemplateArgs()[1].getAsIntegral().getZExtValue();
    if (!Arg(Lib.CapacityArg))
      return UnboundedCapacity;
    std::optional<uint64_t> N = constantArg(Arg(Lib.CapacityArg), Ctx);
    if (N && *N == 0)
      return UnboundedCapacity;
    return N;
  }
  }
  return std::nullopt;
}

bool ChannelModel::mentionsChannel(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    return Classes.count(qualifiedName(MD->getParent())) > 0;
  if (FD->getIdentifier() && Functions.count(("::" + FD->getName()).str()))
    return true;
  for (const ParmVarDecl *P : FD->parameters())
    if (channelType(P->getType()))
      return true;
  return false;
}

std::string describeCapacity(uint64_t Capacity) {
  if (Capacity == 0)
    return "unbuffered";
  if (Capacity == ChannelModel::UnboundedCapacity)
    return "unbounded";
  return "holds " + std::to_string(Capacity) +
         (Capacity == 1 ? " value" : " values");
}

uint64_t boostCapacityFor(uint64_t Senders) {
  uint64_t C = 2;
  while (C - 1 < Senders)
    C *= 2;
  return C;
}

} // namespace tether::model
