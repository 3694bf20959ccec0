// Streams made from a descriptor (fdopen) close it: a second stream on the
// same descriptor, or close() after fclose(), closes it twice; so does
// fclose() after a failed freopen(), which has closed the stream already.
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

void emitHeader(FILE *f); // defined in another file

void twoStreams(int lfd) {
  int s = accept(lfd, NULL, NULL);
  if (s < 0)
    return;
  FILE *rx = fdopen(s, "r");
  if (!rx) {
    close(s);
    return;
  }
  FILE *tx = fdopen(s, "w");
  if (!tx) {
    fclose(rx);
    return;
  }
  fclose(tx);
  fclose(rx); // analyzer-warning{{'fclose' closes a descriptor that was already closed by 'fclose' through another stream made from it by 'fdopen'}}
}

// Clean: the second stream gets its own descriptor.
void twoStreamsDup(int lfd) {
  int s = accept(lfd, NULL, NULL);
  if (s < 0)
    return;
  FILE *rx = fdopen(s, "r");
  if (!rx) {
    close(s);
    return;
  }
  int s2 = dup(s);
  if (s2 < 0) {
    fclose(rx);
    return;
  }
  FILE *tx = fdopen(s2, "w");
  if (!tx) {
    close(s2);
    fclose(rx);
    return;
  }
  fclose(tx);
  fclose(rx);
}

// The stream was handed to a function defined elsewhere, which may keep
// it; its descriptor is closed by the fclose all the same.
int writeHeader(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  emitHeader(f);
  fclose(f);
  close(fd); // analyzer-warning{{'close' closes a descriptor that was already closed by 'fclose'}}
  return 0;
}

// Clean: the stream is handed away, the descriptor left alone.
int giveAway(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  emitHeader(f);
  return 0;
}

int reopenBinary(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  if (!freopen(NULL, "rb", f)) {
    fclose(f); // analyzer-warning{{'fclose' closes a file stream that was already closed by 'freopen'}}
    return -1;
  }
  fclose(f);
  return 0;
}

// Clean: a failed freopen closed the stream; nothing else to do.
int reopenBinaryOnce(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  if (!freopen(NULL, "rb", f))
    return -1;
  int c = fgetc(f);
  fclose(f);
  return c;
}

void readAfterFailedReopen(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  FILE *g = freopen(path, "rb", f);
  if (!g)
    fgetc(f); // analyzer-warning{{'fgetc' uses a file stream after 'freopen' closed it}}
  else
    fclose(g);
}
