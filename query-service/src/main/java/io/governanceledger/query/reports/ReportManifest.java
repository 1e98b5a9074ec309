package io.governanceledger.query.reports;

import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.util.Map;

/**
 * What a report was produced from and how to produce it again: the same report, program, position
 * and asOf give the same content, whose SHA-256 is stated.
 *
 * @param firstPosition           always 1: a report covers the ledger from its start
 * @param lastPosition            the last ledger position included (every event recorded by knownAt)
 * @param chainHash               the ledger's hash chain at lastPosition, tying the report to the sealed history
 * @param knownAt                 the recorded time of lastPosition
 * @param eventSchemaVersions     each event type's revision as read (older revisions are upcast to these)
 * @param projectionSchemaVersion the read models' migration version
 * @param contentSha256           hex SHA-256 of the content's UTF-8 bytes
 */
public record ReportManifest(
        String report,
        String programId,
        long firstPosition,
        long lastPosition,
        String chainHash,
        Instant knownAt,
        AsOf asOf,
        Map<String, String> eventSchemaVersions,
        String projectionSchemaVersion,
        String mediaType,
        long rows,
        long contentBytes,
        String contentSha256) {}
