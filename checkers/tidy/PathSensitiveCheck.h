//===- PathSensitiveCheck.h - Analyzer checkers hosted in clang-tidy -----===//
//
// A clang-tidy check that fronts one Clang Static Analyzer checker, so that
// path-sensitive checks reach every clang-tidy host: the stock clang-tidy
// with the plugin, tether-clangd and the driver. Each check keeps its own
// clang-tidy name (`tether-handle-leak`) and maps to an analyzer name
// (`tether.HandleLeak`). All enabled path-sensitive checks of a translation
// unit share one analysis run, started by whichever of them reaches the end
// of the translation unit first, over only the functions that can reach a
// modelled API.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_TIDY_PATHSENSITIVECHECK_H
#define TETHER_CHECKERS_TIDY_PATHSENSITIVECHECK_H

#include "tidy/TetherCheck.h"

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace tether::tidy {

class PathSensitiveCheck : public TetherCheck {
public:
  PathSensitiveCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context,
                     llvm::StringRef AnalyzerName);
  ~PathSensitiveCheck() override;

  bool isLanguageVersionSupported(const clang::LangOptions &) const override {
    return true; // C and C++
  }
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onEndOfTranslationUnit() override;

  llvm::StringRef analyzerName() const { return AnalyzerName; }

  /// For the analysis host: emits under this check's name.
  clang::DiagnosticBuilder
  report(clang::SourceLocation Loc, llvm::StringRef Message,
         clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Warning) {
    return diag(Loc, Message, Level);
  }
  const model::ApiModel &apiModel() const { return model(); }

private:
  std::string AnalyzerName;
  clang::Preprocessor *PP = nullptr;
  clang::ASTContext *AST = nullptr;
};

} // namespace tether::tidy

#endif // TETHER_CHECKERS_TIDY_PATHSENSITIVECHECK_H
