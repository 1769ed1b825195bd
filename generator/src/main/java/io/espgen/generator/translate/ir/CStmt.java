package io.espgen.generator.translate.ir;

import java.util.List;

/**
 * A C statement. The emitter lays statements out (templates own indentation and braces); expressions
 * render themselves. {@code kind()} names the variant for the templates.
 */
public sealed interface CStmt {

    String kind();

    /** A local declaration; init may be null. */
    record Decl(String type, String name, CExpr init) implements CStmt {
        public String kind() {
            return "decl";
        }

        public String initText() {
            return init == null ? null : init.render();
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

    /** A for loop; init is a C99 declaration or expressions, already rendered (may be empty). */
    record For(String init, CExpr cond, List<CExpr> updates, Block body) implements CStmt {
        public For {
            updates = List.copyOf(updates);
        }

        public String kind() {
            return "for";
        }

        public String headText() {
            StringBuilder s = new StringBuilder(init).append(";");
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
    record Case(List<String> labels, boolean isDefault, List<CStmt> stmts) {
        public Case {
            labels = List.copyOf(labels);
            stmts = List.copyOf(stmts);
        }

        public boolean declares() {
            return stmts.stream().anyMatch(s -> s instanceof Decl);
        }
    }

    /** A {@code #line} directive: the next C line is line {@code line} of the Java file. */
    record Line(int line, String file) implements CStmt {
        public String kind() {
            return "line";
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
