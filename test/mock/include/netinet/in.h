/* Tether mock <netinet/in.h> (hermetic). */
#ifndef TETHER_MOCK_NETINET_IN_H
#define TETHER_MOCK_NETINET_IN_H
#include <tether_mock/c_config.h>
#include <stdint.h>
#include <sys/socket.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)
#define IPPROTO_IP 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

__TM_BEGIN_C
struct in_addr {
  in_addr_t s_addr;
};
struct sockaddr_in {
  sa_family_t sin_family;
  in_port_t sin_port;
  struct in_addr sin_addr;
  unsigned char sin_zero[8];
};
extern uint32_t htonl(uint32_t __hostlong) __TM_THROW __attribute__((__const__));
extern uint16_t htons(uint16_t __hostshort) __TM_THROW __attribute__((__const__));
extern uint32_t ntohl(uint32_t __netlong) __TM_THROW __attribute__((__const__));
extern uint16_t ntohs(uint16_t __netshort) __TM_THROW __attribute__((__const__));
__TM_END_C
#endif
