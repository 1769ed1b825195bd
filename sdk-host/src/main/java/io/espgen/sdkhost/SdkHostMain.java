package io.espgen.sdkhost;

import io.espgen.host.HostFirmware;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SdkHostFirmware#build}, for scripts (the benchmarks under bench/):
 *
 * <pre>
 * java -cp espgen-sdk-host.jar:espgen-host-emulation.jar:espgen-c-runtime.jar io.espgen.sdkhost.SdkHostMain \
 *     [--stack sdk|emulation] [--sdk SDK_DIR] --work WORK_DIR [--include DIR]... SOURCE.c...
 * </pre>
 *
 * {@code --stack emulation} builds with the host emulation instead, exactly as {@code esp:run} does
 * ({@link HostFirmware#build}, without sanitizers), so a benchmark compares the two stacks as users get them.
 *
 * Prints the executable's path on success; exits 1 with the reason on stderr when the build fails, 2 on a bad
 * argument.
 */
public final class SdkHostMain {
    private SdkHostMain() {
    }

    public static void main(String[] args) {
        String stack = "sdk";
        Path sdk = null;
        Path work = null;
        List<Path> includes = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--stack") && i + 1 < args.length) {
                stack = args[++i];
            } else if ((a.equals("--sdk") || a.equals("--work") || a.equals("--include")) && i + 1 < args.length) {
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
        if (!stack.equals("sdk") && !stack.equals("emulation")) {
            usage("--stack is sdk or emulation");
        }
        if ((stack.equals("sdk") && sdk == null) || work == null || sources.isEmpty()) {
            usage("--work, at least one source and (for the SDK stack) --sdk are needed");
        }
        try {
            System.out.println(stack.equals("sdk") ? SdkHostFirmware.build(sources, includes, sdk, work).exe()
                    : HostFirmware.build(sources, includes, work, false));
        } catch (IOException e) {
            System.err.println("espgen-sdk-host: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String why) {
        System.err.println("espgen-sdk-host: " + why + "\nusage: SdkHostMain [--stack sdk|emulation] [--sdk SDK_DIR]"
                + " --work WORK_DIR [--include DIR]... SOURCE.c...");
        System.exit(2);
    }
}
