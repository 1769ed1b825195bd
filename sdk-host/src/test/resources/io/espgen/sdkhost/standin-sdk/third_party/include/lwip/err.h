/* stand-in lwip/err.h (sdk-host tests) */
#include "lwip/standin.h"
