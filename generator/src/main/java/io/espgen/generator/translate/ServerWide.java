package io.espgen.generator.translate;

import io.espgen.generator.model.ConstTable;
import io.espgen.generator.model.SharedField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.core.dom.IVariableBinding;

/**
 * What every body of one server can reach besides its parameters: the server's static fields (shared state
 * and constant tables, by Java name), the constants the processor folded, and the per-connection state
 * table, which {@code Connection.state()} indexes for a connection that is not the handler's own.
 */
public final class ServerWide {

    private final Map<String, SharedField> shared = new LinkedHashMap<>();
    private final Map<String, ConstTable> tables = new LinkedHashMap<>();
    private final Map<String, io.espgen.generator.model.PinDecl> pins = new LinkedHashMap<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private final ServerFields fields;
    private final String stateQualified;
    private final String stateStruct;
    private final String stateTable;
    /** The @OneShot handlers' timers by method name, which Timers.start and Timers.cancel name. */
    private final Map<String, io.espgen.generator.model.Handler.Timer> oneShots = new java.util.TreeMap<>();
    /** Whether code looks up other connections' state: the table then has a spare entry (see Connection.state). */
    private boolean spareState;

    /**
     * @param stateQualified the state class's qualified name, or null without one
     * @param stateStruct its struct's tag, or null
     * @param stateTable its table's name, or null
     */
    public ServerWide(ServerFields fields, String stateQualified, String stateStruct, String stateTable) {
        this.fields = fields;
        this.stateQualified = stateQualified;
        this.stateStruct = stateStruct;
        this.stateTable = stateTable;
        if (fields != null) {
            fields.shared().forEach(f -> shared.put(f.javaName(), f));
            fields.tables().forEach(t -> tables.put(t.javaName(), t));
            fields.pins().forEach(p -> pins.put(p.javaName(), p));
        }
    }

    /** The shared field, marked as used: the firmware holds only what its code uses (-Wunused-variable). */
    public SharedField shared(String javaName) {
        SharedField f = shared.get(javaName);
        if (f != null) {
            used.add(javaName);
        }
        return f;
    }

    /** The constant table, marked as used. */
    public ConstTable table(String javaName) {
        ConstTable t = tables.get(javaName);
        if (t != null) {
            used.add(javaName);
        }
        return t;
    }

    /** The pin the server declares in that field, or null. */
    public io.espgen.generator.model.PinDecl pin(String javaName) {
        return pins.get(javaName);
    }

    public boolean hasShared() {
        return !shared.isEmpty();
    }

    /** The shared fields code uses, in declaration order. */
    public List<SharedField> sharedFields() {
        return shared.values().stream().filter(f -> used.contains(f.javaName())).toList();
    }

    /** The constant tables code uses, in declaration order. */
    public List<ConstTable> constTables() {
        return tables.values().stream().filter(t -> used.contains(t.javaName())).toList();
    }

    /** The C literal of a static final field only the processor folds, or null. */
    public String folded(IVariableBinding v) {
        return fields == null ? null : fields.folded(v);
    }

    void oneShot(String method, io.espgen.generator.model.Handler.Timer timer) {
        oneShots.put(method, timer);
    }

    /** The @OneShot handler's timer, or null. */
    public io.espgen.generator.model.Handler.Timer oneShot(String method) {
        return oneShots.get(method);
    }

    /** The @OneShot handlers' names, sorted. */
    public java.util.Set<String> oneShotNames() {
        return oneShots.keySet();
    }

    public String stateQualified() {
        return stateQualified;
    }

    public String stateStruct() {
        return stateStruct;
    }

    /** The state table, for Connection.state(); marks that it needs its spare entry. */
    public String useStateTable() {
        spareState = true;
        return stateTable;
    }

    public boolean spareState() {
        return spareState;
    }
}
