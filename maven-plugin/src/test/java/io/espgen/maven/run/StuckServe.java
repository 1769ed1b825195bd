package io.espgen.maven.run;

import io.espgen.host.HostFirmware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What esp:run does once its firmware is built, in a JVM of its own that a test can send SIGTERM:
 * starts the firmware at args[0], prints its pid, and serves it through {@link HostSession#serveUntilShutdown}.
 */
public final class StuckServe {
    private StuckServe() {
    }

    public static void main(String[] args) throws Exception {
        HostFirmware.Running running = HostFirmware.start(Path.of(args[0]), List.of(), Duration.ofSeconds(60));
        System.out.println("firmware pid " + running.process().pid());
        System.out.flush();
        HostSession session = new HostSession(running, System.out, System.err, System.out::println);
        int code = session.serveUntilShutdown(Duration.ofMillis(20), () -> System.out.println("hook: stopped"));
        System.out.println("served: exit " + code);
    }
}
