//===- ApiModelTest.cpp - The shared API model ---------------------------===//

#include "model/ApiModel.h"
#include "model/Matchers.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;
using namespace tether::model;

namespace {

std::unique_ptr<ASTUnit> parse(llvm::StringRef Code) {
  std::vector<std::string> Args = {"-std=c++20", "-nostdinc", "-nostdinc++",
                                   "-isystem", TETHER_MOCK_INCLUDE};
  auto AST = tooling::buildASTFromCodeWithArgs(Code, Args, "input.cc");
  EXPECT_TRUE(AST && !AST->getDiagnostics().hasErrorOccurred());
  return AST;
}

/// Every spawn site in \p Code, classified.
std::vector<SpawnSite> sites(ASTUnit &AST, const ApiModel &Model) {
  auto Matches = match(spawnSiteMatcher(Model), AST.getASTContext());
  std::vector<SpawnSite> Out;
  for (const BoundNodes &N : Matches)
    if (auto S = Model.classifySpawn(N.getNodeAs<Expr>("spawn")))
      Out.push_back(*S);
  const SourceManager &SM = AST.getSourceManager();
  llvm::sort(Out, [&](const SpawnSite &A, const SpawnSite &B) {
    return SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                        B.Call->getBeginLoc());
  });
  return Out;
}

TEST(ApiModel, QualifiedNamesDropInlineNamespacesAndTemplateArguments) {
  auto AST = parse("namespace a { inline namespace v1 { template <class T> "
                   "struct S { void m(); }; } }\n"
                   "void f(a::S<int> s) { s.m(); }");
  auto M = match(cxxMemberCallExpr().bind("c"), AST->getASTContext());
  ASSERT_EQ(M.size(), 1u);
  const auto *Call = M[0].getNodeAs<CXXMemberCallExpr>("c");
  EXPECT_EQ(qualifiedName(Call->getMethodDecl()), "::a::S::m");
}

TEST(ApiModel, RecognisesEveryBuiltinSpawnShape) {
  auto AST = parse(R"(
#include <thread>
#include <future>
#include <vector>
#include <pthread.h>
#include <boost/fiber/all.hpp>
#include <asio.hpp>
#include <boost/asio.hpp>
void *start(void *);
void g(int);
void f(asio::thread_pool &pool, boost::asio::io_context &ioc) {
  int x = 0;
  std::thread t([] {});                              // thread ctor
  std::jthread j([](int) {}, 1);                     // jthread ctor, 1 arg
  std::vector<std::thread> v; v.emplace_back(g, x);  // emplace
  auto a = std::async(std::launch::deferred, [] {}); // deferred
  auto b = std::async([] {});                        // async
  pthread_t p; pthread_create(&p, nullptr, start, &x);
  boost::fibers::fiber fb(boost::fibers::launch::post, [] {});
  asio::post(pool, [] {});
  boost::asio::post(ioc, [] {});
  t.join(); fb.join(); pthread_join(p, nullptr);
}
)");
  ApiModel Model;
  std::vector<SpawnSite> S = sites(*AST, Model);
  std::vector<std::string> Names;
  for (const SpawnSite &Site : S)
    Names.push_back(Site.Api->Name);
  EXPECT_EQ(Names, (std::vector<std::string>{
                       "::std::thread", "::std::jthread", "::std::thread",
                       "::std::async", "::std::async", "::pthread_create",
                       "::boost::fibers::fiber", "::asio::post",
                       "::boost::asio::post"}));
  ASSERT_EQ(S.size(), 9u);
  EXPECT_EQ(S[1].ForwardedArgs.size(), 1u);
  EXPECT_EQ(S[2].Form, SpawnForm::ContainerEmplace);
  EXPECT_EQ(S[2].ForwardedArgs.size(), 1u);
  EXPECT_TRUE(S[3].Deferred);
  EXPECT_FALSE(S[4].Deferred);
  EXPECT_EQ(S[5].Form, SpawnForm::StartRoutine);
  EXPECT_NE(S[5].HandleOut, nullptr);
  EXPECT_EQ(S[6].Api->Kind, WorkKind::Fiber);
  EXPECT_NE(S[7].Executor, nullptr);
}

TEST(ApiModel, UserSpawnFunctionsExtendTheModel) {
  const char *Code = R"(
namespace shop { struct Pool { template <class F> void submit(F &&f) {} }; }
void f(shop::Pool &p) { p.submit([] {}); }
)";
  auto AST = parse(Code);
  EXPECT_TRUE(sites(*AST, ApiModel()).empty());
  ModelOptions Opts;
  Opts.SpawnFunctions = ModelOptions::parseList(" ::shop::Pool::submit ; ");
  ApiModel Model(Opts);
  std::vector<SpawnSite> S = sites(*AST, Model);
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Form, SpawnForm::Method);
  EXPECT_NE(S[0].Executor, nullptr);
}

TEST(ApiModel, RecognisesThreadPoolsByTheirShape) {
  auto AST = parse(R"(
#include <functional>
#include <memory>
#include <queue>
#include <thread>
#include <vector>
#include <pthread.h>
struct OwnsThreads {                // a thread field: a pool, whatever its name
  void submit(std::function<void()> f);
  void visit(std::function<void()> f);   // not a submission name
  void wait_and_submit(std::function<void()> f); // waits
  std::vector<std::thread> workers;
};
struct OwnsPthreads { void add(void (*f)()); std::unique_ptr<pthread_t[]> ids; };
struct IoExecutor { template <class F> void post(F f) {} }; // by name
struct Derived : IoExecutor {};
struct Pool { template <class F> void submit(F f) {} };     // neither
void g();
void f(OwnsThreads &a, OwnsPthreads &b, IoExecutor &c, Derived &d, Pool &e,
       std::queue<std::function<void()>> &q) {
  a.submit([] {});
  a.visit([] {});
  a.wait_and_submit([] {});
  b.add(g);
  c.post([] {});
  d.post([] {});
  e.submit([] {});
  q.push([] {});
}
)");
  ApiModel Model;
  std::vector<SpawnSite> S = sites(*AST, Model);
  std::vector<std::string> Names;
  for (const SpawnSite &Site : S) {
    Names.push_back(Site.Api->Name);
    EXPECT_TRUE(Site.Api->Inferred);
    EXPECT_EQ(Site.Form, SpawnForm::Method);
    EXPECT_NE(Site.Executor, nullptr);
  }
  EXPECT_EQ(Names, (std::vector<std::string>{"::OwnsThreads::submit",
                                             "::OwnsPthreads::add",
                                             "::IoExecutor::post",
                                             "::IoExecutor::post"}));
  const auto *Pool = match(cxxRecordDecl(hasName("::OwnsThreads")).bind("r"),
                           AST->getASTContext())[0]
                         .getNodeAs<CXXRecordDecl>("r");
  EXPECT_TRUE(Model.isThreadPoolClass(Pool));
  EXPECT_EQ(Model.destructorEffect(
                AST->getASTContext().getRecordType(Pool)),
            DestructorEffect::Joins);
}

TEST(ApiModel, StartRoutinesFactoriesAndLibraryPools) {
  auto AST = parse(R"(
#include <memory>
#include <thread>
#include <threads.h>
namespace BS { struct thread_pool { template <class F> void detach_task(F &&f) {} }; }
namespace folly {
struct Executor { virtual void add(void (*f)()) = 0; };
struct CPUThreadPoolExecutor : Executor { void add(void (*f)()) override; };
}
int run11(void *);
void g();
void f(BS::thread_pool &bs, folly::CPUThreadPoolExecutor &ex) {
  int x = 0;
  thrd_t t; thrd_create(&t, run11, &x);
  auto u = std::make_unique<std::thread>(g);
  auto s = std::make_shared<int>(3);   // not a thread
  bs.detach_task([] {});
  ex.add(g);
}
)");
  ApiModel Model;
  std::vector<SpawnSite> S = sites(*AST, Model);
  ASSERT_EQ(S.size(), 4u);
  EXPECT_EQ(S[0].Api->Name, "::thrd_create");
  EXPECT_EQ(S[0].Form, SpawnForm::StartRoutine);
  EXPECT_NE(S[0].HandleOut, nullptr);
  ASSERT_EQ(S[0].ForwardedArgs.size(), 1u);
  EXPECT_EQ(S[1].Api->Name, "::std::thread");
  EXPECT_EQ(S[1].Form, SpawnForm::Constructor);
  EXPECT_EQ(S[2].Api->Name, "::BS::thread_pool::detach_task");
  EXPECT_EQ(S[3].Api->Name, "::folly::Executor::add"); // through the override
  QualType UniqueThread = cast<CallExpr>(S[1].Call)->getType();
  EXPECT_EQ(Model.destructorEffect(UniqueThread), DestructorEffect::Terminates);
}

TEST(ApiModel, UnqualifiedEntriesMatchAnyScope) {
  auto AST = parse(R"(
namespace x { namespace y { struct Runner { template <class F> explicit Runner(F f) {} }; } }
void f() { x::y::Runner r([] {}); }
)");
  ModelOptions Opts;
  Opts.SpawnFunctions = {"y::Runner"};
  EXPECT_EQ(sites(*AST, ApiModel(Opts)).size(), 1u);
}

TEST(ApiModel, JoinsDetachesAndDestructors) {
  auto AST = parse(R"(
#include <thread>
#include <future>
#include <boost/fiber/all.hpp>
void f() {
  std::thread t([] {}); t.join();
  std::thread d([] {}); d.detach();
  std::future<void> fu = std::async([] {}); fu.get();
  std::jthread j([] {});
  boost::fibers::future<void> bf = boost::fibers::async([] {});
}
)");
  ApiModel Model;
  auto Calls = match(cxxMemberCallExpr(isExpansionInMainFile()).bind("c"),
                     AST->getASTContext());
  unsigned Joins = 0, Detaches = 0;
  for (const BoundNodes &N : Calls) {
    const auto *C = N.getNodeAs<CXXMemberCallExpr>("c");
    Joins += Model.joinedObject(C) != nullptr;
    Detaches += Model.detachedObject(C) != nullptr;
  }
  EXPECT_EQ(Joins, 2u);   // t.join(), fu.get()
  EXPECT_EQ(Detaches, 1u); // d.detach()

  auto Vars = match(varDecl(hasLocalStorage()).bind("v"),
                    AST->getASTContext());
  std::map<std::string, DestructorEffect> Effects;
  for (const BoundNodes &N : Vars) {
    const auto *V = N.getNodeAs<VarDecl>("v");
    Effects[V->getNameAsString()] = Model.destructorEffect(V->getType());
  }
  EXPECT_EQ(Effects["t"], DestructorEffect::Terminates);
  EXPECT_EQ(Effects["j"], DestructorEffect::Joins);
  // Only std::async's futures wait; the model says so at the spawn.
  EXPECT_EQ(Effects["fu"], DestructorEffect::None);
  EXPECT_EQ(Effects["bf"], DestructorEffect::None);
}

TEST(ApiModel, JoiningTypesOption) {
  auto AST = parse("struct Guard { ~Guard(); }; void f() { Guard g; }");
  auto Vars = match(varDecl(hasName("g")).bind("v"),
                    AST->getASTContext());
  ASSERT_EQ(Vars.size(), 1u);
  QualType T = Vars[0].getNodeAs<VarDecl>("v")->getType();
  EXPECT_EQ(ApiModel().destructorEffect(T), DestructorEffect::None);
  ModelOptions Opts;
  Opts.JoiningTypes = {"::Guard"};
  EXPECT_EQ(ApiModel(Opts).destructorEffect(T), DestructorEffect::Joins);
}

TEST(ApiModel, OptionListsRoundTrip) {
  auto L = ModelOptions::parseList("a;; ::b::c ;d");
  EXPECT_EQ(L, (std::vector<std::string>{"a", "::b::c", "d"}));
  EXPECT_EQ(ModelOptions::formatList(L), "a;::b::c;d");
}

} // namespace
