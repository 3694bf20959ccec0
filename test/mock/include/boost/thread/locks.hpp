// Tether mock <boost/thread/locks.hpp> (hermetic).
#include <boost/thread/lock_types.hpp>
