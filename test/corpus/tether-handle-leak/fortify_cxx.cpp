// glibc's fortified read and fgets (inline functions of the system
// headers) from C++, where fprintf is no macro.
// REAL-HEADERS
// RUN-ARGS: -std=c++17 -O2 -D_FORTIFY_SOURCE=2
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

int firstByte(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  char c;
  if (read(fd, &c, 1) != 1)
    return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  close(fd);
  return c;
}

int firstLine(const char *path, char *out, int n) {
  std::FILE *f = std::fopen(path, "r");
  if (!f)
    return -1;
  if (!std::fgets(out, n, f))
    return -1; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}}
  std::fprintf(f, "%d", n);
  std::fclose(f);
  return 0;
}
