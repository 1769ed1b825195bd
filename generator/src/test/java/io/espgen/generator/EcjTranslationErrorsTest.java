package io.espgen.generator;

/**
 * Every case of {@link TranslationErrorsTest} under the Eclipse compiler (Eclipse, VS Code): the same messages on the same
 * lines and columns as under javac.
 */
class EcjTranslationErrorsTest extends TranslationErrorsTest {

    @Override
    Espgen.Host host() {
        return Espgen.Host.ECJ;
    }
}
