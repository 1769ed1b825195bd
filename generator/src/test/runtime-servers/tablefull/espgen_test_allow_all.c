/*
 * espgen_test_allow_all.c - disarms the stack's per-server connection limit, for the table-full test only.
 *
 * The firmware is linked with -Wl,--wrap=espconn_tcp_set_max_con_allow, so the runtime's call lands here and
 * the listener keeps the stack-wide limit (5): clients beyond the server's table then reach the runtime,
 * which the SDK's own accounting never lets happen, and the runtime must still stay whole.
 */
#include "espgen_sdk.h"

sint8 __wrap_espconn_tcp_set_max_con_allow(struct espconn *espconn, uint8 num);

sint8 __wrap_espconn_tcp_set_max_con_allow(struct espconn *espconn, uint8 num)
{
	(void)espconn;
	(void)num;
	return ESPCONN_OK;
}
