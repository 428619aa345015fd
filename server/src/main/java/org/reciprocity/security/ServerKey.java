package org.reciprocity.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server's own secret, kept out of the database: it keys the HMACs that make capability
 * addresses (calendar feed, unsubscribe link) and idempotency scopes, so that a copy of the database
 * alone cannot produce a working address or link a key to a password. It comes from
 * {@code RECIPROCITY_SECRET_KEY} or, when that is not set, from {@code secret.key} in the data
 * directory, created on first start. Several instances on one database must share the same key.
 */
@Component
public class ServerKey {

    private static final Logger log = LoggerFactory.getLogger(ServerKey.class);
    private static final int MIN_LENGTH = 32;

    private final byte[] key;

    ServerKey(@Value("${reciprocity.secret-key:}") String configured, @Value("${reciprocity.data-dir}") String dataDir) {
        this.key = configured != null && !configured.isBlank() ? fromConfiguration(configured.strip())
                : fromFile(Path.of(dataDir).resolve("secret.key"));
    }

    private static byte[] fromConfiguration(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException("RECIPROCITY_SECRET_KEY must have at least " + MIN_LENGTH
                    + " characters (for example the output of `openssl rand -hex 32`).");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String fresh = Secrets.randomToken(32);
                try {
                    Files.writeString(file, fresh, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the file stays as the OS made it
                }
                log.info("Created the server secret {}; keep it with your backups, and set RECIPROCITY_SECRET_KEY "
                        + "to the same value on every instance when several share one database.", file.toAbsolutePath());
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return fromConfiguration(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server secret " + file.toAbsolutePath(), e);
        }
    }

    /** HMAC-SHA256 in lower-case hex of {@code message}, under a key of its own for each {@code purpose}. */
    public String hmacHex(String purpose, String message) {
        return hmacHex(purpose, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The same over bytes, given in parts that are hashed one after another. */
    public String hmacHex(String purpose, byte[]... parts) {
        Mac mac = mac(hmac(key, purpose.getBytes(StandardCharsets.UTF_8)));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        return mac(key).doFinal(message);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
