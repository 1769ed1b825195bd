package io.espgen.serial.crash;

import java.util.List;

/**
 * What an ESP8266 exception dump says: the cause, the exception program counters ({@code epc1} is where the
 * faulting instruction is), the address it tried to access ({@code excvaddr}), and the words of the stack that
 * point into code (IRAM or flash), innermost first.
 */
public record ExceptionDump(int cause, long epc1, long epc2, long epc3, long excvaddr, long depc,
        List<Long> stackCode) {
    public ExceptionDump {
        stackCode = List.copyOf(stackCode);
    }

    /** IRAM (0x40100000..) and flash mapped through the cache (0x40200000..): where code lives. */
    public static boolean isCode(long address) {
        return (address >= 0x40100000L && address < 0x40110000L) || (address >= 0x40200000L && address < 0x40300000L);
    }
}
