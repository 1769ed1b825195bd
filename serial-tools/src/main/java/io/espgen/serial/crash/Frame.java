package io.espgen.serial.crash;

/**
 * A code address resolved: the C function and its file and line (from the ELF's debug information), and, where the
 * compiler inlined the function, where it was inlined into ({@code espgen_dispatch at espgen_server.c:200}, else
 * null); function null when the ELF does not know the address.
 */
public record Frame(long address, String function, String file, int line, String inlinedInto) {
    public boolean known() {
        return function != null;
    }
}
