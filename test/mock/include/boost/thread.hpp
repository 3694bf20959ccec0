// Tether mock <boost/thread.hpp> (hermetic). Mirrors what the real umbrella
// header brings in (scoped_thread is NOT part of it; Boost.Thread futures are
// not mocked).
#ifndef TETHER_MOCK_BOOST_THREAD_HPP
#define TETHER_MOCK_BOOST_THREAD_HPP
#include <boost/thread/barrier.hpp>
#include <boost/thread/condition_variable.hpp>
#include <boost/thread/exceptions.hpp>
#include <boost/thread/lock_types.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/once.hpp>
#include <boost/thread/recursive_mutex.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <boost/thread/thread.hpp>
#endif
