package io.espgen.dsl.jvm;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A server class's static fields, the state all its clients share. The firmware starts them from their
 * initializers at every boot; a JVM runs a class's static initializer once. So the first
 * {@link JvmServer#start} of a class takes a copy of them (arrays deeply), and every later start puts that
 * copy back: each server starts from what the initializers set, as each boot of the firmware does.
 */
final class SharedFields {

    private SharedFields() {}

    private record Saved(Field field, Object value) {}

    /** A class's first values, and whether a start has used them yet. */
    private static final class Snapshot {
        final List<Saved> saved = new ArrayList<>();
        boolean taken;
    }

    /** Kept with the class itself, so a class loader that goes away takes its snapshots along. */
    private static final ClassValue<Snapshot> FIRST = new ClassValue<>() {
        @Override
        protected Snapshot computeValue(Class<?> serverClass) {
            return new Snapshot();
        }
    };

    /** Restores the class's static fields to what they held at its first start (or records that). */
    static synchronized void reset(Class<?> serverClass) {
        Snapshot snapshot = FIRST.get(serverClass);
        List<Saved> saved = snapshot.saved;
        if (!snapshot.taken) {
            snapshot.taken = true;
            for (Field f : serverClass.getDeclaredFields()) {
                int mods = f.getModifiers();
                boolean changeable = !Modifier.isFinal(mods) || f.getType().isArray();
                if (!Modifier.isStatic(mods) || !changeable || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                saved.add(new Saved(f, copy(get(f))));
            }
            return;
        }
        for (Saved s : saved) {
            try {
                if (Modifier.isFinal(s.field().getModifiers())) {
                    copyInto(s.value(), get(s.field())); // a final array: its elements change, not the array
                } else {
                    s.field().set(null, copy(s.value()));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Object get(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object copy(Object v) {
        if (v == null || !v.getClass().isArray()) {
            return v;
        }
        int n = Array.getLength(v);
        Object out = Array.newInstance(v.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, copy(Array.get(v, i)));
        }
        return out;
    }

    private static void copyInto(Object from, Object to) {
        if (from == null || to == null) {
            return;
        }
        int n = Math.min(Array.getLength(from), Array.getLength(to));
        for (int i = 0; i < n; i++) {
            Object f = Array.get(from, i);
            if (f != null && f.getClass().isArray()) {
                copyInto(f, Array.get(to, i));
            } else {
                Array.set(to, i, f);
            }
        }
    }
}
