package io.espgen.generator;

/**
 * Every case of {@link OneShotErrorsTest} under the Eclipse compiler (Eclipse, VS Code): the same messages on the same
 * lines and columns as under javac.
 */
class EcjOneShotErrorsTest extends OneShotErrorsTest {

    @Override
    Espgen.Host host() {
        return Espgen.Host.ECJ;
    }
}
