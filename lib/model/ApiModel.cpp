//===- ApiModel.cpp - Tether's model of concurrency and resource APIs -----===//
//
// The built-in tables below are the model. Names are fully qualified and
// template-argument free; an entry without a leading `::` matches any scope
// that ends with it, as clang-tidy's `hasAnyName` does, so user options and
// AST matchers agree on what a name means.
//
//===----------------------------------------------------------------------===//

#include "model/ApiModel.h"

#include "model/ChannelModel.h"
#include "model/TokenModel.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace tether::model {
namespace {

struct BuiltinSpawn {
  const char *Name;
  WorkKind Kind;
  SpawnForm Form;
  bool ResultJoins = false;
  bool LaunchPolicy = false;
  bool SystemExecutor = false;
};

// Which calls start concurrent work. Constructors are listed by class.
constexpr BuiltinSpawn BuiltinSpawns[] = {
    // Threads.
    {"::std::thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::std::jthread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::scoped_thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::thread_group::create_thread", WorkKind::Thread,
     SpawnForm::Method},
    {"::pthread_create", WorkKind::Thread, SpawnForm::PThreadCreate},
    {"::taskcreate", WorkKind::Coroutine, SpawnForm::StartRoutine},
    // Tasks whose result is a future.
    {"::std::async", WorkKind::Task, SpawnForm::Function,
     /*ResultJoins=*/true, /*LaunchPolicy=*/true},
    // Fibers. boost::fibers::async detaches its fiber: the future it returns
    // does not wait in its destructor.
    {"::boost::fibers::fiber", WorkKind::Fiber, SpawnForm::Constructor},
    {"::boost::fibers::async", WorkKind::Fiber, SpawnForm::Function},
    // Asio (standalone and Boost): handlers queued on an executor, an
    // execution context, a strand or the system executor.
    {"::asio::post", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::asio::dispatch", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::asio::defer", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::asio::co_spawn", WorkKind::Coroutine, SpawnForm::Function},
    {"::asio::io_context::post", WorkKind::Task, SpawnForm::Method},
    {"::asio::io_context::dispatch", WorkKind::Task, SpawnForm::Method},
    {"::asio::io_context::strand::post", WorkKind::Task, SpawnForm::Method},
    {"::asio::io_context::strand::dispatch", WorkKind::Task,
     SpawnForm::Method},
    {"::boost::asio::post", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::boost::asio::dispatch", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::boost::asio::defer", WorkKind::Task, SpawnForm::Function, false, false, true},
    {"::boost::asio::co_spawn", WorkKind::Coroutine, SpawnForm::Function},
    {"::boost::asio::io_context::post", WorkKind::Task, SpawnForm::Method},
    {"::boost::asio::io_context::dispatch", WorkKind::Task,
     SpawnForm::Method},
    {"::boost::asio::io_context::strand::post", WorkKind::Task,
     SpawnForm::Method},
    {"::boost::asio::io_context::strand::dispatch", WorkKind::Task,
     SpawnForm::Method},
};

// Calls that wait for the work owned by their object (methods) or by their
// first argument (free functions).
constexpr const char *BuiltinJoins[] = {
    "::std::thread::join",
    "::std::jthread::join",
    "::boost::thread::join",
    "::boost::scoped_thread::join",
    "::boost::thread_group::join_all",
    "::boost::fibers::fiber::join",
    "::std::future::get",
    "::std::future::wait",
    // libstdc++ declares wait() in the common base of future/shared_future.
    "::std::__basic_future::wait",
    "::std::shared_future::get",
    "::std::shared_future::wait",
    "::boost::fibers::future::get",
    "::boost::fibers::future::wait",
    // Boost.Fiber declares wait() in a private base.
    "::boost::fibers::detail::future_base::wait",
    "::boost::fibers::shared_future::get",
    "::boost::fibers::shared_future::wait",
    "::asio::thread_pool::join",
    "::asio::thread_pool::wait",
    "::asio::io_context::run",
    "::boost::asio::thread_pool::join",
    "::boost::asio::thread_pool::wait",
    "::boost::asio::io_context::run",
    "::pthread_join",
};

constexpr const char *BuiltinDetaches[] = {
    "::std::thread::detach",         "::std::jthread::detach",
    "::boost::thread::detach",       "::boost::scoped_thread::detach",
    "::boost::fibers::fiber::detach", "::pthread_detach",
};

struct BuiltinDestructor {
  const char *Name;
  DestructorEffect Effect;
};

// What the destructor of an owner of spawned work does to that work.
// boost::thread detaches in its destructor under the default
// BOOST_THREAD_VERSION 2 (terminates from version 3 on); we model the default.
constexpr BuiltinDestructor BuiltinDestructors[] = {
    {"::std::thread", DestructorEffect::Terminates},
    {"::std::jthread", DestructorEffect::Joins},
    {"::boost::thread", DestructorEffect::None},
    {"::boost::scoped_thread", DestructorEffect::Joins},
    {"::boost::thread_group", DestructorEffect::None},
    {"::boost::fibers::fiber", DestructorEffect::Terminates},
    // Execution contexts: their destructors stop and join their threads, or
    // destroy queued handlers without running them; either way no handler
    // runs after the context is gone.
    {"::asio::thread_pool", DestructorEffect::Joins},
    {"::asio::io_context", DestructorEffect::Joins},
    {"::boost::asio::thread_pool", DestructorEffect::Joins},
    {"::boost::asio::io_context", DestructorEffect::Joins},
};

constexpr llvm::StringRef EmplaceMethods[] = {
    "emplace_back", "emplace_front", "emplace", "emplace_hint", "try_emplace"};

constexpr llvm::StringRef InsertMethods[] = {
    "push_back",   "push_front", "push",         "insert",
    "emplace",     "emplace_back", "emplace_front", "emplace_hint",
    "try_emplace", "insert_or_assign", "add_thread"};

/// Looks \p QualifiedName (`::a::b::c`) up in a table whose keys may be fully
/// qualified (`::a::b::c`) or suffixes (`b::c`, `c`).
template <typename MapT>
auto findName(const MapT &Table, llvm::StringRef QualifiedName)
    -> decltype(Table.end()) {
  auto It = Table.find(QualifiedName);
  if (It != Table.end())
    return It;
  llvm::StringRef Rest = QualifiedName;
  Rest.consume_front("::");
  while (!Rest.empty()) {
    It = Table.find(Rest);
    if (It != Table.end())
      return It;
    size_t Sep = Rest.find("::");
    if (Sep == llvm::StringRef::npos)
      break;
    Rest = Rest.drop_front(Sep + 2);
  }
  return Table.end();
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getDefinition() ? RD->getDefinition() : RD;
  return nullptr;
}

/// Evaluates a `std::launch` argument; true when it is `deferred` alone.
bool isDeferredOnly(const Expr *Policy, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!Policy->EvaluateAsRValue(R, Ctx) || !R.Val.isInt())
    return false;
  // std::launch::async == 1, std::launch::deferred == 2 in libstdc++ and
  // libc++. Both bits set lets the implementation choose: treat as async.
  return R.Val.getInt() == 2;
}

bool isLaunchPolicy(const Expr *E) {
  const auto *ET = E->getType().getNonReferenceType()->getAs<EnumType>();
  return ET && qualifiedName(ET->getDecl()) == "::std::launch";
}

} // namespace

std::string qualifiedName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  // Constructors and destructors are named by their class; operators by
  // their spelling ("operator()").
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    Parts.push_back(Ctor->getParent()->getName().str());
  else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    Parts.push_back("~" + Dtor->getParent()->getName().str());
  else
    Parts.push_back(D->getDeclName().getAsString());
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName().str()); // specialisations: the template
    } else if (isa<LinkageSpecDecl>(DC) || isa<ExportDecl>(DC)) {
      continue;
    } else if (isa<TranslationUnitDecl>(DC)) {
      break;
    } else {
      return ""; // local to a function: in no table
    }
  }
  std::string Result;
  for (const std::string &P : llvm::reverse(Parts))
    Result += "::" + P;
  return Result;
}

llvm::StringRef displayName(const SpawnApi &Api) {
  llvm::StringRef Name = Api.Name;
  Name.consume_front("::");
  return Name;
}

llvm::StringRef workNoun(WorkKind Kind) {
  switch (Kind) {
  case WorkKind::Thread:
    return "thread";
  case WorkKind::Fiber:
    return "fiber";
  case WorkKind::Task:
    return "task";
  case WorkKind::Coroutine:
    return "coroutine";
  }
  llvm_unreachable("unknown work kind");
}

std::vector<std::string> ModelOptions::parseList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Value.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Names;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (!Item.empty())
      Names.push_back(Item.str());
  }
  return Names;
}

llvm::ArrayRef<ModelOptions::Field> ModelOptions::fields() {
  static const Field Fields[] = {
      {option::SpawnFunctions, &ModelOptions::SpawnFunctions},
      {option::JoinFunctions, &ModelOptions::JoinFunctions},
      {option::DetachFunctions, &ModelOptions::DetachFunctions},
      {option::JoiningTypes, &ModelOptions::JoiningTypes},
      {option::ChannelTypes, &ModelOptions::ChannelTypes},
      {option::ChannelSendFunctions, &ModelOptions::ChannelSendFunctions},
      {option::ChannelReceiveFunctions, &ModelOptions::ChannelReceiveFunctions},
      {option::ChannelCloseFunctions, &ModelOptions::ChannelCloseFunctions},
      {option::TokenTypes, &ModelOptions::TokenTypes},
      {option::TokenAcquireFunctions, &ModelOptions::TokenAcquireFunctions},
      {option::TokenReleaseFunctions, &ModelOptions::TokenReleaseFunctions},
  };
  return Fields;
}

std::string ModelOptions::formatList(llvm::ArrayRef<std::string> Names) {
  return llvm::join(Names, ";");
}

ApiModel::ApiModel(const ModelOptions &Opts)
    : Options(Opts), Channels(std::make_shared<ChannelModel>(Opts)),
      Tokens(std::make_shared<TokenModel>(Opts, *Channels)) {
  for (const BuiltinSpawn &B : BuiltinSpawns) {
    SpawnApi Api;
    Api.Name = B.Name;
    Api.Kind = B.Kind;
    Api.Form = B.Form;
    Api.ResultJoinsOnDestruction = B.ResultJoins;
    Api.HasLaunchPolicy = B.LaunchPolicy;
    Api.SystemExecutorByDefault = B.SystemExecutor;
    Spawns.push_back(std::move(Api));
  }
  for (const std::string &Name : Options.SpawnFunctions) {
    SpawnApi Api;
    Api.Name = Name;
    Api.Kind = WorkKind::Task;
    Api.Form = SpawnForm::Function; // refined by the expression's shape
    Spawns.push_back(std::move(Api));
  }
  for (size_t I = 0; I < Spawns.size(); ++I)
    SpawnIndex[Spawns[I].Name] = I; // user entries win over built-ins

  for (const char *Name : BuiltinJoins)
    Joins[Name] = true;
  for (const std::string &Name : Options.JoinFunctions)
    Joins[Name] = true;
  for (const char *Name : BuiltinDetaches)
    Detaches[Name] = true;
  for (const std::string &Name : Options.DetachFunctions)
    Detaches[Name] = true;
  for (const BuiltinDestructor &B : BuiltinDestructors)
    DestructorEffects[B.Name] = B.Effect;
  for (const std::string &Name : Options.JoiningTypes)
    DestructorEffects[Name] = DestructorEffect::Joins;
}

std::vector<llvm::StringRef> ApiModel::spawnClassNames() const {
  std::vector<llvm::StringRef> Names;
  for (const SpawnApi &Api : Spawns)
    if (Api.Form == SpawnForm::Constructor || Api.Form == SpawnForm::Function)
      Names.push_back(Api.Name); // user entries may name classes
  return Names;
}

std::vector<llvm::StringRef> ApiModel::spawnFunctionNames() const {
  std::vector<llvm::StringRef> Names;
  for (const SpawnApi &Api : Spawns)
    if (Api.Form != SpawnForm::Constructor)
      Names.push_back(Api.Name);
  return Names;
}

llvm::ArrayRef<llvm::StringRef> ApiModel::emplaceMethodNames() {
  return EmplaceMethods;
}

llvm::ArrayRef<llvm::StringRef> ApiModel::containerInsertNames() {
  return InsertMethods;
}

const SpawnApi *ApiModel::lookup(llvm::StringRef QualifiedName) const {
  auto It = findName(SpawnIndex, QualifiedName);
  return It == SpawnIndex.end() ? nullptr : &Spawns[It->second];
}

bool ApiModel::inTable(const llvm::StringMap<bool> &Table,
                       const NamedDecl *D) const {
  return D && findName(Table, qualifiedName(D)) != Table.end();
}

const SpawnApi *ApiModel::spawnClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return nullptr;
  const SpawnApi *Api = lookup(qualifiedName(RD));
  if (Api && (Api->Form == SpawnForm::Constructor ||
              Api->Form == SpawnForm::Function))
    return Api;
  return nullptr;
}

bool ApiModel::isCallableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isFunctionType() || T->isFunctionPointerType() ||
      T->isMemberFunctionPointerType())
    return true;
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  if (RD->isLambda())
    return true;
  bool HasCallOperator = false;
  auto Check = [&](const CXXRecordDecl *R) {
    for (const NamedDecl *ND : R->lookup(
             R->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call)))
      if (ND)
        HasCallOperator = true;
    return !HasCallOperator; // keep looking in bases until found
  };
  if (Check(RD))
    RD->forallBases([&](const CXXRecordDecl *Base) { return Check(Base); });
  return HasCallOperator;
}

std::optional<SpawnSite> ApiModel::classifySpawn(const Expr *E) const {
  if (!E)
    return std::nullopt;
  SpawnSite Site;
  Site.Call = E;
  llvm::SmallVector<const Expr *, 6> Args;

  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor())
      return std::nullopt;
    Site.Api = spawnClass(Ctor->getParent());
    if (!Site.Api)
      return std::nullopt;
    Site.Form = SpawnForm::Constructor;
    Args.assign(CE->arg_begin(), CE->arg_end());
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD)
      return std::nullopt;
    Args.assign(MC->arg_begin(), MC->arg_end());
    Site.Executor = MC->getImplicitObjectArgument();
    if ((Site.Api = lookup(qualifiedName(MD)))) {
      // A spawning method: the object is the executor or pool.
      Site.Form = SpawnForm::Method;
    } else if (MD->getIdentifier() &&
               llvm::is_contained(EmplaceMethods, MD->getName())) {
      // container.emplace_back(callable, args...) of a spawn class.
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          MD->getParent());
      if (!Spec)
        return std::nullopt;
      for (const TemplateArgument &TA : Spec->getTemplateArgs().asArray())
        if (TA.getKind() == TemplateArgument::Type)
          if ((Site.Api = spawnClass(recordOf(TA.getAsType()))))
            break;
      if (!Site.Api)
        return std::nullopt;
      Site.Form = SpawnForm::ContainerEmplace;
    } else {
      return std::nullopt;
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || isa<CXXOperatorCallExpr>(Call))
      return std::nullopt;
    Site.Api = lookup(qualifiedName(FD));
    if (!Site.Api)
      return std::nullopt;
    Site.Form = Site.Api->Form == SpawnForm::PThreadCreate ||
                        Site.Api->Form == SpawnForm::StartRoutine
                    ? Site.Api->Form
                    : SpawnForm::Function;
    Args.assign(Call->arg_begin(), Call->arg_end());
  } else {
    return std::nullopt;
  }

  if (Site.Form == SpawnForm::StartRoutine) {
    if (Args.size() < 2)
      return std::nullopt;
    Site.Callable = Args[0];
    Site.ForwardedArgs.push_back(Args[1]);
    return Site;
  }
  if (Site.Form == SpawnForm::PThreadCreate) {
    if (Args.size() != 4)
      return std::nullopt;
    Site.HandleOut = Args[0];
    Site.Callable = Args[2];
    Site.ForwardedArgs.push_back(Args[3]);
    return Site;
  }

  // The callable is the first argument of callable type; arguments before it
  // are policies, executors or allocators, those after it go to the callable.
  size_t CallableIndex = Args.size();
  for (size_t I = 0; I < Args.size(); ++I) {
    if (isa<CXXDefaultArgExpr>(Args[I]))
      break;
    if (isCallableType(Args[I]->getType())) {
      CallableIndex = I;
      break;
    }
  }
  if (CallableIndex == Args.size())
    return std::nullopt;
  Site.Callable = Args[CallableIndex];
  for (size_t I = CallableIndex + 1; I < Args.size(); ++I)
    if (!isa<CXXDefaultArgExpr>(Args[I]))
      Site.ForwardedArgs.push_back(Args[I]);
  for (size_t I = 0; I < CallableIndex; ++I) {
    if (Site.Api->HasLaunchPolicy && isLaunchPolicy(Args[I])) {
      if (const auto *FD = cast<CallExpr>(E)->getDirectCallee())
        Site.Deferred = isDeferredOnly(Args[I], FD->getASTContext());
    } else if (!Site.Executor && !isa<CXXConstructExpr>(E)) {
      Site.Executor = Args[I]; // asio::post(executor, handler)
    }
  }
  return Site;
}

DestructorEffect ApiModel::destructorEffect(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return DestructorEffect::None;
  auto It = findName(DestructorEffects, qualifiedName(RD));
  if (It != DestructorEffects.end())
    return It->second;
  DestructorEffect Found = DestructorEffect::None;
  if (RD->hasDefinition())
    RD->forallBases([&](const CXXRecordDecl *Base) {
      auto BI = findName(DestructorEffects, qualifiedName(Base));
      if (BI != DestructorEffects.end())
        Found = BI->second;
      return Found == DestructorEffect::None;
    });
  return Found;
}

/// The object a join or detach acts on: the implicit object of a method, or
/// the first argument of a free function such as pthread_join.
static const Expr *operandOf(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (Call->getNumArgs() > 0 && !isa<CXXOperatorCallExpr>(Call))
    return Call->getArg(0);
  return nullptr;
}

const Expr *ApiModel::joinedObject(const Expr *Call) const {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE || !inTable(Joins, CE->getDirectCallee()))
    return nullptr;
  return operandOf(CE);
}

const Expr *ApiModel::detachedObject(const Expr *Call) const {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call);
  if (!CE || !inTable(Detaches, CE->getDirectCallee()))
    return nullptr;
  return operandOf(CE);
}

} // namespace tether::model
