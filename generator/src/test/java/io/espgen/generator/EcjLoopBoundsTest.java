package io.espgen.generator;

/**
 * Every case of {@link LoopBoundsTest} under the Eclipse compiler (Eclipse, VS Code): the same messages on the same
 * lines and columns as under javac.
 */
class EcjLoopBoundsTest extends LoopBoundsTest {

    @Override
    Espgen.Host host() {
        return Espgen.Host.ECJ;
    }
}
