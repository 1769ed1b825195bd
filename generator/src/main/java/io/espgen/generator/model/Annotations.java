package io.espgen.generator.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reading annotation values through the annotation-processing API, defaults included. */
final class Annotations {

    private Annotations() {}

    /** The annotation of that type on the element, or null. */
    static AnnotationMirror find(Element element, String qualifiedName) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return a;
            }
        }
        return null;
    }

    /** The member's value as written, else its default. */
    static AnnotationValue value(AnnotationMirror ann, String name) {
        AnnotationValue explicit = explicitValue(ann, name);
        if (explicit != null) {
            return explicit;
        }
        for (Element m : ann.getAnnotationType().asElement().getEnclosedElements()) {
            if (m.getSimpleName().contentEquals(name)) {
                return ((ExecutableElement) m).getDefaultValue();
            }
        }
        throw new IllegalStateException(ann.getAnnotationType() + " has no member " + name);
    }

    /** The member's value as written, or null when it takes its default (an error then goes on the annotation). */
    static AnnotationValue explicitValue(AnnotationMirror ann, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
                ann.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
