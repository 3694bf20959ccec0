/* Tether mock <arpa/inet.h> (hermetic). */
#ifndef TETHER_MOCK_ARPA_INET_H
#define TETHER_MOCK_ARPA_INET_H
#include <netinet/in.h>
__TM_BEGIN_C
extern int inet_pton(int __af, const char *__restrict __cp, void *__restrict __buf) __TM_THROW;
extern in_addr_t inet_addr(const char *__cp) __TM_THROW;
__TM_END_C
#endif
