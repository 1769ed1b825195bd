package io.espgen.generator;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every wrong use of pins and interrupt handlers is a compile error where it stands, saying what to write instead. */
class PinErrorsTest {

    private static final String BUTTON = "    static final Pin BUTTON = Pin.inputPullUp(0);\n";

    private static Compilation compile(String members) {
        return Espgen.compileSource("example.Bad", "package example;\nimport io.espgen.dsl.*;\n"
                + "@TcpServer(port = 80)\npublic class Bad {\n" + members + "\n    @OnReceive void r(Connection c) {}\n}\n");
    }

    @Test
    void aFlashPinIsRefusedByName() {
        Compilation c = compile("    static final Pin LED = Pin.output(7);");
        assertThat(c).hadErrorContaining("GPIO 7 (SD_DATA0) holds the SPI flash the firmware runs from, as GPIO 6 to 11 "
                + "all do: use GPIO 0 to 5 or 12 to 16").inFile(c.sourceFiles().get(0)).onLine(5).atColumn(39);
    }

    @Test
    void aPinOutsideZeroToSixteenDoesNotExist() {
        Compilation c = compile("    static final Pin A = Pin.input(17);\n    static final Pin B = Pin.output(-1);");
        assertThat(c).hadErrorContaining("GPIO 17 does not exist: the ESP8266's pins are GPIO 0 to 16").inFile(
                c.sourceFiles().get(0)).onLine(5);
        assertThat(c).hadErrorContaining("GPIO -1 does not exist").inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void anInterruptOnAFlashPinIsRefusedOnTheAnnotation() {
        Compilation c = compile("    @OnInterrupt(pin = 9, edge = Edge.RISING) void x() {}");
        assertThat(c).hadErrorContaining("GPIO 9 (SD_DATA2) holds the SPI flash").inFile(c.sourceFiles().get(0))
                .onLine(5).atColumn(24);
    }

    @Test
    void gpio16HasNoInterruptAndNoPullUp() {
        Compilation c = compile("    static final Pin WAKE = Pin.input(16);\n"
                + "    @OnInterrupt(pin = 16, edge = Edge.RISING) void x() {}");
        assertThat(c).hadErrorContaining("@OnInterrupt(pin = 16): GPIO 16 has no interrupt (it sits in the RTC domain")
                .inFile(c.sourceFiles().get(0)).onLine(6).atColumn(24);
        Compilation p = compile("    static final Pin WAKE = Pin.inputPullUp(16);");
        assertThat(p).hadErrorContaining("GPIO 16 has no pull-up (the RTC domain's pad has only a pull-down)")
                .inFile(p.sourceFiles().get(0)).onLine(5);
    }

    @Test
    void aPinDeclaredTwiceNamesTheFirst() {
        Compilation c = compile("    static final Pin LED = Pin.output(2);\n    static final Pin BLUE = Pin.output(2);");
        assertThat(c).hadErrorContaining("GPIO 2 is declared twice: LED already declares it")
                .inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void aPinIsStaticFinalAndMadeByAFactoryWithAConstant() {
        Compilation c = compile("    static Pin LED = Pin.output(2);");
        assertThat(c).hadErrorContaining("the Pin field LED must be static final").inFile(c.sourceFiles().get(0))
                .onLine(5);
        Compilation v = compile("    static int n = 2;\n    static final Pin LED = Pin.output(n);");
        assertThat(v).hadErrorContaining("the Pin field LED is declared by Pin.input(n), Pin.inputPullUp(n) or "
                + "Pin.output(n), with a constant GPIO number n").inFile(v.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void anInterruptHandlerThatLogsIsToldToUseTheTaskLevelHandler() {
        Compilation c = compile(BUTTON + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void pressed() {\n"
                + "        Log.info(\"pressed\");\n    }");
        assertThat(c).hadErrorContaining("Log.info() is in flash, and the @OnInterrupt handler pressed() runs from IRAM, "
                + "where flash can be off (the chip may be writing it): do this in an @AfterInterrupt(pin = 0, edge = "
                + "FALLING) handler, a posted task that runs right after the interrupt")
                .inFile(c.sourceFiles().get(0)).onLine(7).atColumn(9);
    }

    @Test
    void aHelperTheInterruptReachesMayNotUseFlashEither() {
        Compilation c = compile(BUTTON + "    static byte[] buf = new byte[8];\n"
                + "    @OnInterrupt(pin = 0, edge = Edge.ANY) void pressed() { note(); }\n"
                + "    static void note() { deeper(); }\n"
                + "    static void deeper() { Text.appendInt(buf, 0, 1); }");
        assertThat(c).hadErrorContaining("Text.appendInt() is in flash, and the @OnInterrupt handler pressed() runs from "
                + "IRAM, where flash can be off (the chip may be writing it); it reaches deeper(), which is placed in "
                + "IRAM with it: do this in an @AfterInterrupt(pin = 0, edge = ANY) handler")
                .inFile(c.sourceFiles().get(0)).onLine(9);
    }

    @Test
    void aConstantTableIsInFlash() {
        Compilation c = compile(BUTTON + "    static final int[] STEPS = {1, 2, 3};\n    static int n;\n"
                + "    @OnInterrupt(pin = 0, edge = Edge.RISING) void pressed() { n += STEPS[1]; }");
        assertThat(c).hadErrorContaining("the constant table STEPS is in flash, and the @OnInterrupt handler pressed()")
                .inFile(c.sourceFiles().get(0)).onLine(8);
    }

    @Test
    void theSameHelperFromFlashCodeIsFineAndAnInterruptMayUsePinsMathAndSharedState() {
        Compilation c = compile(BUTTON + "    static final Pin LED = Pin.output(2);\n    static int n;\n"
                + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void pressed() { int s = step(); n = Math.max(n, 0) / 2 + s; "
                + "LED.write(!BUTTON.read()); LED.toggle(); }\n"
                + "    static int step() { return 1; }\n"
                + "    @Every(millis = 100) void tick() { int s = step(); n += s; Log.info(\"n %d\", n); }");
        assertThat(c).succeededWithoutWarnings();
        String file = Espgen.generatedC(c).get("bad/bad.c");
        org.assertj.core.api.Assertions.assertThat(file)
                .contains("static int ICACHE_RAM_ATTR bad_step(void)")
                .contains("static void ICACHE_RAM_ATTR bad_pressed(void)")
                .contains("static void ICACHE_FLASH_ATTR bad_tick(")
                .contains("espgen_gpio_write(BAD_LED, !espgen_gpio_read(BAD_BUTTON));");
    }

    @Test
    void anInterruptNeedsADeclaredInput() {
        Compilation c = compile("    @OnInterrupt(pin = 4, edge = Edge.FALLING) void x() {}");
        assertThat(c).hadErrorContaining("@OnInterrupt(pin = 4): the server declares no input on GPIO 4: declare one, "
                + "static final Pin BUTTON = Pin.inputPullUp(4)").inFile(c.sourceFiles().get(0)).onLine(5).atColumn(24);
        Compilation o = compile("    static final Pin LED = Pin.output(2);\n"
                + "    @AfterInterrupt(pin = 2, edge = Edge.FALLING) void x() {}");
        assertThat(o).hadErrorContaining("@AfterInterrupt(pin = 2): GPIO 2 is the output LED, and only an input raises "
                + "an interrupt").inFile(o.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void onePinOneHandlerOfEachKindAndOneEdge() {
        Compilation c = compile(BUTTON + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void a() {}\n"
                + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void b() {}");
        assertThat(c).hadErrorContaining("a second @OnInterrupt handler for GPIO 0: a() already handles it")
                .inFile(c.sourceFiles().get(0)).onLine(7);
        Compilation e = compile(BUTTON + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void a() {}\n"
                + "    @AfterInterrupt(pin = 0, edge = Edge.RISING) void b() {}");
        assertThat(e).hadErrorContaining("@AfterInterrupt(pin = 0, edge = RISING) differs from the pin's "
                + "@OnInterrupt(edge = FALLING): a pin has one interrupt edge").inFile(e.sourceFiles().get(0)).onLine(7);
    }

    @Test
    void anInputDrivesNothing() {
        Compilation c = compile(BUTTON + "    @Every(millis = 10) void t() { BUTTON.toggle(); }");
        assertThat(c).hadErrorContaining("BUTTON.toggle(): BUTTON is an input, which drives nothing: declare it with "
                + "Pin.output to drive it").inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void anInterruptHandlerTakesNoConnection() {
        Compilation c = compile(BUTTON + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void a(Connection c) {}");
        assertThat(c).hadErrorContaining("@OnInterrupt cannot supply a parameter of type io.espgen.dsl.Connection")
                .inFile(c.sourceFiles().get(0)).onLine(6);
    }

    @Test
    void aPinAndTheInterruptBelongToOneServerOfTheFirmware() {
        Compilation c = Espgen.compile(
                com.google.testing.compile.JavaFileObjects.forSourceString("example.A", "package example;\n"
                        + "import io.espgen.dsl.*;\n@TcpServer(port = 81)\npublic class A {\n" + BUTTON
                        + "    @OnInterrupt(pin = 0, edge = Edge.FALLING) void x() {}\n}\n"),
                com.google.testing.compile.JavaFileObjects.forSourceString("example.B", "package example;\n"
                        + "import io.espgen.dsl.*;\n@TcpServer(port = 82)\npublic class B {\n"
                        + "    static final Pin BELL = Pin.input(0);\n    static final Pin KEY = Pin.input(5);\n"
                        + "    @OnInterrupt(pin = 5, edge = Edge.FALLING) void y() {}\n}\n"));
        assertThat(c).hadErrorContaining("GPIO 0 is declared by example.A too: a pin belongs to one server of the "
                + "firmware");
        assertThat(c).hadErrorContaining("example.A has interrupt handlers too, and the chip has one GPIO interrupt for "
                + "all pins");
    }
}
