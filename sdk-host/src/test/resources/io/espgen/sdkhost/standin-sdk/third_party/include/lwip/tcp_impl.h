/* stand-in lwip/tcp_impl.h (sdk-host tests) */
#include "lwip/standin.h"
