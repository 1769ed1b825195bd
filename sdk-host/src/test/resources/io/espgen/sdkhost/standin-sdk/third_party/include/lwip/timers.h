/* stand-in lwip/timers.h (sdk-host tests) */
#include "lwip/standin.h"
