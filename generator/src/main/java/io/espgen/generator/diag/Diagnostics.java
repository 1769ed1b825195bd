package io.espgen.generator.diag;

/**
 * Where the model builder and translator report errors. Positions are character offsets into the
 * server's source file; an implementation turns them into file:line:col for the compiler's output.
 */
public interface Diagnostics {

    /** An error at a source range of the file being translated. */
    void error(int startOffset, int length, String message);

    /** A warning at a source range: the program is translated, but does something its author should see. */
    void warning(int startOffset, int length, String message);

    /** Whether any error was reported. */
    boolean hasErrors();
}
