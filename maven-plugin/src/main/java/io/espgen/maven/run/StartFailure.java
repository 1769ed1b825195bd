package io.espgen.maven.run;

import io.espgen.maven.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line that says why the firmware did not start on the host, from what it wrote to stderr: the
 * emulation's {@code cannot listen on 127.0.0.1:7777 for firmware port 7777: Address already in use}, the SDK
 * stack's {@code cannot listen on 127.0.0.1:7777 (firmware port 7777): ...}, else its exit status or the timeout.
 */
public final class StartFailure {
    private static final Pattern CANNOT_LISTEN = Pattern.compile(
            "cannot listen on 127\\.0\\.0\\.1:(\\d+) (?:for firmware port |\\(firmware port )(\\d+)\\)?: (.+)");

    private StartFailure() {
    }

    /**
     * @param exitCode the status it exited with before it was ready, or null when it timed out
     * @param timeoutSeconds esp.startTimeout
     */
    public static String message(String stderr, Integer exitCode, int timeoutSeconds) {
        Matcher m = CANNOT_LISTEN.matcher(stderr == null ? "" : stderr);
        if (m.find()) {
            int host = Integer.parseInt(m.group(1));
            int firmware = Integer.parseInt(m.group(2));
            String why = m.group(3).strip();
            if (why.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
                return Messages.hostPortInUse(host, firmware);
            }
            return Messages.hostCannotListen(host, firmware, why);
        }
        if (exitCode == null) {
            return Messages.hostNotReady(timeoutSeconds);
        }
        return Messages.hostExitedEarly(exitCode);
    }
}
