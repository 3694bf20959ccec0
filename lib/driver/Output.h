//===- Output.h - Text, JSON and SARIF reports of a scan -----------------===//

#ifndef TETHER_DRIVER_OUTPUT_H
#define TETHER_DRIVER_OUTPUT_H

#include "driver/Finding.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace tether::driver {

/// Everything a report shows: de-duplicated findings in a stable order and
/// the translation units that could not be analysed.
struct ScanReport {
  std::vector<Finding> Findings;
  std::vector<TUResult> Failures; // Failed == true
  size_t UnitsAnalysed = 0;
  std::string ToolVersion;
  /// Where relative paths in the report start (SARIF %SRCROOT%, text).
  std::string SourceRoot;
  /// Base of the links to the check documentation pages.
  std::string DocsBaseUrl;
  /// The scan stopped early (SIGINT): units were left unanalysed.
  bool Partial = false;
  /// Units in the scan, analysed or not (the denominator of a partial scan).
  size_t UnitsTotal = 0;
  /// Findings left out because the baseline lists them.
  size_t Baselined = 0;
  /// What the user should know that did not stop the scan ("dropped the
  /// compiler flag '-fconserve-stack', which clang does not know (in 3
  /// translation units)").
  std::vector<std::string> Remarks;
  /// How the scan went.
  struct Statistics {
    size_t CacheHits = 0;
    /// Units a pull-request scan did not need to analyse.
    size_t Skipped = 0;
    double Seconds = 0;
    /// The largest peak resident memory of one worker.
    uint64_t MaxWorkerMemoryKB = 0;
  } Stats;
};

/// The path of \p File relative to \p Root if it lies inside it, else
/// \p File unchanged.
std::string relativeTo(llvm::StringRef Root, llvm::StringRef File);

/// Sorts findings by file, line, column, check.
void sortFindings(std::vector<Finding> &Findings);

/// clang style: `file:line:col: warning: message [check]`, the source line
/// and a caret, then the notes the same way.
void writeText(llvm::raw_ostream &OS, const ScanReport &Report, bool Colors);
void writeJSON(llvm::raw_ostream &OS, const ScanReport &Report);
/// SARIF 2.1.0 as GitHub code scanning accepts it.
void writeSARIF(llvm::raw_ostream &OS, const ScanReport &Report);
/// GitLab's code quality report (Code Climate JSON): one issue per
/// finding, with its fingerprint, path relative to the source root and line.
void writeCodeClimate(llvm::raw_ostream &OS, const ScanReport &Report);

/// Reads back a report written by writeJSON or writeSARIF (`tether merge`).
llvm::Expected<ScanReport> readReport(llvm::StringRef Path);
/// One report of several (the shards of a scan): findings de-duplicated
/// (a header's finding reported by several shards once), counts added up.
ScanReport mergeReports(std::vector<ScanReport> Reports);

/// \p Path as a URI reference: every byte outside RFC 3986's unreserved
/// set and '/' percent-encoded (spaces, non-ASCII names).
std::string uriEncode(llvm::StringRef Path);
std::string uriDecode(llvm::StringRef Uri);

/// A self-contained static HTML report (no network access) in the folder
/// \p Dir: index.html with the summary by check and by file, and every
/// finding with its source excerpt and the path events marked step by step.
llvm::Error writeHTML(llvm::StringRef Dir, const ScanReport &Report);

} // namespace tether::driver

#endif // TETHER_DRIVER_OUTPUT_H
