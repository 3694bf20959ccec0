//===- ScaleTest.cpp - bin/tether as a codebase's daily CI job -----------===//
//
// The result cache, pull-request scans, baselines and fingerprints, NOLINT,
// fixes, shards and their merge, interrupts and the databases real builds
// write, each driven through the real binary.
//
//===----------------------------------------------------------------------===//

#include "integration/Common.h"
#include "support/Process.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <gtest/gtest.h>

namespace tether::test {
namespace {

using llvm::json::Array;
using llvm::json::Object;

/// The JSON report of a run (an empty object if it is not JSON).
Object report(const RunResult &R) {
  auto V = llvm::json::parse(R.Out);
  if (!V || !V->getAsObject()) {
    ADD_FAILURE() << "not a JSON report: " << R.Out << R.Err;
    return Object();
  }
  return std::move(*V->getAsObject());
}

size_t findingCount(const Object &Report) {
  const Array *F = Report.getArray("findings");
  return F ? F->size() : 0;
}

int64_t stat(const Object &Report, llvm::StringRef Name) {
  const Object *S = Report.getObject("stats");
  return S ? S->getInteger(Name).value_or(-1) : -1;
}

/// "file:line" of every finding, sorted as reported.
std::vector<std::string> places(const Object &Report) {
  std::vector<std::string> Out;
  if (const Array *F = Report.getArray("findings"))
    for (const llvm::json::Value &V : *F) {
      const Object *L = V.getAsObject()->getObject("location");
      Out.push_back(llvm::sys::path::filename(*L->getString("file")).str() + ":" +
                    std::to_string(*L->getInteger("line")));
    }
  return Out;
}

std::string read(const std::string &Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  return B ? (*B)->getBuffer().str() : "";
}

RunResult shell(const std::string &Script, const std::string &Dir) {
  return run({"/bin/sh", "-c", Script}, Dir);
}

std::string quoted(const std::string &S) { return "'" + S + "'"; }

/// Cache entries (not temporaries) under \p CacheDir.
std::vector<std::string> cacheEntries(const std::string &CacheDir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(CacheDir, EC), End;
       It != End && !EC; It.increment(EC))
    if (It->type() == llvm::sys::fs::file_type::regular_file &&
        !llvm::StringRef(It->path()).contains(".tmp-"))
      Out.push_back(It->path());
  return Out;
}

const char *HeaderUser = "#include \"h.h\"\nint user() { return helper(); }\n";

TEST(Cache, WarmScanReusesUnitsAndAHeaderEditReanalysesItsReaders) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  P.Dir.write("h.h", "inline int helper() { return 1; }\n");
  P.add("c.cpp", HeaderUser);
  RunResult Cold = P.scan({"--format", "json"});
  ASSERT_EQ(Cold.ExitCode, 1) << Cold.Err;
  EXPECT_EQ(stat(report(Cold), "cacheHits"), 0);

  RunResult Warm = P.scan({"--format", "json"});
  Object W = report(Warm);
  EXPECT_EQ(stat(W, "cacheHits"), 3);
  EXPECT_EQ(places(W), places(report(Cold)));
  EXPECT_EQ(Warm.ExitCode, 1);
  EXPECT_NE(Warm.Err.find("(3 from the cache)"), std::string::npos) << Warm.Err;

  // Only c.cpp reads h.h.
  P.Dir.write("h.h", "inline int helper() { return 2; }\n");
  EXPECT_EQ(stat(report(P.scan({"--format", "json"})), "cacheHits"), 2);
  // A new bug in an edited source is found, not served from the cache.
  P.Dir.write("b.cpp", BuggySource);
  Object Edited = report(P.scan({"--format", "json"}));
  EXPECT_EQ(stat(Edited, "cacheHits"), 2);
  EXPECT_EQ(findingCount(Edited), 2u);
  // Different checks, options or .clang-tidy: different results.
  EXPECT_EQ(P.scan({"--checks=-tether-loop-variable-capture"}).ExitCode, 0);
  P.Dir.write(".clang-tidy", "Checks: '-tether-loop-variable-capture'\n");
  EXPECT_EQ(P.scan().ExitCode, 0);
  llvm::sys::fs::remove(P.Dir.path() + "/.clang-tidy");
  // --no-cache analyses everything.
  EXPECT_EQ(stat(report(P.scan({"--format", "json", "--no-cache"})), "cacheHits"), 0);
}

TEST(Cache, DamagedOrHalfWrittenEntriesAreNeverRead) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  Object Cold = report(P.scan({"--format", "json"}));
  std::string CacheDir = P.Dir.path() + "/.tether-cache";
  std::vector<std::string> Entries = cacheEntries(CacheDir);
  ASSERT_EQ(Entries.size(), 2u);
  // One entry cut short, one with a byte changed in its payload; and the
  // temporary a killed scan leaves behind.
  std::string First = read(Entries[0]);
  P.Dir.write(Entries[0].substr(P.Dir.path().size() + 1),
              First.substr(0, First.size() / 2));
  std::string Second = read(Entries[1]);
  Second[Second.size() - 10] ^= 1;
  P.Dir.write(Entries[1].substr(P.Dir.path().size() + 1), Second);
  P.Dir.write(Entries[0].substr(P.Dir.path().size() + 1) + ".tmp-abcdefgh", "{\"garb");

  Object Again = report(P.scan({"--format", "json"}));
  EXPECT_EQ(stat(Again, "cacheHits"), 0);
  EXPECT_EQ(places(Again), places(Cold));
  EXPECT_EQ(stat(report(P.scan({"--format", "json"})), "cacheHits"), 2);
}

TEST(Cache, ConcurrentScansAndAKilledScanLeaveAUsableCache) {
  Project P;
  for (int I = 0; I < 4; ++I)
    P.add("u" + std::to_string(I) + ".cpp", I % 2 ? CleanSource : BuggySource);
  P.writeDatabase();
  std::string Scan = binary("tether") + " scan -p . -j1 --format json --cache-dir cache";
  // Two scans at once on one cache, then one killed halfway.
  RunResult Both = shell(Scan + " > one.json & " + Scan + " > two.json & wait; " + Scan +
                             " > /dev/null & pid=$!; sleep 1; kill -9 $pid; wait",
                         P.Dir.path());
  EXPECT_EQ(read(P.Dir.path() + "/one.json").empty(), false) << Both.Err;
  auto One = llvm::json::parse(read(P.Dir.path() + "/one.json"));
  auto Two = llvm::json::parse(read(P.Dir.path() + "/two.json"));
  ASSERT_TRUE(One && Two);
  EXPECT_EQ(findingCount(*One->getAsObject()), 2u);
  EXPECT_EQ(findingCount(*Two->getAsObject()), 2u);
  RunResult After = run({binary("tether"), "scan", "-p", ".", "--format", "json",
                         "--cache-dir", "cache"},
                        P.Dir.path());
  Object A = report(After);
  EXPECT_EQ(stat(A, "cacheHits"), 4);
  EXPECT_EQ(findingCount(A), 2u);
}

TEST(Cache, StaysWithinItsSizeBound) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  EXPECT_EQ(P.scan({"--cache-max-size=0"}).ExitCode, 1);
  EXPECT_TRUE(cacheEntries(P.Dir.path() + "/.tether-cache").empty());
  EXPECT_EQ(P.scan({"--cache-max-size=1"}).ExitCode, 1);
  EXPECT_EQ(cacheEntries(P.Dir.path() + "/.tether-cache").size(), 2u);
}

/// A git work tree with the project committed.
void commitAll(Project &P) {
  for (std::vector<std::string> Args :
       {std::vector<std::string>{"init", "-q"}, {"add", "-A"},
        {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base"}}) {
    Args.insert(Args.begin(), "git");
    RunResult R = run(Args, P.Dir.path());
    ASSERT_EQ(R.ExitCode, 0) << R.Err;
  }
}

TEST(PullRequest, OnlyFindingsOnChangedLinesAndOnlyUnitsThatReadChangedFiles) {
  if (!llvm::sys::findProgramByName("git"))
    GTEST_SKIP() << "git is not installed";
  Project P;
  P.add("old.cpp", BuggySource); // an old finding, untouched by the change
  P.add("a.cpp", CleanSource);
  P.Dir.write("h.h", "inline int helper() { return 1; }\n");
  P.add("c.cpp", HeaderUser);
  P.Dir.write(".gitignore", ".tether-cache/\n");
  P.writeDatabase();
  commitAll(P);

  P.Dir.write("a.cpp", BuggySource); // line 7 becomes the bug
  Object R = report(P.scan({"--diff", "HEAD", "--format", "json"}));
  EXPECT_EQ(places(R), std::vector<std::string>{"a.cpp:7"});
  // old.cpp and c.cpp read no changed file.
  EXPECT_EQ(stat(R, "skipped"), 2);

  // A changed header: its readers are analysed, its new bug reported.
  P.Dir.write("h.h", "#include <thread>\nvoid use(int);\ninline int helper() {\n"
                     "  for (int i = 0; i < 2; ++i)\n"
                     "    std::thread([&] { use(i); }).detach();\n  return 1;\n}\n");
  Object H = report(P.scan({"--diff", "HEAD", "--format", "json"}));
  EXPECT_EQ(places(H), (std::vector<std::string>{"a.cpp:7", "h.h:5"}));
  EXPECT_EQ(stat(H, "skipped"), 1);

  // The same diff from stdin.
  RunResult Stdin =
      shell("git diff HEAD | " + binary("tether") +
                " scan -p . --format json --cache-dir .tether-cache --diff -",
            P.Dir.path());
  EXPECT_EQ(Stdin.ExitCode, 1) << Stdin.Err;
  EXPECT_EQ(places(report(Stdin)), places(H));

  // Nothing changed against the working tree's own state: nothing to say.
  RunResult None = shell(std::string(": | ") + binary("tether") +
                             " scan -p . --cache-dir .tether-cache --diff -",
                         P.Dir.path());
  EXPECT_EQ(None.ExitCode, 0) << None.Err;

  RunResult BadRef = P.scan({"--diff", "no-such-ref"});
  EXPECT_EQ(BadRef.ExitCode, 2);
  EXPECT_NE(BadRef.Err.find("git diff no-such-ref failed"), std::string::npos) << BadRef.Err;
}

TEST(PullRequest, PreCommitHookBlocksOnlyNewFindingsInStagedLines) {
  if (!llvm::sys::findProgramByName("git"))
    GTEST_SKIP() << "git is not installed";
  Project P;
  P.add("old.cpp", BuggySource); // committed before the hook: not blocked
  P.add("a.cpp", CleanSource);
  P.Dir.write(".gitignore", ".tether-cache/\n");
  P.writeDatabase();
  commitAll(P);
  std::string Hook = P.Dir.path() + "/.git/hooks/pre-commit";
  llvm::sys::fs::copy_file(std::string(TETHER_SOURCE_DIR) + "/docs/usage/examples/pre-commit",
                           Hook);
  llvm::sys::fs::setPermissions(Hook, llvm::sys::fs::all_exe | llvm::sys::fs::owner_all);
  std::string Commit = "TETHER_BUILD_DIR=. TETHER=" + binary("tether") +
                       " git -c user.name=t -c user.email=t@example.com commit -qm change";

  P.Dir.write("a.cpp", std::string(CleanSource) + "// a harmless comment\n");
  RunResult Clean = shell("git add a.cpp && " + Commit, P.Dir.path());
  EXPECT_EQ(Clean.ExitCode, 0) << Clean.Out << Clean.Err;

  P.Dir.write("a.cpp", BuggySource);
  RunResult Buggy = shell("git add a.cpp && " + Commit, P.Dir.path());
  EXPECT_NE(Buggy.ExitCode, 0) << Buggy.Out << Buggy.Err;
  EXPECT_NE((Buggy.Out + Buggy.Err).find("a.cpp:7:36: warning"), std::string::npos)
      << Buggy.Out << Buggy.Err;
  EXPECT_EQ((Buggy.Out + Buggy.Err).find("old.cpp"), std::string::npos);
  EXPECT_NE(Buggy.Err.find("Tether found new problems in the staged lines"), std::string::npos)
      << Buggy.Err;
}

TEST(Baseline, FailsOnlyOnNewFindingsAndSurvivesCodeMotion) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  std::string Base = P.Dir.path() + "/tether-baseline.json";
  RunResult Write = P.scan({"--write-baseline", Base, "--format", "sarif"});
  EXPECT_EQ(Write.ExitCode, 0) << Write.Err;
  auto Sarif = [](const RunResult &R) {
    auto V = llvm::json::parse(R.Out);
    const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
    const Object *Res = (*Run->getArray("results"))[0].getAsObject();
    return Res->getObject("partialFingerprints")->getString("tether/v1")->str();
  };
  std::string Before = Sarif(Write);

  // The old finding moves down three lines and is re-indented; a new one
  // appears in b.cpp.
  P.Dir.write("a.cpp", std::string("// a\n// b\n// c\n") + BuggySource);
  std::string Moved = BuggySource;
  P.Dir.write("a.cpp", "// a\n// b\n// c\n" +
                           std::string(llvm::StringRef(Moved).split("workers.emplace_back").first) +
                           "  workers.emplace_back" +
                           llvm::StringRef(Moved).split("workers.emplace_back").second.str());
  RunResult Same = P.scan({"--format", "sarif"});
  EXPECT_EQ(Sarif(Same), Before);
  RunResult Quiet = P.scan({"--baseline", Base});
  EXPECT_EQ(Quiet.ExitCode, 0) << Quiet.Out << Quiet.Err;
  EXPECT_NE(Quiet.Err.find("1 finding(s) left out by the baseline"), std::string::npos)
      << Quiet.Err;

  P.Dir.write("b.cpp", BuggySource);
  RunResult New = P.scan({"--baseline", Base, "--format", "json"});
  EXPECT_EQ(New.ExitCode, 1);
  EXPECT_EQ(places(report(New)), std::vector<std::string>{"b.cpp:7"});

  RunResult Broken = P.scan({"--baseline", P.Dir.write("x.json", "[]")});
  EXPECT_EQ(Broken.ExitCode, 2);
  EXPECT_NE(Broken.Err.find("is not a Tether baseline"), std::string::npos) << Broken.Err;
}

TEST(Suppression, NolintAndNolintNextLineAsClangTidyUsersExpect) {
  Project P;
  const std::string Bug = "    workers.emplace_back([&] { use(i); });";
  auto Edit = [&](const std::string &With) {
    std::string S = BuggySource;
    return S.replace(S.find(Bug), Bug.size(), With);
  };
  P.add("same.cpp", Edit(Bug + " // NOLINT(tether-loop-variable-capture)"));
  P.add("next.cpp", Edit("    // NOLINTNEXTLINE(tether-*)\n" + Bug));
  P.add("all.cpp", Edit("    // NOLINTNEXTLINE\n" + Bug));
  P.add("other.cpp", Edit("    // NOLINTNEXTLINE(bugprone-use-after-move)\n" + Bug));
  P.add("region.cpp", Edit("    // NOLINTBEGIN(tether-loop-variable-capture)\n" + Bug +
                           "\n    // NOLINTEND(tether-loop-variable-capture)"));
  P.add("leak.cpp", R"(#include <stdio.h>
void leak(const char *p, int x) {
  FILE *f = fopen(p, "r");
  if (!f) return;
  if (x) return; // NOLINT(tether-handle-leak): the leak is reported here
  fclose(f);
}
void leak2(const char *p, int x) {
  FILE *f = fopen(p, "r");
  if (!f) return;
  if (x) return;
  fclose(f);
}
)");
  Object R = report(P.scan({"--format", "json"}));
  std::vector<std::string> Got = places(R);
  EXPECT_EQ(Got.size(), 2u) << llvm::join(Got, " ");
  EXPECT_EQ(Got, (std::vector<std::string>{"leak.cpp:11", "other.cpp:8"}));
}

TEST(Fixes, FixAppliesTheFixItsAndExportFixesFeedsClangApplyReplacements) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("b.cpp", CleanSource);
  std::string Yaml = P.Dir.path() + "/fixes.yaml";
  RunResult Export = P.scan({"--export-fixes", Yaml});
  EXPECT_EQ(Export.ExitCode, 1);
  std::string Text = read(Yaml);
  EXPECT_NE(Text.find("DiagnosticName:  tether-loop-variable-capture"), std::string::npos)
      << Text;
  EXPECT_NE(Text.find("ReplacementText: ', i'"), std::string::npos) << Text;
  EXPECT_EQ(read(P.Dir.path() + "/a.cpp"), BuggySource); // exporting changes nothing

  if (auto Apply = llvm::sys::findProgramByName("clang-apply-replacements-19")) {
    TempDir Fixes;
    Fixes.write("a.yaml", Text);
    RunResult A = run({*Apply, Fixes.path()});
    EXPECT_EQ(A.ExitCode, 0) << A.Err;
    EXPECT_NE(read(P.Dir.path() + "/a.cpp").find("[&, i]"), std::string::npos);
    P.Dir.write("a.cpp", BuggySource);
  }

  RunResult Fix = P.scan({"--fix"});
  EXPECT_EQ(Fix.ExitCode, 1) << Fix.Err; // reports what it fixed
  EXPECT_NE(Fix.Err.find("applied the fixes of 1 finding(s) in 1 file(s)"), std::string::npos)
      << Fix.Err;
  EXPECT_NE(read(P.Dir.path() + "/a.cpp").find("[&, i] { use(i); }"), std::string::npos)
      << read(P.Dir.path() + "/a.cpp");
  EXPECT_EQ(P.scan().ExitCode, 0);
}

TEST(Shards, SplitDeterministicallyAndMergeToTheWholeScan) {
  Project P;
  P.Dir.write("spawn.h", R"(#include <thread>
void use(int);
inline void spawnAll(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&] { use(i); }).detach();
}
)");
  for (int I = 0; I < 5; ++I)
    P.add("u" + std::to_string(I) + ".cpp",
          "#include \"spawn.h\"\nvoid f" + std::to_string(I) + "() { spawnAll(1); }\n" +
              (I == 3 ? std::string(BuggySource).replace(
                                std::string(BuggySource).find("spawnAll"), 8, "spawnMore")
                      : ""));
  Object Whole = report(P.scan({"--format", "json"}));
  ASSERT_EQ(findingCount(Whole), 2u);

  for (const char *Format : {"json", "sarif"}) {
    std::vector<std::string> Parts;
    int64_t Units = 0;
    for (int K = 1; K <= 3; ++K) {
      std::string Out = P.Dir.path() + "/shard" + std::to_string(K) + "." + Format;
      RunResult S = P.scan({"--shard", std::to_string(K) + "/3", "--format", Format, "-o", Out});
      EXPECT_TRUE(S.ExitCode == 0 || S.ExitCode == 1) << S.Err;
      // The same split every time.
      RunResult Again = P.scan({"--shard", std::to_string(K) + "/3", "--format", Format});
      auto Saved = llvm::json::parse(read(Out)), Rerun = llvm::json::parse(Again.Out);
      ASSERT_TRUE(Saved && Rerun);
      auto Part = [&](llvm::json::Value &V) -> const llvm::json::Value * {
        const Object *O = V.getAsObject();
        return std::string(Format) == "json"
                   ? O->get("findings")
                   : (*O->getArray("runs"))[0].getAsObject()->get("results");
      };
      EXPECT_EQ(*Part(*Saved), *Part(*Rerun)) << Format << K;
      Parts.push_back(Out);
      auto Whole = llvm::json::parse(read(Out));
      ASSERT_TRUE(bool(Whole));
      Units += std::string(Format) == "json"
                   ? *Whole->getAsObject()->getInteger("unitsTotal")
                   : *(*Whole->getAsObject()->getArray("runs"))[0]
                          .getAsObject()
                          ->getObject("properties")
                          ->getInteger("unitsTotal");
    }
    EXPECT_EQ(Units, 5) << Format;
    std::vector<std::string> Argv = {binary("tether"), "merge", "--format", "json"};
    Argv.insert(Argv.end(), Parts.begin(), Parts.end());
    RunResult M = run(Argv, P.Dir.path());
    EXPECT_EQ(M.ExitCode, 1) << M.Err;
    Object Merged = report(M);
    EXPECT_EQ(places(Merged), places(Whole)) << Format;
    EXPECT_EQ(*Merged.getInteger("unitsAnalysed"), 5) << Format;
  }
  RunResult Bad = P.scan({"--shard", "4/3"});
  EXPECT_EQ(Bad.ExitCode, 2);
  EXPECT_NE(Bad.Err.find("is not K/N with 1 <= K <= N"), std::string::npos);
  RunResult NotAReport = run({binary("tether"), "merge", P.Dir.path() + "/compile_commands.json"});
  EXPECT_EQ(NotAReport.ExitCode, 2);
  EXPECT_NE(NotAReport.Err.find("neither a Tether JSON report nor SARIF"), std::string::npos)
      << NotAReport.Err;
}

TEST(Robustness, InterruptStopsWorkersAndWritesWhatWasFinished) {
  Project P;
  P.add("a.cpp", BuggySource);
  P.add("slow.cpp",
        "constexpr long spin() { long x = 0; for (long i = 0; i < 4000000000; ++i) "
        "x += i % 7; return x; }\nconstexpr long v = spin();\n",
        {"-fconstexpr-steps=2147483647"});
  P.add("b.cpp", CleanSource);
  P.writeDatabase();
  RunResult R = shell(binary("tether") +
                          " scan -p . -j1 --no-cache --format json -o out.json & pid=$!; "
                          "sleep 4; kill -INT $pid; wait $pid; echo \"exit=$?\"",
                      P.Dir.path());
  EXPECT_NE(R.Out.find("exit=130"), std::string::npos) << R.Out << R.Err;
  EXPECT_NE(R.Err.find("interrupted: 1 of 3 translation unit(s) analysed; the report is "
                       "partial"),
            std::string::npos)
      << R.Err;
  auto V = llvm::json::parse(read(P.Dir.path() + "/out.json"));
  ASSERT_TRUE(bool(V));
  EXPECT_EQ(V->getAsObject()->getBoolean("partial"), true);
  EXPECT_EQ(places(*V->getAsObject()), std::vector<std::string>{"a.cpp:7"});
  // No worker is left behind.
  RunResult Ps = shell("pgrep -f '[s]can -p . -j1 --no-cache' || true", P.Dir.path());
  EXPECT_EQ(Ps.Out, "");
}

TEST(Robustness, DatabasesAsRealBuildsWriteThem) {
  Project P;
  // A folder and a file with a space and non-ASCII letters in their names.
  std::string Odd = "src dir/r\xC3\xA9seau";
  P.Dir.write(Odd + "/f\xC3\xBC" "r thread.cpp", BuggySource);
  std::vector<std::string> Args = {"-std=c++17", "-nostdinc", "-nostdinc++", "-isystem",
                                   TETHER_MOCK_INCLUDE, "-c", "f\xC3\xBC" "r thread.cpp"};
  auto Entry = [&](const std::string &Dir, std::vector<std::string> Front) {
    Array A;
    for (const std::string &S : Front)
      A.push_back(S);
    for (const std::string &S : Args)
      A.push_back(S);
    return Object{{"directory", Dir}, {"file", "f\xC3\xBC" "r thread.cpp"}, {"arguments", std::move(A)}};
  };
  // A relative directory, a duplicate, a launcher, GCC-only flags.
  P.addRawEntry(Entry(Odd, {"ccache", "/usr/bin/g++"}));
  P.addRawEntry(Entry(Odd, {"ccache", "/usr/bin/g++"}));
  // -Werror with a GCC-only warning option, and code clang warns about.
  P.Dir.write("gcc.cpp", std::string(CleanSource) +
                             "int g() { int n = 1; auto l = [n] { return 0; }; return l(); }\n");
  P.addRawEntry(Object{{"directory", "."},
                       {"file", "gcc.cpp"},
                       {"command", "g++ -std=c++17 -nostdinc -nostdinc++ -isystem " +
                                       std::string(TETHER_MOCK_INCLUDE) +
                                       " -fconserve-stack -fno-allow-store-data-races "
                                       "-Wno-maybe-uninitialized -Wall -Werror -Wlogical-op "
                                       "-c gcc.cpp"}});
  RunResult R = P.scan({"--format", "sarif"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_NE(R.Err.find("dropped the compiler flag '-fconserve-stack', which clang does not know"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("2 translation unit(s) analysed"), std::string::npos) << R.Err;
  auto V = llvm::json::parse(R.Out);
  ASSERT_TRUE(bool(V)) << R.Out;
  const Object *Run = (*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 1u);
  const Object *Artifact = (*(*Results)[0].getAsObject()->getArray("locations"))[0]
                               .getAsObject()
                               ->getObject("physicalLocation")
                               ->getObject("artifactLocation");
  EXPECT_EQ(*Artifact->getString("uri"), "src%20dir/r%C3%A9seau/f%C3%BCr%20thread.cpp");

  // The text report names the file as it is.
  RunResult T = P.scan({"--color=never"});
  EXPECT_NE(T.Out.find("src dir/r\xC3\xA9seau/f\xC3\xBC" "r thread.cpp:7:"), std::string::npos)
      << T.Out;
}

TEST(Robustness, ALargeDatabaseIsReadEntryByEntry) {
  // 20,000 entries; one shard of them is analysed.
  Project P;
  P.Dir.write("a.cpp", BuggySource);
  std::string Db = "[\n";
  for (int I = 0; I < 20000; ++I)
    Db += std::string(I ? ",\n" : "") + "{\"directory\": \"" + P.Dir.path() +
          "\", \"file\": \"a.cpp\", \"arguments\": [\"c++\", \"-std=c++17\", \"-nostdinc\", "
          "\"-nostdinc++\", \"-isystem\", \"" + TETHER_MOCK_INCLUDE + "\", \"-DUNIT=" +
          std::to_string(I) + "\", \"-c\", \"a.cpp\"]}";
  Db += "\n]\n";
  P.Dir.write("compile_commands.json", Db);
  RunResult R = run({binary("tether"), "scan", "-p", P.Dir.path(), "--no-cache", "--shard",
                     "1/5000", "--format", "json"},
                    P.Dir.path());
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  Object O = report(R);
  EXPECT_EQ(*O.getInteger("unitsTotal"), 4);
  EXPECT_EQ(findingCount(O), 1u); // one finding, from four units
}

} // namespace
} // namespace tether::test
