//===- Scheduler.cpp - Isolated, parallel analysis of translation units --===//
//
// The parent stays single-threaded so that fork() is safe; each child runs
// one translation unit and _exit()s. stderr of a child (LLVM's crash stack
// dump, say) is captured and its last lines go into the failure reason.
//
//===----------------------------------------------------------------------===//

#include "driver/Scheduler.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tether::driver {
namespace {

volatile std::sig_atomic_t StopFlag = 0;

using Clock = std::chrono::steady_clock;

/// The unit's file as an absolute path, as the analysis reports it.
std::string unitPath(const clang::tooling::CompileCommand &Command) {
  llvm::SmallString<256> P(Command.Filename);
  if (!llvm::sys::path::is_absolute(P)) {
    P = Command.Directory;
    llvm::sys::path::append(P, Command.Filename);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

struct Worker {
  size_t Index = 0;
  pid_t Pid = -1;
  int Out = -1; // JSON result
  int Err = -1; // stderr
  std::string OutBuf, ErrBuf;
  Clock::time_point Started;
  bool TimedOut = false;
};

void writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    Data = Data.drop_front(N);
  }
}

[[noreturn]] void runChild(const clang::tooling::CompileCommand &Command,
                           const EngineOptions &Engine, int OutFd) {
  TUResult R;
  if (::chdir(Command.Directory.c_str()) != 0) {
    R.File = unitPath(Command);
    R.Directory = Command.Directory;
    R.Failed = true;
    R.Reason = "cannot enter the directory '" + Command.Directory +
               "': " + std::strerror(errno);
  } else {
    R = analyzeTranslationUnit(Command, Engine);
  }
  struct rusage Usage;
  if (::getrusage(RUSAGE_SELF, &Usage) == 0)
    R.PeakMemoryKB = Usage.ru_maxrss; // kilobytes on Linux
  std::string Json;
  llvm::raw_string_ostream OS(Json);
  OS << toJSON(R);
  OS.flush();
  writeAll(OutFd, Json);
  ::close(OutFd);
  ::_exit(0);
}

bool drain(int &Fd, std::string &Buf) {
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(Fd, Chunk, sizeof(Chunk));
    if (N > 0) {
      Buf.append(Chunk, N);
      continue;
    }
    if (N < 0 && (errno == EINTR))
      continue;
    if (N < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return false; // more later
    ::close(Fd);
    Fd = -1;
    return true; // EOF or error
  }
}

std::string lastLines(llvm::StringRef Text, unsigned Count) {
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Text.split(Lines, '\n', -1, false);
  std::vector<std::string> Kept;
  for (auto It = Lines.rbegin(); It != Lines.rend() && Kept.size() < Count;
       ++It) {
    llvm::StringRef L = It->trim();
    if (!L.empty())
      Kept.insert(Kept.begin(), L.str());
  }
  return llvm::join(Kept, " | ");
}

TUResult finish(Worker &W, const clang::tooling::CompileCommand &Command,
                int Status) {
  TUResult R;
  if (!W.TimedOut && WIFEXITED(Status) && WEXITSTATUS(Status) == 0) {
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(W.OutBuf);
    llvm::json::Path::Root Root;
    if (V && fromJSON(*V, R, Root))
      return R;
    if (!V)
      llvm::consumeError(V.takeError());
  }
  R.File = unitPath(Command);
  R.Directory = Command.Directory;
  R.Failed = true;
  if (W.TimedOut)
    R.Reason = "the analysis exceeded the time limit and was stopped";
  else if (WIFSIGNALED(Status))
    R.Reason = llvm::formatv("the analysis crashed ({0})",
                             strsignal(WTERMSIG(Status)))
                   .str();
  else if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    R.Reason = llvm::formatv("the analysis worker exited with status {0}",
                             WEXITSTATUS(Status))
                   .str();
  else
    R.Reason = "the analysis worker sent an unreadable result";
  std::string Tail = lastLines(W.ErrBuf, 3);
  if (!Tail.empty())
    R.Reason += " [" + Tail + "]";
  return R;
}

} // namespace

void requestStop() { StopFlag = 1; }
bool stopRequested() { return StopFlag != 0; }

bool runIsolated(size_t Count, const CommandSource &Commands,
                 const EngineOptions &Engine, const SchedulerOptions &Options,
                 const StartHandler &OnStart, const ResultHandler &OnResult) {
  unsigned Jobs = std::max(1u, Options.Jobs);
  std::vector<Worker> Running;
  // The commands of the running units, by unit.
  std::map<size_t, clang::tooling::CompileCommand> RunningCommands;
  size_t Next = 0;
  llvm::outs().flush();
  llvm::errs().flush();

  auto CannotStart = [&](size_t Index) {
    const clang::tooling::CompileCommand &C = RunningCommands[Index];
    TUResult R;
    R.File = unitPath(C);
    R.Directory = C.Directory;
    R.Failed = true;
    R.Reason = std::string("cannot start a worker: ") + std::strerror(errno);
    RunningCommands.erase(Index);
    OnResult(Index, std::move(R));
  };

  while (Next < Count || !Running.empty()) {
    if (stopRequested()) {
      for (Worker &W : Running) {
        ::kill(W.Pid, SIGKILL);
        int Status;
        ::waitpid(W.Pid, &Status, 0);
        if (W.Out >= 0)
          ::close(W.Out);
        if (W.Err >= 0)
          ::close(W.Err);
      }
      return false;
    }
    while (Next < Count && Running.size() < Jobs) {
      RunningCommands[Next] = Commands(Next);
      int OutPipe[2], ErrPipe[2];
      if (::pipe(OutPipe) != 0) {
        CannotStart(Next++);
        continue;
      }
      if (::pipe(ErrPipe) != 0) {
        int Saved = errno; // for the message; close() may change it
        ::close(OutPipe[0]);
        ::close(OutPipe[1]);
        errno = Saved;
        CannotStart(Next++);
        continue;
      }
      if (OnStart)
        OnStart(Next);
      pid_t Pid = ::fork();
      if (Pid == 0) {
        ::close(OutPipe[0]);
        ::close(ErrPipe[0]);
        ::dup2(ErrPipe[1], STDERR_FILENO);
        ::close(ErrPipe[1]);
        int DevNull = ::open("/dev/null", O_RDWR);
        if (DevNull >= 0) {
          ::dup2(DevNull, STDOUT_FILENO);
          ::dup2(DevNull, STDIN_FILENO);
        }
        // The parent's handlers turn a signal into a request to stop;
        // a worker just ends.
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        runChild(RunningCommands[Next], Engine, OutPipe[1]);
      }
      ::close(OutPipe[1]);
      ::close(ErrPipe[1]);
      Worker W;
      W.Index = Next++;
      W.Pid = Pid;
      W.Out = OutPipe[0];
      W.Err = ErrPipe[0];
      W.Started = Clock::now();
      ::fcntl(W.Out, F_SETFL, O_NONBLOCK);
      ::fcntl(W.Err, F_SETFL, O_NONBLOCK);
      if (Pid < 0) {
        ::close(W.Out);
        ::close(W.Err);
        CannotStart(W.Index);
        continue;
      }
      Running.push_back(std::move(W));
    }

    std::vector<pollfd> Fds;
    for (const Worker &W : Running) {
      if (W.Out >= 0)
        Fds.push_back({W.Out, POLLIN, 0});
      if (W.Err >= 0)
        Fds.push_back({W.Err, POLLIN, 0});
    }
    if (!Fds.empty())
      ::poll(Fds.data(), Fds.size(), 100);

    for (size_t I = 0; I < Running.size();) {
      Worker &W = Running[I];
      if (W.Out >= 0)
        drain(W.Out, W.OutBuf);
      if (W.Err >= 0)
        drain(W.Err, W.ErrBuf);
      double Elapsed =
          std::chrono::duration<double>(Clock::now() - W.Started).count();
      if (!W.TimedOut && Options.TimeoutSeconds &&
          Elapsed > Options.TimeoutSeconds) {
        ::kill(W.Pid, SIGKILL);
        W.TimedOut = true;
      }
      int Status = 0;
      pid_t Done = (W.Out < 0 && W.Err < 0) || W.TimedOut
                       ? ::waitpid(W.Pid, &Status, W.TimedOut ? 0 : WNOHANG)
                       : 0;
      if (Done == W.Pid) {
        if (W.Out >= 0)
          ::close(W.Out);
        if (W.Err >= 0)
          ::close(W.Err);
        if (stopRequested()) { // killed by the interrupt, not by its unit
          Running.erase(Running.begin() + I);
          continue;
        }
        TUResult R = finish(W, RunningCommands[W.Index], Status);
        if (R.Seconds == 0)
          R.Seconds = Elapsed;
        size_t Index = W.Index;
        RunningCommands.erase(Index);
        Running.erase(Running.begin() + I);
        OnResult(Index, std::move(R));
        continue;
      }
      ++I;
    }
  }
  return true;
}

} // namespace tether::driver
