// Tether mock <boost/fiber/timed_mutex.hpp> (hermetic).
#include <boost/fiber/mutex.hpp>
