package io.espgen.host.runner;

import io.espgen.dsl.host.HostFirmware;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The pins of a running firmware through the emulation's control socket ({@code ESPGEN_HOST_GPIO}, host_gpio.c):
 * one command a line, one answer a line. A wait that times out drops the connection (the emulation forgets the
 * wait with it); the next call connects again.
 */
final class EmulatedPins implements HostFirmware.Pins, AutoCloseable {
    /** How long an answer to {@code get} and {@code set} may take: the firmware runs under the sanitizers. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final int controlPort;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    EmulatedPins(int controlPort) {
        this.controlPort = controlPort;
    }

    @Override
    public synchronized boolean get(int gpio) {
        return level(gpio, ask("get " + gpio, ANSWER_TIMEOUT));
    }

    @Override
    public synchronized void set(int gpio, boolean high) {
        String command = "set " + gpio + " " + (high ? 1 : 0);
        String answer = ask(command, ANSWER_TIMEOUT);
        if (!answer.equals("ok")) {
            throw new AssertionError(Messages.pinRefused(command, answer));
        }
    }

    @Override
    public synchronized void awaitLevel(int gpio, boolean high, Duration timeout) {
        boolean level = level(gpio, ask("wait " + gpio + " " + (high ? 1 : 0), timeout));
        if (level != high) {
            throw new AssertionError(Messages.pinRefused("wait " + gpio, "level " + level));
        }
    }

    /** The level in an answer "N 0" or "N 1" to a command on pin gpio. */
    private static boolean level(int gpio, String answer) {
        if (answer.equals(gpio + " 1")) {
            return true;
        }
        if (answer.equals(gpio + " 0")) {
            return false;
        }
        throw new AssertionError(Messages.pinRefused("GPIO " + gpio, answer));
    }

    private String ask(String command, Duration timeout) {
        try {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                out = socket.getOutputStream();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                close();
                throw new AssertionError(Messages.pinControlLost(command, "the firmware closed the control socket"));
            }
            return answer;
        } catch (SocketTimeoutException e) {
            close();
            throw new AssertionError(Messages.pinNoAnswer(command, timeout), e);
        } catch (IOException e) {
            close();
            throw new AssertionError(Messages.pinControlLost(command, String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a loopback socket: nothing to report, the firmware forgets the client either way
            }
            socket = null;
        }
    }
}
