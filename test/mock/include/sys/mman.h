#pragma once
// Mock of glibc's <sys/mman.h> (memfd_create only).
#ifdef __cplusplus
extern "C" {
#endif
#define MFD_CLOEXEC 1U
extern int memfd_create(const char *__name, unsigned int __flags);
#ifdef __cplusplus
}
#endif
