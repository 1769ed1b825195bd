package io.espgen.maven.link;

import io.espgen.maven.Exec;
import io.espgen.maven.compile.CompileCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Links the compiled objects with the SDK into the firmware ELF: compiles the plugin's libc glue, prepares
 * the libc, runs the {@link LinkCommand}. Each step is skipped when its inputs (command lines and file
 * contents, {@link BuildStamp}) are those of the last successful run.
 */
public final class FirmwareLinker {
    public static final String LINK_STAMP = "link.sha256";
    public static final String GLUE_STAMP = "glue.sha256";
    public static final String LIBC_DIR = "libc";

    /** What happened: {@code link} is null when the ELF was up to date. */
    public record Result(Path elf, LinkCommand command, Exec.Result link, PreparedLibc.Result libc,
            boolean glueCompiled) {
        public boolean linked() {
            return link != null;
        }

        public boolean failed() {
            return link != null && !link.ok();
        }

        /** Nothing was done: glue, libc and ELF were all up to date. */
        public boolean upToDate() {
            return link == null && libc.upToDate() && !glueCompiled;
        }
    }

    private final Path gcc;
    private final PreparedLibc libc;
    private final Sdk sdk;
    private final Path linkDir;
    private final Consumer<String> debug;

    /**
     * @param linkDir the plugin's directory for the glue, the prepared libc and the stamps
     * @param debug receives each command line
     */
    public FirmwareLinker(Path gcc, Path ar, Path nm, Sdk sdk, Path linkDir, Consumer<String> debug) {
        this.gcc = gcc;
        this.libc = new PreparedLibc(ar, nm);
        this.sdk = sdk;
        this.linkDir = linkDir;
        this.debug = debug;
    }

    /**
     * @param compile the command the objects were compiled with (the glue is compiled with it too)
     * @param objects the generated code's objects, sorted
     * @param libcSource the libc.a to prepare ({@link PreparedLibc#find})
     */
    public Result link(CompileCommand compile, List<Path> objects, Path libcSource, Path elf)
            throws IOException, InterruptedException {
        SdkGlue.write(linkDir);
        boolean glueCompiled = compileGlue(compile);
        PreparedLibc.Result prepared = libc.prepare(libcSource, linkDir.resolve(LIBC_DIR));

        List<Path> inputs = new ArrayList<>(objects);
        inputs.add(linkDir.resolve(SdkGlue.GLUE_O));
        LinkCommand command = new LinkCommand(gcc, sdk, prepared.dir(), inputs, elf);
        BuildStamp stamp = new BuildStamp();
        command.command().forEach(stamp::add);
        for (Path p : inputs) {
            stamp.addFile(p);
        }
        stamp.addFile(prepared.libc());
        for (Path p : sdk.libraryFiles()) {
            stamp.addFile(p);
        }
        for (Path p : sdk.linkerScripts()) {
            stamp.addFile(p);
        }
        String digest = stamp.digest();
        Path stampFile = linkDir.resolve(LINK_STAMP);
        if (Files.isRegularFile(elf) && BuildStamp.matches(stampFile, digest)) {
            return new Result(elf, command, null, prepared, glueCompiled);
        }
        Files.deleteIfExists(stampFile);
        Files.createDirectories(elf.toAbsolutePath().getParent());
        debug.accept(command.toString());
        Exec.Result r = Exec.run(command.command(), linkDir);
        if (r.ok()) {
            BuildStamp.write(stampFile, digest);
        } else {
            Files.deleteIfExists(elf);
        }
        return new Result(elf, command, r, prepared, glueCompiled);
    }

    private boolean compileGlue(CompileCommand compile) throws IOException, InterruptedException {
        Path source = linkDir.resolve(SdkGlue.GLUE_C);
        Path object = linkDir.resolve(SdkGlue.GLUE_O);
        Path stampFile = linkDir.resolve(GLUE_STAMP);
        String digest = new BuildStamp().add(compile.fingerprint()).addFile(source).digest();
        if (Files.isRegularFile(object) && BuildStamp.matches(stampFile, digest)) {
            return false;
        }
        Files.deleteIfExists(stampFile);
        List<String> cmd = compile.forSource(source, object);
        debug.accept(CompileCommand.forLog(cmd));
        Exec.Result r = Exec.run(cmd, linkDir);
        if (!r.ok()) {
            Files.deleteIfExists(object);
            throw new IOException("the plugin's " + SdkGlue.GLUE_C + " did not compile: " + r.output().strip());
        }
        BuildStamp.write(stampFile, digest);
        return true;
    }
}
