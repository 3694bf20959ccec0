//===- TetherCheckers.h - Tether's Clang Static Analyzer checkers --------===//
//
// The path-sensitive checkers, registered under analyzer names
// (`tether.HandleLeak`) both by the analyzer plugin (clang --analyze) and by
// the analysis host inside the clang-tidy module (clang-tidy, clangd, the
// driver), where each runs under its clang-tidy name (`tether-handle-leak`).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_ANALYZER_TETHERCHECKERS_H
#define TETHER_CHECKERS_ANALYZER_TETHERCHECKERS_H

#include "llvm/ADT/StringRef.h"

namespace clang::ento {
class CheckerRegistry;
} // namespace clang::ento

namespace tether::analyzer {

/// The analyzer package of every Tether checker; its options hold the API
/// model's options (`-analyzer-config tether:SpawnFunctions=...`).
inline constexpr llvm::StringLiteral Package = "tether";

/// Adds every Tether checker, its hidden modeling dependency and the
/// package options to \p Registry.
void registerCheckers(clang::ento::CheckerRegistry &Registry);

} // namespace tether::analyzer

#endif // TETHER_CHECKERS_ANALYZER_TETHERCHECKERS_H
