package io.espgen.generator;

/**
 * Every case of {@link ProcessorErrorsTest} under the Eclipse compiler (Eclipse, VS Code): the same messages on the same
 * lines and columns as under javac.
 */
class EcjProcessorErrorsTest extends ProcessorErrorsTest {

    @Override
    Espgen.Host host() {
        return Espgen.Host.ECJ;
    }
}
