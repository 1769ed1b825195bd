package io.espgen.serial;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A text progress bar: on a terminal one line redrawn in place, elsewhere (a build log) a line at each tenth, so a
 * log is not flooded.
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream terminal;
    private final Consumer<String> lines;
    private final boolean interactive;
    private int lastShown = -1;
    private FlashImage lastImage;

    /** Redraws one line of the terminal. */
    public ProgressBar(PrintStream terminal) {
        this.terminal = terminal;
        this.lines = null;
        this.interactive = true;
    }

    /** Hands a line to the log at each tenth. */
    public ProgressBar(Consumer<String> lines) {
        this.terminal = null;
        this.lines = lines;
        this.interactive = false;
    }

    @Override
    public void update(FlashImage image, int index, int count, long done, long total) {
        if (image != lastImage) {
            lastImage = image;
            lastShown = -1;
        }
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int step = interactive ? percent : percent / 10 * 10;
        if (step == lastShown) {
            return;
        }
        lastShown = step;
        String line = render(image, index, count, done, total);
        if (interactive) {
            terminal.print("\r" + line);
            if (done >= total) {
                terminal.println();
            }
            terminal.flush();
        } else {
            lines.accept(line);
        }
    }

    static String render(FlashImage image, int index, int count, long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %s at 0x%05x (%d/%d) %d/%d KiB", "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, image.name(), image.offset(), index, count,
                (done + 1023) / 1024, (total + 1023) / 1024);
    }
}
