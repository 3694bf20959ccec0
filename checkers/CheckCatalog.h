//===- CheckCatalog.h - What each Tether check is, for users -------------===//
//
// One entry per registered check: its user-facing name, a one-line summary
// (SARIF rule metadata, `tether list-checks`) and, for path-sensitive
// checks, the analyzer checker name used by `clang --analyze`. A test keeps
// this catalog, the module registration, the doc pages and the corpus in
// step.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKERS_CHECKCATALOG_H
#define TETHER_CHECKERS_CHECKCATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace tether {

struct CheckInfo {
  llvm::StringLiteral Name;
  llvm::StringLiteral Summary;
  /// `tether.Xxx` for checks that also ship in the analyzer plugin.
  llvm::StringLiteral AnalyzerName;
};

llvm::ArrayRef<CheckInfo> checkCatalog();
const CheckInfo *findCheck(llvm::StringRef Name);

} // namespace tether

#endif // TETHER_CHECKERS_CHECKCATALOG_H
