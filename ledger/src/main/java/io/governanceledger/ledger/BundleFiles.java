package io.governanceledger.ledger;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of an auditor's bundle as read from its ZIP, in one pass and in bounded memory: the event
 * lines are spooled to a temporary file (a whole store can be larger than the heap), every other file
 * is kept in memory, and each file's SHA-256 is taken as it streams by. Whatever order the ZIP holds
 * them in, the events can then be read line by line after the checkpoints and the manifest.
 */
final class BundleFiles implements AutoCloseable {

    static final String EVENTS = "events.ndjson";
    static final String CHECKPOINTS = "checkpoints.ndjson";
    static final String PUBLIC_KEY = "public-key.pem";
    static final String MANIFEST = "manifest.json";

    private final Map<String, byte[]> small = new HashMap<>();
    private final Map<String, String> sha256 = new HashMap<>();
    private Path events;
    private boolean duplicates;

    private BundleFiles() {}

    static BundleFiles read(InputStream bundle) {
        BundleFiles files = new BundleFiles();
        try (ZipInputStream zip = new ZipInputStream(bundle)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (files.sha256.containsKey(name)) {
                    files.duplicates = true;
                }
                MessageDigest digest = sha256();
                if (name.equals(EVENTS) && files.events == null) {
                    files.events = Files.createTempFile("ledger-bundle-events", ".ndjson");
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(files.events), digest)) {
                        zip.transferTo(out);
                    }
                } else {
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    zip.transferTo(new DigestOutputStream(content, digest));
                    files.small.putIfAbsent(name, content.toByteArray());
                }
                files.sha256.putIfAbsent(name, HexFormat.of().formatHex(digest.digest()));
            }
        } catch (IOException e) {
            files.close();
            throw new UncheckedIOException("not a readable bundle: " + e.getMessage(), e);
        }
        return files;
    }

    /** Whether some file is in the ZIP twice (readers might not agree which copy counts). */
    boolean duplicates() {
        return duplicates;
    }

    boolean has(String name) {
        return sha256.containsKey(name);
    }

    /** The SHA-256 of a file as it was read, in hex, or null if the bundle lacks it. */
    String sha256(String name) {
        return sha256.get(name);
    }

    /** A file other than the events, or null. */
    byte[] content(String name) {
        return small.get(name);
    }

    /** The event lines, one JSON object per line, read from disk. */
    BufferedReader events() throws IOException {
        return Files.newBufferedReader(events, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (events != null) {
            try {
                Files.deleteIfExists(events);
            } catch (IOException e) {
                events.toFile().deleteOnExit();
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
