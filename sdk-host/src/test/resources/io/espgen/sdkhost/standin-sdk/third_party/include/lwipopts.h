/* stand-in lwipopts.h (sdk-host tests): the settings the real one reads from the register page */
#ifndef STANDIN_LWIPOPTS_H
#define STANDIN_LWIPOPTS_H
#define MEMP_NUM_TCP_PCB (*(volatile uint32 *)0x600011FC)
#define TCP_WND (*(volatile uint32 *)0x600011F0)
#define TCP_MSS 1460
#endif
