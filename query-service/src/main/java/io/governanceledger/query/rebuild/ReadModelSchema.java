package io.governanceledger.query.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.List;

/**
 * Copies of the read models' tables and the views over them, for the rebuild and the replay
 * reference, which both fill empty copies of schema {@code projections} elsewhere.
 */
public final class ReadModelSchema {

    private ReadModelSchema() {
    }

    /** A view of schema {@code projections}, its definition naming tables as the search path finds them. */
    public record View(String name, String definition) {
    }

    /** Creates schema {@code scratch} with empty copies (columns, constraints, indexes) of {@code tables}. */
    public static void copyTables(JdbcClient jdbc, String scratch, Collection<String> tables) {
        jdbc.sql("CREATE SCHEMA " + scratch).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + scratch + "." + table + " (LIKE projections." + table + " INCLUDING ALL)").update();
        }
    }

    /** Every read-model table (all but Flyway's history and the tokens). */
    public static List<String> allTables() {
        return ReadModels.TABLES.values().stream().flatMap(List::stream).toList();
    }

    /** The views of schema {@code projections}; read while the search path is {@code projections}. */
    public static List<View> views(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT viewname, pg_get_viewdef(format('projections.%I', viewname)::regclass) AS definition
                        FROM pg_views WHERE schemaname = 'projections'
                        """)
                   .query((row, index) -> new View(row.getString("viewname"), row.getString("definition")))
                   .list();
    }

    /** Creates the views in {@code schema}, over the tables its definitions find on the current search path. */
    public static void createViews(JdbcClient jdbc, String schema, List<View> views) {
        for (View view : views) {
            jdbc.sql("CREATE VIEW " + schema + "." + view.name() + " AS " + view.definition()).update();
        }
    }
}
