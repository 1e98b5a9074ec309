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

    /** The movements as a CSV download, named after the program, as the API and the workspace give it. */
    public static org.springframework.http.ResponseEntity<String> download(
            String programId, List<MovementView> movements) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(
                        new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + programId.replaceAll("[^A-Za-z0-9._-]", "_")
                                + "-budget-ledger.csv\"")
                .body(write(movements));
    }

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
