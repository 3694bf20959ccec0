// Tether mock <boost/chrono/duration.hpp> (hermetic).
#include <boost/chrono.hpp>
