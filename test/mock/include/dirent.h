/* Tether mock <dirent.h> (hermetic). */
#ifndef TETHER_MOCK_DIRENT_H
#define TETHER_MOCK_DIRENT_H
#include <tether_mock/c_config.h>
#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

__TM_BEGIN_C
struct dirent {
  ino_t d_ino;
  off_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[256];
};

typedef struct __dirstream DIR;

extern DIR *opendir(const char *__name);
extern DIR *fdopendir(int __fd);
extern int closedir(DIR *__dirp);
extern struct dirent *readdir(DIR *__dirp);
extern void rewinddir(DIR *__dirp) __TM_THROW;
extern int dirfd(DIR *__dirp) __TM_THROW;
__TM_END_C

#endif
