/*
 * glue_stack.c - what libmain does around the SDK's lwIP and espconn: start them, give lwIP a network
 * interface, hand it received packets, run its timeouts, and the Wi-Fi calls they make; and the start of a
 * firmware (user_pre_init, then user_init).
 *
 * The interface is an IP-level one: netif->output gets each outgoing IP packet, which glue_main.c hands to
 * the slirp helper or the TUN device; received IP packets go to ip_input. On the chip the station
 * interface is an Ethernet-like one (etharp_output, then the Wi-Fi driver): ARP and 802.11 are left out,
 * everything from IP up is the SDK's own code.
 *
 * SDK side: the SDK's headers (third_party/include first, as its lwIP Makefile) and glue.h only.
 */
#include "lwip/opt.h"
#include "lwip/init.h"
#include "lwip/ip.h"
#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/tcp_impl.h"
#include "lwip/timers.h"

#include "ets_sys.h"
#include "osapi.h"
#include "user_interface.h"

#include "glue.h"

void espconn_init(void);	/* espconn_tcp.c: registers espconn_Task (ets_task, priority 26) */
void user_pre_init(void);
void user_init(void);

static struct netif station;
static unsigned char output_buffer[65536];

/* ---- the network interface ---- */

static err_t glue_output(struct netif *netif, struct pbuf *p, ip_addr_t *ipaddr)
{
	(void)netif;
	(void)ipaddr;
	u16_t n = pbuf_copy_partial(p, output_buffer, p->tot_len, 0);
	if (n != p->tot_len)
		glue_error("netif output: a pbuf chain of %u bytes gave %u", (unsigned)p->tot_len, (unsigned)n);
	glue_netif_send(output_buffer, n);
	return ERR_OK;
}

static err_t glue_netif_init(struct netif *netif)
{
	netif->name[0] = 'e';
	netif->name[1] = 'w';
	netif->output = glue_output;
	netif->linkoutput = NULL;
	netif->mtu = 1500;
	netif->hwaddr_len = 0;
	netif->flags = NETIF_FLAG_LINK_UP;
	return ERR_OK;
}

void glue_stack_init(const unsigned char ip[4], const unsigned char mask[4], const unsigned char gw[4])
{
	ip_addr_t a, m, g;

	/* libmain's order on the chip: lwIP, then espconn, then the interfaces come up */
	lwip_init();
	espconn_init();
	IP4_ADDR(&a, ip[0], ip[1], ip[2], ip[3]);
	IP4_ADDR(&m, mask[0], mask[1], mask[2], mask[3]);
	IP4_ADDR(&g, gw[0], gw[1], gw[2], gw[3]);
	if (netif_add(&station, &a, &m, &g, NULL, glue_netif_init, ip_input) == NULL)
		glue_error("netif_add failed");
	netif_set_default(&station);
	netif_set_up(&station);
}

void glue_stack_input(const unsigned char *packet, unsigned int len)
{
	unsigned char *data;

	if (len == 0 || len > 0xFFFF)
		return;
	/* As the Wi-Fi driver hands lwIP a frame: a PBUF_REF pbuf (its struct from the heap, memp_malloc) that
	 * points into the driver's receive buffer, with the buffer's handle in eb, given back through
	 * system_pp_recycle_rx_pkt when lwIP frees the pbuf (pbuf.c: pbuf_free). Not PBUF_ESF_RX: pbuf_header
	 * refuses that type, so ip_input could not strip the IP header (pbuf.c: pbuf_header). */
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_REF);
	if (p == NULL) {
		glue_log("a received packet of %u bytes dropped: no heap for its pbuf", len);
		return;
	}
	p->eb = glue_rx_buffer_new(len, &data);
	os_memcpy(data, packet, len);
	p->payload = data;
	if (station.input(p, &station) != ERR_OK)
		pbuf_free(p);
}

void glue_stack_timers(void)
{
	sys_check_timeouts();
}

/* ---- listening ports: what espconn_accept opened (espconn_tcp.c: espconn_tcp_server, tcp_listen) ---- */

#define MAX_PORTS 32
static u16_t known_ports[MAX_PORTS];
static int known_count;

void glue_stack_scan_listeners(void)
{
	for (struct tcp_pcb_listen *l = tcp_listen_pcbs.listen_pcbs; l != NULL; l = l->next) {
		int known = 0;
		for (int i = 0; i < known_count; i++)
			known |= known_ports[i] == l->local_port;
		if (known || known_count == MAX_PORTS)
			continue;
		known_ports[known_count++] = l->local_port;
		glue_listener_added(l->local_port);
	}
}

/* ---- Wi-Fi: one station interface, up, with the address given on the command line ---- */

static uint8 opmode = STATION_MODE;

uint8 wifi_get_opmode(void)
{
	return opmode;
}

uint8 wifi_get_opmode_default(void)
{
	return opmode;
}

bool wifi_set_opmode_current(uint8 mode)
{
	if (mode > STATIONAP_MODE)
		return false;
	opmode = mode;
	glue_log("wifi_set_opmode_current(%u): no radio here; the firmware is reached through its one interface",
		 mode);
	return true;
}

bool wifi_set_opmode(uint8 mode)
{
	return wifi_set_opmode_current(mode);
}

static wifi_event_handler_cb_t wifi_event_cb;
static ETSTimer wifi_got_ip_timer;

void wifi_set_event_handler_cb(wifi_event_handler_cb_t cb)
{
	wifi_event_cb = cb;
}

/* The interface is up from the start: a station that is given a network "joins" it at once, and the SDK's
 * EVENT_STAMODE_GOT_IP follows from the scheduler (libmain posts it; it never comes inside the call). */
static void wifi_post_got_ip(void *arg)
{
	System_Event_t e;

	(void)arg;
	if (wifi_event_cb == NULL || !(opmode & STATION_MODE))
		return;
	os_memset(&e, 0, sizeof(e));
	e.event = EVENT_STAMODE_GOT_IP;
	e.event_info.got_ip.ip.addr = station.ip_addr.addr;
	e.event_info.got_ip.mask.addr = station.netmask.addr;
	e.event_info.got_ip.gw.addr = station.gw.addr;
	wifi_event_cb(&e);
}

static void wifi_schedule_got_ip(void)
{
	ets_timer_disarm(&wifi_got_ip_timer);
	ets_timer_setfn(&wifi_got_ip_timer, wifi_post_got_ip, NULL);
	ets_timer_arm_new(&wifi_got_ip_timer, 1, false, true);
}

bool wifi_station_set_config_current(struct station_config *config)
{
	glue_log("wifi_station_set_config_current(\"%.32s\"): no radio here", (const char *)config->ssid);
	wifi_schedule_got_ip();
	return true;
}

bool wifi_station_connect(void)
{
	wifi_schedule_got_ip();
	return true;
}

bool wifi_station_set_reconnect_policy(bool set)
{
	(void)set;
	return true;
}

bool wifi_station_dhcpc_stop(void)
{
	return true;
}

bool wifi_station_set_hostname(char *name)
{
	glue_log("wifi_station_set_hostname(\"%s\")", name);
	return true;
}

/* The interface keeps the address given on the command line. */
bool wifi_set_ip_info(uint8 if_index, struct ip_info *info)
{
	(void)if_index;
	return info != NULL;
}

bool wifi_softap_set_config_current(struct softap_config *config)
{
	glue_log("wifi_softap_set_config_current(\"%.*s\"): no radio here; the firmware is reached through its one "
		 "interface", (int)(config->ssid_len <= 32 ? config->ssid_len : 32), (const char *)config->ssid);
	return true;
}

bool wifi_station_set_config(struct station_config *config)
{
	return wifi_station_set_config_current(config);
}

uint8 wifi_station_get_connect_status(void)
{
	return STATION_GOT_IP;
}

bool wifi_get_ip_info(uint8 if_index, struct ip_info *info)
{
	if (info == NULL)
		return false;
	os_memset(info, 0, sizeof(*info));
	/* the one interface stands for the station and the soft-AP alike */
	(void)if_index;
	info->ip.addr = station.ip_addr.addr;
	info->netmask.addr = station.netmask.addr;
	info->gw.addr = station.gw.addr;
	return true;
}

uint8 wifi_get_broadcast_if(void)
{
	return 1;
}

enum dhcp_status wifi_softap_dhcps_status(void)
{
	return DHCP_STOPPED;
}

/* dhcpserver.c, linked but never started here */
bool wifi_softap_set_station_info(uint8 *chaddr, struct ip_addr *ip)
{
	(void)chaddr;
	(void)ip;
	return true;
}

/* dhcp.c, linked but never started here */
int system_station_got_ip_set(ip_addr_t *ip, ip_addr_t *mask, ip_addr_t *gw)
{
	(void)ip;
	(void)mask;
	(void)gw;
	return 0;
}

/* espconn_udp.c: the station's (0) and the soft-AP's (1) interfaces */
struct netif *eagle_lwip_getif(uint8 index)
{
	return index == 0 ? &station : NULL;
}

/* ---- the firmware's start ---- */

static bool partition_table_ok;

/* user_interface.h: SDK 3.x stops booting unless user_pre_init registers RF_CAL, PHY_DATA and
 * SYSTEM_PARAMETER (the team's SDK notes, section 4); the layout itself is esp:firmware's concern. */
bool system_partition_table_regist(const partition_item_t *table, uint32 count, uint32 map)
{
	static const partition_type_t required[] = { SYSTEM_PARTITION_RF_CAL, SYSTEM_PARTITION_PHY_DATA,
						     SYSTEM_PARTITION_SYSTEM_PARAMETER };
	(void)map;
	if (table == NULL)
		return false;
	for (unsigned r = 0; r < sizeof(required) / sizeof(required[0]); r++) {
		bool found = false;
		for (uint32 i = 0; i < count; i++)
			found |= table[i].type == required[r];
		if (!found)
			return false;
	}
	partition_table_ok = true;
	return true;
}

void glue_user_start(void)
{
	user_pre_init();
	if (!partition_table_ok)
		glue_fatal("user_pre_init registered no partition table with RF_CAL, PHY_DATA and SYSTEM_PARAMETER:"
			   " the chip stops booting");
	user_init();
}
