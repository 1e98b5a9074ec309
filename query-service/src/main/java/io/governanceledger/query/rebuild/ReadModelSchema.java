package io.governanceledger.query.rebuild;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies of the read models' tables and the views over them, for the rebuild and the replay
 * reference, which both fill empty copies of schema {@code projections} elsewhere.
 */
public final class ReadModelSchema {

    private ReadModelSchema() {}

    /** A view of schema {@code projections}, its definition naming tables as the search path finds them. */
    public record View(String name, String definition) {}

    /** Creates schema {@code scratch} with empty copies (columns, constraints, indexes) of {@code tables}. */
    public static void copyTables(JdbcClient jdbc, String scratch, Collection<String> tables) {
        jdbc.sql("CREATE SCHEMA " + scratch).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE " + scratch + "." + table + " (LIKE projections." + table + " INCLUDING ALL)")
                    .update();
        }
    }

    /**
     * For a bulk load into fresh copies made by {@link #copyTables}: makes them unlogged and drops the
     * indexes that the load itself does not read (all but constraints and the partial indexes of open
     * versions), returning what {@link #finishBulkLoad} needs to put them back, per table. Building an
     * index once over a loaded table costs a fraction of maintaining it row by row, and an unlogged table
     * writes no WAL per row; a crash during the load loses only the scratch copy, which a rebuild drops
     * anyway.
     */
    // the benchmark's floor (Benchmark.rowFloor) keeps and defers the same indexes: change both together
    public static Map<String, List<String>> prepareBulkLoad(
            JdbcClient jdbc, String scratch, Collection<String> tables) {
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + scratch + "." + table + " SET UNLOGGED").update();
        }
        Map<String, List<String>> deferred = new LinkedHashMap<>();
        tables.forEach(table -> deferred.put(table, new ArrayList<>()));
        for (IndexCopy index : indexCopies(jdbc, scratch, tables)) {
            if (!index.unique() && !index.definition().contains("WHERE (known_until_position IS NULL)")) {
                jdbc.sql("DROP INDEX " + scratch + "." + index.copy()).update();
                deferred.get(index.table())
                        .add(index.definition().replaceFirst(" ON projections\\.", " ON " + scratch + "."));
            }
        }
        return deferred;
    }

    /** An index of a read-model table and its counterpart, of the same definition, on the scratch copy. */
    public record IndexCopy(String table, String name, String definition, String copy) {

        boolean unique() {
            return definition.startsWith("CREATE UNIQUE");
        }
    }

    /** Each index of {@code tables} in schema {@code projections} with the index of the same definition on the scratch copy. */
    public static List<IndexCopy> indexCopies(JdbcClient jdbc, String scratch, Collection<String> tables) {
        return jdbc.sql("""
                        SELECT o.tablename, o.indexname, o.indexdef, n.indexname AS copy
                        FROM pg_indexes o
                        JOIN pg_indexes n ON n.schemaname = :scratch AND n.tablename = o.tablename
                         AND regexp_replace(n.indexdef, '^.* USING ', '') = regexp_replace(o.indexdef, '^.* USING ', '')
                         AND (n.indexdef LIKE 'CREATE UNIQUE%') = (o.indexdef LIKE 'CREATE UNIQUE%')
                        WHERE o.schemaname = 'projections' AND o.tablename IN (:tables)
                        """)
                .param("scratch", scratch)
                .param("tables", tables)
                .query((row, index) -> new IndexCopy(
                        row.getString("tablename"),
                        row.getString("indexname"),
                        row.getString("indexdef"),
                        row.getString("copy")))
                .list();
    }

    /**
     * Finishes one table of a bulk load, outside any transaction (VACUUM needs that): logs it again, then
     * builds the indexes {@link #prepareBulkLoad} dropped from it, under their original names, then
     * vacuums and analyses it. Logging comes first because logging an unlogged table rewrites it and
     * rebuilds every index it has: an index built before would be built twice. The vacuum and analysis
     * give the table statistics and a visibility map before its first query, and leave autovacuum
     * nothing to do on it while the swap moves it (a worker did once: its wait on the swap's catalog
     * rows and the swap's wait on its table lock made a deadlock, which cost the swap a second and a retry).
     */
    public static void finishBulkLoad(JdbcClient jdbc, String scratch, String table, List<String> deferred) {
        jdbc.sql("ALTER TABLE " + scratch + "." + table + " SET LOGGED").update();
        deferred.forEach(definition -> jdbc.sql(definition).update());
        jdbc.sql("VACUUM (ANALYZE) " + scratch + "." + table).update();
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
            jdbc.sql("CREATE VIEW " + schema + "." + view.name() + " AS " + view.definition())
                    .update();
        }
    }
}
