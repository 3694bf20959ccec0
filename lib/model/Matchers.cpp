//===- Matchers.cpp - AST matchers derived from the API model ------------===//

#include "model/Matchers.h"

using namespace clang::ast_matchers;

namespace tether::model {

StatementMatcher spawnSiteMatcher(const ApiModel &Model) {
  std::vector<llvm::StringRef> Classes = Model.spawnClassNames();
  std::vector<llvm::StringRef> Functions = Model.spawnFunctionNames();
  std::vector<llvm::StringRef> Emplace(ApiModel::emplaceMethodNames().begin(),
                                       ApiModel::emplaceMethodNames().end());
  return expr(anyOf(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                        ofClass(hasAnyName(Classes))))),
                    callExpr(callee(functionDecl(hasAnyName(Functions)))),
                    cxxMemberCallExpr(
                        callee(cxxMethodDecl(hasAnyName(Emplace))))),
              unless(isExpansionInSystemHeader()))
      .bind("spawn");
}

} // namespace tether::model
