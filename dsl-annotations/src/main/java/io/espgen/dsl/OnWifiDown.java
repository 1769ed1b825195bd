package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the station loses its network (the SDK's EVENT_STAMODE_DISCONNECTED); the runtime retries on
 * its own back-off, and {@link OnWifiUp} follows when it is back.
 *
 * <p>Parameters: none, or a {@link Connection} that is the server's view, never open, as for {@link Every}:
 * through it the handler reaches the clients. At most one per server; every server's runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnWifiDown {}
