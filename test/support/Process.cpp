//===- Process.cpp - Run the real binaries from integration tests --------===//

#include "support/Process.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tether::test {
namespace {

using Clock = std::chrono::steady_clock;

pid_t spawn(const std::vector<std::string> &Argv, const std::string &Dir,
            int StdinFd, int StdoutFd, int StderrFd) {
  pid_t Pid = ::fork();
  if (Pid != 0)
    return Pid;
  if (!Dir.empty() && ::chdir(Dir.c_str()) != 0)
    ::_exit(127);
  ::dup2(StdinFd, 0);
  ::dup2(StdoutFd, 1);
  ::dup2(StderrFd, 2);
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  ::execvp(Args[0], Args.data());
  ::_exit(127);
}

void readSome(int &Fd, std::string &Into) {
  char Buf[65536];
  ssize_t N = ::read(Fd, Buf, sizeof(Buf));
  if (N > 0)
    Into.append(Buf, N);
  else if (N == 0 || (errno != EAGAIN && errno != EINTR)) {
    ::close(Fd);
    Fd = -1;
  }
}

} // namespace

RunResult run(const std::vector<std::string> &Argv, const std::string &Dir,
              unsigned TimeoutSeconds) {
  RunResult R;
  int OutP[2], ErrP[2];
  if (::pipe(OutP) || ::pipe(ErrP))
    return R;
  int DevNull = ::open("/dev/null", O_RDONLY);
  pid_t Pid = spawn(Argv, Dir, DevNull, OutP[1], ErrP[1]);
  ::close(DevNull);
  ::close(OutP[1]);
  ::close(ErrP[1]);
  int OutFd = OutP[0], ErrFd = ErrP[0];
  auto Deadline = Clock::now() + std::chrono::seconds(TimeoutSeconds);
  while (OutFd >= 0 || ErrFd >= 0) {
    std::vector<pollfd> Fds;
    if (OutFd >= 0)
      Fds.push_back({OutFd, POLLIN, 0});
    if (ErrFd >= 0)
      Fds.push_back({ErrFd, POLLIN, 0});
    ::poll(Fds.data(), Fds.size(), 200);
    for (const pollfd &P : Fds)
      if (P.revents) {
        if (P.fd == OutFd)
          readSome(OutFd, R.Out);
        else
          readSome(ErrFd, R.Err);
      }
    if (Clock::now() > Deadline) {
      ::kill(Pid, SIGKILL);
      break;
    }
  }
  if (OutFd >= 0)
    ::close(OutFd);
  if (ErrFd >= 0)
    ::close(ErrFd);
  int Status = 0;
  ::waitpid(Pid, &Status, 0);
  R.ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
  return R;
}

LspSession::LspSession(const std::vector<std::string> &Argv,
                       const std::string &Dir) {
  int InP[2], OutP[2], ErrP[2];
  if (::pipe(InP) || ::pipe(OutP) || ::pipe(ErrP))
    return;
  Pid = spawn(Argv, Dir, InP[0], OutP[1], ErrP[1]);
  ::close(InP[0]);
  ::close(OutP[1]);
  ::close(ErrP[1]);
  In = InP[1];
  Out = OutP[0];
  Err = ErrP[0];
  ::fcntl(Err, F_SETFL, O_NONBLOCK);
}

LspSession::~LspSession() {
  if (In >= 0)
    ::close(In);
  if (Pid > 0 && wait(0.1) == -2) {
    ::kill(Pid, SIGKILL);
    ::waitpid(Pid, nullptr, 0);
  }
  if (Out >= 0)
    ::close(Out);
  if (Err >= 0)
    ::close(Err);
}

void LspSession::send(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream OS(Body);
  OS << Message;
  OS.flush();
  std::string Frame =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  for (size_t Done = 0; Done < Frame.size();) {
    ssize_t N = ::write(In, Frame.data() + Done, Frame.size() - Done);
    if (N <= 0)
      return;
    Done += N;
  }
}

void LspSession::request(int Id, llvm::StringRef Method,
                         llvm::json::Value Params) {
  send(llvm::json::Object{{"jsonrpc", "2.0"},
                          {"id", Id},
                          {"method", Method},
                          {"params", std::move(Params)}});
}

void LspSession::notify(llvm::StringRef Method, llvm::json::Value Params) {
  send(llvm::json::Object{
      {"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
}

std::optional<llvm::json::Value> LspSession::receive(double TimeoutSeconds) {
  auto Deadline =
      Clock::now() + std::chrono::milliseconds(int(TimeoutSeconds * 1000));
  for (;;) {
    size_t HeaderEnd = Buffer.find("\r\n\r\n");
    if (HeaderEnd != std::string::npos) {
      llvm::StringRef Header(Buffer.data(), HeaderEnd);
      size_t Pos = Header.find("Content-Length:");
      size_t Length = 0;
      if (Pos != llvm::StringRef::npos)
        Header.drop_front(Pos + 15).split("\r\n").first.trim().getAsInteger(
            10, Length);
      if (Buffer.size() >= HeaderEnd + 4 + Length) {
        std::string Body = Buffer.substr(HeaderEnd + 4, Length);
        Buffer.erase(0, HeaderEnd + 4 + Length);
        auto V = llvm::json::parse(Body);
        if (V)
          return std::move(*V);
        llvm::consumeError(V.takeError());
        continue;
      }
    }
    int Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                   Deadline - Clock::now())
                   .count();
    if (Left <= 0 || Out < 0)
      return std::nullopt;
    pollfd Fds[2] = {{Out, POLLIN, 0}, {Err, POLLIN, 0}};
    ::poll(Fds, Err >= 0 ? 2 : 1, std::min(Left, 200));
    if (Fds[0].revents)
      readSome(Out, Buffer);
    if (Err >= 0 && Fds[1].revents)
      readSome(Err, ErrText);
  }
}

int LspSession::wait(double TimeoutSeconds) {
  auto Deadline =
      Clock::now() + std::chrono::milliseconds(int(TimeoutSeconds * 1000));
  do {
    int Status = 0;
    if (::waitpid(Pid, &Status, WNOHANG) == Pid) {
      Pid = -1;
      return WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
    }
    ::usleep(20000);
  } while (Clock::now() < Deadline);
  return -2;
}

const std::string &LspSession::stderrText() {
  if (Err >= 0)
    readSome(Err, ErrText);
  return ErrText;
}

TempDir::TempDir() {
  llvm::SmallString<128> P;
  llvm::sys::fs::createUniqueDirectory("tether-test", P);
  // Resolve symlinks so paths compare equal to what tools print.
  llvm::SmallString<128> Real;
  llvm::sys::fs::real_path(P, Real);
  Path = std::string(Real.empty() ? P : Real);
}

TempDir::~TempDir() { llvm::sys::fs::remove_directories(Path); }

std::string TempDir::write(const std::string &Relative,
                           const std::string &Content) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::append(P, Relative);
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
  std::error_code EC;
  llvm::raw_fd_ostream OS(P, EC);
  OS << Content;
  return std::string(P);
}

} // namespace tether::test
