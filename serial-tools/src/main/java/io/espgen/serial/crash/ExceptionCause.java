package io.espgen.serial.crash;

/**
 * The Xtensa exception causes (EXCCAUSE) an ESP8266 dump names by number, with what each usually means in
 * firmware. Numbers from the Xtensa ISA reference, as the NONOS SDK's and the Arduino core's handlers print them.
 */
public final class ExceptionCause {
    private ExceptionCause() {
    }

    public static String name(int cause) {
        switch (cause) {
            case 0:
                return "IllegalInstruction";
            case 1:
                return "Syscall";
            case 2:
                return "InstructionFetchError";
            case 3:
                return "LoadStoreError";
            case 4:
                return "Level1Interrupt";
            case 5:
                return "Alloca";
            case 6:
                return "IntegerDivideByZero";
            case 8:
                return "Privileged";
            case 9:
                return "LoadStoreAlignment";
            case 12:
                return "InstrPIFDataError";
            case 13:
                return "LoadStorePIFDataError";
            case 14:
                return "InstrPIFAddrError";
            case 15:
                return "LoadStorePIFAddrError";
            case 16:
                return "InstTLBMiss";
            case 17:
                return "InstTLBMultiHit";
            case 18:
                return "InstFetchPrivilege";
            case 20:
                return "InstFetchProhibited";
            case 24:
                return "LoadStoreTLBMiss";
            case 25:
                return "LoadStoreTLBMultiHit";
            case 26:
                return "LoadStorePrivilege";
            case 28:
                return "LoadProhibited";
            case 29:
                return "StoreProhibited";
            default:
                return "unknown cause";
        }
    }

    /** One line on what the cause usually means, or null. */
    public static String meaning(int cause) {
        switch (cause) {
            case 0:
                return "the CPU met an instruction it cannot run (a corrupted function pointer, or a jump into data)";
            case 3:
                return "a byte or 16-bit access to IRAM or flash-mapped memory (only 32-bit aligned words work there)";
            case 6:
                return "an integer division by zero";
            case 9:
                return "an unaligned load or store";
            case 20:
                return "a jump to an address that holds no code (a null or stale function pointer)";
            case 28:
                return "a read from an invalid address (a null or stale pointer; see excvaddr)";
            case 29:
                return "a write to an invalid address (a null or stale pointer; see excvaddr)";
            default:
                return null;
        }
    }
}
