package io.governanceledger.command.contracts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.contracts.AmendmentRules.Accepted;
import io.governanceledger.command.contracts.AmendmentRules.Verdict;
import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.command.decisions.DecisionStanding;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.changes.AmendmentCheck;
import io.governanceledger.events.changes.BaselineContract;
import io.governanceledger.events.contracts.AmendmentProposal;
import io.governanceledger.events.contracts.AmendmentRejectedEvent;
import io.governanceledger.events.contracts.CallOffPlacedEvent;
import io.governanceledger.events.contracts.ContractAmendedEvent;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.ContractTermEndedEvent;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.IndexValueRecordedEvent;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.PublicationNoticeRecordedEvent;
import io.governanceledger.events.contracts.RenewalNoticeDueEvent;
import io.governanceledger.events.contracts.RenewalNoticeOverdueEvent;
import io.governanceledger.events.contracts.RenewalNoticeRecordedEvent;
import io.governanceledger.events.contracts.ReviewClause;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A framework contract of a program: its terms, index values, call-offs and amendments. A proposed
 * amendment is judged by {@link AmendmentRules} on the contract's history: accepted, it changes the
 * value and term; refused, it is recorded as rejected with the rule and figures and changes nothing.
 */
@Aggregate(cache = "contractCache")
public class Contract {

    @AggregateIdentifier
    private String contractId;

    private String programId;
    private ContractTerms terms;
    private BigDecimal value;
    private LocalDate endDate;
    private BigDecimal calledOff = BigDecimal.ZERO;
    private final TreeMap<LocalDate, BigDecimal> indexValues = new TreeMap<>();
    private final List<Accepted> accepted = new ArrayList<>();
    private final TreeMap<LocalDate, BigDecimal> deltasInForceFrom = new TreeMap<>();
    private final Set<Integer> noticeOutstanding = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private LocalDate noticeRecordedFor;
    private LocalDate overdueFor;

    static final String NOTICE_DUE = "renewal-notice-due";
    static final String NOTICE_OVERDUE = "renewal-notice-overdue";
    static final String TERM_END = "contract-term-end";

    protected Contract() {
        // for event sourcing
    }

    @CommandHandler
    public Contract(
            RegisterContractCommand command,
            ProgramStanding programs,
            BusinessClock clock,
            DeadlineManager deadlines,
            ContractCalendar calendar) {
        ProgramFacts program = programs.requireOpen(command.programId());
        ContractTermsRules.check(command.terms(), program.currency());
        apply(
                new ContractRegisteredEvent(command.contractId(), command.programId(), command.terms()),
                existingFrom(clock, command.terms().startDate()));
        // the constructor's events are applied only after it returns: schedule from the command's terms
        scheduleDeadlines(command.terms(), command.terms().endDate(), deadlines, clock, calendar);
    }

    @CommandHandler
    public void handle(RecordIndexValueCommand command, ProgramStanding programs, BusinessClock clock) {
        requireInProgram(command.programId());
        programs.requireOpen(programId);
        if (terms.indexation() == null) {
            throw RuleViolationException.conflict(
                    "no-indexation-clause", "Contract " + terms.reference() + " has no indexation clause.");
        }
        if (command.value() == null || command.value().signum() <= 0) {
            throw RuleViolationException.invalid("positive", "value", "must be positive");
        }
        if (command.valueDate() == null) {
            throw RuleViolationException.invalid("required", "valueDate", "is required");
        }
        if (indexValues.containsKey(command.valueDate())) {
            throw RuleViolationException.conflict(
                    "index-value-exists",
                    "A value of " + terms.indexation().indexName() + " for " + command.valueDate()
                            + " is recorded; correct it with a new date's value.");
        }
        apply(
                new IndexValueRecordedEvent(
                        contractId, programId, terms.indexation().indexName(), command.value(), command.valueDate()),
                effectiveOn(clock, command.valueDate()));
    }

    @CommandHandler
    public AmendmentRuling handle(
            ProposeAmendmentCommand command,
            ProgramStanding programs,
            DecisionStanding decisions,
            ProcurementThresholds thresholds,
            BusinessClock clock,
            DeadlineManager deadlines,
            ContractCalendar calendar) {
        requireInProgram(command.programId());
        programs.requireOpen(programId);
        requireNew(command.amendmentId());
        AmendmentProposal proposal = command.proposal();
        checkProposal(proposal, clock);
        decisions.requireApproved(programId, proposal.authorisingDecisionId(), "authorisingDecisionId");
        Verdict verdict = judge(
                thresholds,
                proposal.legalBasis(),
                proposal.reviewClauseId(),
                proposal.valueDelta(),
                proposal.signedOn());
        MetaData effective = MetaData.with(
                LedgerMetaData.EFFECTIVE_AT,
                clock.startOf(proposal.effectiveFrom()).toString());
        if (!verdict.accepted()) {
            apply(
                    new AmendmentRejectedEvent(
                            contractId,
                            programId,
                            command.amendmentId(),
                            proposal,
                            verdict.rule(),
                            verdict.explanation(),
                            verdict.figures()),
                    effective);
            return AmendmentRuling.rejected(verdict.rule());
        }
        BigDecimal valueAfter = value.add(proposal.valueDelta());
        LocalDate endAfter = requireAmendable(proposal.valueDelta(), proposal.termDeltaMonths());
        boolean publication = proposal.legalBasis() == LegalBasis.ADDITIONAL_WORKS
                || proposal.legalBasis() == LegalBasis.UNFORESEEABLE_CIRCUMSTANCES;
        apply(
                new ContractAmendedEvent(
                        contractId,
                        programId,
                        command.amendmentId(),
                        accepted.size() + 1,
                        proposal,
                        verdict.figures(),
                        valueAfter,
                        endAfter,
                        publication),
                effective);
        if (proposal.termDeltaMonths() != 0) {
            deadlines.cancelAllWithinScope(NOTICE_DUE);
            deadlines.cancelAllWithinScope(NOTICE_OVERDUE);
            deadlines.cancelAllWithinScope(TERM_END);
            scheduleDeadlines(terms, endDate, deadlines, clock, calendar);
        }
        return AmendmentRuling.accepted();
    }

    /**
     * The verdict a proposal with this basis, value and signing date would get now, recording nothing
     * (a dry run for a change request's impact assessment, or before signing); refused as a proposal
     * would be if the value would fall below what is called off or the term would end before it starts.
     */
    @CommandHandler
    public AmendmentCheck handle(CheckAmendmentCommand command, ProcurementThresholds thresholds) {
        requireInProgram(command.programId());
        return check(
                thresholds,
                command.legalBasis(),
                command.reviewClauseId(),
                command.valueDelta(),
                command.termDeltaMonths(),
                command.signedOn());
    }

    AmendmentCheck check(
            ProcurementThresholds thresholds,
            LegalBasis basis,
            String reviewClauseId,
            BigDecimal valueDelta,
            int termDeltaMonths,
            LocalDate signedOn) {
        if (basis == null) {
            throw RuleViolationException.invalid("required", "legalBasis", "is required");
        }
        if (valueDelta == null || valueDelta.stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("cents", "valueDelta", "is required, with at most 2 decimals");
        }
        if (basis == LegalBasis.REVIEW_CLAUSE && (reviewClauseId == null || reviewClauseId.isBlank())) {
            throw RuleViolationException.invalid("required", "reviewClauseId", "is required for a review clause");
        }
        if (signedOn == null) {
            throw RuleViolationException.invalid("required", "signedOn", "is required");
        }
        if (signedOn.isBefore(terms.startDate())) {
            throw RuleViolationException.invalid(
                    "not-before-contract",
                    "signedOn",
                    "must not be before the contract started on " + terms.startDate());
        }
        Verdict verdict = judge(thresholds, basis, reviewClauseId, valueDelta, signedOn);
        if (verdict.accepted()) {
            requireAmendable(valueDelta, termDeltaMonths);
        }
        return new AmendmentCheck(basis, verdict.accepted(), verdict.rule(), verdict.explanation(), verdict.figures());
    }

    private Verdict judge(
            ProcurementThresholds thresholds,
            LegalBasis basis,
            String reviewClauseId,
            BigDecimal valueDelta,
            LocalDate signedOn) {
        return new AmendmentRules(thresholds)
                .judge(terms, indexOn(signedOn), accepted, basis, reviewClauseId, valueDelta, signedOn);
    }

    /** The end date after the change; a rule violation if the value would fall below what is called off. */
    private LocalDate requireAmendable(BigDecimal valueDelta, int termDeltaMonths) {
        BigDecimal valueAfter = value.add(valueDelta);
        if (valueAfter.compareTo(calledOff) < 0) {
            throw RuleViolationException.conflict(
                    "below-called-off",
                    "The value after this amendment, " + valueAfter + ", would be below the " + calledOff
                            + " already called off.");
        }
        LocalDate endAfter = endDate.plusMonths(termDeltaMonths);
        if (!endAfter.isAfter(terms.startDate())) {
            throw RuleViolationException.invalid(
                    "end-after-start",
                    "termDeltaMonths",
                    "would end the contract on " + endAfter + ", not after its start " + terms.startDate());
        }
        return endAfter;
    }

    /** What a baseline keeps of the contract: its value in force on the date. */
    BaselineContract baselineOn(LocalDate date) {
        return new BaselineContract(contractId, terms.reference(), valueOn(date), terms.currency());
    }

    boolean belongsTo(String requestedProgramId) {
        return contractId != null && programId.equals(requestedProgramId);
    }

    @CommandHandler
    public void handle(RecordPublicationNoticeCommand command, ProgramStanding programs, BusinessClock clock) {
        requireInProgram(command.programId());
        programs.requireOpen(programId);
        if (!noticeOutstanding.contains(command.amendmentNumber())) {
            throw RuleViolationException.conflict(
                    "no-notice-outstanding",
                    "Amendment " + command.amendmentNumber() + " of contract " + terms.reference()
                            + " awaits no publication notice.");
        }
        if (command.noticeReference() == null || command.noticeReference().isBlank()) {
            throw RuleViolationException.invalid("required", "noticeReference", "is required");
        }
        if (command.publishedOn() == null || command.publishedOn().isAfter(clock.today())) {
            throw RuleViolationException.invalid(
                    command.publishedOn() == null ? "required" : "not-in-future",
                    "publishedOn",
                    command.publishedOn() == null ? "is required" : "must not be in the future");
        }
        apply(
                new PublicationNoticeRecordedEvent(
                        contractId,
                        programId,
                        command.amendmentNumber(),
                        command.noticeReference(),
                        command.publishedOn()),
                effectiveOn(clock, command.publishedOn()));
    }

    @CommandHandler
    public void handle(PlaceCallOffCommand command, ProgramStanding programs, BusinessClock clock) {
        requireInProgram(command.programId());
        programs.requireOpen(programId);
        requireNew(command.callOffId());
        if (command.value() == null
                || command.value().signum() <= 0
                || command.value().stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("positive-cents", "value", "must be positive with at most 2 decimals");
        }
        if (command.placedOn() == null
                || command.placedOn().isBefore(terms.startDate())
                || command.placedOn().isAfter(endDate)) {
            throw RuleViolationException.invalid(
                    "within-term",
                    "placedOn",
                    "must lie within the contract's term, " + terms.startDate() + " to " + endDate);
        }
        BigDecimal inForce = valueOn(command.placedOn());
        if (calledOff.add(command.value()).compareTo(inForce) > 0) {
            throw RuleViolationException.conflict(
                    "exceeds-contract-value",
                    "Call-offs would total "
                            + calledOff.add(command.value()) + ", above the contract's value of " + inForce
                            + " in force on "
                            + command.placedOn() + ".");
        }
        apply(
                new CallOffPlacedEvent(
                        contractId,
                        programId,
                        command.callOffId(),
                        command.reference(),
                        command.value(),
                        command.placedOn()),
                effectiveOn(clock, command.placedOn()));
    }

    @CommandHandler
    public void handle(RecordRenewalNoticeCommand command, ProgramStanding programs, BusinessClock clock) {
        requireInProgram(command.programId());
        programs.requireOpen(programId);
        if (terms.renewalNoticeDays() == 0) {
            throw RuleViolationException.conflict(
                    "no-notice-period", "Contract " + terms.reference() + " has no renewal notice period.");
        }
        LocalDate deadline = noticeDeadline();
        if (deadline.equals(noticeRecordedFor)) {
            throw RuleViolationException.conflict(
                    "renewal-notice-recorded",
                    "The renewal notice for the deadline of " + deadline + " is already recorded.");
        }
        if (command.choice() == null) {
            throw RuleViolationException.invalid("required", "choice", "is required");
        }
        if (command.sentOn() == null || command.sentOn().isAfter(clock.today())) {
            throw RuleViolationException.invalid(
                    command.sentOn() == null ? "required" : "not-in-future",
                    "sentOn",
                    command.sentOn() == null ? "is required" : "must not be in the future");
        }
        apply(
                new RenewalNoticeRecordedEvent(
                        contractId,
                        programId,
                        command.choice(),
                        command.sentOn(),
                        deadline,
                        command.sentOn().isAfter(deadline)),
                effectiveOn(clock, command.sentOn()));
    }

    /** Warns before the renewal notice deadline, if no notice is recorded by then. */
    @DeadlineHandler(deadlineName = NOTICE_DUE)
    void onNoticeDue(String deadline, DeadlineMessage<?> message) {
        // both deadlines may be past when a contract is registered late: never warn "due" after "overdue"
        LocalDate current = noticeDeadline();
        if (deadline.equals(current.toString()) && !current.equals(noticeRecordedFor) && !current.equals(overdueFor)) {
            apply(
                    new RenewalNoticeDueEvent(contractId, programId, noticeDeadline()),
                    SystemAction.metaData(
                            message,
                            programId,
                            "Renewal notice of contract " + terms.reference() + " is due by " + deadline));
        }
    }

    @DeadlineHandler(deadlineName = NOTICE_OVERDUE)
    void onNoticeOverdue(String deadline, DeadlineMessage<?> message) {
        if (deadline.equals(String.valueOf(noticeDeadline()))
                && !noticeDeadline().equals(noticeRecordedFor)) {
            apply(
                    new RenewalNoticeOverdueEvent(contractId, programId, noticeDeadline()),
                    SystemAction.metaData(
                            message,
                            programId,
                            "No renewal notice of contract " + terms.reference() + " by " + deadline));
        }
    }

    @DeadlineHandler(deadlineName = TERM_END)
    void onTermEnd(String end, DeadlineMessage<?> message) {
        if (end.equals(endDate.toString())) {
            apply(
                    new ContractTermEndedEvent(contractId, programId, endDate),
                    SystemAction.metaData(
                            message, programId, "Contract " + terms.reference() + " reached the end of its term"));
        }
    }

    /** Deadlines carry the date they were set for; one left over from an earlier term changes nothing. */
    private static void scheduleDeadlines(
            ContractTerms terms,
            LocalDate endDate,
            DeadlineManager deadlines,
            BusinessClock clock,
            ContractCalendar calendar) {
        if (terms.renewalNoticeDays() > 0) {
            LocalDate deadline = endDate.minusDays(terms.renewalNoticeDays());
            deadlines.schedule(
                    clock.startOf(deadline.minusDays(calendar.renewalWarningDays())), NOTICE_DUE, deadline.toString());
            deadlines.schedule(clock.startOf(deadline.plusDays(1)), NOTICE_OVERDUE, deadline.toString());
        }
        deadlines.schedule(clock.startOf(endDate), TERM_END, endDate.toString());
    }

    private LocalDate noticeDeadline() {
        return endDate.minusDays(terms.renewalNoticeDays());
    }

    private void checkProposal(AmendmentProposal proposal, BusinessClock clock) {
        if (proposal == null || proposal.legalBasis() == null) {
            throw RuleViolationException.invalid("required", "legalBasis", "is required");
        }
        if (proposal.valueDelta() == null
                || proposal.valueDelta().stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("cents", "valueDelta", "is required, with at most 2 decimals");
        }
        if (proposal.legalBasis() == LegalBasis.REVIEW_CLAUSE
                && (proposal.reviewClauseId() == null
                        || proposal.reviewClauseId().isBlank())) {
            throw RuleViolationException.invalid("required", "reviewClauseId", "is required for a review clause");
        }
        if (proposal.signatories().isEmpty()) {
            throw RuleViolationException.invalid("required", "signatories", "at least one signatory is required");
        }
        if (proposal.signedOn() == null || proposal.effectiveFrom() == null) {
            throw RuleViolationException.invalid(
                    "required", proposal.signedOn() == null ? "signedOn" : "effectiveFrom", "is required");
        }
        if (proposal.signedOn().isAfter(clock.today())) {
            throw RuleViolationException.invalid("not-in-future", "signedOn", "must not be in the future");
        }
        if (proposal.signedOn().isBefore(terms.startDate())) {
            throw RuleViolationException.invalid(
                    "not-before-contract",
                    "signedOn",
                    "must not be before the contract " + "started on " + terms.startDate());
        }
        if (proposal.effectiveFrom().isBefore(proposal.signedOn())) {
            throw RuleViolationException.invalid(
                    "effective-not-before-signature",
                    "effectiveFrom",
                    "must not be before the signature on " + proposal.signedOn());
        }
        if (proposal.authorisingDecisionId() == null
                || proposal.authorisingDecisionId().isBlank()) {
            throw RuleViolationException.invalid("required", "authorisingDecisionId", "is required");
        }
    }

    /** The initial value plus the accepted amendments in force on the date. */
    private BigDecimal valueOn(LocalDate date) {
        return deltasInForceFrom.headMap(date, true).values().stream().reduce(terms.initialValue(), BigDecimal::add);
    }

    /** The latest index value published on or before the date. */
    private BigDecimal indexOn(LocalDate date) {
        var entry = indexValues.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    private void requireNew(String id) {
        if (ids.contains(id)) {
            throw RuleViolationException.conflict(
                    "id-taken", "Contract " + terms.reference() + " already has a record '" + id + "'.");
        }
    }

    private void requireInProgram(String requestedProgramId) {
        if (contractId == null || !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound(
                    "unknown-contract", "contractId", "Program " + requestedProgramId + " has no such contract.");
        }
    }

    @EventSourcingHandler
    void on(ContractRegisteredEvent event) {
        contractId = event.contractId();
        programId = event.programId();
        terms = event.terms();
        value = event.terms().initialValue();
        endDate = event.terms().endDate();
    }

    @EventSourcingHandler
    void on(IndexValueRecordedEvent event) {
        indexValues.put(event.valueDate(), event.value());
    }

    @EventSourcingHandler
    void on(ContractAmendedEvent event) {
        ids.add(event.amendmentId());
        accepted.add(new Accepted(
                event.proposal().legalBasis(),
                event.proposal().reviewClauseId(),
                event.proposal().valueDelta()));
        value = event.valueAfter();
        endDate = event.endDateAfter();
        deltasInForceFrom.merge(
                event.proposal().effectiveFrom(), event.proposal().valueDelta(), BigDecimal::add);
        if (event.publicationRequired()) {
            noticeOutstanding.add(event.number());
        }
    }

    @EventSourcingHandler
    void on(AmendmentRejectedEvent event) {
        ids.add(event.amendmentId());
    }

    @EventSourcingHandler
    void on(PublicationNoticeRecordedEvent event) {
        noticeOutstanding.remove(event.amendmentNumber());
    }

    @EventSourcingHandler
    void on(RenewalNoticeOverdueEvent event) {
        overdueFor = event.deadline();
    }

    @EventSourcingHandler
    void on(RenewalNoticeRecordedEvent event) {
        noticeRecordedFor = event.deadline();
    }

    @EventSourcingHandler
    void on(CallOffPlacedEvent event) {
        ids.add(event.callOffId());
        calledOff = calledOff.add(event.value());
    }

    /** Review clauses are referred to by id, so ids must be unique. */
    static boolean uniqueClauseIds(List<ReviewClause> clauses) {
        return clauses.stream().map(ReviewClause::clauseId).distinct().count() == clauses.size();
    }

    /** A fact dated {@code date} is effective from the start of that business day. */
    private static MetaData effectiveOn(BusinessClock clock, java.time.LocalDate date) {
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, clock.startOf(date).toString());
    }

    /** A contract is on record from its start, or from its registration if it starts later. */
    private static MetaData existingFrom(BusinessClock clock, java.time.LocalDate startDate) {
        java.time.Instant start = clock.startOf(startDate);
        return MetaData.with(
                LedgerMetaData.EFFECTIVE_AT, (start.isBefore(clock.now()) ? start : clock.now()).toString());
    }
}
