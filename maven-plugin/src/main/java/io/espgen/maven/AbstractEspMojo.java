package io.espgen.maven;

import io.espgen.dsl.host.HostFirmware.Target;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every esp goal shares: the skip switch, where the generated C is and where the plugin writes. User
 * errors ({@link EspException}) become a one-line {@link MojoFailureException} without a stack trace.
 */
public abstract class AbstractEspMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "esp.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The C tree the espgen annotation processor generates during {@code compile}: {@code include/},
     * {@code runtime/}, one directory per server and {@code user_main.c}. Every {@code .c} file below it is part
     * of the firmware.
     */
    @Parameter(property = "esp.generatedDir", required = true,
            defaultValue = "${project.build.directory}/generated-sources/annotations/espgen")
    protected File generatedDir;

    /**
     * Where the plugin writes: {@code obj/} (the cross-compiled objects), {@code host/} (the host emulation of
     * {@code esp:run}) and {@code size-report.txt}.
     */
    @Parameter(property = "esp.outputDir", required = true, defaultValue = "${project.build.directory}/espgen")
    protected File outputDir;

    /**
     * The SDK the firmware is for: {@code nonos} (ESP8266_NONOS_SDK 3.x, espconn) or {@code rtos}
     * (ESP8266_RTOS_SDK 3.x: FreeRTOS and lwIP's sockets). The generated C is the same; {@code rtos} builds it with
     * that target's runtime files, cross-compiled into {@code obj-rtos/} by esp:firmware and served on the host's
     * sockets by esp:run.
     */
    @Parameter(property = "esp.target", defaultValue = "nonos")
    protected String target;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(Messages.skipped(goal()));
            return;
        }
        try {
            run();
        } catch (EspException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.PREFIX + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(Messages.PREFIX + "interrupted", e);
        }
    }

    /** The goal's name without prefix, for messages. */
    protected abstract String goal();

    protected abstract void run() throws EspException, IOException, InterruptedException;

    /** The target esp.target names. */
    protected final Target target() throws EspException {
        return targetOf(target);
    }

    /**
     * Resolves {@code esp.target} to the SDK a firmware is built for (the DSL's own list of targets, which the
     * companion's startOnHost takes too); null or blank is {@code nonos}.
     */
    public static Target targetOf(String value) throws EspException {
        if (value == null || value.isBlank()) {
            return Target.NONOS;
        }
        return Target.of(value).orElseThrow(() -> new EspException(Messages.badTarget(value.strip())));
    }

    /** {@code obj/} below the output directory ({@code obj-rtos/} for the FreeRTOS target). */
    protected final Path objectDir() throws EspException {
        return outputDir.toPath().resolve(target() == Target.RTOS ? "obj-rtos" : "obj");
    }
}
