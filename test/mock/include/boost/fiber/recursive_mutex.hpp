// Tether mock <boost/fiber/recursive_mutex.hpp> (hermetic).
#include <boost/fiber/mutex.hpp>
