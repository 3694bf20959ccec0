/* Tether mock <math.h> (hermetic). */
#ifndef TETHER_MOCK_MATH_H
#define TETHER_MOCK_MATH_H
#include <tether_mock/c_config.h>
__TM_BEGIN_C
extern double sqrt(double __x) __TM_THROW;
extern double pow(double __x, double __y) __TM_THROW;
extern double fabs(double __x) __TM_THROW __attribute__((__const__));
extern double floor(double __x) __TM_THROW __attribute__((__const__));
extern double ceil(double __x) __TM_THROW __attribute__((__const__));
extern double sin(double __x) __TM_THROW;
extern double cos(double __x) __TM_THROW;
extern double exp(double __x) __TM_THROW;
extern double log(double __x) __TM_THROW;
__TM_END_C
#define HUGE_VAL (__builtin_huge_val())
#define NAN (__builtin_nanf(""))
#define INFINITY (__builtin_inff())
#endif
