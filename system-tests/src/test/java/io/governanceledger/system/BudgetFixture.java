package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

/** Sets up a program budget over HTTP the way a finance controller would. */
public final class BudgetFixture {

    final Http commands;
    public final String program;

    public BudgetFixture(Http commands, String prefix) {
        this.commands = commands;
        this.program = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created(commands.post("pmo", "/api/programs", Bodies.program(program)));
    }

    String path(String rest) {
        return "/api/programs/" + program + "/budget" + rest;
    }

    public BudgetFixture line(String lineId, String workstream, String category, int year) {
        created(commands.post("finance", path("/lines"), """
                {"lineId": "%s", "workstream": "%s", "category": "%s", "fiscalYear": %d}""".formatted(lineId, workstream, category, year)));
        return this;
    }

    public BudgetFixture delegation(String holder, String max) {
        String grantor = holder.equals("finance") ? "cfo" : "finance";
        created(commands.post(grantor, path("/delegations"), """
                {"holder": "%s", "maxAmount": %s, "currency": "EUR", "validFrom": "2024-01-01", "validTo": "2039-01-01",
                 "reason": "Delegation of authority DA-%s"}""".formatted(holder, max, holder)));
        return this;
    }

    public BudgetFixture policy(String fourEyesThreshold) {
        assertThat(commands.post("finance", path("/policy"), """
                {"fourEyesThreshold": %s, "approvalWindowDays": 30, "reason": "Finance policy FP-1"}""".formatted(fourEyesThreshold))
                        .status())
                .isEqualTo(200);
        return this;
    }

    public Http.Response move(
            String user,
            String kind,
            String line,
            String to,
            BigDecimal amount,
            String reference,
            String commitment,
            String effectiveDate) {
        return commands.post(user, path("/movements"), """
                {"kind": "%s", "lineId": "%s", "toLineId": %s, "amount": %s, "currency": "EUR", "reference": %s,
                 "commitmentReference": %s, "effectiveDate": "%s", "reason": "%s %s"}""".formatted(
                        kind,
                        line,
                        quoted(to),
                        amount.toPlainString(),
                        quoted(reference),
                        quoted(commitment),
                        effectiveDate,
                        kind.toLowerCase(),
                        reference == null ? "" : reference));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
