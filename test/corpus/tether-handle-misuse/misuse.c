// Double close, use after close, and the wrong close function.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

void doubleFclose(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  fclose(f);
  fclose(f); // analyzer-warning{{'fclose' closes a file stream that was already closed by 'fclose'; close each handle exactly once}}
}

void doubleCloseOnAnErrorPath(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  char c;
  if (read(fd, &c, 1) != 1)
    close(fd);
  close(fd); // analyzer-warning{{'close' closes a descriptor that was already closed by 'close'}}
}

// Clean: closed once on each path.
void closedOncePerPath(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  char c;
  if (read(fd, &c, 1) != 1) {
    close(fd);
    return;
  }
  close(fd);
}

void useAfterFclose(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  fclose(f);
  fprintf(f, "late\n"); // analyzer-warning{{'fprintf' uses a file stream after 'fclose' closed it}}
}

void readAfterClose(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return;
  close(fd);
  char c;
  read(fd, &c, 1); // analyzer-warning{{'read' uses a descriptor after 'close' closed it}}
}

void readdirAfterClosedir(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  closedir(d);
  readdir(d); // analyzer-warning{{'readdir' uses a directory stream after 'closedir' closed it}}
}

void doubleClosedir(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  closedir(d);
  closedir(d); // analyzer-warning{{'closedir' closes a directory stream that was already closed}}
}

void fcloseOnAPipe(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return;
  fclose(p); // analyzer-warning{{'fclose' closes a pipe stream opened by 'popen'; close it with 'pclose'}}
}

void pcloseOnAFile(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  pclose(f); // analyzer-warning{{'pclose' closes a file stream opened by 'fopen'; close it with 'fclose'}}
}

void closeTheDescriptorOfAStream(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return;
  }
  close(fd); // analyzer-warning{{'close' closes a descriptor owned by the file stream from 'fdopen'; close the file stream with 'fclose' instead, which closes the descriptor too}}
  fclose(f);
}

void closeFileno(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  close(fileno(f)); // analyzer-warning{{'close' closes a descriptor owned by the file stream from 'fopen'}}
  fclose(f);
}

// The stream closed the descriptor it owned.
void useTheDescriptorAfterFclose(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return;
  }
  fclose(f);
  write(fd, "x", 1); // analyzer-warning{{'write' uses a descriptor after 'fclose' closed it}}
}

void closeTheDescriptorOfADirectory(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return;
  close(dirfd(d)); // analyzer-warning{{'close' closes a descriptor owned by the directory stream from 'opendir'; close the directory stream with 'closedir' instead}}
  closedir(d);
}

// Clean: the stream is closed through pclose.
int pipeClosedRight(const char *cmd) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  int c = fgetc(p);
  pclose(p);
  return c;
}

// Clean: reopening after close gives a new handle.
void reopenAfterClose(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
}

// Clean: a handle from elsewhere is not the checker's to judge.
void foreignHandle(FILE *f) {
  fclose(f);
}
