package io.espgen.sdkhost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SdkHostFirmware#build}, for scripts (the benchmarks under bench/):
 *
 * <pre>
 * java -cp espgen-sdk-host.jar:espgen-host-emulation.jar:espgen-c-runtime.jar io.espgen.sdkhost.SdkHostMain \
 *     --sdk SDK_DIR --work WORK_DIR [--include DIR]... SOURCE.c...
 * </pre>
 *
 * Prints the executable's path on success; exits 1 with the reason on stderr when the build fails, 2 on a bad
 * argument.
 */
public final class SdkHostMain {
    private SdkHostMain() {
    }

    public static void main(String[] args) {
        Path sdk = null;
        Path work = null;
        List<Path> includes = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--sdk") || a.equals("--work") || a.equals("--include")) && i + 1 < args.length) {
                Path p = Path.of(args[++i]);
                switch (a) {
                    case "--sdk" -> sdk = p;
                    case "--work" -> work = p;
                    default -> includes.add(p);
                }
            } else if (a.startsWith("--")) {
                usage("unknown or incomplete argument " + a);
            } else {
                sources.add(Path.of(a));
            }
        }
        if (sdk == null || work == null || sources.isEmpty()) {
            usage("--sdk, --work and at least one source are needed");
        }
        try {
            System.out.println(SdkHostFirmware.build(sources, includes, sdk, work).exe());
        } catch (IOException e) {
            System.err.println("espgen-sdk-host: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String why) {
        System.err.println("espgen-sdk-host: " + why + "\nusage: SdkHostMain --sdk SDK_DIR --work WORK_DIR"
                + " [--include DIR]... SOURCE.c...");
        System.exit(2);
    }
}
