//===- Common.h - Shared bits of the integration tests -------------------===//

#ifndef TETHER_TEST_INTEGRATION_COMMON_H
#define TETHER_TEST_INTEGRATION_COMMON_H

#include "support/Process.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace tether::test {

inline std::string binary(const char *Name) {
  return std::string(TETHER_BINARY_DIR) + "/bin/" + Name;
}
inline std::string plugin() {
  return std::string(TETHER_BINARY_DIR) + "/lib/libTetherTidy.so";
}

/// Writes `compile_commands.json` in \p D with one entry that compiles
/// \p File (relative to \p D) with \p Command.
inline void writeDatabase(TempDir &D, const std::string &File,
                          const std::vector<std::string> &Command) {
  llvm::json::Array Args;
  for (const std::string &A : Command)
    Args.push_back(A);
  std::string Db;
  llvm::raw_string_ostream OS(Db);
  OS << llvm::json::Value(llvm::json::Array{llvm::json::Object{
      {"directory", D.path()}, {"file", File}, {"arguments", std::move(Args)}}});
  OS.flush();
  D.write("compile_commands.json", Db);
}

/// A loop-variable capture bug and its clean twin, against the mocks.
inline const char *BuggySource = R"(#include <thread>
#include <vector>
void use(int);
void spawnAll(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
}
)";

inline const char *CleanSource = R"(#include <thread>
#include <vector>
void use(int);
void spawnAll(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([i] { use(i); });
  for (auto &w : workers)
    w.join();
}
)";

/// A std::async future abandoned after a timed-out wait (line 7 returns).
inline const char *AsyncTimeoutSource = R"(#include <chrono>
#include <future>
int slow(int);
int deadline(int q) {
  auto f = std::async(std::launch::async, slow, q);
  if (f.wait_for(std::chrono::milliseconds(5)) == std::future_status::timeout)
    return -1;
  return f.get();
}
)";

/// Line and column of the finding in BuggySource.
inline constexpr unsigned BuggyLine = 7, BuggyColumn = 36;

/// A project in a temporary folder with a compile_commands.json.
class Project {
public:
  /// Adds \p Name with \p Source and an entry in the database.
  std::string add(const std::string &Name, const std::string &Source,
                  std::vector<std::string> ExtraArgs = {}) {
    std::string Path = Dir.write(Name, Source);
    llvm::json::Array Args{"/usr/bin/c++", "-std=c++17", "-nostdinc",
                           "-nostdinc++", "-isystem", TETHER_MOCK_INCLUDE};
    for (const std::string &A : ExtraArgs)
      Args.push_back(A);
    for (const char *A : {"-c", "-o"})
      Args.push_back(A);
    Args.push_back(Name + ".o");
    Args.push_back(Name);
    Entries.push_back(llvm::json::Object{
        {"directory", Dir.path()}, {"file", Name}, {"arguments", std::move(Args)}});
    return Path;
  }
  void addRawEntry(llvm::json::Object E) { Entries.push_back(std::move(E)); }
  void writeDatabase() {
    std::string S;
    llvm::raw_string_ostream OS(S);
    OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Array(Entries)));
    OS.flush();
    Dir.write("compile_commands.json", S);
  }
  /// Scans with a result cache of the project's own (Dir/.tether-cache).
  RunResult scan(std::vector<std::string> Extra = {}) {
    writeDatabase();
    std::vector<std::string> Argv = {binary("tether"), "scan", "-p", Dir.path(), "-j2",
                                     "--cache-dir", Dir.path() + "/.tether-cache"};
    Argv.insert(Argv.end(), Extra.begin(), Extra.end());
    return run(Argv, Dir.path());
  }
  TempDir Dir;
  llvm::json::Array Entries;
};

} // namespace tether::test

#endif // TETHER_TEST_INTEGRATION_COMMON_H
