package io.espgen.generator;

import io.espgen.dsl.Limits;
import io.espgen.generator.compiler.CompilerAccess;
import io.espgen.generator.compiler.JdtIsolation;
import io.espgen.generator.compiler.SourceText;
import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.emit.CEmitter;
import io.espgen.generator.emit.FirmwareIndex;
import io.espgen.generator.emit.JavaCompanion;
import io.espgen.generator.emit.ServerList;
import io.espgen.generator.model.DslTypes;
import io.espgen.generator.model.Server;
import io.espgen.generator.model.ServerScanner;
import io.espgen.generator.model.ServerScanner.ServerSite;
import io.espgen.generator.model.WifiConfig;
import io.espgen.generator.model.WifiScanner;
import io.espgen.generator.model.WifiScanner.WifiSite;
import io.espgen.generator.plan.ServerPlan;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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
    private final List<ServerSite> sites = new ArrayList<>();
    private final Map<Integer, String> ports = new HashMap<>();
    /** The firmware's @WiFi, once seen. */
    private WifiSite wifi;
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
        sites.add(site);
        writeCompanion(type, server.get());
        int total = servers.stream().mapToInt(Server::maxConnections).sum();
        if (total > Limits.MAX_CONNECTIONS) {
            compiler.report(Diagnostic.Kind.ERROR, Messages.tooManyConnections(total), type, site.annotation(), null);
            failed = true;
        }
    }

    private void processWifi(TypeElement type) {
        WifiSite site = WifiScanner.scan(type);
        site.problems().forEach(p -> compiler.report(Diagnostic.Kind.ERROR, p.message(), p.element(), p.annotation(),
                p.value()));
        if (!site.valid()) {
            failed = true;
        } else if (wifi != null) {
            compiler.report(Diagnostic.Kind.ERROR, Messages.wifiTwice(wifi.type().getQualifiedName().toString()), type,
                    site.annotation(), null);
            failed = true;
        } else {
            wifi = site;
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
        try {
            Class<?> entry = Class.forName("io.espgen.generator.translate.SourceTranslation", true,
                    JdtIsolation.loaderFor(EspgenProcessor.class.getClassLoader()));
            @SuppressWarnings("unchecked")
            Optional<Server> server = (Optional<Server>) entry.getMethod("translate", ServerSite.class, String.class,
                    String.class, String.class, List.class, Diagnostics.class, boolean.class).invoke(null, site,
                    text.get().fileName(), pkg, text.get().text(), dslClasspath(), compiler.diagnostics(type,
                    text.get()), Boolean.parseBoolean(processingEnv.getOptions().get(LINE_DIRECTIVES)));
            return server;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof LinkageError otherJdt) {
                return jdtMismatch(type, otherJdt);
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } catch (LinkageError otherJdt) {
            return jdtMismatch(type, otherJdt);
        }
    }

    /**
     * JDT's parser met another JDT's compiler classes: a batch ECJ loads processors under its own class loader
     * and {@link JdtIsolation} could not load JDT apart.
     */
    private Optional<Server> jdtMismatch(TypeElement type, LinkageError otherJdt) {
        Properties versions = new Properties();
        try (var in = EspgenProcessor.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            // the message then names no version
        }
        error(Messages.jdtMismatch(versions.getProperty("jdt.core", "?"), versions.getProperty("ecj", "?"),
                String.valueOf(otherJdt)), type);
        return Optional.empty();
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
        Optional<List<KeptServer>> kept = keptServers();
        if (kept.isEmpty()) {
            return;
        }
        List<ServerPlan> plans = servers.stream().map(ServerPlan::of).toList();
        Map<String, String> files = new TreeMap<>(new CEmitter().emit(plans,
                kept.get().stream().map(KeptServer::cName).toList(), wifiConfig(kept.get())));
        List<ServerList.Entry> list = new ArrayList<>();
        servers.forEach(s -> list.add(new ServerList.Entry(s.qualifiedName(), ServerPlan.of(s).cName())));
        kept.get().forEach(k -> list.add(new ServerList.Entry(k.qualifiedName(), k.cName())));
        files.put(ServerList.FILE, ServerList.render(list));
        Element[] all = sites.stream().map(ServerSite::type).toArray(Element[]::new);
        // the class output gets the whole firmware too, for a test's startOnHost (espgen-host-runner): the
        // kept servers' C from the last build, and an index, as a jar cannot be listed
        Map<String, String> resources = new TreeMap<>(files);
        for (KeptServer k : kept.get()) {
            for (String file : List.of(k.cName() + "/" + k.cName() + ".c", k.cName() + "/" + k.cName() + ".h")) {
                resources.put(file, read(OUTPUT_DIR + "/" + file).orElseThrow());
            }
        }
        resources.put(FirmwareIndex.FILE, FirmwareIndex.render(resources.keySet()));
        for (Map.Entry<String, String> f : resources.entrySet()) {
            // a server's own files come from its class alone: an IDE then knows what to delete with it
            Element[] origins = sites.stream().map(ServerSite::type)
                    .filter(t -> f.getKey().startsWith(ServerPlan.of(serverOf(t)).cName() + "/"))
                    .toArray(Element[]::new);
            if (files.containsKey(f.getKey())
                    && !write(StandardLocation.SOURCE_OUTPUT, f.getKey(), f.getValue(), origins, all)) {
                return;
            }
            if (!write(StandardLocation.CLASS_OUTPUT, f.getKey(), f.getValue(), origins, all)) {
                return;
            }
        }
    }

    /** Writes one file below {@value #OUTPUT_DIR}; false, with the error reported, when it cannot. */
    private boolean write(StandardLocation location, String file, String text, Element[] origins, Element[] all) {
        String name = OUTPUT_DIR + "/" + file;
        try {
            FileObject out = processingEnv.getFiler().createResource(location, "", name,
                    origins.length > 0 ? origins : all);
            try (Writer w = out.openWriter()) {
                w.write(text);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Messages.writeFailed(name, String.valueOf(e.getMessage())));
            return false;
        }
    }

    /**
     * The firmware's Wi-Fi: the @WiFi this run saw, else the one on a kept server (an IDE recompiled only the
     * others: its annotation is read again through the elements), else the defaults.
     */
    private WifiConfig wifiConfig(List<KeptServer> kept) {
        if (wifi != null) {
            return wifi.config();
        }
        for (KeptServer k : kept) {
            TypeElement type = k.site().type();
            if (WifiScanner.declaredOn(type)) {
                return WifiScanner.scan(type).config();
            }
        }
        return WifiConfig.defaults();
    }

    private Server serverOf(TypeElement type) {
        return servers.get(sites.stream().map(ServerSite::type).toList().indexOf(type));
    }

    /**
     * The servers of the last firmware written ({@link ServerList}) that this run did not see but that are
     * still {@code @TcpServer} classes: an IDE's incremental build recompiled only the others. Their sources
     * did not change, so their C from the last build stands, and the firmware keeps them; they take part in
     * the checks across servers. Empty (with an error) when one's C is gone: the firmware would lose it.
     */
    private Optional<List<KeptServer>> keptServers() {
        Set<String> seen = new HashSet<>();
        servers.forEach(s -> seen.add(s.qualifiedName()));
        TypeElement tcpServer = processingEnv.getElementUtils().getTypeElement(DslTypes.TCP_SERVER);
        List<KeptServer> kept = new ArrayList<>();
        for (ServerList.Entry e : ServerList.parse(read(OUTPUT_DIR + "/" + ServerList.FILE).orElse(""))) {
            TypeElement type = seen.contains(e.qualifiedName()) ? null
                    : processingEnv.getElementUtils().getTypeElement(e.qualifiedName());
            if (type == null || type.getAnnotationMirrors().stream()
                    .noneMatch(a -> a.getAnnotationType().asElement().equals(tcpServer))) {
                continue; // seen in this run, or no longer a server: not part of the firmware
            }
            for (String file : List.of(e.cName() + "/" + e.cName() + ".c", e.cName() + "/" + e.cName() + ".h")) {
                if (read(OUTPUT_DIR + "/" + file).isEmpty()) {
                    error(Messages.partialBuildLost(e.qualifiedName(), OUTPUT_DIR + "/" + file), sites.get(0).type());
                    return Optional.empty();
                }
            }
            kept.add(new KeptServer(e.qualifiedName(), e.cName(), ServerScanner.scan(type)));
        }
        if (kept.isEmpty()) {
            return Optional.of(List.of());
        }
        int total = servers.stream().mapToInt(Server::maxConnections).sum();
        for (KeptServer k : kept) {
            String other = ports.putIfAbsent(k.site().port(), k.qualifiedName());
            if (other != null) {
                ServerSite clash = sites.stream().filter(s -> s.port() == k.site().port()).findFirst().orElseThrow();
                onAnnotation(Messages.portTaken(k.site().port(), k.qualifiedName()), clash);
            }
            total += k.site().maxConnections();
        }
        if (total > Limits.MAX_CONNECTIONS) {
            onAnnotation(Messages.tooManyConnections(total), sites.get(0));
        }
        if (failed) {
            return Optional.empty();
        }
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.partialBuildKept(
                String.join(", ", kept.stream().map(KeptServer::qualifiedName).toList())));
        return Optional.of(kept);
    }

    /**
     * An error on a server's {@code @TcpServer}, from the last round: javac's elements of earlier rounds no
     * longer match its trees there, so the server's element is looked up again.
     */
    private void onAnnotation(String message, ServerSite site) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(site.type().getQualifiedName());
        TypeElement tcpServer = processingEnv.getElementUtils().getTypeElement(DslTypes.TCP_SERVER);
        var annotation = type == null ? null : type.getAnnotationMirrors().stream()
                .filter(a -> a.getAnnotationType().asElement().equals(tcpServer)).findFirst().orElse(null);
        compiler.report(Diagnostic.Kind.ERROR, message, type == null ? site.type() : type, annotation, null);
        failed = true;
    }

    /** A server of the firmware this run did not translate, with its annotation as its class file has it. */
    private record KeptServer(String qualifiedName, String cName, ServerSite site) {}

    /** A file this processor wrote in an earlier run, if it is there. */
    private Optional<String> read(String name) {
        try {
            FileObject in = processingEnv.getFiler().getResource(StandardLocation.SOURCE_OUTPUT, "", name);
            return Optional.of(in.getCharContent(true).toString());
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException absent) {
            return Optional.empty();
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
