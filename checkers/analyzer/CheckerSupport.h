//===- CheckerSupport.h - Shared by Tether's analyzer checkers -----------===//

#ifndef TETHER_CHECKERS_ANALYZER_CHECKERSUPPORT_H
#define TETHER_CHECKERS_ANALYZER_CHECKERSUPPORT_H

#include "analyzer/TetherCheckers.h"
#include "model/ApiModel.h"

#include <optional>
#include <string>

namespace clang {
class AnalyzerOptions;
namespace ento {
class CallEvent;
class CheckerContext;
} // namespace ento
class Decl;
class LambdaExpr;
class ParentMap;
} // namespace clang

namespace tether::analyzer {

/// The API model's options, read from the analyzer package options
/// (`-analyzer-config tether:SpawnFunctions=...`).
model::ModelOptions readModelOptions(const clang::AnalyzerOptions &Opts);

/// The spawn site whose callable is \p Lambda, if the lambda is written as
/// the argument of a spawn API (through temporaries and conversions).
std::optional<model::SpawnSite> spawnOfLambda(const clang::LambdaExpr *Lambda,
                                              const clang::ParentMap &PM,
                                              const model::ApiModel &Model);

/// Ends the path at a failed GoogleTest assertion (the call of
/// `testing::internal::AssertHelper::operator=` that records it; a fatal
/// `ASSERT_*` then returns). The test has failed on that path: a handle or
/// token it leaves behind is noise. Returns true when the path was ended.
bool endFailedTestAssertion(const clang::ento::CallEvent &Call,
                            clang::ento::CheckerContext &C);

/// How messages name a function: its name, or "the lambda".
std::string functionName(const clang::Decl *D);

/// Each checker family adds itself (HandleChecker.cpp, ChannelChecker.cpp,
/// TokenChecker.cpp).
void registerHandleCheckers(clang::ento::CheckerRegistry &Registry);
void registerChannelCheckers(clang::ento::CheckerRegistry &Registry);
void registerTokenCheckers(clang::ento::CheckerRegistry &Registry);

} // namespace tether::analyzer

#endif // TETHER_CHECKERS_ANALYZER_CHECKERSUPPORT_H
