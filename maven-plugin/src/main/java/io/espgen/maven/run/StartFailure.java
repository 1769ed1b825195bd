package io.espgen.maven.run;

import io.espgen.host.HostStartException.ListenFailure;
import io.espgen.maven.Messages;
import java.util.Optional;

/**
 * The one line that says why the firmware did not start on the host, from what it wrote to stderr (a listener it
 * could not open: {@link ListenFailure}), else its exit status or the timeout.
 */
public final class StartFailure {

    private StartFailure() {
    }

    /**
     * @param exitCode the status it exited with before it was ready, or null when it timed out
     * @param timeoutSeconds esp.startTimeout
     */
    public static String message(String stderr, Integer exitCode, int timeoutSeconds) {
        Optional<ListenFailure> listen = ListenFailure.in(stderr);
        if (listen.isPresent()) {
            ListenFailure l = listen.get();
            if (l.addressInUse()) {
                return Messages.hostPortInUse(l.hostPort(), l.firmwarePort());
            }
            if (l.permissionDenied()) {
                return Messages.hostPortNeedsPrivilege(l.hostPort(), l.firmwarePort());
            }
            return Messages.hostCannotListen(l.hostPort(), l.firmwarePort(), l.reason());
        }
        if (exitCode == null) {
            return Messages.hostNotReady(timeoutSeconds);
        }
        return Messages.hostExitedEarly(exitCode);
    }
}
