//===- DriverTest.cpp - bin/tether on small projects ---------------------===//

#include "integration/Common.h"
#include "support/Process.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;

TEST(Driver, TextReportAndExitCodeOne) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  RunResult R = P.scan({"--color=never"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  std::string Where = llvm::formatv("a.cpp:{0}:{1}: warning: loop variable 'i' "
                                    "is captured by reference",
                                    BuggyLine, BuggyColumn);
  EXPECT_NE(R.Out.find(Where), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("[tether-loop-variable-capture]"), std::string::npos);
  EXPECT_NE(R.Out.find("note: loop variable 'i' is declared here"),
            std::string::npos);
  EXPECT_NE(R.Out.find("fix-it: insert \", i\""), std::string::npos) << R.Out;
  EXPECT_EQ(R.Out.find("b.cpp"), std::string::npos);
  EXPECT_NE(R.Err.find("1 finding(s) in 1 file(s); 2 translation unit(s) analysed"),
            std::string::npos)
      << R.Err;
}

TEST(Driver, CleanProjectExitsZero) {
  Project P;
  P.add("b.cpp", CleanSource);
  RunResult R = P.scan();
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_TRUE(R.Out.empty()) << R.Out;
}

TEST(Driver, JsonReport) {
  Project P;
  P.add("a.cpp", BuggySource);
  RunResult R = P.scan({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Array *Findings = V->getAsObject()->getArray("findings");
  ASSERT_EQ(Findings->size(), 1u);
  const Object *F = (*Findings)[0].getAsObject();
  EXPECT_EQ(F->getString("check"), "tether-loop-variable-capture");
  EXPECT_EQ(F->getObject("location")->getInteger("line"), BuggyLine);
  EXPECT_EQ(F->getArray("notes")->size(), 3u);
  EXPECT_EQ(F->getArray("fixes")->size(), 1u);
}

TEST(Driver, SarifReportToFile) {
  Project P;
  P.add("a.cpp", BuggySource);
  std::string Out = P.Dir.path() + "/out.sarif";
  RunResult R = P.scan({"--format", "sarif", "-o", Out, "--source-root", P.Dir.path()});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  ASSERT_TRUE(bool(Buf));
  auto V = llvm::json::parse((*Buf)->getBuffer());
  ASSERT_TRUE(bool(V));
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Object *Res = (*Run->getArray("results"))[0].getAsObject();
  EXPECT_EQ(Res->getString("ruleId"), "tether-loop-variable-capture");
  const Object *Art = (*Res->getArray("locations"))[0]
                          .getAsObject()
                          ->getObject("physicalLocation")
                          ->getObject("artifactLocation");
  EXPECT_EQ(Art->getString("uri"), "a.cpp");
  EXPECT_EQ(Res->getArray("relatedLocations")->size(), 3u);
  EXPECT_EQ(Res->getArray("fixes")->size(), 1u);
}

TEST(Driver, UncompilableUnitIsReportedAndTheRestCompletes) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("broken.cpp", "int f() { return undeclared_thing; }\n");
  RunResult R = P.scan({"--color=never"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Out.find("a.cpp:7:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("could not analyse " + P.Dir.path() + "/broken.cpp: the "
                       "file does not compile"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("undeclared_thing"), std::string::npos) << R.Err;
}

TEST(Driver, AssemblySourcesAreSkippedWithARemark) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("copy_amd64.S", ".text\n.globl copy\ncopy:\n  ret\n");
  RunResult R = P.scan({"--color=never"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err; // the finding, and no failure
  EXPECT_NE(R.Out.find("a.cpp:7:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("skipped 1 assembly source file of the database"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(R.Err.find("could not analyse"), std::string::npos) << R.Err;
}

TEST(Driver, NotesWithoutALocationAreLeftOut) {
  // Deep in nested macros clang adds "(skipping N expansions in
  // backtrace; ...)", a note with no place in the source.
  std::string Code = "#include <thread>\nvoid use(int);\n#define M0(x) x\n";
  for (int I = 1; I <= 12; ++I)
    Code += llvm::formatv("#define M{0}(x) M{1}(x)\n", I, I - 1).str();
  Code += "void f(int n) {\n  for (int i = 0; i < n; ++i)\n"
          "    M12(std::thread([&] { use(i); }).detach());\n}\n";
  Project P;
  P.add("deep.cpp", Code);
  RunResult R = P.scan({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Array *Findings = V->getAsObject()->getArray("findings");
  ASSERT_EQ(Findings->size(), 1u) << R.Out;
  const Array *Notes = (*Findings)[0].getAsObject()->getArray("notes");
  ASSERT_NE(Notes, nullptr);
  EXPECT_GE(Notes->size(), 3u) << R.Out;
  for (const llvm::json::Value &N : *Notes) {
    const Object *Loc = N.getAsObject()->getObject("location");
    ASSERT_NE(Loc, nullptr) << R.Out;
    EXPECT_NE(Loc->getString("file").value_or(""), "") << R.Out;
    EXPECT_GE(Loc->getInteger("line").value_or(0), 1) << R.Out;
  }
}

TEST(Driver, CrashingUnitIsIsolated) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("crash.cpp", "#pragma clang __debug crash\nint x;\n");
  RunResult R = P.scan({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  EXPECT_EQ(V->getAsObject()->getArray("findings")->size(), 1u);
  const Array *Failures = V->getAsObject()->getArray("failures");
  ASSERT_EQ(Failures->size(), 1u);
  EXPECT_TRUE((*Failures)[0].getAsObject()->getString("reason")->contains("crashed"))
      << R.Out;
}

TEST(Driver, HangingUnitHitsTheTimeLimit) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("slow.cpp",
        "constexpr long spin() { long x = 0; for (long i = 0; i < 4000000000; ++i) "
        "x += i % 7; return x; }\nconstexpr long v = spin();\n",
        {"-fconstexpr-steps=2147483647"});
  RunResult R = P.scan({"--timeout", "2"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  EXPECT_NE(R.Err.find("slow.cpp: the analysis exceeded the time limit"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Out.find("a.cpp:7:"), std::string::npos);
}

TEST(Driver, MalformedDatabaseIsAUsageError) {
  TempDir D;
  D.write("compile_commands.json", "[ { \"directory\": \"/\", ");
  RunResult R = run({binary("tether"), "scan", "-p", D.path()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find(D.path() + "/compile_commands.json' is not valid JSON"),
            std::string::npos)
      << R.Err;
}

TEST(Driver, DatabaseEntryWithoutCommandIsAUsageError) {
  TempDir D;
  D.write("compile_commands.json", "[{\"directory\": \"/\", \"file\": \"a.cpp\"}]");
  RunResult R = run({binary("tether"), "scan", "-p", D.path()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("entry 0 (line 1): the entry needs \"directory\", \"file\" and "
                       "\"command\" or \"arguments\""),
            std::string::npos)
      << R.Err;
}

TEST(Driver, MissingDatabaseIsAUsageError) {
  TempDir D;
  RunResult R = run({binary("tether"), "scan", "-p", D.path()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("cannot read the compilation database"), std::string::npos)
      << R.Err;
  RunResult NoArgs = run({binary("tether"), "scan"});
  EXPECT_EQ(NoArgs.ExitCode, 2);
  EXPECT_NE(NoArgs.Err.find("pass -p BUILD_DIR"), std::string::npos) << NoArgs.Err;
}

TEST(Driver, HeaderFindingsAreReportedOnce) {
  Project P;
  P.Dir.write("spawn.h", R"(#include <thread>
void use(int);
inline void spawnAll(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&] { use(i); }).detach();
}
)");
  P.add("one.cpp", "#include \"spawn.h\"\nvoid one() { spawnAll(1); }\n");
  P.add("two.cpp", "#include \"spawn.h\"\nvoid two() { spawnAll(2); }\n");
  RunResult R = P.scan({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V));
  const Array *Findings = V->getAsObject()->getArray("findings");
  ASSERT_EQ(Findings->size(), 1u) << R.Out;
  EXPECT_TRUE((*Findings)[0]
                  .getAsObject()
                  ->getObject("location")
                  ->getString("file")
                  ->ends_with("spawn.h"));
}

TEST(Driver, ChecksGlobAndDotClangTidy) {
  Project P;
  P.add("a.cpp", BuggySource);
  EXPECT_EQ(P.scan({"--checks=-tether-loop-variable-capture"}).ExitCode, 0);
  // A .clang-tidy written for other checks does not switch Tether off...
  P.Dir.write(".clang-tidy", "Checks: '-*,bugprone-*'\n");
  EXPECT_EQ(P.scan().ExitCode, 1);
  // ...but what it says about Tether's checks applies.
  P.Dir.write(".clang-tidy", "Checks: '-*,bugprone-*,-tether-loop-variable-capture'\n");
  EXPECT_EQ(P.scan().ExitCode, 0);
}

TEST(Driver, CheckOptionsFromConfigFileAndCommandLine) {
  Project P;
  P.add("pool.cpp", R"(
namespace shop { struct Pool { template <class F> void submit(F &&f) {} }; }
void work(int);
void run(shop::Pool &pool, int n) {
  for (int k = 0; k < n; ++k)
    pool.submit([&] { work(k); });
}
)");
  EXPECT_EQ(P.scan().ExitCode, 0);
  EXPECT_EQ(P.scan({"--check-option", "SpawnFunctions=::shop::Pool::submit"}).ExitCode, 1);
  std::string Config = P.Dir.write("tether.yaml", "CheckOptions:\n"
                                                  "  SpawnFunctions: 'shop::Pool::submit'\n");
  EXPECT_EQ(P.scan({"--config-file", Config}).ExitCode, 1);
}

TEST(Driver, FileArgumentsSelectUnits) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  RunResult R = P.scan({P.Dir.path() + "/b.cpp"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  RunResult Unknown = P.scan({P.Dir.path() + "/nope.cpp"});
  EXPECT_EQ(Unknown.ExitCode, 2);
  EXPECT_NE(Unknown.Err.find("is not in the compilation database"), std::string::npos);
}

TEST(Driver, NeverRunsTheDatabaseCommandThroughAShell) {
  Project P;
  std::string Marker = P.Dir.path() + "/pwned";
  P.Dir.write("a.cpp", CleanSource);
  P.addRawEntry(Object{{"directory", P.Dir.path()},
                       {"file", "a.cpp"},
                       {"command", "c++ -std=c++17 -nostdinc -nostdinc++ -isystem " +
                                       std::string(TETHER_MOCK_INCLUDE) +
                                       " -c a.cpp; touch " + Marker + " $(touch " +
                                       Marker + ")"}});
  P.scan();
  EXPECT_FALSE(llvm::sys::fs::exists(Marker));
}

TEST(Driver, ListChecksAndVersion) {
  RunResult L = run({binary("tether"), "list-checks"});
  EXPECT_EQ(L.ExitCode, 0);
  EXPECT_NE(L.Out.find("tether-loop-variable-capture"), std::string::npos);
  EXPECT_NE(L.Out.find("enabled"), std::string::npos);
  RunResult V = run({binary("tether"), "--version"});
  EXPECT_EQ(V.ExitCode, 0);
  EXPECT_NE(V.Out.find("LLVM 19."), std::string::npos) << V.Out;
}

TEST(Driver, ScansTheBundledExampleWithRealHeaders) {
  // The example project under examples/ uses the real libstdc++, Boost and
  // Asio headers; its own CMake build writes the database, here we write one.
  std::string Root = std::string(TETHER_SOURCE_DIR) + "/examples/worker-pool";
  Project P;
  for (const char *File :
       {"src/ingest.cpp", "src/render.cpp", "src/lookup.cpp", "src/main.cpp"}) {
    P.addRawEntry(Object{{"directory", Root},
                         {"file", File},
                         {"arguments", Array{"/usr/bin/c++", "-std=c++20", "-Iinclude",
                                             "-c", File}}});
  }
  RunResult R = P.scan({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  EXPECT_GE(V->getAsObject()->getArray("findings")->size(), 8u) << R.Out;
  EXPECT_NE(R.Out.find("tether-semaphore-spawn-deadlock"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("tether-unreceived-send"), std::string::npos) << R.Out;
}

} // namespace
} // namespace tether::test

namespace tether::test {
namespace {

// The progress line appears only on a terminal: `script` gives the driver
// a pseudo-terminal; through a pipe (every other test here) it stays silent.
TEST(Driver, ProgressLineOnATerminalOnly) {
  if (!llvm::sys::fs::exists("/usr/bin/script"))
    GTEST_SKIP() << "util-linux 'script' is not installed";
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  P.writeDatabase();
  std::string Cmd = binary("tether") + " scan -p '" + P.Dir.path() + "' -j 1 -o /dev/null";
  RunResult Tty = run({"/usr/bin/script", "-qec", Cmd, "/dev/null"}, P.Dir.path());
  EXPECT_NE(Tty.Out.find("[1/2]"), std::string::npos) << Tty.Out;
  EXPECT_NE(Tty.Out.find("[2/2]"), std::string::npos) << Tty.Out;
  RunResult Pipe = P.scan({"-o", "/dev/null"});
  EXPECT_EQ(Pipe.Err.find("[1/2]"), std::string::npos) << Pipe.Err;
}

} // namespace
} // namespace tether::test

namespace tether::test {
namespace {

TEST(Driver, AsyncTimeoutBlocksInSarif) {
  Project P;
  P.add("t.cpp", AsyncTimeoutSource);
  RunResult R = P.scan({"--format", "sarif"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Object *Res = (*Run->getArray("results"))[0].getAsObject();
  EXPECT_EQ(Res->getString("ruleId"), "tether-async-timeout-blocks");
  EXPECT_EQ(Res->getArray("relatedLocations")->size(), 2u);
  EXPECT_EQ(Res->getArray("codeFlows"), nullptr); // not a path-sensitive check
}

} // namespace
} // namespace tether::test
