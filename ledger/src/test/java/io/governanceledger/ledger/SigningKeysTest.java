package io.governanceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checkpoint signatures: made with the JDK, checked with Bouncy Castle, and the two always agree. */
class SigningKeysTest {

    @Test
    void aSignatureVerifiesOnlyForItsKeyAndBytes() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] bytes = "checkpoint 1000 of the ledger".getBytes(StandardCharsets.UTF_8);
        byte[] signature = SigningKeys.sign(keys.getPrivate(), bytes);

        assertThat(SigningKeys.verify(keys.getPublic(), bytes, signature)).isTrue();
        assertThat(SigningKeys.verify(SigningKeys.publicKey(keys.getPublic().getEncoded()), bytes, signature))
                .isTrue();
        assertThat(SigningKeys.verify(other.getPublic(), bytes, signature))
                .as("another key")
                .isFalse();
        byte[] changed = bytes.clone();
        changed[11] ^= 1;
        assertThat(SigningKeys.verify(keys.getPublic(), changed, signature))
                .as("other bytes")
                .isFalse();
        byte[] forged = signature.clone();
        forged[40] ^= 1;
        assertThat(SigningKeys.verify(keys.getPublic(), bytes, forged))
                .as("a changed signature")
                .isFalse();
        assertThat(SigningKeys.verify(keys.getPublic(), bytes, Arrays.copyOf(signature, 63)))
                .as("too short")
                .isFalse();
        assertThat(SigningKeys.verify(keys.getPublic(), bytes, new byte[64]))
                .as("zeros")
                .isFalse();
        assertThat(SigningKeys.verify(keys.getPublic(), bytes, null)).isFalse();
    }

    /** Random messages, signatures and single-bit changes: the answer is the JDK provider's every time. */
    @Test
    void agreesWithTheJdkProvider() throws Exception {
        Random random = new Random(20261121);
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            byte[] signature = SigningKeys.sign(keys.getPrivate(), bytes);
            if (i % 3 == 1 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            } else if (i % 3 == 2) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initVerify(keys.getPublic());
            jdk.update(bytes);
            boolean expected;
            try {
                expected = jdk.verify(signature);
            } catch (java.security.SignatureException e) {
                expected = false;
            }
            assertThat(SigningKeys.verify(keys.getPublic(), bytes, signature))
                    .as("case %d", i)
                    .isEqualTo(expected);
            assertThat(expected).as("case %d", i).isEqualTo(i % 3 == 0 || bytes.length == 0 && i % 3 == 1);
        }
    }
}
