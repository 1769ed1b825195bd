package io.espgen.generator.emit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code espgen/servers.list}: the servers of the firmware last written, one {@code qualified.Name c_name}
 * a line. An IDE's incremental build reruns the processor on the changed files only; the next run reads
 * this list to know which servers the firmware holds besides the ones it sees.
 */
public final class ServerList {

    /** Where the list goes, relative to the generated-sources output. */
    public static final String FILE = "servers.list";

    /** One server: its class and the C name its files are under ({@code c_name/c_name.c}). */
    public record Entry(String qualifiedName, String cName) {}

    private ServerList() {}

    public static String render(List<Entry> servers) {
        StringBuilder out = new StringBuilder("# the @TcpServer classes of this firmware (espgen reads this back when"
                + " an IDE recompiles only some of them)\n");
        servers.stream().sorted(Comparator.comparing(Entry::qualifiedName))
                .forEach(e -> out.append(e.qualifiedName()).append(' ').append(e.cName()).append('\n'));
        return out.toString();
    }

    /** The entries of a list written by {@link #render}; lines it does not recognise are skipped. */
    public static List<Entry> parse(String text) {
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && !line.startsWith("#")) {
                out.add(new Entry(parts[0], parts[1]));
            }
        }
        return out;
    }
}
