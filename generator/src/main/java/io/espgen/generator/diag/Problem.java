package io.espgen.generator.diag;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * An error found on an element, placed as precisely as the annotation-processing API allows: on the
 * annotation value when there is one, else on the annotation, else on the element.
 *
 * @param annotation may be null
 * @param value may be null
 */
public record Problem(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {

    public static Problem on(Element element, String message) {
        return new Problem(message, element, null, null);
    }
}
