//===- Finding.h - What a scan reports -----------------------------------===//
//
// A finding is one diagnostic of one check, resolved to file, line and
// column, with its notes (path events carry IsPathEvent) and fix-its. The
// worker that analyses a translation unit serialises these as JSON for the
// driver, which de-duplicates them and writes text, JSON or SARIF.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_FINDING_H
#define TETHER_DRIVER_FINDING_H

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace tether::driver {

struct Location {
  std::string File; // absolute, as the compiler saw it
  unsigned Line = 0, Column = 0;
  unsigned Offset = 0;
};

struct Note {
  Location Loc;
  std::string Message;
  /// A step of an analyzer path (SARIF codeFlows) rather than a related
  /// location.
  bool IsPathEvent = false;
};

struct FixIt {
  Location Begin, End; // End is exclusive
  std::string Replacement;
};

struct Finding {
  std::string Check;
  std::string Severity = "warning";
  std::string Message;
  Location Loc;
  std::vector<Note> Notes;
  std::vector<FixIt> Fixes;
  /// Stable identity across scans and code motion (baselines, SARIF
  /// partialFingerprints); filled in by the driver before reporting.
  std::string Fingerprint;

  /// Identity for de-duplication across translation units.
  std::string key() const;
};

/// A file a translation unit read, with a digest of the text the compiler
/// saw: what the result cache checks before reusing a result.
struct Dependency {
  std::string Path;
  std::string Digest;
};

/// What analysing one translation unit produced.
struct TUResult {
  std::string File;
  std::string Directory;
  std::vector<Finding> Findings;
  /// Set when the unit could not be analysed; Reason says why.
  bool Failed = false;
  std::string Reason;
  /// Things the user should know that did not stop the analysis (compiler
  /// flags clang does not know, dropped).
  std::vector<std::string> Remarks;
  /// Not analysed because it cannot report on the lines of interest (a
  /// pull-request scan whose changed files this unit does not include).
  bool Skipped = false;
  /// Taken from the result cache rather than analysed.
  bool Cached = false;
  /// Every file the unit read (sources, headers), for the result cache.
  std::vector<Dependency> Dependencies;
  double Seconds = 0;
  /// Peak resident memory of the worker that analysed the unit.
  uint64_t PeakMemoryKB = 0;
};

llvm::json::Value toJSON(const Location &L);
llvm::json::Value toJSON(const Finding &F);
llvm::json::Value toJSON(const TUResult &R);
bool fromJSON(const llvm::json::Value &V, Location &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Note &N, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FixIt &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, TUResult &R, llvm::json::Path P);
llvm::json::Value toJSON(const Dependency &D);
bool fromJSON(const llvm::json::Value &V, Dependency &D, llvm::json::Path P);

} // namespace tether::driver

#endif // TETHER_DRIVER_FINDING_H
