//===- Matchers.h - AST matchers derived from the API model --------------===//
//
// The tidy checks register these instead of spelling API names themselves,
// so that the matchers and the model's classification always agree.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_MODEL_MATCHERS_H
#define TETHER_MODEL_MATCHERS_H

#include "model/ApiModel.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace tether::model {

/// Matches every expression that ApiModel::classifySpawn may recognise: spawn
/// class constructions, spawn function and method calls, and emplace calls,
/// outside system headers. Bind name: "spawn".
clang::ast_matchers::StatementMatcher spawnSiteMatcher(const ApiModel &Model);

} // namespace tether::model

#endif // TETHER_MODEL_MATCHERS_H
