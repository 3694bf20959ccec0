//===- ApiModel.h - Tether's model of concurrency and resource APIs -------===//
//
// The single source of truth for which calls spawn work, and how the spawned
// work is joined, waited for or let go. Every Tether check, in the clang-tidy
// engine and in the analyzer engine, asks this model instead of keeping a
// private list of names. User extensions come from check options (the same
// option names in every front end) and are read once per translation unit.
//
// See docs/api-model.md for the tables and the option syntax.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_MODEL_APIMODEL_H
#define TETHER_MODEL_APIMODEL_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXConstructExpr;
class CXXMethodDecl;
class LambdaExpr;
class CXXRecordDecl;
class NamedDecl;
class QualType;
} // namespace clang

namespace tether::model {

class ChannelModel;
class TokenModel;

/// What kind of concurrent work an API starts; used in messages.
enum class WorkKind { Thread, Fiber, Task, Coroutine };

/// How a spawn API is written and where its callable comes from.
enum class SpawnForm {
  /// `Class(callable, args...)`: the constructed object owns the work.
  Constructor,
  /// `fn(..., callable, args...)`: the returned value (if any) owns the work.
  Function,
  /// `object.fn(callable, args...)`: the object is the executor or pool.
  Method,
  /// `container.emplace_back(callable, args...)` of a spawn class: the
  /// container owns the work.
  ContainerEmplace,
  /// A C start routine and its data argument at fixed positions, the handle
  /// written through an out-parameter or returned:
  /// `pthread_create(&handle, attr, start, arg)`, `thrd_create(&t, f, arg)`,
  /// `g_thread_new(name, f, data)`, `taskcreate(start, arg, stacksize)`.
  StartRoutine,
};

/// Where a StartRoutine API takes its operands.
struct StartRoutineShape {
  /// The argument count the call must have.
  unsigned Args = 0;
  /// The start routine, and the argument passed to it.
  unsigned Routine = 0, Data = 0;
  /// The out-parameter that receives the handle (`&t`), or -1 when the
  /// handle is returned (or there is none).
  int HandleOut = -1;
};

/// What destroying an object that owns spawned work does to that work.
enum class DestructorEffect {
  /// Unknown, or the work goes on (a future from a thread pool).
  None,
  /// The destructor waits for the work (std::jthread, std::async futures).
  Joins,
  /// A joinable object terminates the program (std::thread, fibers): the work
  /// does not outlive it, the process dies instead.
  Terminates,
};

/// One spawn API from the model's table or from the user's options.
struct SpawnApi {
  /// Fully qualified, template-argument-free name, e.g. `::std::thread` or
  /// `::asio::post`; for constructors the class name.
  std::string Name;
  WorkKind Kind = WorkKind::Thread;
  SpawnForm Form = SpawnForm::Function;
  /// For Function forms: the returned handle waits in its destructor
  /// (`std::async`); for Constructor forms this comes from the class table.
  bool ResultJoinsOnDestruction = false;
  /// The spawn is asynchronous only under some launch policies
  /// (`std::async`); `std::launch::deferred` alone runs it lazily in `get`.
  bool HasLaunchPolicy = false;
  /// Without an executor argument the work goes to a process-wide executor
  /// (`asio::post(handler)` uses the system executor's thread pool).
  bool SystemExecutorByDefault = false;
  /// For StartRoutine forms: where the operands are.
  StartRoutineShape Routine;
  /// Not in a table: a method of a class the model recognised as a thread
  /// pool (see ApiModel::inferredPoolSpawn).
  bool Inferred = false;
};

/// A recognised spawn site: the call, its API and its operands.
struct SpawnSite {
  const clang::Expr *Call = nullptr;
  const SpawnApi *Api = nullptr;
  /// How this call is written (user entries take the form of the call).
  SpawnForm Form = SpawnForm::Function;
  /// The callable the new thread/fiber/task runs (may be null for
  /// pthread_create, whose start routine is a plain function).
  const clang::Expr *Callable = nullptr;
  /// Arguments forwarded to the callable (after it), or pthread's `arg`.
  llvm::SmallVector<const clang::Expr *, 4> ForwardedArgs;
  /// The executor/pool/context expression, for asio-style and method forms.
  const clang::Expr *Executor = nullptr;
  /// The handle out-parameter of a start routine API (`&t`).
  const clang::Expr *HandleOut = nullptr;
  /// `std::async(std::launch::deferred, ...)`: runs lazily in `get`/`wait`.
  bool Deferred = false;
};

/// Names of a model table that users extend through options.
struct ModelOptions {
  /// `SpawnFunctions`: functions, methods or classes (meaning their
  /// constructors) that run a callable argument concurrently.
  std::vector<std::string> SpawnFunctions;
  /// `JoinFunctions`: functions or methods that wait for spawned work;
  /// methods wait for their object, free functions for their first argument.
  std::vector<std::string> JoinFunctions;
  /// `DetachFunctions`: functions or methods that let the work go on alone.
  std::vector<std::string> DetachFunctions;
  /// `JoiningTypes`: classes whose destructor waits for the work they own.
  std::vector<std::string> JoiningTypes;
  /// `ChannelTypes`: channel classes, `::ns::Chan` (unbuffered),
  /// `::ns::Chan(argN)` (constructor argument N is the number of values it
  /// holds) or `::ns::Chan(unbounded)`. Channel names are matched exactly.
  std::vector<std::string> ChannelTypes;
  /// `ChannelSendFunctions`, `ChannelReceiveFunctions`,
  /// `ChannelCloseFunctions`: blocking operations of those types, as
  /// `::ns::Chan::method` or free functions taking the channel first.
  std::vector<std::string> ChannelSendFunctions;
  std::vector<std::string> ChannelReceiveFunctions;
  std::vector<std::string> ChannelCloseFunctions;
  /// `TokenTypes`: token pool classes, `::ns::Pool` or `::ns::Pool(argN)`
  /// (constructor argument N is the initial number of tokens);
  /// `TokenAcquireFunctions`, `TokenReleaseFunctions`: their blocking
  /// acquire and their release, as `::ns::Pool::method` or free functions
  /// taking the pool first.
  std::vector<std::string> TokenTypes;
  std::vector<std::string> TokenAcquireFunctions;
  std::vector<std::string> TokenReleaseFunctions;

  /// Every option: its name and the member that holds it. Front ends read
  /// and write the options through this table.
  struct Field {
    llvm::StringLiteral Name;
    std::vector<std::string> ModelOptions::*Member;
  };
  static llvm::ArrayRef<Field> fields();

  /// Parses a `;`-separated option value into names, dropping blanks. A
  /// name with a leading `::` is fully qualified; one without matches any
  /// enclosing scope that ends with it (as clang-tidy's `hasAnyName`).
  static std::vector<std::string> parseList(llvm::StringRef Value);
  /// Joins names back for `storeOptions` / `--dump-config`.
  static std::string formatList(llvm::ArrayRef<std::string> Names);
};

/// The names of the options above, shared by every front end.
namespace option {
inline constexpr llvm::StringLiteral SpawnFunctions = "SpawnFunctions";
inline constexpr llvm::StringLiteral JoinFunctions = "JoinFunctions";
inline constexpr llvm::StringLiteral DetachFunctions = "DetachFunctions";
inline constexpr llvm::StringLiteral JoiningTypes = "JoiningTypes";
inline constexpr llvm::StringLiteral ChannelTypes = "ChannelTypes";
inline constexpr llvm::StringLiteral ChannelSendFunctions =
    "ChannelSendFunctions";
inline constexpr llvm::StringLiteral ChannelReceiveFunctions =
    "ChannelReceiveFunctions";
inline constexpr llvm::StringLiteral ChannelCloseFunctions =
    "ChannelCloseFunctions";
inline constexpr llvm::StringLiteral TokenTypes = "TokenTypes";
inline constexpr llvm::StringLiteral TokenAcquireFunctions =
    "TokenAcquireFunctions";
inline constexpr llvm::StringLiteral TokenReleaseFunctions =
    "TokenReleaseFunctions";
} // namespace option

/// The API model: built-in tables plus the user's additions.
class ApiModel {
public:
  explicit ApiModel(const ModelOptions &Options = {});

  /// Names of every spawn class (for constructor matchers).
  std::vector<llvm::StringRef> spawnClassNames() const;
  /// Names of every spawn function or method (for call matchers).
  std::vector<llvm::StringRef> spawnFunctionNames() const;
  /// Method names that construct an element in place (emplace_back, ...).
  static llvm::ArrayRef<llvm::StringRef> emplaceMethodNames();
  /// Method names that store a value into a container or group.
  static llvm::ArrayRef<llvm::StringRef> containerInsertNames();
  /// `std::make_unique` and friends: a spawn when their template argument is
  /// a spawn class.
  static std::vector<llvm::StringRef> constructingFactoryNames();

  /// Recognises \p E as a spawn site, or returns std::nullopt.
  std::optional<SpawnSite> classifySpawn(const clang::Expr *E) const;

  /// The spawn class \p RD is (or derives from), if any.
  const SpawnApi *spawnClass(const clang::CXXRecordDecl *RD) const;

  /// Is \p RD an in-house thread pool, executor or task queue: a class that
  /// owns threads (a field of a spawn class or an execution context, or a
  /// container, array or smart pointer of them, in it or its bases), or whose
  /// name says so (`ThreadPool`, `WorkQueue`, `Executor`, `Scheduler`, ...)?
  bool isThreadPoolClass(const clang::CXXRecordDecl *RD) const;

  /// A method of a thread pool class (isThreadPoolClass) named like a
  /// submission (`submit`, `enqueue`, `post`, `push_task`, `schedule`, `add`,
  /// `run`, ...), not like a wait, that takes a callable argument: the model
  /// treats it as a Method spawn whose object is the pool. Null otherwise.
  const SpawnApi *inferredPoolSpawn(const clang::CXXMethodDecl *MD,
                                    llvm::ArrayRef<const clang::Expr *> Args) const;

  /// What destroying an object of type \p T does to the work it owns.
  DestructorEffect destructorEffect(clang::QualType T) const;

  /// Is \p Call a join/wait of the object it is called on (methods) or of
  /// its first argument (free functions such as pthread_join)? Returns the
  /// expression naming the joined object.
  const clang::Expr *joinedObject(const clang::Expr *Call) const;
  /// Same for detach.
  const clang::Expr *detachedObject(const clang::Expr *Call) const;

  /// Is \p T a callable type: a closure, a class with operator(), a function
  /// or a pointer to (member) function?
  static bool isCallableType(clang::QualType T);

  const ModelOptions &options() const { return Options; }
  /// The channel part of the model (lib/model/ChannelModel.h).
  const ChannelModel &channels() const { return *Channels; }
  /// Token pools (lib/model/TokenModel.h).
  const TokenModel &tokens() const { return *Tokens; }

private:
  const SpawnApi *lookup(llvm::StringRef QualifiedName) const;
  /// The callable, forwarded arguments and executor of a call-shaped site.
  std::optional<SpawnSite> finishSite(SpawnSite Site,
                                      llvm::ArrayRef<const clang::Expr *> Args) const;
  /// lookup() of a method, then of the methods it overrides.
  const SpawnApi *lookupMethod(const clang::CXXMethodDecl *MD) const;
  bool typeHoldsThreads(clang::QualType T, unsigned Depth) const;
  bool inTable(const llvm::StringMap<bool> &Table,
               const clang::NamedDecl *D) const;

  ModelOptions Options;
  std::vector<SpawnApi> Spawns;
  llvm::StringMap<size_t> SpawnIndex;
  llvm::StringMap<bool> Joins;
  llvm::StringMap<bool> Detaches;
  llvm::StringMap<DestructorEffect> DestructorEffects;
  /// Caches of the thread pool inference, filled as calls are classified
  /// (one model serves one thread: each check instance owns its own).
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> PoolClasses;
  mutable llvm::StringMap<SpawnApi> InferredSpawns;
  std::shared_ptr<const ChannelModel> Channels;
  std::shared_ptr<const TokenModel> Tokens;
};

/// `::ns::Class::method`, without template arguments and without inline
/// namespaces (`std::__1`, `std::__cxx11`), the form the tables use.
std::string qualifiedName(const clang::NamedDecl *D);

/// The lambda a spawn's callable holds: a lambda written there, a local
/// variable initialised with one, or either wrapped in a `std::function`,
/// `std::packaged_task` or `std::move_only_function` (a pool's
/// `post(std::function<void()> job)`), through temporaries, casts and
/// `std::move`/`std::forward`. Null for anything else (a function, a
/// functor object, a parameter). Both engines find worker bodies with it.
const clang::LambdaExpr *lambdaOf(const clang::Expr *Callable);

/// A short spelling for messages: `std::thread`, `asio::post`.
llvm::StringRef displayName(const SpawnApi &Api);

/// "thread", "fiber", "task" or "coroutine".
llvm::StringRef workNoun(WorkKind Kind);

} // namespace tether::model

#endif // TETHER_MODEL_APIMODEL_H
