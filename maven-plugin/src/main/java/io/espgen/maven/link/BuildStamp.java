package io.espgen.maven.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over the strings and file contents a build step depends on, kept in a stamp file beside the
 * step's output: the step is up to date when its outputs exist and the stamp holds the same digest. Contents
 * rather than times: a file rewritten with the same bytes changes nothing, and coarse timestamps cannot fool it.
 */
public final class BuildStamp {
    private final MessageDigest sha;

    public BuildStamp() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public BuildStamp add(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        sha.update(lengthPrefix(b.length));
        sha.update(b);
        return this;
    }

    /** The file's name and contents. */
    public BuildStamp addFile(Path file) throws IOException {
        add(file.toAbsolutePath().normalize().toString());
        sha.update(lengthPrefix(Files.size(file)));
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return this;
    }

    public String digest() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether {@code stampFile} holds {@code digest}. */
    public static boolean matches(Path stampFile, String digest) throws IOException {
        try {
            return Files.readString(stampFile, StandardCharsets.UTF_8).trim().equals(digest);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    public static void write(Path stampFile, String digest) throws IOException {
        Files.createDirectories(stampFile.getParent());
        Files.writeString(stampFile, digest + "\n", StandardCharsets.UTF_8);
    }

    private static byte[] lengthPrefix(long n) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        return b;
    }
}
