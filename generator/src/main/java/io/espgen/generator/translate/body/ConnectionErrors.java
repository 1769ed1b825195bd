package io.espgen.generator.translate.body;

/** The DSL's ConnectionError constants as the SDK's error codes the error callback receives. */
final class ConnectionErrors {

    private ConnectionErrors() {}

    /** The C code of a ConnectionError constant (espconn.h: ESPCONN_TIMEOUT ... ESPCONN_CONN). */
    static String cName(String constant) {
        return switch (constant) {
            case "TIMEOUT" -> "ESPCONN_TIMEOUT";
            case "ABORTED" -> "ESPCONN_ABRT";
            case "RESET" -> "ESPCONN_RST";
            case "CLOSED" -> "ESPCONN_CLSD";
            default -> "ESPCONN_CONN";
        };
    }
}
