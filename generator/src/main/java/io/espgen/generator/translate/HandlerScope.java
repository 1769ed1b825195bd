package io.espgen.generator.translate;

import io.espgen.generator.model.ParamKind;
import io.espgen.generator.model.StateField;
import java.util.Map;

/**
 * What a handler body can name besides its locals: its parameters (by Java name, with the C expression
 * each becomes) and the state class's fields.
 *
 * @param logPrefix the text every log line of this server starts with
 * @param params Java parameter name → its kind
 * @param cParams Java parameter name → the C name it has in the generated function
 * @param stateFields Java field name → field, empty without a state class
 */
public record HandlerScope(
        String logPrefix, Map<String, ParamKind> params, Map<String, String> cParams, Map<String, StateField> stateFields) {
    public HandlerScope {
        params = Map.copyOf(params);
        cParams = Map.copyOf(cParams);
        stateFields = Map.copyOf(stateFields);
    }
}
