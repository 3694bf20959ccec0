/* Tether mock <sys/stat.h> (hermetic). */
#ifndef TETHER_MOCK_SYS_STAT_H
#define TETHER_MOCK_SYS_STAT_H
#include <tether_mock/c_config.h>
#include <sys/types.h>

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IROTH 0004
#define S_IWOTH 0002

__TM_BEGIN_C
struct stat {
  dev_t st_dev;
  ino_t st_ino;
  mode_t st_mode;
  off_t st_size;
};
extern int stat(const char *__restrict __file, struct stat *__restrict __buf) __TM_THROW;
extern int fstat(int __fd, struct stat *__buf) __TM_THROW;
extern int fstatat(int __fd, const char *__restrict __file, struct stat *__restrict __buf, int __flag)
    __TM_THROW;
extern int mkdir(const char *__path, mode_t __mode) __TM_THROW;
extern int mkdirat(int __fd, const char *__path, mode_t __mode) __TM_THROW;
extern mode_t umask(mode_t __mask) __TM_THROW;
__TM_END_C
#endif
