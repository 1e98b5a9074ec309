package io.governanceledger.command.budget;

import io.governanceledger.command.budget.BudgetBalances.OpenCommitment;
import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.command.decisions.DecisionStanding;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.budget.ApproveMovementCommand;
import io.governanceledger.events.budget.BudgetLineOpenedEvent;
import io.governanceledger.events.budget.BudgetMovement;
import io.governanceledger.events.budget.BudgetPolicySetEvent;
import io.governanceledger.events.budget.DelegationGrantedEvent;
import io.governanceledger.events.budget.DelegationRevokedEvent;
import io.governanceledger.events.budget.ExpireMovementCommand;
import io.governanceledger.events.budget.GrantDelegationCommand;
import io.governanceledger.events.budget.LedgerEntry;
import io.governanceledger.events.budget.Money;
import io.governanceledger.events.budget.MovementApprovalGivenEvent;
import io.governanceledger.events.budget.MovementBookedEvent;
import io.governanceledger.events.budget.MovementExpiredEvent;
import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementRefusedEvent;
import io.governanceledger.events.budget.MovementRequestedEvent;
import io.governanceledger.events.budget.OpenBudgetLineCommand;
import io.governanceledger.events.budget.RefuseMovementCommand;
import io.governanceledger.events.budget.RequestMovementCommand;
import io.governanceledger.events.budget.RevokeDelegationCommand;
import io.governanceledger.events.budget.SetBudgetPolicyCommand;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
    private static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @AggregateIdentifier
    private String budgetId;
    private String programId;
    private BigDecimal fourEyesThreshold;
    private Set<MovementKind> authorisationRequired = EnumSet.noneOf(MovementKind.class);
    private int approvalWindowDays = 30;
    private final Map<String, BudgetLine> lines = new HashMap<>();
    private final Map<String, OpenCommitment> commitments = new HashMap<>();
    private final Set<String> invoices = new HashSet<>();
    private final Map<String, Delegation> delegations = new LinkedHashMap<>();
    private final Map<String, PendingMovement> pending = new HashMap<>();
    private final Map<String, String> decided = new HashMap<>();
    private final Set<String> revokedDelegations = new HashSet<>();

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
        if (command.lineId() == null || !LINE_ID.matcher(command.lineId()).matches()) {
            throw RuleViolationException.invalid("format", "lineId",
                                                 "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (lines.containsKey(command.lineId())) {
            throw RuleViolationException.conflict("line-exists", "Line " + command.lineId() + " already exists.");
        }
        if (command.workstream() == null || command.workstream().isBlank()) {
            throw RuleViolationException.invalid("required", "workstream", "must not be blank");
        }
        if (command.category() == null) {
            throw RuleViolationException.invalid("required", "category", "is required");
        }
        if (command.fiscalYear() < program.startDate().getYear()
                || command.fiscalYear() > program.plannedEndDate().getYear()) {
            throw RuleViolationException.invalid("within-program", "fiscalYear", "must lie within the program, "
                    + program.startDate().getYear() + " to " + program.plannedEndDate().getYear());
        }
        // A line is part of the program's structure: it is there on every date the program is, once recorded.
        java.time.Instant programStart = clock.startOf(program.startDate());
        java.time.Instant from = programStart.isBefore(clock.now()) ? programStart : clock.now();
        apply(new BudgetLineOpenedEvent(command.programId(), command.lineId(), command.workstream().strip(),
                                        command.category(), command.fiscalYear(), program.currency()),
              MetaData.with(LedgerMetaData.EFFECTIVE_AT, from.toString()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBudgetPolicyCommand command, ProgramStanding programs) {
        programs.requireOpen(command.programId());
        requireProgram(command.programId());
        if (command.fourEyesThreshold() != null) {
            requireAmount(command.fourEyesThreshold(), "fourEyesThreshold");
        }
        if (command.approvalWindowDays() < 1 || command.approvalWindowDays() > 365) {
            throw RuleViolationException.invalid("range", "approvalWindowDays", "must be 1 to 365 days");
        }
        Set<MovementKind> kinds = command.authorisationRequiredFor() == null ? Set.of() : command.authorisationRequiredFor();
        apply(new BudgetPolicySetEvent(command.programId(), command.fourEyesThreshold(),
                                       kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), command.approvalWindowDays()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GrantDelegationCommand command, ProgramStanding programs,
                       @MetaDataValue(LedgerMetaData.ACTOR) String actor) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        if (delegations.containsKey(command.delegationId()) || revokedDelegations.contains(command.delegationId())) {
            throw RuleViolationException.conflict("delegation-exists", "Delegation " + command.delegationId() + " exists.");
        }
        if (command.holder() == null || command.holder().isBlank()) {
            throw RuleViolationException.invalid("required", "holder", "is required");
        }
        // logins are case-insensitive: "FINANCE" is the same person as "finance"
        if (command.holder().equalsIgnoreCase(actor)) {
            throw RuleViolationException.invalid("not-to-yourself", "holder", "nobody grants authority to themselves");
        }
        requireMoney(command.maxAmount(), "maxAmount", program.currency());
        if (command.validFrom() == null || command.validTo() == null) {
            throw RuleViolationException.invalid("required", command.validFrom() == null ? "validFrom" : "validTo",
                                                 "is required");
        }
        if (command.validTo().isBefore(command.validFrom())) {
            throw RuleViolationException.invalid("to-after-from", "validTo", "must not be before " + command.validFrom());
        }
        List<String> lineIds = command.lineIds() == null ? List.of() : List.copyOf(command.lineIds());
        for (String lineId : lineIds) {
            requireLine(lineId, "lineIds");
        }
        apply(new DelegationGrantedEvent(command.programId(), command.delegationId(), command.holder(),
                                         command.maxAmount(), lineIds,
                                         command.categories() == null ? List.of() : List.copyOf(command.categories()),
                                         command.validFrom(), command.validTo(), actor));
    }

    @CommandHandler
    public void handle(RevokeDelegationCommand command, ProgramStanding programs) {
        requireProgram(command.programId());
        programs.requireOpen(programId);
        Delegation delegation = delegations.get(command.delegationId());
        if (delegation == null) {
            throw RuleViolationException.notFound("unknown-delegation", "delegationId",
                                                  "Program " + programId + " has no active delegation '"
                                                          + command.delegationId() + "'.");
        }
        apply(new DelegationRevokedEvent(programId, delegation.delegationId(), delegation.holder()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RequestMovementCommand command, @MetaDataValue(LedgerMetaData.ACTOR) String actor,
                         ProgramStanding programs, DecisionStanding decisions, BusinessClock clock,
                         DeadlineManager deadlines) {
        ProgramFacts program = programs.requireOpen(command.programId());
        requireProgram(command.programId());
        BudgetMovement movement = datedMovement(command.movement(), clock);
        if (pending.containsKey(command.movementId()) || decided.containsKey(command.movementId())) {
            throw RuleViolationException.conflict("movement-exists", "Movement " + command.movementId() + " exists.");
        }
        requireWellFormed(movement, program.currency());
        requireWithinProgram(movement.effectiveDate(), program, clock.today());
        if (movement.authorisingReference() != null) {
            decisions.requireApproved(programId, movement.authorisingReference(), "authorisingReference");
        } else if (authorisationRequired.contains(movement.kind())) {
            throw RuleViolationException.invalid("required", "authorisingReference", "is required: the program's policy "
                    + "wants an approved decision behind every " + movement.kind());
        }
        List<LedgerEntry> entries = balances().entriesFor(movement);
        LocalDate today = clock.today();
        MetaData effective = effectiveAt(clock, movement);
        boolean aboveFourEyes = fourEyesThreshold != null
                && movement.amount().amount().compareTo(fourEyesThreshold) > 0;
        if (movement.kind() == MovementKind.REFORECAST
                || (!aboveFourEyes && coveringDelegation(actor, movement, today).isPresent())) {
            apply(new MovementBookedEvent(programId, command.movementId(), movement, actor, List.of(), entries), effective);
            return "BOOKED";
        }
        LocalDate expiresOn = today.plusDays(approvalWindowDays);
        apply(new MovementRequestedEvent(programId, command.movementId(), movement, actor, aboveFourEyes ? 2 : 1,
                                         expiresOn), effective);
        deadlines.schedule(clock.startOf(expiresOn.plusDays(1)), EXPIRY, command.movementId());
        return "PENDING";
    }

    @CommandHandler
    public String handle(ApproveMovementCommand command, @MetaDataValue(LedgerMetaData.ACTOR) String actor,
                         ProgramStanding programs, BusinessClock clock) {
        PendingMovement movement = requirePending(command.programId(), command.movementId(), clock);
        programs.requireOpen(programId);
        Delegation delegation = requireApprover(actor, movement, clock.today());
        if (movement.approvers().contains(actor)) {
            throw RuleViolationException.conflict("approved-by-you", "You have already approved movement "
                    + command.movementId() + "; a second approval must come from someone else.");
        }
        int given = movement.approvers().size() + 1;
        MetaData effective = effectiveAt(clock, movement.movement());
        if (given < movement.requiredApprovals()) {
            apply(new MovementApprovalGivenEvent(programId, command.movementId(), actor, delegation.delegationId(), given,
                                                 movement.requiredApprovals()), effective);
            return "PENDING";
        }
        List<LedgerEntry> entries = balances().entriesFor(datedOn(movement, clock));
        apply(new MovementApprovalGivenEvent(programId, command.movementId(), actor, delegation.delegationId(), given,
                                             movement.requiredApprovals()), effective);
        List<String> approvers = new ArrayList<>(movement.approvers());
        approvers.add(actor);
        apply(new MovementBookedEvent(programId, command.movementId(), movement.movement(), movement.requestedBy(),
                                      approvers, entries), effective);
        return "BOOKED";
    }

    @CommandHandler
    public void handle(RefuseMovementCommand command, @MetaDataValue(LedgerMetaData.ACTOR) String actor,
                       ProgramStanding programs, BusinessClock clock) {
        PendingMovement movement = requirePending(command.programId(), command.movementId(), clock);
        programs.requireOpen(programId);
        requireApprover(actor, movement, clock.today());
        apply(new MovementRefusedEvent(programId, command.movementId(), actor),
              MetaData.with(LedgerMetaData.EFFECTIVE_AT, notBefore(clock.now(), movement).toString()));
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
            apply(new MovementExpiredEvent(programId, movementId), SystemAction.metaData(
                    deadline, programId, "No decision within the approval window, which ended on " + movement.expiresOn())
                    .and(LedgerMetaData.EFFECTIVE_AT, notBefore(deadline.getTimestamp(), movement).toString()));
        }
    }

    private void expire(String movementId, BusinessClock clock) {
        PendingMovement movement = pending.get(movementId);
        if (movement != null && clock.today().isAfter(movement.expiresOn())) {
            apply(new MovementExpiredEvent(programId, movementId),
                  MetaData.with(LedgerMetaData.EFFECTIVE_AT, notBefore(clock.now(), movement).toString()));
        }
    }

    /**
     * A refusal or expiry takes effect when it happens, but never before the movement it ends: a
     * movement dated in December and refused in June was pending on no date at all, and is refused
     * from December on.
     */
    private static java.time.Instant notBefore(java.time.Instant when, PendingMovement movement) {
        return movement.effectiveAt() != null && movement.effectiveAt().isAfter(when) ? movement.effectiveAt() : when;
    }

    private PendingMovement requirePending(String requestedProgramId, String movementId, BusinessClock clock) {
        requireProgram(requestedProgramId);
        PendingMovement movement = pending.get(movementId);
        if (movement == null) {
            if (decided.containsKey(movementId)) {
                String status = decided.get(movementId);
                throw RuleViolationException.conflict("movement-" + status.toLowerCase(),
                                                      "Movement " + movementId + " is " + status + ".");
            }
            throw RuleViolationException.notFound("unknown-movement", "movementId",
                                                  "Program " + requestedProgramId + " has no movement '" + movementId + "'.");
        }
        if (clock.today().isAfter(movement.expiresOn())) {
            throw RuleViolationException.conflict("approval-window-closed", "Movement " + movementId
                    + " could be decided until " + movement.expiresOn() + ".");
        }
        return movement;
    }

    /** The approver's delegation that covers the movement; the most telling refusal otherwise. */
    private Delegation requireApprover(String actor, PendingMovement movement, LocalDate today) {
        if (actor.equals(movement.requestedBy())) {
            throw RuleViolationException.conflict("self-approval", "The requester of a movement cannot approve or "
                    + "refuse it.");
        }
        List<Delegation> own = delegations.values().stream().filter(d -> d.holder().equalsIgnoreCase(actor)).toList();
        if (own.isEmpty()) {
            throw RuleViolationException.conflict("no-delegation", actor + " holds no delegation in program " + programId + ".");
        }
        List<Delegation> valid = own.stream().filter(d -> d.validOn(today)).toList();
        if (valid.isEmpty()) {
            throw RuleViolationException.conflict("delegation-not-valid", "No delegation of " + actor
                    + " is valid on " + today + ".");
        }
        List<Delegation> inScope = valid.stream().filter(d -> covers(d, movement.movement())).toList();
        if (inScope.isEmpty()) {
            throw RuleViolationException.conflict("delegation-out-of-scope", "No valid delegation of " + actor
                    + " covers the lines or categories of this movement.");
        }
        return inScope.stream()
                      .filter(d -> movement.movement().amount().amount().compareTo(d.maxAmount()) <= 0)
                      .findFirst()
                      .orElseThrow(() -> RuleViolationException.conflict("limit-too-low", "The delegations of "
                              + actor + " stop below " + movement.movement().amount().amount() + "."));
    }

    private Optional<Delegation> coveringDelegation(String actor, BudgetMovement movement, LocalDate today) {
        return delegations.values().stream()
                          .filter(d -> d.holder().equalsIgnoreCase(actor) && d.validOn(today) && covers(d, movement)
                                  && movement.amount().amount().compareTo(d.maxAmount()) <= 0)
                          .findFirst();
    }

    private boolean covers(Delegation delegation, BudgetMovement movement) {
        return delegation.coversLine(lines.get(movement.lineId()))
                && (movement.toLineId() == null || delegation.coversLine(lines.get(movement.toLineId())));
    }

    private void requireWellFormed(BudgetMovement movement, String programCurrency) {
        if (movement == null || movement.kind() == null) {
            throw RuleViolationException.invalid("required", "kind", "is required");
        }
        requireMoney(movement.amount(), "amount", programCurrency);
        requireLine(movement.lineId(), "lineId");
        switch (movement.kind()) {
            case TRANSFER -> {
                requireLine(movement.toLineId(), "toLineId");
                if (movement.toLineId().equals(movement.lineId())) {
                    throw RuleViolationException.invalid("different-lines", "toLineId", "must differ from lineId");
                }
            }
            case COMMITMENT, ACTUAL -> requireText(movement.reference(), "reference");
            case RELEASE -> requireText(movement.commitmentReference(), "commitmentReference");
            default -> {
            }
        }
        if (movement.kind() != MovementKind.TRANSFER && movement.toLineId() != null) {
            throw RuleViolationException.invalid("transfer-only", "toLineId", "only a transfer has a second line");
        }
    }

    private void requireLine(String lineId, String field) {
        if (lineId == null || !lines.containsKey(lineId)) {
            throw RuleViolationException.notFound("unknown-line", field, "Program " + programIdOrUnknown()
                    + " has no budget line '" + lineId + "'.");
        }
    }

    private static void requireMoney(Money money, String field, String programCurrency) {
        if (money == null || money.amount() == null) {
            throw RuleViolationException.invalid("required", field, "is required");
        }
        requireAmount(money.amount(), field);
        if (!programCurrency.equals(money.currency())) {
            throw RuleViolationException.invalid("currency-mismatch", field, "must be in the program's currency "
                    + programCurrency + ", not " + money.currency());
        }
    }

    private static void requireAmount(BigDecimal amount, String field) {
        if (amount.signum() <= 0) {
            throw RuleViolationException.invalid("positive", field, "must be positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("cents", field, "must have at most 2 decimals");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("required", field, "is required for this kind of movement");
        }
    }

    private void requireProgram(String requestedProgramId) {
        if (programId != null && !programId.equals(requestedProgramId)) {
            throw RuleViolationException.notFound("unknown-program", "programId", "No budget of program "
                    + requestedProgramId + " here.");
        }
    }

    private String programIdOrUnknown() {
        return programId == null ? "(no budget yet)" : programId;
    }

    /**
     * A budget's movements fall within its program's period: from its start to its planned end, or, for
     * a program still open past its planned end, to today (a late invoice is booked; nothing is dated
     * beyond both).
     */
    private static void requireWithinProgram(LocalDate effectiveDate, ProgramFacts program, LocalDate today) {
        LocalDate last = program.plannedEndDate().isAfter(today) ? program.plannedEndDate() : today;
        if (effectiveDate.isBefore(program.startDate()) || effectiveDate.isAfter(last)) {
            throw RuleViolationException.invalid("outside-program-period", "effectiveDate", "must fall within the "
                    + "program's period, " + program.startDate() + " to " + last
                    + (last.equals(today) ? " (its planned end, " + program.plannedEndDate() + ", has passed)" : ""));
        }
    }

    private BudgetBalances balances() {
        return new BudgetBalances(lines, commitments, invoices);
    }

    /**
     * A pending movement as the balance rules see it: on its own date, or, for one requested before
     * movements were dated on request, on the date its request took effect.
     */
    private static BudgetMovement datedOn(PendingMovement pending, BusinessClock clock) {
        BudgetMovement movement = pending.movement();
        if (movement.effectiveDate() != null || pending.effectiveAt() == null) {
            return movement;
        }
        return on(movement, clock.dateOf(pending.effectiveAt()));
    }

    /** A movement without an effective date takes effect on the day it is requested, whenever it is approved. */
    private static BudgetMovement datedMovement(BudgetMovement movement, BusinessClock clock) {
        if (movement == null || movement.effectiveDate() != null) {
            return movement;
        }
        return on(movement, clock.today());
    }

    private static BudgetMovement on(BudgetMovement movement, LocalDate effectiveDate) {
        return new BudgetMovement(movement.kind(), movement.lineId(), movement.toLineId(), movement.amount(),
                                  movement.reference(), movement.commitmentReference(), movement.authorisingReference(),
                                  effectiveDate, movement.description());
    }

    private static MetaData effectiveAt(BusinessClock clock, BudgetMovement movement) {
        LocalDate date = movement.effectiveDate() != null ? movement.effectiveDate() : clock.today();
        return MetaData.with(LedgerMetaData.EFFECTIVE_AT, clock.startOf(date).toString());
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
        authorisationRequired = event.authorisationRequiredFor().isEmpty() ? EnumSet.noneOf(MovementKind.class)
                                                                          : EnumSet.copyOf(event.authorisationRequiredFor());
        approvalWindowDays = event.approvalWindowDays();
    }

    @EventSourcingHandler
    void on(DelegationGrantedEvent event) {
        adopt(event.programId());
        delegations.put(event.delegationId(), new Delegation(event.delegationId(), event.holder(),
                                                             event.maxAmount().amount(), event.lineIds(),
                                                             event.categories(), event.validFrom(), event.validTo()));
    }

    @EventSourcingHandler
    void on(DelegationRevokedEvent event) {
        delegations.remove(event.delegationId());
        revokedDelegations.add(event.delegationId());
    }

    @EventSourcingHandler
    void on(MovementRequestedEvent event, @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt) {
        pending.put(event.movementId(), new PendingMovement(event.movement(), event.requestedBy(),
                                                            event.requiredApprovals(), event.expiresOn(), List.of(),
                                                            effectiveAt == null ? null : java.time.Instant.parse(effectiveAt)));
    }

    @EventSourcingHandler
    void on(MovementApprovalGivenEvent event) {
        pending.computeIfPresent(event.movementId(), (id, movement) -> movement.approvedBy(event.approver()));
    }

    @EventSourcingHandler
    void on(MovementBookedEvent event, @MetaDataValue(LedgerMetaData.EFFECTIVE_AT) String effectiveAt,
            BusinessClock clock) {
        adopt(event.programId());
        pending.remove(event.movementId());
        decided.put(event.movementId(), "BOOKED");
        BudgetMovement movement = event.movement();
        // every booking carries its date since movements were dated on request; the instant covers any other
        LocalDate effectiveOn = movement.effectiveDate() != null ? movement.effectiveDate()
                : effectiveAt != null ? clock.dateOf(java.time.Instant.parse(effectiveAt))
                : LocalDate.MIN;
        for (LedgerEntry entry : event.entries()) {
            lines.get(entry.lineId()).apply(entry, effectiveOn);
        }
        switch (movement.kind()) {
            case COMMITMENT -> commitments.put(movement.reference(),
                                               new OpenCommitment(movement.lineId(), movement.amount().amount(), effectiveOn));
            case RELEASE -> reduceCommitment(movement.commitmentReference(), movement.amount().amount());
            case ACTUAL -> {
                invoices.add(movement.reference());
                event.entries().stream()
                     .filter(entry -> entry.measure() == LedgerEntry.Measure.COMMITTED)
                     .forEach(entry -> reduceCommitment(movement.commitmentReference(), entry.delta().negate()));
            }
            default -> {
            }
        }
    }

    @EventSourcingHandler
    void on(MovementRefusedEvent event) {
        pending.remove(event.movementId());
        decided.put(event.movementId(), "REFUSED");
    }

    @EventSourcingHandler
    void on(MovementExpiredEvent event) {
        pending.remove(event.movementId());
        decided.put(event.movementId(), "EXPIRED");
    }

    private void reduceCommitment(String reference, BigDecimal by) {
        commitments.computeIfPresent(reference, (ref, open) -> new OpenCommitment(open.lineId(), open.open().subtract(by), open.from()));
    }

    private void adopt(String eventProgramId) {
        if (budgetId == null) {
            programId = eventProgramId;
            budgetId = idOf(eventProgramId);
        }
    }

    /** A movement awaiting approval, with the approvals it has. */
    /** @param effectiveAt when the requested movement takes effect: its refusal or expiry is never earlier */
    record PendingMovement(BudgetMovement movement, String requestedBy, int requiredApprovals, LocalDate expiresOn,
                           List<String> approvers, java.time.Instant effectiveAt) {

        PendingMovement approvedBy(String approver) {
            List<String> more = new ArrayList<>(approvers);
            more.add(approver);
            return new PendingMovement(movement, requestedBy, requiredApprovals, expiresOn, List.copyOf(more), effectiveAt);
        }
    }
}
