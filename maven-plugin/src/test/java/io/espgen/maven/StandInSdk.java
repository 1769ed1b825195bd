package io.espgen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.espgen.maven.link.PreparedLibc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for an unpacked ESP8266_NONOS_SDK, built by the tests from the project's own C (no
 * Espressif file: the tests cannot have the SDK). It has the SDK's layout and file names:
 *
 * <ul>
 *   <li>{@code include/ets_sys.h}, {@code osapi.h}, {@code os_type.h}, {@code mem.h}, {@code user_interface.h},
 *       {@code espconn.h}: the declarations are espgen's own ({@code espgen_sdk.h} included again with
 *       {@code ESPGEN_REAL_SDK} undefined); {@code osapi.h} includes {@code user_config.h} as the real one does;</li>
 *   <li>{@code lib/libmain.a}, {@code libhal.a}, ... one small object each: libmain has the entry
 *       {@code call_user_start1} (IRAM) calling {@code user_pre_init} and {@code user_init}, and stubs of every
 *       function {@code espgen_sdk.h} declares; liblwip has the {@code espconn_*} stubs and reads
 *       {@code __ctype_ptr__} as the real liblwip does; the others are empty;</li>
 *   <li>{@code ld/eagle.app.v6.ld}: a linker script of the project's own with the real one's memory regions
 *       (iram1_0_seg 0x40100000 + 0x8000, dram0_0_seg 0x3FFE8000 + 0x14000, irom0_0_seg 0x40210000 +
 *       0x5C000), output sections and entry, and made-up ROM addresses for the routines the ROM provides.</li>
 * </ul>
 */
public final class StandInSdk {
    public static final List<String> EMPTY_LIBRARIES = List.of("hal", "phy", "pp", "net80211", "wpa", "crypto",
            "driver");
    /** Where the stand-in's linker script says the ROM has memcpy, strlen ... (made up, in the ROM's range). */
    public static final long ROM_BASE = 0x40001000L;

    public static final String ETS_SYS_H = """
            /* stand-in ets_sys.h (espgen tests): espgen's own declarations of the SDK interface */
            #ifndef STANDIN_ETS_SYS_H
            #define STANDIN_ETS_SYS_H
            #undef ESPGEN_SDK_H
            #undef ESPGEN_REAL_SDK
            #include "espgen_sdk.h"
            #define ESPGEN_REAL_SDK 1
            #endif
            """;

    public static final String OSAPI_H = """
            /* stand-in osapi.h (espgen tests): like the real one, it needs the application's user_config.h */
            #include "user_config.h"
            """;

    public static final String MAIN_C = """
            /* stand-in libmain (espgen tests): the entry point, in IRAM as the SDK's is */
            void user_pre_init(void);
            void user_init(void);
            void *memcpy(void *dst, const void *src, unsigned int n);
            unsigned int strlen(const char *s);

            char standin_main_started = 1;
            static const char standin_main_name[] = "stand-in SDK";
            char standin_main_copy[16];

            void call_user_start1(void)
            {
            	user_pre_init();
            	memcpy(standin_main_copy, standin_main_name, strlen(standin_main_name) & 15);
            	user_init();
            }
            """;

    public static final String LWIP_C_HEAD = """
            /* stand-in liblwip (espgen tests): espconn stubs; reads the ctype table as the real liblwip does */
            extern const char *__ctype_ptr__;
            volatile int standin_lwip_sink;

            __attribute__((noinline)) int standin_lwip_isdigit(int c)
            {
            	return (__ctype_ptr__ + 1)[c & 0x7f] & 04;
            }

            """;

    private StandInSdk() {
    }

    /** Builds the stand-in into {@code root} with the cross compiler {@code gcc} and {@code ar}; returns root. */
    public static Path build(Path root, Path gcc, Path ar) throws IOException, InterruptedException {
        Path include = Files.createDirectories(root.resolve("include"));
        Files.createDirectories(root.resolve("driver_lib/include"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Path ld = Files.createDirectories(root.resolve("ld"));
        Path work = Files.createDirectories(root.resolve("build"));

        StandInTree.write(include.resolve("ets_sys.h"), ETS_SYS_H);
        StandInTree.write(include.resolve("osapi.h"), OSAPI_H);
        for (String h : List.of("os_type.h", "mem.h", "user_interface.h", "espconn.h")) {
            StandInTree.write(include.resolve(h), "/* stand-in " + h + " (espgen tests): see ets_sys.h */\n");
        }
        StandInTree.write(ld.resolve("eagle.app.v6.ld"), linkerScript());

        List<String> functions = sdkFunctions(gcc, work);
        StringBuilder main = new StringBuilder(MAIN_C);
        StringBuilder lwip = new StringBuilder(LWIP_C_HEAD);
        for (String f : functions) {
            if (f.startsWith("espconn_")) {
                lwip.append("void ").append(f).append("(void) { standin_lwip_sink = standin_lwip_isdigit('7'); }\n");
            } else {
                main.append("void ").append(f).append("(void) { }\n");
            }
        }
        archive(gcc, ar, work, lib, "main", main.toString());
        archive(gcc, ar, work, lib, "lwip", lwip.toString());
        for (String name : EMPTY_LIBRARIES) {
            archive(gcc, ar, work, lib, name, "/* stand-in lib" + name + " (espgen tests): empty */\n");
        }
        return root;
    }

    /** The stand-in's linker script: the real one's memory, sections and entry, written for these tests. */
    public static String linkerScript() {
        StringBuilder rom = new StringBuilder();
        long addr = ROM_BASE;
        for (String f : new TreeSet<>(PreparedLibc.ROM_FUNCTIONS)) {
            rom.append(String.format(Locale.ROOT, "PROVIDE(%s = 0x%08x);%n", f, addr));
            addr += 0x40;
        }
        return """
                /* stand-in eagle.app.v6.ld (espgen tests): the ESP8266's regions of the non-OTA layout */
                MEMORY
                {
                  dram0_0_seg : org = 0x3FFE8000, len = 0x14000
                  iram1_0_seg : org = 0x40100000, len = 0x8000
                  irom0_0_seg : org = 0x40210000, len = 0x5C000
                }

                ENTRY(call_user_start1)

                """ + rom + """

                SECTIONS
                {
                  .data : ALIGN(4)
                  {
                    *(.data .data.*)
                  } >dram0_0_seg

                  .rodata : ALIGN(4)
                  {
                    *(.rodata .rodata.*)
                  } >dram0_0_seg

                  .bss (NOLOAD) : ALIGN(8)
                  {
                    *(.bss .bss.* COMMON)
                  } >dram0_0_seg

                  .irom0.text : ALIGN(4)
                  {
                    *(.irom0.literal .irom.literal .irom.text.literal .irom0.text .irom0.text.* .irom.text .irom.text.*)
                  } >irom0_0_seg

                  .text : ALIGN(4)
                  {
                    *(.literal .text .literal.* .text.*)
                  } >iram1_0_seg
                }
                """;
    }

    /** The functions {@code espgen_sdk.h} declares, as the compiler lists them ({@code -aux-info}). */
    static List<String> sdkFunctions(Path gcc, Path work) throws IOException, InterruptedException {
        Path include = Files.createDirectories(work.resolve("espgen-include"));
        try (InputStream in = StandInSdk.class.getResourceAsStream(StandInTree.SDK_HEADER)) {
            assertThat(in).as(StandInTree.SDK_HEADER + " on the class path").isNotNull();
            Files.write(include.resolve("espgen_sdk.h"), in.readAllBytes());
        }
        Path unit = work.resolve("declarations.c");
        StandInTree.write(unit, "#include \"espgen_sdk.h\"\n");
        Path aux = work.resolve("declarations.aux");
        run(work, List.of(gcc.toString(), "-DICACHE_FLASH", "-I", include.toString(), "-fsyntax-only",
                "-aux-info", aux.toString(), unit.toString()));
        Pattern declared = Pattern.compile("^/\\* (?:\\S*/)?espgen_sdk\\.h:\\d+:NC \\*/ extern [^(]*?(\\w+) \\(");
        TreeSet<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(aux, StandardCharsets.UTF_8)) {
            Matcher m = declared.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        assertThat(names).as("functions declared in espgen_sdk.h").contains("espconn_accept", "pvPortMalloc");
        return new ArrayList<>(names);
    }

    private static void archive(Path gcc, Path ar, Path work, Path lib, String name, String source)
            throws IOException, InterruptedException {
        Path c = work.resolve(name + ".c");
        Path o = work.resolve(name + ".o");
        StandInTree.write(c, source);
        run(work, List.of(gcc.toString(), "-Os", "-mlongcalls", "-mtext-section-literals", "-ffunction-sections",
                "-fdata-sections", "-fno-builtin", "-c", c.toString(), "-o", o.toString()));
        Path a = lib.resolve("lib" + name + ".a");
        Files.deleteIfExists(a);
        run(work, List.of(ar.toString(), "rcs", a.toString(), o.toString()));
    }

    private static void run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Exec.Result r = Exec.run(cmd, dir);
        assertThat(r.ok()).as(String.join(" ", cmd) + "\n" + r.output()).isTrue();
    }
}
