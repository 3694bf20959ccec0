//===- Scan.cpp - One scan of a compilation database ---------------------===//

#include "driver/Scan.h"

#include "driver/Cache.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <map>

namespace tether::driver {
namespace {

llvm::Error failure(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Folds unit results into the report as they arrive.
class Collector {
public:
  Collector(ScanReport &Report, const ScanProgress &Progress)
      : Report(Report), Progress(Progress) {}

  void add(TUResult R) {
    if (Progress.Finished)
      Progress.Finished();
    ++Report.UnitsAnalysed;
    if (R.Cached)
      ++Report.Stats.CacheHits;
    if (R.Skipped)
      ++Report.Stats.Skipped;
    Report.Stats.MaxWorkerMemoryKB =
        std::max(Report.Stats.MaxWorkerMemoryKB, R.PeakMemoryKB);
    for (const std::string &Remark : R.Remarks)
      ++Remarks[Remark];
    for (Finding &F : R.Findings)
      // A header's finding comes once from every unit that includes it.
      if (Keys.insert(digest(F.key())).second)
        Report.Findings.push_back(std::move(F));
    if (R.Failed) {
      R.Findings.clear();
      R.Dependencies.clear();
      Report.Failures.push_back(std::move(R));
    }
  }

  void finish() {
    for (const auto &[Text, Units] : Remarks)
      Report.Remarks.push_back(
          Units == 1 ? Text
                     : llvm::formatv("{0} (in {1} translation units)", Text,
                                     Units)
                           .str());
  }

private:
  ScanReport &Report;
  const ScanProgress &Progress;
  llvm::StringSet<> Keys;
  std::map<std::string, size_t> Remarks;
};

/// `.s`, `.S`, `.sx`, `.asm`: assembly, with or without the preprocessor.
bool isAssembly(llvm::StringRef File) {
  llvm::StringRef Ext = llvm::sys::path::extension(File);
  return Ext == ".s" || Ext == ".S" || Ext == ".sx" || Ext.equals_insensitive(".asm");
}

} // namespace

std::vector<size_t> shardOf(const CompileDatabase &DB,
                            std::vector<size_t> Units, unsigned Index,
                            unsigned Count) {
  llvm::sort(Units, [&](size_t A, size_t B) {
    return std::make_pair(DB.file(A), llvm::StringRef(DB.identity(A))) <
           std::make_pair(DB.file(B), llvm::StringRef(DB.identity(B)));
  });
  std::vector<size_t> Mine;
  for (size_t I = 0; I < Units.size(); ++I)
    if (I % Count == Index - 1)
      Mine.push_back(Units[I]);
  return Mine;
}

llvm::Expected<ScanReport> scan(const CompileDatabase &DB,
                                const ScanOptions &Options,
                                const ScanProgress &Progress) {
  auto Start = std::chrono::steady_clock::now();
  // The units: one per distinct command, of the files asked for.
  llvm::StringSet<> Wanted, Found, Identities;
  for (const std::string &F : Options.Files)
    Wanted.insert(F);
  std::vector<size_t> Units;
  llvm::StringSet<> Assembly;
  for (size_t I = 0; I < DB.size(); ++I) {
    if (!Wanted.empty() && !Wanted.contains(DB.file(I)))
      continue;
    Found.insert(DB.file(I));
    // CMake lists a project's assembly sources too (zstd, OpenSSL): there
    // is nothing for Tether in them, and they do not parse as C.
    if (isAssembly(DB.file(I))) {
      Assembly.insert(DB.file(I));
      continue;
    }
    if (Identities.insert(DB.identity(I)).second)
      Units.push_back(I);
  }
  for (const std::string &F : Options.Files)
    if (!Found.contains(F))
      return failure(llvm::formatv("'{0}' is not in the compilation database "
                                   "'{1}'",
                                   F, DB.path()));
  if (Options.ShardCount)
    Units = shardOf(DB, std::move(Units), Options.ShardIndex,
                    Options.ShardCount);

  ScanReport Report;
  Report.SourceRoot = Options.SourceRoot;
  Report.UnitsTotal = Units.size();
  if (!Assembly.empty())
    Report.Remarks.push_back(llvm::formatv(
        "skipped {0} assembly source file{1} of the database (Tether analyses "
        "C and C++)",
        Assembly.size(), Assembly.size() == 1 ? "" : "s"));
  Collector Collect(Report, Progress);

  EngineOptions Engine = Options.Engine;
  if (Options.Changed) {
    Engine.OnlyIfReads = Options.Changed->files();
    if (Engine.OnlyIfReads.empty()) // nothing changed: nothing to analyse
      Units.clear();
  }

  // Answer what the cache can, in the parent: a hit costs reading the
  // entry and hashing the files it lists (each file once per scan).
  std::optional<ResultCache> Cache;
  if (!Options.CacheDir.empty()) {
    Cache.emplace(Options.CacheDir, Options.CacheMaxBytes, toolIdentity());
    if (!Cache->problem().empty()) {
      Report.Remarks.push_back(Cache->problem());
      Cache.reset();
    }
  }
  if (Progress.Begin)
    Progress.Begin(Units.size());
  std::vector<size_t> ToAnalyse;
  std::vector<std::string> Keys;
  for (size_t Unit : Units) {
    if (stopRequested())
      break;
    if (!Cache) {
      ToAnalyse.push_back(Unit);
      continue;
    }
    std::string Key = Cache->key(DB.command(Unit), Engine);
    if (std::optional<TUResult> Hit = Cache->lookup(Key)) {
      Collect.add(std::move(*Hit));
      continue;
    }
    ToAnalyse.push_back(Unit);
    Keys.push_back(std::move(Key));
  }

  bool Completed = !stopRequested() &&
      runIsolated(
          ToAnalyse.size(),
          [&](size_t I) { return DB.command(ToAnalyse[I]); }, Engine,
          Options.Scheduler,
          [&](size_t I) {
            if (Progress.Started)
              Progress.Started(DB.file(ToAnalyse[I]));
          },
          [&](size_t I, TUResult R) {
            if (Cache)
              Cache->store(Keys[I], R);
            Collect.add(std::move(R));
          });
  Collect.finish();
  Report.Partial = !Completed;
  if (Cache)
    Cache->trim();

  if (Options.Changed)
    llvm::erase_if(Report.Findings, [&](const Finding &F) {
      return !Options.Changed->contains(F.Loc.File, F.Loc.Line);
    });
  sortFindings(Report.Findings);
  assignFingerprints(Report.Findings, Report.SourceRoot);
  llvm::sort(Report.Failures, [](const TUResult &A, const TUResult &B) {
    return A.File < B.File;
  });
  Report.Stats.Seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - Start)
                             .count();
  return Report;
}

} // namespace tether::driver
