/* stand-in ets_sys.h (sdk-host tests): espgen's own declarations of the SDK interface, and what the glue needs */
#ifndef STANDIN_ETS_SYS_H
#define STANDIN_ETS_SYS_H
#undef ESPGEN_SDK_H
#undef ESPGEN_REAL_SDK
#include "standin_decls.h"
#define ESPGEN_REAL_SDK 1

typedef void (*ETSTask)(ETSEvent *e);
#define os_signal_t ETSSignal
#define os_param_t ETSParam

/* the FRC2 counter, as the real eagle_soc.h reads it */
#define NOW() (*(volatile uint32 *)0x60000624)
#endif
