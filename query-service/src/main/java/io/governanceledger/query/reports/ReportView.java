package io.governanceledger.query.reports;

/** A reproducible report: its manifest and its content (CSV text). */
public record ReportView(ReportManifest manifest, String content) {}
