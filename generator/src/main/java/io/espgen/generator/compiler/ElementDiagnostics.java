package io.espgen.generator.compiler;

import io.espgen.generator.diag.Diagnostics;
import io.espgen.generator.diag.Messages;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Errors at offsets where the compiler offers no way to place them: on the element, the file, line and
 * column written into the message so the user still finds the statement.
 */
final class ElementDiagnostics implements Diagnostics {

    private final Messager messager;
    private final Element element;
    private final SourceText source;
    private boolean errors;

    ElementDiagnostics(Messager messager, Element element, SourceText source) {
        this.messager = messager;
        this.element = element;
        this.source = source;
    }

    @Override
    public void error(int start, int length, String message) {
        errors = true;
        print(Diagnostic.Kind.ERROR, start, message);
    }

    @Override
    public void warning(int start, int length, String message) {
        print(Diagnostic.Kind.WARNING, start, message);
    }

    private void print(Diagnostic.Kind kind, int start, String message) {
        messager.printMessage(kind, Messages.at(source.fileName(), source.line(start), source.column(start), message),
                element);
    }

    @Override
    public boolean hasErrors() {
        return errors;
    }
}
