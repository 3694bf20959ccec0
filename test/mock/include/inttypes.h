/* Tether mock <inttypes.h> (hermetic). */
#ifndef TETHER_MOCK_INTTYPES_H
#define TETHER_MOCK_INTTYPES_H
#include <stdint.h>
#define PRId32 "d"
#define PRIu32 "u"
#define PRId64 "ld"
#define PRIu64 "lu"
#define PRIx64 "lx"
#endif
