/* stand-in os_type.h (sdk-host tests): see ets_sys.h */
#include "ets_sys.h"
