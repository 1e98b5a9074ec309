package io.governanceledger.query.budget;

import io.governanceledger.events.budget.ApprovalView;
import io.governanceledger.events.budget.MovementView;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The movement ledger as RFC 4180 CSV: one row per movement, amounts with two decimals, ISO dates. */
final class LedgerCsv {

    static final String HEADER = "movement_id,status,kind,line_id,to_line_id,amount,currency,reference,"
            + "commitment_reference,authorising_reference,authorising_decision,effective_date,requested_by,requested_at,"
            + "approved_by,decided_at,refused_by,description,reason";

    private LedgerCsv() {
    }

    static String write(List<MovementView> movements) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (MovementView m : movements) {
            csv.append(Stream.of(m.movementId(), m.status(), m.kind(), m.lineId(), m.toLineId(),
                                 m.amount().setScale(2).toPlainString(), m.currency(), m.reference(),
                                 m.commitmentReference(), m.authorisingReference(), m.authorisingDecisionTitle(),
                                 m.effectiveDate(), m.requestedBy(), m.requestedAt(),
                                 m.approvals().stream().map(ApprovalView::approver).collect(Collectors.joining(" ")),
                                 m.decidedAt(), m.refusedBy(), m.description(), m.reason())
                             .map(LedgerCsv::field)
                             .collect(Collectors.joining(",")))
               .append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        String text = Objects.toString(value, "");
        // a cell a spreadsheet would run as a formula is kept as text
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
