package io.espgen.maven;

import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.host.HostFirmware;
import io.espgen.host.HostStartException;
import io.espgen.maven.compile.CompileOptions;
import io.espgen.maven.compile.RtosTree;
import io.espgen.maven.compile.SourceTree;
import io.espgen.maven.run.HostSession;
import io.espgen.maven.run.HostStack;
import io.espgen.maven.run.PortMapping;
import io.espgen.maven.run.StartFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the generated C with the host's gcc against espgen's emulation of the SDK, or on Espressif's own espconn
 * and lwIP from a configured SDK ({@code esp.stack}), and runs it on 127.0.0.1 until Ctrl-C: the firmware serving
 * real TCP connections on this machine. Runs the {@code compile} phase first.
 */
@Mojo(name = "run", requiresProject = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RunMojo extends AbstractEspMojo {
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * Builds the emulation with AddressSanitizer and UndefinedBehaviorSanitizer: slower, but a use after free
     * or an out-of-bounds access in the generated code stops it with a report.
     */
    @Parameter(property = "esp.sanitize", defaultValue = "false")
    protected boolean sanitize;

    /**
     * Port mappings {@code FIRMWARE=HOST}: serve the firmware's port FIRMWARE on host port HOST (0 = a free
     * port, printed at start), for example {@code -Desp.port=7777=8080}; several separated by commas. Unmapped
     * ports are served on the firmware's own numbers.
     */
    @Parameter(property = "esp.port")
    protected List<String> ports;

    /** Serves every firmware port on a free host port instead of its own number (the chosen ports are printed). */
    @Parameter(property = "esp.anyPort", defaultValue = "false")
    protected boolean anyPort;

    /**
     * The TCP stack that serves the firmware: {@code emulation} (espgen's host emulation of the SDK, on Linux
     * sockets) or {@code sdk} (Espressif's own espconn and lwIP, compiled from {@code esp.sdkDir} with
     * {@code gcc -m32}; needs gcc-multilib and libslirp-dev; clients reach it through slirp, user-mode networking).
     * Unset: {@code sdk} when {@code esp.sdkDir} is set and {@code esp.sanitize} is not, else {@code emulation}.
     */
    @Parameter(property = "esp.stack")
    protected String stack;

    /** An unpacked ESP8266_NONOS_SDK 3.x, as for esp:firmware: the SDK stack is built from its sources. */
    @Parameter(property = "esp.sdkDir")
    protected File sdkDir;

    /**
     * The log level compiled in, as for esp:firmware: NONE, ERROR, WARN, INFO or DEBUG; the Log calls below it
     * vanish from the build.
     */
    @Parameter(property = "esp.logLevel", defaultValue = "INFO")
    protected String logLevel;

    /** How long the emulation may take to start listening, in seconds. */
    @Parameter(property = "esp.startTimeout", defaultValue = "30")
    protected int startTimeout;

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected void run() throws EspException, IOException, InterruptedException {
        List<String> args = PortMapping.arguments(ports, anyPort);
        SourceTree tree = SourceTree.scan(generatedDir.toPath());
        List<Path> sources = tree.sources().stream().map(tree.root()::resolve).collect(Collectors.toList());

        List<String> defines = CompileOptions.of(0, null, logLevel).logLevelDefine();
        Path exe = target() == Target.RTOS ? buildRtos(sources, tree, defines) : buildNonos(sources, tree, defines);
        HostFirmware.Running running;
        try {
            running = HostFirmware.start(exe, args, Duration.ofSeconds(Math.max(1, startTimeout)));
        } catch (HostStartException e) {
            // the firmware's own lines, then one that says what happened and what to do
            printLines(e.stdout(), false);
            printLines(e.stderr(), true);
            throw new EspException(StartFailure.message(e.stderr(), e.exitCode(), startTimeout));
        } catch (IOException e) {
            printLines(e.getMessage(), true);
            throw new EspException(Messages.hostStartFailed());
        }
        HostSession session = new HostSession(running, System.out, System.err, getLog()::info);
        int code = session.serveUntilShutdown(POLL, () -> getLog().info(Messages.hostStopped()));
        if (session.stopping()) {
            return;
        }
        if (code != 0) {
            throw new EspException(Messages.hostFailed(code));
        }
        getLog().info(Messages.hostExited(code));
    }

    /** The generated C on the host's sockets as the FreeRTOS target runs it (HostFirmware.buildRtos). */
    private Path buildRtos(List<Path> sources, SourceTree tree, List<String> defines) throws EspException {
        if (stack != null && !stack.isBlank() && !stack.strip().equals(HostStack.EMULATION.value())) {
            throw new EspException(Messages.rtosRunNeedsEmulation());
        }
        getLog().info(Messages.buildingRtosHost(sanitize));
        try {
            return HostFirmware.buildRtos(sources, tree.includeDirs(), outputDir.toPath().resolve("rtos-host"),
                    sanitize, defines);
        } catch (HostFirmware.CompilerMissing e) {
            throw new EspException(Messages.hostCompilerMissing(e.getMessage()));
        } catch (IOException e) {
            printLines(e.getMessage(), true);
            throw new EspException(Messages.hostBuildFailed());
        }
    }

    private Path buildNonos(List<Path> sources, SourceTree tree, List<String> defines) throws EspException {
        HostStack host = HostStack.choose(stack, sdkDir, sanitize);
        getLog().info(Messages.servingStack(host.value(), host == HostStack.SDK ? sdkDir.toPath() : null));
        if (host == HostStack.EMULATION) {
            getLog().info(Messages.buildingHost(sanitize));
        }
        try {
            return host.build(sources, tree.includeDirs(), outputDir.toPath(), sdkDir, sanitize, defines);
        } catch (HostFirmware.CompilerMissing e) {
            throw new EspException(Messages.hostCompilerMissing(e.getMessage()));
        } catch (IOException e) {
            printLines(e.getMessage(), true);
            throw new EspException(host == HostStack.SDK ? Messages.sdkStackBuildFailed() : Messages.hostBuildFailed());
        }
    }

    private void printLines(String text, boolean error) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.strip().split("\\R")) {
            if (error) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
    }
}
