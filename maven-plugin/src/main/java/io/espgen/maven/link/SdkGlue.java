package io.espgen.maven.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The two small files a real-SDK build needs besides the generated tree, written by the plugin into its link
 * directory: {@code include/user_config.h}, which the SDK's {@code osapi.h} includes (every SDK application
 * has one; espgen's needs nothing in it), and {@code espgen_libc_glue.c}, the one definition the SDK's liblwip
 * needs from a newlib that picolibc spells differently.
 */
public final class SdkGlue {
    public static final String INCLUDE_DIR = "include";
    public static final String USER_CONFIG = "user_config.h";
    public static final String GLUE_C = "espgen_libc_glue.c";
    public static final String GLUE_O = "espgen_libc_glue.o";

    public static final String USER_CONFIG_TEXT = """
            /*
             * user_config.h - included by the NONOS SDK's osapi.h. Written by esp-maven-plugin: espgen's
             * generated code configures nothing here.
             */
            #ifndef ESPGEN_USER_CONFIG_H
            #define ESPGEN_USER_CONFIG_H
            #endif
            """;

    public static final String GLUE_TEXT = """
            /*
             * espgen_libc_glue.c - written by esp-maven-plugin for links against the NONOS SDK with picolibc.
             * The SDK's liblwip was built against newlib and reads the character class table through
             * __ctype_ptr__; picolibc only has the table itself, _ctype_.
             */
            extern const char _ctype_[];
            const char *__ctype_ptr__ = _ctype_;
            """;

    private SdkGlue() {
    }

    /** Writes both files below {@code linkDir} where their contents differ; returns the include directory. */
    public static Path write(Path linkDir) throws IOException {
        Path include = linkDir.resolve(INCLUDE_DIR);
        writeIfChanged(include.resolve(USER_CONFIG), USER_CONFIG_TEXT);
        writeIfChanged(linkDir.resolve(GLUE_C), GLUE_TEXT);
        return include;
    }

    /** Leaves an unchanged file alone, so its time does not make anything out of date. */
    static void writeIfChanged(Path file, String text) throws IOException {
        try {
            if (Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return;
            }
        } catch (NoSuchFileException e) {
            // written below
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
