package io.espgen.generator.translate;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner.ServerSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The translator's entry point from the processor: parse the source text with JDT, then translate. Its
 * parameters and result are plain JDK and model types, so the processor can call it in a class loader of
 * its own ({@code compiler.JdtIsolation}) where JDT is the one espgen was built with.
 */
public final class SourceTranslation {

    private SourceTranslation() {}

    public static Optional<Server> translate(ServerSite site, String fileName, String packageName, String text,
            List<Path> classpath, Diagnostics diagnostics, boolean lineDirectives) {
        JavaSource source = JavaSource.parse(fileName, packageName, text, classpath, List.of());
        return ServerTranslator.translate(site, source, diagnostics, lineDirectives);
    }
}
