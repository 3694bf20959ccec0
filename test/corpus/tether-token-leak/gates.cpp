// tether-token-leak: a semaphore used as a gate. The last arrival releases
// it for everyone, and every party then waits at it: a release written
// before the acquire opens the gate, it does not give back a token the
// function took. Nothing is borrowed, nothing is reported.
#include <atomic>
#include <semaphore>
#include <thread>
#include <vector>

void arrive(std::atomic<int> &arrived, int n, std::counting_semaphore<> &gate) {
  if (++arrived == n)
    gate.release(n);
  gate.acquire();
}

void rendezvous(int n) {
  std::atomic<int> arrived{0};
  std::counting_semaphore<> gate(0);
  std::vector<std::thread> parties;
  for (int i = 0; i < n; ++i)
    parties.emplace_back([&arrived, &gate, n] {
      if (++arrived == n)
        gate.release(n);
      gate.acquire();
    });
  for (auto &t : parties)
    t.join();
}

// Still a leak: taken, then given back on one path only.
void borrowed(std::counting_semaphore<> &slots, bool fail) {
  slots.acquire();
  if (fail)
    return; // analyzer-warning{{'borrowed' takes a token from 'slots' with 'acquire' and, on this path, finishes without giving it back}}
  slots.release();
}
