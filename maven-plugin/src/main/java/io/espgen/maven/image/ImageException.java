package io.espgen.maven.image;

import java.io.IOException;

/** An ELF file the image writer cannot read, or cannot turn into a version-1 image. */
public final class ImageException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }
}
