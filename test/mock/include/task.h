/* Tether mock <task.h> (hermetic): Russ Cox's libtask.
 *
 * Real-API notes: chancreate(int elemsize, int bufsize) returns Channel* (must
 * be chanfree()d); chansend/chanrecv copy elemsize bytes through a void*;
 * the *p / *ul variants send a pointer / unsigned long; chann* are the
 * non-blocking forms. taskcreate(fn, arg, stacksize) starts a cooperative task
 * and returns its id. A libtask program defines taskmain() instead of main().
 * The real header is wrapped in extern "C" for C++. */
#ifndef TETHER_MOCK_TASK_H
#define TETHER_MOCK_TASK_H
#include <tether_mock/c_config.h>
#include <stdarg.h>
#include <stdint.h>

__TM_BEGIN_C
typedef struct Task Task;
typedef struct Tasklist Tasklist;

int anyready(void);
int taskcreate(void (*f)(void *arg), void *arg, unsigned int stacksize);
void taskexit(int);
void taskexitall(int);
void taskmain(int argc, char *argv[]);
int taskyield(void);
void **taskdata(void);
void needstack(int);
void taskname(char *, ...);
void taskstate(char *, ...);
char *taskgetname(void);
char *taskgetstate(void);
void tasksystem(void);
unsigned int taskdelay(unsigned int);
unsigned int taskid(void);

struct Tasklist {
  Task *head;
  Task *tail;
};

typedef struct QLock QLock;
struct QLock {
  Task *owner;
  Tasklist waiting;
};
void qlock(QLock *);
int canqlock(QLock *);
void qunlock(QLock *);

typedef struct RWLock RWLock;
struct RWLock {
  int readers;
  Task *writer;
  Tasklist rwaiting;
  Tasklist wwaiting;
};
void rlock(RWLock *);
int canrlock(RWLock *);
void runlock(RWLock *);
void wlock(RWLock *);
int canwlock(RWLock *);
void wunlock(RWLock *);

typedef struct Rendez Rendez;
struct Rendez {
  QLock *l;
  Tasklist waiting;
};
void tasksleep(Rendez *);
int taskwakeup(Rendez *);
int taskwakeupall(Rendez *);

typedef struct Alt Alt;
typedef struct Altarray Altarray;
typedef struct Channel Channel;
enum { CHANEND, CHANSND, CHANRCV, CHANNOP, CHANNOBLK };
struct Alt {
  Channel *c;
  void *v;
  unsigned int op;
  Task *task;
  Alt *xalt;
};
struct Altarray {
  Alt **a;
  unsigned int n;
  unsigned int m;
};
struct Channel {
  unsigned int bufsize;
  unsigned int elemsize;
  unsigned char *buf;
  unsigned int nbuf;
  unsigned int off;
  Altarray asend;
  Altarray arecv;
  char *name;
};

int chanalt(Alt *alts);
Channel *chancreate(int elemsize, int elemcnt);
void chanfree(Channel *c);
int chaninit(Channel *c, int elemsize, int elemcnt);
int channbrecv(Channel *c, void *v);
void *channbrecvp(Channel *c);
unsigned long channbrecvul(Channel *c);
int channbsend(Channel *c, void *v);
int channbsendp(Channel *c, void *v);
int channbsendul(Channel *c, unsigned long v);
int chanrecv(Channel *c, void *v);
void *chanrecvp(Channel *c);
unsigned long chanrecvul(Channel *c);
int chansend(Channel *c, void *v);
int chansendp(Channel *c, void *v);
int chansendul(Channel *c, unsigned long v);

int fdread(int, void *, int);
int fdread1(int, void *, int);
int fdwrite(int, void *, int);
void fdwait(int, int);
int fdnoblock(int);
void fdtask(void *);

enum { UDP = 0, TCP = 1 };
int netannounce(int, char *, int);
int netaccept(int, char *, int *);
int netdial(int, char *, int);
int netlookup(char *, uint32_t *);
__TM_END_C

#endif
