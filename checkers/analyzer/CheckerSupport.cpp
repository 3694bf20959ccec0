//===- CheckerSupport.cpp - Shared by Tether's analyzer checkers ---------===//

#include "analyzer/CheckerSupport.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;

namespace tether::analyzer {

model::ModelOptions readModelOptions(const AnalyzerOptions &Opts) {
  model::ModelOptions M;
  for (const auto &F : model::ModelOptions::fields()) {
    auto It = Opts.Config.find((Package + ":" + F.Name).str());
    M.*F.Member = model::ModelOptions::parseList(
        It == Opts.Config.end() ? "" : It->second);
  }
  return M;
}

std::optional<model::SpawnSite> spawnOfLambda(const LambdaExpr *Lambda,
                                              const ParentMap &PM,
                                              const model::ApiModel &Model) {
  const Stmt *S = Lambda;
  for (unsigned Guard = 0; Guard < 8; ++Guard) {
    S = PM.getParent(S);
    if (!S)
      return std::nullopt;
    if (const auto *E = dyn_cast<Expr>(S))
      if (auto Site = Model.classifySpawn(E)) {
        const Expr *Callable = Site->Callable;
        if (Callable && Callable->IgnoreImplicit()->IgnoreParens() == Lambda)
          return Site;
        if (const auto *MTE =
                dyn_cast_or_null<MaterializeTemporaryExpr>(Callable))
          if (MTE->getSubExpr()->IgnoreImplicit() == Lambda)
            return Site;
      }
    if (!isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr,
             ParenExpr, CXXFunctionalCastExpr, CXXConstructExpr,
             ExprWithCleanups>(S))
      return std::nullopt;
  }
  return std::nullopt;
}

bool endFailedTestAssertion(const ento::CallEvent &Call,
                            ento::CheckerContext &C) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call.getDecl());
  if (!MD || MD->getOverloadedOperator() != OO_Equal ||
      model::qualifiedName(MD->getParent()) != "::testing::internal::AssertHelper")
    return false;
  C.generateSink(C.getState(), C.getPredecessor());
  return true;
}

std::string functionName(const Decl *D) {
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(D);
      MD && MD->getParent()->isLambda())
    return "the lambda";
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(D))
    return ND->getNameAsString();
  return "the function";
}

void registerCheckers(ento::CheckerRegistry &Registry) {
  Registry.addPackage(Package);
  for (const auto &F : model::ModelOptions::fields())
    Registry.addPackageOption("String", Package, F.Name, "",
                              "Tether API model: see docs/api-model.md",
                              "released");
  registerHandleCheckers(Registry);
  registerChannelCheckers(Registry);
  registerTokenCheckers(Registry);
}

} // namespace tether::analyzer
