package io.espgen.generator.model;

import io.espgen.dsl.Limits;
import io.espgen.generator.diag.Messages;
import io.espgen.generator.diag.Problem;
import io.espgen.generator.model.ServerScanner.HandlerSite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads a server's {@code @Framed} and checks it against its handlers: one way to end a frame, sizes in range,
 * {@code @OnFrame} exactly when the server is framed, {@code @OnOversize} only where oversized frames are dropped.
 */
final class FramingScanner {

    private final TypeElement type;
    private final AnnotationMirror ann;
    private final Consumer<Problem> problems;

    private FramingScanner(TypeElement type, AnnotationMirror ann, Consumer<Problem> problems) {
        this.type = type;
        this.ann = ann;
        this.problems = problems;
    }

    /** The server's framing, empty when it has none or it is wrong (the problems say why). */
    static Optional<Framing> scan(TypeElement type, int sendQueueBytes, List<HandlerSite> handlers,
            Consumer<Problem> problems) {
        AnnotationMirror ann = Annotations.find(type, DslTypes.FRAMED);
        FramingScanner s = new FramingScanner(type, ann, problems);
        s.checkHandlers(handlers);
        return ann == null ? Optional.empty() : s.read(sendQueueBytes);
    }

    private void checkHandlers(List<HandlerSite> handlers) {
        boolean hasFrame = false;
        for (HandlerSite h : handlers) {
            AnnotationMirror at = Annotations.find(h.method(), h.event().annotation());
            switch (h.event()) {
                case FRAME -> {
                    hasFrame = true;
                    if (ann == null) {
                        error(Messages.frameWithoutFraming(), h.method(), at, null);
                    }
                }
                case OVERSIZE -> {
                    if (ann == null) {
                        error(Messages.frameWithoutFraming(), h.method(), at, null);
                    } else if (!discards()) {
                        error(Messages.oversizeNeverCalled(), h.method(), at, null);
                    }
                }
                case RECEIVE -> {
                    if (ann != null) {
                        error(Messages.receiveWhenFramed(), h.method(), at, null);
                    }
                }
                default -> { }
            }
        }
        if (ann != null && !hasFrame) {
            error(Messages.framingWithoutOnFrame(), type, ann, null);
        }
    }

    private boolean discards() {
        return "DISCARD".equals(String.valueOf(value("onOversize").getValue()));
    }

    private Optional<Framing> read(int sendQueueBytes) {
        String delimiter = (String) value("delimiter").getValue();
        int prefix = (Integer) value("lengthPrefix").getValue();
        int fixed = (Integer) value("fixedSize").getValue();
        int ways = (delimiter.isEmpty() ? 0 : 1) + (prefix == 0 ? 0 : 1) + (fixed == 0 ? 0 : 1);
        if (ways != 1) {
            error(Messages.framingWays(), type, ann, null);
            return Optional.empty();
        }
        int before = count;
        Framing.Kind kind;
        int max;
        if (fixed != 0) {
            kind = Framing.Kind.FIXED;
            max = fixed;
            range("fixedSize", fixed, 1, Limits.MAX_FRAME_BYTES);
            for (String other : List.of("maxFrameBytes", "onOversize")) {
                if (explicit(other) != null) {
                    error(Messages.framingFixedWith(other), type, ann, explicit(other));
                }
            }
        } else {
            max = (Integer) value("maxFrameBytes").getValue();
            range("maxFrameBytes", max, 1, Limits.MAX_FRAME_BYTES);
            if (prefix != 0) {
                kind = Framing.Kind.PREFIXED;
                if (prefix != 1 && prefix != 2 && prefix != 4) {
                    error(Messages.framingPrefix(prefix), type, ann, explicit("lengthPrefix"));
                }
                if (prefix == 1 && max > 255) {
                    error(Messages.framingPrefixTooShort(max), type, ann, explicit("maxFrameBytes"));
                }
            } else {
                kind = Framing.Kind.DELIMITED;
                if (delimiter.length() > 8) {
                    error(Messages.framingDelimiterLength(delimiter.length()), type, ann, explicit("delimiter"));
                }
                if (delimiter.chars().anyMatch(ch -> ch > 0xFF)) {
                    error(Messages.framingDelimiterChars(), type, ann, explicit("delimiter"));
                }
            }
        }
        int pause = (Integer) value("pauseAboveBytes").getValue();
        if (pause == -1) {
            pause = sendQueueBytes / 2;
        } else if (pause < 0 || pause > sendQueueBytes) {
            error(Messages.framingPause(pause, sendQueueBytes), type, ann, explicit("pauseAboveBytes"));
        }
        if (count != before) {
            return Optional.empty();
        }
        return Optional.of(new Framing(kind, kind == Framing.Kind.DELIMITED ? delimiter : "",
                kind == Framing.Kind.PREFIXED ? prefix : 0, max, kind != Framing.Kind.FIXED && discards(), pause));
    }

    private void range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            error(Messages.framingRange(name, v, min, max), type, ann, explicit(name));
        }
    }

    private AnnotationValue value(String name) {
        return Annotations.value(ann, name);
    }

    private AnnotationValue explicit(String name) {
        return Annotations.explicitValue(ann, name);
    }

    private int count;

    private void error(String message, Element element, AnnotationMirror on, AnnotationValue value) {
        count++;
        problems.accept(new Problem(message, element, on, value));
    }
}
