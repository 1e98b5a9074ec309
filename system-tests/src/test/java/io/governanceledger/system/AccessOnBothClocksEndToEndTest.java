package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.access.GrantTable;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Who could read or change program P on D, as known at C": grants with dates, a group's grant, a
 * revocation recorded later but effective earlier, and a revocation now, asked at every combination of
 * days and instants of knowledge; the API's answer equals the replay reference's (only the events
 * recorded by C and in force by D, projected afresh).
 */
class AccessOnBothClocksEndToEndTest {

    private static final String PROGRAM = "BOTH-CLOCKS";

    @Test
    void whoHadAccessOnADayAsKnownAtAnInstantEqualsTheReplay() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            LedgerSystem.Service queryService = system.startQueryService();
            Http queries = queryService.http();
            assertThat(commands.post("pmo", "/api/programs", Bodies.program(PROGRAM))
                            .status())
                    .isEqualTo(201);
            List<Instant> knownAt = new ArrayList<>();
            knownAt.add(Instant.now());
            String grants = "/api/programs/" + PROGRAM + "/access/grants";
            grant(commands, grants, "PERSON", "ann", "VIEWER", "2026-01-01", null);
            grant(commands, grants, "PERSON", "bob", "AUDITOR", "2026-02-01", "2026-06-30");
            knownAt.add(Instant.now());
            String group = grant(commands, grants, "GROUP", "steering-committee", "VIEWER", "2026-01-15", null);
            String cid = grant(commands, grants, "PERSON", "cid", "PMO_OFFICER", "2026-03-01", null);
            knownAt.add(Instant.now());
            // the committee's access ended on 1 April, which the administrator records only now
            revoke(commands, group, "{\"reason\": \"Committee dissolved\", \"effectiveAt\": \"2026-04-01T00:00:00Z\"}");
            String last = revoke(commands, cid, "{\"reason\": \"Moved to another program\"}");
            knownAt.add(Instant.now());
            queries.get("auditor", "/api/programs/" + PROGRAM + "/access", Map.of("Ledger-Read-After", last));

            ReplayReference reference = ReplayReference.of(queryService.context());
            JdbcClient jdbc = queryService.context().getBean(JdbcClient.class);
            BusinessClock clock = queryService.context().getBean(BusinessClock.class);
            List<String> days = List.of("2025-12-31", "2026-01-20", "2026-03-15", "2026-05-01", "2026-07-01");
            int compared = 0;
            for (String day : days) {
                for (Instant at : knownAt) {
                    JsonNode answer = queries.get(
                                    "auditor", "/api/programs/" + PROGRAM + "/access?asOf=" + day + "&knownAt=" + at)
                            .json();
                    TreeSet<String> fromApi = new TreeSet<>();
                    answer.path("grants")
                            .forEach(grant -> fromApi.add(grant.path("grantId").asString()));
                    PointInTime point = PointInTime.of(LocalDate.parse(day), at, clock);
                    TreeSet<String> replayed = reference.answer(
                            AsOf.of(LocalDate.parse(day)),
                            at,
                            () -> new TreeSet<>(new GrantTable(jdbc, "")
                                    .inForce(PROGRAM, point.asOf(), point.effectiveAt(), point.knownAt()).stream()
                                            .map(GrantTable.GrantInForce::grantId)
                                            .toList()));
                    assertThat(fromApi).as("asOf " + day + ", knownAt " + at).isEqualTo(replayed);
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(20);

            // and in words: on 20 January, as known now, the committee could read; on 1 May it could not
            assertThat(granteesOn(queries, "2026-01-20", null)).contains("steering-committee", "ann");
            assertThat(granteesOn(queries, "2026-05-01", null)).doesNotContain("steering-committee");
            // but as known when the last grant was recorded (the ledger's recorded time, which the sealer gives
            // after the commit, not the moment the test saw the answer), before any revocation, it still could
            Instant lastGrant = recordedAt("SELECT max(recorded_at) FROM projections.access_grant", system);
            Instant firstRevocation = recordedAt("SELECT min(recorded_at) FROM projections.access_revocation", system);
            assertThat(firstRevocation).isAfterOrEqualTo(lastGrant);
            if (firstRevocation.isAfter(lastGrant)) {
                assertThat(granteesOn(queries, "2026-05-01", lastGrant)).contains("steering-committee", "cid");
            }
            // bob's grant ended on 30 June; cid's was revoked only now, so on 1 July cid still could
            assertThat(granteesOn(queries, "2026-07-01", null)).contains("cid").doesNotContain("bob");
            assertThat(granteesOn(queries, null, null)).containsExactly("ann");
        }
    }

    /** The grantees of the program's own grants (the trial's portfolio-wide ones are listed too, and left out). */
    private static List<String> granteesOn(Http queries, String day, Instant knownAt) {
        List<String> parameters = new ArrayList<>();
        if (day != null) {
            parameters.add("asOf=" + day);
        }
        if (knownAt != null) {
            parameters.add("knownAt=" + knownAt);
        }
        Http.Response answer = queries.get(
                "auditor",
                "/api/programs/" + PROGRAM + "/access"
                        + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> grantees = new ArrayList<>();
        answer.json().path("grants").forEach(grant -> {
            if (grant.path("scope").asString().equals("PROGRAM")) {
                grantees.add(grant.path("grantee").path("id").asString());
            }
        });
        return grantees;
    }

    private static Instant recordedAt(String sql, LedgerSystem system) {
        return system.jdbc().sql(sql).query(java.sql.Timestamp.class).single().toInstant();
    }

    private static String grant(
            Http commands, String path, String kind, String grantee, String role, String from, String to) {
        Http.Response granted = commands.post(
                "admin",
                path,
                "{\"grantee\": {\"kind\": \"" + kind + "\", \"id\": \"" + grantee + "\"}, \"role\": \"" + role
                        + "\", \"validFrom\": \"" + from + "\"" + (to != null ? ", \"validTo\": \"" + to + "\"" : "")
                        + ", \"reason\": \"Both clocks\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.header("Location");
    }

    private static String revoke(Http commands, String grant, String body) {
        Http.Response revoked = commands.post("admin", grant + "/revoke", body);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        return revoked.header("Ledger-Event-Id");
    }
}
