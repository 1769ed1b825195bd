package io.espgen.generator;

/**
 * The golden files again under the Eclipse compiler: ECJ, reading the source through its own compilation
 * units, must make the same firmware byte for byte as javac.
 */
class EcjGoldenFilesTest extends GoldenFilesTest {

    @Override
    Espgen.Host host() {
        return Espgen.Host.ECJ;
    }
}
