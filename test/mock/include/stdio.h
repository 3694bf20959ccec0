/* Tether mock <stdio.h> (hermetic). */
#ifndef TETHER_MOCK_STDIO_H
#define TETHER_MOCK_STDIO_H
#include <tether_mock/c_config.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 8192
#define FILENAME_MAX 4096
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

__TM_BEGIN_C
struct _IO_FILE;
typedef struct _IO_FILE FILE;
typedef struct { long __pos; } fpos_t;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

extern FILE *fopen(const char *__restrict __filename, const char *__restrict __modes);
extern FILE *freopen(const char *__restrict __filename, const char *__restrict __modes,
                     FILE *__restrict __stream);
extern FILE *fdopen(int __fd, const char *__modes) __TM_THROW;
extern FILE *fmemopen(void *__s, size_t __len, const char *__modes) __TM_THROW;
extern FILE *open_memstream(char **__bufloc, size_t *__sizeloc) __TM_THROW;
extern FILE *tmpfile(void);
extern FILE *popen(const char *__command, const char *__modes);
extern int pclose(FILE *__stream);
extern int fclose(FILE *__stream);
extern int fflush(FILE *__stream);
extern int fileno(FILE *__stream) __TM_THROW;
extern int setvbuf(FILE *__restrict __stream, char *__restrict __buf, int __modes, size_t __n) __TM_THROW;

extern int printf(const char *__restrict __format, ...) __attribute__((__format__(__printf__, 1, 2)));
extern int fprintf(FILE *__restrict __stream, const char *__restrict __format, ...)
    __attribute__((__format__(__printf__, 2, 3)));
extern int sprintf(char *__restrict __s, const char *__restrict __format, ...) __TM_THROW
    __attribute__((__format__(__printf__, 2, 3)));
extern int snprintf(char *__restrict __s, size_t __maxlen, const char *__restrict __format, ...)
    __TM_THROW __attribute__((__format__(__printf__, 3, 4)));
extern int dprintf(int __fd, const char *__restrict __fmt, ...) __attribute__((__format__(__printf__, 2, 3)));
extern int vdprintf(int __fd, const char *__restrict __fmt, va_list __arg)
    __attribute__((__format__(__printf__, 2, 0)));
extern int vprintf(const char *__restrict __format, va_list __arg);
extern int vfprintf(FILE *__restrict __s, const char *__restrict __format, va_list __arg);
extern int vsnprintf(char *__restrict __s, size_t __maxlen, const char *__restrict __format, va_list __arg)
    __TM_THROW;
extern int scanf(const char *__restrict __format, ...);
extern int fscanf(FILE *__restrict __stream, const char *__restrict __format, ...);
extern int sscanf(const char *__restrict __s, const char *__restrict __format, ...) __TM_THROW;

extern int fgetc(FILE *__stream);
extern int getc(FILE *__stream);
extern int getchar(void);
extern int fputc(int __c, FILE *__stream);
extern int putc(int __c, FILE *__stream);
extern int putchar(int __c);
extern char *fgets(char *__restrict __s, int __n, FILE *__restrict __stream);
extern int fputs(const char *__restrict __s, FILE *__restrict __stream);
extern int puts(const char *__s);
extern ssize_t getline(char **__restrict __lineptr, size_t *__restrict __n, FILE *__restrict __stream);
extern size_t fread(void *__restrict __ptr, size_t __size, size_t __n, FILE *__restrict __stream);
extern size_t fwrite(const void *__restrict __ptr, size_t __size, size_t __n, FILE *__restrict __s);
extern int fseek(FILE *__stream, long __off, int __whence);
extern long ftell(FILE *__stream);
extern void rewind(FILE *__stream);
extern int feof(FILE *__stream) __TM_THROW;
extern int ferror(FILE *__stream) __TM_THROW;
extern void clearerr(FILE *__stream) __TM_THROW;
extern void perror(const char *__s);
extern int remove(const char *__filename) __TM_THROW;
extern int rename(const char *__old, const char *__new) __TM_THROW;
extern void flockfile(FILE *__stream) __TM_THROW;
extern void funlockfile(FILE *__stream) __TM_THROW;
__TM_END_C

#endif
