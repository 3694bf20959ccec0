#pragma once
// Mock of glibc's <sys/mman.h> (memfd_create, mmap, munmap).
#include <tether_mock/c_config.h>
#include <sys/types.h>
#define MFD_CLOEXEC 1U
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_ANONYMOUS 0x20
#define MAP_FAILED ((void *)-1)
__TM_BEGIN_C
extern int memfd_create(const char *__name, unsigned int __flags);
extern void *mmap(void *__addr, size_t __len, int __prot, int __flags, int __fd, off_t __offset) __TM_THROW;
extern int munmap(void *__addr, size_t __len) __TM_THROW;
__TM_END_C
