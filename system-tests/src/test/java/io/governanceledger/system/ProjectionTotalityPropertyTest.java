package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read models are total: every event the command side accepts, every read model takes in. Each case
 * sends every kind of record with values the edge accepts but a careless store would not (any script,
 * emoji and other surrogate pairs, combining marks to normalise, zero-width characters, the
 * longest text allowed, the first and last dates of the ledger's range, amounts of 13 digits) and then
 * reads each record back on both clocks: as of its effective date, as known now and as known before a
 * later change. Every write is answered below 500, and each accepted record is there, NFC, to the
 * character.
 */
class ProjectionTotalityPropertyTest {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2199, 12, 31);
    /** Seeded, so a failure repeats: {@code -Dtotality.seed=N -Dtotality.cases=N}. */
    private static final long SEED = Long.getLong("totality.seed", 20261206L);

    private static final int CASES = Integer.getInteger("totality.cases", 25);
    private static final List<String> SPECIAL = List.of(
            "\ud83d\ude00",
            "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
            "e\u0301",
            "A\u030a",
            "\u212b",
            "\ufb01",
            "\u200d",
            "\u200b",
            "\u00ad",
            "\ud835\udd18\ud835\udd2b",
            "\u0644\u0627",
            "\u4e2d\u6587",
            "\"",
            "\\",
            "'",
            "<b>",
            "=1+1",
            ";",
            "%00");
    private static final String GRANT = """
            {"holder": "controller", "maxAmount": 9999999999999.99, "currency": "EUR", "validFrom": "1900-01-01",
             "validTo": "2199-12-31", "reason": "Delegation for the totality property"}""";

    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void start() {
        LedgerSystem system = LedgerSystem.shared();
        commands = system.startedCommands();
        queries = system.startedQueries();
    }

    record Hostile(
            String name,
            String sponsor,
            String text,
            String longText,
            LocalDate start,
            LocalDate end,
            Instant renamedAt,
            LocalDate meeting,
            BigDecimal amount) {}

    /** One case; the first two take the first and the last days of the ledger's range. */
    private static Hostile hostile(Random random, int index) {
        LocalDate first = index == 0 ? FIRST : index == 1 ? LAST : date(random);
        LocalDate second = index == 0 ? FIRST.plusDays(1) : index == 1 ? LAST.minusDays(1) : date(random);
        LocalDate start = first.isBefore(second) ? first : second;
        LocalDate end = first.isBefore(second) ? second : first.plusDays(1);
        if (end.isAfter(LAST)) {
            start = LAST.minusDays(1);
            end = LAST;
        }
        Instant renamedAt = start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(3_661);
        // a decision is taken on or after its meeting, and never in the future
        LocalDate today = LocalDate.now();
        LocalDate meeting = index == 0
                ? FIRST
                : FIRST.plusDays(Math.floorMod(random.nextLong(), today.toEpochDay() - FIRST.toEpochDay() + 1));
        BigDecimal amount = index == 1
                ? new BigDecimal("9999999999999.99")
                : BigDecimal.valueOf(random.nextLong(1, 1_000_000_000_000_000L), 2);
        return new Hostile(
                text(random, 150),
                text(random, 150),
                text(random, 1_500),
                text(random, 9_000),
                start,
                end,
                renamedAt,
                meeting,
                amount);
    }

    private static LocalDate date(Random random) {
        return LocalDate.ofEpochDay(random.nextLong(FIRST.toEpochDay(), LAST.toEpochDay() + 1));
    }

    /** Printable text of every kind: a letter first, so it is never blank. */
    private static String text(Random random, int max) {
        StringBuilder text = new StringBuilder("N");
        int target = 1 + random.nextInt(max);
        while (text.length() < target) {
            int kind = random.nextInt(12);
            if (kind < 6) {
                text.append(range(random, ' ', '~', 1 + random.nextInt(8)));
            } else if (kind < 9) {
                text.append(range(random, '\u00a0', '\ud7ff', 1 + random.nextInt(4)));
            } else if (kind < 10) {
                text.append(range(random, '\ue000', '\ufdcf', 1 + random.nextInt(2)));
            } else {
                text.append(SPECIAL.get(random.nextInt(SPECIAL.size())));
            }
        }
        // line separators, bidi controls and the BOM are refused in one-line fields (the fuzzer sends them)
        return cut(text.toString().replaceAll("[\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]", "x"), max);
    }

    private static String range(Random random, char from, char to, int length) {
        StringBuilder chars = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            chars.append((char) (from + random.nextInt(to - from + 1)));
        }
        return chars.toString();
    }

    /** Cut at a code point boundary: never half a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    @Test
    void everyAcceptedRecordIsProjectedAndReadBackOnBothClocks() throws Exception {
        Random random = new Random(SEED);
        for (int index = 0; index < CASES; index++) {
            Hostile values = hostile(random, index);
            try {
                recordAndReadBack(values);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + index + " of seed " + SEED + ": " + values, e);
            }
        }
    }

    private void recordAndReadBack(Hostile values) throws Exception {
        String program = "TOT-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/programs/" + program;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programId", program);
        body.put("name", values.name());
        body.put("sponsor", values.sponsor());
        body.put("startDate", values.start().toString());
        body.put("plannedEndDate", values.end().toString());
        body.put("currency", "EUR");
        body.put("reason", cut(values.longText(), 1_900));
        String createdEvent = accepted(commands.post("pmo", "/api/programs", JSON.writeValueAsString(body)))
                .header("Ledger-Event-Id");
        // the instant the ledger recorded the program (set by the database as it seals the event)
        String beforeRename = queries.get("auditor", base, Map.of("Ledger-Read-After", createdEvent))
                .json()
                .path("createdAt")
                .asString();

        Map<String, Object> rename = new LinkedHashMap<>();
        String newName = nfc(values.sponsor()).equals(nfc(values.name())) ? values.sponsor() + " II" : values.sponsor();
        rename.put("name", newName);
        rename.put("reason", values.text());
        rename.put("effectiveAt", values.renamedAt().toString());
        accepted(commands.post("pmo", base + "/rename", JSON.writeValueAsString(rename)));

        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("title", values.name());
        decision.put("context", values.longText());
        decision.put(
                "options",
                List.of(
                        Map.of("key", "A", "description", values.text()),
                        Map.of("key", "B", "description", values.name())));
        decision.put("chosenOption", "A");
        decision.put("rationale", values.longText());
        decision.put("decidingBody", values.sponsor());
        decision.put("meetingDate", values.meeting().toString());
        decision.put("decidedOn", null);
        decision.put(
                "participants",
                Normalizer.normalize(values.sponsor(), Normalizer.Form.NFC)
                                .equals(Normalizer.normalize(values.name(), Normalizer.Form.NFC))
                        ? List.of(values.sponsor())
                        : List.of(values.sponsor(), values.name()));
        decision.put("quorum", 1);
        decision.put("links", List.of(Map.of("kind", "DOCUMENT", "reference", values.name())));
        decision.put("reason", values.text());
        String decisionId = accepted(commands.post("pmo", base + "/decisions", JSON.writeValueAsString(decision)))
                .text("id");
        LocalDate decidedOn = values.meeting();
        String lastEvent = accepted(commands.post(
                        "pmo",
                        base + "/decisions/" + decisionId + "/approve",
                        JSON.writeValueAsString(Map.of(
                                "decidedOn",
                                decidedOn.toString(),
                                "effectiveFrom",
                                LAST.toString(),
                                "reason",
                                values.text()))))
                .header("Ledger-Event-Id");

        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("reference", cut(values.name(), 90));
        contract.put("title", values.name());
        contract.put("supplier", values.sponsor());
        contract.put("regime", "UTILITIES");
        contract.put("type", "WORKS");
        contract.put("authority", "OTHER");
        contract.put("initialValue", values.amount());
        contract.put("currency", "EUR");
        contract.put("startDate", values.start().toString());
        contract.put("endDate", values.end().toString());
        contract.put("renewalNoticeDays", 1);
        contract.put("deMinimisCounting", "ABSOLUTE_CUMULATIVE");
        contract.put("reason", values.text());
        Http.Response registered = commands.post("contracts", base + "/contracts", JSON.writeValueAsString(contract));
        assertThat(registered.status()).as(registered.body()).isLessThan(500);

        if (registered.status() == 201) {
            lastEvent = registered.header("Ledger-Event-Id");
        }
        int year = values.start().getYear();
        boolean budgeted = year >= 2000 && year <= 2100;
        if (budgeted) {
            accepted(commands.post(
                    "finance",
                    base + "/budget/lines",
                    JSON.writeValueAsString(Map.of(
                            "lineId",
                            "L1",
                            "workstream",
                            cut(values.name(), 100),
                            "category",
                            "OPEX",
                            "fiscalYear",
                            year,
                            "reason",
                            values.text()))));
            accepted(commands.post("cfo", base + "/budget/delegations", GRANT));
            Map<String, Object> movement = new LinkedHashMap<>();
            movement.put("kind", "ALLOCATION");
            movement.put("lineId", "L1");
            movement.put("amount", values.amount());
            movement.put("currency", "EUR");
            movement.put("reference", cut(values.name(), 100));
            movement.put("effectiveDate", values.start().toString());
            movement.put("description", cut(values.longText(), 2_000));
            movement.put("reason", values.text());
            lastEvent = accepted(
                            commands.post("controller", base + "/budget/movements", JSON.writeValueAsString(movement)))
                    .header("Ledger-Event-Id");
        }

        // change control: a milestone, a scope item, a change request assessed, a baseline
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("milestoneId", "M1");
        milestone.put("name", values.name());
        milestone.put("owner", values.sponsor());
        milestone.put("plannedDate", values.end().toString());
        milestone.put("reason", values.text());
        accepted(commands.post("pmo", base + "/milestones", JSON.writeValueAsString(milestone)));
        Map<String, Object> scopeItem = new LinkedHashMap<>();
        scopeItem.put("itemId", "S1");
        scopeItem.put("name", values.sponsor());
        scopeItem.put("description", cut(values.longText(), 4_000));
        scopeItem.put("reason", values.text());
        accepted(commands.post("pmo", base + "/scope-items", JSON.writeValueAsString(scopeItem)));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", values.name());
        request.put("description", values.longText());
        request.put("type", "QUALITY");
        request.put("urgency", "CRITICAL");
        request.put("requestedBy", Map.of("organisation", values.sponsor(), "person", values.name()));
        request.put(
                "affected",
                List.of(
                        Map.of("kind", "MILESTONE", "reference", "M1"),
                        Map.of("kind", "DELIVERABLE", "reference", "S1")));
        request.put("reason", values.text());
        String changeRequest = accepted(
                        commands.post("pmo", base + "/change-requests", JSON.writeValueAsString(request)))
                .text("id");
        accepted(commands.post("finance", base + "/change-requests/" + changeRequest + "/assessment", "{}"));
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("schedule", List.of(Map.of("milestoneId", "M1", "days", -3650)));
        assessment.put("scope", values.longText());
        assessment.put("risk", values.text());
        assessment.put("options", values.name());
        assessment.put("reason", values.text());
        accepted(commands.post(
                "finance",
                base + "/change-requests/" + changeRequest + "/assessments",
                JSON.writeValueAsString(assessment)));
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("name", values.name());
        baseline.put("decisionId", decisionId);
        baseline.put("reason", values.text());
        lastEvent = accepted(commands.post("pmo", base + "/baselines", JSON.writeValueAsString(baseline)))
                .header("Ledger-Event-Id");

        // every read model has taken in everything up to the last event
        Map<String, String> readAfter = Map.of("Ledger-Read-After", lastEvent);
        Http.Response now = queries.get("auditor", base + "?asOf=" + values.renamedAt(), readAfter);
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(now.json().path("name").asString()).isEqualTo(nfc(newName));
        Http.Response before =
                queries.get("auditor", base + "?asOf=" + values.renamedAt() + "&knownAt=" + beforeRename);
        assertThat(before.json().path("name").asString()).isEqualTo(nfc(values.name()));
        // an hour before the rename takes effect (a date would include the whole day of the rename)
        Http.Response started =
                queries.get("auditor", base + "?asOf=" + values.renamedAt().minusSeconds(3_600));
        assertThat(started.json().path("name").asString()).as(started.body()).isEqualTo(nfc(values.name()));

        JsonNode decided = queries.get("auditor", base + "/decisions/" + decisionId + "?asOf=" + LAST)
                .json();
        assertThat(decided.path("details").path("title").asString()).isEqualTo(nfc(values.name()));
        assertThat(decided.path("details").path("context").asString()).isEqualTo(nfc(values.longText()));
        assertThat(decided.path("summary").path("status").asString()).isEqualTo("APPROVED");

        if (registered.status() == 201) {
            JsonNode view = queries.get(
                            "auditor", base + "/contracts/" + registered.text("id") + "?asOf=" + values.start())
                    .json();
            assertThat(view.path("terms").path("title").asString()).isEqualTo(nfc(values.name()));
            assertThat(queries.get("auditor", base + "/contracts?asOf=" + values.start())
                            .body())
                    .contains(registered.text("id"));
        }
        if (budgeted) {
            JsonNode budget = queries.get("auditor", base + "/budget?asOf=" + values.start())
                    .json();
            assertThat(budget.path("lines")
                            .get(0)
                            .path("balance")
                            .path("available")
                            .decimalValue())
                    .isEqualByComparingTo(values.amount());
        }
        JsonNode change = queries.get("auditor", base + "/change-requests/" + changeRequest)
                .json();
        assertThat(change.path("summary").path("title").asString()).isEqualTo(nfc(values.name()));
        assertThat(change.path("details").path("description").asString()).isEqualTo(nfc(values.longText()));
        assertThat(change.path("assessment").path("impact").path("scope").asString())
                .isEqualTo(nfc(values.longText()));
        JsonNode planned = queries.get("auditor", base + "/milestones")
                .json()
                .path("milestones")
                .get(0);
        assertThat(planned.path("name").asString()).isEqualTo(nfc(values.name()));
        assertThat(planned.path("baselineDate").asString())
                .isEqualTo(values.end().toString());
        JsonNode frozen = queries.get("auditor", base + "/baselines/1").json();
        assertThat(frozen.path("hashMatches").asBoolean()).as(frozen.toString()).isTrue();
        assertThat(frozen.path("baselines").get(0).path("name").asString()).isEqualTo(nfc(values.name()));
        assertThat(frozen.path("content").path("scope").get(0).path("name").asString())
                .isEqualTo(nfc(values.sponsor()));
        JsonNode trail = queries.get("auditor", base + "/audit-trail").json();
        // every record's events are on the audit trail (a contract whose term has passed adds its deadlines)
        List<String> types = trail.path("entries")
                .valueStream()
                .map(entry -> entry.path("eventType").asString())
                .toList();
        assertThat(types)
                .contains(
                        "ProgramCreatedEvent", "ProgramRenamedEvent", "DecisionRecordedEvent", "DecisionApprovedEvent");
        if (registered.status() == 201) {
            assertThat(types).contains("ContractRegisteredEvent");
        }
        if (budgeted) {
            assertThat(types).contains("BudgetLineOpenedEvent", "DelegationGrantedEvent", "MovementBookedEvent");
        }
        assertThat(types)
                .contains(
                        "MilestoneDefinedEvent",
                        "ScopeItemAddedEvent",
                        "ChangeRequestRaisedEvent",
                        "ChangeRequestAssessedEvent",
                        "BaselineCapturedEvent");
        JsonNode health = queries.get("auditor", "/actuator/health")
                .json()
                .path("components")
                .path("projections");
        assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");
    }

    private static Http.Response accepted(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    /** As the ledger keeps a text: NFC at the edge, stripped of surrounding white space by the command side. */
    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
