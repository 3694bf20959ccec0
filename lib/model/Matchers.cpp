//===- Matchers.cpp - AST matchers derived from the API model ------------===//

#include "model/Matchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace tether::model {
namespace {

/// A member call the model classifies as a spawn: a table method (or one
/// overriding it), an inferred thread pool method, or an emplace into a
/// container of a spawn class. Asks the model itself, so the two agree.
AST_MATCHER_P(CXXMemberCallExpr, isSpawnMethodCall, const ApiModel *, Model) {
  return Node.getNumArgs() > 0 && Model->classifySpawn(&Node).has_value();
}

} // namespace

StatementMatcher spawnSiteMatcher(const ApiModel &Model) {
  std::vector<llvm::StringRef> Classes = Model.spawnClassNames();
  std::vector<llvm::StringRef> Functions = Model.spawnFunctionNames();
  for (llvm::StringRef Factory : ApiModel::constructingFactoryNames())
    Functions.push_back(Factory);
  return expr(unless(isExpansionInSystemHeader()),
              anyOf(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                        ofClass(hasAnyName(Classes))))),
                    callExpr(callee(functionDecl(hasAnyName(Functions)))),
                    cxxMemberCallExpr(isSpawnMethodCall(&Model))))
      .bind("spawn");
}

} // namespace tether::model
