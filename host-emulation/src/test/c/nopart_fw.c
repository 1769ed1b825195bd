/* nopart_fw.c - forgets the partition table: the chip stops booting, the emulation says so. */
#include "fw_common.h"

void user_pre_init(void)
{
}

void user_init(void)
{
	os_printf("user_init ran\n");
}
