/*
 * host_espconn_close.c - espconn_disconnect and espconn_abort: both only queue the close, which the
 * loop carries out (host_espconn_events.c).
 */
#include "host_espconn_internal.h"

/* ---- closing ---- */

static struct host_client *closable(struct espconn *espconn, const char *fn)
{
	struct host_client *c;

	if (!espconn)
		return NULL;
	c = host_live_client(espconn, fn);
	if (!c && host_listener_of(espconn))
		host_misuse("%s on the listening espconn %p: pass the per-client espconn (to stop "
			    "listening, use espconn_delete)", fn, (void *)espconn);
	return c;
}

static void queue_close(struct host_client *c, bool abort)
{
	struct host_ev *ev = host_xcalloc(1, sizeof(*ev));

	c->closing = true;
	c->pcb->state = ESPCONN_CLOSE;
	ev->kind = HOST_EV_CLOSE;
	ev->client_id = c->id;
	ev->abort = abort;
	host_post(ev);
}

sint8 espconn_disconnect(struct espconn *espconn)
{
	const char *what;
	struct host_client *c;

	if (host_ctx_now(&what) == HOST_CTX_ESPCONN)
		host_misuse("espconn_disconnect called from inside the %s (post a task with "
			    "system_os_post and disconnect from there)", what);
	c = closable(espconn, "espconn_disconnect");
	if (!c)
		return ESPCONN_ARG;
	if (c->closing)
		return ESPCONN_INPROGRESS;
	queue_close(c, false);
	return ESPCONN_OK;
}

sint8 espconn_abort(struct espconn *espconn)
{
	struct host_client *c = closable(espconn, "espconn_abort");

	if (!c)
		return ESPCONN_ARG;
	if (c->closing)
		return ESPCONN_INPROGRESS;
	queue_close(c, true);
	return ESPCONN_OK;
}
