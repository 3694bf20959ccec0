// Tether mock <boost/fiber/algo/round_robin.hpp> (hermetic).
#include <boost/fiber/algo/algorithm.hpp>
