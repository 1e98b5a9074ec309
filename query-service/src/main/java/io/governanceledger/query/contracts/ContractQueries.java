package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.AmendmentProposal;
import io.governanceledger.events.contracts.AmendmentStatus;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.DeMinimisCounting;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.RenewalChoice;
import io.governanceledger.query.contracts.ContractDeadlinesView.RenewalNoticeState;
import io.governanceledger.query.contracts.ContractDeadlinesView.TermState;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ContractQueries {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    ContractQueries(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    List<ContractView> contracts(FindContractsQuery query) {
        // one point for the whole list: "now" is read once, so every contract answers for the same instant
        PointInTime point = query.point();
        return jdbc
                .sql("SELECT contract_id FROM contract WHERE program_id = ? ORDER BY reference, contract_id")
                .param(query.programId())
                .query(String.class)
                .list()
                .stream()
                .map(id -> contract(new FindContractQuery(query.programId(), id, point)))
                .flatMap(Optional::stream)
                .toList();
    }

    @QueryHandler
    Optional<ContractView> contract(FindContractQuery query) {
        PointInTime point = query.point();
        java.time.Instant knownAt = point.knownAt();
        java.time.OffsetDateTime known = point.knownAtUtc();
        Optional<Map<String, Object>> found = jdbc
                .sql("SELECT * FROM contract WHERE program_id = ? AND contract_id = ? "
                        + "AND registered_at <= ? AND existing_from <= ?")
                .params(query.programId(), query.contractId(), known, point.effectiveAtUtc())
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> contract = found.get();
        ContractTerms terms = LedgerSerializer.fromJson(contract.get("terms").toString(), ContractTerms.class);
        LocalDate asOf = point.asOf();
        List<Row> rows = jdbc.sql("""
                                  SELECT a.*, COALESCE(d.state -> 'details' ->> 'title', cr.state -> 'details' ->> 'title')
                                             AS decision_title, cr.decision_id AS change_decision_id
                                  FROM contract_amendment a
                                  JOIN contract c ON c.contract_id = a.contract_id
                                  LEFT JOIN decision_version d ON d.record_id = a.proposal ->> 'authorisingDecisionId'
                                       AND d.known_at @> CAST(? AS TIMESTAMPTZ) AND d.effective @> CAST(? AS TIMESTAMPTZ)
                                  LEFT JOIN change_request_version cr
                                       ON cr.record_id = c.program_id || '/' || (a.proposal ->> 'authorisingDecisionId')
                                       AND cr.known_at @> CAST(? AS TIMESTAMPTZ) AND cr.effective @> CAST(? AS TIMESTAMPTZ)
                                  WHERE a.contract_id = ? AND a.effective_from <= ? AND a.recorded_at <= ?
                                  ORDER BY a.position
                                  """)
                .params(known, point.effectiveAtUtc(), known, point.effectiveAtUtc(), query.contractId(), asOf, known)
                .query(ContractQueries::row)
                .list();
        Deadlines facts = deadlines(query.contractId(), point);

        BigDecimal value = terms.initialValue();
        LocalDate endDate = terms.endDate();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal absolute = BigDecimal.ZERO;
        BigDecimal limitShare = null;
        List<AmendmentView> amendments = new ArrayList<>();
        List<AmendmentView> rejected = new ArrayList<>();
        List<Integer> outstanding = new ArrayList<>();
        for (Row row : rows) {
            AmendmentProposal proposal = row.proposal();
            if (proposal.legalBasis() == LegalBasis.DE_MINIMIS
                    && row.figures() != null
                    && row.figures().capShare() != null) {
                limitShare = row.figures().capShare();
            }
            if (!row.accepted()) {
                rejected.add(view(row, null, null));
                continue;
            }
            value = value.add(proposal.valueDelta());
            endDate = endDate.plusMonths(proposal.termDeltaMonths());
            if (proposal.legalBasis() == LegalBasis.DE_MINIMIS) {
                net = net.add(proposal.valueDelta());
                absolute = absolute.add(proposal.valueDelta().abs());
            }
            if (row.publicationRequired() && !facts.notices().containsKey(row.number())) {
                outstanding.add(row.number());
            }
            amendments.add(view(row.withNotice(facts.notices().get(row.number())), value, endDate));
        }

        BigDecimal latestIndex = jdbc.sql("""
                                          SELECT value FROM contract_index_value WHERE contract_id = ? AND value_date <= ?
                                            AND recorded_at <= ?
                                          ORDER BY value_date DESC LIMIT 1
                                          """)
                .params(query.contractId(), asOf, known)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        BigDecimal reference = terms.indexation() == null || latestIndex == null
                ? terms.initialValue()
                : terms.initialValue()
                        .multiply(latestIndex)
                        .divide(terms.indexation().baseValue(), 10, RoundingMode.HALF_EVEN)
                        .setScale(2, RoundingMode.HALF_EVEN);
        List<CallOffView> callOffs = jdbc.sql("""
                                              SELECT * FROM contract_call_off WHERE contract_id = ? AND placed_on <= ?
                                                AND recorded_at <= ?
                                              ORDER BY placed_on, call_off_id
                                              """)
                .params(query.contractId(), asOf, known)
                .query((row, i) -> new CallOffView(
                        row.getString("call_off_id"),
                        row.getString("reference"),
                        row.getBigDecimal("value"),
                        row.getObject("placed_on", LocalDate.class)))
                .list();
        List<IndexValueView> indexValues = jdbc.sql("""
                                                    SELECT value_date, value FROM contract_index_value
                                                    WHERE contract_id = ? AND value_date <= ? AND recorded_at <= ?
                                                    ORDER BY value_date
                                                    """)
                .params(query.contractId(), asOf, known)
                .query((row, i) -> {
                    BigDecimal index = row.getBigDecimal("value");
                    return new IndexValueView(
                            row.getObject("value_date", LocalDate.class),
                            index,
                            terms.indexation() == null
                                    ? terms.initialValue()
                                    : terms.initialValue()
                                            .multiply(index)
                                            .divide(terms.indexation().baseValue(), 10, RoundingMode.HALF_EVEN)
                                            .setScale(2, RoundingMode.HALF_EVEN));
                })
                .list();
        BigDecimal calledOff = callOffs.stream().map(CallOffView::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal netAbs = net.abs();
        DeMinimisUsageView deMinimis = new DeMinimisUsageView(
                netAbs,
                absolute,
                terms.deMinimisCounting() == DeMinimisCounting.ABSOLUTE_CUMULATIVE ? absolute : netAbs,
                percent(netAbs, reference),
                percent(absolute, reference),
                limitShare == null ? null : limitShare.movePointRight(2).stripTrailingZeros());
        LocalDate noticeDeadline = endDate.minusDays(terms.renewalNoticeDays());
        RenewalNoticeState noticeState = terms.renewalNoticeDays() == 0
                ? RenewalNoticeState.NONE
                : facts.renewalState() != null && noticeDeadline.equals(facts.renewalDeadline())
                        ? facts.renewalState()
                        : RenewalNoticeState.UPCOMING;
        boolean recorded = noticeState == RenewalNoticeState.RECORDED;
        ContractDeadlinesView deadlines = new ContractDeadlinesView(
                noticeDeadline,
                noticeState,
                recorded ? facts.renewalChoice() : null,
                recorded ? facts.renewalSentOn() : null,
                endDate,
                endDate.equals(facts.termEndedOn()) ? TermState.ENDED : TermState.RUNNING);
        return Optional.of(new ContractView(
                query.contractId(),
                query.programId(),
                point.stated(),
                knownAt,
                terms,
                value,
                endDate,
                latestIndex,
                reference,
                calledOff,
                value.subtract(calledOff),
                deMinimis,
                amendments,
                rejected,
                outstanding,
                deadlines,
                callOffs,
                indexValues));
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static AmendmentView view(Row row, BigDecimal valueAfter, LocalDate endDateAfter) {
        AmendmentProposal p = row.proposal();
        return new AmendmentView(
                row.amendmentId(),
                row.accepted() ? AmendmentStatus.ACCEPTED : AmendmentStatus.REJECTED,
                row.number(),
                p.legalBasis(),
                p.reviewClauseId(),
                p.valueDelta(),
                p.termDeltaMonths(),
                p.scope(),
                p.signatories(),
                p.signedOn(),
                p.effectiveFrom(),
                p.authorisingDecisionId(),
                row.decisionTitle(),
                row.changeDecisionId(),
                valueAfter,
                endDateAfter,
                row.rule(),
                row.explanation(),
                row.figures(),
                row.publicationRequired(),
                row.noticeReference(),
                row.noticePublishedOn(),
                row.recordedAt());
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        String figures = rs.getString("figures");
        return new Row(
                rs.getString("amendment_id"),
                AmendmentStatus.ACCEPTED.name().equals(rs.getString("status")),
                (Integer) rs.getObject("number"),
                LedgerSerializer.fromJson(rs.getString("proposal"), AmendmentProposal.class),
                figures == null || figures.equals("null")
                        ? null
                        : LedgerSerializer.fromJson(figures, AmendmentFigures.class),
                rs.getString("rule"),
                rs.getString("explanation"),
                rs.getBoolean("publication_required"),
                null,
                null,
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("decision_title"),
                rs.getString("change_decision_id"));
    }

    /**
     * The contract's notices and deadline events recorded by the point's knownAt and effective by its
     * asOf, folded in ledger order: a renewal warning does not undo a recorded or overdue notice for
     * the same deadline.
     */
    private Deadlines deadlines(String contractId, PointInTime point) {
        Map<Integer, Notice> notices = new java.util.HashMap<>();
        Deadlines folded = new Deadlines(notices, null, null, null, null, null);
        List<Map<String, Object>> facts = jdbc.sql("""
                                                   SELECT * FROM contract_deadline_fact WHERE contract_id = ?
                                                     AND recorded_at <= ? AND effective_at <= ? ORDER BY position
                                                   """)
                .params(contractId, point.knownAtUtc(), point.effectiveAtUtc())
                .query()
                .listOfRows();
        for (Map<String, Object> fact : facts) {
            String kind = (String) fact.get("kind");
            LocalDate deadline = localDate(fact.get("deadline"));
            switch (kind) {
                case "PUBLICATION_NOTICE" ->
                    notices.put(
                            (Integer) fact.get("amendment_number"),
                            new Notice((String) fact.get("notice_reference"), localDate(fact.get("dated"))));
                case "RECORDED" ->
                    folded = new Deadlines(
                            notices,
                            RenewalNoticeState.RECORDED,
                            deadline,
                            RenewalChoice.valueOf((String) fact.get("renewal_choice")),
                            localDate(fact.get("dated")),
                            folded.termEndedOn());
                case "TERM_ENDED" ->
                    folded = new Deadlines(
                            notices,
                            folded.renewalState(),
                            folded.renewalDeadline(),
                            folded.renewalChoice(),
                            folded.renewalSentOn(),
                            localDate(fact.get("dated")));
                default -> {
                    boolean settled = deadline.equals(folded.renewalDeadline())
                            && (folded.renewalState() == RenewalNoticeState.RECORDED
                                    || folded.renewalState() == RenewalNoticeState.OVERDUE);
                    if (!settled) {
                        // DUE or OVERDUE
                        folded = new Deadlines(
                                notices, RenewalNoticeState.valueOf(kind), deadline, null, null, folded.termEndedOn());
                    }
                }
            }
        }
        return folded;
    }

    private record Notice(String reference, LocalDate publishedOn) {}

    private record Deadlines(
            Map<Integer, Notice> notices,
            RenewalNoticeState renewalState,
            LocalDate renewalDeadline,
            RenewalChoice renewalChoice,
            LocalDate renewalSentOn,
            LocalDate termEndedOn) {}

    private record Row(
            String amendmentId,
            boolean accepted,
            Integer number,
            AmendmentProposal proposal,
            AmendmentFigures figures,
            String rule,
            String explanation,
            boolean publicationRequired,
            String noticeReference,
            LocalDate noticePublishedOn,
            java.time.Instant recordedAt,
            String decisionTitle,
            String changeDecisionId) {

        Row withNotice(Notice notice) {
            return notice == null
                    ? this
                    : new Row(
                            amendmentId,
                            accepted,
                            number,
                            proposal,
                            figures,
                            rule,
                            explanation,
                            publicationRequired,
                            notice.reference(),
                            notice.publishedOn(),
                            recordedAt,
                            decisionTitle,
                            changeDecisionId);
        }
    }
}
