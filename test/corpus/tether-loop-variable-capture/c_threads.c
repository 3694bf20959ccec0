// C: the counter is declared before the loop (C89 style), and the thread
// gets its address. Every thread reads the one counter, which the loop keeps
// changing. pthreads, C11 threads, libuv and GLib.
#include <pthread.h>
#include <stddef.h>
#include <threads.h>

void *work(void *arg);
int work11(void *arg);

// libuv and GLib, as their headers declare them (not mocked).
typedef unsigned long uv_thread_t;
int uv_thread_create(uv_thread_t *tid, void (*entry)(void *), void *arg);
int uv_thread_join(uv_thread_t *tid);
typedef struct _GThread GThread;
GThread *g_thread_new(const char *name, void *(*func)(void *), void *data);
void *g_thread_join(GThread *thread);
void uv_entry(void *arg);

void counterDeclaredBeforeTheLoop(void) {
  pthread_t threads[8];
  int i;
  for (i = 0; i < 8; i++)
    pthread_create(&threads[i], NULL, work, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'; all iterations share 'i', so the thread can read a later value; give each thread its own copy}}
  for (i = 0; i < 8; i++)
    pthread_join(threads[i], NULL);
}

void counterStepInTheIncrementOnly(int n) {
  pthread_t t;
  int i = 0;
  for (; i < n; ++i) {
    pthread_create(&t, NULL, work, (void *)&i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'; all iterations share 'i', so the thread can read a later value}}
    pthread_detach(t);
  }
}

void whileCounter(int n) {
  pthread_t threads[8];
  int i = 0;
  while (i < n && i < 8) {
    pthread_create(&threads[i], NULL, work, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
    i++;
  }
}

void c11Threads(void) {
  thrd_t threads[4];
  int i;
  for (i = 0; i < 4; i++)
    thrd_create(&threads[i], work11, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'thrd_create'}}
  for (i = 0; i < 4; i++)
    thrd_join(threads[i], NULL);
}

void c11DetachedBodyLocal(int n) {
  for (int i = 0; i < n; i++) {
    int slot = i * 2;
    thrd_t t;
    thrd_create(&t, work11, &slot); // tidy-warning{{the address of variable 'slot' declared in the loop body is passed to a thread started by 'thrd_create'; 'slot' is destroyed when its iteration ends, so the thread can read through a dangling pointer}}
    thrd_detach(t);
  }
}

void libuvThreads(void) {
  uv_thread_t tids[4];
  int i;
  for (i = 0; i < 4; i++)
    uv_thread_create(&tids[i], uv_entry, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'uv_thread_create'}}
  for (i = 0; i < 4; i++)
    uv_thread_join(&tids[i]);
}

void glibThread(int n) {
  for (int i = 0; i < n; i++) {
    GThread *t = g_thread_new("worker", work, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'g_thread_new'}}
    (void)t;
  }
}

// Clean: every thread gets its own slot of an array that outlives the loop.
void ownSlots(void) {
  pthread_t threads[8];
  int ids[8];
  int i;
  for (i = 0; i < 8; i++) {
    ids[i] = i;
    pthread_create(&threads[i], NULL, work, &ids[i]);
  }
  for (i = 0; i < 8; i++)
    pthread_join(threads[i], NULL);
}

// Clean: joined before the counter changes.
void joinedInTheIteration(int n) {
  pthread_t t;
  int i;
  for (i = 0; i < n; i++) {
    pthread_create(&t, NULL, work, &i);
    pthread_join(t, NULL);
  }
}

void c11JoinedInTheIteration(int n) {
  thrd_t t;
  int i;
  for (i = 0; i < n; i++) {
    thrd_create(&t, work11, &i);
    thrd_join(t, NULL);
  }
}

void glibJoinedInTheIteration(int n) {
  for (int i = 0; i < n; i++) {
    GThread *t = g_thread_new("worker", work, &i);
    g_thread_join(t);
  }
}

// Clean: a flag the loop tests but never changes itself is shared on
// purpose (the thread sets it).
void sharedFlag(void) {
  pthread_t t;
  int done = 0;
  while (!done) {
    pthread_create(&t, NULL, work, &done);
    pthread_detach(t);
    break;
  }
}

// Clean: a value the loop does not advance (the total lives on).
void notAdvancedByTheLoop(int n) {
  pthread_t threads[8];
  int total = 0;
  int i;
  for (i = 0; i < n && i < 8; i++)
    pthread_create(&threads[i], NULL, work, &total);
  for (i = 0; i < n && i < 8; i++)
    pthread_join(threads[i], NULL);
}

struct job {
  int id;
  char name[16];
};

void handleThroughPointerArithmetic(void) {
  pthread_t tids[4];
  for (int i = 0; i < 4; i++)
    pthread_create(tids + i, NULL, work, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
  for (int i = 0; i < 4; i++)
    pthread_join(tids[i], NULL);
}

void bodyLocalArrayDecays(int n) {
  for (int i = 0; i < n; i++) {
    char name[32];
    name[0] = (char)('a' + i);
    pthread_t t;
    pthread_create(&t, NULL, work, name); // tidy-warning{{the address of variable 'name' declared in the loop body is passed to a thread started by 'pthread_create'; 'name' is destroyed when its iteration ends, so the thread can read through a dangling pointer; give each thread a copy that outlives the iteration (a slot per thread declared before the loop, or one allocated for it)}}
    pthread_detach(t);
  }
}

void fieldOfABodyLocal(int n) {
  for (int i = 0; i < n; i++) {
    struct job j;
    j.id = i;
    pthread_t t;
    pthread_create(&t, NULL, work, &j.id); // tidy-warning{{the address of variable 'j' declared in the loop body is passed to a thread started by 'pthread_create'}}
    pthread_detach(t);
  }
}

// Clean: a slot per thread, declared before the loop.
void slotPerThread(void) {
  struct job jobs[4];
  pthread_t tids[4];
  for (int i = 0; i < 4; i++) {
    jobs[i].id = i;
    pthread_create(&tids[i], NULL, work, &jobs[i].id);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(tids[i], NULL);
}

struct slot {
  pthread_t tid;
  int arg;
};

void handleThroughABodyLocalPointer(void) {
  struct slot slots[4];
  for (int i = 0; i < 4; i++) {
    struct slot *w = &slots[i];
    pthread_create(&w->tid, NULL, work, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
  }
  for (int i = 0; i < 4; i++)
    pthread_join(slots[i].tid, NULL);
}

// Clean: the alias points at storage of the iteration.
void aliasOfABodyLocal(int n) {
  for (int i = 0; i < n; i++) {
    struct slot mine;
    struct slot *w = &mine;
    pthread_create(&w->tid, NULL, work, &i);
    pthread_join(w->tid, NULL);
  }
}
