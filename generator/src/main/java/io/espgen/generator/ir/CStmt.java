package io.espgen.generator.ir;

import java.util.List;

/**
 * A C statement. The templates lay statements out (they own indentation and braces); expressions render
 * themselves. {@code kind()} names the variant for the templates. Analyses walk these nodes, never text.
 */
public sealed interface CStmt {

    String kind();

    /** A local declaration; init may be null. */
    record Decl(CType type, String name, CExpr init) implements CStmt {
        public String kind() {
            return "decl";
        }

        /** The declaration without its semicolon: {@code int n = 0}. */
        public String text() {
            return type.declare(name) + initText();
        }

        /** What follows the base type when this is a further declarator: {@code n = 0}, {@code *p}. */
        String declarator() {
            return "*".repeat(type.pointers()) + name + initText();
        }

        private String initText() {
            return init == null ? "" : " = " + init.render();
        }
    }

    record ExprStmt(CExpr expr) implements CStmt {
        public String kind() {
            return "expr";
        }

        public String text() {
            return expr.render();
        }
    }

    record Block(List<CStmt> stmts) implements CStmt {
        public Block {
            stmts = List.copyOf(stmts);
        }

        public String kind() {
            return "block";
        }
    }

    /** orElse may be null. */
    record If(CExpr cond, Block then, CStmt orElse) implements CStmt {
        public String kind() {
            return "if";
        }

        public String condText() {
            return cond.render();
        }
    }

    record While(CExpr cond, Block body) implements CStmt {
        public String kind() {
            return "while";
        }

        public String condText() {
            return cond.render();
        }
    }

    record DoWhile(Block body, CExpr cond) implements CStmt {
        public String kind() {
            return "do";
        }

        public String condText() {
            return cond.render();
        }
    }

    /**
     * A for loop. init holds declarations of one type (a C99 declaration with several declarators) or
     * expression statements (joined with commas), or nothing; cond may be null.
     */
    record For(List<CStmt> init, CExpr cond, List<CExpr> updates, Block body) implements CStmt {
        public For {
            init = List.copyOf(init);
            updates = List.copyOf(updates);
            boolean decls = init.stream().allMatch(s -> s instanceof Decl);
            boolean exprs = init.stream().allMatch(s -> s instanceof ExprStmt);
            if (!decls && !exprs || decls && init.stream().map(s -> ((Decl) s).type()).distinct().count() > 1) {
                throw new IllegalArgumentException("a for loop starts with declarations of one type or expressions");
            }
        }

        public String kind() {
            return "for";
        }

        public String headText() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < init.size(); i++) {
                if (init.get(i) instanceof Decl d) {
                    s.append(i == 0 ? d.text() : ", " + d.declarator());
                } else {
                    s.append(i == 0 ? "" : ", ").append(((ExprStmt) init.get(i)).text());
                }
            }
            s.append(";");
            if (cond != null) {
                s.append(' ').append(cond.render());
            }
            s.append(";");
            for (int i = 0; i < updates.size(); i++) {
                s.append(i == 0 ? " " : ", ").append(updates.get(i).render());
            }
            return s.toString();
        }
    }

    /** expr may be null. */
    record Return(CExpr expr) implements CStmt {
        public String kind() {
            return "return";
        }

        public String text() {
            return expr == null ? null : expr.render();
        }
    }

    /** A switch; each case's labels are C constant expressions, none for default. */
    record Switch(CExpr selector, List<Case> cases) implements CStmt {
        public Switch {
            cases = List.copyOf(cases);
        }

        public String kind() {
            return "switch";
        }

        public String selectorText() {
            return selector.render();
        }
    }

    /** One group of labels of a switch and the statements under them (braced when they declare). */
    record Case(List<CExpr> labels, boolean isDefault, List<CStmt> stmts) {
        public Case {
            labels = List.copyOf(labels);
            stmts = List.copyOf(stmts);
        }

        public List<String> labelTexts() {
            return labels.stream().map(CExpr::render).toList();
        }

        public boolean declares() {
            return stmts.stream().anyMatch(s -> s instanceof Decl);
        }
    }

    /** Control flows on into the next case on purpose: Java's fallthrough, said so for -Wimplicit-fallthrough. */
    record Fallthrough() implements CStmt {
        public String kind() {
            return "fallthrough";
        }
    }

    /** A {@code #line} directive: the next C line is line {@code line} of the Java file. */
    record Line(int line, String file) implements CStmt {
        public String kind() {
            return "line";
        }
    }

    /** A one-line comment. */
    record Comment(String text) implements CStmt {
        public Comment {
            if (text.contains("*/") || text.contains("\n")) {
                throw new IllegalArgumentException("a comment on one line, without */: " + text);
            }
        }

        public String kind() {
            return "comment";
        }
    }

    /**
     * A line of C the IR does not model, printed as it is; analyses see through it as if it were not
     * there, so use it only for text that declares, reads and writes nothing they track.
     */
    record Raw(String text) implements CStmt {
        public String kind() {
            return "raw";
        }
    }

    record Break() implements CStmt {
        public String kind() {
            return "break";
        }
    }

    record Continue() implements CStmt {
        public String kind() {
            return "continue";
        }
    }
}
