package io.governanceledger.query.consistency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far each read model has committed: the ledger position of each of its processor's segments.
 * A processor stores its position when it handles an event, and otherwise every few seconds.
 */
@Component
public class ReadModelPositions {

    private final JdbcClient jdbc;

    public ReadModelPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per read model, the lowest position over its segments. */
    public Map<String, Long> committed() {
        Map<String, Long> positions = new LinkedHashMap<>();
        bySegment()
                .forEach((readModel, segments) -> positions.put(
                        readModel,
                        segments.values().stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .orElse(0)));
        return positions;
    }

    public long committed(String readModel) {
        return committed().getOrDefault(readModel, 0L);
    }

    /** Per read model (by name), the position of each segment (by segment id). */
    public Map<String, Map<Integer, Long>> bySegment() {
        Map<String, Map<Integer, Long>> positions = new TreeMap<>();
        jdbc.sql("""
                 SELECT processor_name, segment,
                        COALESCE((convert_from(token, 'UTF8')::jsonb ->> 'globalIndex')::bigint,
                                 (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'globalIndex')::bigint,
                                 0) AS position
                 FROM projections.token_entry
                 """)
                .query((row, index) -> positions
                        .computeIfAbsent(row.getString("processor_name"), name -> new TreeMap<>())
                        .put(row.getInt("segment"), row.getLong("position")))
                .list();
        return positions;
    }
}
