/* Tether mock <string.h> (hermetic). */
#ifndef TETHER_MOCK_STRING_H
#define TETHER_MOCK_STRING_H
#include <tether_mock/c_config.h>
#include <stddef.h>

__TM_BEGIN_C
extern void *memcpy(void *__restrict __dest, const void *__restrict __src, size_t __n) __TM_THROW;
extern void *memmove(void *__dest, const void *__src, size_t __n) __TM_THROW;
extern void *memset(void *__s, int __c, size_t __n) __TM_THROW;
extern int memcmp(const void *__s1, const void *__s2, size_t __n) __TM_THROW;
extern size_t strlen(const char *__s) __TM_THROW;
extern size_t strnlen(const char *__s, size_t __maxlen) __TM_THROW;
extern int strcmp(const char *__s1, const char *__s2) __TM_THROW;
extern int strncmp(const char *__s1, const char *__s2, size_t __n) __TM_THROW;
extern char *strcpy(char *__restrict __dest, const char *__restrict __src) __TM_THROW;
extern char *strncpy(char *__restrict __dest, const char *__restrict __src, size_t __n) __TM_THROW;
extern char *strcat(char *__restrict __dest, const char *__restrict __src) __TM_THROW;
extern char *strdup(const char *__s) __TM_THROW;
extern char *strerror(int __errnum) __TM_THROW;
extern char *strtok(char *__restrict __s, const char *__restrict __delim) __TM_THROW;
extern char *strtok_r(char *__restrict __s, const char *__restrict __delim, char **__restrict __save_ptr) __TM_THROW;
__TM_END_C

#ifdef __cplusplus
/* C++ const-correct overloads, as glibc provides them. */
extern "C++" {
const void *memchr(const void *__s, int __c, size_t __n) __TM_THROW __asm("memchr");
void *memchr(void *__s, int __c, size_t __n) __TM_THROW __asm("memchr");
const char *strchr(const char *__s, int __c) __TM_THROW __asm("strchr");
char *strchr(char *__s, int __c) __TM_THROW __asm("strchr");
const char *strrchr(const char *__s, int __c) __TM_THROW __asm("strrchr");
char *strrchr(char *__s, int __c) __TM_THROW __asm("strrchr");
const char *strstr(const char *__h, const char *__n) __TM_THROW __asm("strstr");
char *strstr(char *__h, const char *__n) __TM_THROW __asm("strstr");
}
#else
extern void *memchr(const void *__s, int __c, size_t __n);
extern char *strchr(const char *__s, int __c);
extern char *strrchr(const char *__s, int __c);
extern char *strstr(const char *__h, const char *__n);
#endif

#endif
