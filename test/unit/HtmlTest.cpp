//===- HtmlTest.cpp - The static HTML report ------------------------------===//
//
// Reports built by hand over source files in a temporary folder, written
// with writeHTML, and checked on the text of index.html: escaping, the path
// steps numbered and placed under their lines, the summary counts, the
// banners, the failures, the fix-its, and the errors and degraded cases.
//
//===----------------------------------------------------------------------===//

#include "driver/Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

#include <string>

using namespace tether::driver;

namespace {

/// A fresh folder, removed with its content at the end of the test.
class Folder {
public:
  Folder() {
    llvm::SmallString<128> P;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("tether-html", P));
    Path = std::string(P);
  }
  ~Folder() { llvm::sys::fs::remove_directories(Path); }

  /// Writes \p Content to \p Relative (creating folders); its absolute path.
  std::string write(const std::string &Relative, const std::string &Content) {
    llvm::SmallString<256> P(Path);
    llvm::sys::path::append(P, Relative);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << P.str().str();
    OS << Content;
    return std::string(P);
  }
  std::string path(const std::string &Relative) const {
    return Path + "/" + Relative;
  }

  std::string Path;
};

std::string readFile(const std::string &Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  if (!B)
    return "<unreadable " + Path + ">";
  return (*B)->getBuffer().str();
}

/// Writes \p R into \p Dir and returns index.html.
std::string render(const ScanReport &R, const std::string &Dir) {
  if (llvm::Error E = writeHTML(Dir, R)) {
    ADD_FAILURE() << llvm::toString(std::move(E));
    return "";
  }
  return readFile(Dir + "/index.html");
}

size_t count(llvm::StringRef Text, llvm::StringRef Needle) {
  return Text.count(Needle);
}

/// The element that starts at `id="Id"` up to the next \p End.
std::string element(llvm::StringRef Html, llvm::StringRef Id,
                    llvm::StringRef End = "</div>") {
  size_t B = Html.find(("id=\"" + Id + "\"").str());
  if (B == llvm::StringRef::npos)
    return "";
  size_t E = Html.find(End, B);
  return Html.slice(B, E).str();
}

/// The table row of \p Table (an id) that contains \p Key.
std::string rowWith(llvm::StringRef Html, llvm::StringRef Table,
                    llvm::StringRef Key) {
  llvm::StringRef T = element(Html, Table, "</table>");
  while (!T.empty()) {
    auto [Row, Rest] = T.split("</tr>");
    if (Row.contains(Key))
      return Row.str();
    T = Rest;
  }
  return "";
}

/// Where the source row of line \p Line starts in the first excerpt.
size_t lineRow(llvm::StringRef Html, unsigned Line) {
  return Html.find("<td class=\"ln\">" + std::to_string(Line) + "</td>");
}

/// A FILE* leaked when 'x' is true (line 7); leak() gives it a path.
const char *LeakSource = R"(#include <stdio.h>
int firstLine(const char *path, char *out, int n, int x) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  if (x)
    return -2;
  if (!fgets(out, n, f))
    return -3;
  fclose(f);
  return 0;
}
)";

Finding leak(const std::string &File) {
  Finding F;
  F.Check = "tether-handle-leak";
  F.Message = "file stream opened by 'fopen' is not closed on this path";
  F.Loc = {File, 7, 5, 0};
  // Path order is not line order: the third step points above the second.
  F.Notes.push_back({{File, 2, 5, 0}, "a related note", false});
  F.Notes.push_back({{File, 3, 13, 0}, "file stream opened here", true});
  F.Notes.push_back({{File, 6, 7, 0}, "assuming 'x' is true", true});
  F.Notes.push_back({{File, 4, 7, 0}, "assuming 'f' is non-null", true});
  return F;
}

ScanReport baseReport(const Folder &D) {
  ScanReport R;
  R.ToolVersion = "0.1.0";
  R.SourceRoot = D.Path;
  R.DocsBaseUrl = "https://docs.test/checks";
  R.UnitsAnalysed = 1;
  R.UnitsTotal = 1;
  return R;
}

TEST(Html, EscapesMessagesSourcesAndPaths) {
  Folder D;
  std::string File = D.write("src/<b>.cpp", "int a = 1 < 2 && 3 > 2;\n");
  ScanReport R = baseReport(D);
  Finding F;
  F.Check = "tether-loop-variable-capture";
  F.Message = "<script>alert('x')</script> & \"quoted\"";
  F.Loc = {File, 1, 5, 0};
  F.Notes.push_back({{File, 1, 1, 0}, "note <i>not italic</i>", true});
  F.Fingerprint = "fp<1>";
  R.Findings.push_back(F);
  TUResult Bad;
  Bad.File = D.path("x&y.cpp");
  Bad.Failed = true;
  Bad.Reason = "error: expected '>' in <template>";
  R.Failures.push_back(Bad);

  std::string Html = render(R, D.path("out"));
  EXPECT_EQ(Html.find("<script"), std::string::npos);
  EXPECT_EQ(Html.find("<i>"), std::string::npos);
  EXPECT_EQ(Html.find("<b>.cpp"), std::string::npos);
  EXPECT_NE(Html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                      "&quot;quoted&quot;"),
            std::string::npos);
  EXPECT_NE(Html.find("note &lt;i&gt;not italic&lt;/i&gt;"), std::string::npos);
  // The source line, with the token at the warning's column underlined.
  EXPECT_NE(Html.find("int <span class=\"tok\">a</span> = 1 &lt; 2 &amp;&amp; "
                      "3 &gt; 2;"),
            std::string::npos);
  EXPECT_NE(Html.find("src/&lt;b&gt;.cpp:1:5"), std::string::npos);
  EXPECT_NE(Html.find(">fp&lt;1&gt;</span>"), std::string::npos);
  EXPECT_NE(Html.find("x&amp;y.cpp"), std::string::npos);
  EXPECT_NE(Html.find("error: expected &#39;&gt;&#39; in &lt;template&gt;"),
            std::string::npos);
  // The file link is percent-encoded.
  EXPECT_NE(Html.find("/src/%3Cb%3E.cpp\""), std::string::npos);
}

TEST(Html, PathStepsAreNumberedInPathOrderUnderTheirLines) {
  Folder D;
  std::string File = D.write("leak.c", LeakSource);
  ScanReport R = baseReport(D);
  R.Findings.push_back(leak(File));
  std::string Html = render(R, D.path("out"));

  // Three steps, numbered in path order; the related note has no number.
  EXPECT_NE(element(Html, "f1-s1")
                .find("<span class=\"num\">1</span><span "
                      "class=\"text\">file stream opened "
                      "here"),
            std::string::npos)
      << Html;
  EXPECT_NE(element(Html, "f1-s2")
                .find(">2</span><span class=\"text\">"
                      "assuming &#39;x&#39; is true"),
            std::string::npos);
  EXPECT_NE(element(Html, "f1-s3")
                .find(">3</span><span class=\"text\">"
                      "assuming &#39;f&#39; is non-null"),
            std::string::npos);
  EXPECT_EQ(element(Html, "f1-s4"), "");
  std::string Related = element(Html, "f1-n1");
  EXPECT_NE(Related.find("a related note"), std::string::npos);
  EXPECT_EQ(Related.find("class=\"num\""), std::string::npos);

  // Each bubble sits between the row of its line and the next line's row.
  auto Under = [&](llvm::StringRef Id, unsigned Line) {
    size_t Bubble = Html.find(("id=\"" + Id + "\"").str());
    return lineRow(Html, Line) < Bubble && Bubble < lineRow(Html, Line + 1);
  };
  EXPECT_TRUE(Under("f1-n1", 2));
  EXPECT_TRUE(Under("f1-s1", 3));
  EXPECT_TRUE(Under("f1-s3", 4));
  EXPECT_TRUE(Under("f1-s2", 6));
  EXPECT_TRUE(Under("f1-w", 7));
  // One excerpt: lines 1..10 (line 7 + 3), the warning's line highlighted.
  EXPECT_EQ(count(Html, "<table class=\"code\">"), 1u);
  EXPECT_NE(lineRow(Html, 10), std::string::npos);
  EXPECT_EQ(lineRow(Html, 11), std::string::npos);
  EXPECT_NE(Html.find("<tr class=\"line hl\"><td class=\"ln\">7</td>"),
            std::string::npos);
  EXPECT_EQ(count(Html, "class=\"line hl\""), 1u);
  // Bubbles are indented to their column: 'f' of "if (!f)" is column 7.
  size_t Step3 = Html.find("id=\"f1-s3\"");
  size_t Cell = Html.rfind("<td class=\"src\"", Step3);
  EXPECT_EQ(Html.substr(Cell, Step3 - Cell),
            "<td class=\"src\" style=\"padding-left:calc(var(--pad) + 6ch)\">"
            "<div class=\"bubble step\" ");
  // And listed with their positions, in order.
  size_t L1 = Html.find("leak.c:3:13</a> file stream opened here");
  size_t L2 = Html.find("leak.c:6:7</a> assuming");
  size_t L3 = Html.find("leak.c:4:7</a> assuming");
  EXPECT_NE(L1, std::string::npos);
  EXPECT_LT(L1, L2);
  EXPECT_LT(L2, L3);
}

TEST(Html, FarApartLinesAndOtherFilesGetTheirOwnExcerpts) {
  Folder D;
  std::string Body;
  for (int I = 1; I <= 40; ++I)
    Body += "int v" + std::to_string(I) + ";\n";
  std::string File = D.write("a.cpp", Body);
  std::string Header = D.write("include/h.h", "struct S {};\nvoid g();\n");
  ScanReport R = baseReport(D);
  Finding F;
  F.Check = "tether-handle-leak";
  F.Message = "m";
  F.Loc = {File, 30, 5, 0};
  F.Notes.push_back({{File, 5, 5, 0}, "early", true});
  F.Notes.push_back({{Header, 2, 6, 0}, "in the header", true});
  R.Findings.push_back(F);
  std::string Html = render(R, D.path("out"));
  // a.cpp: 2..8 and 27..33 with a gap between; then the header's excerpt.
  EXPECT_EQ(count(Html, "<table class=\"code\">"), 2u);
  EXPECT_EQ(count(Html, "<tr class=\"gap\">"), 1u);
  size_t A = Html.find(">a.cpp</a></div>");
  size_t H = Html.find(">include/h.h</a></div>");
  EXPECT_NE(A, std::string::npos);
  EXPECT_LT(A, H);
  EXPECT_LT(Html.find("<td class=\"ln\">33</td>"), H);
  EXPECT_LT(H, lineRow(Html, 1)); // only the header has a line 1
  EXPECT_EQ(Html.find("<td class=\"ln\">34</td>"), std::string::npos);
  EXPECT_EQ(Html.find("<td class=\"ln\">9</td>"), std::string::npos);
  EXPECT_LT(H, Html.find("id=\"f1-s2\""));
}

TEST(Html, SummaryCountsByCheckAndByFile) {
  Folder D;
  std::string A = D.write("a.cpp", LeakSource);
  std::string U = D.write("dir with space/\xC3\xBC.cpp", LeakSource);
  ScanReport R = baseReport(D);
  R.UnitsAnalysed = 2;
  Finding F1 = leak(A), F2 = leak(A), F3 = leak(U);
  F2.Check = "tether-handle-misuse";
  F2.Loc.Line = 10;
  R.Findings = {F1, F2, F3};
  std::string Html = render(R, D.path("out"));

  EXPECT_NE(element(Html, "stat-findings").find("<b>3</b>"), std::string::npos);
  EXPECT_NE(element(Html, "stat-files").find("<b>2</b>"), std::string::npos);
  EXPECT_NE(element(Html, "stat-analysed").find("<b>2</b>"), std::string::npos);
  EXPECT_NE(element(Html, "stat-failed").find("<b>0</b>"), std::string::npos);

  std::string Leak = rowWith(Html, "by-check", ">tether-handle-leak</a>");
  EXPECT_NE(
      Leak.find("href=\"https://docs.test/checks/tether-handle-leak.md\""),
      std::string::npos)
      << Leak;
  EXPECT_NE(Leak.find("href=\"#only-c1\" title=\"show these findings\">2</a>"),
            std::string::npos)
      << Leak;
  std::string Misuse = rowWith(Html, "by-check", ">tether-handle-misuse</a>");
  EXPECT_NE(Misuse.find("\">1</a>"), std::string::npos) << Misuse;

  // Paths relative to the source root; UTF-8 and spaces kept as they are,
  // percent-encoded in links.
  std::string RowA = rowWith(Html, "by-file", ">a.cpp</a>");
  EXPECT_NE(RowA.find("href=\"#only-d1\" title=\"show these findings\">2</a>"),
            std::string::npos)
      << RowA;
  std::string RowU =
      rowWith(Html, "by-file", ">dir with space/\xC3\xBC.cpp</a>");
  EXPECT_NE(RowU.find("\">1</a>"), std::string::npos) << RowU;
  EXPECT_NE(RowU.find("dir%20with%20space/%C3%BC.cpp\""), std::string::npos)
      << RowU;
  EXPECT_EQ(element(Html, "by-file", "</table>").find(">" + D.Path),
            std::string::npos);

  // The rows filter the cards: each card carries its check and file class,
  // and a :target rule hides the others.
  EXPECT_NE(Html.find("<article class=\"finding c1 d1\" id=\"f1\">"),
            std::string::npos);
  EXPECT_NE(Html.find("<article class=\"finding c2 d1\" id=\"f2\">"),
            std::string::npos);
  EXPECT_NE(Html.find("<article class=\"finding c1 d2\" id=\"f3\">"),
            std::string::npos);
  EXPECT_NE(Html.find("#only-c2:target ~ #findings .finding:not(.c2) { "
                      "display: none; }"),
            std::string::npos);
  EXPECT_NE(Html.find("<div class=\"target\" id=\"only-d2\"></div>"),
            std::string::npos);
}

TEST(Html, PartialScanAndBaselineBanners) {
  Folder D;
  ScanReport R = baseReport(D);
  R.Partial = true;
  R.UnitsAnalysed = 3;
  R.UnitsTotal = 10;
  R.Baselined = 4;
  std::string Html = render(R, D.path("out"));
  std::string Banner = element(Html, "partial");
  EXPECT_NE(Banner.find("PARTIAL SCAN"), std::string::npos) << Html;
  EXPECT_NE(Banner.find("3 of 10 translation units analysed"),
            std::string::npos)
      << Banner;
  EXPECT_NE(element(Html, "stat-analysed").find("3<small> of 10</small>"),
            std::string::npos);
  EXPECT_NE(
      element(Html, "baselined").find("4 findings hidden by the baseline"),
      std::string::npos);
  EXPECT_NE(Html.find("No findings."), std::string::npos);
  EXPECT_EQ(Html.find("id=\"remarks\""), std::string::npos);

  R.Remarks = {"dropped the compiler flag '-fconserve-stack' (in <3> units)"};
  Html = render(R, D.path("remarks"));
  EXPECT_NE(
      element(Html, "remarks", "</ul>")
          .find("<li>dropped the compiler flag &#39;-fconserve-stack&#39; "
                "(in &lt;3&gt; units)</li>"),
      std::string::npos)
      << Html;
  R.Remarks.clear();

  R.Partial = false;
  R.Baselined = 1;
  Html = render(R, D.path("out2"));
  EXPECT_EQ(Html.find("PARTIAL SCAN"), std::string::npos);
  EXPECT_NE(Html.find("1 finding hidden by the baseline"), std::string::npos);
  R.Baselined = 0;
  Html = render(R, D.path("out3"));
  EXPECT_EQ(Html.find("hidden by the baseline"), std::string::npos);
}

TEST(Html, FailuresHaveTheirOwnSection) {
  Folder D;
  ScanReport R = baseReport(D);
  std::string Html = render(R, D.path("clean"));
  EXPECT_EQ(Html.find("id=\"failures\""), std::string::npos);

  for (const char *Name : {"broken.cpp", "crash.cpp"}) {
    TUResult T;
    T.File = D.path(Name);
    T.Failed = true;
    T.Reason = std::string("the analysis of ") + Name + " crashed";
    R.Failures.push_back(T);
  }
  Html = render(R, D.path("out"));
  std::string Section = element(Html, "failures", "</table>");
  EXPECT_NE(Section.find("<td class=\"path\">broken.cpp</td>"),
            std::string::npos)
      << Section;
  EXPECT_NE(Section.find("the analysis of crash.cpp crashed"),
            std::string::npos);
  EXPECT_NE(element(Html, "stat-failed").find("<b>2</b>"), std::string::npos);
  EXPECT_NE(Html.find("<a href=\"#failures\" class=\"stat bad\""),
            std::string::npos);
}

TEST(Html, FixItsShowTheChangedLine) {
  Folder D;
  std::string File = D.write(
      "a.cpp", "void f() {\n    workers.emplace_back([&] { use(i); });\n}\n");
  ScanReport R = baseReport(D);
  Finding F;
  F.Check = "tether-loop-variable-capture";
  F.Message = "m";
  F.Loc = {File, 2, 36, 0};
  FixIt Insert;
  Insert.Begin = Insert.End = {File, 2, 28, 0}; // before ']'
  Insert.Replacement = ", i";
  F.Fixes.push_back(Insert);
  FixIt Multi; // spans lines: described, not drawn
  Multi.Begin = {File, 1, 1, 0};
  Multi.End = {File, 3, 2, 0};
  Multi.Replacement = "";
  F.Fixes.push_back(Multi);
  R.Findings.push_back(F);
  std::string Html = render(R, D.path("out"));
  EXPECT_NE(Html.find("<td class=\"sign\">-</td><td class=\"src\">    "
                      "workers.emplace_back([&amp;] { use(i); });</td>"),
            std::string::npos)
      << Html;
  EXPECT_NE(Html.find("<td class=\"sign\">+</td><td class=\"src\">    "
                      "workers.emplace_back([&amp;<ins>, i</ins>] { use(i); "
                      "});</td>"),
            std::string::npos)
      << Html;
  EXPECT_NE(Html.find("<code>remove the text from 1:1 to 3:2</code>"),
            std::string::npos);

  // A replacement marks what goes and what comes.
  FixIt Replace;
  Replace.Begin = {File, 2, 27, 0}; // '&'
  Replace.End = {File, 2, 28, 0};
  Replace.Replacement = "=";
  R.Findings[0].Fixes = {Replace};
  Html = render(R, D.path("out2"));
  EXPECT_NE(Html.find("([<del>&amp;</del>]"), std::string::npos) << Html;
  EXPECT_NE(Html.find("([<ins>=</ins>]"), std::string::npos);
}

TEST(Html, TabsAndUtf8KeepBubblesOnTheirColumn) {
  Folder D;
  // Bytes: \t x ' ' = ' ' " U+00FC(2 bytes) " ; ' ' f: 'f' is byte column 12,
  // screen column 17 (the tab is 8 wide, the u-umlaut 1).
  std::string File = D.write("t.cpp", "\tx = \"\xC3\xBC\"; f(x);\n");
  ScanReport R = baseReport(D);
  Finding F;
  F.Check = "tether-handle-leak";
  F.Message = "m";
  F.Loc = {File, 1, 12, 0};
  R.Findings.push_back(F);
  std::string Html = render(R, D.path("out"));
  EXPECT_NE(Html.find("<td class=\"src\">        x = &quot;\xC3\xBC&quot;; "
                      "<span class=\"tok\">f</span>(x);</td>"),
            std::string::npos)
      << Html;
  EXPECT_NE(Html.find("padding-left:calc(var(--pad) + 17ch)\"><div class=\""
                      "bubble warn\" id=\"f1-w\">"),
            std::string::npos)
      << Html;
}

TEST(Html, MissingSourceDegrades) {
  Folder D;
  std::string Short = D.write("short.cpp", "int x;\n");
  ScanReport R = baseReport(D);
  Finding F = leak(D.path("gone.cpp"));
  R.Findings.push_back(F);
  Finding G;
  G.Check = "tether-handle-leak";
  G.Message = "past the end";
  G.Loc = {Short, 50, 1, 0};
  R.Findings.push_back(G);
  std::string Html = render(R, D.path("out"));
  EXPECT_NE(Html.find("source not available (No such file or directory)"),
            std::string::npos)
      << Html;
  EXPECT_NE(Html.find("source not available for line 50 (the file has 1 line)"),
            std::string::npos)
      << Html;
  // The notes are still there, numbered.
  EXPECT_NE(element(Html, "f1-s3").find(">3</span>"), std::string::npos);
  EXPECT_NE(element(Html, "f2-w").find("past the end"), std::string::npos);
}

TEST(Html, FolderIsCreatedAndOutputIsDeterministic) {
  Folder D;
  std::string File = D.write("leak.c", LeakSource);
  ScanReport R = baseReport(D);
  R.Findings.push_back(leak(File));
  R.Findings.push_back(leak(D.path("missing.c")));
  R.Findings[0].Fingerprint = "3f2a9c";
  std::string First = render(R, D.path("a/b/c"));
  std::string Second = render(R, D.path("other"));
  EXPECT_FALSE(First.empty());
  EXPECT_EQ(First, Second);
  EXPECT_NE(
      First.find("<span class=\"fp\" title=\"fingerprint\">3f2a9c</span>"),
      std::string::npos);
  EXPECT_EQ(count(First, "class=\"fp\""), 1u);
  // Offline: nothing is loaded from elsewhere.
  EXPECT_EQ(First.find("<script"), std::string::npos);
  EXPECT_EQ(First.find("<link"), std::string::npos);
  EXPECT_EQ(First.find("http://"), std::string::npos);
  EXPECT_EQ(First.find("@import"), std::string::npos);
}

TEST(Html, UnwritableFolderIsAnError) {
  Folder D;
  std::string Blocker = D.write("blocker", "a file, not a folder\n");
  ScanReport R = baseReport(D);

  llvm::Error E = writeHTML(Blocker + "/report", R);
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(
      Message.find("cannot create the report folder '" + Blocker + "/report'"),
      std::string::npos)
      << Message;

  // The folder is a file: index.html cannot be written inside it.
  E = writeHTML(Blocker, R);
  ASSERT_TRUE(bool(E));
  Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find("cannot"), std::string::npos) << Message;
  EXPECT_NE(Message.find(Blocker), std::string::npos) << Message;
}

} // namespace
