//===- Engine.cpp - Analyse one translation unit with every Tether check -===//

#include "driver/Engine.h"

#include "driver/Cache.h"

#include "CheckCatalog.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#include <set>

using namespace clang;
using namespace clang::tidy;

namespace tether {
extern volatile int TetherModuleAnchorSource;
[[maybe_unused]] static int TetherModuleAnchorDestination =
    TetherModuleAnchorSource;
} // namespace tether

namespace tether::driver {

std::string tetherEntries(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Checks.split(Items, ',', -1, false);
  std::string Kept;
  for (llvm::StringRef Item : Items) {
    llvm::StringRef Pattern = Item.trim();
    Pattern.consume_front("-");
    if (!Pattern.trim().starts_with("tether"))
      continue;
    if (!Kept.empty())
      Kept += ",";
    Kept += Item.trim().str();
  }
  return Kept;
}

namespace {

class TetherOptionsProvider : public FileOptionsProvider {
public:
  using FileOptionsProvider::FileOptionsProvider;

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources =
        FileOptionsProvider::getRawOptions(FileName);
    for (OptionsSource &S : Sources)
      if (S.second != OptionsSourceTypeDefaultBinary &&
          S.second != OptionsSourceTypeCheckCommandLineOption && S.first.Checks)
        S.first.Checks = tetherEntries(*S.first.Checks);
    return Sources;
  }
};

/// Fills in line and column for an offset (the worker reads each file once).
void readLineColumn(llvm::StringRef File, unsigned Offset, Location &Loc) {
  static llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Cache;
  auto &Buf = Cache[File];
  if (!Buf) {
    auto B = llvm::MemoryBuffer::getFile(File);
    if (!B)
      return;
    Buf = std::move(*B);
  }
  llvm::StringRef Text = Buf->getBuffer();
  Offset = std::min<size_t>(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  Loc.Line = Before.count('\n') + 1;
  size_t LineStart = Before.rfind('\n');
  Loc.Column =
      Offset - (LineStart == llvm::StringRef::npos ? 0 : LineStart + 1) + 1;
}

/// Diagnostics name files as the compile command did; reports use absolute,
/// normalised paths so that findings from different units compare equal.
std::string absolutePath(llvm::StringRef File, llvm::StringRef Directory) {
  if (File.empty())
    return "";
  llvm::SmallString<256> P(File);
  if (!llvm::sys::path::is_absolute(P)) {
    P = Directory;
    llvm::sys::path::append(P, File);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

Location locate(llvm::StringRef File, unsigned Offset,
                llvm::StringRef Directory) {
  Location L;
  L.File = absolutePath(File, Directory);
  L.Offset = Offset;
  readLineColumn(L.File, Offset, L);
  return L;
}

Finding toFinding(const ClangTidyError &E, llvm::StringRef Dir) {
  // The notes of a path-sensitive check are the steps of its path.
  const CheckInfo *Info = findCheck(E.DiagnosticName);
  bool PathSensitive = Info && !Info->AnalyzerName.empty();
  Finding F;
  F.Check = E.DiagnosticName;
  F.Severity = E.DiagLevel == tooling::Diagnostic::Error ? "error" : "warning";
  F.Message = E.Message.Message;
  F.Loc = locate(E.Message.FilePath, E.Message.FileOffset, Dir);
  for (const tooling::DiagnosticMessage &N : E.Notes) {
    // clang's "(skipping N expansions in backtrace; ...)" has no place in
    // the source: a note every report format needs a location for.
    if (N.FilePath.empty())
      continue;
    Note Out;
    Out.Message = N.Message;
    Out.Loc = locate(N.FilePath, N.FileOffset, Dir);
    Out.IsPathEvent = PathSensitive;
    F.Notes.push_back(std::move(Out));
  }
  for (const auto &FileFixes : E.Message.Fix)
    for (const tooling::Replacement &R : FileFixes.second) {
      FixIt X;
      X.Begin = locate(R.getFilePath(), R.getOffset(), Dir);
      X.End = locate(R.getFilePath(), R.getOffset() + R.getLength(), Dir);
      X.Replacement = R.getReplacementText().str();
      F.Fixes.push_back(std::move(X));
    }
  return F;
}

/// Every file the compiler read, with a digest of the text it saw.
std::vector<Dependency> filesRead(const SourceManager &SM,
                                  llvm::StringRef Directory) {
  std::vector<Dependency> Reads;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    Dependency D;
    D.Path = absolutePath(It->first.getName(), Directory);
    if (std::optional<llvm::MemoryBufferRef> Text =
            It->second->getBufferIfLoaded())
      D.Digest = digest(Text->getBuffer());
    else if (auto Disk = llvm::MemoryBuffer::getFile(D.Path))
      D.Digest = digest((*Disk)->getBuffer());
    Reads.push_back(std::move(D));
  }
  llvm::sort(Reads, [](const Dependency &A, const Dependency &B) {
    return A.Path < B.Path;
  });
  return Reads;
}

class TidyAction : public ASTFrontendAction {
public:
  TidyAction(ClangTidyContext &Ctx, std::vector<Dependency> &Reads,
             std::string Directory)
      : Factory(Ctx), Reads(Reads), Directory(std::move(Directory)) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }
  void EndSourceFileAction() override {
    Reads = filesRead(getCompilerInstance().getSourceManager(), Directory);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  std::vector<Dependency> &Reads;
  std::string Directory;
};

/// Preprocesses only, to learn which files a unit reads.
class ReadsAction : public PreprocessOnlyAction {
public:
  ReadsAction(std::vector<Dependency> &Reads, std::string Directory)
      : Reads(Reads), Directory(std::move(Directory)) {}
  void EndSourceFileAction() override {
    Reads = filesRead(getCompilerInstance().getSourceManager(), Directory);
  }

private:
  std::vector<Dependency> &Reads;
  std::string Directory;
};

class ReadsActionFactory : public tooling::FrontendActionFactory {
public:
  ReadsActionFactory(std::vector<Dependency> &Reads, std::string Directory)
      : Reads(Reads), Directory(std::move(Directory)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ReadsAction>(Reads, Directory);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Consumer) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Consumer);
  }

private:
  std::vector<Dependency> &Reads;
  std::string Directory;
};

class TidyActionFactory : public tooling::FrontendActionFactory {
public:
  TidyActionFactory(ClangTidyContext &Ctx, std::vector<Dependency> &Reads,
                    std::string Directory)
      : Ctx(Ctx), Reads(Reads), Directory(std::move(Directory)) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TidyAction>(Ctx, Reads, Directory);
  }
  // As clang-tidy does: code guarded by __clang_analyzer__ is what the
  // checks see, in the driver and in the plugin alike.
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Consumer) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Consumer);
  }

private:
  ClangTidyContext &Ctx;
  std::vector<Dependency> &Reads;
  std::string Directory;
};

/// Does the unit read one of \p Files? Errs on the side of yes.
bool readsAnyOf(const std::vector<std::string> &Args, llvm::StringRef Directory,
                const std::vector<std::string> &Files) {
  std::vector<Dependency> Reads;
  ReadsActionFactory Factory(Reads, Directory.str());
  auto FM = llvm::makeIntrusiveRefCnt<FileManager>(
      FileSystemOptions{/*WorkingDir=*/Directory.str()});
  IgnoringDiagConsumer Quiet;
  tooling::ToolInvocation Invocation(Args, &Factory, FM.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Quiet);
  if (!Invocation.run() || Reads.empty())
    return true;
  llvm::StringSet<> Wanted;
  for (const std::string &F : Files)
    Wanted.insert(F);
  return llvm::any_of(Reads, [&](const Dependency &D) {
    return Wanted.contains(D.Path);
  });
}

} // namespace

std::string defaultResourceDir() { return TETHER_CLANG_RESOURCE_DIR; }

std::vector<std::string> dropUnknownOptions(std::vector<std::string> &Args) {
  std::vector<std::string> Dropped;
  if (Args.size() < 2)
    return Dropped;
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::set<unsigned> Unknown; // indices into Args
  for (const llvm::opt::Arg *A : Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getIndex() + 1);
  if (Unknown.empty())
    return Dropped;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Unknown.count(I))
      Dropped.push_back(Args[I]);
    else
      Kept.push_back(std::move(Args[I]));
  }
  Args = std::move(Kept);
  return Dropped;
}

std::vector<std::string> analysisArguments(
    const tooling::CompileCommand &Command, const EngineOptions &Options) {
  std::vector<std::string> Args = Command.CommandLine;
  dropUnknownOptions(Args);
  tooling::ArgumentsAdjuster Adjust = tooling::combineAdjusters(
      tooling::getClangStripOutputAdjuster(),
      tooling::combineAdjusters(
          tooling::getClangStripDependencyFileAdjuster(),
          tooling::combineAdjusters(tooling::getStripPluginsAdjuster(),
                                    tooling::getClangSyntaxOnlyAdjuster())));
  Args = Adjust(Args, Command.Filename);
  std::string ResourceDir =
      Options.ResourceDir.empty() ? defaultResourceDir() : Options.ResourceDir;
  bool HasResourceDir = llvm::any_of(Args, [](const std::string &A) {
    return llvm::StringRef(A).starts_with("-resource-dir");
  });
  std::vector<std::string> Extra;
  if (!HasResourceDir)
    Extra.push_back("-resource-dir=" + ResourceDir);
  // Tether reports its checks, not compiler warnings: a build's -Werror
  // (with GCC-only warning options, or code clang warns about and GCC does
  // not) must not turn the unit into one that "does not compile".
  Extra.push_back("-w");
  Extra.push_back("-fno-color-diagnostics");
  Extra.push_back("-fno-caret-diagnostics"); // no "N warnings generated."
  Extra.insert(Extra.end(), Options.ExtraArgs.begin(), Options.ExtraArgs.end());
  // Insert before a trailing "--" separator / the input, after argv[0].
  auto Pos = std::find(Args.begin(), Args.end(), std::string("--"));
  Args.insert(Pos, Extra.begin(), Extra.end());
  return Args;
}

bool isCheckEnabled(llvm::StringRef Glob, llvm::StringRef Check) {
  GlobList Checks(Glob);
  return Checks.contains(Check);
}

std::vector<std::string> registeredChecks() {
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &Module :
       ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  std::vector<std::string> Names;
  for (const auto &Entry : Factories)
    if (Entry.getKey().starts_with("tether-"))
      Names.push_back(Entry.getKey().str());
  llvm::sort(Names);
  return Names;
}

TUResult analyzeTranslationUnit(const tooling::CompileCommand &Command,
                                const EngineOptions &Options) {
  auto Start = std::chrono::steady_clock::now();
  TUResult Result;
  Result.Directory = Command.Directory;
  llvm::SmallString<256> File(Command.Filename);
  llvm::sys::fs::make_absolute(Command.Directory, File);
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  Result.File = File.str().str();

  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  Defaults.HeaderFilterRegex = Options.HeaderFilter;
  Defaults.SystemHeaders = false;
  ClangTidyOptions Overrides;
  if (!Options.Checks.empty())
    Overrides.Checks = Options.Checks;
  for (const auto &[Key, Value] : Options.CheckOptions)
    Overrides.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);

  auto FS = llvm::vfs::getRealFileSystem();
  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  if (Options.ReadConfigFiles)
    Provider = std::make_unique<TetherOptionsProvider>(
        ClangTidyGlobalOptions(), Defaults, Overrides, FS);
  else
    Provider = std::make_unique<DefaultOptionsProvider>(
        ClangTidyGlobalOptions(), Defaults.merge(Overrides, 0));

  ClangTidyContext Context(std::move(Provider));
  Context.setCurrentBuildDirectory(Command.Directory);
  ClangTidyDiagnosticConsumer Consumer(Context, nullptr,
                                       /*RemoveIncompatibleErrors=*/true,
                                       /*GetFixesFromNotes=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(), &Consumer,
                       /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);

  std::vector<std::string> Args = analysisArguments(Command, Options);
  std::vector<std::string> Original = Command.CommandLine;
  for (const std::string &Flag : dropUnknownOptions(Original))
    Result.Remarks.push_back("dropped the compiler flag '" + Flag +
                             "', which clang does not know");
  if (!Options.OnlyIfReads.empty() &&
      !readsAnyOf(Args, Command.Directory, Options.OnlyIfReads)) {
    Result.Skipped = true;
    return Result;
  }

  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions{
      /*WorkingDir=*/Command.Directory});
  TidyActionFactory Factory(Context, Result.Dependencies, Command.Directory);
  tooling::ToolInvocation Invocation(Args, &Factory, Files.get(),
                                     std::make_shared<PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Consumer);
  bool Ran = Invocation.run();
  Consumer.finish();
  std::vector<ClangTidyError> Errors = Consumer.take();

  std::vector<std::string> CompileErrors;
  for (const ClangTidyError &E : Errors) {
    if (E.DiagLevel == tooling::Diagnostic::Error &&
        llvm::StringRef(E.DiagnosticName).starts_with("clang-diagnostic")) {
      Location L =
          locate(E.Message.FilePath, E.Message.FileOffset, Command.Directory);
      CompileErrors.push_back(
          L.File.empty() ? E.Message.Message
                         : (L.File + ":" + llvm::Twine(L.Line) + ":" +
                            llvm::Twine(L.Column) + ": " + E.Message.Message)
                               .str());
      continue;
    }
    Result.Findings.push_back(toFinding(E, Command.Directory));
  }
  if (!CompileErrors.empty() || !Ran) {
    Result.Failed = true;
    Result.Reason = "the file does not compile";
    for (size_t I = 0; I < std::min<size_t>(3, CompileErrors.size()); ++I)
      Result.Reason += (I ? "; " : ": ") + CompileErrors[I];
    if (CompileErrors.size() > 3)
      Result.Reason += llvm::formatv(" (and {0} more errors)",
                                     CompileErrors.size() - 3)
                           .str();
    if (CompileErrors.empty())
      Result.Reason = "clang could not process the compile command";
    if (!Result.Findings.empty())
      Result.Reason += llvm::formatv("; {0} finding(s) on the broken code "
                                     "were withheld",
                                     Result.Findings.size())
                           .str();
    Result.Findings.clear();
    Result.Dependencies.clear();
  }
  Result.Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  return Result;
}

} // namespace tether::driver
