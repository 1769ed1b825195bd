package io.espgen.generator.emit;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.espgen.generator.model.WifiConfig;
import io.espgen.generator.plan.DramOrigin;
import io.espgen.generator.plan.ServerPlan;
import io.espgen.runtime.CRuntime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Writes a firmware's C tree: the runtime and the project's SDK declarations (copied from the c-runtime
 * module), then one directory per server and user_main.c, from FreeMarker templates. A pure function of
 * the plans: the same servers give the same bytes.
 */
public final class CEmitter {

    /** Files copied verbatim: relative output path → resource in the c-runtime module. */
    private static final Map<String, String> STATIC_FILES = Map.of(
            "include/espgen_sdk.h", CRuntime.INCLUDE_BASE + "espgen_sdk.h",
            "include/espgen_runtime.h", CRuntime.INCLUDE_BASE + "espgen_runtime.h",
            "include/espgen_text.h", CRuntime.INCLUDE_BASE + "espgen_text.h",
            "include/espgen_frame.h", CRuntime.INCLUDE_BASE + "espgen_frame.h",
            "runtime/espgen_frame.c", CRuntime.SOURCE_BASE + "espgen_frame.c",
            "runtime/espgen_text.c", CRuntime.SOURCE_BASE + "espgen_text.c",
            "runtime/espgen_server.c", CRuntime.SOURCE_BASE + "espgen_server.c",
            "runtime/espgen_txq.c", CRuntime.SOURCE_BASE + "espgen_txq.c",
            "runtime/espgen_wifi.c", CRuntime.SOURCE_BASE + "espgen_wifi.c",
            "runtime/espgen_wifi_policy.c", CRuntime.SOURCE_BASE + "espgen_wifi_policy.c");

    /** Copied too when a server declares pins (espgen_gpio.c costs nothing in a firmware without). */
    private static final Map<String, String> GPIO_FILES = Map.of(
            "include/espgen_gpio.h", CRuntime.INCLUDE_BASE + "espgen_gpio.h",
            "runtime/espgen_gpio.c", CRuntime.SOURCE_BASE + "espgen_gpio.c");

    /** The files copied verbatim (the GPIO ones only for servers with pins): output path → the resource. */
    public static Map<String, String> staticFiles() {
        Map<String, String> all = new TreeMap<>(STATIC_FILES);
        all.putAll(GPIO_FILES);
        return all;
    }

    /** A server as user_main.c.ftl sees it: by its C name only (it includes its header and starts it). */
    public record Started(String cName) {}

    private final Configuration config;

    public CEmitter() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(new ClassTemplateLoader(CEmitter.class, "/io/espgen/templates"));
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
    }

    /** Relative path (with '/') → file content, sorted by path. */
    public Map<String, String> emit(List<ServerPlan> servers, WifiConfig wifi) {
        return emit(servers, List.of(), wifi);
    }

    /**
     * As {@link #emit(List, WifiConfig)}, for a firmware that also holds {@code kept} (C names): servers whose C an
     * earlier run wrote and this run did not see (an IDE recompiled only the others). user_main.c starts them
     * too; their own files are left as they are.
     */
    public Map<String, String> emit(List<ServerPlan> servers, List<String> kept, WifiConfig wifi) {
        List<ServerPlan> sorted = servers.stream().sorted(Comparator.comparing(ServerPlan::cName)).toList();
        List<Started> all = new java.util.ArrayList<>();
        sorted.forEach(s -> all.add(new Started(s.cName())));
        kept.forEach(k -> all.add(new Started(k)));
        all.sort(Comparator.comparing(Started::cName));
        Map<String, String> files = new TreeMap<>();
        STATIC_FILES.forEach((path, resource) -> files.put(path, resource(resource)));
        if (sorted.stream().anyMatch(s -> s.gpio() != null)) {
            GPIO_FILES.forEach((path, resource) -> files.put(path, resource(resource)));
        }
        for (ServerPlan s : sorted) {
            Map<String, Object> model = Map.of("s", s);
            files.put(s.cName() + "/" + s.cName() + ".c", restoreLines(render("server.c.ftl", model)));
            files.put(s.cName() + "/" + s.cName() + ".h", render("server.h.ftl", model));
            files.put(s.cName() + "/" + s.cName() + DramOrigin.FILE_SUFFIX, s.dram());
        }
        files.put("user_main.c", render("user_main.c.ftl", Map.of("servers", all, "wifi", wifi,
                "project", all.get(0).cName().replace('_', '-'))));
        return files;
    }

    /**
     * After #line directives that point into Java, the template returns to the C file with
     * {@code #line ESPGEN_C_LINE}; this puts the real line number in, once the text's layout is final.
     */
    static String restoreLines(String c) {
        if (!c.contains("ESPGEN_C_LINE")) {
            return c;
        }
        String[] lines = c.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#line ESPGEN_C_LINE ")) {
                lines[i] = "#line " + (i + 2) + lines[i].substring("#line ESPGEN_C_LINE".length());
            }
        }
        return String.join("\n", lines);
    }

    private String render(String template, Map<String, Object> model) {
        try {
            Template t = config.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("espgen template " + template + " is missing from the templates module", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("espgen template " + template + " failed: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try {
            return new String(CRuntime.read(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
