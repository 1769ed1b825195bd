package io.espgen.generator.translate.ir;

import java.util.List;
import java.util.regex.Pattern;

/** The text of translated statements, for questions such as "does the body use this name". */
public final class CText {

    private CText() {}

    public static String of(List<CStmt> stmts) {
        StringBuilder out = new StringBuilder();
        for (CStmt s : stmts) {
            append(s, out);
        }
        return out.toString();
    }

    public static boolean mentions(String text, String identifier) {
        return word(identifier).matcher(text).find();
    }

    /**
     * How often identifier is read in text: every whole-word occurrence except those it is assigned or
     * incremented at ({@code x = }, {@code x += }, {@code x++}, {@code ++x}), which gcc does not count as
     * uses either (-Wunused-but-set-variable).
     */
    public static int reads(String text, String identifier) {
        var m = word(identifier).matcher(text);
        int n = 0;
        while (m.find()) {
            String after = text.substring(m.end()).stripLeading();
            String before = text.substring(0, m.start()).stripTrailing();
            boolean set = after.matches("(?s)(=(?!=)|\\+=|-=|\\*=|/=|%=|&=|\\|=|\\^=|<<=|>>=|\\+\\+|--).*")
                    || before.endsWith("++") || before.endsWith("--");
            if (!set) {
                n++;
            }
        }
        return n;
    }

    /** identifier as a whole C word. */
    private static Pattern word(String identifier) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(identifier) + "(?![A-Za-z0-9_])");
    }

    private static void append(CStmt s, StringBuilder out) {
        if (s instanceof CStmt.Decl d) {
            out.append(d.type()).append(' ').append(d.name()).append(" = ").append(d.initText()).append('\n');
        } else if (s instanceof CStmt.ExprStmt e) {
            out.append(e.text()).append('\n');
        } else if (s instanceof CStmt.Block b) {
            b.stmts().forEach(x -> append(x, out));
        } else if (s instanceof CStmt.If i) {
            out.append(i.condText()).append('\n');
            append(i.then(), out);
            if (i.orElse() != null) {
                append(i.orElse(), out);
            }
        } else if (s instanceof CStmt.While w) {
            out.append(w.condText()).append('\n');
            append(w.body(), out);
        } else if (s instanceof CStmt.DoWhile d) {
            out.append(d.condText()).append('\n');
            append(d.body(), out);
        } else if (s instanceof CStmt.For f) {
            out.append(f.headText()).append('\n');
            append(f.body(), out);
        } else if (s instanceof CStmt.Switch w) {
            out.append(w.selectorText()).append('\n');
            for (CStmt.Case c : w.cases()) {
                out.append(String.join(" ", c.labels())).append('\n');
                c.stmts().forEach(x -> append(x, out));
            }
        } else if (s instanceof CStmt.Return r) {
            out.append(r.text()).append('\n');
        }
    }
}
