/* Tether mock <unistd.h> (hermetic). */
#ifndef TETHER_MOCK_UNISTD_H
#define TETHER_MOCK_UNISTD_H
#include <tether_mock/c_config.h>
#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0
#define _SC_NPROCESSORS_ONLN 84

__TM_BEGIN_C
extern int close(int __fd);
extern ssize_t read(int __fd, void *__buf, size_t __nbytes);
extern ssize_t write(int __fd, const void *__buf, size_t __n);
extern ssize_t pread(int __fd, void *__buf, size_t __nbytes, off_t __offset);
extern ssize_t pwrite(int __fd, const void *__buf, size_t __n, off_t __offset);
extern off_t lseek(int __fd, off_t __offset, int __whence) __TM_THROW;
extern int pipe(int __pipedes[2]) __TM_THROW;
extern int pipe2(int __pipedes[2], int __flags) __TM_THROW;
extern int dup(int __fd) __TM_THROW;
extern int dup2(int __fd, int __fd2) __TM_THROW;
extern int dup3(int __fd, int __fd2, int __flags) __TM_THROW;
extern unsigned int sleep(unsigned int __seconds);
extern int usleep(useconds_t __useconds);
extern pid_t fork(void) __TM_THROW;
extern pid_t getpid(void) __TM_THROW;
extern pid_t getppid(void) __TM_THROW;
extern pid_t gettid(void) __TM_THROW;
extern int unlink(const char *__name) __TM_THROW;
extern int unlinkat(int __fd, const char *__name, int __flag) __TM_THROW;
extern int access(const char *__name, int __type) __TM_THROW;
extern int isatty(int __fd) __TM_THROW;
extern int fsync(int __fd);
extern int ftruncate(int __fd, off_t __length) __TM_THROW;
extern long sysconf(int __name) __TM_THROW;
extern char *getcwd(char *__buf, size_t __size) __TM_THROW;
extern int chdir(const char *__path) __TM_THROW;
extern int execvp(const char *__file, char *const __argv[]) __TM_THROW;
extern void _exit(int __status) __TM_NORETURN;
__TM_END_C

#endif
