// GoogleTest: a failed assertion ends the test on that path. A handle
// checked by the assertion itself leaks nothing (the acquire failed), and
// one left open by a test that has already failed is noise, so neither is
// reported. A leak on the test's passing path still is.
// REAL-HEADERS
// RUN-ARGS: -std=c++17
#include <cstdio>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

bool handshake(int fd);

TEST(Sockets, AssertOnTheAcquireItself) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_LE(0, s);
  close(s);
}

TEST(Files, AssertTrueOnTheStream) {
  FILE *f = fopen("/tmp/data", "r");
  ASSERT_TRUE(f != nullptr);
  fclose(f);
}

TEST(Sockets, AssertAfterTheAcquire) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  ASSERT_TRUE(handshake(s));
  close(s);
}

TEST(Files, LeakOnThePassingPath) {
  int fd = open("/tmp/data", O_RDONLY);
  ASSERT_NE(fd, -1);
  EXPECT_GT(fd, 2); // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
}
