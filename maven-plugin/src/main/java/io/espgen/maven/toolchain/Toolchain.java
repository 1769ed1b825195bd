package io.espgen.maven.toolchain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The cross tools found by {@link ToolchainLocator}, and where they came from. */
public final class Toolchain {
    private final Map<String, Path> tools;
    private final String origin;

    Toolchain(Map<String, Path> tools, String origin) {
        this.tools = new TreeMap<>(tools);
        this.origin = origin;
    }

    /** The executable of {@code name} (for instance {@link ToolchainLocator#GCC}); it was looked up by the locator. */
    public Path tool(String name) {
        Path p = tools.get(name);
        if (p == null) {
            throw new IllegalArgumentException(name + " was not asked of the locator");
        }
        return p;
    }

    public Path gcc() {
        return tool(ToolchainLocator.GCC);
    }

    public Path size() {
        return tool(ToolchainLocator.SIZE);
    }

    public Path ar() {
        return tool(ToolchainLocator.AR);
    }

    public Path nm() {
        return tool(ToolchainLocator.NM);
    }

    /** Where the tools were found: the parameter, the environment variable or the PATH. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return Objects.toString(tools) + " (" + origin + ")";
    }
}
