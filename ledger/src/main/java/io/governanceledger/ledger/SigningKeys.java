package io.governanceledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys for checkpoints, kept in PEM files outside the database: the private key only where
 * checkpoints are signed, the public key wherever they are checked (and handed to auditors).
 */
public final class SigningKeys {

    private SigningKeys() {}

    /** Reads the key pair, or creates it (private key readable by its owner only) if neither file exists. */
    public static KeyPair loadOrCreate(Path privateKeyFile, Path publicKeyFile) {
        try {
            if (!Files.exists(privateKeyFile)) {
                if (Files.exists(publicKeyFile)) {
                    throw new IllegalStateException("public key " + publicKeyFile + " exists without its private key "
                            + privateKeyFile + "; restore the private key");
                }
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
                write(privateKeyFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
                try {
                    Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: left as created
                }
                Files.createDirectories(publicKeyFile.toAbsolutePath().getParent());
                write(publicKeyFile, "PUBLIC KEY", pair.getPublic().getEncoded());
                return pair;
            }
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(read(privateKeyFile, "PRIVATE KEY")));
            return new KeyPair(loadPublic(publicKeyFile), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the checkpoint signing key " + privateKeyFile, e);
        }
    }

    public static PublicKey loadPublic(Path publicKeyFile) {
        try {
            return publicKey(read(publicKeyFile, "PUBLIC KEY"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The first 16 hex digits of the SHA-256 of the public key's encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How every Ed25519 public key's X.509 encoding begins; the 32 bytes of the key follow. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Whether {@code signatureBytes} is the key's Ed25519 signature of {@code bytes} (RFC 8032). A
     * verifier checks every checkpoint of the ledger, one for every few seconds of activity over its
     * life, so this uses Bouncy Castle's implementation, several times faster than the JDK 17
     * provider's (which still signs, and verifies a key in any other form; docs/performance.md).
     */
    public static boolean verify(PublicKey key, byte[] bytes, byte[] signatureBytes) {
        byte[] encoded = key.getEncoded();
        if (encoded != null
                && encoded.length == ED25519_X509_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                && Arrays.equals(
                        encoded, 0, ED25519_X509_PREFIX.length, ED25519_X509_PREFIX, 0, ED25519_X509_PREFIX.length)) {
            if (signatureBytes == null || signatureBytes.length != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            try {
                return Ed25519.verify(signatureBytes, 0, encoded, ED25519_X509_PREFIX.length, bytes, 0, bytes.length);
            } catch (RuntimeException e) {
                return false;
            }
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(bytes);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void write(Path file, String kind, byte[] der) throws IOException {
        Files.writeString(
                file,
                "-----BEGIN " + kind + "-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(der)
                        + "\n-----END " + kind + "-----\n");
    }

    private static byte[] read(Path file, String kind) throws IOException {
        String text = Files.readString(file)
                .replace("-----BEGIN " + kind + "-----", "")
                .replace("-----END " + kind + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
