// "Too many open files": handles acquired in a loop and lost on the way
// back to the loop head.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

long totalSize(const char **paths, int n) {
  long total = 0;
  for (int i = 0; i < n; ++i) {
    FILE *f = fopen(paths[i], "rb");
    if (!f)
      continue;
    fseek(f, 0, 2);
    total += ftell(f); // analyzer-warning{{file stream opened by 'fopen' in a loop is not closed before the next iteration; each iteration leaks one file stream; call 'fclose' before the iteration ends}}
  }
  return total;
}

// Clean: closed in every iteration.
long totalSizeClosed(const char **paths, int n) {
  long total = 0;
  for (int i = 0; i < n; ++i) {
    FILE *f = fopen(paths[i], "rb");
    if (!f)
      continue;
    fseek(f, 0, 2);
    total += ftell(f);
    fclose(f);
  }
  return total;
}

// Leaked on the `continue` path only.
int countMatching(const char **paths, int n, int wanted) {
  int hits = 0;
  for (int i = 0; i < n; ++i) { // analyzer-warning{{descriptor opened by 'open' in a loop is not closed before the next iteration}}
    int fd = open(paths[i], O_RDONLY);
    if (fd < 0)
      continue;
    char c;
    if (read(fd, &c, 1) != 1 || c != wanted)
      continue;
    ++hits;
    close(fd);
  }
  return hits;
}

void acceptLoop(int listener) {
  while (1) { // analyzer-warning{{descriptor opened by 'accept' in a loop is not closed before the next iteration}}
    int client = accept(listener, NULL, NULL);
    if (client < 0)
      break;
    send(client, "bye\n", 4, 0);
  }
}

// Clean: the accepted socket is closed each time.
void acceptLoopClosed(int listener) {
  while (1) {
    int client = accept(listener, NULL, NULL);
    if (client < 0)
      break;
    send(client, "bye\n", 4, 0);
    close(client);
  }
}

// A leak on the `break` path happens once, not every iteration.
int firstReadable(const char **paths, int n) {
  for (int i = 0; i < n; ++i) {
    int fd = open(paths[i], O_RDONLY);
    if (fd < 0)
      continue;
    char c;
    if (read(fd, &c, 1) == 1)
      break;
    close(fd);
  }
  return 0; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
}

void scanDirectories(const char **dirs, int n) {
  int i = 0;
  do {
    DIR *d = opendir(dirs[i]);
    if (d)
      readdir(d);
  } while (++i < n); // analyzer-warning{{directory stream opened by 'opendir' in a loop is not closed before the next iteration}}
}

// The descriptors opened by earlier iterations leak on the `return`, once:
// not "each iteration".
int openAll(const char **paths) {
  int fds[4];
  for (int i = 0; i < 4; ++i) {
    fds[i] = open(paths[i], O_RDONLY);
    if (fds[i] < 0)
      return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  }
  for (int i = 0; i < 4; ++i)
    close(fds[i]);
  return 0;
}

// Clean: the earlier entries are closed before the return.
int openAllClosed(const char **paths) {
  int fds[4];
  for (int i = 0; i < 4; ++i) {
    fds[i] = open(paths[i], O_RDONLY);
    if (fds[i] < 0) {
      while (i-- > 0)
        close(fds[i]);
      return -1;
    }
  }
  for (int i = 0; i < 4; ++i)
    close(fds[i]);
  return 0;
}
