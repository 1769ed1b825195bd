/*
 * host_espconn_poll.c - the loop's part of the espconn emulation: poll every socket, dispatch, check
 * acks and idle timers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "host_espconn_internal.h"

/* How often SIOCOUTQ is looked at while a send awaits its ack: nothing wakes the loop when the peer
 * acknowledges, and at 1 ms the next chunk left 0.5-0.8 ms late (bench/delayed-link measured 3-6 % of a
 * transfer); at 100 us it leaves as soon as a real stack would. */
#ifndef HOST_ACK_POLL_US /* bench/delayed-link/run --ack-poll-us sets it, for diagnosis only */
#define HOST_ACK_POLL_US 100
#endif

/* ---- the loop's part: poll every socket, dispatch, check acks and idle timers ---- */

enum host_pfd_kind { HOST_PFD_LISTENER, HOST_PFD_CLIENT };

struct host_pfd {
	enum host_pfd_kind kind;
	uint64_t id;
};

static void check_idle(uint64_t now)
{
	struct host_client *c = host_net.clients;

	while (c) {
		struct host_client *next = c->next;

		if (!c->closing && c->fin_received) {
			/* espconn_server_poll: a connection past ESTABLISHED is closed again */
			if (now >= c->fin_retry_ms)
				host_peer_fin(c);
		} else if (!c->closing && c->idle_s &&
		    now >= c->last_rx_ms + (uint64_t)c->idle_s * 1000u) {
			host_log("idle timeout (%u s): closing 127.0.0.1:%d on firmware port %d", c->idle_s,
				 c->remote_port, c->srv->fw_port);
			host_client_end(c, false, ESPCONN_OK, false);
		}
		c = next;
	}
}

/* How long the loop may sleep as far as the connections are concerned, -1 = forever; sets *ack_wait
 * when a send awaits its ack (the loop then looks again after HOST_ACK_POLL_US). */
static int own_timeout(uint64_t now, bool *ack_wait)
{
	struct host_client *c;
	int t = -1;

	if (host_net.ev_head)
		return 0;
	for (c = host_net.clients; c; c = c->next) {
		int d;

		if (c->closing)
			continue;
		if (c->segs) {
			/* awaiting acks, or room in flight for the rest */
			*ack_wait = true;
			continue;
		}
		if (c->fin_received) {
			d = c->fin_retry_ms > now ? (int)(c->fin_retry_ms - now) : 0;
		} else if (c->idle_s) {
			uint64_t due = c->last_rx_ms + (uint64_t)c->idle_s * 1000u;

			d = due > now ? (int)(due - now) : 0;
		} else {
			continue;
		}
		if (t < 0 || d < t)
			t = d;
	}
	return t;
}

int host_espconn_poll(int timeout_ms, const sigset_t *poll_mask)
{
	struct host_listener *l;
	struct host_client *c;
	struct pollfd *fds;
	struct host_pfd *who;
	struct timespec ts, *tsp = NULL;
	unsigned n = 0, cap = HOST_GPIO_POLLFDS, i, gpio_at;
	int own, rc;
	bool ack_wait = false;

	own = own_timeout(host_now_ms(), &ack_wait);
	if (own >= 0 && (timeout_ms < 0 || own < timeout_ms))
		timeout_ms = own;

	for (l = host_net.listeners; l; l = l->next)
		cap++;
	for (c = host_net.clients; c; c = c->next)
		cap++;
	fds = host_xcalloc(cap, sizeof(*fds));
	who = host_xcalloc(cap, sizeof(*who));
	for (l = host_net.listeners; l; l = l->next) {
		fds[n].fd = l->fd;
		fds[n].events = POLLIN;
		who[n].kind = HOST_PFD_LISTENER;
		who[n].id = l->id;
		n++;
	}
	for (c = host_net.clients; c; c = c->next) {
		if (c->closing)
			continue;
		fds[n].fd = c->fd;
		fds[n].events = (short)((host_wants_input(c) ? POLLIN : 0) | (host_can_write(c) ? POLLOUT : 0));
		who[n].kind = HOST_PFD_CLIENT;
		who[n].id = c->id;
		n++;
	}
	gpio_at = n;
	n += (unsigned)host_gpio_pollfds(fds + n);
	/* Nothing is ready to run (no posted task, deferred event or due timer): the loop waits for the
	 * network. */
	if (timeout_ms != 0)
		host_trace_idle();
	if (ack_wait && timeout_ms != 0) {
		ts.tv_sec = 0;
		ts.tv_nsec = HOST_ACK_POLL_US * 1000L;
		tsp = &ts;
	} else if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
		tsp = &ts;
	}
	rc = ppoll(fds, n, tsp, poll_mask);
	if (rc < 0 && errno != EINTR)
		host_fatal("ppoll: %s", strerror(errno));

	/* Everything is looked up again by id: a callback may have changed the lists. */
	for (i = 0; rc > 0 && i < gpio_at; i++) {
		short re = fds[i].revents;

		if (!re)
			continue;
		if (who[i].kind == HOST_PFD_LISTENER) {
			l = host_listener_by_id(who[i].id);
			if (l)
				host_accept_ready(l);
			continue;
		}
		c = host_client_by_id(who[i].id);
		if (!c || c->closing)
			continue;
		if (re & POLLOUT) {
			int e = host_write_some(c);

			if (e) {
				host_client_fail(c, e);
				continue;
			}
		}
		if (re & (POLLIN | POLLERR | POLLHUP)) {
			if (!host_wants_input(c)) {
				int e = 0;
				socklen_t elen = sizeof(e);

				/* Held: only an error or a full hang-up can end it now. */
				getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &elen);
				if (e)
					host_client_fail(c, e);
				else if (re & POLLHUP)
					host_client_end(c, false, ESPCONN_OK, false);
				continue;
			}
			if (!host_read_one(c))
				continue;
		}
	}
	if (rc > 0)
		host_gpio_ready(fds + gpio_at, (int)(n - gpio_at));
	free(fds);
	free(who);

	/* Acks arrive without waking poll: look at every client with a send outstanding. */
	c = host_net.clients;
	while (c) {
		uint64_t id = c->id;
		int e = host_check_acks(c);

		/* The sent callback may not free c (clients are freed only by the loop), but keep the
		 * walk honest anyway. */
		c = host_client_by_id(id);
		if (c && e) {
			struct host_client *next = c->next;

			host_client_fail(c, e);
			c = next;
			continue;
		}
		c = c ? c->next : NULL;
	}
	check_idle(host_now_ms());
	return rc;
}
