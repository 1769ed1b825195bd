package io.espgen.maven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.espgen.maven.EchoSample;
import io.espgen.maven.EspException;
import io.espgen.maven.StandInTree;
import io.espgen.dsl.host.HostFirmware.Target;
import io.espgen.maven.AbstractEspMojo;
import io.espgen.maven.size.ObjectSize;
import io.espgen.maven.size.SizeTool;
import io.espgen.maven.size.Region;
import io.espgen.maven.toolchain.Toolchain;
import io.espgen.runtime.CRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FreeRTOS target's build tree and its cross-compile, on the echo sample's real generated C. */
class RtosTreeTest {
    @TempDir
    Path tmp;

    @Test
    void theTreeIsTheGeneratedOneWithTheTargetsFilesInsteadOfTheNonosWifi() throws Exception {
        SourceTree generated = SourceTree.scan(EchoSample.generate(tmp.resolve("gen")));
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        SourceTree t = RtosTree.assemble(generated, tmp.resolve("rtos/main"), secrets);

        List<String> sources = t.sources().stream().map(SourceTree::unixName).collect(Collectors.toList());
        assertThat(sources).contains("user_main.c", "runtime/espgen_server.c", "runtime/espgen_wifi_policy.c",
                "rtos/espgen_rtos_net.c",
                "rtos/espgen_rtos_wifi.c", "rtos/espgen_rtos_main.c").doesNotContain(CRuntime.RTOS_REPLACED);
        String mk = Files.readString(t.root().resolve("component.mk"));
        assertThat(mk).contains("COMPONENT_SRCDIRS := . echo_server rtos runtime\n")
                .contains("-DESPGEN_TARGET_RTOS -DESPGEN_REAL_SDK -fwrapv -I" + secrets.toAbsolutePath());
        assertThat(Files.readString(t.root().resolve("CMakeLists.txt")))
                .contains("idf_component_register(SRC_DIRS \".\" \"echo_server\" \"rtos\" \"runtime\"");

        // a file the generated tree loses leaves the assembled one too; unchanged files keep their time
        Path server = t.root().resolve("runtime/espgen_server.c");
        long before = Files.getLastModifiedTime(server).toMillis();
        Files.delete(generated.root().resolve("runtime/espgen_text.c"));
        SourceTree again = RtosTree.assemble(SourceTree.scan(generated.root()), tmp.resolve("rtos/main"), secrets);
        assertThat(again.sources()).extracting(SourceTree::unixName).doesNotContain("runtime/espgen_text.c");
        assertThat(Files.getLastModifiedTime(server).toMillis()).isEqualTo(before);
    }

    @Test
    void aTreeWithPinsCrossCompilesWithItsInterruptAndTheIsrPostInIram() throws Exception {
        // a button's interrupt that toggles a pin through a helper, and its @AfterInterrupt report
        Path doorbell = EchoSample.repoRoot().resolve("generator/src/test/golden-servers/doorbell");
        SourceTree generated = SourceTree.scan(EchoSample.generate(tmp.resolve("gen"), doorbell));
        SourceTree t = RtosTree.assemble(generated, tmp.resolve("rtos/main"), Files.createDirectories(tmp.resolve("s")));
        assertThat(t.sources()).extracting(SourceTree::unixName).contains("runtime/espgen_gpio.c");

        Map<String, Long> iram = crossCompile(t).stream().filter(s -> s.iram() > 0)
                .collect(Collectors.toMap(ObjectSize::file, ObjectSize::iram));
        // the interrupt handler and the helper it calls (IRAM_ATTR), and system_os_post, which it calls
        assertThat(iram.keySet()).containsExactlyInAnyOrder("doorbell_server/doorbell_server.c",
                "rtos/espgen_rtos_net.c");
        assertThat(iram.get("rtos/espgen_rtos_net.c")).as("system_os_post").isLessThan(128);
    }

    @Test
    void itCrossCompilesWarningFreeWithTheRtosSdksFlagsAndOnlyTheIsrPostInIram() throws Exception {
        SourceTree generated = SourceTree.scan(EchoSample.generate(tmp.resolve("gen")));
        SourceTree t = RtosTree.assemble(generated, tmp.resolve("rtos/main"), Files.createDirectories(tmp.resolve("s")));
        List<ObjectSize> sizes = crossCompile(t);
        // system_os_post may be called from a GPIO interrupt handler: in IRAM, as the NONOS SDK's
        assertThat(sizes).allSatisfy(s -> assertThat(s.iram()).as(s.file())
                .isEqualTo(s.file().equals("rtos/espgen_rtos_net.c") ? s.iram() : 0));
        assertThat(sizes.stream().mapToLong(ObjectSize::iram).sum()).isPositive().isLessThan(128);
        assertThat(sizes.stream().mapToLong(ObjectSize::flash).sum()).isPositive();
    }

    /** Compiles t as esp:firmware -Desp.target=rtos does; returns the objects' sizes. */
    private List<ObjectSize> crossCompile(SourceTree t) throws Exception {
        Toolchain toolchain = StandInTree.crossToolchain();
        CompileCommand c = new CompileCommand(toolchain.gcc(), CompileOptions.of(4, null), t.root(),
                RtosTree.includeDirs(t), List.of(), true);
        assertThat(c.flags()).contains("-std=gnu99", "-mlongcalls", "-fwrapv", "-DESPGEN_TARGET_RTOS", "-Werror")
                .doesNotContain("-DICACHE_FLASH").noneMatch(f -> f.startsWith("-DSPI_FLASH_SIZE_MAP"));
        Path objDir = tmp.resolve("obj-rtos");
        FirmwareCompiler.Result r = new FirmwareCompiler(c, 2, s -> { }).compile(t, objDir);
        assertThat(r.failures()).as("failures").isEmpty();
        List<Path> objects = new ArrayList<>();
        r.files().forEach(f -> objects.add(f.object()));
        return new SizeTool(toolchain.size(), Region::ofRtos).measure(objDir, objects);
    }

    @Test
    void theRtosSdksPlacement() {
        assertThat(Region.ofRtos(".text.espgen_send")).contains(Region.FLASH);
        assertThat(Region.ofRtos(".literal.espgen_send")).contains(Region.FLASH);
        assertThat(Region.ofRtos(".rodata.str1.1")).contains(Region.FLASH);
        assertThat(Region.ofRtos(".iram1.3")).contains(Region.IRAM);
        assertThat(Region.ofRtos(".bss.echo_server_conns")).contains(Region.DRAM);
        assertThat(Region.ofRtos(".data.x")).contains(Region.DRAM);
        assertThat(Region.ofRtos(".comment")).isEmpty();
        // esp8266_fragments.lf: text_0 (the bare .text and .literal) goes to iram0_text, .dram1 (DRAM_ATTR) to DRAM,
        // the Wi-Fi's .wifi0iram to flash by default, RTC memory nowhere the report counts
        assertThat(Region.ofRtos(".text")).contains(Region.IRAM);
        assertThat(Region.ofRtos(".literal")).contains(Region.IRAM);
        assertThat(Region.ofRtos(".dram1.5")).contains(Region.DRAM);
        assertThat(Region.ofRtos(".wifi0iram.1")).contains(Region.FLASH);
        assertThat(Region.ofRtos(".rtc.data")).isEmpty();
    }

    @Test
    void theTargetIsNamedOrNonosByDefault() throws Exception {
        assertThat(AbstractEspMojo.targetOf(null)).isEqualTo(Target.NONOS);
        assertThat(AbstractEspMojo.targetOf(" rtos ")).isEqualTo(Target.RTOS);
        assertThatThrownBy(() -> AbstractEspMojo.targetOf("idf")).isInstanceOf(EspException.class)
                .hasMessage("espgen: esp.target=idf is not a target; write nonos (ESP8266_NONOS_SDK 3.x) or rtos"
                        + " (ESP8266_RTOS_SDK 3.x)");
    }

    @Test
    void aDirectoryThatIsNoRtosSdkIsNamed() {
        assertThatThrownBy(() -> RtosSdk.compileFlags(tmp, null)).isInstanceOf(EspException.class)
                .hasMessageContaining("is not an unpacked ESP8266_RTOS_SDK 3.x");
    }
}
