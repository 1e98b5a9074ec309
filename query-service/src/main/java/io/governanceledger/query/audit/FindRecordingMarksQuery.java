package io.governanceledger.query.audit;

/**
 * When a program's history was written: the last recording instant of each day (in {@code zone}) on
 * which one of its events was recorded, oldest first, for the marks of the time-travel slider. Answered
 * by a list of {@link java.time.Instant}, empty for an unknown program.
 */
public record FindRecordingMarksQuery(String programId, String zone) {}
