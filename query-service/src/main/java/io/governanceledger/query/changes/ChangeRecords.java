package io.governanceledger.query.changes;

import io.governanceledger.query.timeline.RecordVersions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The five kinds of change-control record on both clocks, and their ids: a change request, a
 * milestone, a baseline and an exception are known by their program's id and their own; the plan
 * (scope items, tolerances) by its program's id.
 */
final class ChangeRecords {

    final RecordVersions<ChangeRequestState> requests;
    final RecordVersions<MilestoneState> milestones;
    final RecordVersions<BaselineState> baselines;
    final RecordVersions<ExceptionState> exceptions;
    final RecordVersions<ChangePlanState> plans;

    ChangeRecords(JdbcClient jdbc) {
        requests = new RecordVersions<>(
                jdbc,
                "change_request",
                ChangeRequestState.class,
                ChangeRequestState::fold,
                ChangeRequestState::indexedColumns);
        milestones = new RecordVersions<>(
                jdbc, "milestone", MilestoneState.class, MilestoneState::fold, MilestoneState::indexedColumns);
        baselines = new RecordVersions<>(
                jdbc, "baseline", BaselineState.class, BaselineState::fold, BaselineState::indexedColumns);
        exceptions = new RecordVersions<>(
                jdbc,
                "tolerance_exception",
                ExceptionState.class,
                ExceptionState::fold,
                ExceptionState::indexedColumns);
        plans = new RecordVersions<>(
                jdbc, "change_plan", ChangePlanState.class, ChangePlanState::fold, ChangePlanState::indexedColumns);
    }

    static String id(String programId, String ownId) {
        return programId + "/" + ownId;
    }

    static String baselineId(String programId, int number) {
        return programId + "/B" + number;
    }
}
