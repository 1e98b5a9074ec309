package io.governanceledger.query.changes;

import io.governanceledger.events.changes.ChangeRequestDetails;
import io.governanceledger.query.decisions.DecisionHistoryEntry;
import io.governanceledger.query.pointintime.AsOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A change request at a point: as raised, its assessments (the one it was submitted with, or the
 * latest, is {@code assessment}), the decision and its conditions (and the day it was revoked, after
 * which the request authorises nothing more), the trace of what implements it,
 * and its history (its events recorded by knownAt and effective by asOf, oldest first).
 */
public record ChangeRequestView(
        AsOf asOf,
        Instant knownAt,
        ChangeRequestSummaryView summary,
        ChangeRequestDetails details,
        String assessor,
        AssessmentView assessment,
        List<AssessmentView> assessments,
        String decidingBody,
        String conditions,
        String decidedBy,
        LocalDate authorityEndedOn,
        TraceView trace,
        List<DecisionHistoryEntry> history) {}
