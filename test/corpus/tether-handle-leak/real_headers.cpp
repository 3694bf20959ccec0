// Smoke test against the real libstdc++ and glibc headers: std::thread's
// constructor is not inlined there, std::fopen comes from <cstdio>.
// REAL-HEADERS
// RUN-ARGS: -std=c++20
#include <cstdio>
#include <fcntl.h>
#include <future>
#include <thread>
#include <unistd.h>

void handedToAThread(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::thread([fd] { // analyzer-warning{{descriptor opened by 'open' is handed to a thread started by 'std::thread' that never closes it}}
    char c;
    read(fd, &c, 1);
  }).detach();
}

// Clean: the thread closes it.
void threadCloses(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::thread([fd] { close(fd); }).detach();
}

int earlyReturn(const char *path) {
  std::FILE *f = std::fopen(path, "r");
  if (!f)
    return -1;
  if (std::fgetc(f) == EOF)
    return -2; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}}
  std::fclose(f);
  return 0;
}
