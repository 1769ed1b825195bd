/* fw_start.h - the partition table every test firmware registers in user_pre_init (SDK 3.x needs one) */
#ifndef FW_START_H
#define FW_START_H
#include "espgen_sdk.h"

static const partition_item_t fw_partitions[] = {
	{ SYSTEM_PARTITION_RF_CAL, 0x3fb000, 0x1000 },
	{ SYSTEM_PARTITION_PHY_DATA, 0x3fc000, 0x1000 },
	{ SYSTEM_PARTITION_SYSTEM_PARAMETER, 0x3fd000, 0x3000 },
};

void user_pre_init(void)
{
	system_partition_table_regist(fw_partitions, 3, 4);
}
#endif
