package io.espgen.serial.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dump parser on both forms, and the report against a real ELF with the cross addr2line. */
class CrashDecodingTest {

    private static List<ExceptionDump> parse(String log) {
        DumpParser parser = new DumpParser();
        List<ExceptionDump> dumps = new ArrayList<>();
        for (String line : log.split("\n", -1)) {
            parser.accept(line).ifPresent(dumps::add);
        }
        return dumps;
    }

    @Test
    void readsTheSdksFatalException() {
        List<ExceptionDump> dumps = parse("echo: listening on port 7777\n"
                + "Fatal exception 28(LoadProhibitedCause):\n"
                + "epc1=0x40201a5c, epc2=0x00000000, epc3=0x00000000, excvaddr=0x0000000c, depc=0x00000000\n"
                + "\n ets Jan  8 2013,rst cause:2, boot mode:(3,6)\n");
        assertThat(dumps).containsExactly(new ExceptionDump(28, 0x40201a5cL, 0, 0, 0x0c, 0, List.of()));
    }

    @Test
    void readsTheArduinoFormWithItsStackKeepingCodeAddressesOnly() {
        List<ExceptionDump> dumps = parse("\nException (29):\n"
                + "epc1=0x4020105c epc2=0x00000000 epc3=0x00000000 excvaddr=0x00000000 depc=0x00000000\n"
                + "\n>>>stack>>>\n\nctx: cont\nsp: 3ffffdc0 end: 3fffffc0 offset: 01a0\n"
                + "3ffffd90:  3fffdad0 00000000 3ffee6e0 40201a3c\n"
                + "3ffffda0:  4010011d 3ffe84f0 40202ff8 00000001\n"
                + "<<<stack<<<\n");
        assertThat(dumps).containsExactly(new ExceptionDump(29, 0x4020105cL, 0, 0, 0, 0,
                List.of(0x40201a3cL, 0x4010011dL, 0x40202ff8L)));
    }

    @Test
    void aDumpCutShortByTheNextIsStillReported() {
        List<ExceptionDump> dumps = parse("Exception (0):\nepc1=0x40201010 epc2=0 depc=0x0\n"
                + "Exception (6):\nepc1=0x40201020 epc2=0x0 epc3=0x0 excvaddr=0x0 depc=0x0\nnext line\n");
        assertThat(dumps).extracting(ExceptionDump::cause).containsExactly(0, 6);
    }

    @Test
    void aLostStackEndDoesNotHoldTheParserForever() {
        DumpParser parser = new DumpParser();
        parser.accept("Exception (3):");
        parser.accept("epc1=0x40201010 epc2=0x0 epc3=0x0 excvaddr=0x40200000 depc=0x0");
        parser.accept(">>>stack>>>");
        Optional<ExceptionDump> dump = Optional.empty();
        for (int i = 0; i <= DumpParser.MAX_STACK_LINES && dump.isEmpty(); i++) {
            dump = parser.accept("3ffffd90:  40201010 00000000 00000000 00000000");
        }
        assertThat(dump).isPresent();
        assertThat(dump.get().stackCode()).hasSize(DumpParser.MAX_STACK_LINES);
    }

    @Test
    void reportNamesTheCauseTheCFunctionAndTheJavaHandler() throws Exception {
        CrashElf elf = CrashElf.get();
        long echo = elf.symbols.get("echo_server_echo");
        long dispatch = elf.symbols.get("espgen_dispatch");
        long hello = elf.symbols.get("echo_server_hello");
        ExceptionDump dump = new ExceptionDump(28, echo, 0, 0, 0x0c, 0, List.of(dispatch, 0x40100004L, hello));
        List<String> lines = CrashReport.lines(dump, elf.addr2line(), new JavaLines());
        assertThat(lines.get(0)).isEqualTo("exception 28 (LoadProhibited): a read from an invalid address (a null or "
                + "stale pointer; see excvaddr)");
        assertThat(lines.get(1)).isEqualTo("  excvaddr 0x0000000c (a null pointer, or a field of one)");
        assertThat(lines.get(2)).matches("  epc1 0x%08x: echo_server_echo at crash.c:1[01]  \\[Java: EchoServer.echo "
                .formatted(echo) + "\\(EchoServer.java:26\\)]  <- the faulting instruction");
        assertThat(lines.get(3)).isEqualTo("  code addresses on the stack, innermost first:");
        // the compiler inlined the handler into its caller: both are named
        assertThat(lines.get(4)).matches(("    0x%08x: echo_server_echo at crash.c:1[01] \\(inlined into espgen_dispatch at "
                + "crash.c:1[56]\\)  \\[Java: EchoServer.echo \\(EchoServer.java:26\\)]").formatted(dispatch));
        // 0x40100004 is no function of the ELF: left out; the #line function names the Java line itself
        assertThat(lines.get(5)).matches("    0x%08x: echo_server_hello at EchoServer.java:2[23]".formatted(hello));
        assertThat(lines).hasSize(6);
    }

    @Test
    void withoutAnElfTheCauseIsStillNamed() {
        List<String> lines = CrashReport.lines(new ExceptionDump(6, 0x40201010L, 0, 0, 0, 0, List.of()), null,
                new JavaLines());
        assertThat(lines).containsExactly("exception 6 (IntegerDivideByZero): an integer division by zero",
                "  epc1 0x40201010  <- the faulting instruction",
                "  (no ELF to resolve the addresses: build the firmware with esp:firmware and an SDK)");
    }
}
