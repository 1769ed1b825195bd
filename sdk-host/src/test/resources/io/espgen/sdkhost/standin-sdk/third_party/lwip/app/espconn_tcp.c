/* app/espconn_tcp.c of the stand-in SDK (sdk-host tests): espconn_init registers the end events' task at 26 */
#include "lwip/standin.h"

int ets_task(ETSTask task, uint8 prio, ETSEvent *queue, uint8 qlen);
void standin_espconn_task(os_event_t *e);

static os_event_t queue[15];

void espconn_init(void)
{
	ets_task(standin_espconn_task, 26, queue, 15);
}
