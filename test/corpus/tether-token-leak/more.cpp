// tether-token-leak: timed acquires, user pools, helpers, and the path of a
// report note by note.
// RUN-ARGS: -std=c++20
// CHECK-OPTION: TokenTypes=::app::Slots(arg0)
// CHECK-OPTION: TokenAcquireFunctions=::app::Slots::take
// CHECK-OPTION: TokenReleaseFunctions=::app::Slots::give
#include <chrono>
#include <semaphore.h>
#include <semaphore>
#include <time.h>

bool valid(int);
int work(int);

std::counting_semaphore<2> pool(2);

// The path of a report: where the token was taken, the branch, the return.
int withNotes(int item) {
  pool.acquire(); // analyzer-note{{a token is taken from 'pool' here}}
  if (!valid(item)) // analyzer-note{{Assuming the condition is true}} analyzer-note{{Taking true branch}}
    return -1; // analyzer-warning{{'withNotes' takes a token from 'pool' with 'acquire' and, on this path, finishes without giving it back}}
  int r = work(item);
  pool.release();
  return r;
}

// A timed acquire that succeeded, then an early return.
int timed(int item) {
  if (!pool.try_acquire_for(std::chrono::milliseconds(5))) // analyzer-note{{a token is taken from 'pool' here}} analyzer-note{{Taking false branch}}
    return 0;
  if (item < 0) // analyzer-note{{Assuming 'item' is < 0}} analyzer-note{{Taking true branch}}
    return -1; // analyzer-warning{{'timed' takes a token from 'pool' with 'try_acquire_for' and, on this path, finishes without giving it back}}
  pool.release();
  return 1;
}

// POSIX sem_timedwait.
int posixTimed(sem_t *s, const struct timespec *deadline, int item) {
  if (sem_timedwait(s, deadline) != 0) // analyzer-note{{a token is taken from 's' here}} analyzer-note{{Taking false branch}}
    return 0;
  if (!valid(item)) // analyzer-note{{Assuming the condition is true}} analyzer-note{{Taking true branch}}
    return -1; // analyzer-warning{{'posixTimed' takes a token from 's' with 'sem_timedwait' and, on this path, finishes without giving it back}}
  sem_post(s);
  return 1;
}

// A user pool from the options.
namespace app {
class Slots {
public:
  explicit Slots(int n);
  void take();
  void give();
};
} // namespace app
int userPool(app::Slots &slots, int item) {
  slots.take(); // analyzer-note{{a token is taken from 'slots' here}}
  if (!valid(item)) // analyzer-note{{Assuming the condition is true}} analyzer-note{{Taking true branch}}
    return -1; // analyzer-warning{{'userPool' takes a token from 'slots' with 'take' and, on this path, finishes without giving it back}}
  slots.give();
  return 0;
}

// Clean: a helper in this file gives it back (the analyzer follows it).
void giveBack() { pool.release(); }
int viaHelper(int item) {
  pool.acquire();
  int r = valid(item) ? work(item) : -1;
  giveBack();
  return r;
}
