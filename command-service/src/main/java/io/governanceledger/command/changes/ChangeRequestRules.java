package io.governanceledger.command.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.CostImpact;
import io.governanceledger.events.changes.ScheduleImpact;
import io.governanceledger.support.messaging.RuleViolationException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The rules of a change request's life inside {@link ProgramChanges}, and what it keeps of one. */
final class ChangeRequestRules {

    /** A change request can be withdrawn until it is decided. */
    static final Set<ChangeRequestStatus> UNDECIDED = EnumSet.of(
            ChangeRequestStatus.RAISED,
            ChangeRequestStatus.UNDER_ASSESSMENT,
            ChangeRequestStatus.ASSESSED,
            ChangeRequestStatus.SUBMITTED,
            ChangeRequestStatus.DEFERRED);

    /** Statuses in which an approved change request authorises movements, amendments, scope and baselines. */
    static final Set<ChangeRequestStatus> AUTHORISING =
            EnumSet.of(ChangeRequestStatus.APPROVED, ChangeRequestStatus.IMPLEMENTING);

    private ChangeRequestRules() {}

    /** Each line once, each amount other than zero, to the cent. */
    static void requireCosts(List<CostImpact> costs, Predicate<String> knownLine) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < costs.size(); i++) {
            CostImpact cost = costs.get(i);
            String field = "costs[" + i + "]";
            if (!knownLine.test(cost.lineId())) {
                throw RuleViolationException.invalid(
                        "unknown-budget-line",
                        field + ".lineId",
                        "the program has no budget line '" + cost.lineId() + "'");
            }
            if (!seen.add(cost.lineId())) {
                throw RuleViolationException.invalid("unique", field + ".lineId", "names a line already assessed");
            }
            if (cost.amount().signum() == 0) {
                throw RuleViolationException.invalid("non-zero", field + ".amount", "must not be zero");
            }
        }
    }

    /** Each milestone once, each shift other than zero days. */
    static void requireSchedule(List<ScheduleImpact> schedule, Predicate<String> knownMilestone) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < schedule.size(); i++) {
            ScheduleImpact impact = schedule.get(i);
            String field = "schedule[" + i + "]";
            if (!knownMilestone.test(impact.milestoneId())) {
                throw RuleViolationException.invalid(
                        "unknown-milestone",
                        field + ".milestoneId",
                        "the program has no milestone '" + impact.milestoneId() + "'");
            }
            if (!seen.add(impact.milestoneId())) {
                throw RuleViolationException.invalid(
                        "unique", field + ".milestoneId", "names a milestone already assessed");
            }
            if (impact.days() == 0) {
                throw RuleViolationException.invalid("non-zero", field + ".days", "must not be zero");
            }
        }
    }

    /** What {@link ProgramChanges} keeps of one change request. */
    static final class Request implements Comparable<Request> {

        private final String id;
        private final int number;
        private ChangeRequestStatus status = ChangeRequestStatus.RAISED;
        private int assessments;
        private String decisionId;
        private final java.util.Map<Integer, io.governanceledger.events.changes.ImpactAssessment> impacts =
                new java.util.HashMap<>();
        private int submittedRevision;
        /** Approved since the current baseline was captured: its assessed impact is part of the approved plan. */
        private boolean approvedSinceBaseline;
        /** When it was last submitted to a decision, on the record: its decision takes effect no earlier. */
        private java.time.Instant submittedAt;
        /** It made a baseline: a change request makes one at most. */
        private boolean madeBaseline;
        /** The decision that approved it was revoked: it authorises nothing more. */
        private boolean authorityEnded;

        private final java.time.Instant raisedAt;

        Request(String id, int number, java.time.Instant raisedAt) {
            this.id = id;
            this.number = number;
            this.raisedAt = raisedAt;
        }

        /** When the request took effect on the record: nothing about it takes effect earlier. */
        java.time.Instant raisedAt() {
            return raisedAt;
        }

        String id() {
            return id;
        }

        ChangeRequestStatus status() {
            return status;
        }

        int assessments() {
            return assessments;
        }

        /** The decision it was last submitted to. */
        String decisionId() {
            return decisionId;
        }

        boolean isSubmittedTo(String decision) {
            return status == ChangeRequestStatus.SUBMITTED && decision.equals(decisionId);
        }

        boolean authorises() {
            return AUTHORISING.contains(status) && !authorityEnded;
        }

        /** It authorises now, by an approval of {@code decision}. */
        boolean authorisesBy(String decision) {
            return authorises() && decision.equals(decisionId);
        }

        void authorityEnded() {
            authorityEnded = true;
            approvedSinceBaseline = false;
        }

        void requireStatus(String change, ChangeRequestStatus... allowed) {
            requireStatus(change, EnumSet.copyOf(List.of(allowed)));
        }

        void requireStatus(String change, Set<ChangeRequestStatus> allowed) {
            if (!allowed.contains(status)) {
                throw RuleViolationException.conflict(
                        "change-request-" + status.name().toLowerCase().replace('_', '-'),
                        id + " is " + status + "; only a change request that is " + allowed + " can be " + change
                                + ".");
            }
        }

        void status(ChangeRequestStatus newStatus) {
            status = newStatus;
        }

        void assessed(int revision, io.governanceledger.events.changes.ImpactAssessment impact) {
            assessments = revision;
            impacts.put(revision, impact);
            status = ChangeRequestStatus.ASSESSED;
        }

        void submittedTo(String decision, int revision, java.time.Instant at) {
            decisionId = decision;
            submittedRevision = revision;
            submittedAt = at;
            status = ChangeRequestStatus.SUBMITTED;
        }

        java.time.Instant submittedAt() {
            return submittedAt != null ? submittedAt : raisedAt;
        }

        boolean madeBaseline() {
            return madeBaseline;
        }

        /** A baseline was captured: by this request, or with this request's implementation complete, it is in it. */
        void baselined(String byChangeRequest) {
            if (id.equals(byChangeRequest)) {
                madeBaseline = true;
                approvedSinceBaseline = false;
            } else if (status == ChangeRequestStatus.IMPLEMENTED || status == ChangeRequestStatus.CLOSED) {
                approvedSinceBaseline = false;
            }
        }

        void decided(ChangeRequestStatus outcome) {
            status = outcome;
            approvedSinceBaseline = outcome == ChangeRequestStatus.APPROVED;
        }

        /** The impact it was approved with, while it is not in a baseline yet (else null). */
        io.governanceledger.events.changes.ImpactAssessment approvedImpact() {
            return approvedSinceBaseline && status != ChangeRequestStatus.WITHDRAWN
                    ? impacts.get(submittedRevision)
                    : null;
        }

        @Override
        public int compareTo(Request other) {
            return Integer.compare(number, other.number);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Request request
                    && id.equals(request.id)
                    && status == request.status
                    && assessments == request.assessments
                    && submittedRevision == request.submittedRevision
                    && approvedSinceBaseline == request.approvedSinceBaseline
                    && madeBaseline == request.madeBaseline
                    && authorityEnded == request.authorityEnded
                    && java.util.Objects.equals(submittedAt, request.submittedAt)
                    && impacts.equals(request.impacts)
                    && java.util.Objects.equals(decisionId, request.decisionId);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}
