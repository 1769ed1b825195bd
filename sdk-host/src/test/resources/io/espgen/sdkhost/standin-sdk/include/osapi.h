/* stand-in osapi.h (sdk-host tests): like the real one, it needs the application's user_config.h */
#include "user_config.h"
#include "ets_sys.h"
