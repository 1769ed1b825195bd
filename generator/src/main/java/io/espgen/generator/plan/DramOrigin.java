package io.espgen.generator.plan;

import io.espgen.generator.diag.Messages;
import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.SharedField;
import io.espgen.generator.model.StateField;
import io.espgen.generator.translate.ServerNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Java behind one of a server's variables in DRAM, so that a firmware over the chip's DRAM names the field
 * to shrink rather than only its C symbol: the state table's costliest field (times the table's entries), a
 * shared array, a framed server's receive buffers. esp:firmware's size report reads them from
 * {@code <server>/<server>.dram} ({@link #FILE_SUFFIX}).
 *
 * @param symbol the C variable
 * @param java what the user wrote that it holds ({@code EchoServer.Session.buffer})
 * @param bytes the bytes of that one field (or buffer) per entry
 * @param entries the entries of the variable that each hold one ({@code 1} for a shared field)
 */
public record DramOrigin(String symbol, String java, long bytes, int entries) {

    public static final String FILE_SUFFIX = ".dram";

    static List<DramOrigin> of(Server s, String c) {
        List<DramOrigin> out = new ArrayList<>();
        s.state().ifPresent(st -> st.fields().stream()
                .max(Comparator.comparingLong(DramOrigin::bytes))
                .ifPresent(f -> out.add(new DramOrigin(ServerNames.stateTable(c, st.simpleName()),
                        s.simpleName() + "." + st.simpleName() + "." + f.javaName(), bytes(f),
                        s.maxConnections() + (s.spareState() ? 1 : 0)))));
        for (SharedField f : s.shared()) {
            if (f.isArray()) {
                long n = size(f.type());
                for (int d : f.dims()) {
                    n *= d;
                }
                out.add(new DramOrigin(f.cName(), s.simpleName() + "." + f.javaName(), n, 1));
            }
        }
        s.framing().ifPresent(f -> out.add(new DramOrigin(c + "_frame_bufs",
                "@Framed(maxFrameBytes = " + f.maxFrameBytes() + ") on " + s.simpleName(), f.bufferBytes(),
                s.maxConnections())));
        return out;
    }

    /**
     * The lines of {@code <server>.dram}: a symbol, a tab, and what a size report says of it
     * ({@code EchoServer.Session.buffer: 12288 bytes x 15 connections}).
     */
    static String render(List<DramOrigin> origins, int maxConnections) {
        StringBuilder b = new StringBuilder(Messages.dramOriginsHeader()).append('\n');
        for (DramOrigin o : origins) {
            b.append(o.symbol).append('\t').append(Messages.dramOrigin(o.java, o.bytes, o.entries, maxConnections))
                    .append('\n');
        }
        return b.toString();
    }

    private static long bytes(StateField f) {
        return size(f.type()) * Math.max(1, f.arrayLength());
    }

    private static long size(JavaType t) {
        return switch (t) {
            case BOOLEAN, BYTE -> 1;
            case SHORT, CHAR -> 2;
            case INT -> 4;
            case LONG -> 8;
        };
    }
}
