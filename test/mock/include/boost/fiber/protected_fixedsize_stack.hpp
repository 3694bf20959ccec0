// Tether mock <boost/fiber/protected_fixedsize_stack.hpp> (hermetic).
#include <boost/fiber/fixedsize_stack.hpp>
