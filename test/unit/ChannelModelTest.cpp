//===- ChannelModelTest.cpp - Channels of the shared API model -----------===//

#include "model/ApiModel.h"
#include "model/ChannelModel.h"
#include "model/TokenModel.h"

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

/// "name kind blocking library" for every channel operation in `f`, sorted.
std::vector<std::string> operations(ASTUnit &AST, const ChannelModel &M) {
  std::vector<std::string> Out;
  auto Calls = match(functionDecl(hasName("f"), forEachDescendant(callExpr().bind("c"))),
                     AST.getASTContext());
  for (const BoundNodes &N : Calls)
    if (auto Site = M.classify(N.getNodeAs<CallExpr>("c"))) {
      const char *Kind[] = {"send", "receive", "close", "create", "destroy"};
      const char *Block[] = {"forever", "timed", "never"};
      Out.push_back(Site->Name.str() + " " + Kind[int(Site->Op.Kind)] + " " +
                    Block[int(Site->Op.Block)] + " " + Site->Library->Name);
    }
  llvm::sort(Out); // match order is not source order
  return Out;
}

std::optional<uint64_t> capacityOfVar(ASTUnit &AST, const ChannelModel &M,
                                      llvm::StringRef Var) {
  auto Found = match(varDecl(hasName(Var)).bind("v"), AST.getASTContext());
  EXPECT_EQ(Found.size(), 1u) << Var.str();
  const auto *V = Found[0].getNodeAs<VarDecl>("v");
  const ChannelLibrary *Lib = M.channelType(V->getType());
  EXPECT_NE(Lib, nullptr) << Var.str();
  if (!Lib)
    return std::nullopt;
  return M.capacityOf(*Lib, V->getInit(), V->getType(), AST.getASTContext());
}

TEST(ChannelModel, BoostFiberOperationsAndWhichBlock) {
  auto AST = parse(R"(
#include <boost/fiber/all.hpp>
#include <chrono>
void f(boost::fibers::buffered_channel<int> &b,
       boost::fibers::unbuffered_channel<int> &u) {
  int v;
  u.push(1); u.pop(v); (void)u.value_pop();
  u.push_wait_for(1, std::chrono::seconds(1));
  u.pop_wait_for(v, std::chrono::seconds(1));
  b.try_push(1); b.try_pop(v); b.close();
  for (int x : u) (void)x;
})");
  ChannelModel M{ModelOptions{}};
  std::vector<std::string> Expected = {
      "push send forever Boost.Fiber", "pop receive forever Boost.Fiber",
      "value_pop receive forever Boost.Fiber",
      "push_wait_for send timed Boost.Fiber",
      "pop_wait_for receive timed Boost.Fiber",
      "try_push send never Boost.Fiber", "try_pop receive never Boost.Fiber",
      "close close forever Boost.Fiber"};
  llvm::sort(Expected);
  EXPECT_EQ(operations(*AST, M), Expected);
}

TEST(ChannelModel, CapacitiesFollowEachLibrary) {
  auto AST = parse(R"(
#include <boost/fiber/all.hpp>
#include <memory>
#include <msd/channel.hpp>
#include <msd/static_channel.hpp>
#include <task.h>
int n();
void f() {
  boost::fibers::unbuffered_channel<int> unbuffered;
  boost::fibers::buffered_channel<int> eight(8);
  boost::fibers::buffered_channel<int> six(6);
  boost::fibers::buffered_channel<int> runtime(n());
  auto shared = std::make_shared<boost::fibers::buffered_channel<int>>(16);
  msd::channel<int> unbounded;
  msd::channel<int> bounded(3);
  msd::static_channel<int, 5> fixed;
  Channel *task = chancreate(sizeof(int), 2);
})");
  ChannelModel M{ModelOptions{}};
  EXPECT_EQ(capacityOfVar(*AST, M, "unbuffered"), 0u);
  EXPECT_EQ(capacityOfVar(*AST, M, "eight"), 7u);      // capacity - 1
  EXPECT_EQ(capacityOfVar(*AST, M, "six"), std::nullopt); // throws: not 2^k
  EXPECT_EQ(capacityOfVar(*AST, M, "runtime"), std::nullopt);
  EXPECT_EQ(capacityOfVar(*AST, M, "shared"), 15u);
  EXPECT_EQ(capacityOfVar(*AST, M, "unbounded"), ChannelModel::UnboundedCapacity);
  EXPECT_EQ(capacityOfVar(*AST, M, "bounded"), 3u);
  EXPECT_EQ(capacityOfVar(*AST, M, "fixed"), 5u);
  EXPECT_EQ(capacityOfVar(*AST, M, "task"), 2u);
}

TEST(ChannelModel, CloseSemanticsDifferPerLibrary) {
  auto AST = parse(R"(
#include <boost/fiber/all.hpp>
#include <msd/channel.hpp>
#include <task.h>
boost::fibers::unbuffered_channel<int> *boost_;
msd::channel<int> *msd_;
Channel *task_;
)");
  ChannelModel M{ModelOptions{}};
  auto Lib = [&](llvm::StringRef Var) {
    auto Found = match(varDecl(hasName(Var)).bind("v"), AST->getASTContext());
    return M.channelType(Found[0].getNodeAs<VarDecl>("v")->getType());
  };
  // Boost wakes blocked pushers on close, and closes in its destructor.
  EXPECT_TRUE(Lib("boost_")->CloseReleasesSenders);
  EXPECT_TRUE(Lib("boost_")->DestructorCloses);
  // cpp-channel's close does not wake a writer blocked on a full channel.
  EXPECT_FALSE(Lib("msd_")->CloseReleasesSenders);
  // libtask has no close at all.
  EXPECT_FALSE(Lib("task_")->HasClose);
}

TEST(ChannelModel, UserChannelTypesFromOptions) {
  auto AST = parse(R"(
namespace app {
template <class T> struct Box { void post(T); T take(); void shut(); };
template <class T> struct Ring { explicit Ring(int); void put(T); T get(); };
}
void f() {
  app::Box<int> box;
  app::Ring<int> ring(4);
  box.post(1); (void)box.take(); box.shut();
  ring.put(1); (void)ring.get();
})");
  ModelOptions O;
  O.ChannelTypes = {"::app::Box", "app::Ring(arg0)"};
  O.ChannelSendFunctions = {"::app::Box::post", "::app::Ring::put"};
  O.ChannelReceiveFunctions = {"::app::Box::take", "::app::Ring::get"};
  O.ChannelCloseFunctions = {"::app::Box::shut"};
  ChannelModel M(O);
  std::vector<std::string> Expected = {
      "post send forever ::app::Box", "take receive forever ::app::Box",
      "shut close forever ::app::Box", "put send forever app::Ring",
      "get receive forever app::Ring"};
  llvm::sort(Expected);
  EXPECT_EQ(operations(*AST, M), Expected);
  EXPECT_EQ(capacityOfVar(*AST, M, "box"), 0u);
  EXPECT_EQ(capacityOfVar(*AST, M, "ring"), 4u);
  // Only a type with a configured close can be closed.
  auto Lib = [&](llvm::StringRef Var) {
    auto Found = match(varDecl(hasName(Var)).bind("v"), AST->getASTContext());
    return M.channelType(Found[0].getNodeAs<VarDecl>("v")->getType());
  };
  EXPECT_TRUE(Lib("box")->HasClose);
  EXPECT_FALSE(Lib("ring")->HasClose);
}

TEST(ChannelModel, BoostCapacityAdvice) {
  EXPECT_EQ(boostCapacityFor(1), 2u); // holds 1
  EXPECT_EQ(boostCapacityFor(3), 4u); // holds 3
  EXPECT_EQ(boostCapacityFor(4), 8u); // holds 7
  EXPECT_EQ(describeCapacity(0), "unbuffered");
  EXPECT_EQ(describeCapacity(1), "holds 1 value");
  EXPECT_EQ(describeCapacity(ChannelModel::UnboundedCapacity), "unbounded");
}

} // namespace

namespace {

TEST(TokenModel, PoolsTheirOperationsAndInitialTokens) {
  auto AST = parse(R"(
#include <boost/fiber/all.hpp>
#include <chrono>
#include <semaphore.h>
#include <semaphore>
std::counting_semaphore<16> counted(12);
std::binary_semaphore single(1);
void f() {
  sem_t posix;
  sem_init(&posix, 0, 5);
  boost::fibers::buffered_channel<int> pool(8);
  counted.acquire(); counted.try_acquire();
  counted.try_acquire_for(std::chrono::seconds(1)); counted.release(2);
  sem_wait(&posix); sem_trywait(&posix); sem_post(&posix);
  pool.push(0); (void)pool.value_pop();
})");
  ModelOptions O;
  ApiModel Model(O);
  const TokenModel &T = Model.tokens();
  std::vector<std::string> Seen, SeenWithChannels;
  for (const BoundNodes &N :
       match(functionDecl(hasName("f"), forEachDescendant(callExpr().bind("c"))),
             AST->getASTContext())) {
    const auto *CE = N.getNodeAs<CallExpr>("c");
    const char *Kind[] = {"acquire", "release", "init"};
    const char *Block[] = {"forever", "timed", "never"};
    if (auto S = T.classify(CE, false))
      Seen.push_back(S->Name.str() + " " + Kind[int(S->Op.Kind)] + " " +
                     Block[int(S->Op.Block)]);
    if (auto S = T.classify(CE, true))
      SeenWithChannels.push_back(S->Name.str());
  }
  llvm::sort(Seen);
  std::vector<std::string> Expected = {
      "acquire acquire forever", "try_acquire acquire never",
      "try_acquire_for acquire timed", "release release never",
      "sem_init init never", "sem_wait acquire forever",
      "sem_trywait acquire never", "sem_post release never"};
  llvm::sort(Expected);
  EXPECT_EQ(Seen, Expected);
  // A channel is a pool only where a check asks for it.
  EXPECT_EQ(SeenWithChannels.size(), Seen.size() + 2);

  auto Var = [&](llvm::StringRef Name) {
    auto M = match(varDecl(hasName(Name)).bind("v"), AST->getASTContext());
    return M[0].getNodeAs<VarDecl>("v");
  };
  const FunctionDecl *F =
      match(functionDecl(hasName("f")).bind("f"), AST->getASTContext())[0]
          .getNodeAs<FunctionDecl>("f");
  const ASTContext &Ctx = AST->getASTContext();
  EXPECT_EQ(T.initialTokens(Var("counted"), nullptr, Ctx), 12u);
  EXPECT_EQ(T.initialTokens(Var("single"), nullptr, Ctx), 1u);
  EXPECT_EQ(T.initialTokens(Var("posix"), F->getBody(), Ctx), 5u);
  EXPECT_EQ(T.initialTokens(Var("pool"), F->getBody(), Ctx), 7u); // holds 7
}

} // namespace
