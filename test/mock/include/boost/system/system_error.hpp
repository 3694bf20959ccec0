// Tether mock <boost/system/system_error.hpp> (hermetic).
#include <boost/system/error_code.hpp>
