package io.espgen.serial;

/** The ROM answered a command with a failure status. */
public final class RomException extends SerialException {
    private static final long serialVersionUID = 1L;
    private final int op;
    private final int error;

    public RomException(int op, int error) {
        super(SerialMessages.romError(RomLoader.name(op), error, describe(error)));
        this.op = op;
        this.error = error;
    }

    public int op() {
        return op;
    }

    public int error() {
        return error;
    }

    /** The ROM loader's error values (esptool docs, "ROM Loader Errors"). */
    public static String describe(int error) {
        switch (error) {
            case 0x01:
                return "invalid input parameter";
            case 0x02:
                return "out of memory";
            case 0x03:
                return "failed to send a message";
            case 0x04:
                return "failed to receive a message";
            case 0x05:
                return "malformed message";
            case 0x06:
                return "wrong result";
            case 0x07:
                return "checksum error";
            case 0x08:
                return "flash write error (the block read back differs)";
            case 0x09:
                return "flash read error";
            case 0x0a:
                return "flash read length error";
            default:
                return "undefined error";
        }
    }
}
