package io.espgen.generator.compiler;

/**
 * The text of a server's source file exactly as the compiler read it (an IDE's unsaved buffer included),
 * so offsets found by parsing it are offsets the compiler can report at.
 *
 * @param fileName the file's name without directories, e.g. {@code EchoServer.java}
 */
public record SourceText(String fileName, String text) {

    /** The 1-based line of {@code offset}; \n, \r\n and \r end lines, as in javac and ECJ. */
    public int line(int offset) {
        return position(offset)[0];
    }

    /** The 1-based column of {@code offset} (a tab counts as one character, as ECJ counts). */
    public int column(int offset) {
        return position(offset)[1];
    }

    private int[] position(int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, end - lineStart + 1};
    }
}
