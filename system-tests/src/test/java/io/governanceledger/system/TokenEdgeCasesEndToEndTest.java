package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens the services must refuse, each 401 as problem+json with rule {@code invalid-token} and a
 * Bearer challenge, and nothing stored: signed with the issuer's own key but expired, not yet valid,
 * from another issuer, for another audience, without a subject; unsigned ({@code alg: none}); with a
 * changed payload; signed with a key the issuer never published. The same token made right is
 * accepted, also a minute late or early within the clock skew.
 */
class TokenEdgeCasesEndToEndTest {

    private static LedgerSystem system;
    private static Http commands;
    private static Http queries;
    private static RSAKey issuerKey;

    @BeforeAll
    static void setUp() throws Exception {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
        issuerKey = RSAKey.parse(Files.readString(TestIssuer.get().keyFile()));
    }

    private static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.get().url())
                .audience("governance-ledger")
                .subject("pmo")
                .claim("name", "Pat Morgan")
                .claim("groups", List.of("pmo-office"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(change.apply(valid()).build(), issuerKey);
    }

    @Test
    void aTokenOfTheIssuerMadeRightIsAcceptedAlsoWithinTheClockSkew() throws Exception {
        assertThat(queries.get("token:" + token(claims -> claims), "/api/programs")
                        .status())
                .isEqualTo(200);
        Instant now = Instant.now();
        String justExpired = token(claims -> claims.issueTime(Date.from(now.minusSeconds(330)))
                .notBeforeTime(Date.from(now.minusSeconds(330)))
                .expirationTime(Date.from(now.minusSeconds(30))));
        Http.Response late = queries.get("token:" + justExpired, "/api/programs");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        String almostValid = token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(30))));
        assertThat(queries.get("token:" + almostValid, "/api/programs").status())
                .isEqualTo(200);
    }

    @Test
    void everyFlawedTokenIsRefusedWith401AndNothingIsStored() throws Exception {
        Instant now = Instant.now();
        RSAKey unpublished = new RSAKeyGenerator(2048).keyID("not-published").generate();
        String good = token(claims -> claims);
        String[] parts = good.split("\\.");
        String tamperedPayload = new StringBuilder(parts[1])
                .replace(2, 3, parts[1].charAt(2) == 'A' ? "B" : "A")
                .toString();
        List<Case> cases = List.of(
                new Case(
                        "expired",
                        token(claims -> claims.issueTime(Date.from(now.minusSeconds(900)))
                                .notBeforeTime(Date.from(now.minusSeconds(900)))
                                .expirationTime(Date.from(now.minusSeconds(600))))),
                new Case("not yet valid", token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))),
                new Case("wrong issuer", token(claims -> claims.issuer("https://idp.example.org/realms/other"))),
                new Case("wrong audience", token(claims -> claims.audience("another-api"))),
                new Case("no audience", token(claims -> claims.audience((String) null))),
                new Case("missing subject", token(claims -> claims.subject(null))),
                new Case("blank subject", token(claims -> claims.subject(" "))),
                new Case("subject with a control character", token(claims -> claims.subject("pmo\u0000"))),
                new Case("alg none", new PlainJWT(valid().build()).serialize()),
                new Case("tampered payload", parts[0] + "." + tamperedPayload + "." + parts[2]),
                new Case("tampered signature", parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()),
                new Case("unknown key id", signed(valid().build(), unpublished)),
                new Case("not a JWT", "not-a-token"));
        long before = system.storedEvents();
        for (Case flawed : cases) {
            for (Http.Response answer : List.of(
                    queries.get("token:" + flawed.token(), "/api/programs"),
                    commands.post("token:" + flawed.token(), "/api/programs", Bodies.program("TOKEN-EDGE")))) {
                assertThat(answer.status())
                        .as(flawed.name() + ": " + answer.body())
                        .isEqualTo(401);
                assertThat(answer.contentType()).as(flawed.name()).startsWith("application/problem+json");
                assertThat(answer.json().path("rule").asString())
                        .as(flawed.name())
                        .isEqualTo("invalid-token");
                assertThat(answer.header("WWW-Authenticate")).as(flawed.name()).startsWith("Bearer");
            }
        }
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    private record Case(String name, String token) {}
}
