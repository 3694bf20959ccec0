//===- Main.cpp - tether: scan a codebase for concurrency leaks ----------===//
//
//   tether scan -p BUILD_DIR [FILES...]   analyse compile_commands.json
//   tether list-checks                     the checks and whether enabled
//   tether --version
//
// Exit codes: 0 no findings, 1 findings, 2 usage or configuration error,
// 3 some translation units could not be analysed (findings from the others
// are still reported). See docs/usage/driver.md.
//
//===----------------------------------------------------------------------===//

#include "CheckCatalog.h"
#include "driver/Engine.h"
#include "driver/Output.h"
#include "driver/Scheduler.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
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
#include <unistd.h>

using namespace llvm;
using namespace tether;
using namespace tether::driver;
namespace cl = llvm::cl;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitFailedUnits = 3 };
enum class Format { Text, JSON, SARIF };
enum class ColorMode { Auto, Always, Never };

cl::OptionCategory Category("tether options");
cl::SubCommand ScanCmd("scan", "Analyse the translation units of a compilation database");
cl::SubCommand ListCmd("list-checks", "List the checks and whether they are enabled");

cl::opt<std::string> BuildDir("p", cl::desc("Build folder that holds compile_commands.json"),
                              cl::value_desc("BUILD_DIR"), cl::sub(ScanCmd), cl::cat(Category));
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
cl::opt<Format> OutputFormat("format", cl::desc("Output format"),
                             cl::values(clEnumValN(Format::Text, "text", "clang-style text"),
                                        clEnumValN(Format::JSON, "json", "JSON"),
                                        clEnumValN(Format::SARIF, "sarif", "SARIF 2.1.0")),
                             cl::init(Format::Text), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to FILE"), cl::value_desc("FILE"),
                                cl::sub(ScanCmd), cl::cat(Category));
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
                                cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter",
                                  cl::desc("Report findings in headers matching this regex "
                                           "(default: .*; system headers never)"),
                                  cl::init(".*"), cl::sub(ScanCmd), cl::cat(Category));
cl::opt<std::string> ResourceDir("resource-dir", cl::desc("clang's resource directory"),
                                 cl::sub(ScanCmd), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress line and no summary"), cl::sub(ScanCmd),
                    cl::cat(Category));

std::string version() {
  return formatv("{0} (LLVM {1})", TETHER_VERSION, LLVM_VERSION_STRING).str();
}

int usageError(const Twine &Message) {
  WithColor::error(errs(), "tether") << Message << "\n";
  return ExitUsage;
}

/// Loads the database, or says precisely what is wrong with it.
std::unique_ptr<clang::tooling::CompilationDatabase> loadDatabase(std::string &Path,
                                                                  std::string &Error) {
  if (Path.empty()) {
    if (BuildDir.empty()) {
      Error = "no compilation database: pass -p BUILD_DIR or --compile-commands FILE";
      return nullptr;
    }
    SmallString<256> P(BuildDir);
    sys::path::append(P, "compile_commands.json");
    Path = std::string(P);
  }
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = formatv("cannot read the compilation database '{0}': {1}", Path,
                    Buffer.getError().message());
    return nullptr;
  }
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    Error = formatv("the compilation database '{0}' is not valid JSON: {1}", Path,
                    toString(Parsed.takeError()));
    return nullptr;
  }
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries) {
    Error = formatv("the compilation database '{0}' must be a JSON array of entries", Path);
    return nullptr;
  }
  for (size_t I = 0; I < Entries->size(); ++I) {
    const json::Object *E = (*Entries)[I].getAsObject();
    if (!E || !E->getString("file") || !E->getString("directory") ||
        (!E->getString("command") && !E->getArray("arguments"))) {
      Error = formatv("the compilation database '{0}': entry {1} needs \"directory\", "
                      "\"file\" and \"command\" or \"arguments\"",
                      Path, I);
      return nullptr;
    }
  }
  std::string LoadError;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Path, LoadError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    Error = formatv("cannot load the compilation database '{0}': {1}", Path, LoadError);
  return DB;
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
  Progress(size_t Total, bool Enabled) : Total(Total), Enabled(Enabled) {
    Start = std::chrono::steady_clock::now();
  }
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
  size_t Total, Done = 0;
  bool Enabled, Drawn = false;
  std::string Current;
  std::chrono::steady_clock::time_point Start;
};

int runScan() {
  EngineOptions Engine;
  Engine.Checks = Checks;
  Engine.HeaderFilter = HeaderFilter;
  Engine.ResourceDir = ResourceDir;
  if (!collectCheckOptions(Engine))
    return ExitUsage;

  std::string DBPath = DatabaseFile;
  std::string Error;
  auto DB = loadDatabase(DBPath, Error);
  if (!DB)
    return usageError(Error);

  std::vector<clang::tooling::CompileCommand> Commands;
  if (Files.empty()) {
    Commands = DB->getAllCompileCommands();
  } else {
    for (const std::string &F : Files) {
      SmallString<256> Abs(F);
      sys::fs::make_absolute(Abs);
      sys::path::remove_dots(Abs, true);
      std::vector<clang::tooling::CompileCommand> ForFile = DB->getCompileCommands(Abs);
      if (ForFile.empty())
        return usageError(formatv("'{0}' is not in the compilation database '{1}'", F, DBPath));
      Commands.insert(Commands.end(), ForFile.begin(), ForFile.end());
    }
  }
  // One analysis per distinct (file, directory, arguments).
  StringSet<> Seen;
  std::vector<clang::tooling::CompileCommand> Unique;
  for (auto &C : Commands) {
    std::string Key = C.Directory + "\x1f" + C.Filename + "\x1f" + join(C.CommandLine, "\x1f");
    if (Seen.insert(Key).second)
      Unique.push_back(std::move(C));
  }
  Commands = std::move(Unique);
  if (Commands.empty())
    return usageError(formatv("the compilation database '{0}' has no entries", DBPath));

  SchedulerOptions Sched;
  Sched.Jobs = Jobs ? Jobs : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Sched.TimeoutSeconds = Timeout;

  bool Interactive = !Quiet && sys::Process::StandardErrIsDisplayed();
  Progress P(Commands.size(), Interactive);
  ScanReport Report;
  Report.ToolVersion = TETHER_VERSION;
  Report.DocsBaseUrl = TETHER_DOCS_URL;
  if (!SourceRoot.empty()) {
    SmallString<256> Root(SourceRoot);
    sys::fs::make_absolute(Root);
    sys::path::remove_dots(Root, true);
    Report.SourceRoot = std::string(Root);
  } else {
    SmallString<256> Cwd;
    if (!sys::fs::current_path(Cwd))
      Report.SourceRoot = std::string(Cwd);
  }
  StringSet<> FindingKeys;
  runIsolated(
      Commands, Engine, Sched, [&](size_t I) { P.started(Commands[I].Filename); },
      [&](size_t, TUResult R) {
        P.finished();
        ++Report.UnitsAnalysed;
        for (Finding &F : R.Findings)
          if (FindingKeys.insert(F.key()).second) // headers: once
            Report.Findings.push_back(std::move(F));
        if (R.Failed)
          Report.Failures.push_back(std::move(R));
      });
  P.clear();
  sortFindings(Report.Findings);
  llvm::sort(Report.Failures,
             [](const TUResult &A, const TUResult &B) { return A.File < B.File; });

  std::unique_ptr<raw_fd_ostream> FileOut;
  raw_ostream *OS = &outs();
  if (!OutputFile.empty()) {
    std::error_code EC;
    FileOut = std::make_unique<raw_fd_ostream>(OutputFile, EC, sys::fs::OF_Text);
    if (EC)
      return usageError(formatv("cannot write '{0}': {1}", OutputFile, EC.message()));
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
  }
  OS->flush();

  for (const TUResult &F : Report.Failures)
    WithColor::error(errs(), "tether") << "could not analyse " << F.File << ": " << F.Reason
                                       << "\n";
  if (!Quiet) {
    StringSet<> FilesWithFindings;
    for (const Finding &F : Report.Findings)
      FilesWithFindings.insert(F.Loc.File);
    errs() << formatv("tether: {0} finding(s) in {1} file(s); {2} translation unit(s) "
                      "analysed, {3} could not be analysed\n",
                      Report.Findings.size(), FilesWithFindings.size(),
                      Report.UnitsAnalysed - Report.Failures.size(), Report.Failures.size());
  }
  if (!Report.Failures.empty())
    return ExitFailedUnits;
  return Report.Findings.empty() ? ExitClean : ExitFindings;
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

int main(int argc, char **argv) {
  cl::SetVersionPrinter([](raw_ostream &OS) { OS << "tether " << version() << "\n"; });
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "Tether: finds concurrency and resource leaks in C++\n",
                                   &errs()))
    return ExitUsage;
  if (ScanCmd)
    return runScan();
  if (ListCmd)
    return runListChecks();
  errs() << "usage: tether scan -p BUILD_DIR [options] [FILES...]\n"
            "       tether list-checks\n"
            "       tether --version\n"
            "Run 'tether scan --help' for the options.\n";
  return ExitUsage;
}
