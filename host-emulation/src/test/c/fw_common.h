/*
 * fw_common.h - what every hand-written test firmware shares: the partition table user_pre_init must
 * register, and a helper that opens a listener. Test firmwares talk to the SDK API directly and print
 * what they observe with os_printf, one fact per line, for the Java tests to match.
 */
#ifndef FW_COMMON_H
#define FW_COMMON_H

#include "espgen_sdk.h"

#define FW_IP(ip) (ip)[0], (ip)[1], (ip)[2], (ip)[3]

/* A non-OTA 4 MB layout (SPI_FLASH_SIZE_MAP 4). */
static const partition_item_t fw_partitions[] = {
	{ SYSTEM_PARTITION_BOOTLOADER, 0x00000, 0x10000 },
	{ SYSTEM_PARTITION_OTA_1, 0x10000, 0x60000 },
	{ SYSTEM_PARTITION_RF_CAL, 0x3fb000, 0x1000 },
	{ SYSTEM_PARTITION_PHY_DATA, 0x3fc000, 0x1000 },
	{ SYSTEM_PARTITION_SYSTEM_PARAMETER, 0x3fd000, 0x3000 },
};

static inline void fw_register_partitions(void)
{
	if (!system_partition_table_regist(fw_partitions,
					   sizeof(fw_partitions) / sizeof(fw_partitions[0]), 4))
		os_printf("partition table refused\n");
}

static inline sint8 fw_listen(struct espconn *l, esp_tcp *t, int port, espconn_connect_callback connect_cb,
			      espconn_recv_callback recv_cb, espconn_sent_callback sent_cb,
			      espconn_connect_callback discon_cb, espconn_reconnect_callback recon_cb)
{
	l->type = ESPCONN_TCP;
	l->state = ESPCONN_NONE;
	l->proto.tcp = t;
	t->local_port = port;
	espconn_regist_connectcb(l, connect_cb);
	espconn_regist_recvcb(l, recv_cb);
	espconn_regist_sentcb(l, sent_cb);
	espconn_regist_disconcb(l, discon_cb);
	espconn_regist_reconcb(l, recon_cb);
	return espconn_accept(l);
}

/* The first len bytes of s equal the command cmd. */
static inline int fw_is(const char *s, unsigned short len, const char *cmd)
{
	size_t n = os_strlen(cmd);

	return len >= n && os_memcmp(s, cmd, n) == 0;
}

#endif /* FW_COMMON_H */
