package io.governanceledger.query.decisions;

import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionHistoryEntry;
import io.governanceledger.events.decisions.DecisionRegisterView;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSummaryView;
import io.governanceledger.events.decisions.DecisionView;
import io.governanceledger.events.decisions.FindDecisionQuery;
import io.governanceledger.events.decisions.FindDecisionsQuery;
import io.governanceledger.query.programs.KnownPrograms;
import io.governanceledger.support.messaging.LedgerSerializer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class DecisionQueries {

    private static final String REGISTER_FILTER = """
            FROM decision
            WHERE program_id = :programId
              AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:from AS DATE) IS NULL OR decision_date >= :from)
              AND (CAST(:to AS DATE) IS NULL OR decision_date <= :to)
            """;

    private final JdbcClient jdbc;
    private final KnownPrograms programs;

    DecisionQueries(JdbcClient jdbc, KnownPrograms programs) {
        this.jdbc = jdbc;
        this.programs = programs;
    }

    @QueryHandler
    Optional<DecisionRegisterView> register(FindDecisionsQuery query) {
        if (!programs.contains(query.programId())) {
            return Optional.empty();
        }
        Map<String, Object> filter = new java.util.HashMap<>();
        filter.put("programId", query.programId());
        filter.put("status", query.status() == null ? null : query.status().name());
        filter.put("from", query.from());
        filter.put("to", query.to());
        long total = jdbc.sql("SELECT count(*) " + REGISTER_FILTER).params(filter).query(Long.class).single();
        filter.put("limit", query.limit());
        filter.put("offset", query.offset());
        List<DecisionSummaryView> page = jdbc.sql("SELECT * " + REGISTER_FILTER
                                                          + " ORDER BY decision_date DESC, recorded_at DESC, decision_id"
                                                          + " LIMIT :limit OFFSET :offset")
                                             .params(filter)
                                             .query(DecisionQueries::summary)
                                             .list();
        return Optional.of(new DecisionRegisterView(query.programId(), total, query.offset(), query.limit(), page));
    }

    @QueryHandler
    Optional<DecisionView> find(FindDecisionQuery query) {
        return jdbc.sql("SELECT * FROM decision WHERE decision_id = ? AND program_id = ?")
                   .params(query.decisionId(), query.programId())
                   .query((row, index) -> new DecisionView(
                           summary(row, index),
                           LedgerSerializer.fromJson(row.getString("details"), DecisionDetails.class),
                           row.getObject("deferred_until", LocalDate.class),
                           row.getObject("revoked_on", LocalDate.class),
                           history(query.decisionId())))
                   .optional();
    }

    private List<DecisionHistoryEntry> history(String decisionId) {
        return jdbc.sql("SELECT * FROM decision_event WHERE decision_id = ? ORDER BY position")
                   .param(decisionId)
                   .query((row, index) -> new DecisionHistoryEntry(
                           row.getLong("position"),
                           row.getString("event_id"),
                           row.getString("event_type"),
                           row.getString("actor"),
                           instant(row.getTimestamp("recorded_at")),
                           instant(row.getTimestamp("effective_at")),
                           row.getString("reason"),
                           row.getString("correlation_id"),
                           row.getString("causation_id"),
                           payload(row.getString("payload"))))
                   .list();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String json) {
        return LedgerSerializer.fromJson(json, Map.class);
    }

    private static DecisionSummaryView summary(ResultSet row, int index) throws SQLException {
        return new DecisionSummaryView(row.getString("decision_id"),
                                       row.getString("program_id"),
                                       row.getString("title"),
                                       DecisionStatus.valueOf(row.getString("status")),
                                       row.getString("deciding_body"),
                                       row.getObject("meeting_date", LocalDate.class),
                                       row.getObject("decided_on", LocalDate.class),
                                       row.getObject("effective_from", LocalDate.class),
                                       row.getString("chosen_option"),
                                       row.getString("supersedes"),
                                       row.getString("superseded_by"),
                                       instant(row.getTimestamp("recorded_at")),
                                       instant(row.getTimestamp("last_changed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
