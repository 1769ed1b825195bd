package io.espgen.generator;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.TreeDiagnostics;
import io.espgen.generator.emit.CEmitter;
import io.espgen.generator.emit.JavaCompanion;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.model.WifiConfig;
import io.espgen.generator.model.WifiScanner;
import io.espgen.generator.model.WifiScanner.WifiSite;
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

    private Trees trees;
    private final List<Server> servers = new ArrayList<>();
    private final Map<Integer, String> ports = new HashMap<>();
    /** The firmware's @WiFi, once seen. */
    private WifiSite wifi;
    private boolean failed;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            trees = null;
        }
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(LINE_DIRECTIVES);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(DslTypes.TCP_SERVER, DslTypes.WIFI);
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
        TypeElement wifiAnnotation = processingEnv.getElementUtils().getTypeElement(DslTypes.WIFI);
        if (wifiAnnotation != null) {
            for (Element e : round.getElementsAnnotatedWith(wifiAnnotation)) {
                processWifi((TypeElement) e);
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
        site.problems().forEach(p -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, p.message(),
                p.element(), p.annotation(), p.value()));
        String other = ports.putIfAbsent(site.port(), type.getQualifiedName().toString());
        if (other != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.portTaken(site.port(), other),
                    type, site.annotation());
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
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.tooManyConnections(total), type,
                    site.annotation());
            failed = true;
        }
    }

    private void processWifi(TypeElement type) {
        WifiSite site = WifiScanner.scan(type);
        site.problems().forEach(p -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, p.message(),
                p.element(), p.annotation(), p.value()));
        if (!site.valid()) {
            failed = true;
        } else if (wifi != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Messages.wifiTwice(wifi.type().getQualifiedName().toString()), type, site.annotation());
            failed = true;
        } else {
            wifi = site;
        }
    }

    private Optional<Server> translate(ServerSite site) {
        TypeElement type = site.type();
        TreePath path = trees == null ? null : trees.getPath(type);
        if (path == null) {
            error(Messages.sourceUnavailable(type.getQualifiedName() + ".java"), type);
            return Optional.empty();
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        String text;
        try {
            text = unit.getSourceFile().getCharContent(true).toString();
        } catch (IOException e) {
            error(Messages.sourceUnavailable(unit.getSourceFile().getName()), type);
            return Optional.empty();
        }
        String fileName = Path.of(unit.getSourceFile().toUri().getPath() == null ? type.getSimpleName() + ".java"
                : unit.getSourceFile().toUri().getPath()).getFileName().toString();
        String pkg = ((PackageElement) processingEnv.getElementUtils().getPackageOf(type)).getQualifiedName()
                .toString();
        JavaSource source = JavaSource.parse(fileName, pkg, text, dslClasspath(), List.of());
        TreeDiagnostics diagnostics = new TreeDiagnostics(trees, unit, processingEnv.getMessager(), type);
        return ServerTranslator.translate(site, source, diagnostics,
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
        Map<String, String> files = new CEmitter().emit(plans, wifi != null ? wifi.config() : WifiConfig.defaults());
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
