package io.espgen.generator.translate;

import io.espgen.generator.ir.CFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.core.dom.IMethodBinding;
import org.eclipse.jdt.core.dom.MethodDeclaration;
import org.eclipse.jdt.core.dom.MethodInvocation;
import org.eclipse.jdt.core.dom.TypeDeclaration;

/**
 * The server class's helper methods: translated to C functions the first time translated code calls them,
 * with the call graph kept so recursion (which the chip's few KiB of stack cannot afford) is reported.
 */
public final class Helpers {

    /** A call from one helper (or handler, as null) to another, where it stands. */
    record Call(String caller, String callee, MethodInvocation site) {}

    private final ServerNames names;
    private final Map<String, MethodDeclaration> declarations = new LinkedHashMap<>();
    private final Map<String, String> cNames = new LinkedHashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Map<String, CFunction> translated = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    /** What each body reaches in flash (by its key: a helper's binding key, an interrupt handler's), in order. */
    private final Map<String, List<FlashUse>> flashUses = new LinkedHashMap<>();
    private final Set<String> inIram = new java.util.HashSet<>();

    /** A use of something that lives in flash: a call of the runtime or the SDK, a constant table. */
    public record FlashUse(org.eclipse.jdt.core.dom.ASTNode at, String what) {}

    /** names: the server's C names, with its handlers' already taken. */
    public Helpers(ServerNames names, TypeDeclaration type, Set<String> handlerNames) {
        this.names = names;
        for (MethodDeclaration m : type.getMethods()) {
            IMethodBinding b = m.resolveBinding();
            if (b != null && !m.isConstructor() && !handlerNames.contains(m.getName().getIdentifier())) {
                declarations.put(b.getKey(), m);
            }
        }
    }

    /** Whether the binding is a helper method of the server class. */
    public boolean isHelper(IMethodBinding b) {
        return b != null && declarations.containsKey(b.getMethodDeclaration().getKey());
    }

    /** The C function for a call from {@code caller} (null for a handler); queues its translation. */
    public String call(String caller, IMethodBinding b, MethodInvocation site) {
        String key = b.getMethodDeclaration().getKey();
        calls.add(new Call(caller, key, site));
        return cNames.computeIfAbsent(key, k -> {
            pending.add(k);
            return names.helper(declarations.get(k).getName().getIdentifier());
        });
    }

    /** Records that the body of caller (null: a handler that runs from flash) uses something in flash. */
    public void flashUse(String caller, org.eclipse.jdt.core.dom.ASTNode at, String what) {
        if (caller != null) {
            flashUses.computeIfAbsent(caller, k -> new ArrayList<>()).add(new FlashUse(at, what));
        }
    }

    /** What the body of key uses in flash. */
    List<FlashUse> flashUses(String key) {
        return flashUses.getOrDefault(key, List.of());
    }

    /** The helpers a body calls, directly or not, in first-call order (the call graph has no cycle by then). */
    List<String> reachedFrom(String key) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(key));
        while (!todo.isEmpty()) {
            String at = todo.poll();
            for (Call c : calls) {
                if (at.equals(c.caller()) && seen.add(c.callee())) {
                    todo.add(c.callee());
                }
            }
        }
        return List.copyOf(seen);
    }

    /** Places the helpers in IRAM: an interrupt handler calls them. */
    void placeInIram(java.util.Collection<String> keys) {
        inIram.addAll(keys);
    }

    /** A helper's Java name. */
    String javaNameOf(String key) {
        return javaName(key);
    }

    /** The next helper to translate, or null. */
    String nextPending() {
        return pending.poll();
    }

    MethodDeclaration declaration(String key) {
        return declarations.get(key);
    }

    String cName(String key) {
        return cNames.get(key);
    }

    void done(String key, CFunction f) {
        translated.put(key, f);
    }

    /** The translated helpers, in the order they were first called. */
    public List<CFunction> functions() {
        List<CFunction> out = new ArrayList<>();
        for (String key : cNames.keySet()) {
            CFunction f = translated.get(key);
            if (f != null) {
                out.add(inIram.contains(key) ? f.inIram() : f);
            }
        }
        return out;
    }

    /** One call site on each cycle of the call graph, with the cycle as Java names (a → b → a). */
    List<Map.Entry<MethodInvocation, String>> cycles() {
        Map<String, List<Call>> edges = new LinkedHashMap<>();
        for (Call c : calls) {
            if (c.caller() != null) {
                edges.computeIfAbsent(c.caller(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Map.Entry<MethodInvocation, String>> out = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (String start : edges.keySet()) {
            List<Call> path = new ArrayList<>();
            Call back = findCycle(start, start, edges, path, new LinkedHashSet<>());
            if (back != null) {
                Set<String> members = new java.util.TreeSet<>();
                path.forEach(c -> members.add(c.callee()));
                if (reported.add(members.toString())) {
                    StringBuilder text = new StringBuilder(javaName(start));
                    for (Call c : path) {
                        text.append("() → ").append(javaName(c.callee()));
                    }
                    out.add(Map.entry(back.site(), text.append("()").toString()));
                }
            }
        }
        return out;
    }

    private Call findCycle(String start, String at, Map<String, List<Call>> edges, List<Call> path,
            Set<String> seen) {
        for (Call c : edges.getOrDefault(at, List.of())) {
            path.add(c);
            if (c.callee().equals(start)) {
                return c;
            }
            if (seen.add(c.callee())) {
                Call found = findCycle(start, c.callee(), edges, path, seen);
                if (found != null) {
                    return found;
                }
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    private String javaName(String key) {
        MethodDeclaration m = declarations.get(key);
        return m == null ? key : m.getName().getIdentifier();
    }
}
