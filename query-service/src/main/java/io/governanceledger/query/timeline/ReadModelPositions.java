package io.governanceledger.query.timeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far each read model has committed: the lowest ledger position over its processor's segments.
 * A processor stores its position when it handles an event, and otherwise every few seconds.
 */
@Component
public class ReadModelPositions {

    private final JdbcClient jdbc;

    public ReadModelPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> committed() {
        Map<String, Long> positions = new LinkedHashMap<>();
        jdbc.sql("""
                 SELECT processor_name,
                        min(COALESCE((convert_from(token, 'UTF8')::jsonb ->> 'globalIndex')::bigint,
                                     (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'globalIndex')::bigint,
                                     0)) AS position
                 FROM projections.token_entry GROUP BY processor_name ORDER BY processor_name
                 """)
            .query((row, index) -> positions.put(row.getString("processor_name"), row.getLong("position")))
            .list();
        return positions;
    }

    public long committed(String readModel) {
        return committed().getOrDefault(readModel, 0L);
    }
}
