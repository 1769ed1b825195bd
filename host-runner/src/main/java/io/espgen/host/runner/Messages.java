package io.espgen.host.runner;

import java.time.Duration;

/**
 * Every line the host runner shows a user's test: each says what happened and what to do, in one line; the
 * firmware's own output, where it helps, follows on the next lines.
 */
final class Messages {
    private static final String PREFIX = "espgen: ";

    private Messages() {
    }

    static String noFirmware(String server) {
        return PREFIX + "no firmware for " + server + " on the class path (espgen/servers.list naming it): compile it"
                + " with the espgen processor (espgen-generator in the compiler's annotationProcessorPaths)";
    }

    static String unreadableFirmware(String server, String why) {
        return PREFIX + "cannot read the firmware of " + server + " from the class path (" + why + "); rebuild the"
                + " project (mvn clean test)";
    }

    static String compilerMissing(String what) {
        return PREFIX + what;
    }

    static String badTarget(String value) {
        return PREFIX + "-D" + HostRunner.TARGET_PROPERTY + "=" + value + " is not a target; write nonos"
                + " (ESP8266_NONOS_SDK 3.x) or rtos (ESP8266_RTOS_SDK 3.x)";
    }

    static String buildFailed(String server, String target, String gccOutput) {
        return PREFIX + "the firmware of " + server + " did not build for " + target
                + " with the host's gcc: a bug in espgen, which"
                + " only accepts code that builds; please report it with gcc's messages:\n" + gccOutput.strip();
    }

    static String portInUse(int hostPort, int firmwarePort) {
        return PREFIX + "127.0.0.1:" + hostPort + " (firmware port " + firmwarePort + ") is in use by another"
                + " program; stop it, or let the test take a free port: startOnHost()";
    }

    static String portNeedsPrivilege(int hostPort, int firmwarePort) {
        return PREFIX + "cannot listen on 127.0.0.1:" + hostPort + " (firmware port " + firmwarePort + "): ports"
                + " below 1024 need privileges; use startOnHost() for a free port, or a port of 1024 and above";
    }

    static String cannotListen(int hostPort, int firmwarePort, String why) {
        return PREFIX + "cannot listen on 127.0.0.1:" + hostPort + " (firmware port " + firmwarePort + "): " + why
                + "; use startOnHost() for a free port";
    }

    static String exitedBeforeReady(int code, String stderr) {
        return PREFIX + "the firmware exited (exit " + code + ") before it was ready: " + firstLine(stderr)
                + withOutput(stderr);
    }

    static String notReady(Duration timeout, String property, String stderr) {
        return PREFIX + "the firmware was not ready after " + timeout.toSeconds() + " s (user_init did not"
                + " return?); on a slow machine raise -D" + property + "=SECONDS" + withOutput(stderr);
    }

    static String startFailed(String why) {
        return PREFIX + "the firmware could not be started (" + why + ")";
    }

    static String noLogLine(String text, Duration timeout, String stdout, String stderr) {
        return PREFIX + "no log line containing \"" + text + "\" within " + timeout.toMillis() + " ms; the log so far:"
                + "\n" + stdout.strip() + withOutput(stderr);
    }

    static String exitedBeforeLogLine(String text, int code, String stdout, String stderr) {
        return PREFIX + "the firmware exited (exit " + code + ") without a log line containing \"" + text
                + "\"; the log:\n" + stdout.strip() + withOutput(stderr);
    }

    static String noHeapReport(String stdout) {
        return PREFIX + "the firmware stopped without printing its heap (it crashed?); the log:\n" + stdout.strip();
    }

    static String failedOnStop(int code, String stderr) {
        return PREFIX + "the firmware exited with status " + code + " when stopped (a sanitizer's report, an SDK"
                + " misuse or a crash; its stderr is below)" + withOutput(stderr);
    }

    static String sanitizerReport(String stderr) {
        return PREFIX + "the firmware stopped cleanly, but a sanitizer reported an error on the way (below)"
                + withOutput(stderr);
    }

    static String noPinControl(String stdout) {
        return PREFIX + "the firmware has no pin control socket (it printed no \"gpio control on\" line); the log:\n"
                + stdout.strip();
    }

    static String pinRefused(String command, String answer) {
        return PREFIX + "the emulated pins refused \"" + command + "\": " + answer;
    }

    static String pinNoAnswer(String command, Duration timeout) {
        return PREFIX + "the emulated pins did not answer \"" + command + "\" within " + timeout.toMillis() + " ms";
    }

    static String pinControlLost(String command, String why) {
        return PREFIX + "the emulated pins' control socket failed on \"" + command + "\" (" + why + ")";
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "it printed nothing on stderr";
        }
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String withOutput(String stderr) {
        return stderr == null || stderr.isBlank() ? "" : "\n--- stderr ---\n" + stderr.strip();
    }
}
