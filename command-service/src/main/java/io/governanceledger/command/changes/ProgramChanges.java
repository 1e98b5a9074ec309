package io.governanceledger.command.changes;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.budget.BudgetFigures;
import io.governanceledger.command.contracts.ContractFacts;
import io.governanceledger.command.decisions.DecisionFacts;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.changes.AffectedItem;
import io.governanceledger.events.changes.AmendmentCheck;
import io.governanceledger.events.changes.BaselineCapturedEvent;
import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.events.changes.BaselineCost;
import io.governanceledger.events.changes.BaselineMilestone;
import io.governanceledger.events.changes.BaselineScopeItem;
import io.governanceledger.events.changes.ChangeAssessmentStartedEvent;
import io.governanceledger.events.changes.ChangeImplementationStartedEvent;
import io.governanceledger.events.changes.ChangeRequestAssessedEvent;
import io.governanceledger.events.changes.ChangeRequestAuthorityEndedEvent;
import io.governanceledger.events.changes.ChangeRequestClosedEvent;
import io.governanceledger.events.changes.ChangeRequestDecidedEvent;
import io.governanceledger.events.changes.ChangeRequestImplementedEvent;
import io.governanceledger.events.changes.ChangeRequestRaisedEvent;
import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeRequestSubmittedEvent;
import io.governanceledger.events.changes.ChangeRequestWithdrawnEvent;
import io.governanceledger.events.changes.ContractImpact;
import io.governanceledger.events.changes.ImpactAssessment;
import io.governanceledger.events.changes.MilestoneAchievedEvent;
import io.governanceledger.events.changes.MilestoneDefinedEvent;
import io.governanceledger.events.changes.MilestoneDependencyAddedEvent;
import io.governanceledger.events.changes.MilestoneDependencyRemovedEvent;
import io.governanceledger.events.changes.MilestoneForecastChangedEvent;
import io.governanceledger.events.changes.ScopeItemAddedEvent;
import io.governanceledger.events.changes.ScopeItemRemovedEvent;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceExceptionDecidedEvent;
import io.governanceledger.events.changes.ToleranceExceptionRaisedEvent;
import io.governanceledger.events.changes.Tolerances;
import io.governanceledger.events.changes.TolerancesSetEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A program's change control: its change requests (numbered CR-1, CR-2, ...), milestones, scope
 * items, baselines (numbered), tolerances and exceptions (numbered EX-1, ...). The rules of a change
 * request's life are {@link ChangeRequestRules}; those of the plan (milestones, scope, baselines) are
 * {@link PlanRules}; the tolerance check is {@link ToleranceCheck}. After anything that moves a
 * forecast or the baseline, the ledger raises an exception for each forecast newly outside tolerance.
 */
@Aggregate(cache = "changesCache")
public class ProgramChanges {

    @AggregateIdentifier
    private String changesId;

    private String programId;
    private final Map<String, ChangeRequestRules.Request> requests = new HashMap<>();
    private final Map<String, PlanRules.Milestone> milestones = new TreeMap<>();
    private final Map<String, String> scope = new TreeMap<>();
    private final Set<String> scopeIdsUsed = new HashSet<>();
    private BaselineCapturedEvent baseline;
    private Tolerances tolerances;
    private final Exceptions exceptions = new Exceptions();

    protected ProgramChanges() {
        // for event sourcing, and for the first command of a program's change control
    }

    public static String idOf(String programId) {
        return programId + "/changes";
    }

    // ---- change requests

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(
            RaiseChangeRequestCommand command,
            ProgramStanding programs,
            BudgetFigures budget,
            ContractFacts contracts) {
        programs.requireOpen(command.programId());
        requireProgram(command.programId());
        List<AffectedItem> affected = command.details().affected();
        Set<AffectedItem> named = new HashSet<>();
        for (int i = 0; i < affected.size(); i++) {
            String field = "affected[" + i + "].reference";
            if (!named.add(affected.get(i))) {
                throw RuleViolationException.invalid("unique", field, "names an item already named");
            }
            requireAffected(command.programId(), affected.get(i), field, budget, contracts);
        }
        int number = requests.size() + 1;
        String id = "CR-" + number;
        apply(new ChangeRequestRaisedEvent(command.programId(), id, number, command.details()));
        return id;
    }

    @CommandHandler
    public void handle(
            StartChangeAssessmentCommand command,
            ProgramStanding programs,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        ChangeRequestRules.Request request = open(command.programId(), command.changeRequestId(), programs);
        request.requireStatus("taken up for assessment", ChangeRequestStatus.RAISED, ChangeRequestStatus.DEFERRED);
        apply(new ChangeAssessmentStartedEvent(programId, request.id(), actor));
    }

    @CommandHandler
    public int handle(
            AssessChangeRequestCommand command,
            ProgramStanding programs,
            BudgetFigures budget,
            ContractFacts contracts,
            BusinessClock clock,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        ChangeRequestRules.Request request = open(command.programId(), command.changeRequestId(), programs);
        request.requireStatus("assessed", ChangeRequestStatus.UNDER_ASSESSMENT, ChangeRequestStatus.ASSESSED);
        ChangeRequestRules.requireCosts(command.costs(), line -> budget.hasLine(programId, line));
        ChangeRequestRules.requireSchedule(command.schedule(), milestones::containsKey);
        ContractImpact contract = null;
        ContractChange change = command.contract();
        if (change != null) {
            AmendmentCheck check = contracts.check(
                    programId,
                    change.contractId(),
                    change.legalBasis(),
                    change.reviewClauseId(),
                    change.valueDelta(),
                    change.termDeltaMonths(),
                    change.signedOn() != null ? change.signedOn() : clock.today());
            contract = new ContractImpact(
                    change.contractId(),
                    change.reviewClauseId(),
                    change.valueDelta(),
                    change.termDeltaMonths(),
                    change.signedOn() != null ? change.signedOn() : clock.today(),
                    check);
        }
        int revision = request.assessments() + 1;
        apply(new ChangeRequestAssessedEvent(
                programId,
                request.id(),
                revision,
                actor,
                new ImpactAssessment(
                        command.costs(),
                        command.schedule(),
                        command.scope(),
                        command.risk(),
                        command.options(),
                        contract)));
        return revision;
    }

    @CommandHandler
    public void handle(SubmitChangeRequestCommand command, ProgramStanding programs, DecisionFacts decisions) {
        ChangeRequestRules.Request request = open(command.programId(), command.changeRequestId(), programs);
        request.requireStatus("submitted", ChangeRequestStatus.ASSESSED, ChangeRequestStatus.DEFERRED);
        if (request.assessments() == 0) {
            throw RuleViolationException.conflict(
                    "assessment-required", request.id() + " has no impact assessment to decide on.");
        }
        String body = decisions.requireOpen(programId, command.decisionId(), "decisionId");
        apply(new ChangeRequestSubmittedEvent(
                programId, request.id(), command.decisionId(), body, request.assessments()));
    }

    @CommandHandler
    public void handle(WithdrawChangeRequestCommand command, ProgramStanding programs) {
        ChangeRequestRules.Request request = open(command.programId(), command.changeRequestId(), programs);
        request.requireStatus("withdrawn", ChangeRequestRules.UNDECIDED);
        apply(new ChangeRequestWithdrawnEvent(programId, request.id(), request.status()));
    }

    @CommandHandler
    public void handle(AdvanceChangeRequestCommand command, ProgramStanding programs) {
        ChangeRequestRules.Request request = open(command.programId(), command.changeRequestId(), programs);
        switch (command.to()) {
            case IMPLEMENTING -> {
                request.requireStatus("taken into implementation", ChangeRequestStatus.APPROVED);
                apply(new ChangeImplementationStartedEvent(programId, request.id()));
            }
            case IMPLEMENTED -> {
                request.requireStatus("marked implemented", ChangeRequestStatus.IMPLEMENTING);
                apply(new ChangeRequestImplementedEvent(programId, request.id()));
            }
            case CLOSED -> {
                request.requireStatus("closed", ChangeRequestStatus.IMPLEMENTED);
                apply(new ChangeRequestClosedEvent(programId, request.id()));
            }
            default ->
                throw RuleViolationException.invalid(
                        "one-of",
                        "to",
                        "must be IMPLEMENTING, IMPLEMENTED or CLOSED; a change request is decided only through"
                                + " the decision it was submitted to");
        }
    }

    /**
     * Asked by {@link ChangeControlPolicy} in the unit of work of a decision: the change requests
     * submitted to it are approved, rejected or deferred with it.
     */
    void decisionTaken(
            String decisionId, DecisionStatus outcome, LocalDate decidedOn, String conditions, BusinessClock clock) {
        if (outcome == DecisionStatus.REVOKED) {
            requests.values().stream()
                    .filter(request -> request.authorisesBy(decisionId))
                    .sorted()
                    .toList()
                    .forEach(request -> apply(
                            new ChangeRequestAuthorityEndedEvent(programId, request.id(), decisionId, decidedOn),
                            org.axonframework.messaging.MetaData.with(
                                    LedgerMetaData.EFFECTIVE_AT,
                                    latest(clock.startOf(decidedOn), request.submittedAt())
                                            .toString())));
            return;
        }
        ChangeRequestStatus status = switch (outcome) {
            case APPROVED -> ChangeRequestStatus.APPROVED;
            case REJECTED -> ChangeRequestStatus.REJECTED;
            case DEFERRED -> ChangeRequestStatus.DEFERRED;
            default -> null;
        };
        if (status == null) {
            return;
        }
        requests.values().stream()
                .filter(request -> request.isSubmittedTo(decisionId))
                .sorted()
                .toList()
                .forEach(request -> apply(
                        new ChangeRequestDecidedEvent(
                                programId, request.id(), decisionId, status, decidedOn, conditions),
                        // decided when the decision was (as the decision log shows it), but never before the request
                        // was submitted to it: a meeting's minutes entered late do not decide a request earlier
                        org.axonframework.messaging.MetaData.with(
                                LedgerMetaData.EFFECTIVE_AT,
                                latest(clock.startOf(decidedOn), request.submittedAt())
                                        .toString())));
    }

    boolean hasMilestone(String milestoneId) {
        return milestones.containsKey(milestoneId);
    }

    java.util.Set<PlanRules.Dependency> dependenciesOf(String milestoneId) {
        PlanRules.Milestone milestone = milestones.get(milestoneId);
        return milestone == null ? java.util.Set.of() : milestone.dependsOn();
    }

    /** True if the change request may authorise records now: approved, or being implemented. */
    boolean authorises(String changeRequestId) {
        ChangeRequestRules.Request request = requests.get(changeRequestId);
        return request != null && request.authorises();
    }

    // ---- milestones and scope

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineMilestoneCommand command, ProgramStanding programs) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        PlanRules.requireNewMilestone(command, milestones.keySet(), program);
        apply(new MilestoneDefinedEvent(
                command.programId(),
                command.milestoneId(),
                command.name().strip(),
                command.owner().strip(),
                command.plannedDate()));
    }

    @CommandHandler
    public void handle(
            ReforecastMilestoneCommand command, ProgramStanding programs, BudgetFigures budget, BusinessClock clock) {
        ProgramFacts program = openProgram(command.programId(), programs);
        PlanRules.Milestone milestone = PlanRules.requireMilestone(milestones, command.milestoneId());
        PlanRules.requireReforecast(milestone, command.forecastDate(), program);
        if (command.changeRequestId() != null) {
            requireAuthorising(command.changeRequestId(), "changeRequestId");
        }
        apply(new MilestoneForecastChangedEvent(
                programId,
                milestone.id(),
                milestone.forecast(),
                command.forecastDate(),
                command.reason().strip(),
                command.changeRequestId()));
        raiseExceptions(null, clock);
    }

    @CommandHandler
    public void handle(AchieveMilestoneCommand command, ProgramStanding programs, BusinessClock clock) {
        ProgramFacts program = openProgram(command.programId(), programs);
        PlanRules.Milestone milestone = PlanRules.requireMilestone(milestones, command.milestoneId());
        PlanRules.requireAchievable(milestone, command.actualDate(), program, clock.today());
        apply(new MilestoneAchievedEvent(programId, milestone.id(), command.actualDate()));
        raiseExceptions(null, clock);
    }

    @CommandHandler
    public void handle(LinkMilestoneCommand command, ProgramStanding programs, MilestoneDirectory directory) {
        openProgram(command.programId(), programs);
        PlanRules.Milestone milestone = PlanRules.requireMilestone(milestones, command.milestoneId());
        String otherProgram = command.dependsOnProgramId() == null ? programId : command.dependsOnProgramId();
        PlanRules.Dependency dependency = new PlanRules.Dependency(otherProgram, command.dependsOnMilestoneId());
        if (command.remove()) {
            if (!milestone.dependsOn().contains(dependency)) {
                throw RuleViolationException.notFound(
                        "unknown-dependency",
                        "dependsOnMilestoneId",
                        milestone.id() + " does not depend on " + dependency + ".");
            }
            apply(new MilestoneDependencyRemovedEvent(
                    programId, milestone.id(), otherProgram, command.dependsOnMilestoneId()));
            return;
        }
        boolean known = otherProgram.equals(programId)
                ? milestones.containsKey(command.dependsOnMilestoneId())
                : directory.hasMilestone(otherProgram, command.dependsOnMilestoneId());
        PlanRules.requireLinkable(
                milestone,
                dependency,
                known,
                programId,
                (program, id) ->
                        program.equals(programId) ? dependenciesOf(id) : directory.dependenciesOf(program, id));
        apply(new MilestoneDependencyAddedEvent(
                programId, milestone.id(), otherProgram, command.dependsOnMilestoneId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddScopeItemCommand command, ProgramStanding programs, BusinessClock clock) {
        programs.requireOpen(command.programId());
        requireProgram(command.programId());
        if (scopeIdsUsed.contains(command.itemId())) {
            throw RuleViolationException.conflict(
                    "scope-item-exists", "Scope item " + command.itemId() + " exists or existed; use a new id.");
        }
        requireChangeAfterBaseline(command.changeRequestId());
        apply(new ScopeItemAddedEvent(
                command.programId(),
                command.itemId(),
                command.name().strip(),
                command.description() == null ? null : command.description().strip(),
                command.changeRequestId()));
        raiseExceptions(null, clock);
    }

    @CommandHandler
    public void handle(RemoveScopeItemCommand command, ProgramStanding programs, BusinessClock clock) {
        openProgram(command.programId(), programs);
        if (!scope.containsKey(command.itemId())) {
            throw RuleViolationException.notFound(
                    "unknown-scope-item",
                    "itemId",
                    "Program " + programId + " has no scope item '" + command.itemId() + "'.");
        }
        requireChangeAfterBaseline(command.changeRequestId());
        apply(new ScopeItemRemovedEvent(programId, command.itemId(), command.changeRequestId()));
        raiseExceptions(null, clock);
    }

    // ---- baselines, tolerances, exceptions

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(
            CaptureBaselineCommand command,
            ProgramStanding programs,
            DecisionFacts decisions,
            BudgetFigures budget,
            ContractFacts contracts,
            BusinessClock clock) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        // the field is still null when the baseline is the program's first record of change control
        String programId = command.programId();
        String decisionId = command.decisionId();
        if (baseline == null && command.changeRequestId() == null) {
            if (decisionId == null) {
                throw RuleViolationException.invalid(
                        "required", "decisionId", "is required: the first baseline is approved by a decision");
            }
            decisions.requireApproved(programId, decisionId, "decisionId");
        } else {
            // re-baselining only through an approved change request, decided by its decision
            if (command.changeRequestId() == null) {
                throw RuleViolationException.invalid(
                        "change-request-required",
                        "changeRequestId",
                        "is required: baseline " + baseline.number()
                                + " exists, and the next is made only by an approved change request");
            }
            ChangeRequestRules.Request request = requireAuthorising(command.changeRequestId(), "changeRequestId");
            if (request.madeBaseline()) {
                throw RuleViolationException.conflict(
                        "change-request-baselined",
                        command.changeRequestId() + " made a baseline already; another needs another approved change"
                                + " request.");
            }
            if (decisionId != null && !decisionId.equals(request.decisionId())) {
                throw RuleViolationException.invalid(
                        "decided-by-change",
                        "decisionId",
                        command.changeRequestId() + " was decided by " + request.decisionId() + ", not " + decisionId);
            }
            decisionId = request.decisionId();
        }
        LocalDate asOf = clock.today();
        BaselineContent content = new BaselineContent(
                program.currency(),
                scope.entrySet().stream()
                        .map(item -> new BaselineScopeItem(item.getKey(), item.getValue()))
                        .toList(),
                milestones.values().stream()
                        .map(milestone -> new BaselineMilestone(milestone.id(), milestone.name(), milestone.dateNow()))
                        .toList(),
                budget.allocations(programId).entrySet().stream()
                        .map(line -> new BaselineCost(line.getKey(), line.getValue()))
                        .toList(),
                contracts.valuesOn(programId, asOf));
        int number = baseline == null ? 1 : baseline.number() + 1;
        apply(new BaselineCapturedEvent(
                programId,
                number,
                command.name().strip(),
                decisionId,
                command.changeRequestId(),
                asOf,
                clock.now(),
                content,
                content.sha256()));
        raiseExceptions(budget.estimates(programId), clock);
        return number;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(
            SetTolerancesCommand command,
            ProgramStanding programs,
            DecisionFacts decisions,
            BudgetFigures budget,
            BusinessClock clock) {
        programs.requireOpen(command.programId());
        requireProgram(command.programId());
        PlanRules.requireTolerances(command.tolerances());
        decisions.requireApproved(command.programId(), command.decisionId(), "decisionId");
        apply(new TolerancesSetEvent(command.programId(), command.decisionId(), command.tolerances()));
        raiseExceptions(budget.estimates(programId), clock);
    }

    @CommandHandler
    public void handle(
            DecideExceptionCommand command, ProgramStanding programs, DecisionFacts decisions, BusinessClock clock) {
        openProgram(command.programId(), programs);
        exceptions.requireOpen(command.exceptionId());
        LocalDate decidedOn = decisions.requireApproved(programId, command.decisionId(), "decisionId");
        LocalDate raisedOn = clock.dateOf(exceptions.raisedAt(command.exceptionId()));
        if (decidedOn.isBefore(raisedOn)) {
            throw RuleViolationException.invalid(
                    "decided-after-exception",
                    "decisionId",
                    "was taken on " + decidedOn + ", before " + command.exceptionId() + " was raised on " + raisedOn
                            + ": the board answers an exception by a decision taken since");
        }
        apply(new ToleranceExceptionDecidedEvent(
                programId, command.exceptionId(), command.decisionId(), command.response(), decidedOn));
    }

    /** Asked by {@link ChangeControlPolicy} after a booking changed the lines' estimates at completion. */
    void estimatesChanged(Map<String, BigDecimal> estimates, BusinessClock clock) {
        raiseExceptions(estimates, clock);
    }

    /** The open cost exception that stops new commitments on the line, if the policy blocks them. */
    java.util.Optional<String> blockingCommitmentsOn(String lineId) {
        if (tolerances != null
                && tolerances.costExceptionPolicy() == io.governanceledger.events.changes.ExceptionPolicy.WARN_ONLY) {
            return java.util.Optional.empty();
        }
        return exceptions.openCostExceptionOn(lineId);
    }

    /**
     * An exception, recorded by the ledger itself, for each forecast outside tolerance whose subject
     * has none open and whose figures changed since its last one (a decided exception is not raised
     * again for the same forecast).
     */
    private void raiseExceptions(Map<String, BigDecimal> estimates, BusinessClock clock) {
        if (baseline == null || tolerances == null) {
            return;
        }
        Map<String, LocalDate> dates = new HashMap<>();
        milestones.values().forEach(milestone -> dates.put(milestone.id(), milestone.dateNow()));
        List<io.governanceledger.events.changes.ImpactAssessment> approved = requests.values().stream()
                .sorted()
                .map(ChangeRequestRules.Request::approvedImpact)
                .filter(java.util.Objects::nonNull)
                .toList();
        for (ToleranceBreach breach :
                ToleranceCheck.outside(tolerances, baseline.content(), approved, estimates, dates, scope.keySet())) {
            if (exceptions.isNew(breach)) {
                apply(
                        new ToleranceExceptionRaisedEvent(programId, exceptions.nextId(), baseline.number(), breach),
                        Exceptions.raisedByTheLedger(breach, programId, clock));
            }
        }
    }

    // ---- shared checks

    private ChangeRequestRules.Request open(
            String requestedProgramId, String changeRequestId, ProgramStanding programs) {
        requireKnown(requestedProgramId);
        ChangeRequestRules.Request request = requests.get(changeRequestId);
        if (request == null) {
            throw RuleViolationException.notFound(
                    "unknown-change-request",
                    "changeRequestId",
                    "Program " + requestedProgramId + " has no change request '" + changeRequestId + "'.");
        }
        programs.requireOpen(programId);
        return request;
    }

    private ProgramFacts openProgram(String requestedProgramId, ProgramStanding programs) {
        requireKnown(requestedProgramId);
        return programs.requireOpen(programId);
    }

    private ChangeRequestRules.Request requireAuthorising(String changeRequestId, String field) {
        ChangeRequestRules.Request request = requests.get(changeRequestId);
        if (request == null || !request.authorises()) {
            throw RuleViolationException.invalid(
                    "approved-change-required",
                    field,
                    "'" + changeRequestId + "' is not an approved change request of program " + programId
                            + " (approved or being implemented)");
        }
        return request;
    }

    /** Before the first baseline the scope is being planned; after it, it changes only through a change. */
    private void requireChangeAfterBaseline(String changeRequestId) {
        if (baseline != null && changeRequestId == null) {
            throw RuleViolationException.invalid(
                    "change-request-required",
                    "changeRequestId",
                    "is required: the scope is baselined and changes only through an approved change request");
        }
        if (changeRequestId != null) {
            requireAuthorising(changeRequestId, "changeRequestId");
        }
    }

    private void requireAffected(
            String programId, AffectedItem item, String field, BudgetFigures budget, ContractFacts contracts) {
        boolean known = switch (item.kind()) {
            case MILESTONE -> milestones.containsKey(item.reference());
            case DELIVERABLE -> scope.containsKey(item.reference());
            case BUDGET_LINE -> budget.hasLine(programId, item.reference());
            case CONTRACT -> {
                contracts.requireContract(programId, item.reference(), field);
                yield true;
            }
        };
        if (!known) {
            throw RuleViolationException.invalid(
                    "unknown-" + item.kind().name().toLowerCase().replace('_', '-'),
                    field,
                    "Program " + programId + " has no "
                            + item.kind().name().toLowerCase().replace('_', ' ') + " '" + item.reference() + "'");
        }
    }

    private void requireProgram(String requestedProgramId) {
        if (programId != null && !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound(
                    "unknown-program", "programId", "No change control of program " + requestedProgramId + " here.");
        }
    }

    private void requireKnown(String requestedProgramId) {
        if (programId == null || !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound(
                    "unknown-program", "programId", "Program " + requestedProgramId + " has no change control yet.");
        }
    }

    // ---- state

    private void adopt(String eventProgramId) {
        if (changesId == null) {
            programId = eventProgramId;
            changesId = idOf(eventProgramId);
        }
    }

    @EventSourcingHandler
    void on(ChangeRequestRaisedEvent event, EventMessage<?> message) {
        adopt(event.programId());
        requests.put(
                event.changeRequestId(),
                new ChangeRequestRules.Request(event.changeRequestId(), event.number(), effectiveAt(message)));
    }

    private static java.time.Instant latest(java.time.Instant a, java.time.Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @EventSourcingHandler
    void on(ChangeAssessmentStartedEvent event) {
        requests.get(event.changeRequestId()).status(ChangeRequestStatus.UNDER_ASSESSMENT);
    }

    @EventSourcingHandler
    void on(ChangeRequestAssessedEvent event) {
        requests.get(event.changeRequestId()).assessed(event.revision(), event.impact());
    }

    @EventSourcingHandler
    void on(ChangeRequestSubmittedEvent event, EventMessage<?> message) {
        requests.get(event.changeRequestId())
                .submittedTo(event.decisionId(), event.assessmentRevision(), effectiveAt(message));
    }

    private static java.time.Instant effectiveAt(EventMessage<?> message) {
        Object effective = message.getMetaData().get(LedgerMetaData.EFFECTIVE_AT);
        return effective == null ? message.getTimestamp() : java.time.Instant.parse(effective.toString());
    }

    @EventSourcingHandler
    void on(ChangeRequestDecidedEvent event) {
        requests.get(event.changeRequestId()).decided(event.outcome());
    }

    @EventSourcingHandler
    void on(ChangeRequestAuthorityEndedEvent event) {
        requests.get(event.changeRequestId()).authorityEnded();
    }

    @EventSourcingHandler
    void on(ChangeRequestWithdrawnEvent event) {
        requests.get(event.changeRequestId()).status(ChangeRequestStatus.WITHDRAWN);
    }

    @EventSourcingHandler
    void on(ChangeImplementationStartedEvent event) {
        requests.get(event.changeRequestId()).status(ChangeRequestStatus.IMPLEMENTING);
    }

    @EventSourcingHandler
    void on(ChangeRequestImplementedEvent event) {
        requests.get(event.changeRequestId()).status(ChangeRequestStatus.IMPLEMENTED);
    }

    @EventSourcingHandler
    void on(ChangeRequestClosedEvent event) {
        requests.get(event.changeRequestId()).status(ChangeRequestStatus.CLOSED);
    }

    @EventSourcingHandler
    void on(MilestoneDefinedEvent event) {
        adopt(event.programId());
        milestones.put(
                event.milestoneId(),
                new PlanRules.Milestone(event.milestoneId(), event.name(), event.plannedDate(), null, Set.of()));
    }

    @EventSourcingHandler
    void on(MilestoneForecastChangedEvent event) {
        milestones.computeIfPresent(event.milestoneId(), (id, milestone) -> milestone.forecastOn(event.forecastDate()));
    }

    @EventSourcingHandler
    void on(MilestoneAchievedEvent event) {
        milestones.computeIfPresent(event.milestoneId(), (id, milestone) -> milestone.reachedOn(event.actualDate()));
    }

    @EventSourcingHandler
    void on(MilestoneDependencyAddedEvent event) {
        milestones.computeIfPresent(
                event.milestoneId(),
                (id, milestone) -> milestone.withDependency(
                        new PlanRules.Dependency(event.dependsOnProgramId(), event.dependsOnMilestoneId()), true));
    }

    @EventSourcingHandler
    void on(MilestoneDependencyRemovedEvent event) {
        milestones.computeIfPresent(
                event.milestoneId(),
                (id, milestone) -> milestone.withDependency(
                        new PlanRules.Dependency(event.dependsOnProgramId(), event.dependsOnMilestoneId()), false));
    }

    @EventSourcingHandler
    void on(ScopeItemAddedEvent event) {
        adopt(event.programId());
        scope.put(event.itemId(), event.name());
        scopeIdsUsed.add(event.itemId());
    }

    @EventSourcingHandler
    void on(ScopeItemRemovedEvent event) {
        scope.remove(event.itemId());
    }

    @EventSourcingHandler
    void on(BaselineCapturedEvent event) {
        adopt(event.programId());
        baseline = event;
        requests.values().forEach(request -> request.baselined(event.changeRequestId()));
        exceptions.baselined();
    }

    @EventSourcingHandler
    void on(TolerancesSetEvent event) {
        adopt(event.programId());
        tolerances = event.tolerances();
    }

    @EventSourcingHandler
    void on(ToleranceExceptionRaisedEvent event, EventMessage<?> message) {
        exceptions.raised(event, effectiveAt(message));
    }

    @EventSourcingHandler
    void on(ToleranceExceptionDecidedEvent event) {
        exceptions.decided(event.exceptionId());
    }
}
