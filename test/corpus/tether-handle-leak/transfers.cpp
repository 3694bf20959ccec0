// Ownership transfers silence the leak: returned, stored outside the
// function, wrapped in an owning object, handed to a callee that may keep
// it. Helpers defined in the same file are analysed through.
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

void adopt(int fd);         // not defined here: may keep the descriptor
void adoptStream(FILE *f);  // likewise

// Clean: returned to the caller.
FILE *openLog(const char *path) {
  FILE *f = std::fopen(path, "a");
  if (!f)
    return nullptr;
  std::fputs("start\n", f);
  return f;
}

struct Connection {
  int fd = -1;
};

// Clean: stored into an object the caller keeps.
bool connectTo(Connection &c, const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return false;
  c.fd = fd;
  return true;
}

int globalFd = -1;

// Clean: stored into a global.
void openGlobal(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0)
    globalFd = fd;
}

// Clean: stored on the heap.
Connection *openOnHeap(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return nullptr;
  Connection *c = new Connection;
  c->fd = fd;
  return c;
}

// Clean: an out-parameter.
int openInto(const char *path, int *out) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd;
  return 0;
}

// Clean: a unique_ptr whose deleter closes.
void uniquePtr(const char *path) {
  std::unique_ptr<FILE, int (*)(FILE *)> f(std::fopen(path, "r"), &std::fclose);
  if (f)
    std::fgetc(f.get());
}

class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0)
      close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

// Clean: an RAII class closes it.
void raii(const char *path) {
  Fd fd(open(path, O_RDONLY));
  char c;
  read(fd.get(), &c, 1);
}

class ForeignFd {
public:
  explicit ForeignFd(int fd);
  ~ForeignFd(); // defined elsewhere
};

// Clean: handed to an owning object whose code is elsewhere.
void raiiElsewhere(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  ForeignFd owner(fd);
}

// Clean: passed to a function this file cannot see, which may keep it
// (the precise default).
void unknownCallee(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0)
    adopt(fd);
  FILE *f = std::fopen(path, "r");
  if (f)
    adoptStream(f);
}

static void closeIt(int fd) { close(fd); }
static int peek(int fd) {
  char c;
  return read(fd, &c, 1);
}

// Clean: a helper in this file closes it.
void helperCloses(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  closeIt(fd);
}

// A helper that only reads does not take it over.
void helperOnlyReads(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  peek(fd);
} // analyzer-warning{{descriptor opened by 'open' is not closed}}

static int openConfig(const char *path) { return open(path, O_RDONLY); }

// The helper opens, the caller loses it.
int helperOpens(const char *path) {
  int fd = openConfig(path);
  if (fd < 0)
    return -1;
  return 0; // analyzer-warning{{descriptor opened by 'open' is not closed}}
}

// Clean: kept in a container the caller owns (stored into its buffer).
void intoContainer(std::vector<int> &fds, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0)
    fds.push_back(fd);
}

template <typename T>
int readOne(const char *path, T &out) {
  std::FILE *f = std::fopen(path, "rb");
  if (!f)
    return -1;
  if (std::fread(&out, sizeof(T), 1, f) != 1)
    return -1; // analyzer-warning{{file stream opened by 'fopen' is not closed}}
  std::fclose(f);
  return 0;
}

void instantiate(const char *path) {
  int i;
  double d;
  readOne(path, i);
  readOne(path, d);
}

// Clean: the helper that may close takes charge of it, whatever it decides
// on this path (here it re-reads a global the analysis cannot pin down).
extern bool logToStdout;
static int openLogFd(const char *path) { return logToStdout ? 1 : open(path, O_WRONLY); }
static void closeLogFd(int fd) {
  if (!logToStdout)
    close(fd);
}
void logSomething(const char *path) {
  int fd = openLogFd(path);
  if (fd == -1)
    return;
  write(fd, "x", 1);
  adoptStream(nullptr); // unknown call: the global may change
  closeLogFd(fd);
}

// Clean: a daemon keeps /dev/null as its standard streams.
void daemonizeStdio() {
  int fd = open("/dev/null", O_RDWR);
  if (fd != -1) {
    dup2(fd, 0);
    dup2(fd, 1);
    dup2(fd, 2);
    if (fd > 2)
      close(fd);
  }
}
