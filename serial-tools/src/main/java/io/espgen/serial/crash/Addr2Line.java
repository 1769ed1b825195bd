package io.espgen.serial.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves addresses with {@code xtensa-lx106-elf-addr2line -a -f -p -e <elf>} (GNU binutils): one line per address,
 * {@code 0x40201a5c: echo_server_echo at /path/echo_server.c:38}, or {@code ?? ??:0} when the address is not
 * the ELF's; with {@code -i}, a function the compiler inlined is followed by {@code (inlined by) caller at file:line}
 * lines, the outermost last.
 */
public final class Addr2Line {
    private static final Pattern INLINED = Pattern.compile(
            "^\\(inlined by\\) (\\S+) at (.+?):(\\d+|\\?)(?: \\(discriminator \\d+\\))?$");
    private static final Pattern LINE = Pattern.compile(
            "^0x([0-9a-fA-F]+): (\\S+) at (.+?):(\\d+|\\?)(?: \\(discriminator \\d+\\))?$");

    private final Path tool;
    private final Path elf;

    public Addr2Line(Path tool, Path elf) {
        this.tool = tool;
        this.elf = elf;
    }

    /** Each address, resolved where the ELF knows it (function null otherwise), in the order given. */
    public Map<Long, Frame> resolve(List<Long> addresses) throws IOException, InterruptedException {
        Map<Long, Frame> frames = new LinkedHashMap<>();
        if (addresses.isEmpty()) {
            return frames;
        }
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "-a", "-f", "-i", "-p", "-e", elf.toString()));
        for (long a : addresses) {
            cmd.add(String.format(Locale.ROOT, "0x%08x", a));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException(tool.getFileName() + " failed (exit " + exit + "): " + out.strip());
        }
        Frame last = null;
        for (String line : out.split("\\R")) {
            Matcher inlined = INLINED.matcher(line.strip());
            if (last != null && last.known() && inlined.matches()) {
                last = new Frame(last.address(), last.function(), last.file(), last.line(),
                        inlined.group(1) + " at " + Path.of(inlined.group(2)).getFileName() + ":" + inlined.group(3));
                frames.put(last.address(), last);
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            long address = Long.parseLong(m.group(1), 16);
            String function = m.group(2);
            String file = m.group(3);
            boolean unknown = function.equals("??") || file.equals("??");
            int lineNo = m.group(4).equals("?") ? 0 : Integer.parseInt(m.group(4));
            last = unknown ? new Frame(address, null, null, 0, null) : new Frame(address, function, file, lineNo, null);
            frames.putIfAbsent(address, last);
        }
        for (long a : addresses) {
            frames.putIfAbsent(a, new Frame(a, null, null, 0, null));
        }
        return frames;
    }
}
