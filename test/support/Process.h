//===- Process.h - Run the real binaries from integration tests ----------===//

#ifndef TETHER_TEST_SUPPORT_PROCESS_H
#define TETHER_TEST_SUPPORT_PROCESS_H

#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace tether::test {

struct RunResult {
  int ExitCode = -1; // -1: killed or could not start
  std::string Out, Err;
};

/// Runs \p Argv (no shell) in \p Dir and waits, at most \p TimeoutSeconds.
RunResult run(const std::vector<std::string> &Argv, const std::string &Dir = "",
              unsigned TimeoutSeconds = 240);

/// A language-server child speaking JSON-RPC over stdin/stdout.
class LspSession {
public:
  LspSession(const std::vector<std::string> &Argv, const std::string &Dir);
  ~LspSession();

  void send(const llvm::json::Value &Message);
  void request(int Id, llvm::StringRef Method, llvm::json::Value Params);
  void notify(llvm::StringRef Method, llvm::json::Value Params);
  /// The next message, or nothing after \p TimeoutSeconds.
  std::optional<llvm::json::Value> receive(double TimeoutSeconds);
  /// Waits for the exit of the child; its status.
  int wait(double TimeoutSeconds);
  const std::string &stderrText();

private:
  int Pid = -1, In = -1, Out = -1, Err = -1;
  std::string Buffer, ErrText;
};

/// A fresh temporary folder, removed by the destructor.
class TempDir {
public:
  TempDir();
  ~TempDir();
  const std::string &path() const { return Path; }
  /// Writes \p Content to \p Relative (creating folders); its absolute path.
  std::string write(const std::string &Relative, const std::string &Content);

private:
  std::string Path;
};

} // namespace tether::test

#endif // TETHER_TEST_SUPPORT_PROCESS_H
