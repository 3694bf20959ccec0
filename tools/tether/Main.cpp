//===- Main.cpp - tether: scan a codebase for concurrency leaks ----------===//
//
//   tether scan -p BUILD_DIR [FILES...]   analyse compile_commands.json
//   tether merge REPORTS...                combine the reports of shards
//   tether list-checks                     the checks and whether enabled
//   tether --version
//
// Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some translation units could not be analysed (findings from the others
// are still reported), 130 interrupted (the report written is partial).
// See docs/usage/driver.md.
//
//===----------------------------------------------------------------------===//

#include "CheckCatalog.h"
#include "Doctor.h"
#include "driver/Cache.h"
#include "driver/Database.h"
#include "driver/Engine.h"
#include "driver/Fixes.h"
#include "driver/Output.h"
#include "driver/Review.h"
#include "driver/Scan.h"
#include "driver/Scheduler.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm-c/Core.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <csignal>
#include <unistd.h>

using namespace llvm;
using namespace tether;
using namespace tether::driver;
namespace cl = llvm::cl;

namespace {

enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitFailedUnits = 3,
  ExitInterrupted = 130
};
enum class Format { Text, JSON, SARIF, HTML, CodeClimate };
enum class ColorMode { Auto, Always, Never };

cl::OptionCategory Category("tether options");
cl::SubCommand ScanCmd("scan", "Analyse the translation units of a compilation database");
cl::SubCommand ListCmd("list-checks", "List the checks and whether they are enabled");
cl::SubCommand DoctorCmd("doctor", "Check the environment Tether runs in and say what to fix");
cl::SubCommand MergeCmd("merge", "Combine the JSON or SARIF reports of the shards of a scan");

cl::opt<std::string> BuildDir("p", cl::desc("Build folder that holds compile_commands.json"),
                              cl::value_desc("BUILD_DIR"), cl::sub(ScanCmd), cl::sub(DoctorCmd),
                              cl::cat(Category));
cl::opt<bool> PrintPluginPath("print-plugin-path",
                              cl::desc("Print the path of the clang-tidy plugin and exit"),
                              cl::cat(Category));
cl::opt<bool> PrintAnalyzerPluginPath(
    "print-analyzer-plugin-path",
    cl::desc("Print the path of the clang --analyze plugin and exit"), cl::cat(Category));
cl::opt<std::string> DatabaseFile("compile-commands",
                                  cl::desc("Path of the compilation database"),
                                  cl::value_desc("FILE"), cl::sub(ScanCmd), cl::cat(Category));
cl::list<std::string> Files(cl::Positional, cl::desc("[FILES...]"), cl::sub(ScanCmd),
                            cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Parallel workers (default: all cores)"), cl::init(0), cl::Prefix,
                       cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> Checks("checks",
                            cl::desc("clang-tidy glob of the checks to run, applied after "
                                     "the defaults and .clang-tidy"),
                            cl::sub(ScanCmd), cl::sub(ListCmd), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("A .clang-tidy style YAML file with CheckOptions "
                                         "(and Checks) for every file"),
                                cl::value_desc("FILE"), cl::sub(ScanCmd), cl::cat(Category));
cl::list<std::string> CheckOptionArgs("check-option",
                                      cl::desc("A check option, NAME=VALUE (repeatable)"),
                                      cl::sub(ScanCmd), cl::cat(Category));
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(Format::Text, "text", "clang-style text"),
               clEnumValN(Format::JSON, "json", "JSON"),
               clEnumValN(Format::SARIF, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::HTML, "html", "a static HTML report in the folder given by -o"),
               clEnumValN(Format::CodeClimate, "codeclimate",
                          "GitLab's code quality report (Code Climate JSON)")),
    cl::init(Format::Text), cl::sub(ScanCmd), cl::sub(MergeCmd), cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to FILE (a folder for html)"),
                                cl::value_desc("FILE"), cl::sub(ScanCmd), cl::sub(MergeCmd),
                                cl::cat(Category));
cl::list<std::string> MergeInputs(cl::Positional, cl::desc("REPORTS..."), cl::OneOrMore,
                                  cl::sub(MergeCmd), cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir",
                              cl::desc("Result cache folder (default: $TETHER_CACHE_DIR, "
                                       "$XDG_CACHE_HOME/tether or ~/.cache/tether)"),
                              cl::value_desc("DIR"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Analyse every unit; neither read nor write the cache"),
                      cl::sub(ScanCmd), cl::cat(Category));
cl::opt<unsigned> CacheMaxSize("cache-max-size",
                               cl::desc("Size bound of the cache in MiB (default: 1024)"),
                               cl::init(1024), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> Diff("diff",
                          cl::desc("Report only findings on lines changed since git REF "
                                   "('-': read a unified diff from stdin)"),
                          cl::value_desc("REF"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Leave out the findings this baseline lists"),
                                  cl::value_desc("FILE"), cl::sub(ScanCmd), cl::sub(MergeCmd),
                                  cl::cat(Category));
cl::opt<std::string> WriteBaseline("write-baseline",
                                   cl::desc("Record every finding in FILE, to pass to "
                                            "--baseline later"),
                                   cl::value_desc("FILE"), cl::sub(ScanCmd), cl::sub(MergeCmd),
                                   cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of the findings reported"),
                  cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes",
                                 cl::desc("Write the fix-its as YAML for "
                                          "clang-apply-replacements"),
                                 cl::value_desc("FILE"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> Shard("shard",
                           cl::desc("Analyse only part K of N of the translation units "
                                    "(1 <= K <= N), e.g. 2/4"),
                           cl::value_desc("K/N"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<unsigned> Timeout("timeout",
                          cl::desc("Per translation unit time limit in seconds "
                                   "(default: 300; 0: none)"),
                          cl::init(300), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<ColorMode> Color("color", cl::desc("Colour the text report"),
                         cl::values(clEnumValN(ColorMode::Auto, "auto", "on a terminal"),
                                    clEnumValN(ColorMode::Always, "always", "always"),
                                    clEnumValN(ColorMode::Never, "never", "never")),
                         cl::init(ColorMode::Auto), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> SourceRoot("source-root",
                                cl::desc("Paths in reports are relative to this folder "
                                         "(default: the current folder)"),
                                cl::sub(ScanCmd), cl::sub(MergeCmd), cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter",
                                  cl::desc("Report findings in headers matching this regex "
                                           "(default: .*; system headers never)"),
                                  cl::init(".*"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> ResourceDir("resource-dir", cl::desc("clang's resource directory"),
                                 cl::sub(ScanCmd), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress line and no summary"), cl::sub(ScanCmd),
                    cl::sub(MergeCmd), cl::cat(Category));

std::string version() {
  return formatv("{0} (LLVM {1})", TETHER_VERSION, LLVM_VERSION_STRING).str();
}

int usageError(const Twine &Message) {
  WithColor::error(errs(), "tether") << Message << "\n";
  return ExitUsage;
}

/// Check options from --config-file and --check-option.
bool collectCheckOptions(EngineOptions &Engine) {
  if (!ConfigFile.empty()) {
    auto Buffer = MemoryBuffer::getFile(ConfigFile);
    if (!Buffer) {
      usageError(formatv("cannot read --config-file '{0}': {1}", ConfigFile,
                         Buffer.getError().message()));
      return false;
    }
    auto Parsed = clang::tidy::parseConfiguration((*Buffer)->getMemBufferRef());
    if (!Parsed) {
      usageError(formatv("--config-file '{0}': {1}", ConfigFile,
                         Parsed.getError().message()));
      return false;
    }
    for (const auto &KV : Parsed->CheckOptions)
      Engine.CheckOptions[KV.getKey().str()] = KV.getValue().Value;
    // Like .clang-tidy files: only what the file says about Tether applies.
    if (Parsed->Checks) {
      std::string FromFile = tetherEntries(*Parsed->Checks);
      if (!FromFile.empty())
        Engine.Checks = FromFile + (Checks.empty() ? "" : "," + Checks);
    }
  }
  for (const std::string &Arg : CheckOptionArgs) {
    auto [Key, Value] = StringRef(Arg).split('=');
    if (Key.empty() || !StringRef(Arg).contains('=')) {
      usageError(formatv("--check-option '{0}' is not NAME=VALUE", Arg));
      return false;
    }
    Engine.CheckOptions[Key.str()] = Value.str();
  }
  return true;
}

class Progress {
public:
  explicit Progress(bool Enabled) : Enabled(Enabled) {
    Start = std::chrono::steady_clock::now();
  }
  void begin(size_t Units) { Total = Units; }
  void started(StringRef File) { Current = sys::path::filename(File).str(); draw(); }
  void finished() { ++Done; draw(); }
  void clear() {
    if (Enabled && Drawn)
      errs() << "\r\x1b[K";
  }

private:
  void draw() {
    if (!Enabled)
      return;
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    std::string Eta = "?";
    if (Done > 0) {
      unsigned Secs = unsigned(Elapsed / Done * (Total - Done));
      Eta = formatv("{0}:{1:2}", Secs / 60, Secs % 60).str();
      std::replace(Eta.begin(), Eta.end(), ' ', '0');
    }
    errs() << "\r\x1b[K" << formatv("[{0}/{1}] ETA {2} {3}", Done, Total, Eta, Current);
    errs().flush();
    Drawn = true;
  }
  size_t Total = 0, Done = 0;
  bool Enabled, Drawn = false;
  std::string Current;
  std::chrono::steady_clock::time_point Start;
};


std::string currentFolder() {
  SmallString<256> Cwd;
  if (sys::fs::current_path(Cwd))
    return "";
  return std::string(Cwd);
}

std::string sourceRoot() {
  if (SourceRoot.empty())
    return currentFolder();
  SmallString<256> Root(SourceRoot);
  sys::fs::make_absolute(Root);
  sys::path::remove_dots(Root, true);
  return std::string(Root);
}

/// Writes the report in the format asked for; false (after saying why) if
/// it cannot be written.
bool writeReport(const ScanReport &Report) {
  if (OutputFormat == Format::HTML) {
    if (OutputFile.empty()) {
      usageError("--format html writes a folder: pass -o DIR");
      return false;
    }
    if (Error E = writeHTML(OutputFile, Report)) {
      usageError(toString(std::move(E)));
      return false;
    }
    if (!Quiet)
      errs() << "tether: HTML report written to " << OutputFile << "/index.html\n";
    return true;
  }
  std::unique_ptr<raw_fd_ostream> FileOut;
  raw_ostream *OS = &outs();
  if (!OutputFile.empty()) {
    std::error_code EC;
    FileOut = std::make_unique<raw_fd_ostream>(OutputFile, EC, sys::fs::OF_Text);
    if (EC) {
      usageError(formatv("cannot write '{0}': {1}", OutputFile, EC.message()));
      return false;
    }
    OS = FileOut.get();
  }
  bool Colors = Color == ColorMode::Always ||
                (Color == ColorMode::Auto && !FileOut && sys::Process::StandardOutIsDisplayed());
  switch (OutputFormat) {
  case Format::Text:
    writeText(*OS, Report, Colors);
    break;
  case Format::JSON:
    writeJSON(*OS, Report);
    break;
  case Format::SARIF:
    writeSARIF(*OS, Report);
    break;
  case Format::CodeClimate:
    writeCodeClimate(*OS, Report);
    break;
  case Format::HTML:
    break;
  }
  OS->flush();
  return true;
}

/// Baselines, fixes, the report, the summary and the exit code: what scan
/// and merge have in common.
int finishReport(ScanReport &Report) {
  if (!WriteBaseline.empty()) {
    if (Error E = Baseline::write(WriteBaseline, Report.Findings, Report.SourceRoot))
      return usageError(toString(std::move(E)));
    if (!Quiet)
      errs() << formatv("tether: wrote {0} finding(s) to the baseline {1}\n",
                        Report.Findings.size(), WriteBaseline);
  }
  if (!BaselineFile.empty()) {
    Expected<Baseline> B = Baseline::read(BaselineFile);
    if (!B)
      return usageError(toString(B.takeError()));
    Report.Baselined += B->filter(Report.Findings);
  }
  if (ScanCmd && !ExportFixes.empty())
    if (Error E = exportFixes(ExportFixes, Report.Findings))
      return usageError(toString(std::move(E)));
  if (ScanCmd && Fix) {
    Expected<FixSummary> Fixed = applyFixes(Report.Findings);
    if (!Fixed)
      return usageError(toString(Fixed.takeError()));
    if (!Quiet)
      errs() << formatv("tether: applied the fixes of {0} finding(s) in {1} file(s)\n",
                        Fixed->Applied, Fixed->Files);
    for (const std::string &C : Fixed->Conflicts)
      WithColor::warning(errs(), "tether")
          << C << ": its fix overlaps another finding's and was not applied\n";
  }
  if (!writeReport(Report))
    return ExitUsage;

  for (const std::string &Remark : Report.Remarks)
    WithColor::note(errs(), "tether") << Remark << "\n";
  for (const TUResult &F : Report.Failures)
    WithColor::error(errs(), "tether") << "could not analyse " << F.File << ": " << F.Reason
                                       << "\n";
  if (Report.Partial)
    WithColor::error(errs(), "tether")
        << formatv("interrupted: {0} of {1} translation unit(s) analysed; the report is "
                   "partial\n",
                   Report.UnitsAnalysed, Report.UnitsTotal);
  if (!Quiet) {
    StringSet<> FilesWithFindings;
    for (const Finding &F : Report.Findings)
      FilesWithFindings.insert(F.Loc.File);
    size_t Failed = Report.Failures.size();
    size_t Analysed = Report.UnitsAnalysed - Failed - Report.Stats.Skipped;
    std::string Details;
    if (Report.Stats.CacheHits)
      Details += formatv(" ({0} from the cache)", Report.Stats.CacheHits).str();
    if (Report.Stats.Skipped)
      Details += formatv(", {0} skipped (they read no changed file)", Report.Stats.Skipped).str();
    if (Report.Baselined)
      Details += formatv(", {0} finding(s) left out by the baseline", Report.Baselined).str();
    errs() << formatv("tether: {0} finding(s) in {1} file(s); {2} translation unit(s) "
                      "analysed{3}, {4} could not be analysed\n",
                      Report.Findings.size(), FilesWithFindings.size(), Analysed, Details,
                      Failed);
  }
  if (Report.Partial)
    return ExitInterrupted;
  if (!Report.Failures.empty())
    return ExitFailedUnits;
  if (!WriteBaseline.empty())
    return ExitClean; // every finding is in the baseline now
  return Report.Findings.empty() ? ExitClean : ExitFindings;
}

extern "C" void onInterrupt(int) { requestStop(); }

int runScan() {
  ScanOptions Options;
  EngineOptions &Engine = Options.Engine;
  Engine.Checks = Checks;
  Engine.HeaderFilter = HeaderFilter;
  Engine.ResourceDir = ResourceDir;
  if (!collectCheckOptions(Engine))
    return ExitUsage;
  if (OutputFormat == Format::HTML && OutputFile.empty())
    return usageError("--format html writes a folder: pass -o DIR");

  std::string DBPath = DatabaseFile;
  if (DBPath.empty()) {
    if (BuildDir.empty())
      return usageError("no compilation database: pass -p BUILD_DIR or "
                        "--compile-commands FILE");
    SmallString<256> P(BuildDir);
    sys::path::append(P, "compile_commands.json");
    DBPath = std::string(P);
  }
  Expected<std::unique_ptr<CompileDatabase>> DB = CompileDatabase::open(DBPath);
  if (!DB)
    return usageError(toString(DB.takeError()));
  if ((*DB)->size() == 0)
    return usageError(formatv("the compilation database '{0}' has no entries", DBPath));

  for (const std::string &F : Files) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, true);
    Options.Files.push_back(std::string(Abs));
  }
  if (!Shard.empty()) {
    auto [K, N] = StringRef(Shard).split('/');
    if (K.getAsInteger(10, Options.ShardIndex) || N.getAsInteger(10, Options.ShardCount) ||
        Options.ShardCount == 0 || Options.ShardIndex == 0 ||
        Options.ShardIndex > Options.ShardCount)
      return usageError(formatv("--shard '{0}' is not K/N with 1 <= K <= N", Shard));
  }
  Options.SourceRoot = sourceRoot();
  if (!Diff.empty()) {
    Expected<ChangedLines> Changed = ChangedLines::parse("", "");
    if (Diff == "-") {
      auto Text = MemoryBuffer::getSTDIN();
      if (!Text)
        return usageError("--diff -: cannot read the diff from stdin: " +
                          Text.getError().message());
      Changed = ChangedLines::parse((*Text)->getBuffer(), currentFolder());
    } else {
      Changed = gitChangedLines(Diff, Options.SourceRoot);
    }
    if (!Changed)
      return usageError(toString(Changed.takeError()));
    Options.Changed = std::move(*Changed);
  }
  if (!NoCache) {
    Options.CacheDir = CacheDir.empty() ? defaultCacheDir() : std::string(CacheDir);
    Options.CacheMaxBytes = uint64_t(CacheMaxSize) << 20;
  }
  Options.Scheduler.Jobs =
      Jobs ? Jobs : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Options.Scheduler.TimeoutSeconds = Timeout;

  bool Interactive = !Quiet && sys::Process::StandardErrIsDisplayed();
  Progress P(Interactive);
  ScanProgress Hooks;
  Hooks.Begin = [&](size_t Total) { P.begin(Total); };
  Hooks.Started = [&](StringRef File) { P.started(File); };
  Hooks.Finished = [&] { P.finished(); };
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  Expected<ScanReport> Report = scan(**DB, Options, Hooks);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  P.clear();
  if (!Report)
    return usageError(toString(Report.takeError()));
  Report->ToolVersion = TETHER_VERSION;
  Report->DocsBaseUrl = TETHER_DOCS_URL;
  return finishReport(*Report);
}

int runMerge() {
  std::vector<ScanReport> Reports;
  for (const std::string &Input : MergeInputs) {
    Expected<ScanReport> R = readReport(Input);
    if (!R)
      return usageError(toString(R.takeError()));
    Reports.push_back(std::move(*R));
  }
  ScanReport Merged = mergeReports(std::move(Reports));
  if (!SourceRoot.empty())
    Merged.SourceRoot = sourceRoot();
  if (Merged.ToolVersion.empty())
    Merged.ToolVersion = TETHER_VERSION;
  Merged.DocsBaseUrl = TETHER_DOCS_URL;
  // Fingerprints travel in both formats; a report of an older Tether may
  // lack them.
  if (llvm::any_of(Merged.Findings, [](const Finding &F) { return F.Fingerprint.empty(); }))
    assignFingerprints(Merged.Findings, Merged.SourceRoot);
  return finishReport(Merged);
}
int runListChecks() {
  std::string Glob = Checks.empty() ? std::string(DefaultChecks)
                                    : std::string(DefaultChecks) + "," + Checks;
  for (const std::string &Name : registeredChecks()) {
    const CheckInfo *Info = findCheck(Name);
    outs() << formatv("{0,-34} {1,-8} {2}\n", Name,
                      isCheckEnabled(Glob, Name) ? "enabled" : "disabled",
                      Info ? StringRef(Info->Summary) : StringRef(""));
  }
  return ExitClean;
}

} // namespace

/// Prints a plugin's path, or says where it looked.
int printPlugin(const std::string &Path, StringRef What, const std::string &Self) {
  if (Path.empty())
    return usageError(formatv("the {0} is not installed next to {1} (looked in ../lib/tether "
                              "and ../lib)",
                              What, Self));
  outs() << Path << "\n";
  return ExitClean;
}

/// The LLVM libraries loaded at run time must be the release Tether was
/// built against: the checks are compiled against its ASTs and headers.
bool llvmMatches() {
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR && Minor == LLVM_VERSION_MINOR)
    return true;
  WithColor::error(errs(), "tether")
      << formatv("this tether {0} was built for LLVM {1}, but the LLVM libraries it loaded "
                 "are {2}.{3}.{4}; install LLVM {1} (Debian: libllvm{5}, libclang-cpp{5}) or "
                 "a Tether built for LLVM {2}.{3}\n",
                 TETHER_VERSION, LLVM_VERSION_STRING, Major, Minor, Patch, LLVM_VERSION_MAJOR);
  return false;
}

int main(int argc, char **argv) {
  if (!llvmMatches())
    return ExitUsage;
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "tether " << version() << "\n"; });
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "Tether: finds concurrency and resource leaks in C and C++\n",
                                   &errs()))
    return ExitUsage;
  if (ScanCmd)
    return runScan();
  if (ListCmd)
    return runListChecks();
  if (MergeCmd)
    return runMerge();
  std::string Self = sys::fs::getMainExecutable(argv[0], (void *)&usageError);
  if (PrintPluginPath)
    return printPlugin(tidyPluginPath(Self), "clang-tidy plugin", Self);
  if (PrintAnalyzerPluginPath)
    return printPlugin(analyzerPluginPath(Self), "analyzer plugin", Self);
  if (DoctorCmd) {
    DoctorOptions Options;
    Options.BuildDir = BuildDir;
    Options.ProjectDir = currentFolder();
    Options.Self = Self;
    return runDoctor(Options, outs());
  }
  errs() << "usage: tether scan -p BUILD_DIR [options] [FILES...]\n"
            "       tether merge [-o FILE] [--format F] REPORTS...\n"
            "       tether doctor [-p BUILD_DIR]\n"
            "       tether --print-plugin-path | --print-analyzer-plugin-path\n"
            "       tether list-checks\n"
            "       tether --version\n"
            "Run 'tether scan --help' for the options.\n";
  return ExitUsage;
}
