//===- Database.h - compile_commands.json, read entry by entry -----------===//
//
// A build of tens of thousands of translation units writes a database of
// tens of megabytes. Tether maps the file and keeps, per entry, only where it
// lies in the file and the path of its source; an entry is parsed into a
// CompileCommand when a worker is about to analyse it. Entries are checked
// when the database is opened, so a broken one is reported before any work
// starts.
//
// What real databases contain and this reads as the build meant it:
// `arguments` or a shell-quoted `command`; a relative `directory` (relative
// to the database's folder) and a relative `file` (relative to `directory`);
// compiler launchers in front of the compiler (ccache, sccache, distcc,
// icecc), which are dropped.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_DATABASE_H
#define TETHER_DRIVER_DATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <string>
#include <vector>

namespace tether::driver {

class CompileDatabase {
public:
  /// Opens and checks \p Path; the error names the file, the entry and what
  /// is wrong with it.
  static llvm::Expected<std::unique_ptr<CompileDatabase>>
  open(llvm::StringRef Path);

  /// Entries in the file's order.
  size_t size() const { return Entries.size(); }
  /// The absolute, normalised path of entry \p I's source file.
  llvm::StringRef file(size_t I) const { return Entries[I].File; }
  /// Entry \p I as a compile command (absolute directory and file).
  clang::tooling::CompileCommand command(size_t I) const;
  /// A digest of entry \p I's directory, file and arguments: equal digests,
  /// one analysis.
  const std::string &identity(size_t I) const { return Entries[I].Identity; }

  llvm::StringRef path() const { return Path; }

private:
  struct Entry {
    size_t Offset = 0, Length = 0; // the entry's JSON object in Buffer
    std::string File;
    std::string Identity;
  };
  std::string Path, Folder;
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  std::vector<Entry> Entries;

  llvm::Error index();
};

/// Parses one database entry (a JSON object's text) relative to the
/// database's folder \p Folder.
llvm::Expected<clang::tooling::CompileCommand>
parseEntry(llvm::StringRef Json, llvm::StringRef Folder);

/// Drops compiler launchers (ccache, sccache, distcc, icecc) from the front
/// of a command line.
void dropLaunchers(std::vector<std::string> &Args);

} // namespace tether::driver

#endif // TETHER_DRIVER_DATABASE_H
