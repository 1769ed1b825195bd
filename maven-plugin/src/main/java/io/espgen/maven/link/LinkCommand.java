package io.espgen.maven.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The link of the firmware ELF (the team's SDK notes, shared/docs/esp8266-sdk.md, section 5): the SDK's linker
 * script and libraries, the prepared libc ahead of any other, the objects inside the group so that the SDK's
 * libraries and the generated code may call each other in any order, and {@code call_user_start1} (the SDK's
 * entry) kept.
 */
public final class LinkCommand {
    public static final String ENTRY = "call_user_start1";

    private final List<String> command;

    /**
     * @param libcDir the directory of the prepared libc.a, searched right after the SDK's lib/
     * @param objects in the order given (the caller sorts them)
     */
    public LinkCommand(Path gcc, Sdk sdk, Path libcDir, List<Path> objects, Path elf) {
        List<String> c = new ArrayList<>();
        c.add(gcc.toString());
        c.add("-nostdlib");
        c.add("-T" + sdk.linkerScript());
        c.add("-Wl,--no-check-sections");
        c.add("-Wl,--gc-sections");
        c.add("-u");
        c.add(ENTRY);
        c.add("-Wl,-static");
        c.add("-L" + sdk.libDir());
        c.add("-L" + libcDir.toAbsolutePath());
        c.add("-Wl,--start-group");
        for (String lib : Sdk.LIBRARIES) {
            c.add("-l" + lib);
        }
        for (Path o : objects) {
            c.add(o.toAbsolutePath().toString());
        }
        c.add("-Wl,--end-group");
        c.add("-o");
        c.add(elf.toAbsolutePath().toString());
        this.command = List.copyOf(c);
    }

    public List<String> command() {
        return command;
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
