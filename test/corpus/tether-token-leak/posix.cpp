// tether-token-leak: POSIX results. A failed sem_wait holds no token, a
// failed pthread_create starts no thread to hand the token to, and
// sem_getvalue / sem_destroy neither take nor give one.
// RUN-ARGS: -std=c++20
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

bool valid(int);
int work(int);

sem_t g_limit;

// Clean: the failed sem_wait returns holding nothing.
int checkedWait(int item) {
  if (sem_wait(&g_limit) == -1) {
    perror("sem_wait");
    return -1;
  }
  int r = work(item);
  sem_post(&g_limit);
  return r;
}

// A checked sem_wait, then an early return that holds the token.
int checkedThenLeaked(int item) {
  if (sem_wait(&g_limit) != 0)
    return -1;
  if (!valid(item))
    return -2; // analyzer-warning{{'checkedThenLeaked' takes a token from 'g_limit' with 'sem_wait' and, on this path, finishes without giving it back}}
  sem_post(&g_limit);
  return 0;
}

// Clean: the EINTR retry loop.
int retryOnSignal(int item) {
  while (sem_wait(&g_limit) != 0)
    if (errno != EINTR)
      return -1;
  int r = work(item);
  sem_post(&g_limit);
  return r;
}

// Clean: the do/while form of the retry.
int retryDoWhile(int item) {
  int rc;
  do {
    rc = sem_wait(&g_limit);
  } while (rc == -1 && errno == EINTR);
  if (rc == -1)
    return -1;
  int r = work(item);
  sem_post(&g_limit);
  return r;
}

void *runAndPost(void *arg) {
  work(*static_cast<int *>(arg));
  sem_post(&g_limit);
  return nullptr;
}

// pthread_create failed: no thread was handed the token.
int startOrLeak(int *item) {
  sem_wait(&g_limit);
  pthread_t t;
  if (pthread_create(&t, nullptr, runAndPost, item) != 0)
    return -1; // analyzer-warning{{'startOrLeak' takes a token from 'g_limit' with 'sem_wait' and, on this path, finishes without giving it back}}
  pthread_detach(t);
  return 0;
}

// Clean: the failure path gives the token back itself.
int startOrGiveBack(int *item) {
  sem_wait(&g_limit);
  pthread_t t;
  if (pthread_create(&t, nullptr, runAndPost, item) != 0) {
    sem_post(&g_limit);
    return -1;
  }
  pthread_detach(t);
  return 0;
}

// sem_getvalue only reads the count: the token is still held.
int peekThenLeak(int item) {
  sem_wait(&g_limit);
  int left = 0;
  sem_getvalue(&g_limit, &left);
  if (left == 0 && !valid(item))
    return -1; // analyzer-warning{{'peekThenLeak' takes a token from 'g_limit' with 'sem_wait' and, on this path, finishes without giving it back}}
  sem_post(&g_limit);
  return left;
}

// sem_destroy of a local pool does not give its token away: the leak on
// the early return is still seen.
int destroyedLocal(int item) {
  sem_t local;
  sem_init(&local, 0, 1);
  sem_wait(&local);
  if (!valid(item)) {
    sem_destroy(&local);
    return -1; // analyzer-warning{{'destroyedLocal' takes a token from 'local' with 'sem_wait' and, on this path, finishes without giving it back}}
  }
  int r = work(item);
  sem_post(&local);
  sem_destroy(&local);
  return r;
}

// Clean: given back before sem_destroy.
int destroyedClean(int item) {
  sem_t local;
  sem_init(&local, 0, 1);
  sem_wait(&local);
  int r = work(item);
  sem_post(&local);
  sem_destroy(&local);
  return r;
}

// Clean: a result nobody looks at is taken for a started thread (the
// program has no failure path of its own).
void startUnchecked(int *item) {
  sem_wait(&g_limit);
  pthread_t t;
  pthread_create(&t, nullptr, runAndPost, item);
  pthread_detach(t);
}
