package io.espgen.dsl.spi;

import io.espgen.dsl.host.HostFirmware;

/**
 * Builds and starts a server's firmware on this machine: implemented by artifact {@code espgen-host-runner}
 * (found through {@link java.util.ServiceLoader}), called by {@link HostFirmware#start}.
 */
public interface HostLauncher {

    /**
     * Starts server's firmware built for the target {@link HostFirmware#TARGET_PROPERTY} names (NONOS when unset).
     *
     * @param server the {@code @TcpServer} class; its class loader holds the firmware's C as resources
     * @param firmwarePort the server's port in the firmware
     * @param hostPort where to serve it on 127.0.0.1, 0 for any free port
     * @throws HostFirmware.StartException when the firmware cannot be built or does not start
     */
    HostFirmware start(Class<?> server, int firmwarePort, int hostPort);

    /** As {@link #start(Class, int, int)}, built for target instead of the one {@link HostFirmware#TARGET_PROPERTY}
     * names. */
    HostFirmware start(Class<?> server, int firmwarePort, int hostPort, HostFirmware.Target target);
}
