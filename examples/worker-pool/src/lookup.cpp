//===- lookup.cpp - Asking several resolvers, first answer wins ----------===//
//
// Part of Tether's worker-pool example: see ../README.md for the findings
// Tether reports here and how to fix them. The resolvers are simulated.
//
//===----------------------------------------------------------------------===//

#include "worker_pool/lookup.h"

#include <boost/fiber/buffered_channel.hpp>
#include <boost/fiber/channel_op_status.hpp>
#include <boost/fiber/unbuffered_channel.hpp>

#include <memory>
#include <semaphore>
#include <thread>

namespace worker_pool {
namespace {

std::string ask(const std::string &resolver, const std::string &address) {
  std::this_thread::sleep_for(std::chrono::milliseconds(resolver.size() * 3));
  return address + ".via." + resolver;
}

constexpr const char *FixedResolvers[] = {"dns-a", "dns-b", "dns-c", "dns-d"};

} // namespace

std::string resolve_first(const std::string &address,
                          const std::vector<std::string> &resolvers,
                          std::chrono::milliseconds budget) {
  auto answers =
      std::make_shared<boost::fibers::unbuffered_channel<std::string>>();
  for (const std::string &resolver : resolvers)
    std::thread([answers, resolver, address] {
      // FINDING 7: every resolver but the first blocks here forever: the
      // caller takes one answer (or none, on timeout) and returns.
      answers->push(ask(resolver, address));
    }).detach();
  std::string first;
  if (answers->pop_wait_for(first, budget) !=
      boost::fibers::channel_op_status::success)
    return {};
  return first;
}

std::string resolve_first_buffered(const std::string &address,
                                   std::chrono::milliseconds budget) {
  // Four resolvers, and a channel that holds seven answers (a
  // buffered_channel of capacity 8): no resolver ever waits for the caller.
  auto answers =
      std::make_shared<boost::fibers::buffered_channel<std::string>>(8);
  for (int r = 0; r < 4; ++r)
    std::thread([answers, r, address] {
      answers->push(ask(FixedResolvers[r], address));
    }).detach();
  std::string first;
  if (answers->pop_wait_for(first, budget) !=
      boost::fibers::channel_op_status::success)
    return {};
  return first;
}

std::vector<std::string> resolve_all(const std::vector<std::string> &addresses) {
  std::counting_semaphore<16> in_flight(4);
  boost::fibers::unbuffered_channel<std::string> names;
  std::vector<std::thread> lookups;
  for (const std::string &address : addresses) {
    // FINDING 8: with more than four addresses this deadlocks: four lookups
    // hold the tokens and wait in push() for this function, which waits
    // here for a token and only receives after the loop.
    in_flight.acquire();
    lookups.emplace_back([&in_flight, &names, address] {
      names.push(ask(FixedResolvers[0], address));
      in_flight.release();
    });
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < addresses.size(); ++i)
    out.push_back(names.value_pop());
  for (std::thread &t : lookups)
    t.join();
  return out;
}

std::vector<std::string>
resolve_all_bounded(const std::vector<std::string> &addresses) {
  // Each lookup takes its own token, so this function reaches the receive
  // loop at once and the lookups drain through it.
  std::counting_semaphore<16> in_flight(4);
  boost::fibers::unbuffered_channel<std::string> names;
  std::vector<std::thread> lookups;
  for (const std::string &address : addresses)
    lookups.emplace_back([&in_flight, &names, address] {
      in_flight.acquire();
      std::string name = ask(FixedResolvers[1], address);
      in_flight.release();
      names.push(name);
    });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < addresses.size(); ++i)
    out.push_back(names.value_pop());
  for (std::thread &t : lookups)
    t.join();
  return out;
}

} // namespace worker_pool
