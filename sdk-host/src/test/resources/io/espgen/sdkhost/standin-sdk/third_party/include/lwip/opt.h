/* stand-in lwip/opt.h (sdk-host tests) */
#include "lwip/standin.h"
