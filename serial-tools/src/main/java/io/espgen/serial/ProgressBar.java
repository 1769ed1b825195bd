package io.espgen.serial;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar: on a terminal one line redrawn in place, elsewhere (a CI log) a line at each tenth, so a
 * log is not flooded.
 */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean interactive;
    private int lastShown = -1;
    private FlashImage lastImage;

    public ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
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
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String render(FlashImage image, int index, int count, long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %s at 0x%05x (%d/%d) %d/%d KiB", "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, image.name(), image.offset(), index, count,
                (done + 1023) / 1024, (total + 1023) / 1024);
    }
}
