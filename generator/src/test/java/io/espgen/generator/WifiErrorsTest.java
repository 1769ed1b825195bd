package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** Every misuse of @WiFi is a compile error on the value at fault, saying what to write. */
class WifiErrorsTest {

    private static final String IMPORTS = "package example;\nimport io.espgen.dsl.*;\n";
    private static final String BODY = "public class Bad {\n    @OnReceive void r(Connection c, Bytes d) {}\n}\n";

    private static Compilation compile(String annotations) {
        return Espgen.compileSource("example.Bad", IMPORTS + annotations + "\n" + BODY);
    }

    @Test
    void rangesAreCheckedOnTheirValues() {
        Compilation c = compile("@WiFi(apChannel = 14, apMaxStations = 5, fallbackApAfterSeconds = -1)\n"
                + "@TcpServer(port = 80)");
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@WiFi(apChannel = 14) is out of range: it must be 1 to 13")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(19);
        assertThat(c).hadErrorContaining("@WiFi(apMaxStations = 5) is out of range: it must be 1 to 4 (the SDK's limit)")
                .inFile(c.sourceFiles().get(0)).onLine(3);
        assertThat(c).hadErrorContaining(
                "@WiFi(fallbackApAfterSeconds = -1) is out of range: it must be 0 to 3600 seconds (0 = never)");
    }

    @Test
    void addressesAndHostNamesMustBeValid() {
        Compilation c = compile("@WiFi(hostname = \"-bad_name\", staticIp = \"192.168.1.256\", netmask = \"255.255.0\")\n"
                + "@TcpServer(port = 80)");
        assertThat(c).hadErrorContaining("@WiFi(hostname = \"-bad_name\") is not a host name")
                .inFile(c.sourceFiles().get(0)).onLine(3).atColumn(18);
        assertThat(c).hadErrorContaining("@WiFi(staticIp = \"192.168.1.256\") is not an IPv4 address: write four "
                + "numbers 0 to 255 with dots, as \"192.168.1.50\"");
        assertThat(c).hadErrorContaining("@WiFi(netmask = \"255.255.0\") is not an IPv4 address");
    }

    @Test
    void aGatewayNeedsAStaticAddress() {
        Compilation c = compile("@WiFi(gateway = \"10.0.0.1\")\n@TcpServer(port = 80)");
        assertThat(c).hadErrorContaining("@WiFi(gateway) is used only with a static address: set staticIp too, "
                + "or remove it").inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void stationSettingsOnAnAccessPointAreRejected() {
        Compilation c = compile("@WiFi(mode = WiFi.Mode.ACCESS_POINT, hostname = \"box\")\n@TcpServer(port = 80)");
        assertThat(c).hadErrorContaining("@WiFi(hostname) is for a station; an access point (mode = ACCESS_POINT)")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void wifiGoesOnAServer() {
        Compilation c = Espgen.compile(
                JavaFileObjects.forSourceString("example.Net", IMPORTS + "@WiFi public class Net {}\n"),
                JavaFileObjects.forSourceString("example.Bad", IMPORTS + "@TcpServer(port = 80)\n" + BODY));
        assertThat(c).hadErrorContaining("@WiFi goes on one of the firmware's @TcpServer classes")
                .inFile(c.sourceFiles().get(0)).onLine(3);
    }

    @Test
    void aFirmwareHasOneWifi() {
        Compilation c = Espgen.compile(
                JavaFileObjects.forSourceString("example.A", IMPORTS + "@WiFi @TcpServer(port = 80)\n"
                        + BODY.replace("Bad", "A")),
                JavaFileObjects.forSourceString("example.B", IMPORTS + "@WiFi @TcpServer(port = 81)\n"
                        + BODY.replace("Bad", "B")));
        assertThat(c).hadErrorContaining("a firmware has one @WiFi, and example.A has it already; remove one")
                .inFile(c.sourceFiles().get(1)).onLine(3);
    }

    @Test
    void aValidDeclarationGeneratesItsConfiguration() {
        Compilation c = compile("@WiFi(hostname = \"thermostat\", staticIp = \"192.168.1.50\", apChannel = 6)\n"
                + "@TcpServer(port = 80)");
        assertThat(c).succeededWithoutWarnings();
        String userMain = Espgen.generatedC(c).get("user_main.c");
        org.assertj.core.api.Assertions.assertThat(userMain)
                .contains("\t.static_ip = { 192, 168, 1, 50 },\n\t.netmask = { 255, 255, 255, 0 },\n"
                        + "\t.gateway = { 192, 168, 1, 1 },\n")
                .contains("\t.hostname = \"thermostat\",\n").contains("\t.ap_channel = 6,\n")
                .contains("#define ESPGEN_PROJECT_NAME \"bad\"");
    }
}
