package io.governanceledger.devtools.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The portfolio-wide grants a trial starts with, recorded through the command API by the bootstrap
 * administrator like any grant: the PMO officer, the finance office and the contract office (groups),
 * internal audit (a group) and the operator. Everyone else (the viewer, the secretary) starts with no
 * access, to be granted on one program.
 */
public final class TrialAccess {

    /** A portfolio-wide grant: a person or group, and its role. */
    public record Grant(String kind, String grantee, String role) {}

    public static final List<Grant> PORTFOLIO = List.of(
            new Grant("PERSON", "pmo", "PMO_OFFICER"),
            new Grant("GROUP", "finance-office", "FINANCE_CONTROLLER"),
            new Grant("GROUP", "contract-office", "CONTRACT_MANAGER"),
            new Grant("GROUP", "internal-audit", "AUDITOR"),
            new Grant("PERSON", "operator", "OPERATOR"));

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TrialAccess() {}

    /**
     * Records {@code grants} on the command service at {@code commands} with {@code administratorToken};
     * returns the last grant's event id (a read after it sees every grant).
     */
    public static Optional<String> grant(String commands, String administratorToken, List<Grant> grants) {
        String lastEvent = null;
        for (Grant grant : grants) {
            String body = """
                    {"grantee": {"kind": "%s", "id": "%s"}, "role": "%s",
                     "reason": "Trial access of the local issuer's accounts"}""".formatted(grant.kind(), grant.grantee(), grant.role());
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(commands.replaceAll("/$", "") + "/api/access/grants"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + administratorToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException(
                            "granting " + grant + " answered " + response.statusCode() + " " + response.body());
                }
                lastEvent = response.headers().firstValue("Ledger-Event-Id").orElse(lastEvent);
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the command service at " + commands, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Optional.ofNullable(lastEvent);
    }
}
