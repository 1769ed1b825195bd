/* stand-in mem.h (sdk-host tests): see ets_sys.h */
#include "ets_sys.h"
