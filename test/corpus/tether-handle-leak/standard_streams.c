// A stream the code opened is never stdin, stdout or stderr: code that
// falls back to a standard stream and closes "only if it is not one" is
// clean, however the comparison is written.
#include <stdio.h>
#include <string.h>

long countBytes(const char *path) {
  FILE *in = strcmp(path, "-") ? fopen(path, "r") : stdin;
  if (!in)
    return -1;
  long n = 0;
  while (fgetc(in) != EOF)
    n++;
  if (in != stdin)
    fclose(in);
  return n;
}

int emit(const char *path, const char *text) {
  FILE *out = path ? fopen(path, "w") : stdout;
  if (!out)
    return -1;
  fputs(text, out);
  if (stdout != out)
    fclose(out);
  return 0;
}

// Still reported: closed only when it is stderr, which it never is.
void closedOnlyIfStderr(const char *path) {
  FILE *f = fopen(path, "a");
  if (!f)
    return;
  fputs("x\n", f);
  if (f == stderr)
    fclose(f);
} // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}}

// The comparison inside a helper the analyzer inlines.
static void closeLog(FILE *f) {
  if (f && f != stderr)
    fclose(f);
}

void logTo(const char *path) {
  FILE *f = fopen(path, "a");
  if (!f)
    f = stderr;
  fputs("x\n", f);
  closeLog(f);
}

static int isStandard(FILE *f) {
  return f == stdin || f == stdout || f == stderr;
}

void closeUnlessStandard(const char *path) {
  FILE *f = path ? fopen(path, "w") : stdout;
  if (!f)
    return;
  fputs("x\n", f);
  if (!isStandard(f))
    fclose(f);
}

// Through a field of a local struct.
struct logger {
  FILE *f;
  int level;
};

static void loggerDestroy(struct logger *l) {
  if (l->f && l->f != stderr)
    fclose(l->f);
  l->f = NULL;
}

void logOnce(const char *path, const char *msg) {
  struct logger l = {fopen(path, "a"), 1};
  if (!l.f)
    l.f = stderr;
  fprintf(l.f, "%s\n", msg);
  loggerDestroy(&l);
}

// The comparison result kept in a variable first.
void closeIfNotStdout(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  int same = f == stdout;
  fputs("x\n", f);
  if (!same)
    fclose(f);
}

// Still reported: a popen stream is no standard stream either.
void pipeClosedOnlyIfStdout(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return;
  fgetc(p);
  if (p == stdout)
    pclose(p);
} // analyzer-warning{{pipe stream opened by 'popen' is not closed on this path}}
