// Tether mock <boost/chrono/chrono.hpp> (hermetic).
#include <boost/chrono.hpp>
