// File and pipe streams: every acquire function, the ways real code checks
// for failure, early returns and C-style cleanup.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *fopen64(const char *path, const char *mode);

int earlyReturn(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  char line[128];
  if (!fgets(line, sizeof line, f))
    return -2; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path; call 'fclose' before the last reference to it is lost}}
  fclose(f);
  return 0;
}

// Clean: closed on every path.
int closedOnEveryPath(const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return -1;
  char line[128];
  int ok = fgets(line, sizeof line, f) != NULL;
  fclose(f);
  return ok;
}

// Clean: the failure path of the acquire is not a leak.
void failureIsNotALeak(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  fclose(f);
}

void unchecked(const char *path) {
  FILE *f = fopen(path, "w");
  fputs("x", f);
} // analyzer-warning{{file stream opened by 'fopen' is not closed}}

void largeFile(const char *path) {
  FILE *f = fopen64(path, "r");
  if (!f)
    return;
  fgetc(f);
} // analyzer-warning{{file stream opened by 'fopen64' is not closed}}

void temporary(void) {
  FILE *t = tmpfile();
  if (t)
    fputs("scratch", t);
} // analyzer-warning{{file stream opened by 'tmpfile' is not closed}}

void memoryStream(char *buf, size_t n) {
  FILE *m = fmemopen(buf, n, "r");
  if (m == NULL)
    return;
  fgetc(m);
} // analyzer-warning{{file stream opened by 'fmemopen' is not closed}}

char *dynamicStream(size_t *len) {
  char *out = NULL;
  FILE *m = open_memstream(&out, len);
  if (!m)
    return NULL;
  fputs("hello", m);
  return out; // analyzer-warning{{file stream opened by 'open_memstream' is not closed}}
}

int pipeStream(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  int c = fgetc(p);
  if (c == EOF)
    return -1; // analyzer-warning{{pipe stream opened by 'popen' is not closed on this path; call 'pclose'}}
  pclose(p);
  return c;
}

// Clean: freopen reuses the stream it is given, and closes it when it
// fails.
void reopened(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  if (!freopen(path, "rb", f))
    return;
  fgetc(f);
  fclose(f);
}

// Clean: the result of freopen is the same stream.
int reopenedAssigned(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  f = freopen(NULL, "rb", f);
  if (!f)
    return -1;
  int c = fgetc(f);
  fclose(f);
  return c;
}

int reopenedLeak(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  if (!freopen(NULL, "rb", f))
    return -1;
  return fgetc(f); // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}}
}

// Clean: C-style cleanup with goto.
int gotoCleanup(const char *in, const char *out) {
  int rc = -1;
  FILE *a = NULL, *b = NULL;
  a = fopen(in, "r");
  if (!a)
    goto cleanup;
  b = fopen(out, "w");
  if (!b)
    goto cleanup;
  rc = fputc(fgetc(a), b);
cleanup:
  if (b)
    fclose(b);
  if (a)
    fclose(a);
  return rc;
}

// The cleanup label forgets one of the streams.
int gotoCleanupForgetsOne(const char *in, const char *out) {
  int rc = -1;
  FILE *a = fopen(in, "r");
  if (!a)
    goto done;
  FILE *b = fopen(out, "w");
  if (!b)
    goto close_a;
  rc = fputc(fgetc(a), b); // analyzer-warning{{file stream opened by 'fopen' is not closed}}
close_a:
  fclose(a);
done:
  return rc;
}
