//===- ChannelTest.cpp - The channel checks in every front end -----------===//
//
// Stories 003 ("the forgotten sender", with its timeout branch) and 003's
// first listing (a receiver nobody sends to), written against the real
// Boost.Fiber and libstdc++ headers, through the stock clang-tidy-19 with
// the plugin, clang-19 --analyze with the analyzer plugin, the driver's
// SARIF and tether-clangd over LSP.
//
//===----------------------------------------------------------------------===//

#include "integration/Common.h"
#include "support/Clangd.h"
#include "support/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;

const char *StorySource = R"(#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
std::string search(const std::string &term);
int process(const std::string &term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<std::string>>();
  std::thread([ch, term] {
    ch->push(search(term));
  }).detach();
  std::string record;
  if (ch->pop_wait_for(record, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout)
    return -1;
  return static_cast<int>(record.size());
}
void leak() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::fiber([ch] {
    int val = ch->value_pop();
    (void)val;
  }).detach();
}
)";
constexpr unsigned SendLine = 10, ReceiveLine = 21;
const char *SendMessage =
    "the thread started by 'std::thread' blocks forever in 'push' on 'ch': "
    "'process' gives up before the value arrives, so the thread stays "
    "blocked; receive every value, close 'ch' before giving up, or make it "
    "a buffered_channel<T>(2) (the capacity must be a power of two; it holds "
    "1 value)";
const char *ReceiveMessage =
    "the fiber started by 'boost::fibers::fiber' blocks forever in "
    "'value_pop' on 'ch': 'leak' drops 'ch' after sending 0 values while 1 "
    "receiver waits; send every value it waits for, or close 'ch' before "
    "returning";
const char *TimeoutNote =
    "assuming 'pop_wait_for' times out; 'ch' still has 1 pending value(s)";

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

TEST(Channels, StockClangTidyShowsThePath) {
  TempDir D;
  std::string File = D.write("story.cpp", StorySource);
  RunResult R = run({TETHER_CLANG_TIDY, "-load=" + plugin(),
                     "--checks=-*,tether-unreceived-send,tether-unsent-receive",
                     File, "--", "-std=c++17"},
                    D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(contains(R.Out, File + ":" + std::to_string(SendLine) + ":")) << R.Out;
  EXPECT_TRUE(contains(R.Out, std::string(SendMessage) + " [tether-unreceived-send]"))
      << R.Out;
  EXPECT_TRUE(contains(R.Out, "note: " + std::string(TimeoutNote))) << R.Out;
  EXPECT_TRUE(contains(R.Out, "note: the thread started here sends on 'ch'")) << R.Out;
  EXPECT_TRUE(contains(R.Out, File + ":" + std::to_string(ReceiveLine) + ":")) << R.Out;
  EXPECT_TRUE(contains(R.Out, std::string(ReceiveMessage) + " [tether-unsent-receive]"))
      << R.Out;
}

TEST(Channels, ClangAnalyzeWithThePlugin) {
  TempDir D;
  std::string File = D.write("story.cpp", StorySource);
  RunResult R = run({TETHER_CLANG, "--analyze", "-std=c++17", "-Xclang", "-load",
                     "-Xclang",
                     std::string(TETHER_BINARY_DIR) + "/lib/libTetherAnalyzer.so",
                     "-Xclang", "-analyzer-checker=tether.UnreceivedSend",
                     "-Xclang", "-analyzer-checker=tether.UnsentReceive",
                     "-Xclang", "-analyzer-output=text", File},
                    D.path());
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(contains(R.Err, std::string(SendMessage) + " [tether.UnreceivedSend]"))
      << R.Err;
  EXPECT_TRUE(contains(R.Err, "note: " + std::string(TimeoutNote))) << R.Err;
  EXPECT_TRUE(contains(R.Err, std::string(ReceiveMessage) + " [tether.UnsentReceive]"))
      << R.Err;
  RunResult Help = run({TETHER_CLANG, "-cc1", "-load",
                        std::string(TETHER_BINARY_DIR) + "/lib/libTetherAnalyzer.so",
                        "-analyzer-checker-help"});
  EXPECT_TRUE(contains(Help.Out, "tether.UnreceivedSend")) << Help.Err;
  EXPECT_TRUE(contains(Help.Out, "tether.UnsentReceive"));
}

TEST(Channels, DriverSarifHasTheCodeFlow) {
  TempDir D;
  D.write("story.cpp", StorySource);
  writeDatabase(D, "story.cpp", {"/usr/bin/c++", "-std=c++17", "-c", "story.cpp"});
  RunResult R = run({binary("tether"), "scan", "-p", D.path(), "--format", "sarif",
                     "--checks=-*,tether-unreceived-send,tether-unsent-receive"},
                    D.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 2u) << R.Out;
  const Object *Send = nullptr;
  for (const llvm::json::Value &Res : *Results)
    if (Res.getAsObject()->getString("ruleId") == "tether-unreceived-send")
      Send = Res.getAsObject();
  ASSERT_NE(Send, nullptr) << R.Out;
  EXPECT_EQ(Send->getObject("message")->getString("text"), SendMessage);
  const Object *Loc = (*Send->getArray("locations"))[0]
                          .getAsObject()
                          ->getObject("physicalLocation");
  EXPECT_EQ(Loc->getObject("region")->getInteger("startLine"), SendLine);
  const Array *Flows = Send->getArray("codeFlows");
  ASSERT_NE(Flows, nullptr) << R.Out;
  const Array *Steps = (*(*Flows)[0].getAsObject()->getArray("threadFlows"))[0]
                           .getAsObject()
                           ->getArray("locations");
  bool SawSpawn = false, SawTimeout = false;
  for (const llvm::json::Value &Step : *Steps) {
    auto Text = Step.getAsObject()->getObject("location")->getObject("message")->getString(
        "text");
    SawSpawn |= Text && Text->starts_with("the thread started here sends on 'ch'");
    SawTimeout |= Text && *Text == TimeoutNote;
  }
  EXPECT_TRUE(SawSpawn) << R.Out;
  EXPECT_TRUE(SawTimeout) << R.Out;
}

TEST(Channels, ClangdPublishesThemWithThePath) {
  TempDir D;
  D.write("compile_flags.txt", "-xc++\n-std=c++17\n");
  D.write(".clangd", "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                     "    FastCheckFilter: None\n");
  std::string File = D.write("story.cpp", StorySource);
  Published P = openAndCollect(D, File, StorySource, "cpp");
  ASSERT_TRUE(P.Received);
  const Object *Send = nullptr, *Receive = nullptr;
  for (const Object *Diag : P.Diagnostics) {
    if (Diag->getString("code") == "tether-unreceived-send")
      Send = Diag;
    if (Diag->getString("code") == "tether-unsent-receive")
      Receive = Diag;
  }
  ASSERT_NE(Send, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  ASSERT_NE(Receive, nullptr) << llvm::formatv("{0:2}", P.Raw).str();
  EXPECT_EQ(Send->getObject("range")->getObject("start")->getInteger("line"),
            SendLine - 1);
  EXPECT_EQ(Receive->getObject("range")->getObject("start")->getInteger("line"),
            ReceiveLine - 1);
  const Array *Related = Send->getArray("relatedInformation");
  ASSERT_NE(Related, nullptr);
  bool Timeout = false;
  for (const llvm::json::Value &Rel : *Related)
    Timeout |= Rel.getAsObject()->getString("message")->ends_with(
        "ssuming 'pop_wait_for' times out; 'ch' still has 1 pending value(s)");
  EXPECT_TRUE(Timeout) << llvm::formatv("{0:2}", P.Raw).str();
}

} // namespace
} // namespace tether::test
