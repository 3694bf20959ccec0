// The path of a leak: where the handle was opened, the branches taken, and
// where it is lost. Every note is checked in this file.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int earlyReturn(const char *path) {
  FILE *f = fopen(path, "r"); // analyzer-note{{file stream opened here by 'fopen'}}
  if (!f) // analyzer-note{{Assuming 'f' is non-null}} analyzer-note{{Taking false branch}}
    return -1;
  char line[128];
  if (!fgets(line, sizeof line, f)) // analyzer-note{{Assuming the condition is true}} analyzer-note{{Taking true branch}}
    return -2; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path; call 'fclose' before the last reference to it is lost}}
  fclose(f);
  return 0;
}

void eachIteration(const char **paths, int n) {
  for (int i = 0; i < n; ++i) { // analyzer-note{{Assuming 'i' is < 'n'}} analyzer-note{{Loop condition is true.  Entering loop body}}
    int fd = open(paths[i], O_RDONLY); // analyzer-note{{descriptor opened here by 'open'}}
    if (fd < 0) // analyzer-note{{Assuming 'fd' is >= 0}} analyzer-note{{Taking false branch}}
      continue;
    char c;
    read(fd, &c, 1);
  } // analyzer-warning@-6{{descriptor opened by 'open' in a loop is not closed before the next iteration; each iteration leaks one descriptor; call 'close' before the iteration ends}}
}

