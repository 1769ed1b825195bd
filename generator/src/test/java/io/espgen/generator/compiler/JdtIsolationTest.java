package io.espgen.generator.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The translator's class loader: the processor's own where JDT comes from one place, a child-first one
 * where a batch ECJ's classes come first (as {@code java -jar ecj.jar} loads a processor path).
 */
class JdtIsolationTest {

    private static URL jar(String className) throws Exception {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void oneJdtKeepsTheProcessorsLoader() {
        ClassLoader own = JdtIsolationTest.class.getClassLoader();
        assertThat(JdtIsolation.loaderFor(own)).isSameAs(own);
    }

    @Test
    void aBatchEcjsClassesFirstGetJdtLoadedApartFromTheProcessorPath() throws Exception {
        URL ecj = Path.of(System.getProperty("espgen.ecjJar")).toUri().toURL();
        URL jdtCore = jar("org.eclipse.jdt.core.dom.AST");
        URL generator = jar("io.espgen.generator.translate.SourceTranslation");
        try (URLClassLoader compiler = new URLClassLoader(new URL[] {ecj}, ClassLoader.getPlatformClassLoader());
                URLClassLoader processorPath = new URLClassLoader(new URL[] {generator, jdtCore, ecj}, compiler)) {
            // as in ECJ's batch compiler: JDT's compiler classes resolve to the compiler's, the DOM to the path's
            assertThat(Class.forName("org.eclipse.jdt.internal.compiler.impl.CompilerOptions", false, processorPath)
                    .getClassLoader()).isSameAs(compiler);

            ClassLoader chosen = JdtIsolation.loaderFor(processorPath);
            assertThat(chosen).isNotSameAs(processorPath);
            for (String name : new String[] {"org.eclipse.jdt.core.dom.AST",
                    "org.eclipse.jdt.internal.compiler.impl.CompilerOptions",
                    "io.espgen.generator.translate.SourceTranslation"}) {
                assertThat(Class.forName(name, false, chosen).getClassLoader()).as(name).isSameAs(chosen);
            }
            // the model the translator returns is the processor's own
            assertThat(Class.forName("io.espgen.generator.model.Server", false, chosen).getClassLoader())
                    .isSameAs(processorPath);
            assertThat(JdtIsolation.loaderFor(processorPath)).isSameAs(chosen);
        }
    }
}
