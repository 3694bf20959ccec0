//===- Corpus.cpp - Annotated-corpus runner ------------------------------===//

#include "support/Corpus.h"

#include "driver/Engine.h"

#include "CheckCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>

using namespace tether::driver;

namespace tether::test {
namespace {

struct Expectation {
  std::string Engine; // "tidy" or "analyzer"
  bool IsNote = false;
  unsigned Line = 0;
  std::string Text;
  unsigned AnnotationLine = 0;
  bool Matched = false;
};

struct Parsed {
  std::vector<Expectation> Expectations;
  std::vector<std::string> Args;
  std::map<std::string, std::string> Options;
  bool RealHeaders = false;
  bool ChecksNotes = false;
  std::vector<std::string> Problems;
};

Parsed parse(llvm::StringRef Text) {
  Parsed P;
  llvm::SmallVector<llvm::StringRef, 256> Lines;
  Text.split(Lines, '\n');
  llvm::Regex Annotation(
      "(tidy|analyzer)-(warning|note)(@([+-]?)([0-9]+))?[ ]*\\{\\{");
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    unsigned LineNo = I + 1;
    size_t Comment = Line.find("//");
    if (Comment == llvm::StringRef::npos)
      continue;
    llvm::StringRef C = Line.drop_front(Comment + 2).trim();
    if (C.consume_front("RUN-ARGS:")) {
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      C.trim().split(Parts, ' ', -1, false);
      for (llvm::StringRef A : Parts)
        P.Args.push_back(A.str());
      continue;
    }
    if (C.consume_front("CHECK-OPTION:")) {
      auto [Key, Value] = C.trim().split('=');
      P.Options[Key.trim().str()] = Value.trim().str();
      continue;
    }
    if (C.trim() == "REAL-HEADERS") {
      P.RealHeaders = true;
      continue;
    }
    llvm::StringRef Rest = Line.drop_front(Comment);
    llvm::SmallVector<llvm::StringRef, 6> M;
    while (Annotation.match(Rest, &M)) {
      Expectation E;
      E.Engine = M[1].str();
      E.IsNote = M[2] == "note";
      E.AnnotationLine = LineNo;
      E.Line = LineNo;
      if (!M[3].empty()) {
        unsigned N = 0;
        M[5].getAsInteger(10, N);
        if (M[4] == "+")
          E.Line = LineNo + N;
        else if (M[4] == "-")
          E.Line = LineNo - N;
        else
          E.Line = N;
      }
      size_t Open = Rest.find(M[0]) + M[0].size();
      size_t Close = Rest.find("}}", Open);
      if (Close == llvm::StringRef::npos) {
        P.Problems.push_back(
            llvm::formatv("line {0}: annotation without closing '}}'", LineNo));
        break;
      }
      E.Text = Rest.slice(Open, Close).str();
      P.ChecksNotes |= E.IsNote;
      P.Expectations.push_back(std::move(E));
      Rest = Rest.drop_front(Close + 2);
    }
  }
  return P;
}

std::string applyFixes(std::string Code, std::vector<FixIt> Fixes) {
  std::sort(Fixes.begin(), Fixes.end(), [](const FixIt &A, const FixIt &B) {
    return A.Begin.Offset > B.Begin.Offset;
  });
  unsigned Limit = Code.size() + 1;
  for (const FixIt &F : Fixes) {
    if (F.End.Offset > Limit || F.End.Offset < F.Begin.Offset)
      continue; // overlapping: clang-tidy would drop one of them too
    Code.replace(F.Begin.Offset, F.End.Offset - F.Begin.Offset, F.Replacement);
    Limit = F.Begin.Offset;
  }
  return Code;
}

} // namespace

std::vector<std::string> corpusFiles(const std::string &Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef P = It->path();
    if ((P.ends_with(".cpp") && !P.ends_with(".fixed.cpp")) ||
        (P.ends_with(".c") && !P.ends_with(".fixed.c")))
      Files.push_back(P.str());
  }
  std::sort(Files.begin(), Files.end());
  return Files;
}

CorpusOutcome runCorpusFile(const std::string &Path, const std::string &Check) {
  CorpusOutcome Out;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Out.Problems.push_back("cannot read " + Path);
    return Out;
  }
  std::string Code = (*Buffer)->getBuffer().str();
  Parsed P = parse(Code);
  Out.Problems = P.Problems;

  clang::tooling::CompileCommand Cmd;
  Cmd.Directory = llvm::sys::path::parent_path(Path).str();
  Cmd.Filename = Path;
  bool IsC = llvm::StringRef(Path).ends_with(".c");
  Cmd.CommandLine = IsC ? std::vector<std::string>{"clang", "-std=c11"}
                        : std::vector<std::string>{"clang++", "-std=c++17"};
  if (!P.RealHeaders) {
    for (const char *A : {"-nostdinc", "-nostdinc++", "-isystem"})
      Cmd.CommandLine.push_back(A);
    Cmd.CommandLine.push_back(TETHER_MOCK_INCLUDE);
  }
  Cmd.CommandLine.insert(Cmd.CommandLine.end(), P.Args.begin(), P.Args.end());
  Cmd.CommandLine.push_back(Path);

  EngineOptions Opts;
  Opts.Checks = "-*," + Check;
  Opts.ReadConfigFiles = false;
  for (const auto &[Key, Value] : P.Options)
    Opts.CheckOptions[Check + "." + Key] = Value;
  TUResult R = analyzeTranslationUnit(Cmd, Opts);
  if (R.Failed) {
    Out.Problems.push_back("the corpus file does not compile: " + R.Reason);
    return Out;
  }

  std::vector<FixIt> AllFixes;
  auto Match = [&](bool IsNote, const std::string &Engine, unsigned Line,
                   const std::string &Message) {
    for (Expectation &E : P.Expectations)
      if (!E.Matched && E.IsNote == IsNote && E.Engine == Engine &&
          E.Line == Line && llvm::StringRef(Message).contains(E.Text)) {
        E.Matched = true;
        return true;
      }
    return false;
  };
  const CheckInfo *Info = findCheck(Check);
  std::string Engine =
      Info && !Info->AnalyzerName.empty() ? "analyzer" : "tidy";
  for (const Finding &F : R.Findings) {
    bool InFile = F.Loc.File == Path;
    ++Out.Seen;
    if (!InFile || !Match(false, Engine, F.Loc.Line, F.Message))
      Out.Problems.push_back(llvm::formatv("seen, not expected: {0}:{1}: "
                                           "{2}-warning: {3}",
                                           llvm::sys::path::filename(F.Loc.File),
                                           F.Loc.Line, Engine, F.Message));
    if (P.ChecksNotes)
      for (const Note &N : F.Notes)
        if (N.Loc.File != Path || !Match(true, Engine, N.Loc.Line, N.Message))
          Out.Problems.push_back(llvm::formatv(
              "seen, not expected: {0}:{1}: {2}-note: {3}",
              llvm::sys::path::filename(N.Loc.File), N.Loc.Line, Engine,
              N.Message));
    AllFixes.insert(AllFixes.end(), F.Fixes.begin(), F.Fixes.end());
  }
  for (const Expectation &E : P.Expectations) {
    ++Out.Expected;
    if (!E.Matched)
      Out.Problems.push_back(llvm::formatv(
          "expected, not seen: line {0}: {1}-{2}{{{{{3}}} (annotated on line "
          "{4})",
          E.Line, E.Engine, E.IsNote ? "note" : "warning", E.Text,
          E.AnnotationLine));
  }

  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  std::string FixedPath =
      Path.substr(0, Path.size() - Ext.size()) + ".fixed" + Ext.str();
  if (!AllFixes.empty() && getenv("TETHER_UPDATE_FIXED")) {
    // Regenerates the golden files; review them with `git diff` before use.
    std::error_code EC;
    llvm::raw_fd_ostream OS(FixedPath, EC);
    OS << applyFixes(Code, AllFixes);
  }
  bool HasGolden = llvm::sys::fs::exists(FixedPath);
  if (!AllFixes.empty() && !HasGolden)
    Out.Problems.push_back("the warnings offer fix-its but there is no " +
                           llvm::sys::path::filename(FixedPath).str());
  if (HasGolden) {
    auto Golden = llvm::MemoryBuffer::getFile(FixedPath);
    std::string Fixed = applyFixes(Code, AllFixes);
    if (Golden && (*Golden)->getBuffer() != Fixed)
      Out.Problems.push_back("applying the fix-its does not give " +
                             llvm::sys::path::filename(FixedPath).str() +
                             "; got:\n" + Fixed);
  }
  return Out;
}

} // namespace tether::test
