package io.espgen.maven.run;

import io.espgen.host.HostFirmware;
import io.espgen.maven.EspException;
import io.espgen.maven.Messages;
import io.espgen.sdkhost.SdkHostFirmware;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which TCP stack {@code esp:run} serves the firmware on ({@code esp.stack}): the host emulation (Linux sockets,
 * module host-emulation) or Espressif's own espconn and lwIP compiled from the user's SDK (module sdk-host).
 *
 * <p>Unset, it is {@code sdk} when an SDK is configured ({@code esp.sdkDir}) and no sanitizer is asked for: with
 * the SDK at hand, its own stack is the chip's TCP behaviour (connection limits, how a close ends, pacing, heap),
 * which the emulation only approximates (bench/fidelity lists where it differs). Otherwise {@code emulation}: it
 * needs no SDK, and it alone has the sanitizers and the checks for SDK misuse.
 */
public enum HostStack {
    EMULATION("emulation", "host"),
    SDK("sdk", "sdk-host");

    private final String value;
    private final String dir;

    HostStack(String value, String dir) {
        this.value = value;
        this.dir = dir;
    }

    /** The {@code esp.stack} value. */
    public String value() {
        return value;
    }

    /** Resolves {@code esp.stack} (null: the default above) against the other parameters. */
    public static HostStack choose(String stack, File sdkDir, boolean sanitize) throws EspException {
        if (stack == null || stack.isBlank()) {
            return sdkDir != null && !sanitize ? SDK : EMULATION;
        }
        String v = stack.strip();
        if (v.equals(EMULATION.value)) {
            return EMULATION;
        }
        if (!v.equals(SDK.value)) {
            throw new EspException(Messages.badStack(v));
        }
        if (sdkDir == null) {
            throw new EspException(Messages.sdkStackNeedsSdk());
        }
        if (sanitize) {
            throw new EspException(Messages.sdkStackWithoutSanitizers());
        }
        return SDK;
    }

    /**
     * Builds the firmware's C for this stack into {@code outputDir/host} (emulation) or {@code outputDir/sdk-host}
     * (SDK stack, from the SDK where it is: nothing of it is copied); returns the executable.
     */
    public Path build(List<Path> sources, List<Path> includeDirs, Path outputDir, File sdkDir, boolean sanitize,
            List<String> defines) throws IOException {
        Path work = outputDir.resolve(dir);
        if (this == EMULATION) {
            return HostFirmware.build(sources, includeDirs, work, sanitize, defines);
        }
        return SdkHostFirmware.build(sources, includeDirs, sdkDir.toPath(), work, defines).exe();
    }
}
