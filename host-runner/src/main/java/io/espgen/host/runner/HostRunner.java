package io.espgen.host.runner;

import io.espgen.dsl.host.HostFirmware.StartException;
import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.dsl.spi.HostLauncher;
import io.espgen.host.HostFirmware;
import io.espgen.host.HostStartException;
import io.espgen.host.HostStartException.ListenFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a server's firmware on the host emulation for a test: the {@link HostLauncher} that the generated
 * {@code <Server>Firmware.startOnHost()} finds on the class path. Builds it for the target asked for (the companion's
 * {@code startOnHost(Target)}, else {@value #TARGET_PROPERTY}, else NONOS) with gcc under the sanitizers
 * (cached, {@link BuildCache}), serves the server's port on the port asked for and every other listener of the
 * firmware on a free port, and waits until the emulation says {@value HostFirmware#READY_LINE}.
 */
public final class HostRunner implements HostLauncher {

    /** System property: where built firmwares are kept; unset, the project's {@code target/espgen-host-runner}. */
    public static final String CACHE_PROPERTY = "espgen.host.cacheDir";

    /** System property: the SDK to build for when a test does not name one ({@code nonos}, {@code rtos}). */
    public static final String TARGET_PROPERTY = io.espgen.dsl.host.HostFirmware.TARGET_PROPERTY;

    /** System property: seconds the firmware may take to get ready; 60 when unset. */
    public static final String START_TIMEOUT_PROPERTY = "espgen.host.startTimeout";

    private static final String CACHE_DIR = "espgen-host-runner";

    /** host_gpio.c: the pins' control socket, on 127.0.0.1. */
    private static final String GPIO_CONTROL_ENV = "ESPGEN_HOST_GPIO";

    @Override
    public io.espgen.dsl.host.HostFirmware start(Class<?> server, int firmwarePort, int hostPort) {
        return start(server, firmwarePort, hostPort, target(System.getProperty(TARGET_PROPERTY)));
    }

    @Override
    public io.espgen.dsl.host.HostFirmware start(Class<?> server, int firmwarePort, int hostPort, Target target) {
        return start(server, firmwarePort, hostPort, target, System.getProperty(HostFirmware.CC_PROPERTY, "gcc"),
                Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, 60)), Map.of());
    }

    /**
     * The target {@value #TARGET_PROPERTY} names: NONOS when unset or blank, as the plugin's {@code esp.target}.
     *
     * @throws StartException for any other word, naming the two
     */
    static Target target(String property) {
        if (property == null || property.isBlank()) {
            return Target.NONOS;
        }
        return Target.of(property).orElseThrow(() -> new StartException(Messages.badTarget(property.strip()), null));
    }

    /** As {@link #start(Class, int, int, Target)} with the compiler, the time to get ready and extra environment. */
    static io.espgen.dsl.host.HostFirmware start(Class<?> server, int firmwarePort, int hostPort, Target target,
            String compiler, Duration timeout, Map<String, String> env) {
        String name = server.getCanonicalName();
        FirmwareResources firmware;
        try {
            firmware = FirmwareResources.of(server)
                    .orElseThrow(() -> new StartException(Messages.noFirmware(name), null));
        } catch (IOException e) {
            throw new StartException(Messages.unreadableFirmware(name, String.valueOf(e.getMessage())), e);
        }
        Path exe;
        try {
            exe = new BuildCache(cacheRoot(firmware)).executable(firmware, target, compiler);
        } catch (HostFirmware.CompilerMissing e) {
            throw new StartException(Messages.compilerMissing(e.getMessage()), e);
        } catch (IOException e) {
            throw new StartException(Messages.buildFailed(name, target.value(), String.valueOf(e.getMessage())), e);
        }
        // the server's port where asked, every other listener of the firmware on a free port
        List<String> args = List.of("--port", firmwarePort + "=" + hostPort, "--any-port");
        HostFirmware.Running running;
        try {
            running = HostFirmware.start(exe, args, withPinControl(env), timeout);
        } catch (HostStartException e) {
            throw new StartException(startFailure(e, timeout), e);
        } catch (IOException e) {
            throw new StartException(Messages.startFailed(String.valueOf(e.getMessage())), e);
        }
        try {
            return new RunningFirmware(running, running.port(firmwarePort));
        } catch (IllegalStateException e) {
            // ready, but no listener for the server's port: the companion and the firmware disagree
            running.close();
            throw new StartException(Messages.startFailed(e.getMessage()), e);
        }
    }

    /** The environment with the pins' control socket on a free port ({@code fw.pins()}), unless env sets one. */
    private static Map<String, String> withPinControl(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent(GPIO_CONTROL_ENV, "0");
        return all;
    }

    /** The one line for a firmware that did not get ready. */
    static String startFailure(HostStartException e, Duration timeout) {
        return startFailure(e.listenFailure().orElse(null), e.exitCode(), e.stderr(), timeout);
    }

    /**
     * @param l the listener it could not open, or null
     * @param exitCode its exit status when it exited, null when it timed out
     */
    static String startFailure(ListenFailure l, Integer exitCode, String stderr, Duration timeout) {
        if (l != null) {
            if (l.addressInUse()) {
                return Messages.portInUse(l.hostPort(), l.firmwarePort());
            }
            if (l.permissionDenied()) {
                return Messages.portNeedsPrivilege(l.hostPort(), l.firmwarePort());
            }
            return Messages.cannotListen(l.hostPort(), l.firmwarePort(), l.reason());
        }
        if (exitCode != null) {
            return Messages.exitedBeforeReady(exitCode, stderr);
        }
        return Messages.notReady(timeout, START_TIMEOUT_PROPERTY, stderr);
    }

    private static Path cacheRoot(FirmwareResources firmware) {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return firmware.buildDir().map(d -> d.resolve(CACHE_DIR))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"),
                        CACHE_DIR + "-" + System.getProperty("user.name", "user")));
    }
}
