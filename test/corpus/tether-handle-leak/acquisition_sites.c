// One report per acquisition site: two handles lost at the same statement
// are two reports, each naming where its handle was opened.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int openBoth(const char *a, const char *b) {
  int fa = open(a, O_RDONLY);
  if (fa < 0)
    return -1;
  int fb = open(b, O_RDONLY);
  if (fb < 0) {
    close(fa);
    return -1;
  }
  return 0; // analyzer-warning{{descriptor opened by 'open' on line 8 is not closed on this path}} analyzer-warning{{descriptor opened by 'open' on line 11 is not closed on this path}}
}

// Clean: both closed.
int openBothClosed(const char *a, const char *b) {
  int fa = open(a, O_RDONLY);
  if (fa < 0)
    return -1;
  int fb = open(b, O_RDONLY);
  if (fb < 0) {
    close(fa);
    return -1;
  }
  close(fb);
  close(fa);
  return 0;
}

// A stream and a descriptor lost together.
void copyHeader(const char *from, const char *to) {
  FILE *in = fopen(from, "r");
  if (!in)
    return;
  int out = open(to, O_WRONLY | O_CREAT, 0600);
  if (out < 0) {
    fclose(in);
    return;
  }
  char buf[64];
  if (!fgets(buf, sizeof buf, in))
    return; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}} analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  write(out, buf, 1);
  close(out);
  fclose(in);
}
