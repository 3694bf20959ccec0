// Handles handed to spawned work: the thread, fiber or task owns them and
// must close them.
// RUN-ARGS: -std=c++20
#include <cstdio>
#include <fcntl.h>
#include <future>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

void serve(int fd);

void handedToAThreadThatNeverCloses(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::thread([fd] { // analyzer-warning{{descriptor opened by 'open' is handed to a thread started by 'std::thread' that never closes it; call 'close' in the thread, or keep the descriptor and close it here}}
    char c;
    read(fd, &c, 1);
  }).detach();
}

// Clean: the thread closes it.
void handedToAThreadThatCloses(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::thread([fd] {
    char c;
    read(fd, &c, 1);
    close(fd);
  }).detach();
}

// Clean: the thread hands it to a function that may close it.
void handedOnInTheThread(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::jthread t([fd] { serve(fd); });
}

void streamToAsync(const char *path) {
  std::FILE *f = std::fopen(path, "r");
  if (!f)
    return;
  auto done = std::async(std::launch::async, [f] { return std::fgetc(f); }); // analyzer-warning{{file stream opened by 'fopen' is handed to a task started by 'std::async' that never closes it}}
  done.get();
}

// Clean: the spawner keeps it and closes it after the join.
void spawnerCloses(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  std::thread t([fd] {
    char c;
    read(fd, &c, 1);
  });
  t.join();
  close(fd);
}

// A closure that copies the descriptor and is only called here: the copy
// dies with the closure.
void closureCalledLocally(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  auto use = [fd] {
    char c;
    return read(fd, &c, 1);
  };
  use();
} // analyzer-warning{{descriptor opened by 'open' is not closed}}

// Clean: the local closure closes it.
void closureClosesLocally(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  [fd] { close(fd); }();
}

// The thread closes it, but returns early on one path without closing it.
void threadReturnsEarly(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread([c] { // analyzer-warning{{descriptor opened by 'accept' is handed to a thread started by 'std::thread' that does not close it on every path: it returns on line 93 still holding it; call 'close' there too}}
    char b[64];
    if (recv(c, b, sizeof b, 0) <= 0)
      return;
    close(c);
  }).detach();
}

// Clean: closed on every path of the thread (or the program ends).
void threadClosesOnEveryPath(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread([c] {
    char b[64];
    if (recv(c, b, sizeof b, 0) < 0)
      _exit(1);
    if (recv(c, b, sizeof b, 0) == 0) {
      close(c);
      return;
    }
    close(c);
  }).detach();
}

// A function run by the thread, given the descriptor as an argument.
static void serveOnce(int c) {
  char b[8];
  if (recv(c, b, sizeof b, 0) <= 0)
    return;
  close(c);
}

void functionReturnsEarly(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread(serveOnce, c).detach(); // analyzer-warning{{descriptor opened by 'accept' is handed to a thread started by 'std::thread' that does not close it on every path: it returns on line 119 still holding it}}
}

static void echoOnce(int c) { send(c, "x", 1, 0); }

void functionNeverCloses(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread(echoOnce, c).detach(); // analyzer-warning{{descriptor opened by 'accept' is handed to a thread started by 'std::thread' that never closes it}}
}

static void echoAndClose(int c) {
  send(c, "x", 1, 0);
  close(c);
}

// Clean: the function closes it.
void functionCloses(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread t(echoAndClose, c);
  t.detach();
}

// Clean: the function only uses it; the spawner closes it after the join.
void spawnerClosesAfterJoin(int listener) {
  int c = accept(listener, nullptr, nullptr);
  if (c < 0)
    return;
  std::thread t(echoOnce, c);
  t.join();
  close(c);
}
