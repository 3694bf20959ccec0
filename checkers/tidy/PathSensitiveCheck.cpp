//===- PathSensitiveCheck.cpp - Analyzer checkers hosted in clang-tidy ---===//
//
// The analysis host. At the end of a translation unit it builds a throw-away
// CompilerInstance that borrows the host's Preprocessor, ASTContext,
// SourceManager and DiagnosticsEngine, and runs the analyzer with Tether's
// checkers registered in-process. Lessons from shared/spike/: erase the
// `model-path` config key, use PD_NONE, restore warnings-as-errors
// afterwards, and feed declarations from the traversal scope (clangd: the
// main file's top-level declarations).
//
// Cost: before anything else, one AST walk finds the functions that call a
// modelled handle API directly or through callees defined in this TU; only
// those become analysis entry points, so files that touch no handle cost a
// walk and nothing more. A crash inside the analysis is contained by
// llvm::CrashRecoveryContext where the host enables it (tether-clangd); the
// driver isolates every translation unit in its own process anyway.
//
//===----------------------------------------------------------------------===//

#include "tidy/PathSensitiveCheck.h"

#include "analyzer/TetherCheckers.h"
#include "model/ChannelModel.h"
#include "model/HandleModel.h"
#include "model/TokenModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Frontend/AnalysisConsumer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/CrashRecoveryContext.h"

#include <mutex>

using namespace clang;
using namespace clang::ast_matchers;

namespace tether::tidy {
namespace {

/// The path-sensitive checks of each translation unit being processed,
/// keyed by its Preprocessor (clangd builds several at once).
struct HostEntry {
  std::vector<PathSensitiveCheck *> Checks;
  bool Ran = false;
};
std::mutex HostsMutex;
llvm::DenseMap<const Preprocessor *, HostEntry> &hosts() {
  static llvm::DenseMap<const Preprocessor *, HostEntry> Hosts;
  return Hosts;
}

/// Finds the function definitions that can reach a modelled handle API:
/// directly, or through callees defined in this translation unit (which the
/// analyzer would inline).
class RelevantFunctions : public RecursiveASTVisitor<RelevantFunctions> {
public:
  RelevantFunctions(const model::ChannelModel &Channels,
                    const model::TokenModel &Tokens)
      : Channels(Channels), Tokens(Tokens) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseFunctionDecl(FunctionDecl *FD) { return traverseFunction(FD, [&] {
      return RecursiveASTVisitor::TraverseFunctionDecl(FD); }); }
  bool TraverseCXXMethodDecl(CXXMethodDecl *MD) { return traverseFunction(MD, [&] {
      return RecursiveASTVisitor::TraverseCXXMethodDecl(MD); }); }
  bool TraverseCXXConstructorDecl(CXXConstructorDecl *CD) { return traverseFunction(CD, [&] {
      return RecursiveASTVisitor::TraverseCXXConstructorDecl(CD); }); }
  bool TraverseCXXDestructorDecl(CXXDestructorDecl *DD) { return traverseFunction(DD, [&] {
      return RecursiveASTVisitor::TraverseCXXDestructorDecl(DD); }); }

  bool VisitCallExpr(CallExpr *CE) {
    if (Current.empty())
      return true;
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return true;
    if ((Callee->getIdentifier() &&
         model::isHandleFunction(Callee->getName()) &&
         Callee->getDeclContext()->getRedeclContext()->isTranslationUnit()) ||
        Channels.mentionsChannel(Callee) || Tokens.mentionsToken(Callee))
      Direct.insert(Current.back());
    Calls[Current.back()].push_back(Callee->getCanonicalDecl());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (Current.empty())
      return true;
    Calls[Current.back()].push_back(CE->getConstructor()->getCanonicalDecl());
    if (Channels.channelClass(CE->getConstructor()->getParent()))
      Direct.insert(Current.back());
    return true;
  }

  /// The definitions to analyse (those walked as entry points), in the
  /// order they were seen. Callees defined elsewhere (headers) are walked
  /// on demand to learn whether they reach a handle API.
  std::vector<FunctionDecl *> relevant() {
    size_t EntryPoints = Definitions.size();
    for (bool Grew = true; Grew;) {
      Grew = false;
      std::vector<const FunctionDecl *> Pending;
      for (const auto &[Caller, Callees] : Calls)
        for (const FunctionDecl *Callee : Callees)
          if (!Walked.contains(Callee))
            Pending.push_back(Callee);
      for (const FunctionDecl *Callee : Pending) {
        if (!Walked.insert(Callee).second)
          continue;
        if (const FunctionDecl *Def = Callee->getDefinition()) {
          TraverseDecl(const_cast<FunctionDecl *>(Def));
          Grew = true;
        }
      }
    }
    llvm::DenseSet<const FunctionDecl *> Reaches(Direct.begin(), Direct.end());
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[Caller, Callees] : Calls)
        if (!Reaches.contains(Caller))
          for (const FunctionDecl *Callee : Callees)
            if (Reaches.contains(Callee)) {
              Reaches.insert(Caller);
              Changed = true;
              break;
            }
    }
    std::vector<FunctionDecl *> Out;
    for (size_t I = 0; I < EntryPoints; ++I)
      if (Reaches.contains(Definitions[I]->getCanonicalDecl()))
        Out.push_back(Definitions[I]);
    return Out;
  }

private:
  template <typename Fn> bool traverseFunction(FunctionDecl *FD, Fn Traverse) {
    bool IsDefinition = FD->doesThisDeclarationHaveABody() &&
                        !FD->isDependentContext();
    if (IsDefinition) {
      Current.push_back(FD->getCanonicalDecl());
      Definitions.insert(FD);
      Walked.insert(FD->getCanonicalDecl());
    }
    bool Result = Traverse();
    if (IsDefinition)
      Current.pop_back();
    return Result;
  }

  const model::ChannelModel &Channels;
  const model::TokenModel &Tokens;
  llvm::SmallVector<const FunctionDecl *, 8> Current;
  llvm::SetVector<FunctionDecl *> Definitions;
  llvm::DenseSet<const FunctionDecl *> Walked; // canonical declarations
  llvm::DenseSet<const FunctionDecl *> Direct;
  llvm::DenseMap<const FunctionDecl *, std::vector<const FunctionDecl *>> Calls;
};

/// Routes analyzer reports to the clang-tidy check that fronts their
/// checker: the warning, then every path event as a note.
class ToChecks : public ento::PathDiagnosticConsumer {
public:
  explicit ToChecks(llvm::ArrayRef<PathSensitiveCheck *> Checks)
      : Checks(Checks.begin(), Checks.end()) {}

  void FlushDiagnosticsImpl(std::vector<const ento::PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const ento::PathDiagnostic *PD : Diags) {
      PathSensitiveCheck *Owner = nullptr;
      for (PathSensitiveCheck *C : Checks)
        if (C->analyzerName() == PD->getCheckerName())
          Owner = C;
      if (!Owner)
        continue;
      SourceLocation Loc = PD->getLocation().asLocation();
      {
        auto D = Owner->report(Loc, PD->getShortDescription());
        if (!PD->path.empty())
          for (SourceRange R : PD->path.back()->getRanges())
            D << R;
      }
      for (const auto &Piece : PD->path.flatten(/*ShouldFlattenMacros=*/true)) {
        SourceLocation PL = Piece->getLocation().asLocation();
        // The last event repeats the warning itself.
        if (PL == Loc && Piece->getString() == PD->getShortDescription())
          continue;
        Owner->report(PL, Piece->getString(), DiagnosticIDs::Note);
      }
    }
  }
  StringRef getName() const override { return "TetherAnalysisHost"; }
  bool supportsLogicalOpControlFlow() const override { return true; }
  bool supportsCrossFileDiagnostics() const override { return true; }

private:
  std::vector<PathSensitiveCheck *> Checks;
};

void runAnalysis(ASTContext &AST, Preprocessor &PP,
                 llvm::ArrayRef<PathSensitiveCheck *> Checks) {
  DiagnosticsEngine &Diags = PP.getDiagnostics();
  if (Diags.hasErrorOccurred())
    return; // the analyzer does not run on broken code

  // Entry points are the main file's functions (the analyzer analyses only
  // those as top-level functions); headers are walked only where a main-file
  // function calls into them.
  const SourceManager &SM = AST.getSourceManager();
  auto InMainFile = [&](const Decl *D) {
    return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
  };
  RelevantFunctions Finder(Checks.front()->apiModel().channels(),
                           Checks.front()->apiModel().tokens());
  for (Decl *D : AST.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(D)) {
      for (Decl *Top : TU->decls())
        if (InMainFile(Top))
          Finder.TraverseDecl(Top);
    } else {
      Finder.TraverseDecl(D);
    }
  }
  std::vector<FunctionDecl *> EntryPoints = Finder.relevant();
  if (EntryPoints.empty())
    return;

  CompilerInstance CI;
  const char *Args[] = {"-x", "c++", "-fsyntax-only", "tether-analysis.cc"};
  CompilerInvocation::CreateFromArgs(CI.getInvocation(), Args, Diags);
  CI.getLangOpts() = AST.getLangOpts();
  CI.setDiagnostics(&Diags);
  CI.setPreprocessor(std::shared_ptr<Preprocessor>(&PP, [](Preprocessor *) {}));
  CI.setFileManager(&AST.getSourceManager().getFileManager());
  CI.setSourceManager(&AST.getSourceManager());
  CI.setASTContext(&AST);

  AnalyzerOptions &Opts = CI.getAnalyzerOpts();
  // CreateFromArgs filled every default, including "model-path", whose mere
  // presence makes the consumer set up a model injector we cannot support.
  Opts.Config.erase("model-path");
  Opts.AnalysisDiagOpt = PD_NONE;
  // Inlining the C++ standard library costs most of the analysis time on
  // C++ handle code (bench/README.md) and finds nothing more: a handle
  // passed into it is treated as handed over either way.
  Opts.MayInlineCXXStandardLibrary = false; // c++-stdlib-inlining
  // Constant fan-outs are counted to the end (the channel checkers turn
  // this on in clang --analyze too).
  Opts.ShouldUnrollLoops = true; // unroll-loops
  Opts.CheckersAndPackages.clear();
  for (PathSensitiveCheck *C : Checks)
    Opts.CheckersAndPackages.emplace_back(C->analyzerName().str(), true);
  const model::ModelOptions &M = Checks.front()->apiModel().options();
  for (const auto &F : model::ModelOptions::fields())
    Opts.Config[(analyzer::Package + ":" + F.Name).str()] =
        model::ModelOptions::formatList(M.*F.Member);

  bool WasWerror = Diags.getWarningsAsErrors();
  std::unique_ptr<ento::AnalysisASTConsumer> Consumer =
      ento::CreateAnalysisConsumer(CI);
  Consumer->AddCheckerRegistrationFn(analyzer::registerCheckers);
  Consumer->AddDiagnosticConsumer(new ToChecks(Checks));
  Consumer->Initialize(AST);
  for (FunctionDecl *FD : EntryPoints)
    Consumer->HandleTopLevelDecl(DeclGroupRef(FD));

  llvm::CrashRecoveryContext Recovery;
  bool Completed = Recovery.RunSafely([&] { Consumer->HandleTranslationUnit(AST); });
  Diags.setWarningsAsErrors(WasWerror); // CreateAnalysisConsumer clears it
  if (!Completed) {
    // Only reachable where the host enabled crash recovery: say so rather
    // than take the editor down. The consumer's state is unknown; leak it.
    (void)Consumer.release();
    Checks.front()->report(
        AST.getSourceManager().getLocForStartOfFile(
            AST.getSourceManager().getMainFileID()),
        "the path-sensitive analysis of this file crashed; its findings are "
        "incomplete");
  } else {
    Consumer.reset();
  }
  CI.setASTContext(nullptr);
  CI.setPreprocessor(nullptr);
  CI.setSourceManager(nullptr);
  CI.setFileManager(nullptr);
}

} // namespace

PathSensitiveCheck::PathSensitiveCheck(llvm::StringRef Name,
                                       clang::tidy::ClangTidyContext *Context,
                                       llvm::StringRef AnalyzerName)
    : TetherCheck(Name, Context), AnalyzerName(AnalyzerName) {}

PathSensitiveCheck::~PathSensitiveCheck() {
  std::lock_guard<std::mutex> Lock(HostsMutex);
  auto It = hosts().find(PP);
  if (It == hosts().end())
    return;
  llvm::erase(It->second.Checks, this);
  if (It->second.Checks.empty())
    hosts().erase(It);
}

void PathSensitiveCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *ThePP,
                                             Preprocessor *) {
  PP = ThePP;
  std::lock_guard<std::mutex> Lock(HostsMutex);
  HostEntry &E = hosts()[PP];
  E.Checks.push_back(this);
  E.Ran = false;
}

void PathSensitiveCheck::registerMatchers(MatchFinder *Finder) {
  // Only to get hold of the ASTContext: checks have no other access to it.
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
}

void PathSensitiveCheck::check(const MatchFinder::MatchResult &Result) {
  AST = Result.Context;
}

void PathSensitiveCheck::onEndOfTranslationUnit() {
  std::vector<PathSensitiveCheck *> Checks;
  {
    std::lock_guard<std::mutex> Lock(HostsMutex);
    auto It = hosts().find(PP);
    if (It == hosts().end() || It->second.Ran)
      return;
    It->second.Ran = true;
    Checks = It->second.Checks;
  }
  // The first check of this TU to get here runs the analysis for all; any
  // of them may have seen the ASTContext (they match the same nodes).
  ASTContext *Context = nullptr;
  for (PathSensitiveCheck *C : Checks)
    if (C->AST)
      Context = C->AST;
  if (Context && PP)
    runAnalysis(*Context, *PP, Checks);
}

} // namespace tether::tidy
