package io.espgen.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when the station has an address (the SDK's EVENT_STAMODE_GOT_IP), the first time and after each
 * reconnection; not for an access point of its own.
 *
 * <p>Parameters: none, or a {@link Connection} that is the server's view, never open, as for {@link Every}:
 * through it the handler reaches the clients. At most one per server; every server's runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnWifiUp {}
