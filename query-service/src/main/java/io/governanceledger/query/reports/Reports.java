package io.governanceledger.query.reports;

import io.governanceledger.query.budget.FindMovementsQuery;
import io.governanceledger.query.budget.LedgerCsv;
import io.governanceledger.query.budget.MovementLedgerView;
import io.governanceledger.query.changes.BaselineComparisonView;
import io.governanceledger.query.changes.BaselinesView;
import io.governanceledger.query.changes.ChangeRegisterView;
import io.governanceledger.query.changes.ChangeRequestSummaryView;
import io.governanceledger.query.changes.FindBaselineComparisonQuery;
import io.governanceledger.query.changes.FindBaselinesQuery;
import io.governanceledger.query.changes.FindChangeRequestsQuery;
import io.governanceledger.query.consistency.ReadModelPositions;
import io.governanceledger.query.contracts.AmendmentView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractQuery;
import io.governanceledger.query.csv.Csv;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.DecisionSummaryView;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.support.time.BusinessClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Revision;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Produces reports at a fixed ledger position. The position is widened to the last one recorded at
 * the same instant (a knownAt cut can only be made between instants), the report is refused while a
 * read model it reads is behind that position, and asOf defaults to the business date of that instant,
 * so the same request always gives the same bytes.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class Reports {

    /** Each report and the read models (processors) it reads. */
    static final Map<String, Set<String>> READS = Map.of(
            "decision-register", Set.of("decisions", "programs"),
            "budget-ledger", Set.of("budget", "decisions", "programs"),
            "contract-history", Set.of("contracts", "decisions"),
            "change-register", Set.of("changes", "programs"),
            "baseline-comparison", Set.of("changes", "budget", "contracts", "programs"));

    private static final Map<String, String> EVENT_SCHEMA_VERSIONS = eventSchemaVersions();
    private static final java.time.Duration CATCH_UP_WAIT = java.time.Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ReadModelPositions positions;

    Reports(QueryGateway queries, JdbcClient jdbc, BusinessClock clock, ReadModelPositions positions) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.positions = positions;
    }

    /** What the request resolves to, or why it cannot be answered yet. */
    sealed interface Outcome permits Produced, Behind, UnknownProgram {}

    record Produced(ReportView report) implements Outcome {}

    record Behind(String readModel, long at, long needed) implements Outcome {}

    record UnknownProgram() implements Outcome {}

    long ledgerHead() {
        return jdbc.sql("SELECT COALESCE(max(position), 0) FROM event_store.ledger_entry")
                .query(Long.class)
                .single();
    }

    Outcome produce(String report, String programId, long position, AsOf asOfOrNull) {
        Instant knownAt = jdbc.sql("SELECT recorded_at FROM event_store.ledger_entry WHERE position = ?")
                .param(position)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        long lastPosition = jdbc.sql("SELECT max(position) FROM event_store.ledger_entry WHERE recorded_at = ?")
                .param(knownAt.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single();
        Optional<Behind> behind = awaitReadModels(report, lastPosition);
        if (behind.isPresent()) {
            return behind.get();
        }
        AsOf asOf = asOfOrNull != null
                ? asOfOrNull
                : AsOf.of(knownAt.atZone(clock.zone()).toLocalDate());
        PointInTime point = PointInTime.of(asOf, knownAt, clock);
        Optional<Content> content = switch (report) {
            case "decision-register" -> decisionRegister(programId, point);
            case "budget-ledger" -> budgetLedger(programId, point);
            case "change-register" -> changeRegister(programId, point);
            case "baseline-comparison" -> baselineComparison(programId, point);
            default -> contractHistory(programId, point);
        };
        if (content.isEmpty()) {
            return new UnknownProgram();
        }
        byte[] bytes = content.get().text().getBytes(StandardCharsets.UTF_8);
        String chainHash = jdbc.sql("SELECT encode(hash, 'hex') FROM event_store.ledger_entry WHERE position = ?")
                .param(lastPosition)
                .query(String.class)
                .single();
        String projectionVersion = jdbc.sql("""
                                            SELECT version FROM projections.flyway_schema_history
                                            WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1
                                            """).query(String.class).single();
        ReportManifest manifest = new ReportManifest(
                report,
                programId,
                1,
                lastPosition,
                chainHash,
                knownAt,
                asOf,
                EVENT_SCHEMA_VERSIONS,
                projectionVersion,
                "text/csv",
                content.get().rows(),
                bytes.length,
                sha256(bytes));
        return new Produced(new ReportView(manifest, content.get().text()));
    }

    private Optional<Content> decisionRegister(String programId, PointInTime point) {
        return queries.query(
                        new FindDecisionsQuery(programId, null, null, null, 0, Integer.MAX_VALUE, point),
                        ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                .join()
                .map(register -> {
                    StringBuilder csv = new StringBuilder(Csv.row(
                            "decision_id",
                            "title",
                            "status",
                            "deciding_body",
                            "meeting_date",
                            "decided_on",
                            "effective_from",
                            "chosen_option",
                            "supersedes",
                            "superseded_by",
                            "recorded_at",
                            "last_changed_at"));
                    for (DecisionSummaryView d : register.decisions()) {
                        csv.append(Csv.row(
                                d.decisionId(),
                                d.title(),
                                d.status(),
                                d.decidingBody(),
                                d.meetingDate(),
                                d.decidedOn(),
                                d.effectiveFrom(),
                                d.chosenOption(),
                                d.supersedes(),
                                d.supersededBy(),
                                d.recordedAt(),
                                d.lastChangedAt()));
                    }
                    return new Content(csv.toString(), register.decisions().size());
                });
    }

    private Optional<Content> changeRegister(String programId, PointInTime point) {
        return queries.query(
                        new FindChangeRequestsQuery(programId, null, point),
                        ResponseTypes.optionalInstanceOf(ChangeRegisterView.class))
                .join()
                .map(register -> {
                    StringBuilder csv = new StringBuilder(Csv.row(
                            "change_request_id",
                            "title",
                            "type",
                            "urgency",
                            "status",
                            "requested_by",
                            "raised_by",
                            "raised_at",
                            "decision_id",
                            "decided_on",
                            "last_changed_at"));
                    for (ChangeRequestSummaryView c : register.changeRequests()) {
                        csv.append(Csv.row(
                                c.changeRequestId(),
                                c.title(),
                                c.type(),
                                c.urgency(),
                                c.status(),
                                c.requestedBy(),
                                c.raisedBy(),
                                c.raisedAt(),
                                c.decisionId(),
                                c.decidedOn(),
                                c.lastChangedAt()));
                    }
                    return new Content(csv.toString(), register.changeRequests().size());
                });
    }

    /** The latest baseline at the point against the program at the same point: one row per compared figure. */
    private Optional<Content> baselineComparison(String programId, PointInTime point) {
        Optional<BaselinesView> baselines = queries.query(
                        new FindBaselinesQuery(programId, null, point),
                        ResponseTypes.optionalInstanceOf(BaselinesView.class))
                .join();
        if (baselines.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder csv = new StringBuilder(Csv.row(
                "baseline",
                "content_hash",
                "kind",
                "subject",
                "name",
                "baseline_value",
                "now_value",
                "variance",
                "estimate_at_completion",
                "estimate_variance"));
        if (baselines.get().baselines().isEmpty()) {
            return Optional.of(new Content(csv.toString(), 0));
        }
        int number = baselines.get().baselines().get(0).number();
        BaselineComparisonView comparison = queries.query(
                        new FindBaselineComparisonQuery(programId, number, null, point),
                        ResponseTypes.optionalInstanceOf(BaselineComparisonView.class))
                .join()
                .orElseThrow();
        String hash = comparison.baseline().contentHash();
        long rows = 0;
        List<BaselineComparisonView.CostVariance> costs = new ArrayList<>(comparison.costs());
        costs.add(comparison.total());
        for (BaselineComparisonView.CostVariance cost : costs) {
            csv.append(Csv.row(
                    number,
                    hash,
                    "cost",
                    cost.lineId(),
                    null,
                    plain(cost.baseline()),
                    plain(cost.other()),
                    plain(cost.variance()),
                    plain(cost.estimate()),
                    plain(cost.estimateVariance())));
            rows++;
        }
        for (BaselineComparisonView.DateVariance date : comparison.milestones()) {
            csv.append(Csv.row(
                    number,
                    hash,
                    "milestone",
                    date.milestoneId(),
                    date.name(),
                    date.baseline(),
                    date.other(),
                    date.varianceDays(),
                    null,
                    null));
            rows++;
        }
        for (BaselineComparisonView.ScopeChange scope : comparison.scope()) {
            csv.append(Csv.row(
                    number, hash, "scope", scope.itemId(), scope.name(), null, null, scope.change(), null, null));
            rows++;
        }
        for (BaselineComparisonView.ContractVariance contract : comparison.contracts()) {
            csv.append(Csv.row(
                    number,
                    hash,
                    "contract",
                    contract.contractId(),
                    contract.reference(),
                    plain(contract.baseline()),
                    plain(contract.other()),
                    plain(contract.variance()),
                    null,
                    null));
            rows++;
        }
        return Optional.of(new Content(csv.toString(), rows));
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private Optional<Content> budgetLedger(String programId, PointInTime point) {
        return queries.query(
                        new FindMovementsQuery(programId, null, null, null, null, null, null, 0, 0, point),
                        ResponseTypes.optionalInstanceOf(MovementLedgerView.class))
                .join()
                .map(ledger -> new Content(
                        LedgerCsv.write(ledger.movements()), ledger.movements().size()));
    }

    private Optional<Content> contractHistory(String programId, PointInTime point) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM projections.program_version WHERE record_id = ?)")
                .param(programId)
                .query(Boolean.class)
                .single()) {
            return Optional.empty();
        }
        List<String> contracts = jdbc.sql("SELECT contract_id FROM projections.contract WHERE program_id = ?"
                        + " ORDER BY reference, contract_id")
                .param(programId)
                .query(String.class)
                .list();
        StringBuilder csv = new StringBuilder(Csv.row(
                "contract_reference",
                "contract_id",
                "amendment_number",
                "status",
                "legal_basis",
                "value_delta",
                "term_delta_months",
                "signed_on",
                "effective_from",
                "value_after",
                "end_date_after",
                "rule",
                "authorising_decision",
                "recorded_at"));
        long rows = 0;
        for (String contractId : contracts) {
            Optional<ContractView> found = queries.query(
                            new FindContractQuery(programId, contractId, point),
                            ResponseTypes.optionalInstanceOf(ContractView.class))
                    .join();
            if (found.isEmpty()) {
                continue;
            }
            ContractView contract = found.get();
            List<AmendmentView> all = new ArrayList<>(contract.amendments());
            all.addAll(contract.rejected());
            all.sort(java.util.Comparator.comparing(AmendmentView::recordedAt)
                    .thenComparing(AmendmentView::amendmentId));
            for (AmendmentView a : all) {
                csv.append(Csv.row(
                        contract.terms().reference(),
                        contractId,
                        a.number(),
                        a.status(),
                        a.legalBasis(),
                        a.valueDelta().toPlainString(),
                        a.termDeltaMonths(),
                        a.signedOn(),
                        a.effectiveFrom(),
                        a.valueAfter() == null ? null : a.valueAfter().toPlainString(),
                        a.endDateAfter(),
                        a.rule(),
                        a.authorisingDecisionTitle(),
                        a.recordedAt()));
                rows++;
            }
        }
        return Optional.of(new Content(csv.toString(), rows));
    }

    /**
     * Waits up to {@link #CATCH_UP_WAIT} for the read models the report reads to have committed
     * {@code position}. A processor stores its position when it handles an event, and otherwise only
     * every few seconds, so a read model with nothing to do may lag on paper for a moment.
     */
    private Optional<Behind> awaitReadModels(String report, long position) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (true) {
            Optional<Behind> behind = READS.get(report).stream()
                    .map(readModel -> new Behind(readModel, processedPosition(readModel), position))
                    .filter(state -> state.at() < position)
                    .findFirst();
            if (behind.isEmpty() || System.nanoTime() > deadline) {
                return behind;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return behind;
            }
        }
    }

    private long processedPosition(String readModel) {
        return positions.committed(readModel);
    }

    private static Map<String, String> eventSchemaVersions() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Map<String, String> versions = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("io.governanceledger.events")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                versions.put(
                        type.getSimpleName(), type.getAnnotation(Revision.class).value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(versions);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Content(String text, long rows) {}
}
