//===- Cache.h - Results of earlier analyses, reused when nothing changed -===//
//
// A translation unit's findings are determined by the text of every file it
// reads, its compile arguments, the Tether build that analyses it, and the
// enabled checks and their options (command line, --config-file and the
// .clang-tidy files above the source). The cache key covers everything but
// the files' text; each entry records the files the unit read with a digest
// of their text, and a lookup reuses the entry only if every one of them
// still has that digest. So touching one header re-analyses exactly the
// units that read it.
//
// Entries are written to a temporary file and renamed into place, so a scan
// killed at any moment leaves either no entry or a whole one; each entry
// carries a digest of its own payload, so an entry damaged in any other way
// is never read back (it counts as a miss). Concurrent scans may write the
// same entry; the last rename wins and both are whole. The cache is trimmed
// to its size bound after each scan, least recently used entries first.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_CACHE_H
#define TETHER_DRIVER_CACHE_H

#include "driver/Engine.h"
#include "driver/Finding.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace tether::driver {

/// The default cache folder: $TETHER_CACHE_DIR, else $XDG_CACHE_HOME/tether,
/// else ~/.cache/tether.
std::string defaultCacheDir();

/// A digest of \p Text (BLAKE3, 128 bits, hex).
std::string digest(llvm::StringRef Text);

class ResultCache {
public:
  /// \p ToolIdentity names the analysing build (version and a digest of the
  /// binary), so a rebuilt Tether never reuses an older build's results.
  ResultCache(std::string Dir, uint64_t MaxBytes, std::string ToolIdentity);

  /// The key of \p Command's result under \p Options.
  std::string key(const clang::tooling::CompileCommand &Command,
                  const EngineOptions &Options);

  /// The stored result for \p Key if every file it read is unchanged.
  std::optional<TUResult> lookup(const std::string &Key);
  /// The files the stored result for \p Key read, changed or not (a
  /// pull-request scan asks whether a unit can see a changed file).
  std::optional<std::vector<Dependency>> dependencies(const std::string &Key);

  /// Stores a successful analysis (failed ones are never stored).
  void store(const std::string &Key, const TUResult &Result);

  /// Removes least recently used entries until the cache is within its
  /// bound, and temporary files left by killed scans.
  void trim();

  const std::string &dir() const { return Dir; }
  unsigned hits() const { return Hits; }
  /// A problem with the cache folder itself (not writable, say), once.
  const std::string &problem() const { return Problem; }

private:
  std::string Dir;
  uint64_t MaxBytes;
  std::string ToolIdentity;
  /// Digests of the files read during this scan, by path ("" if missing).
  llvm::StringMap<std::string> FileDigests;
  /// The .clang-tidy files above a folder and their digests, by folder.
  llvm::StringMap<std::string> ConfigDigests;
  unsigned Hits = 0;
  std::string Problem;

  std::string entryPath(const std::string &Key) const;
  std::optional<llvm::json::Value> readEntry(const std::string &Key);
  const std::string &fileDigest(llvm::StringRef Path);
  const std::string &configDigest(llvm::StringRef Folder);
};

/// A digest naming this build of Tether: version, LLVM version and the
/// running executable's contents.
std::string toolIdentity();

} // namespace tether::driver

#endif // TETHER_DRIVER_CACHE_H
