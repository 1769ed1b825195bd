package io.espgen.generator.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors at source offsets through javac's Trees API, so they print as File.java:line:col like
 * any compiler error and IDEs underline the construct. Where no tree starts at the offset, the nearest
 * enclosing tree is used; without javac trees, the error goes on the element with the line in the text.
 */
public final class TreeDiagnostics implements Diagnostics {

    private final Trees trees;
    private final CompilationUnitTree unit;
    private final Messager messager;
    private final Element fallback;
    private boolean errors;

    public TreeDiagnostics(Trees trees, CompilationUnitTree unit, Messager messager, Element fallback) {
        this.trees = trees;
        this.unit = unit;
        this.messager = messager;
        this.fallback = fallback;
    }

    @Override
    public void error(int start, int length, String message) {
        errors = true;
        print(Diagnostic.Kind.ERROR, start, length, message);
    }

    @Override
    public void warning(int start, int length, String message) {
        print(Diagnostic.Kind.WARNING, start, length, message);
    }

    private void print(Diagnostic.Kind kind, int start, int length, String message) {
        Tree tree = trees == null ? null : find(start, start + length);
        if (tree != null) {
            trees.printMessage(kind, message, tree, unit);
        } else {
            messager.printMessage(kind, message, fallback);
        }
    }

    @Override
    public boolean hasErrors() {
        return errors;
    }

    /**
     * The tree to report on: the innermost one starting exactly at {@code start} (javac reports a tree at
     * its "preferred" position, e.g. the '(' of a call, but the innermost tree starting at an offset is
     * reported there), else the innermost one covering [start, end).
     */
    private Tree find(int start, int end) {
        SourcePositions positions = trees.getSourcePositions();
        Tree[] exact = new Tree[1];
        Tree[] covering = new Tree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree == null) {
                    return null;
                }
                long s = positions.getStartPosition(unit, tree);
                long e = positions.getEndPosition(unit, tree);
                if (s < 0 || s > start || e <= start) {
                    return null; // does not contain the offset: nothing inside it does either
                }
                if (s == start) {
                    exact[0] = tree; // pre-order: the last one found is the innermost
                } else if (e >= end) {
                    covering[0] = tree;
                }
                return super.scan(tree, unused);
            }

            @Override
            public Void scan(TreePath path, Void unused) {
                return scan(path.getLeaf(), unused);
            }
        }.scan(unit, null);
        return exact[0] != null ? exact[0] : covering[0];
    }
}
