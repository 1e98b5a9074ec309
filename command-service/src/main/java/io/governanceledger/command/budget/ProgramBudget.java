package io.governanceledger.command.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.governanceledger.command.budget.BudgetBalances.OpenCommitment;
import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.command.decisions.DecisionStanding;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.BudgetPolicySetEvent;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A program's budget: its lines and balances, the delegations of authority, the approval policy and
 * the movements awaiting approval. A movement within its requester's delegation (and below the
 * four-eyes threshold) is booked at once; otherwise it waits for an approver who is not the
 * requester and whose delegation covers it, or for two distinct such approvers above the threshold.
 * Balances change only when a movement is booked, and are checked again at that moment.
 */
@Aggregate(cache = "budgetCache")
public class ProgramBudget {

    static final String EXPIRY = "movement-approval-window";

    @AggregateIdentifier
    private String budgetId;

    private String programId;
    private BigDecimal fourEyesThreshold;
    private Set<MovementKind> authorisationRequired = EnumSet.noneOf(MovementKind.class);
    private int approvalWindowDays = 30;
    private final Map<String, BudgetLine> lines = new HashMap<>();
    private final Map<String, OpenCommitment> commitments = new HashMap<>();
    private final Set<String> invoices = new HashSet<>();
    private final Delegations delegations = new Delegations();
    private final Map<String, PendingMovement> pending = new HashMap<>();
    private final Map<String, MovementStatus> decided = new HashMap<>();

    protected ProgramBudget() {
        // for event sourcing, and for the first command of a program's budget
    }

    public static String idOf(String programId) {
        return programId + "/budget";
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenBudgetLineCommand command, ProgramStanding programs, BusinessClock clock) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        BudgetSetupRules.requireOpenable(command, program, lines::containsKey);
        Instant from = BudgetSetupRules.lineEffectiveFrom(program, clock);
        apply(
                new BudgetLineOpenedEvent(
                        command.programId(),
                        command.lineId(),
                        command.workstream().strip(),
                        command.category(),
                        command.fiscalYear(),
                        program.currency()),
                MetaData.with(LedgerMetaData.EFFECTIVE_AT, from.toString()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBudgetPolicyCommand command, ProgramStanding programs) {
        programs.requireOpen(command.programId());
        requireProgram(command.programId());
        BudgetSetupRules.requireValidPolicy(command);
        Set<MovementKind> kinds =
                command.authorisationRequiredFor() == null ? Set.of() : command.authorisationRequiredFor();
        apply(new BudgetPolicySetEvent(
                command.programId(),
                command.fourEyesThreshold(),
                kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds),
                command.approvalWindowDays()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(
            GrantDelegationCommand command,
            ProgramStanding programs,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        delegations.requireGrantable(command, actor, program.currency(), lineCheck());
        List<String> lineIds = command.lineIds() == null ? List.of() : List.copyOf(command.lineIds());
        apply(new DelegationGrantedEvent(
                command.programId(),
                command.delegationId(),
                command.holder(),
                command.maxAmount(),
                lineIds,
                command.categories() == null ? List.of() : List.copyOf(command.categories()),
                command.validFrom(),
                command.validTo(),
                actor));
    }

    @CommandHandler
    public void handle(RevokeDelegationCommand command, ProgramStanding programs) {
        requireProgram(command.programId());
        programs.requireOpen(programId);
        Delegation delegation = delegations.requireActive(command.delegationId(), programId);
        apply(new DelegationRevokedEvent(programId, delegation.delegationId(), delegation.holder()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MovementStatus handle(
            RequestMovementCommand command,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            ProgramStanding programs,
            DecisionStanding decisions,
            BusinessClock clock,
            DeadlineManager deadlines,
            CostControl costs) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        BudgetMovement movement = MovementRules.dated(command.movement(), clock);
        if (pending.containsKey(command.movementId()) || decided.containsKey(command.movementId())) {
            throw RuleViolationException.conflict("movement-exists", "Movement " + command.movementId() + " exists.");
        }
        MovementRules.requireWellFormed(movement, program.currency(), lineCheck());
        MovementRules.requireWithinProgram(movement.effectiveDate(), program, clock.today());
        if (movement.authorisingReference() != null) {
            decisions.requireApproved(programId, movement.authorisingReference(), "authorisingReference");
        } else if (authorisationRequired.contains(movement.kind())) {
            throw RuleViolationException.invalid(
                    "required",
                    "authorisingReference",
                    "is required: the program's policy " + "wants an approved decision behind every "
                            + movement.kind());
        }
        if (movement.kind() == MovementKind.COMMITMENT) {
            costs.requireCommitmentAllowed(programId, movement.lineId());
        }
        List<LedgerEntry> entries = balances().entriesFor(movement);
        LocalDate today = clock.today();
        MetaData effective = MovementRules.effectiveAt(clock, movement);
        boolean aboveFourEyes =
                fourEyesThreshold != null && movement.amount().amount().compareTo(fourEyesThreshold) > 0;
        if (movement.kind() == MovementKind.REFORECAST
                || (!aboveFourEyes
                        && delegations.covering(actor, movement, today, lines).isPresent())) {
            apply(
                    new MovementBookedEvent(programId, command.movementId(), movement, actor, List.of(), entries),
                    effective);
            estimatesChanged(entries, costs);
            return MovementStatus.BOOKED;
        }
        LocalDate expiresOn = today.plusDays(approvalWindowDays);
        apply(
                new MovementRequestedEvent(
                        programId, command.movementId(), movement, actor, aboveFourEyes ? 2 : 1, expiresOn),
                effective);
        deadlines.schedule(clock.startOf(expiresOn.plusDays(1)), EXPIRY, command.movementId());
        return MovementStatus.PENDING;
    }

    @CommandHandler
    public MovementStatus handle(
            ApproveMovementCommand command,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            ProgramStanding programs,
            BusinessClock clock,
            CostControl costs) {
        PendingMovement movement = requirePending(command.programId(), command.movementId(), clock);
        programs.requireOpen(programId);
        Delegation delegation = delegations.requireApprover(
                actor, movement.requestedBy(), movement.movement(), clock.today(), lines, programId);
        if (movement.approvers().contains(actor)) {
            throw RuleViolationException.conflict(
                    "approved-by-you",
                    "You have already approved movement " + command.movementId()
                            + "; a second approval must come from someone else.");
        }
        int given = movement.approvers().size() + 1;
        MetaData effective = MovementRules.effectiveAt(clock, movement.movement());
        MovementApprovalGivenEvent approval = new MovementApprovalGivenEvent(
                programId, command.movementId(), actor, delegation.delegationId(), given, movement.requiredApprovals());
        if (given < movement.requiredApprovals()) {
            apply(approval, effective);
            return MovementStatus.PENDING;
        }
        // the last approval books the movement: its balances are checked before anything is applied
        if (movement.movement().kind() == MovementKind.COMMITMENT) {
            costs.requireCommitmentAllowed(programId, movement.movement().lineId());
        }
        List<LedgerEntry> entries = balances().entriesFor(MovementRules.dated(movement, clock));
        apply(approval, effective);
        List<String> approvers = new ArrayList<>(movement.approvers());
        approvers.add(actor);
        apply(
                new MovementBookedEvent(
                        programId,
                        command.movementId(),
                        movement.movement(),
                        movement.requestedBy(),
                        approvers,
                        entries),
                effective);
        estimatesChanged(entries, costs);
        return MovementStatus.BOOKED;
    }

    /** After a booking that changed an allocation or a forecast, change control sees the new estimates. */
    private void estimatesChanged(List<LedgerEntry> entries, CostControl costs) {
        if (entries.stream()
                .anyMatch(entry -> entry.measure() == LedgerEntry.Measure.ALLOCATED
                        || entry.measure() == LedgerEntry.Measure.FORECAST)) {
            costs.estimatesChanged(programId, estimates());
        }
    }

    boolean hasLine(String lineId) {
        return lines.containsKey(lineId);
    }

    Map<String, BigDecimal> allocations() {
        Map<String, BigDecimal> allocations = new java.util.TreeMap<>();
        lines.values().forEach(line -> allocations.put(line.lineId, line.allocated));
        return allocations;
    }

    Map<String, BigDecimal> estimates() {
        Map<String, BigDecimal> estimates = new java.util.TreeMap<>();
        lines.values().forEach(line -> estimates.put(line.lineId, line.estimateAtCompletion()));
        return estimates;
    }

    @CommandHandler
    public void handle(
            RefuseMovementCommand command,
            @MetaDataValue(LedgerMetaData.ACTOR) String actor,
            ProgramStanding programs,
            BusinessClock clock) {
        PendingMovement movement = requirePending(command.programId(), command.movementId(), clock);
        programs.requireOpen(programId);
        delegations.requireApprover(
                actor, movement.requestedBy(), movement.movement(), clock.today(), lines, programId);
        apply(
                new MovementRefusedEvent(programId, command.movementId(), actor),
                MovementRules.endingAt(clock.now(), movement));
    }

    @CommandHandler
    public void handle(ExpireMovementCommand command, BusinessClock clock) {
        requireProgram(command.programId());
        expire(command.movementId(), clock);
    }

    /**
     * Scheduled for the first instant after the window; a movement decided meanwhile is left alone.
     * Nobody acts here, so the event names the ledger itself as its actor.
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    void onApprovalWindowPassed(String movementId, DeadlineMessage<?> deadline) {
        PendingMovement movement = pending.get(movementId);
        if (movement != null) {
            apply(
                    new MovementExpiredEvent(programId, movementId),
                    SystemAction.metaData(
                                    deadline,
                                    programId,
                                    "No decision within the approval window, which ended on " + movement.expiresOn())
                            .mergedWith(MovementRules.endingAt(deadline.getTimestamp(), movement)));
        }
    }

    private void expire(String movementId, BusinessClock clock) {
        PendingMovement movement = pending.get(movementId);
        if (movement != null && clock.today().isAfter(movement.expiresOn())) {
            apply(new MovementExpiredEvent(programId, movementId), MovementRules.endingAt(clock.now(), movement));
        }
    }

    private PendingMovement requirePending(String requestedProgramId, String movementId, BusinessClock clock) {
        requireProgram(requestedProgramId);
        PendingMovement movement = pending.get(movementId);
        if (movement == null) {
            if (decided.containsKey(movementId)) {
                MovementStatus status = decided.get(movementId);
                throw RuleViolationException.conflict(
                        "movement-" + status.name().toLowerCase(), "Movement " + movementId + " is " + status + ".");
            }
            throw RuleViolationException.notFound(
                    "unknown-movement",
                    "movementId",
                    "Program " + requestedProgramId + " has no movement '" + movementId + "'.");
        }
        if (clock.today().isAfter(movement.expiresOn())) {
            throw RuleViolationException.conflict(
                    "approval-window-closed",
                    "Movement " + movementId + " could be decided until " + movement.expiresOn() + ".");
        }
        return movement;
    }

    private void requireProgram(String requestedProgramId) {
        if (programId != null && !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound(
                    "unknown-program", "programId", "No budget of program " + requestedProgramId + " here.");
        }
    }

    private MovementRules.LineCheck lineCheck() {
        return MovementRules.LineCheck.of(lines::containsKey, programId == null ? "(no budget yet)" : programId);
    }

    private BudgetBalances balances() {
        return new BudgetBalances(lines, commitments, invoices);
    }

    @EventSourcingHandler
    void on(BudgetLineOpenedEvent event) {
        adopt(event.programId());
        lines.put(event.lineId(), new BudgetLine(event.lineId(), event.category()));
    }

    @EventSourcingHandler
    void on(BudgetPolicySetEvent event) {
        adopt(event.programId());
        fourEyesThreshold = event.fourEyesThreshold();
        authorisationRequired = event.authorisationRequiredFor().isEmpty()
                ? EnumSet.noneOf(MovementKind.class)
                : EnumSet.copyOf(event.authorisationRequiredFor());
        approvalWindowDays = event.approvalWindowDays();
    }

    @EventSourcingHandler
    void on(DelegationGrantedEvent event) {
        adopt(event.programId());
        delegations.granted(event);
    }

    @EventSourcingHandler
    void on(DelegationRevokedEvent event) {
        delegations.revoked(event.delegationId());
    }

    @EventSourcingHandler
    void on(MovementRequestedEvent event, @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt) {
        pending.put(
                event.movementId(),
                new PendingMovement(
                        event.movement(),
                        event.requestedBy(),
                        event.requiredApprovals(),
                        event.expiresOn(),
                        List.of(),
                        effectiveAt == null ? null : Instant.parse(effectiveAt)));
    }

    @EventSourcingHandler
    void on(MovementApprovalGivenEvent event) {
        pending.computeIfPresent(event.movementId(), (id, movement) -> movement.approvedBy(event.approver()));
    }

    @EventSourcingHandler
    void on(
            MovementBookedEvent event,
            @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt,
            BusinessClock clock) {
        adopt(event.programId());
        pending.remove(event.movementId());
        decided.put(event.movementId(), MovementStatus.BOOKED);
        BudgetMovement movement = event.movement();
        // every booking carries its date since movements were dated on request; the instant covers any other
        LocalDate effectiveOn = movement.effectiveDate() != null
                ? movement.effectiveDate()
                : effectiveAt != null ? clock.dateOf(Instant.parse(effectiveAt)) : LocalDate.MIN;
        for (LedgerEntry entry : event.entries()) {
            lines.get(entry.lineId()).apply(entry, effectiveOn);
        }
        switch (movement.kind()) {
            case COMMITMENT ->
                commitments.put(
                        movement.reference(),
                        new OpenCommitment(movement.lineId(), movement.amount().amount(), effectiveOn));
            case RELEASE ->
                reduceCommitment(
                        movement.commitmentReference(), movement.amount().amount());
            case ACTUAL -> {
                invoices.add(movement.reference());
                event.entries().stream()
                        .filter(entry -> entry.measure() == LedgerEntry.Measure.COMMITTED)
                        .forEach(entry -> reduceCommitment(
                                movement.commitmentReference(), entry.delta().negate()));
            }
            default -> {}
        }
    }

    @EventSourcingHandler
    void on(MovementRefusedEvent event) {
        pending.remove(event.movementId());
        decided.put(event.movementId(), MovementStatus.REFUSED);
    }

    @EventSourcingHandler
    void on(MovementExpiredEvent event) {
        pending.remove(event.movementId());
        decided.put(event.movementId(), MovementStatus.EXPIRED);
    }

    private void reduceCommitment(String reference, BigDecimal by) {
        commitments.computeIfPresent(
                reference,
                (ref, open) -> new OpenCommitment(open.lineId(), open.open().subtract(by), open.from()));
    }

    private void adopt(String eventProgramId) {
        if (budgetId == null) {
            programId = eventProgramId;
            budgetId = idOf(eventProgramId);
        }
    }

    /** A movement awaiting approval, with the approvals it has. */
    /** @param effectiveAt when the requested movement takes effect: its refusal or expiry is never earlier */
    record PendingMovement(
            BudgetMovement movement,
            String requestedBy,
            int requiredApprovals,
            LocalDate expiresOn,
            List<String> approvers,
            Instant effectiveAt) {

        PendingMovement approvedBy(String approver) {
            List<String> more = new ArrayList<>(approvers);
            more.add(approver);
            return new PendingMovement(
                    movement, requestedBy, requiredApprovals, expiresOn, List.copyOf(more), effectiveAt);
        }
    }
}
