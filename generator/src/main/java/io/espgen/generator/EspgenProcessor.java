package io.espgen.generator;

import io.espgen.dsl.Limits;
import io.espgen.generator.compiler.CompilerAccess;
import io.espgen.generator.compiler.SourceText;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.emit.CEmitter;
import io.espgen.generator.emit.JavaCompanion;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.plan.ServerPlan;
import io.espgen.generator.translate.JavaSource;
import io.espgen.generator.translate.ServerTranslator;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The espgen annotation processor: checks {@code @TcpServer} classes as they compile and writes the
 * firmware's C tree to {@code espgen/} in the generated-sources output
 * ({@code target/generated-sources/annotations/espgen} under Maven).
 *
 * <p>Pipeline: {@link ServerScanner} (elements → checked sites) → {@link ServerTranslator} (JDT source →
 * model with translated bodies) → {@link ServerPlan} (C decisions) → {@link CEmitter} (templates → files).
 */
public final class EspgenProcessor extends AbstractProcessor {

    /** Where the C tree goes, relative to the generated-sources output. */
    public static final String OUTPUT_DIR = "espgen";

    /**
     * Processor option: {@code -Aespgen.lineDirectives=true} puts a {@code #line} before every translated
     * statement, so a C compiler's message points at the Java line. Off by default: it clutters the C.
     */
    public static final String LINE_DIRECTIVES = "espgen.lineDirectives";

    private CompilerAccess compiler;
    private final List<Server> servers = new ArrayList<>();
    private final Map<Integer, String> ports = new HashMap<>();
    private boolean failed;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        compiler = CompilerAccess.of(env);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(LINE_DIRECTIVES);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(DslTypes.TCP_SERVER);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement tcpServer = processingEnv.getElementUtils().getTypeElement(DslTypes.TCP_SERVER);
        if (tcpServer != null) {
            for (Element e : round.getElementsAnnotatedWith(tcpServer)) {
                if (e instanceof TypeElement type) {
                    try {
                        processServer(type);
                    } catch (RuntimeException bug) {
                        error(Messages.internalError(bug), type);
                    }
                } else {
                    error(Messages.serverNotClass(), e);
                }
            }
        }
        if (round.processingOver() && !servers.isEmpty() && !failed) {
            try {
                write();
            } catch (RuntimeException bug) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(bug));
            }
        }
        return false;
    }

    private void processServer(TypeElement type) {
        ServerSite site = ServerScanner.scan(type);
        site.problems().forEach(p -> compiler.report(Diagnostic.Kind.ERROR, p.message(), p.element(), p.annotation(),
                p.value()));
        String other = ports.putIfAbsent(site.port(), type.getQualifiedName().toString());
        if (other != null) {
            compiler.report(Diagnostic.Kind.ERROR, Messages.portTaken(site.port(), other), type, site.annotation(),
                    null);
            failed = true;
        }
        if (!site.valid()) {
            failed = true;
            return;
        }
        Optional<Server> server = translate(site);
        if (server.isEmpty()) {
            failed = true;
            return;
        }
        servers.add(server.get());
        writeCompanion(type, server.get());
        int total = servers.stream().mapToInt(Server::maxConnections).sum();
        if (total > Limits.MAX_CONNECTIONS) {
            compiler.report(Diagnostic.Kind.ERROR, Messages.tooManyConnections(total), type, site.annotation(), null);
            failed = true;
        }
    }

    private Optional<Server> translate(ServerSite site) {
        TypeElement type = site.type();
        Optional<SourceText> text = compiler.source(type);
        if (text.isEmpty()) {
            error(Messages.sourceUnavailable(type.getQualifiedName() + ".java"), type);
            return Optional.empty();
        }
        String pkg = ((PackageElement) processingEnv.getElementUtils().getPackageOf(type)).getQualifiedName()
                .toString();
        JavaSource source = JavaSource.parse(text.get().fileName(), pkg, text.get().text(), dslClasspath(),
                List.of());
        return ServerTranslator.translate(site, source, compiler.diagnostics(type, text.get()),
                Boolean.parseBoolean(processingEnv.getOptions().get(LINE_DIRECTIVES)));
    }

    /** Where the DSL's classes are, so JDT resolves Connection, Bytes and Log in handler bodies. */
    private static List<Path> dslClasspath() {
        try {
            var source = io.espgen.dsl.TcpServer.class.getProtectionDomain().getCodeSource();
            return source == null ? List.of() : List.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            return List.of();
        }
    }

    private void write() {
        List<ServerPlan> plans = servers.stream().map(ServerPlan::of).toList();
        Map<String, String> files = new CEmitter().emit(plans);
        Element[] origins = new Element[0];
        for (Map.Entry<String, String> f : files.entrySet()) {
            String name = OUTPUT_DIR + "/" + f.getKey();
            try {
                FileObject out = processingEnv.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, "", name,
                        origins);
                try (Writer w = out.openWriter()) {
                    w.write(f.getValue());
                }
            } catch (IOException | IllegalStateException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Messages.writeFailed(name, String.valueOf(e.getMessage())));
                return;
            }
        }
    }

    /** The server's Java companion, written in the server's own round so javac compiles it. */
    private void writeCompanion(TypeElement type, Server server) {
        String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
        try {
            boolean jvmReference = processingEnv.getElementUtils()
                    .getTypeElement(JavaCompanion.JVM_SERVER.canonicalName()) != null;
            JavaCompanion.of(pkg, ServerPlan.of(server), jvmReference).writeTo(processingEnv.getFiler());
        } catch (IOException | IllegalStateException e) {
            error(Messages.writeFailed(JavaCompanion.name(type.getSimpleName().toString()) + ".java",
                    String.valueOf(e.getMessage())), type);
        }
    }

    private void error(String message, Element e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
        failed = true;
    }
}
