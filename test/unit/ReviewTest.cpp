//===- ReviewTest.cpp - Diffs, fingerprints, baselines, databases, merge --===//

#include "driver/Database.h"
#include "driver/Output.h"
#include "driver/Review.h"
#include "support/Process.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace tether::driver;
using tether::test::TempDir;

namespace {

TEST(ChangedLines, GitDiffWithHunksRenamesDeletionsAndQuotedNames) {
  const char *Diff = R"(diff --git a/src/a.cpp b/src/a.cpp
index 1111111..2222222 100644
--- a/src/a.cpp
+++ b/src/a.cpp
@@ -3 +3,2 @@ void f() {
-  old();
+  new1();
+  new2();
@@ -10,2 +11,0 @@ void g() {
-  gone();
-  gone();
@@ -20 +20 @@
-x
+y
diff --git a/old.h b/old.h
deleted file mode 100644
--- a/old.h
+++ /dev/null
@@ -1 +0,0 @@
-int x;
diff --git "a/sp ace/r\303\251.cpp" "b/sp ace/r\303\251.cpp"
--- "a/sp ace/r\303\251.cpp"
+++ "b/sp ace/r\303\251.cpp"
@@ -1,0 +2 @@
+int y;
)";
  llvm::Expected<ChangedLines> C = ChangedLines::parse(Diff, "/repo");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 2));
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 3));
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 4));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 5));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 11)); // only removals there
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 20));
  EXPECT_TRUE(C->contains("/repo/sp ace/r\xC3\xA9.cpp", 2));
  EXPECT_EQ(C->files(), (std::vector<std::string>{"/repo/sp ace/r\xC3\xA9.cpp",
                                                  "/repo/src/a.cpp"}));
}

TEST(ChangedLines, PlainDiffUAndBrokenHunks) {
  llvm::Expected<ChangedLines> C = ChangedLines::parse(
      "--- a.cpp\t2026-01-01 00:00:00\n+++ a.cpp\t2026-01-02 00:00:00\n"
      "@@ -1,3 +1,4 @@\n x\n+y\n x\n x\n",
      "/r");
  ASSERT_TRUE(bool(C));
  // Without -U0 the hunk includes context lines: the whole hunk counts.
  EXPECT_TRUE(C->contains("/r/a.cpp", 1));
  EXPECT_TRUE(C->contains("/r/a.cpp", 4));
  EXPECT_FALSE(C->contains("/r/a.cpp", 5));
  llvm::Expected<ChangedLines> Bad =
      ChangedLines::parse("+++ b/a.cpp\n@@ -1 +x @@\n", "/r");
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("line 2 of the diff"),
            std::string::npos);
}

Finding finding(const std::string &File, unsigned Line, const std::string &Msg) {
  Finding F;
  F.Check = "tether-handle-leak";
  F.Message = Msg;
  F.Loc.File = File;
  F.Loc.Line = Line;
  F.Loc.Column = 3;
  return F;
}

TEST(Fingerprints, SurviveInsertedLinesAndIndentationButNotEdits) {
  TempDir D;
  std::string File = D.write("a.cpp", "int a;\n  leak(f);\nleak(f);\n");
  std::vector<Finding> Before = {finding(File, 2, "m"), finding(File, 3, "m")};
  assignFingerprints(Before, D.path());
  // Identical lines, identical findings: told apart by their order.
  EXPECT_NE(Before[0].Fingerprint, Before[1].Fingerprint);

  D.write("a.cpp", "// new\n// lines\nint a;\n\tleak(f);\nleak(f);\n");
  std::vector<Finding> Moved = {finding(File, 4, "m"), finding(File, 5, "m")};
  assignFingerprints(Moved, D.path());
  EXPECT_EQ(Moved[0].Fingerprint, Before[0].Fingerprint);
  EXPECT_EQ(Moved[1].Fingerprint, Before[1].Fingerprint);

  D.write("a.cpp", "int a;\n  leak(g);\n");
  std::vector<Finding> Edited = {finding(File, 2, "m")};
  assignFingerprints(Edited, D.path());
  EXPECT_NE(Edited[0].Fingerprint, Before[0].Fingerprint);
  std::vector<Finding> Renamed = {finding(File, 2, "other message")};
  assignFingerprints(Renamed, D.path());
  EXPECT_NE(Renamed[0].Fingerprint, Edited[0].Fingerprint);
  // Relative to the source root: the same tree elsewhere, the same prints.
  TempDir Other;
  std::string Copy = Other.write("a.cpp", "int a;\n  leak(g);\n");
  std::vector<Finding> Elsewhere = {finding(Copy, 2, "m")};
  assignFingerprints(Elsewhere, Other.path());
  EXPECT_EQ(Elsewhere[0].Fingerprint, Edited[0].Fingerprint);
}

TEST(Baseline, EachEntryCoversOneFinding) {
  TempDir D;
  std::string File = D.write("a.cpp", "x\nx\nx\n");
  std::vector<Finding> Old = {finding(File, 1, "m"), finding(File, 2, "m")};
  assignFingerprints(Old, D.path());
  std::string Path = D.path() + "/b.json";
  ASSERT_FALSE(bool(Baseline::write(Path, Old, D.path())));
  llvm::Expected<Baseline> B = Baseline::read(Path);
  ASSERT_TRUE(bool(B));
  std::vector<Finding> Now = {finding(File, 1, "m"), finding(File, 2, "m"),
                              finding(File, 3, "m")};
  assignFingerprints(Now, D.path());
  EXPECT_EQ(B->filter(Now), 2u);
  ASSERT_EQ(Now.size(), 1u);
  EXPECT_EQ(Now[0].Loc.Line, 3u);
  llvm::Expected<Baseline> Missing = Baseline::read(D.path() + "/none.json");
  EXPECT_FALSE(bool(Missing));
  llvm::consumeError(Missing.takeError());
}

TEST(Database, CommandsArgumentsRelativeFoldersLaunchersAndErrors) {
  TempDir D;
  D.write("build/compile_commands.json", R"([
  {"directory": "../src", "file": "a.cpp",
   "command": "ccache g++ -DNAME=\"two words\" -I 'inc dir' -c a.cpp"},
  {"directory": "/abs", "file": "/abs/b.cpp", "arguments": ["clang++", "-c", "b.cpp"],
   "output": "b.o"}
])");
  auto DB = CompileDatabase::open(D.path() + "/build/compile_commands.json");
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());
  ASSERT_EQ((*DB)->size(), 2u);
  EXPECT_EQ((*DB)->file(0), D.path() + "/src/a.cpp");
  clang::tooling::CompileCommand A = (*DB)->command(0);
  EXPECT_EQ(A.Directory, D.path() + "/src");
  EXPECT_EQ(A.CommandLine,
            (std::vector<std::string>{"g++", "-DNAME=two words", "-I", "inc dir", "-c",
                                      "a.cpp"}));
  EXPECT_EQ((*DB)->command(1).Output, "b.o");
  EXPECT_NE((*DB)->identity(0), (*DB)->identity(1));

  for (auto [Text, Expected] :
       {std::pair<const char *, const char *>{"{}", "must be a JSON array"},
        {"[{\"directory\": \"/\"}", "entry 0 (line 1): the entry needs"},
        {"[{\"directory\": \"/\", \"file\": \"a\", \"arguments\": [1]}]",
         "\"arguments\" must hold strings only"},
        {"[{\"directory\": \"/\", \"file\": \"a\", \"command\": \"cc\"} x",
         "expected ',' or ']' after entry 0"},
        {"[\n{\"directory\": \"/\", \"file\": \"a\", \"command\": \"cc\"},\n{\"a\": ",
         "entry 1 (line 3) is not closed"}}) {
    D.write("bad.json", Text);
    auto Bad = CompileDatabase::open(D.path() + "/bad.json");
    ASSERT_FALSE(bool(Bad)) << Text;
    EXPECT_NE(llvm::toString(Bad.takeError()).find(Expected), std::string::npos) << Text;
  }
  D.write("empty.json", " [ ] ");
  auto Empty = CompileDatabase::open(D.path() + "/empty.json");
  ASSERT_TRUE(bool(Empty));
  EXPECT_EQ((*Empty)->size(), 0u);
}

TEST(Merge, SarifRoundTripsFindingsNotesFixesFingerprintsAndFailures) {
  TempDir D;
  std::string File = D.write("dir one/a.cpp", "int a;\nint b;\n");
  ScanReport R;
  R.ToolVersion = "0.1.0";
  R.SourceRoot = D.path();
  R.UnitsAnalysed = R.UnitsTotal = 3;
  Finding F = finding(File, 2, "leaks");
  F.Loc.Offset = 9;
  F.Notes.push_back({{File, 1, 1, 0}, "opened here", true});
  F.Fixes.push_back({{File, 2, 1, 7}, {File, 2, 4, 10}, "long"});
  F.Fingerprint = "abc";
  R.Findings.push_back(F);
  TUResult Bad;
  Bad.File = D.path() + "/broken.cpp";
  Bad.Failed = true;
  Bad.Reason = "the file does not compile";
  R.Failures.push_back(Bad);
  for (bool Sarif : {true, false}) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    Sarif ? writeSARIF(OS, R) : writeJSON(OS, R);
    OS.flush();
    std::string Path = D.write(Sarif ? "r.sarif" : "r.json", Text);
    llvm::Expected<ScanReport> Back = readReport(Path);
    ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
    ASSERT_EQ(Back->Findings.size(), 1u);
    const Finding &G = Back->Findings[0];
    EXPECT_EQ(G.Loc.File, File);
    EXPECT_EQ(G.Loc.Line, 2u);
    EXPECT_EQ(G.Loc.Offset, 9u);
    EXPECT_EQ(G.Message, "leaks");
    EXPECT_EQ(G.Fingerprint, "abc");
    ASSERT_EQ(G.Notes.size(), 1u);
    EXPECT_TRUE(G.Notes[0].IsPathEvent);
    ASSERT_EQ(G.Fixes.size(), 1u);
    EXPECT_EQ(G.Fixes[0].Begin.Offset, 7u);
    EXPECT_EQ(G.Fixes[0].End.Offset, 10u);
    EXPECT_EQ(G.Fixes[0].Replacement, "long");
    ASSERT_EQ(Back->Failures.size(), 1u);
    EXPECT_EQ(Back->Failures[0].Reason, "the file does not compile");
    EXPECT_EQ(Back->UnitsTotal, 3u);
    // Two shards that both saw the header finding: it is kept once.
    ScanReport M = mergeReports({*Back, *Back});
    EXPECT_EQ(M.Findings.size(), 1u);
    EXPECT_EQ(M.UnitsAnalysed, 6u);
  }
}

TEST(Uri, PercentEncodingRoundTrips) {
  EXPECT_EQ(uriEncode("src dir/r\xC3\xA9seau/a+b#c.cpp"),
            "src%20dir/r%C3%A9seau/a%2Bb%23c.cpp");
  EXPECT_EQ(uriDecode(uriEncode("/x y/\xC3\xBC%.cpp")), "/x y/\xC3\xBC%.cpp");
}

} // namespace
