/* Tether mock <stdlib.h> (hermetic). */
#ifndef TETHER_MOCK_STDLIB_H
#define TETHER_MOCK_STDLIB_H
#include <tether_mock/c_config.h>
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647

__TM_BEGIN_C
typedef struct { int quot; int rem; } div_t;

extern void *malloc(size_t __size) __TM_THROW;
extern void *calloc(size_t __nmemb, size_t __size) __TM_THROW;
extern void *realloc(void *__ptr, size_t __size) __TM_THROW;
extern void *aligned_alloc(size_t __alignment, size_t __size) __TM_THROW;
extern int posix_memalign(void **__memptr, size_t __alignment, size_t __size) __TM_THROW;
extern void free(void *__ptr) __TM_THROW;
extern void exit(int __status) __TM_THROW __TM_NORETURN;
extern void _Exit(int __status) __TM_THROW __TM_NORETURN;
extern void quick_exit(int __status) __TM_THROW __TM_NORETURN;
extern void abort(void) __TM_THROW __TM_NORETURN;
extern int atexit(void (*__func)(void)) __TM_THROW;
extern char *getenv(const char *__name) __TM_THROW;
extern int setenv(const char *__name, const char *__value, int __replace) __TM_THROW;
extern int system(const char *__command);
extern int atoi(const char *__nptr) __TM_THROW;
extern long atol(const char *__nptr) __TM_THROW;
extern double atof(const char *__nptr) __TM_THROW;
extern long strtol(const char *__nptr, char **__endptr, int __base) __TM_THROW;
extern unsigned long strtoul(const char *__nptr, char **__endptr, int __base) __TM_THROW;
extern long long strtoll(const char *__nptr, char **__endptr, int __base) __TM_THROW;
extern double strtod(const char *__nptr, char **__endptr) __TM_THROW;
extern int rand(void) __TM_THROW;
extern void srand(unsigned int __seed) __TM_THROW;
extern int rand_r(unsigned int *__seed) __TM_THROW;
extern int abs(int __x) __TM_THROW __attribute__((__const__));
extern long labs(long __x) __TM_THROW __attribute__((__const__));
extern div_t div(int __numer, int __denom) __TM_THROW __attribute__((__const__));
extern int mkstemp(char *__template);
extern void qsort(void *__base, size_t __nmemb, size_t __size,
                  int (*__compar)(const void *, const void *));
__TM_END_C

#endif
