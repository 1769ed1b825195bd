/*
 * standin.h (sdk-host tests): the lwIP types and calls espgen's glue uses, for the stand-in stack of this tree
 * (third_party/lwip). Written for these tests; it shares only the names with lwIP.
 */
#ifndef STANDIN_LWIP_H
#define STANDIN_LWIP_H
#include "ets_sys.h"
#include "lwipopts.h"
#include <ip_addr.h> /* include/ip_addr.h, not lwip/ip_addr.h beside this file */

typedef uint8 u8_t;
typedef uint16 u16_t;
typedef uint32 u32_t;
typedef sint8 err_t;
#define ERR_OK 0
#define ERR_MEM -1
#define ERR_RST -9

typedef enum { PBUF_TRANSPORT, PBUF_IP, PBUF_LINK, PBUF_RAW } pbuf_layer;
typedef enum { PBUF_RAM, PBUF_ROM, PBUF_REF, PBUF_POOL, PBUF_ESF_RX } pbuf_type;
struct pbuf {
	struct pbuf *next;
	void *payload;
	u16_t tot_len;
	u16_t len;
	u8_t type;
	u8_t flags;
	u16_t ref;
	void *eb;
};
struct pbuf *pbuf_alloc(pbuf_layer layer, u16_t length, pbuf_type type);
u8_t pbuf_free(struct pbuf *p);
u16_t pbuf_copy_partial(struct pbuf *p, void *dataptr, u16_t len, u16_t offset);

struct netif;
typedef err_t (*netif_input_fn)(struct pbuf *p, struct netif *inp);
typedef err_t (*netif_output_fn)(struct netif *netif, struct pbuf *p, ip_addr_t *ipaddr);
typedef err_t (*netif_linkoutput_fn)(struct netif *netif, struct pbuf *p);
typedef err_t (*netif_init_fn)(struct netif *netif);
#define NETIF_FLAG_UP 0x01U
#define NETIF_FLAG_LINK_UP 0x10U
struct netif {
	struct netif *next;
	ip_addr_t ip_addr;
	ip_addr_t netmask;
	ip_addr_t gw;
	netif_input_fn input;
	netif_output_fn output;
	netif_linkoutput_fn linkoutput;
	void *state;
	u16_t mtu;
	u8_t hwaddr_len;
	u8_t flags;
	char name[2];
};
struct netif *netif_add(struct netif *netif, ip_addr_t *ipaddr, ip_addr_t *netmask, ip_addr_t *gw, void *state,
			netif_init_fn init, netif_input_fn input);
void netif_set_default(struct netif *netif);
void netif_set_up(struct netif *netif);
extern struct netif *netif_default;
err_t ip_input(struct pbuf *p, struct netif *inp);

struct tcp_pcb_listen {
	struct tcp_pcb_listen *next;
	u16_t local_port;
	void *arg;	/* the listening espconn */
};
union tcp_listen_pcbs_t {
	struct tcp_pcb_listen *listen_pcbs;
};
extern union tcp_listen_pcbs_t tcp_listen_pcbs;

void lwip_init(void);
void sys_check_timeouts(void);

/* the stand-in TCP (core/tcp.c) as app/espconn.c uses it */
struct standin_conn;
typedef void (*standin_event_fn)(struct standin_conn *c, int what, const u8_t *data, u16_t len);
#define STANDIN_ESTABLISHED 1
#define STANDIN_DATA 2
#define STANDIN_ACKED 3
#define STANDIN_PEER_FIN 4
#define STANDIN_RESET 5
#define STANDIN_CLOSED 6
struct tcp_pcb_listen *standin_listen(u16_t port, void *arg, standin_event_fn fn);
int standin_write(struct standin_conn *c, const u8_t *data, u16_t len);
void standin_close(struct standin_conn *c, int abort);
void *standin_arg(struct standin_conn *c);
void *standin_listener_arg(struct standin_conn *c);
void standin_set_arg(struct standin_conn *c, void *arg);
void standin_peer(struct standin_conn *c, u8_t ip[4], int *port);
#endif
