package io.governanceledger.query.budget;

import io.governanceledger.query.csv.Csv;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The movement ledger as RFC 4180 CSV: one row per movement, amounts with two decimals, ISO dates. */
public final class LedgerCsv {

    static final String HEADER = "movement_id,status,kind,line_id,to_line_id,amount,currency,reference,"
            + "commitment_reference,authorising_reference,authorising_decision,effective_date,requested_by,requested_at,"
            + "approved_by,decided_at,refused_by,description,reason";

    private LedgerCsv() {}

    public static String write(List<MovementView> movements) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (MovementView m : movements) {
            csv.append(Stream.of(
                                    m.movementId(),
                                    m.status(),
                                    m.kind(),
                                    m.lineId(),
                                    m.toLineId(),
                                    m.amount().setScale(2).toPlainString(),
                                    m.currency(),
                                    m.reference(),
                                    m.commitmentReference(),
                                    m.authorisingReference(),
                                    m.authorisingDecisionTitle(),
                                    m.effectiveDate(),
                                    m.requestedBy(),
                                    m.requestedAt(),
                                    m.approvals().stream()
                                            .map(ApprovalView::approver)
                                            .collect(Collectors.joining(" ")),
                                    m.decidedAt(),
                                    m.refusedBy(),
                                    m.description(),
                                    m.reason())
                            .map(Csv::field)
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
