// Tether mock <boost/fiber/algo/work_stealing.hpp> (hermetic).
#include <boost/fiber/algo/algorithm.hpp>
