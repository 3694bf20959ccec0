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
  StartRoutineShape Routine = {};
};

// Operand positions of the C start-routine APIs: {argument count, routine,
// data, handle out-parameter or -1}.
constexpr StartRoutineShape PThreadShape = {4, 2, 3, 0};
constexpr StartRoutineShape C11ThreadShape = {3, 1, 2, 0}; // thrd_create, uv
constexpr StartRoutineShape GThreadShape = {3, 1, 2, -1};  // returns GThread*
constexpr StartRoutineShape GThreadTryShape = {4, 1, 2, -1};
constexpr StartRoutineShape LibtaskShape = {3, 0, 1, -1};

// Which calls start concurrent work. Constructors are listed by class.
constexpr BuiltinSpawn BuiltinSpawns[] = {
    // Threads.
    {"::std::thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::std::jthread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::scoped_thread", WorkKind::Thread, SpawnForm::Constructor},
    {"::boost::thread_group::create_thread", WorkKind::Thread,
     SpawnForm::Method},
    {"::pthread_create", WorkKind::Thread, SpawnForm::StartRoutine, false,
     false, false, PThreadShape},
    {"::thrd_create", WorkKind::Thread, SpawnForm::StartRoutine, false, false,
     false, C11ThreadShape},
    {"::uv_thread_create", WorkKind::Thread, SpawnForm::StartRoutine, false,
     false, false, C11ThreadShape},
    {"::g_thread_new", WorkKind::Thread, SpawnForm::StartRoutine, false, false,
     false, GThreadShape},
    {"::g_thread_try_new", WorkKind::Thread, SpawnForm::StartRoutine, false,
     false, false, GThreadTryShape},
    {"::taskcreate", WorkKind::Coroutine, SpawnForm::StartRoutine, false,
     false, false, LibtaskShape},
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
    {"::asio::spawn", WorkKind::Coroutine, SpawnForm::Function},
    {"::boost::asio::spawn", WorkKind::Coroutine, SpawnForm::Function},
    // Thread pool libraries. In-house pools are recognised without a table
    // entry (ApiModel::inferredPoolSpawn); these are the public ones whose
    // classes do not show their threads or whose names do not say "pool".
    // BS::thread_pool (v3 to v5).
    {"::BS::thread_pool::detach_task", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::submit_task", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::push_task", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::submit", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::detach_loop", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::submit_loop", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::push_loop", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::parallelize_loop", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::detach_blocks", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::submit_blocks", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::detach_sequence", WorkKind::Task, SpawnForm::Method},
    {"::BS::thread_pool::submit_sequence", WorkKind::Task, SpawnForm::Method},
    // oneTBB (tbb::task_group is tbb::detail::d1::task_group) and TBB 2020.
    {"::tbb::task_group::run", WorkKind::Task, SpawnForm::Method},
    {"::tbb::detail::d1::task_group::run", WorkKind::Task, SpawnForm::Method},
    {"::tbb::task_arena::enqueue", WorkKind::Task, SpawnForm::Method},
    {"::tbb::detail::d1::task_arena::enqueue", WorkKind::Task,
     SpawnForm::Method},
    {"::tbb::this_task_arena::enqueue", WorkKind::Task, SpawnForm::Function},
    {"::tbb::detail::d1::enqueue", WorkKind::Task, SpawnForm::Function},
    // Qt.
    {"::QThreadPool::start", WorkKind::Task, SpawnForm::Method},
    {"::QThreadPool::tryStart", WorkKind::Task, SpawnForm::Method},
    {"::QtConcurrent::run", WorkKind::Task, SpawnForm::Function},
    // Taskflow, CTPL, dp::thread-pool, folly (every executor's add()
    // overrides folly::Executor::add).
    {"::tf::Executor::async", WorkKind::Task, SpawnForm::Method},
    {"::tf::Executor::silent_async", WorkKind::Task, SpawnForm::Method},
    {"::ctpl::thread_pool::push", WorkKind::Task, SpawnForm::Method},
    {"::dp::thread_pool::enqueue", WorkKind::Task, SpawnForm::Method},
    {"::dp::thread_pool::enqueue_detach", WorkKind::Task, SpawnForm::Method},
    {"::folly::Executor::add", WorkKind::Task, SpawnForm::Method},
};

// Factories that construct their template argument from their arguments:
// `std::make_unique<std::thread>(f)` starts the thread like `std::thread(f)`.
constexpr const char *ConstructingFactories[] = {
    "::std::make_unique", "::std::make_shared", "::boost::make_shared",
    "::boost::make_unique"};

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
    "::thrd_join",
    "::uv_thread_join",
    "::g_thread_join",
    "::BS::thread_pool::wait",
    "::BS::thread_pool::wait_for_tasks",
    "::BS::multi_future::wait",
    "::BS::multi_future::get",
    "::tbb::task_group::wait",
    "::tbb::detail::d1::task_group::wait",
    "::QThreadPool::waitForDone",
    "::QFuture::waitForFinished",
    "::dp::thread_pool::wait_for_tasks",
};

constexpr const char *BuiltinDetaches[] = {
    "::std::thread::detach",         "::std::jthread::detach",
    "::boost::thread::detach",       "::boost::scoped_thread::detach",
    "::boost::fibers::fiber::detach", "::pthread_detach",
    "::thrd_detach",                 "::g_thread_unref",
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
    // Pools that wait for their queued tasks before they go.
    {"::BS::thread_pool", DestructorEffect::Joins},
    {"::tbb::task_group", DestructorEffect::Joins},
    {"::tbb::detail::d1::task_group", DestructorEffect::Joins},
    {"::QThreadPool", DestructorEffect::Joins},
    {"::ctpl::thread_pool", DestructorEffect::Joins},
    {"::dp::thread_pool", DestructorEffect::Joins},
};

// Owners of threads other than the spawn classes: a class with a field of
// one of these types (or a container of them) runs work on its threads.
constexpr const char *ThreadOwners[] = {
    "::boost::thread_group", "::asio::thread_pool", "::boost::asio::thread_pool",
    "::pthread_t", "::thrd_t", "::uv_thread_t"};

// Smart pointers whose destructor destroys the object they own.
constexpr const char *OwningPointers[] = {"::std::unique_ptr",
                                          "::boost::scoped_ptr"};

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

const LambdaExpr *lambdaOf(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 8; ++Guard) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      // A closure variable, or a std::function initialised from a lambda.
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      E = V && V->hasLocalStorage() && !V->getType()->isReferenceType()
              ? V->getInit()
              : nullptr;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      E = CE->getNumArgs() >= 1 ? CE->getArg(0) : nullptr;
      continue;
    }
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward") &&
          CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
    }
    return nullptr;
  }
  return nullptr;
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
    Api.Routine = B.Routine;
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

std::vector<llvm::StringRef> ApiModel::constructingFactoryNames() {
  return {std::begin(ConstructingFactories), std::end(ConstructingFactories)};
}

const SpawnApi *ApiModel::lookup(llvm::StringRef QualifiedName) const {
  auto It = findName(SpawnIndex, QualifiedName);
  return It == SpawnIndex.end() ? nullptr : &Spawns[It->second];
}

const SpawnApi *ApiModel::lookupMethod(const CXXMethodDecl *MD) const {
  for (unsigned Depth = 0; MD && Depth < 8; ++Depth) {
    if (const SpawnApi *Api = lookup(qualifiedName(MD)))
      return Api;
    // `CPUThreadPoolExecutor::add` is the `folly::Executor::add` it
    // overrides. Follow the first overridden method (multiple inheritance
    // of two spawning interfaces is not worth the walk).
    MD = MD->size_overridden_methods() ? *MD->begin_overridden_methods()
                                       : nullptr;
  }
  return nullptr;
}

namespace {

/// `ThreadPool`, `thread_pool`, `threadPool` all become `threadpool`.
std::string normalizedName(llvm::StringRef Name) {
  std::string Out;
  for (char C : Name)
    if (C != '_')
      Out += llvm::toLower(C);
  return Out;
}

/// Class names that say "this runs work on other threads, later".
bool poolLikeClassName(llvm::StringRef Name) {
  static constexpr llvm::StringLiteral Words[] = {
      "threadpool", "workerpool", "taskpool",  "jobpool",   "executor",
      "workqueue",  "taskqueue",  "jobqueue",  "scheduler", "eventloop",
      "taskrunner", "threadgroup", "workergroup"};
  std::string N = normalizedName(Name);
  return llvm::any_of(Words, [&](llvm::StringRef W) {
    return llvm::StringRef(N).contains(W);
  });
}

/// Method names that submit work (and do not wait for it).
bool submissionName(llvm::StringRef Name) {
  std::string N = normalizedName(Name);
  llvm::StringRef R(N);
  if (R.contains("wait") || R.contains("block") || R.contains("join") ||
      (R.contains("sync") && !R.contains("async")))
    return false;
  static constexpr llvm::StringLiteral Parts[] = {
      "submit", "enqueue", "post",   "push",     "schedule", "spawn",
      "async",  "dispatch", "defer", "detach",   "launch",   "queue"};
  static constexpr llvm::StringLiteral Whole[] = {
      "add",  "addtask", "addjob", "addwork", "run",     "runtask",
      "exec", "execute", "start",  "go",      "emplace", "put"};
  return llvm::any_of(Parts, [&](llvm::StringRef P) { return R.contains(P); }) ||
         llvm::is_contained(Whole, R);
}

} // namespace

bool ApiModel::typeHoldsThreads(QualType T, unsigned Depth) const {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType();
  // Through pointers and arrays, keeping the sugar of what they hold.
  while (T->isPointerType() || T->isArrayType())
    T = T->isPointerType() ? T->getPointeeType()
                           : T->getAsArrayTypeUnsafe()->getElementType();
  // Typedefs first: `pthread_t` is an integer once canonical.
  for (QualType Sugar = T;;) {
    if (const auto *TT = Sugar->getAs<TypedefType>()) {
      if (llvm::is_contained(ThreadOwners, qualifiedName(TT->getDecl())))
        return true;
      QualType Next = TT->desugar();
      if (Next == Sugar)
        break;
      Sugar = Next;
      continue;
    }
    break;
  }
  // Written template arguments keep their sugar (`std::vector<pthread_t>`).
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    for (const TemplateArgument &A : TST->template_arguments())
      if (A.getKind() == TemplateArgument::Type &&
          typeHoldsThreads(A.getAsType(), Depth + 1))
        return true;
  const CXXRecordDecl *RD = recordOf(T.getCanonicalType());
  if (!RD)
    return false;
  if (spawnClass(RD) ||
      llvm::is_contained(ThreadOwners, qualifiedName(RD)))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          typeHoldsThreads(A.getAsType(), Depth + 1))
        return true;
  return false;
}

/// Classes of the libraries the tables model (`std`, Asio, Boost): their
/// executors, strands and containers of threads are not in-house pools.
static bool inModelledLibrary(const CXXRecordDecl *RD) {
  if (RD->isInStdNamespace())
    return true;
  const DeclContext *DC = RD->getDeclContext();
  const NamespaceDecl *Outer = nullptr;
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Outer = NS;
  return Outer && Outer->getIdentifier() &&
         (Outer->getName() == "asio" || Outer->getName() == "boost");
}

bool ApiModel::isThreadPoolClass(const CXXRecordDecl *RD) const {
  if (!RD || inModelledLibrary(RD))
    return false;
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  auto [It, New] = PoolClasses.try_emplace(RD, false);
  if (!New)
    return It->second;
  bool Pool = RD->getIdentifier() && poolLikeClassName(RD->getName());
  if (!Pool && RD->hasDefinition() && !spawnClass(RD)) {
    auto OwnsThreads = [&](const CXXRecordDecl *R) {
      for (const FieldDecl *FD : R->fields())
        if (typeHoldsThreads(FD->getType(), 0))
          return true;
      return false;
    };
    Pool = OwnsThreads(RD);
    if (!Pool)
      RD->forallBases([&](const CXXRecordDecl *Base) {
        Pool = OwnsThreads(Base) ||
               (Base->getIdentifier() && poolLikeClassName(Base->getName()));
        return !Pool;
      });
  }
  PoolClasses[RD] = Pool; // the walk may have grown the map
  return Pool;
}

const SpawnApi *
ApiModel::inferredPoolSpawn(const CXXMethodDecl *MD,
                            llvm::ArrayRef<const Expr *> Args) const {
  if (!MD || MD->isStatic() || !MD->getIdentifier() ||
      isa<CXXConstructorDecl>(MD) || !submissionName(MD->getName()))
    return nullptr;
  if (!llvm::any_of(Args, [](const Expr *A) {
        return !isa<CXXDefaultArgExpr>(A) && isCallableType(A->getType());
      }))
    return nullptr;
  // isThreadPoolClass leaves out namespace std: a
  // `std::queue<std::function<void()>>` is storage, not a pool.
  const CXXRecordDecl *RD = MD->getParent();
  if (!isThreadPoolClass(RD))
    return nullptr;
  std::string Name = qualifiedName(MD);
  if (Name.empty())
    return nullptr;
  auto [It, New] = InferredSpawns.try_emplace(Name);
  if (New) {
    It->second.Name = Name;
    It->second.Kind = WorkKind::Task;
    It->second.Form = SpawnForm::Method;
    It->second.Inferred = true;
  }
  return &It->second;
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
    if ((Site.Api = lookupMethod(MD)) ||
        (Site.Api = inferredPoolSpawn(MD, Args))) {
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
    std::string Name = qualifiedName(FD);
    Site.Api = lookup(Name);
    Args.assign(Call->arg_begin(), Call->arg_end());
    if (!Site.Api && llvm::is_contained(ConstructingFactories, Name)) {
      // std::make_unique<std::thread>(f, args...): the constructor's
      // arguments, and a pointer that owns the thread.
      const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs();
      if (TA && TA->size() >= 1 && TA->get(0).getKind() == TemplateArgument::Type)
        if ((Site.Api = spawnClass(recordOf(TA->get(0).getAsType())))) {
          Site.Form = SpawnForm::Constructor;
          return finishSite(Site, Args);
        }
      return std::nullopt;
    }
    if (!Site.Api)
      return std::nullopt;
    Site.Form = Site.Api->Form == SpawnForm::StartRoutine
                    ? SpawnForm::StartRoutine
                    : SpawnForm::Function;
  } else {
    return std::nullopt;
  }

  if (Site.Form == SpawnForm::StartRoutine) {
    const StartRoutineShape &Shape = Site.Api->Routine;
    if (Args.size() != Shape.Args)
      return std::nullopt;
    if (Shape.HandleOut >= 0)
      Site.HandleOut = Args[Shape.HandleOut];
    Site.Callable = Args[Shape.Routine];
    Site.ForwardedArgs.push_back(Args[Shape.Data]);
    return Site;
  }
  return finishSite(Site, Args);
}

std::optional<SpawnSite>
ApiModel::finishSite(SpawnSite Site, llvm::ArrayRef<const Expr *> Args) const {
  const Expr *E = Site.Call;
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
    } else if (!Site.Executor && Site.Form != SpawnForm::Constructor) {
      Site.Executor = Args[I]; // asio::post(executor, handler)
    }
  }
  return Site;
}

DestructorEffect ApiModel::destructorEffect(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return DestructorEffect::None;
  std::string Name = qualifiedName(RD);
  // `std::unique_ptr<std::thread>` destroys its thread.
  if (llvm::is_contained(OwningPointers, Name))
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (Spec->getTemplateArgs().size() >= 1 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        return destructorEffect(Spec->getTemplateArgs()[0].getAsType());
  auto It = findName(DestructorEffects, Name);
  if (It != DestructorEffects.end())
    return It->second;
  // An in-house pool is assumed to wait for its tasks when it goes, as
  // nearly all do (the alternative, tasks running on after their pool,
  // is undefined behaviour in the pool itself).
  if (isThreadPoolClass(RD))
    return DestructorEffect::Joins;
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
