// Tether mock <boost/thread/exceptions.hpp> (hermetic).
#include <boost/thread/thread_only.hpp>
