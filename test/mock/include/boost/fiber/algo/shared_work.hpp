// Tether mock <boost/fiber/algo/shared_work.hpp> (hermetic).
#include <boost/fiber/algo/algorithm.hpp>
