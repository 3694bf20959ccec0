// Tether mock <boost/thread/lock_guard.hpp> (hermetic).
#include <boost/thread/lock_types.hpp>
