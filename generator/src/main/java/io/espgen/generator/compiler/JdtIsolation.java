package io.espgen.generator.compiler;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the translator runs. A batch Eclipse compiler ({@code java -jar ecj.jar}, Maven's plexus-compiler-eclipse)
 * loads processors in a class loader whose parent is its own, so JDT Core's parser, which espgen brings,
 * would meet that compiler's classes of {@code org.eclipse.jdt.internal.compiler} first, of whatever version
 * (ECJ 3.33 fails with NoSuchMethodError). There the translator and JDT are loaded again, child first, from
 * the processor's own path: the JDT espgen was built with, whole. Under javac, Eclipse or VS Code (JDT from
 * one place) the processor's own loader serves.
 */
public final class JdtIsolation {

    private static final String[] CHILD_FIRST = {"org.eclipse.jdt.", "io.espgen.generator.translate."};
    private static final Map<ClassLoader, ClassLoader> LOADERS = new WeakHashMap<>();

    private JdtIsolation() {}

    /** The loader to load {@code io.espgen.generator.translate} from, for a processor loaded by {@code own}. */
    public static synchronized ClassLoader loaderFor(ClassLoader own) {
        return LOADERS.computeIfAbsent(own, JdtIsolation::choose);
    }

    private static ClassLoader choose(ClassLoader own) {
        try {
            ClassLoader ast = Class.forName("org.eclipse.jdt.core.dom.AST", false, own).getClassLoader();
            ClassLoader compiler = Class.forName("org.eclipse.jdt.internal.compiler.impl.CompilerOptions", false, own)
                    .getClassLoader();
            if (ast == compiler || !(own instanceof URLClassLoader path) || ast != own) {
                return own; // one JDT, or not a processor path we can load again
            }
            return new ChildFirst(path.getURLs(), own);
        } catch (ClassNotFoundException | LinkageError e) {
            return own;
        }
    }

    /** Loads the translator and JDT from the processor path itself, everything else from the processor's loader. */
    private static final class ChildFirst extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        ChildFirst(URL[] path, ClassLoader processor) {
            super(path, processor);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!childFirst(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notOnThePath) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = childFirst(name.replace('/', '.')) ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }

        private static boolean childFirst(String name) {
            for (String prefix : CHILD_FIRST) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
