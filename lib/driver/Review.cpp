//===- Review.cpp - Changed lines, baselines, fingerprints ---------------===//

#include "driver/Review.h"

#include "driver/Cache.h"
#include "driver/Output.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace tether::driver {
namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The file named by a `+++ ` line: quotes and a trailing tab-separated
/// timestamp removed, `b/` stripped as `patch -p1` would for git's diffs.
std::optional<std::string> newSidePath(llvm::StringRef Line, bool GitStyle) {
  llvm::StringRef Path = Line.drop_front(4).split('\t').first.rtrim();
  if (Path == "/dev/null")
    return std::nullopt;
  std::string Unquoted;
  if (Path.size() >= 2 && Path.front() == '"' && Path.back() == '"') {
    // git quotes names with unusual bytes, C-style with octal escapes.
    llvm::StringRef Q = Path.drop_front().drop_back();
    for (size_t I = 0; I < Q.size(); ++I) {
      if (Q[I] != '\\' || I + 1 == Q.size()) {
        Unquoted += Q[I];
        continue;
      }
      char C = Q[++I];
      if (C >= '0' && C <= '7' && I + 2 < Q.size()) {
        Unquoted += char((C - '0') * 64 + (Q[I + 1] - '0') * 8 + (Q[I + 2] - '0'));
        I += 2;
      } else {
        Unquoted += C == 'n' ? '\n' : C == 't' ? '\t' : C;
      }
    }
    Path = Unquoted;
  }
  if (GitStyle && Path.starts_with("b/"))
    Path = Path.drop_front(2);
  return Path.str();
}

/// The whitespace-collapsed text of line \p Line of \p File.
std::string lineText(llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> &Cache,
                     llvm::StringRef File, unsigned Line) {
  auto &Buf = Cache[File];
  if (!Buf) {
    auto B = llvm::MemoryBuffer::getFile(File);
    if (!B)
      return "";
    Buf = std::move(*B);
  }
  llvm::StringRef Text = Buf->getBuffer();
  for (unsigned I = 1; I < Line && !Text.empty(); ++I)
    Text = Text.split('\n').second;
  llvm::SmallVector<llvm::StringRef, 16> Words;
  llvm::SplitString(Text.split('\n').first, Words);
  return llvm::join(Words, " ");
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::parse(llvm::StringRef Diff,
                                                 llvm::StringRef Root) {
  ChangedLines Result;
  bool GitStyle = false;
  std::string Current; // absolute path of the file being read, "" if none
  unsigned Number = 0;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    ++Number;
    Line.consume_back("\r");
    if (Line.starts_with("diff --git ")) {
      GitStyle = true;
      continue;
    }
    if (Line.starts_with("+++ ")) {
      std::optional<std::string> Path =
          newSidePath(Line, GitStyle || Line.starts_with("+++ b/"));
      Current.clear();
      if (!Path)
        continue; // a deleted file: nothing to report on
      llvm::SmallString<256> P(*Path);
      if (!llvm::sys::path::is_absolute(P)) {
        P = Root;
        llvm::sys::path::append(P, *Path);
      }
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      Current = std::string(P);
      Result.Ranges[Current]; // a file with only removals is still changed
      continue;
    }
    if (!Line.starts_with("@@ ") || Current.empty())
      continue;
    // @@ -a[,b] +c[,d] @@: lines c .. c+d-1 of the new side.
    llvm::StringRef New = Line.drop_front(3).split(' ').second;
    if (!New.consume_front("+"))
      return failure(llvm::formatv("line {0} of the diff: a hunk header "
                                   "without a new side: {1}",
                                   Number, Line));
    auto [StartText, CountText] = New.split(' ').first.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      return failure(llvm::formatv("line {0} of the diff: an unreadable "
                                   "hunk header: {1}",
                                   Number, Line));
    if (Count > 0)
      Result.Ranges[Current].push_back({Start, Start + Count - 1});
  }
  return Result;
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Ranges.find(File);
  if (It == Ranges.end())
    return false;
  return llvm::any_of(It->second, [&](const std::pair<unsigned, unsigned> &R) {
    return R.first <= Line && Line <= R.second;
  });
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Files;
  for (const auto &Entry : Ranges)
    Files.push_back(Entry.getKey().str());
  llvm::sort(Files);
  return Files;
}

llvm::Expected<ChangedLines> gitChangedLines(llvm::StringRef Ref,
                                             llvm::StringRef Dir) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return failure("--diff needs git, which is not on the PATH");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("tether-diff", "txt", Out);
  llvm::sys::fs::createTemporaryFile("tether-diff", "err", Err);
  auto Run = [&](llvm::ArrayRef<llvm::StringRef> Args) {
    std::optional<llvm::StringRef> Redirects[] = {std::nullopt,
                                                  llvm::StringRef(Out),
                                                  llvm::StringRef(Err)};
    return llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects);
  };
  auto Read = [](llvm::StringRef Path) {
    auto B = llvm::MemoryBuffer::getFile(Path);
    return B ? (*B)->getBuffer().str() : std::string();
  };
  auto Cleanup = llvm::make_scope_exit([&] {
    llvm::sys::fs::remove(Out);
    llvm::sys::fs::remove(Err);
  });
  std::string DirArg = Dir.str();
  if (Run({"git", "-C", DirArg, "rev-parse", "--show-toplevel"}) != 0)
    return failure(llvm::formatv("--diff: '{0}' is not in a git work tree: {1}",
                                 Dir, llvm::StringRef(Read(Err)).trim()));
  std::string Top = llvm::StringRef(Read(Out)).trim().str();
  // -U0: hunks are exactly the changed lines. No renames detection tricks,
  // no external diff tools, no colour.
  if (Run({"git", "-C", DirArg, "diff", "-U0", "--no-color", "--no-ext-diff",
           Ref, "--"}) != 0)
    return failure(llvm::formatv("--diff: git diff {0} failed: {1}", Ref,
                                 llvm::StringRef(Read(Err)).trim()));
  return ChangedLines::parse(Read(Out), Top);
}

void assignFingerprints(std::vector<Finding> &Findings,
                        llvm::StringRef SourceRoot) {
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Sources;
  std::map<std::string, unsigned> Seen; // identical findings so far
  for (Finding &F : Findings) {
    std::string Base =
        llvm::formatv("{0}\x1f{1}\x1f{2}\x1f{3}", F.Check,
                      relativeTo(SourceRoot, F.Loc.File), F.Message,
                      lineText(Sources, F.Loc.File, F.Loc.Line))
            .str();
    unsigned Occurrence = Seen[Base]++;
    F.Fingerprint = digest(Base + "\x1f" + std::to_string(Occurrence));
  }
}

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return failure(llvm::formatv("cannot read the baseline '{0}': {1}", Path,
                                 Buffer.getError().message()));
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return failure(llvm::formatv("the baseline '{0}' is not valid JSON: {1}",
                                 Path, llvm::toString(V.takeError())));
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *Entries = O ? O->getArray("findings") : nullptr;
  if (!O || O->getString("tool") != "tether" || !Entries)
    return failure(llvm::formatv("'{0}' is not a Tether baseline (write one "
                                 "with --write-baseline)",
                                 Path));
  Baseline B;
  for (const llvm::json::Value &E : *Entries) {
    const llvm::json::Object *Entry = E.getAsObject();
    std::optional<llvm::StringRef> Fingerprint =
        Entry ? Entry->getString("fingerprint") : std::nullopt;
    if (!Fingerprint)
      return failure(llvm::formatv("the baseline '{0}': an entry has no "
                                   "\"fingerprint\"",
                                   Path));
    ++B.Counts[*Fingerprint];
  }
  return B;
}

llvm::Error Baseline::write(llvm::StringRef Path,
                            const std::vector<Finding> &Findings,
                            llvm::StringRef SourceRoot) {
  llvm::json::Array Entries;
  for (const Finding &F : Findings)
    Entries.push_back(llvm::json::Object{
        {"fingerprint", F.Fingerprint},
        {"check", F.Check},
        {"file", relativeTo(SourceRoot, F.Loc.File)},
        {"line", F.Loc.Line}, // for people reading it; never matched on
        {"message", F.Message}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return failure(llvm::formatv("cannot write the baseline '{0}': {1}", Path,
                                 EC.message()));
  OS << llvm::formatv("{0:2}",
                      llvm::json::Value(llvm::json::Object{
                          {"tool", "tether"},
                          {"version", 1},
                          {"findings", std::move(Entries)}}))
     << '\n';
  return llvm::Error::success();
}

size_t Baseline::filter(std::vector<Finding> &Findings) const {
  llvm::StringMap<unsigned> Left = Counts;
  size_t Before = Findings.size();
  llvm::erase_if(Findings, [&](const Finding &F) {
    auto It = Left.find(F.Fingerprint);
    if (It == Left.end() || It->second == 0)
      return false;
    --It->second;
    return true;
  });
  return Before - Findings.size();
}

} // namespace tether::driver
