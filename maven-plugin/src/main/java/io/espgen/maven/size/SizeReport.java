package io.espgen.maven.size;

import io.espgen.maven.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size report, in the spirit of PlatformIO's: per region a bar, the share of the limit and the bytes,
 * then one line per file. Deterministic: files sorted by name, no paths, no times, {@link Locale#ROOT}.
 */
public final class SizeReport {
    static final int BAR_WIDTH = 10;
    private static final List<Region> ORDER = List.of(Region.IRAM, Region.DRAM, Region.FLASH);

    private final List<ObjectSize> files;
    private final SizeLimits limits;
    private final ObjectSize total;
    private final Map<String, String> origins;

    public SizeReport(List<ObjectSize> files, SizeLimits limits) {
        this(files, limits, Map.of());
    }

    /** @param origins the Java behind C symbols ({@link DramOrigins}), named when DRAM runs out */
    public SizeReport(List<ObjectSize> files, SizeLimits limits, Map<String, String> origins) {
        this.origins = Map.copyOf(origins);
        List<ObjectSize> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ObjectSize::file));
        this.files = List.copyOf(sorted);
        this.limits = limits;
        long iram = 0;
        long dram = 0;
        long flash = 0;
        for (ObjectSize f : files) {
            iram += f.iram();
            dram += f.dram();
            flash += f.flash();
        }
        this.total = new ObjectSize("Total", iram, dram, flash);
    }

    public ObjectSize total() {
        return total;
    }

    public List<ObjectSize> files() {
        return files;
    }

    /** The regions the generated code does not fit in, in report order. */
    public List<Region> exceeded() {
        List<Region> over = new ArrayList<>();
        for (Region r : ORDER) {
            if (total.get(r) > limits.limit(r)) {
                over.add(r);
            }
        }
        return over;
    }

    /** One failure message per exceeded region. */
    public List<String> exceededMessages() {
        List<String> out = new ArrayList<>();
        for (Region r : exceeded()) {
            out.add(switch (r) {
                case IRAM -> rtos() ? Messages.rtosIramOverLimit(total.iram(), limits.iramTotal())
                        : Messages.iramOverLimit(total.iram(), limits.iramApplication(), limits.iramTotal(),
                                limits.iramSdk());
                case FLASH -> rtos() ? Messages.rtosFlashOverLimit(total.flash(), limits.flash())
                        : Messages.flashOverLimit(total.flash(), limits.flash());
                case DRAM -> {
                    ObjectSize most = files.stream().max(java.util.Comparator.comparingLong(ObjectSize::dram))
                            .orElse(total);
                    yield Messages.dramOverLimit(rtos(), total.dram(), limits.dram(), most.file(), most.dram(),
                            most.largestDram(), most.largestDramSize(), origins.getOrDefault(most.largestDram(), ""));
                }
            });
        }
        return out;
    }

    /** The report's lines, as printed and as written to size-report.txt. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(rtos() ? Messages.rtosSizeReportTitle(files.size()) : Messages.sizeReportTitle(files.size()));
        for (Region r : ORDER) {
            out.add(regionLine(r));
            if (rtos()) {
                out.add("       " + Messages.rtosRegionNote(r));
            } else if (r == Region.IRAM) {
                out.add("       " + Messages.iramNote(limits.iramTotal(), limits.iramSdk(), limits.iramApplication()));
            }
        }
        if (rtos()) {
            out.add(Messages.rtosLimitsAtLink());
        }
        out.add("");
        out.addAll(table());
        return out;
    }

    private boolean rtos() {
        return limits.sdk() == SizeLimits.Sdk.RTOS;
    }

    /** {@link #lines()} joined with newlines, ending with one. */
    public String text() {
        return String.join("\n", lines()) + "\n";
    }

    String regionLine(Region r) {
        return regionLine(r, total.get(r), limits.limit(r));
    }

    /** {@code IRAM:  [==        ]  20.0% (used 6553 bytes from 32768 bytes)}, marked when over the limit. */
    static String regionLine(Region r, long used, long limit) {
        double percent = 100.0 * used / limit;
        int filled = (int) Math.min(BAR_WIDTH, Math.floor(percent / (100.0 / BAR_WIDTH)));
        String bar = "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled);
        String line = String.format(Locale.ROOT, "%-6s [%s] %5.1f%% (used %d bytes from %d bytes)",
                r.label() + ":", bar, percent, used, limit);
        return used > limit ? line + "  " + Messages.overLimitMark(used - limit) : line;
    }

    private List<String> table() {
        String[] headers = {"IRAM", "DRAM", "Flash"};
        List<ObjectSize> rows = new ArrayList<>(files);
        rows.add(total);
        int nameWidth = "File".length();
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
        }
        for (ObjectSize row : rows) {
            nameWidth = Math.max(nameWidth, row.file().length());
            for (int i = 0; i < headers.length; i++) {
                widths[i] = Math.max(widths[i], Long.toString(row.get(ORDER.get(i))).length());
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(pad("File", nameWidth));
        for (int i = 0; i < headers.length; i++) {
            head.append("  ").append(padLeft(headers[i], widths[i]));
        }
        out.add(head.toString());
        for (ObjectSize row : rows) {
            StringBuilder line = new StringBuilder(pad(row.file(), nameWidth));
            for (int i = 0; i < headers.length; i++) {
                line.append("  ").append(padLeft(Long.toString(row.get(ORDER.get(i))), widths[i]));
            }
            out.add(line.toString());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
