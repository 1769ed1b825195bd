/*
 * core/tcp.c of the stand-in SDK (sdk-host tests): a minimal TCP server over IPv4, enough for real connections
 * through the glue and its network end. Passive open only; in-order data only (an out-of-order segment is dropped
 * and acknowledged again); no retransmission, no window beyond the peer's, no options but MSS. Allocations come
 * from the chip's heap with an empty file name, as the real lwIP's (mem_malloc).
 */
#include "lwip/standin.h"

void *pvPortZalloc(size_t size, const char *file, unsigned line);
void vPortFree(void *p, const char *file, unsigned line);
int system_pp_recycle_rx_pkt(void *eb);

#define ISS 1000u
#define FLAG_FIN 0x01
#define FLAG_SYN 0x02
#define FLAG_RST 0x04
#define FLAG_PSH 0x08
#define FLAG_ACK 0x10

struct standin_conn {
	struct standin_conn *next;
	struct tcp_pcb_listen *listener;
	standin_event_fn fn;
	void *arg;
	u32_t remote_ip;
	u16_t remote_port;
	u16_t local_port;
	u32_t snd_nxt;
	u32_t snd_una;
	u32_t rcv_nxt;
	int established;
	int fin_sent;
	int peer_fin;
};

union tcp_listen_pcbs_t tcp_listen_pcbs;
static struct standin_conn *conns;
static standin_event_fn listen_fns[16];
static struct tcp_pcb_listen *listen_of_fn[16];

/* ---- pbufs ---- */

struct pbuf *pbuf_alloc(pbuf_layer layer, u16_t length, pbuf_type type)
{
	(void)layer;
	struct pbuf *p = pvPortZalloc(sizeof(struct pbuf) + (type == PBUF_RAM ? length : 0), "", __LINE__);
	if (p == NULL)
		return NULL;
	p->payload = type == PBUF_RAM ? (void *)(p + 1) : NULL;
	p->tot_len = p->len = length;
	p->type = (u8_t)type;
	p->ref = 1;
	return p;
}

u8_t pbuf_free(struct pbuf *p)
{
	if (p->type == PBUF_REF || p->type == PBUF_ROM)
		system_pp_recycle_rx_pkt(p->eb);
	vPortFree(p, "", __LINE__);
	return 1;
}

u16_t pbuf_copy_partial(struct pbuf *p, void *dataptr, u16_t len, u16_t offset)
{
	if (offset >= p->len)
		return 0;
	u16_t n = (u16_t)(p->len - offset < len ? p->len - offset : len);
	ets_memcpy(dataptr, (u8_t *)p->payload + offset, n);
	return n;
}

/* ---- the interface ---- */

struct netif *netif_default;

struct netif *netif_add(struct netif *netif, ip_addr_t *ipaddr, ip_addr_t *netmask, ip_addr_t *gw, void *state,
			netif_init_fn init, netif_input_fn input)
{
	netif->ip_addr = *ipaddr;
	netif->netmask = *netmask;
	netif->gw = *gw;
	netif->state = state;
	netif->input = input;
	if (init(netif) != ERR_OK)
		return NULL;
	return netif;
}

void netif_set_default(struct netif *netif)
{
	netif_default = netif;
}

void netif_set_up(struct netif *netif)
{
	netif->flags |= NETIF_FLAG_UP;
}

/* ---- checksums and output ---- */

static u32_t sum16(const u8_t *p, int n, u32_t sum)
{
	for (int i = 0; i + 1 < n; i += 2)
		sum += (u32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (u32_t)(p[n - 1] << 8);
	return sum;
}

static u16_t fold(u32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xFFFF) + (sum >> 16);
	return (u16_t)~sum;
}

static void put16(u8_t *p, u16_t v)
{
	p[0] = (u8_t)(v >> 8);
	p[1] = (u8_t)v;
}

static void put32(u8_t *p, u32_t v)
{
	put16(p, (u16_t)(v >> 16));
	put16(p + 2, (u16_t)v);
}

static u32_t get32(const u8_t *p)
{
	return (u32_t)p[0] << 24 | (u32_t)p[1] << 16 | (u32_t)p[2] << 8 | p[3];
}

static void output(u32_t dst, u16_t sport, u16_t dport, u32_t seq, u32_t ack, u8_t flags, const u8_t *data,
		   u16_t len)
{
	int opt = (flags & FLAG_SYN) ? 4 : 0;
	u16_t total = (u16_t)(20 + 20 + opt + len);
	struct pbuf *p = pbuf_alloc(PBUF_RAW, total, PBUF_RAM);
	if (p == NULL)
		return;
	u8_t *ip = p->payload, *tcp = ip + 20;
	ets_memset(ip, 0, 40 + opt);
	ip[0] = 0x45;
	put16(ip + 2, total);
	ip[8] = 64;
	ip[9] = 6;
	ets_memcpy(ip + 12, &netif_default->ip_addr.addr, 4);
	ets_memcpy(ip + 16, &dst, 4);
	put16(ip + 10, fold(sum16(ip, 20, 0)));
	put16(tcp, sport);
	put16(tcp + 2, dport);
	put32(tcp + 4, seq);
	put32(tcp + 8, ack);
	tcp[12] = (u8_t)((20 + opt) / 4 << 4);
	tcp[13] = flags;
	put16(tcp + 14, 5840);
	if (opt) {
		tcp[20] = 2;
		tcp[21] = 4;
		put16(tcp + 22, TCP_MSS);
	}
	if (len)
		ets_memcpy(tcp + 20 + opt, data, len);
	u32_t pseudo = sum16(ip + 12, 8, 0) + 6 + (u32_t)(20 + opt + len);
	put16(tcp + 16, fold(sum16(tcp, 20 + opt + len, pseudo)));
	ip_addr_t to = { dst };
	netif_default->output(netif_default, p, &to);
	pbuf_free(p);
}

static void reply(struct standin_conn *c, u8_t flags, const u8_t *data, u16_t len)
{
	output(c->remote_ip, c->local_port, c->remote_port, c->snd_nxt, c->rcv_nxt, flags, data, len);
}

/* ---- connections ---- */

struct tcp_pcb_listen *standin_listen(u16_t port, void *arg, standin_event_fn fn)
{
	for (int i = 0; i < 16; i++) {
		if (listen_of_fn[i] == NULL) {
			struct tcp_pcb_listen *l = pvPortZalloc(sizeof(*l), "", __LINE__);
			if (l == NULL)
				return NULL;
			l->local_port = port;
			l->arg = arg;
			l->next = tcp_listen_pcbs.listen_pcbs;
			tcp_listen_pcbs.listen_pcbs = l;
			listen_of_fn[i] = l;
			listen_fns[i] = fn;
			return l;
		}
	}
	return NULL;
}

static standin_event_fn fn_of(struct tcp_pcb_listen *l)
{
	for (int i = 0; i < 16; i++) {
		if (listen_of_fn[i] == l)
			return listen_fns[i];
	}
	return NULL;
}

static void drop(struct standin_conn *c)
{
	for (struct standin_conn **p = &conns; *p; p = &(*p)->next) {
		if (*p == c) {
			*p = c->next;
			break;
		}
	}
	vPortFree(c, "", __LINE__);
}

static void event(struct standin_conn *c, int what, const u8_t *data, u16_t len)
{
	if (c->fn)
		c->fn(c, what, data, len);
}

static void tcp_in(u32_t src, const u8_t *tcp, u16_t len)
{
	u16_t sport = (u16_t)(tcp[0] << 8 | tcp[1]), dport = (u16_t)(tcp[2] << 8 | tcp[3]);
	u32_t seq = get32(tcp + 4), ack = get32(tcp + 8);
	u8_t flags = tcp[13];
	u16_t hlen = (u16_t)((tcp[12] >> 4) * 4);
	const u8_t *data = tcp + hlen;
	u16_t dlen = (u16_t)(len - hlen);
	struct standin_conn *c;

	for (c = conns; c; c = c->next) {
		if (c->remote_ip == src && c->remote_port == sport && c->local_port == dport)
			break;
	}
	if (c == NULL) {
		struct tcp_pcb_listen *l;
		for (l = tcp_listen_pcbs.listen_pcbs; l && l->local_port != dport; l = l->next)
			;
		if (l && (flags & (FLAG_SYN | FLAG_ACK | FLAG_RST)) == FLAG_SYN) {
			c = pvPortZalloc(sizeof(*c), "", __LINE__);
			if (c == NULL)
				return;	/* no heap: the client sends its SYN again */
			c->listener = l;
			c->fn = fn_of(l);
			c->remote_ip = src;
			c->remote_port = sport;
			c->local_port = dport;
			c->snd_una = ISS;
			c->snd_nxt = ISS;
			c->rcv_nxt = seq + 1;
			c->next = conns;
			conns = c;
			reply(c, FLAG_SYN | FLAG_ACK, NULL, 0);
			c->snd_nxt = ISS + 1;
			c->snd_una = ISS + 1;
		} else if (!(flags & FLAG_RST)) {
			output(src, dport, sport, (flags & FLAG_ACK) ? ack : 0, seq + dlen + !!(flags & FLAG_SYN),
			       FLAG_RST | FLAG_ACK, NULL, 0);
		}
		return;
	}
	if (flags & FLAG_RST) {
		event(c, STANDIN_RESET, NULL, 0);
		drop(c);
		return;
	}
	if ((flags & FLAG_ACK) && !c->established) {
		c->established = 1;
		event(c, STANDIN_ESTABLISHED, NULL, 0);
	}
	if ((flags & FLAG_ACK) && (sint32)(ack - c->snd_una) > 0 && (sint32)(ack - c->snd_nxt) <= 0) {
		c->snd_una = ack;
		if (c->snd_una == c->snd_nxt && !c->fin_sent)
			event(c, STANDIN_ACKED, NULL, 0);
	}
	if (dlen && seq == c->rcv_nxt && !c->peer_fin) {
		c->rcv_nxt += dlen;
		reply(c, FLAG_ACK, NULL, 0);
		event(c, STANDIN_DATA, data, dlen);
	} else if (dlen) {
		reply(c, FLAG_ACK, NULL, 0);
	}
	if ((flags & FLAG_FIN) && seq + dlen == c->rcv_nxt && !c->peer_fin) {
		c->peer_fin = 1;
		c->rcv_nxt += 1;
		reply(c, FLAG_ACK, NULL, 0);
		event(c, STANDIN_PEER_FIN, NULL, 0);
	}
	if (c->fin_sent && c->peer_fin && c->snd_una == c->snd_nxt) {
		event(c, STANDIN_CLOSED, NULL, 0);
		drop(c);
	}
}

err_t ip_input(struct pbuf *p, struct netif *inp)
{
	(void)inp;
	const u8_t *ip = p->payload;
	if (p->len >= 40 && ip[0] >> 4 == 4 && ip[9] == 6) {
		u16_t ihl = (u16_t)((ip[0] & 15) * 4);
		u16_t total = (u16_t)(ip[2] << 8 | ip[3]);
		u32_t src;
		ets_memcpy(&src, ip + 12, 4);
		if (total <= p->len && total >= ihl + 20)
			tcp_in(src, ip + ihl, (u16_t)(total - ihl));
	}
	pbuf_free(p);
	return ERR_OK;
}

int standin_write(struct standin_conn *c, const u8_t *data, u16_t len)
{
	while (len) {
		u16_t n = len > TCP_MSS ? TCP_MSS : len;
		reply(c, FLAG_ACK | FLAG_PSH, data, n);
		c->snd_nxt += n;
		data += n;
		len = (u16_t)(len - n);
	}
	return 0;
}

void standin_close(struct standin_conn *c, int abort)
{
	c->fn = NULL;
	if (abort) {
		reply(c, FLAG_RST | FLAG_ACK, NULL, 0);
		drop(c);
		return;
	}
	reply(c, FLAG_FIN | FLAG_ACK, NULL, 0);
	c->snd_nxt += 1;
	c->fin_sent = 1;
}

void *standin_listener_arg(struct standin_conn *c)
{
	return c->listener->arg;
}

void *standin_arg(struct standin_conn *c)
{
	return c->arg;
}

void standin_set_arg(struct standin_conn *c, void *arg)
{
	c->arg = arg;
}

void standin_peer(struct standin_conn *c, u8_t ip[4], int *port)
{
	ets_memcpy(ip, &c->remote_ip, 4);
	*port = c->remote_port;
}

/* ---- start-up and time ---- */

void lwip_init(void)
{
	/* the values the real lwip_init writes (the glue's register page holds them) */
	MEMP_NUM_TCP_PCB = 5;
	TCP_WND = 4 * TCP_MSS;
}

void sys_check_timeouts(void)
{
}
