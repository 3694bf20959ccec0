//===- Doctor.cpp - tether doctor: what will go wrong, and what to do ----===//

#include "Doctor.h"

#include "driver/Database.h"

#include "llvm-c/Core.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <optional>

namespace tether {
namespace {

enum class Verdict { Ok, Warn, Fail };

class Report {
public:
  explicit Report(llvm::raw_ostream &OS) : OS(OS) {}

  void add(Verdict V, const std::string &What, const std::string &Fix = "") {
    static const char *Label[] = {"ok  ", "warn", "FAIL"};
    OS << Label[int(V)] << "  " << What << "\n";
    if (!Fix.empty()) {
      llvm::SmallVector<llvm::StringRef, 8> Lines;
      llvm::StringRef(Fix).split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        OS << "        " << L << "\n";
    }
    ++Counts[int(V)];
  }
  int finish() {
    OS << llvm::formatv("tether doctor: {0} ok, {1} warning(s), {2} problem(s)\n",
                        Counts[0], Counts[1], Counts[2]);
    return Counts[2] ? 1 : 0;
  }

private:
  llvm::raw_ostream &OS;
  unsigned Counts[3] = {0, 0, 0};
};

/// Runs \p Program with \p Args; its standard output and error, or nothing
/// if it could not run.
std::optional<std::string> capture(llvm::StringRef Program,
                                   llvm::ArrayRef<llvm::StringRef> Args,
                                   int *Status = nullptr) {
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("tether-doctor", "txt", Out))
    return std::nullopt;
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Out)};
  std::string Error;
  int Rc = llvm::sys::ExecuteAndWait(Program, Args, std::nullopt, Redirects,
                                     /*SecondsToWait=*/120, 0, &Error);
  auto Text = llvm::MemoryBuffer::getFile(Out);
  llvm::sys::fs::remove(Out);
  if (Rc < 0 || !Text)
    return std::nullopt;
  if (Status)
    *Status = Rc;
  return (*Text)->getBuffer().str();
}

/// "19.1.7" from `... version 19.1.7 ...`.
std::string versionIn(llvm::StringRef Text) {
  size_t At = Text.find("version ");
  if (At == llvm::StringRef::npos)
    return "";
  llvm::StringRef V = Text.drop_front(At + 8);
  return V.take_while([](char C) { return llvm::isDigit(C) || C == '.'; }).str();
}

std::string major(llvm::StringRef Version) {
  return Version.split('.').first.str();
}

std::string binDir(const std::string &Self) {
  return llvm::sys::path::parent_path(Self).str();
}

std::string firstExisting(std::initializer_list<std::string> Paths) {
  for (const std::string &P : Paths)
    if (llvm::sys::fs::exists(P)) {
      llvm::SmallString<256> Real;
      if (!llvm::sys::fs::real_path(P, Real))
        return std::string(Real);
      return P;
    }
  return "";
}

void checkTether(Report &R, const DoctorOptions &O) {
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  std::string Running = llvm::formatv("{0}.{1}.{2}", Major, Minor, Patch);
  if (Major != LLVM_VERSION_MAJOR || Minor != LLVM_VERSION_MINOR)
    R.add(Verdict::Fail,
          llvm::formatv("tether {0} was built for LLVM {1} but runs with LLVM {2}",
                        TETHER_VERSION, LLVM_VERSION_STRING, Running),
          "install the LLVM " LLVM_VERSION_STRING " runtime (libllvm" +
              std::to_string(LLVM_VERSION_MAJOR) + ") or a Tether built for LLVM " +
              Running);
  else
    R.add(Verdict::Ok, llvm::formatv("tether {0}, built for LLVM {1}, runs with LLVM {2}",
                                     TETHER_VERSION, LLVM_VERSION_STRING, Running));
  std::string Tidy = tidyPluginPath(O.Self), Analyzer = analyzerPluginPath(O.Self);
  if (Tidy.empty() || Analyzer.empty())
    R.add(Verdict::Fail,
          "the plugins are not next to tether (looked in " + binDir(O.Self) +
              "/../lib/tether and " + binDir(O.Self) + "/../lib)",
          "reinstall Tether: `cmake --install BUILD --prefix PREFIX` or the "
          "Debian package");
  else
    R.add(Verdict::Ok, "plugins: " + Tidy + ", " + Analyzer);
}

void checkClangTidy(Report &R, const DoctorOptions &O) {
  std::string Plugin = tidyPluginPath(O.Self);
  llvm::ErrorOr<std::string> Default = llvm::sys::findProgramByName("clang-tidy");
  std::string Wanted = "clang-tidy-" + std::to_string(LLVM_VERSION_MAJOR);
  llvm::ErrorOr<std::string> Versioned = llvm::sys::findProgramByName(Wanted);
  if (Default) {
    std::optional<std::string> Out = capture(*Default, {*Default, "--version"});
    std::string V = Out ? versionIn(*Out) : "";
    if (major(V) != std::to_string(LLVM_VERSION_MAJOR))
      R.add(Verdict::Warn,
            llvm::formatv("`clang-tidy` on the PATH ({0}) is LLVM {1}; the plugin "
                          "loads only into LLVM {2}'s clang-tidy",
                          *Default, V.empty() ? "of unknown version" : V,
                          LLVM_VERSION_MAJOR),
            "run " + Wanted + " -load \"$(tether --print-plugin-path)\" ..., or "
            "put LLVM " + std::to_string(LLVM_VERSION_MAJOR) +
                "'s bin folder (/usr/lib/llvm-" + std::to_string(LLVM_VERSION_MAJOR) +
                "/bin) first on the PATH");
  }
  if (!Versioned) {
    R.add(Verdict::Fail, Wanted + " is not installed: the clang-tidy plugin has no host",
          "sudo apt-get install " + Wanted);
    return;
  }
  if (Plugin.empty())
    return; // said above
  int Status = 0;
  std::optional<std::string> List =
      capture(*Versioned, {*Versioned, "-load", Plugin, "--checks=-*,tether-*",
                           "--list-checks"},
              &Status);
  if (List && Status == 0 && llvm::StringRef(*List).contains("tether-loop-variable-capture"))
    R.add(Verdict::Ok, *Versioned + " loads the plugin and lists Tether's checks");
  else
    R.add(Verdict::Fail, *Versioned + " cannot load " + Plugin + ": " +
                             (List ? llvm::StringRef(*List).trim().str() : "it did not run"),
          "the plugin and clang-tidy must come from the same LLVM release; "
          "check `" + Wanted + " --version` against `tether --version`");
}

void checkDatabase(Report &R, const DoctorOptions &O) {
  std::string Path;
  if (!O.BuildDir.empty()) {
    Path = O.BuildDir + "/compile_commands.json";
  } else {
    std::vector<std::string> Candidates = {O.ProjectDir + "/compile_commands.json",
                                           O.ProjectDir + "/build/compile_commands.json"};
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(O.ProjectDir, EC), End; It != End && !EC;
         It.increment(EC))
      if (It->type() == llvm::sys::fs::file_type::directory_file)
        Candidates.push_back(It->path() + "/compile_commands.json");
    for (const std::string &C : Candidates)
      if (llvm::sys::fs::exists(C)) {
        Path = C;
        break;
      }
  }
  std::string HowTo = "CMake: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON; other "
                      "builds: `bear -- make`; then `tether scan -p BUILD_DIR`";
  if (Path.empty() || !llvm::sys::fs::exists(Path)) {
    R.add(Verdict::Fail,
          Path.empty() ? "no compile_commands.json in " + O.ProjectDir +
                             ", its build/ or its subfolders"
                       : "no " + Path,
          HowTo);
    return;
  }
  auto DB = driver::CompileDatabase::open(Path);
  if (!DB) {
    R.add(Verdict::Fail, llvm::toString(DB.takeError()),
          "regenerate it with your build (" + HowTo + ")");
    return;
  }
  size_t Missing = 0;
  std::string Example;
  for (size_t I = 0; I < (*DB)->size(); ++I)
    if (!llvm::sys::fs::exists((*DB)->file(I)) && Missing++ == 0)
      Example = (*DB)->file(I).str();
  if ((*DB)->size() == 0)
    R.add(Verdict::Fail, Path + " has no entries", HowTo);
  else if (Missing)
    R.add(Verdict::Warn,
          llvm::formatv("{0}: {1} of {2} source files do not exist (e.g. {3}); the "
                        "database is stale",
                        Path, Missing, (*DB)->size(), Example),
          "rebuild or re-configure to regenerate it");
  else
    R.add(Verdict::Ok, llvm::formatv("{0}: {1} entries, every source file exists", Path,
                                     (*DB)->size()));
}

/// The value at \p Keys below \p N: a scalar as is, a sequence of scalars
/// joined with ','. Reads every node it visits to the end (the YAML parser
/// is lazy and must not be left inside a collection).
std::optional<std::string> valueAt(llvm::yaml::Node *N,
                                   llvm::ArrayRef<llvm::StringRef> Keys) {
  std::optional<std::string> Result;
  llvm::SmallString<32> Storage;
  if (Keys.empty()) {
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
      Result = S->getValue(Storage).str();
    } else if (auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N)) {
      std::string Items;
      for (llvm::yaml::Node &Item : *Seq)
        if (auto *S = llvm::dyn_cast<llvm::yaml::ScalarNode>(&Item))
          Items += S->getValue(Storage).str() + ",";
      Result = Items;
    } else if (N) {
      N->skip();
    }
    return Result;
  }
  auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N);
  if (!Map) {
    if (N)
      N->skip();
    return Result;
  }
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    auto *K = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
    if (K && K->getValue(Storage) == Keys.front()) {
      if (std::optional<std::string> V = valueAt(KV.getValue(), Keys.drop_front()))
        Result = V;
    } else {
      KV.skip();
    }
  }
  return Result;
}

/// The value at \p Keys in any document of \p Text.
std::optional<std::string> yamlValue(llvm::StringRef Text,
                                     llvm::ArrayRef<llvm::StringRef> Keys) {
  llvm::SourceMgr SM;
  llvm::yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
  std::optional<std::string> Result;
  for (llvm::yaml::Document &Doc : Stream)
    if (std::optional<std::string> V = valueAt(Doc.getRoot(), Keys))
      Result = V;
  return Result;
}

void checkClangd(Report &R, const DoctorOptions &O) {
  // The .clangd that applies to the project: the nearest one upwards.
  std::string Config;
  for (llvm::StringRef Dir = O.ProjectDir; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    std::string P = (Dir + "/.clangd").str();
    if (llvm::sys::fs::is_regular_file(P)) {
      Config = P;
      break;
    }
  }
  std::string Snippet = "Diagnostics:\n  ClangTidy:\n    Add: [tether-*]\n"
                        "    FastCheckFilter: Loose";
  if (Config.empty()) {
    R.add(Verdict::Warn,
          "no .clangd in " + O.ProjectDir + " or above: clangd 19 runs Tether's "
          "checks only with FastCheckFilter: Loose or None",
          "for editor diagnostics, create " + O.ProjectDir + "/.clangd with:\n" + Snippet);
  } else {
    auto Text = llvm::MemoryBuffer::getFile(Config);
    std::string Body = Text ? (*Text)->getBuffer().str() : "";
    std::optional<std::string> Filter =
        yamlValue(Body, {"Diagnostics", "ClangTidy", "FastCheckFilter"});
    std::optional<std::string> Add = yamlValue(Body, {"Diagnostics", "ClangTidy", "Add"});
    if (!Filter || *Filter == "Strict")
      R.add(Verdict::Warn,
            Config + ": FastCheckFilter is " + (Filter ? "Strict" : "not set (Strict)") +
                ": clangd 19 silently skips Tether's checks",
            "set it under Diagnostics/ClangTidy:\n" + Snippet);
    else if (!Add || !llvm::StringRef(*Add).contains("tether"))
      R.add(Verdict::Warn,
            Config + ": FastCheckFilter is " + *Filter +
                ", but Diagnostics/ClangTidy/Add does not name Tether's checks",
            "unless a .clang-tidy enables them, add them:\n" + Snippet);
    else
      R.add(Verdict::Ok, Config + ": clangd runs Tether's checks (FastCheckFilter: " +
                             *Filter + ")");
  }

  // The clangd an editor starts by default: the one on the PATH.
  std::string Ours = firstExisting({binDir(O.Self) + "/tether-clangd"});
  llvm::ErrorOr<std::string> OnPath = llvm::sys::findProgramByName("clangd");
  std::string PointAt =
      Ours.empty() ? std::string("tether-clangd (not found next to tether)") : Ours;
  std::string How = "point the editor at " + PointAt +
                    " (VS Code: \"clangd.path\"; Neovim: cmd = { '" + PointAt +
                    "' }), or put it on the PATH as `clangd`";
  if (!OnPath) {
    R.add(Verdict::Warn, "no `clangd` on the PATH; an editor finds none by default", How);
    return;
  }
  llvm::SmallString<256> Real;
  std::string Shown = *OnPath;
  if (!llvm::sys::fs::real_path(*OnPath, Real))
    Shown = std::string(Real);
  auto Binary = llvm::MemoryBuffer::getFile(Shown, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  bool IsTether = Binary && (*Binary)->getBuffer().contains("tether-loop-variable-capture");
  if (IsTether)
    R.add(Verdict::Ok, "`clangd` on the PATH is tether-clangd (" + Shown + ")");
  else
    R.add(Verdict::Warn,
          "`clangd` on the PATH (" + Shown + ") is not tether-clangd: editors using it "
          "show no Tether diagnostics",
          How);
}

} // namespace

std::string tidyPluginPath(const std::string &Self) {
  std::string Bin = binDir(Self);
  return firstExisting({Bin + "/../lib/tether/libTetherTidy.so",
                        Bin + "/../lib/libTetherTidy.so"});
}

std::string analyzerPluginPath(const std::string &Self) {
  std::string Bin = binDir(Self);
  return firstExisting({Bin + "/../lib/tether/libTetherAnalyzer.so",
                        Bin + "/../lib/libTetherAnalyzer.so"});
}

int runDoctor(const DoctorOptions &Options, llvm::raw_ostream &OS) {
  Report R(OS);
  checkTether(R, Options);
  checkClangTidy(R, Options);
  checkDatabase(R, Options);
  checkClangd(R, Options);
  return R.finish();
}

} // namespace tether
