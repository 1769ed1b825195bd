package io.espgen.generator.translate;

import io.espgen.generator.model.JavaType;
import io.espgen.generator.model.StateField;
import java.util.Map;

/**
 * What a method body can name besides its locals: its parameters, the state class's fields, the server's
 * helper methods and constants.
 *
 * @param server the server's C prefix ({@code echo_server})
 * @param logPrefix the text every log line of this server starts with
 * @param params Java parameter name → what it is in C
 * @param stateFields Java field name → field, empty without a state class
 * @param helpers the server's helper methods, translated on first call
 * @param constants the server's constants, emitted as C macros when used
 * @param source the file being translated
 * @param lineFile with #line directives on, the Java file name they name; else null
 * @param refusesWhenFull whether a send that does not fit is refused (QueueFullPolicy.REFUSE), so that
 *     ignoring what send returns may lose bytes
 * @param wide the server's static fields and what else every body of the server reaches
 */
public record Scope(String server, String logPrefix, Map<String, Value> params, Map<String, StateField> stateFields,
        Helpers helpers, Constants constants, JavaSource source, String lineFile, boolean refusesWhenFull,
        ServerWide wide) {

    public Scope {
        params = Map.copyOf(params);
        stateFields = Map.copyOf(stateFields);
    }

    /** The Java line of a source offset. */
    public int line(int offset) {
        return source.line(offset);
    }

    public enum Kind { CONNECTION, STATE, BYTES, ERROR, PRIMITIVE, ARRAY }

    /**
     * A parameter in C.
     *
     * @param cName its C name
     * @param type the primitive type (of the elements, for an array)
     * @param lengthName for an array parameter, the C parameter holding its length
     */
    public record Value(Kind kind, String cName, JavaType type, String lengthName) {
        public static Value of(Kind kind, String cName) {
            return new Value(kind, cName, null, null);
        }
    }
}
