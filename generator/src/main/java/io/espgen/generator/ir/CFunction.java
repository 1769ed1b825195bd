package io.espgen.generator.ir;

import java.util.List;

/**
 * A generated C function: {@code static}, placed in flash ({@code ICACHE_FLASH_ATTR}) or, when an interrupt
 * handler runs it, in IRAM ({@code ICACHE_RAM_ATTR}), with a comment naming the Java it comes from. Its text is only made by {@link #prototype()} and {@link #head()}; the
 * body is laid out by the templates.
 *
 * @param comment the comment above the definition, one line, without the comment markers
 * @param body the statements, unused parameters already cast to void
 * @param iram whether it is placed in IRAM
 */
public record CFunction(String name, CType returns, List<CParam> params, String comment, List<CStmt> body,
        boolean iram) {

    /** Line width of generated C, as in the runtime's sources. */
    public static final int WIDTH = 110;

    public CFunction {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }

    /** A function in flash. */
    public CFunction(String name, CType returns, List<CParam> params, String comment, List<CStmt> body) {
        this(name, returns, params, comment, body, false);
    }

    /** The same function, placed in IRAM. */
    public CFunction inIram() {
        return new CFunction(name, returns, params, comment, body, true);
    }

    /** The declaration, so functions may call each other in any order. */
    public String prototype() {
        return head() + ";";
    }

    /** The definition's first line(s), up to the opening brace. */
    public String head() {
        String lead = "static " + returns.render() + (returns.pointers() > 0 ? "" : " ") + (iram ? "ICACHE_RAM_ATTR " : "ICACHE_FLASH_ATTR ") + name
                + "(";
        return lead + (params.isEmpty() ? "void" : wrap(lead, params.stream().map(CParam::render).toList())) + ")";
    }

    /**
     * A parameter list after {@code head}, broken kernel style where a line would pass {@link #WIDTH}: the
     * continuation aligned under the first parameter (tabs of 8, then spaces).
     */
    static String wrap(String head, List<String> params) {
        int column = head.length();
        String indent = "\t".repeat(column / 8) + " ".repeat(column % 8);
        StringBuilder out = new StringBuilder();
        int width = column;
        for (int i = 0; i < params.size(); i++) {
            String piece = params.get(i) + (i + 1 < params.size() ? "," : "");
            if (i > 0 && width + 1 + piece.length() + 1 > WIDTH) {
                out.append('\n').append(indent);
                width = column;
            } else if (i > 0) {
                out.append(' ');
                width++;
            }
            out.append(piece);
            width += piece.length();
        }
        return out.toString();
    }
}
