//===- Html.cpp - The static HTML report of a scan ------------------------===//
//
// writeHTML writes one self-contained page, index.html: a header with the
// counts (and the partial-scan, baseline and remarks banners; not the
// timings of ScanReport::Stats, which change from run to run), the findings
// per check and per file, the translation units that could not be analysed,
// then every finding as a card with the source around its location and around
// its notes. Path events are numbered 1, 2, 3... in the order of the path and
// drawn as bubbles under the line they point at, with the warning itself as
// the last bubble, as scan-build and CodeChecker draw them; the other notes
// are drawn the same way without a number and listed as related locations.
//
// The page works from file:// with no network access: the CSS is inline,
// there is no script and no web font. Filtering the findings by check or by
// file is plain CSS: the summary rows link to empty anchors, and a
// `:target` rule per anchor hides the other cards.
//
// Sources are read from disk when the report is written; a file that cannot
// be read, or a line past its end, shows "source not available" and the
// notes still appear, without code. The output depends on the report and the
// sources only (no time stamps, no absolute folder of the report), so the
// same scan writes the same bytes.
//
//===----------------------------------------------------------------------===//

#include "driver/Output.h"

#include "CheckCatalog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tether::driver {
namespace {

/// Lines of source shown above and below every location.
constexpr unsigned ContextLines = 3;
/// Tab stops in excerpts, as in clang's caret lines.
constexpr unsigned TabWidth = 8;
/// A bubble is indented to its column, but no further than this: a note at
/// the end of a very long line keeps its bubble in sight.
constexpr unsigned MaxBubbleIndent = 60;

//===--- Text -------------------------------------------------------------===//

void appendEscaped(std::string &Out, llvm::StringRef S) {
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
}

std::string escaped(llvm::StringRef S) {
  std::string Out;
  appendEscaped(Out, S);
  return Out;
}

std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// A file:// link to \p File, percent-encoded (spaces, UTF-8 names).
std::string fileLink(llvm::StringRef File) {
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  return "file://" + uriEncode(Abs);
}

std::string docLink(const ScanReport &R, llvm::StringRef Check) {
  if (R.DocsBaseUrl.empty())
    return "";
  return R.DocsBaseUrl + "/" + Check.str() + ".md";
}

//===--- Sources ----------------------------------------------------------===//

/// The source files the report quotes, each read once.
class SourceFiles {
public:
  struct Text {
    /// Lines[I] is line I + 1, without its end of line.
    std::vector<llvm::StringRef> Lines;
    /// Why the file could not be read; empty when it could.
    std::string Error;
  };

  const Text &get(const std::string &Path) {
    auto [It, Inserted] = Files.try_emplace(Path);
    Text &T = It->second;
    if (!Inserted)
      return T;
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      T.Error = Path.empty() ? "no file name" : Buffer.getError().message();
      return T;
    }
    llvm::StringRef Rest = (*Buffer)->getBuffer();
    while (!Rest.empty()) {
      auto [Line, Tail] = Rest.split('\n');
      T.Lines.push_back(Line.rtrim('\r'));
      Rest = Tail;
    }
    Buffers.push_back(std::move(*Buffer));
    return T;
  }

  /// Line \p Line of \p Path, or nothing when it is not available.
  std::optional<llvm::StringRef> line(const std::string &Path, unsigned Line) {
    const Text &T = get(Path);
    if (Line == 0 || Line > T.Lines.size())
      return std::nullopt;
    return T.Lines[Line - 1];
  }

private:
  std::map<std::string, Text> Files;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

/// The screen column (from 0) where byte \p Byte of \p Line starts: tabs
/// expanded, a UTF-8 sequence one column, bytes past the end one each.
unsigned screenColumn(llvm::StringRef Line, size_t Byte) {
  unsigned Col = 0;
  for (size_t I = 0; I < Byte; ++I) {
    if (I >= Line.size()) {
      ++Col;
      continue;
    }
    unsigned char C = Line[I];
    if (C == '\t')
      Col += TabWidth - Col % TabWidth;
    else if ((C & 0xC0) != 0x80)
      ++Col;
  }
  return Col;
}

/// Bytes [Begin, End) of a line wrapped in Open ... Close.
struct Span {
  size_t Begin, End;
  llvm::StringRef Open, Close;
};

/// Appends \p Line HTML-escaped with its tabs expanded, and the byte ranges
/// of \p Spans (sorted, disjoint) wrapped in their tags.
void appendSource(std::string &Out, llvm::StringRef Line,
                  llvm::ArrayRef<Span> Spans = {}) {
  unsigned Col = 0;
  size_t Next = 0;
  bool InSpan = false;
  for (size_t I = 0;; ++I) {
    while (true) {
      if (InSpan && Spans[Next].End <= I) {
        Out += Spans[Next++].Close;
        InSpan = false;
      } else if (!InSpan && Next < Spans.size() && Spans[Next].Begin <= I) {
        Out += Spans[Next].Open;
        InSpan = true;
      } else {
        break;
      }
    }
    if (I >= Line.size())
      break;
    char C = Line[I];
    if (C == '\t') {
      unsigned Width = TabWidth - Col % TabWidth;
      Out.append(Width, ' ');
      Col += Width;
      continue;
    }
    if ((static_cast<unsigned char>(C) & 0xC0) != 0x80)
      ++Col;
    appendEscaped(Out, llvm::StringRef(&Line.data()[I], 1));
  }
  // Spans that start past the end of the line (a fix at the end of it).
  for (; Next < Spans.size(); ++Next) {
    if (!InSpan)
      Out += Spans[Next].Open;
    Out += Spans[Next].Close;
    InSpan = false;
  }
}

/// The bytes of the token that starts at byte \p Begin: a word (identifier,
/// number) or one character.
Span tokenAt(llvm::StringRef Line, size_t Begin) {
  auto IsWord = [](char C) {
    return llvm::isAlnum(C) || C == '_' ||
           static_cast<unsigned char>(C) >= 0x80;
  };
  size_t End = Begin;
  if (Begin < Line.size() && IsWord(Line[Begin])) {
    while (End < Line.size() && IsWord(Line[End]))
      ++End;
  } else if (Begin < Line.size()) {
    ++End;
    while (End < Line.size() && (Line[End] & 0xC0) == 0x80)
      ++End;
  }
  return {Begin, End, "<span class=\"tok\">", "</span>"};
}

//===--- Findings ---------------------------------------------------------===//

/// A place in the code a finding points at: the warning, a numbered step of
/// its path, or a related location.
struct Mark {
  enum KindTy { Step, Related, Warning } Kind;
  unsigned Number; // 1, 2, 3... among the steps; among the related notes
  const Location *Loc;
  const std::string *Message;
  std::string Id; // the bubble's anchor
};

/// Appends one bubble row under a source line (or alone, without source).
void appendBubbleRow(std::string &Out, const Mark &M, llvm::StringRef Line,
                     bool HasLine) {
  unsigned Indent = 0;
  if (HasLine && M.Loc->Column > 0)
    Indent = std::min(screenColumn(Line, M.Loc->Column - 1), MaxBubbleIndent);
  static const char *const Classes[] = {"step", "related", "warn"};
  Out += "<tr class=\"mark\"><td class=\"ln\"></td><td class=\"src\"";
  if (Indent)
    Out += " style=\"padding-left:calc(var(--pad) + " + std::to_string(Indent) +
           "ch)\"";
  Out += "><div class=\"bubble ";
  Out += Classes[M.Kind];
  Out += "\" id=\"" + M.Id + "\">";
  if (M.Kind == Mark::Step)
    Out += "<span class=\"num\">" + std::to_string(M.Number) + "</span>";
  else if (M.Kind == Mark::Warning)
    Out += "<span class=\"num\">!</span>";
  Out += "<span class=\"text\">";
  appendEscaped(Out, *M.Message);
  Out += "</span></div></td></tr>\n";
}

/// Appends the excerpt of one file: the lines around each mark (merged when
/// they overlap), each mark's bubble under its line, the warning's line
/// highlighted.
void appendExcerpt(std::string &Out, const SourceFiles::Text &Src,
                   llvm::StringRef Shown, llvm::StringRef Link,
                   llvm::ArrayRef<const Mark *> Marks) {
  unsigned NumLines = Src.Lines.size();
  std::vector<std::pair<unsigned, unsigned>> Ranges;
  std::vector<const Mark *> Outside;
  for (const Mark *M : Marks) {
    unsigned L = M->Loc->Line;
    if (L == 0 || L > NumLines) {
      Outside.push_back(M);
      continue;
    }
    Ranges.push_back({L > ContextLines ? L - ContextLines : 1,
                      std::min(NumLines, L + ContextLines)});
  }
  llvm::sort(Ranges);
  llvm::stable_sort(Outside, [](const Mark *A, const Mark *B) {
    return std::tie(A->Loc->Line, A->Kind, A->Number) <
           std::tie(B->Loc->Line, B->Kind, B->Number);
  });
  std::vector<std::pair<unsigned, unsigned>> Merged;
  for (auto R : Ranges) {
    // Touching ranges, or ranges one line apart, read better as one.
    if (!Merged.empty() && R.first <= Merged.back().second + 2)
      Merged.back().second = std::max(Merged.back().second, R.second);
    else
      Merged.push_back(R);
  }
  // The bubbles of one line: steps in path order, the related notes, the
  // warning last.
  auto OnLine = [&](unsigned L) {
    std::vector<const Mark *> On;
    for (const Mark *M : Marks)
      if (M->Loc->Line == L)
        On.push_back(M);
    llvm::stable_sort(On, [](const Mark *A, const Mark *B) {
      return std::tie(A->Kind, A->Number) < std::tie(B->Kind, B->Number);
    });
    return On;
  };

  Out += "<div class=\"excerpt\"><div class=\"excerpt-file\"><a href=\"";
  appendEscaped(Out, Link);
  Out += "\">";
  appendEscaped(Out, Shown);
  Out += "</a></div>\n";
  if (!Src.Error.empty()) {
    Out += "<div class=\"nosource\">source not available (";
    appendEscaped(Out, Src.Error);
    Out += ")</div>\n";
  } else if (!Outside.empty()) {
    Out += "<div class=\"nosource\">source not available for line";
    Out += Outside.size() > 1 ? "s " : " ";
    for (size_t I = 0; I < Outside.size(); ++I)
      Out += (I ? ", " : "") + std::to_string(Outside[I]->Loc->Line);
    Out += " (the file has " + plural(NumLines, "line", "lines") + ")</div>\n";
  }
  Out += "<div class=\"scroll\"><table class=\"code\">\n";
  for (size_t RI = 0; RI < Merged.size(); ++RI) {
    if (RI)
      Out += "<tr class=\"gap\"><td class=\"ln\">&#8942;</td>"
             "<td class=\"src\"></td></tr>\n";
    for (unsigned L = Merged[RI].first; L <= Merged[RI].second; ++L) {
      llvm::StringRef Line = Src.Lines[L - 1];
      std::vector<const Mark *> On = OnLine(L);
      const Mark *Warning = nullptr;
      for (const Mark *M : On)
        if (M->Kind == Mark::Warning)
          Warning = M;
      Out += Warning ? "<tr class=\"line hl\">" : "<tr class=\"line\">";
      Out +=
          "<td class=\"ln\">" + std::to_string(L) + "</td><td class=\"src\">";
      if (Warning && Warning->Loc->Column > 0)
        appendSource(Out, Line, {tokenAt(Line, Warning->Loc->Column - 1)});
      else
        appendSource(Out, Line);
      Out += "</td></tr>\n";
      for (const Mark *M : On)
        appendBubbleRow(Out, *M, Line, /*HasLine=*/true);
    }
  }
  // Marks whose line cannot be shown keep their bubbles, under the number of
  // their line.
  for (const Mark *M : Outside) {
    Out += "<tr class=\"line\"><td class=\"ln\">" +
           std::to_string(M->Loc->Line) + "</td><td class=\"src\"></td></tr>\n";
    appendBubbleRow(Out, *M, "", /*HasLine=*/false);
  }
  Out += "</table></div></div>\n";
}

std::string position(const Location &L) {
  return std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

/// "insert ", i" at 7:28", as the text report says it.
std::string describeFix(const FixIt &X) {
  std::string Quoted = "\"" + X.Replacement + "\"";
  bool Empty = X.Begin.Line == X.End.Line && X.Begin.Column == X.End.Column;
  if (X.Replacement.empty())
    return "remove the text from " + position(X.Begin) + " to " +
           position(X.End);
  if (Empty)
    return "insert " + Quoted + " at " + position(X.Begin);
  return "replace the text from " + position(X.Begin) + " to " +
         position(X.End) + " with " + Quoted;
}

/// Appends the fix-its of a finding: a before/after pair of lines for the
/// fixes that change one line (all of that line's fixes applied), a sentence
/// for the others.
void appendFixes(std::string &Out, const ScanReport &R, SourceFiles &Sources,
                 const Finding &F) {
  if (F.Fixes.empty())
    return;
  std::map<std::pair<std::string, unsigned>, std::vector<const FixIt *>> ByLine;
  std::vector<const FixIt *> Described;
  for (const FixIt &X : F.Fixes) {
    std::optional<llvm::StringRef> Line =
        Sources.line(X.Begin.File, X.Begin.Line);
    bool OneLine = Line && X.Begin.File == X.End.File &&
                   X.Begin.Line == X.End.Line && X.Begin.Column > 0 &&
                   X.Begin.Column <= X.End.Column &&
                   X.End.Column - 1 <= Line->size() &&
                   !llvm::StringRef(X.Replacement).contains('\n');
    if (OneLine)
      ByLine[{X.Begin.File, X.Begin.Line}].push_back(&X);
    else
      Described.push_back(&X);
  }

  Out += "<div class=\"fixes\"><h4>Suggested fix</h4>\n";
  for (auto &[Where, Fixes] : ByLine) {
    llvm::stable_sort(Fixes, [](const FixIt *A, const FixIt *B) {
      return A->Begin.Column < B->Begin.Column;
    });
    bool Overlap = false;
    for (size_t I = 1; I < Fixes.size(); ++I)
      Overlap |= Fixes[I]->Begin.Column < Fixes[I - 1]->End.Column;
    if (Overlap) {
      Described.insert(Described.end(), Fixes.begin(), Fixes.end());
      continue;
    }
    llvm::StringRef Old = *Sources.line(Where.first, Where.second);
    std::string New;
    std::vector<Span> Removed, Inserted;
    size_t Pos = 0;
    for (const FixIt *X : Fixes) {
      size_t B = X->Begin.Column - 1, E = X->End.Column - 1;
      if (E > B)
        Removed.push_back({B, E, "<del>", "</del>"});
      New += Old.substr(Pos, B - Pos);
      if (!X->Replacement.empty())
        Inserted.push_back({New.size(), New.size() + X->Replacement.size(),
                            "<ins>", "</ins>"});
      New += X->Replacement;
      Pos = E;
    }
    New += Old.substr(Pos);
    std::string Number = std::to_string(Where.second);
    Out += "<div class=\"excerpt\"><div class=\"excerpt-file\">";
    appendEscaped(Out, relativeTo(R.SourceRoot, Where.first));
    Out += "</div><div class=\"scroll\"><table class=\"code diff\">\n"
           "<tr class=\"del\"><td class=\"ln\">" +
           Number + "</td><td class=\"sign\">-</td><td class=\"src\">";
    appendSource(Out, Old, Removed);
    Out += "</td></tr>\n<tr class=\"add\"><td class=\"ln\">" + Number +
           "</td><td class=\"sign\">+</td><td class=\"src\">";
    appendSource(Out, New, Inserted);
    Out += "</td></tr>\n</table></div></div>\n";
  }
  if (!Described.empty()) {
    Out += "<ul class=\"described\">\n";
    for (const FixIt *X : Described) {
      Out += "<li><span class=\"where\">";
      appendEscaped(Out, relativeTo(R.SourceRoot, X->Begin.File));
      Out += "</span> <code>";
      appendEscaped(Out, describeFix(*X));
      Out += "</code></li>\n";
    }
    Out += "</ul>\n";
  }
  Out += "</div>\n";
}

/// Appends the card of finding number \p Number (from 1).
void appendFinding(std::string &Out, const ScanReport &R, SourceFiles &Sources,
                   const Finding &F, size_t Number, llvm::StringRef Classes) {
  std::string Id = "f" + std::to_string(Number);
  std::vector<Mark> Marks;
  Marks.reserve(F.Notes.size() + 1);
  Marks.push_back({Mark::Warning, 0, &F.Loc, &F.Message, Id + "-w"});
  unsigned Steps = 0, Related = 0;
  for (const Note &N : F.Notes) {
    if (N.IsPathEvent) {
      ++Steps;
      Marks.push_back({Mark::Step, Steps, &N.Loc, &N.Message,
                       Id + "-s" + std::to_string(Steps)});
    } else {
      ++Related;
      Marks.push_back({Mark::Related, Related, &N.Loc, &N.Message,
                       Id + "-n" + std::to_string(Related)});
    }
  }

  std::string Shown = relativeTo(R.SourceRoot, F.Loc.File);
  Out += "<article class=\"finding " + Classes.str() + "\" id=\"" + Id +
         "\">\n<div class=\"fhead\"><a class=\"fnum\" href=\"#" + Id + "\">#" +
         std::to_string(Number) + "</a>";
  Out += F.Severity == "error" ? "<span class=\"sev error\">"
                               : "<span class=\"sev\">";
  appendEscaped(Out, F.Severity);
  Out += "</span>";
  std::string Doc = docLink(R, F.Check);
  if (Doc.empty()) {
    Out += "<span class=\"check\">";
  } else {
    Out += "<a class=\"check\" href=\"";
    appendEscaped(Out, Doc);
    Out += "\">";
  }
  appendEscaped(Out, F.Check);
  Out += Doc.empty() ? "</span>" : "</a>";
  Out += "<span class=\"loc\">";
  appendEscaped(Out, Shown + ":" + position(F.Loc));
  Out += "</span>";
  if (!F.Fingerprint.empty()) {
    Out += "<span class=\"fp\" title=\"fingerprint\">";
    appendEscaped(Out, F.Fingerprint);
    Out += "</span>";
  }
  Out += "</div>\n<p class=\"msg\">";
  appendEscaped(Out, F.Message);
  Out += "</p>\n";

  // One excerpt per file, the warning's file first, then in note order.
  std::vector<std::pair<std::string, std::vector<const Mark *>>> ByFile;
  for (const Mark &M : Marks) {
    auto It = llvm::find_if(
        ByFile, [&](const auto &E) { return E.first == M.Loc->File; });
    if (It == ByFile.end()) {
      ByFile.push_back({M.Loc->File, {}});
      It = std::prev(ByFile.end());
    }
    It->second.push_back(&M);
  }
  for (const auto &[File, FileMarks] : ByFile)
    appendExcerpt(Out, Sources.get(File), relativeTo(R.SourceRoot, File),
                  fileLink(File), FileMarks);

  // The same notes as a list, with their positions.
  auto List = [&](Mark::KindTy Kind, llvm::StringRef Title,
                  llvm::StringRef Tag) {
    bool Any =
        llvm::any_of(Marks, [&](const Mark &M) { return M.Kind == Kind; });
    if (!Any)
      return;
    Out += "<div class=\"notes\"><h4>" + Title.str() + "</h4><" + Tag.str() +
           ">\n";
    for (const Mark &M : Marks) {
      if (M.Kind != Kind)
        continue;
      Out += "<li><a class=\"where\" href=\"#" + M.Id + "\">";
      appendEscaped(Out, relativeTo(R.SourceRoot, M.Loc->File) + ":" +
                             position(*M.Loc));
      Out += "</a> ";
      appendEscaped(Out, *M.Message);
      Out += "</li>\n";
    }
    Out += "</" + Tag.str() + "></div>\n";
  };
  List(Mark::Step, "Path", "ol");
  List(Mark::Related, "Related locations", "ul");
  appendFixes(Out, R, Sources, F);
  Out += "</article>\n";
}

//===--- The page ---------------------------------------------------------===//

const char *const Style = R"css(
:root {
  --fg: #1f2328; --muted: #59636e; --faint: #8c959f; --line: #d1d9e0;
  --soft: #f6f8fa; --page: #eef1f4; --card: #ffffff;
  --accent: #b25000; --accent-bg: #fff3e0; --accent-line: #f0b46c;
  --bad: #b42318; --bad-bg: #fef3f2; --bad-line: #f5b5ae;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
    Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas,
    "Liberation Mono", monospace;
  --pad: 14px;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--fg);
  font: 15px/1.5 var(--sans); }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; }
a { color: inherit; }
h1 { font-size: 26px; margin: 0; font-weight: 650; }
h2 { font-size: 18px; margin: 36px 0 12px; font-weight: 650; }
h3 { font-size: 14px; margin: 0 0 8px; color: var(--muted); font-weight: 600;
  text-transform: uppercase; letter-spacing: .04em; }
h4 { font-size: 13px; margin: 16px 0 6px; color: var(--muted);
  font-weight: 600; }
.top { display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; }
.version { color: var(--muted); font: 13px var(--mono); }
.banner { margin: 18px 0 0; padding: 12px 16px; border-radius: 8px;
  border: 1px solid var(--line); background: var(--card); }
.banner.partial { background: var(--bad-bg); border-color: var(--bad-line);
  color: var(--bad); }
.banner.partial strong { letter-spacing: .05em; }
.banner.remarks ul { margin: 4px 0 0; padding-left: 20px; color: var(--muted);
  font-size: 14px; }
.stats { display: flex; gap: 12px; margin: 20px 0 0; flex-wrap: wrap; }
.stat { background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; padding: 10px 18px; min-width: 150px;
  text-decoration: none; }
.stat b { display: block; font-size: 28px; font-weight: 650;
  line-height: 1.2; font-variant-numeric: tabular-nums; }
.stat span { color: var(--muted); font-size: 13px; }
.stat.warn b { color: var(--accent); }
.stat.bad { border-color: var(--bad-line); }
.stat.bad b { color: var(--bad); }
.summary { display: flex; gap: 24px; flex-wrap: wrap; }
.summary > div { flex: 1 1 440px; min-width: 0; }
table.list { width: 100%; border-collapse: separate; border-spacing: 0;
  background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; overflow: hidden; }
table.list th, table.list td { text-align: left; padding: 7px 14px;
  border-top: 1px solid var(--line); vertical-align: top; }
table.list tr:first-child th { border-top: 0; }
table.list th { font-size: 12px; font-weight: 600; color: var(--muted);
  background: var(--soft); }
table.list td.n, table.list th.n { text-align: right; width: 1%;
  white-space: nowrap; font-variant-numeric: tabular-nums; }
table.list td.n a { display: inline-block; min-width: 2.4em;
  padding: 0 8px; border-radius: 10px; background: var(--accent-bg);
  color: var(--accent); font-weight: 600; text-align: center;
  text-decoration: none; }
table.list td.n a:hover { background: var(--accent-line); }
.desc { color: var(--muted); font-size: 13px; }
.path { font-family: var(--mono); font-size: 13px; word-break: break-all; }
pre.reason { margin: 0; white-space: pre-wrap; font: 12px/1.45 var(--mono);
  color: var(--bad); }
.target { position: relative; top: -12px; }
.filter { display: none; margin: 0 0 12px; padding: 8px 14px;
  border-radius: 8px; background: var(--card);
  border: 1px dashed var(--line); }
.empty { color: var(--muted); }
.finding { background: var(--card); border: 1px solid var(--line);
  border-left: 4px solid var(--accent); border-radius: 8px;
  margin: 0 0 20px; padding: 16px 22px 18px; }
.finding.error { border-left-color: var(--bad); }
.fhead { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center;
  font-size: 14px; }
.fnum { color: var(--muted); font-weight: 650; text-decoration: none; }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .05em; padding: 1px 8px; border-radius: 10px;
  background: var(--accent-bg); color: var(--accent);
  border: 1px solid var(--accent-line); }
.sev.error { background: var(--bad-bg); color: var(--bad);
  border-color: var(--bad-line); }
.check { font: 600 13.5px var(--mono); }
.loc { font: 13px var(--mono); color: var(--muted); }
.fp { margin-left: auto; font: 11px var(--mono); color: var(--faint);
  border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; }
.msg { font-size: 16px; line-height: 1.5; margin: 10px 0 14px; }
.excerpt { border: 1px solid var(--line); border-radius: 6px;
  margin: 12px 0 0; overflow: hidden; background: var(--card); }
.excerpt-file { font: 12px var(--mono); padding: 5px var(--pad);
  background: var(--soft); border-bottom: 1px solid var(--line);
  color: var(--muted); }
.excerpt-file a { text-decoration: none; }
.excerpt-file a:hover { text-decoration: underline; }
.nosource { padding: 8px var(--pad); color: var(--muted); font-style: italic;
  border-bottom: 1px solid var(--line); }
.scroll { overflow-x: auto; }
table.code { border-collapse: collapse; min-width: 100%;
  font: 13px/1.6 var(--mono); }
table.code td { padding: 0 var(--pad); white-space: pre; vertical-align: top; }
table.code td.ln { width: 1%; text-align: right; color: var(--faint);
  background: var(--soft); border-right: 1px solid var(--line);
  padding: 0 10px 0 14px; user-select: none; }
table.code tr.hl td { background: var(--accent-bg); }
table.code tr.hl td.ln { color: var(--accent); font-weight: 700;
  background: #fde3bf; }
table.code tr.gap td { background: var(--soft); color: var(--faint);
  line-height: 1.2; }
.tok { background: #fcdcae; border-radius: 2px;
  text-decoration: underline wavy var(--accent); text-underline-offset: 4px;
  text-decoration-skip-ink: none; }
table.code tr.mark td.src { white-space: normal; padding-top: 6px;
  padding-bottom: 8px; }
.bubble { position: relative; display: inline-flex; align-items: baseline;
  gap: 8px; max-width: 76ch; margin-left: -11px; padding: 4px 12px 4px 6px;
  border-radius: 8px; font: 13.5px/1.45 var(--sans);
  background: #eef2f6; border: 1px solid #c9d3de; }
.bubble::before { content: ""; position: absolute; top: -7px; left: 6px;
  border: 7px solid transparent; border-top: 0;
  border-bottom-color: #c9d3de; }
.bubble::after { content: ""; position: absolute; top: -6px; left: 7px;
  border: 6px solid transparent; border-top: 0;
  border-bottom-color: #eef2f6; }
.bubble.related { background: var(--card); border-style: dashed; }
.bubble.related::after { border-bottom-color: var(--card); }
.bubble.related { padding-left: 12px; }
.bubble.warn { background: var(--accent-bg); border-color: var(--accent-line); }
.bubble.warn::before { border-bottom-color: var(--accent-line); }
.bubble.warn::after { border-bottom-color: var(--accent-bg); }
.num { flex: none; display: inline-block; min-width: 20px; height: 20px;
  padding: 0 5px; border-radius: 10px; background: #3d4a5c; color: #fff;
  font: 700 12px/20px var(--sans); text-align: center; }
.bubble.warn .num { background: var(--accent); }
.notes ol, .notes ul, ul.described { margin: 0; padding-left: 22px;
  font-size: 14px; }
.notes li, ul.described li { margin: 2px 0; }
.where { font: 12.5px var(--mono); color: var(--muted); }
.notes ol li::marker { font-weight: 600; }
table.diff td.sign { width: 1%; padding: 0 4px; color: var(--muted);
  user-select: none; }
table.diff tr.del td.src, table.diff tr.del td.sign { background: #ffebe9; }
table.diff tr.add td.src, table.diff tr.add td.sign { background: #e6ffec; }
del { background: #ffc1bb; text-decoration: none; border-radius: 2px; }
ins { background: #a6f0b8; text-decoration: none; border-radius: 2px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
)css";

} // namespace

llvm::Error writeHTML(llvm::StringRef Dir, const ScanReport &R) {
  SourceFiles Sources;

  // Findings per check (most first) and per file (by path).
  std::map<std::string, std::vector<size_t>> CheckMap, FileMap;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    CheckMap[R.Findings[I].Check].push_back(I);
    FileMap[R.Findings[I].Loc.File].push_back(I);
  }
  using Group = std::pair<std::string, std::vector<size_t>>;
  std::vector<Group> Checks(CheckMap.begin(), CheckMap.end());
  llvm::stable_sort(Checks, [](const Group &A, const Group &B) {
    return A.second.size() > B.second.size();
  });
  std::vector<Group> Files(FileMap.begin(), FileMap.end());
  llvm::stable_sort(Files, [&](const Group &A, const Group &B) {
    return relativeTo(R.SourceRoot, A.first) <
           relativeTo(R.SourceRoot, B.first);
  });
  // The filter classes of each finding: "c<check> d<file>".
  std::vector<std::string> Classes(R.Findings.size());
  for (size_t C = 0; C < Checks.size(); ++C)
    for (size_t I : Checks[C].second)
      Classes[I] += "c" + std::to_string(C + 1);
  for (size_t D = 0; D < Files.size(); ++D)
    for (size_t I : Files[D].second)
      Classes[I] += " d" + std::to_string(D + 1);

  std::string Out;
  Out.reserve(64 * 1024);
  Out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<meta name=\"generator\" content=\"tether";
  if (!R.ToolVersion.empty())
    Out += " " + escaped(R.ToolVersion);
  Out += "\">\n<title>Tether report: " +
         plural(R.Findings.size(), "finding", "findings") + "</title>\n<style>";
  Out += Style;
  // One rule per filter: the :target anchor hides the other findings and
  // shows the line that says which filter is on.
  auto FilterRule = [&](llvm::StringRef Key) {
    Out += "#only-" + Key.str() + ":target ~ #findings .finding:not(." +
           Key.str() + ") { display: none; }\n#only-" + Key.str() +
           ":target ~ #findings .filter-" + Key.str() +
           " { display: block; }\n";
  };
  for (size_t C = 0; C < Checks.size(); ++C)
    FilterRule("c" + std::to_string(C + 1));
  for (size_t D = 0; D < Files.size(); ++D)
    FilterRule("d" + std::to_string(D + 1));
  Out += "</style>\n</head>\n<body>\n<main>\n";

  // Header: the tool, the banners, the counts.
  Out += "<header class=\"top\"><h1>Tether report</h1><span class=\"version\">"
         "tether";
  if (!R.ToolVersion.empty())
    Out += " " + escaped(R.ToolVersion);
  Out += "</span></header>\n";
  if (R.Partial) {
    Out += "<div class=\"banner partial\" id=\"partial\"><strong>PARTIAL "
           "SCAN</strong>: the scan was stopped before it finished; ";
    if (R.UnitsTotal)
      Out += std::to_string(R.UnitsAnalysed) + " of " +
             plural(R.UnitsTotal, "translation unit", "translation units") +
             " analysed, so findings in the others are missing.</div>\n";
    else
      Out += plural(R.UnitsAnalysed, "translation unit was",
                    "translation units were") +
             " analysed, so findings in the others are missing.</div>\n";
  }
  if (R.Baselined > 0)
    Out += "<div class=\"banner baseline\" id=\"baselined\">" +
           plural(R.Baselined, "finding", "findings") +
           " hidden by the baseline</div>\n";
  if (!R.Remarks.empty()) {
    Out += "<div class=\"banner remarks\" id=\"remarks\"><strong>Remarks"
           "</strong><ul>\n";
    for (const std::string &Remark : R.Remarks)
      Out += "<li>" + escaped(Remark) + "</li>\n";
    Out += "</ul></div>\n";
  }
  auto Stat = [&](llvm::StringRef Id, size_t N, llvm::StringRef Of,
                  llvm::StringRef Label, llvm::StringRef Class,
                  llvm::StringRef Href) {
    Out += Href.empty() ? "<div" : "<a href=\"" + Href.str() + "\"";
    Out += " class=\"stat " + Class.str() + "\" id=\"stat-" + Id.str() +
           "\"><b>" + std::to_string(N) + Of.str() + "</b><span>" +
           Label.str() + "</span>";
    Out += Href.empty() ? "</div>" : "</a>";
  };
  bool Found = !R.Findings.empty(), Failed = !R.Failures.empty();
  Out += "<div class=\"stats\">";
  Stat("findings", R.Findings.size(), "", "findings", Found ? "warn" : "",
       Found ? "#findings" : "");
  Stat("files", Files.size(), "", "files with findings", "", "");
  Stat("analysed", R.UnitsAnalysed,
       R.Partial && R.UnitsTotal
           ? "<small> of " + std::to_string(R.UnitsTotal) + "</small>"
           : "",
       "units analysed", "", "");
  Stat("failed", R.Failures.size(), "", "units failed", Failed ? "bad" : "",
       Failed ? "#failures" : "");
  Out += "</div>\n";

  // Summary tables.
  if (!R.Findings.empty()) {
    Out += "<h2 id=\"summary\">Summary</h2>\n<div class=\"summary\">\n"
           "<div><h3>By check</h3><table class=\"list\" id=\"by-check\">\n"
           "<tr><th>Check</th><th class=\"n\">Findings</th></tr>\n";
    for (size_t C = 0; C < Checks.size(); ++C) {
      const std::string &Name = Checks[C].first;
      std::string Doc = docLink(R, Name);
      Out += "<tr><td>";
      if (Doc.empty()) {
        Out += "<span class=\"check\">" + escaped(Name) + "</span>";
      } else {
        Out += "<a class=\"check\" href=\"" + escaped(Doc) + "\">" +
               escaped(Name) + "</a>";
      }
      if (const CheckInfo *Info = findCheck(Name))
        Out += "<div class=\"desc\">" + escaped(Info->Summary) + "</div>";
      Out += "</td><td class=\"n\"><a href=\"#only-c" + std::to_string(C + 1) +
             "\" title=\"show these findings\">" +
             std::to_string(Checks[C].second.size()) + "</a></td></tr>\n";
    }
    Out += "</table></div>\n<div><h3>By file</h3><table class=\"list\" "
           "id=\"by-file\">\n<tr><th>File</th><th class=\"n\">Findings</th>"
           "</tr>\n";
    for (size_t D = 0; D < Files.size(); ++D) {
      Out += "<tr><td class=\"path\"><a href=\"" +
             escaped(fileLink(Files[D].first)) + "\">" +
             escaped(relativeTo(R.SourceRoot, Files[D].first)) +
             "</a></td><td class=\"n\"><a href=\"#only-d" +
             std::to_string(D + 1) + "\" title=\"show these findings\">" +
             std::to_string(Files[D].second.size()) + "</a></td></tr>\n";
    }
    Out += "</table></div>\n</div>\n";
  }

  // Translation units that could not be analysed.
  if (!R.Failures.empty()) {
    Out += "<h2 id=\"failures\">Could not be analysed</h2>\n"
           "<table class=\"list\">\n<tr><th>Translation unit</th>"
           "<th>Reason</th></tr>\n";
    for (const TUResult &T : R.Failures)
      Out += "<tr><td class=\"path\">" +
             escaped(relativeTo(R.SourceRoot, T.File)) +
             "</td><td><pre class=\"reason\">" + escaped(T.Reason) +
             "</pre></td></tr>\n";
    Out += "</table>\n";
  }

  // The findings, behind the filter anchors.
  for (size_t C = 0; C < Checks.size(); ++C)
    Out += "<div class=\"target\" id=\"only-c" + std::to_string(C + 1) +
           "\"></div>";
  for (size_t D = 0; D < Files.size(); ++D)
    Out += "<div class=\"target\" id=\"only-d" + std::to_string(D + 1) +
           "\"></div>";
  Out += "\n<section id=\"findings\">\n<h2>Findings</h2>\n";
  for (size_t C = 0; C < Checks.size(); ++C)
    Out += "<p class=\"filter filter-c" + std::to_string(C + 1) +
           "\">Showing the findings of <b>" + escaped(Checks[C].first) +
           "</b> only. <a href=\"#findings\">Show all</a></p>\n";
  for (size_t D = 0; D < Files.size(); ++D)
    Out += "<p class=\"filter filter-d" + std::to_string(D + 1) +
           "\">Showing the findings in <b>" +
           escaped(relativeTo(R.SourceRoot, Files[D].first)) +
           "</b> only. <a href=\"#findings\">Show all</a></p>\n";
  if (R.Findings.empty())
    Out += "<p class=\"empty\">No findings.</p>\n";
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    std::string Cls = Classes[I];
    if (R.Findings[I].Severity == "error")
      Cls += " error";
    appendFinding(Out, R, Sources, R.Findings[I], I + 1, Cls);
  }
  Out += "</section>\n<footer>Written by tether";
  if (!R.ToolVersion.empty())
    Out += " " + escaped(R.ToolVersion);
  Out += ". The excerpts show the sources as they were on disk when the "
         "report was written.</footer>\n</main>\n</body>\n</html>\n";

  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC,
                                   "cannot create the report folder '%s': %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "index.html");
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write the report '%s': %s",
                                   Path.c_str(), EC.message().c_str());
  OS << Out;
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
    return llvm::createStringError(EC, "cannot write the report '%s': %s",
                                   Path.c_str(), EC.message().c_str());
  }
  return llvm::Error::success();
}

} // namespace tether::driver
