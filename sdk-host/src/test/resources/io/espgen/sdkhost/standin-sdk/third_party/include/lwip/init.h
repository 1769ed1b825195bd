/* stand-in lwip/init.h (sdk-host tests) */
#include "lwip/standin.h"
