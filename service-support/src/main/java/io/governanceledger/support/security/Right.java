package io.governanceledger.support.security;

import static io.governanceledger.events.access.AccessRole.AUDITOR;
import static io.governanceledger.events.access.AccessRole.CONTRACT_MANAGER;
import static io.governanceledger.events.access.AccessRole.FINANCE_CONTROLLER;
import static io.governanceledger.events.access.AccessRole.OPERATOR;
import static io.governanceledger.events.access.AccessRole.PMO_OFFICER;
import static io.governanceledger.events.access.AccessRole.PROGRAM_ADMINISTRATOR;
import static io.governanceledger.events.access.AccessRole.VIEWER;

import io.governanceledger.events.access.AccessRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a request needs, named once: each API handler carries one with {@link Requires}, and the
 * OpenAPI documents and docs/access.md show the same table. A program-wide right is held through a
 * grant on that program or a portfolio-wide grant of one of its roles; a portfolio right only through
 * a portfolio-wide grant.
 */
public enum Right {
    /** Any signed-in caller; the answer holds only what the caller may see (lists) or nothing secret. */
    SIGNED_IN(Scope.CALLER, Set.of()),
    READ_PROGRAM(
            Scope.PROGRAM,
            EnumSet.of(PROGRAM_ADMINISTRATOR, PMO_OFFICER, FINANCE_CONTROLLER, CONTRACT_MANAGER, AUDITOR, VIEWER)),
    MANAGE_PROGRAM(Scope.PROGRAM, EnumSet.of(PROGRAM_ADMINISTRATOR, PMO_OFFICER)),
    KEEP_DECISION_LOG(Scope.PROGRAM, EnumSet.of(PMO_OFFICER)),
    ADMINISTER_BUDGET(Scope.PROGRAM, EnumSet.of(FINANCE_CONTROLLER)),
    MOVE_BUDGET(Scope.PROGRAM, EnumSet.of(FINANCE_CONTROLLER, PMO_OFFICER)),
    MANAGE_CONTRACTS(Scope.PROGRAM, EnumSet.of(CONTRACT_MANAGER)),
    /** Raise a change request: anyone who works on the program (not viewers or auditors). */
    RAISE_CHANGE_REQUESTS(
            Scope.PROGRAM, EnumSet.of(PROGRAM_ADMINISTRATOR, PMO_OFFICER, FINANCE_CONTROLLER, CONTRACT_MANAGER)),
    /** Assess a change request's impact, and check an amendment against the procurement rules (a dry run). */
    ASSESS_CHANGE_REQUESTS(Scope.PROGRAM, EnumSet.of(PMO_OFFICER, FINANCE_CONTROLLER, CONTRACT_MANAGER)),
    /**
     * Run change control: submit, withdraw and implement change requests; milestones and scope items;
     * baselines, tolerances and the board's answers to exceptions (each decided in the decision log).
     */
    CONTROL_CHANGES(Scope.PROGRAM, EnumSet.of(PMO_OFFICER)),
    READ_ACCESS(Scope.PROGRAM, EnumSet.of(PROGRAM_ADMINISTRATOR, AUDITOR)),
    /** Another approver's queue of pending movements (one's own needs only {@link #READ_PROGRAM}). */
    OVERSEE_APPROVALS(Scope.PROGRAM, EnumSet.of(PROGRAM_ADMINISTRATOR, FINANCE_CONTROLLER, AUDITOR)),
    ADMINISTER_ACCESS(Scope.PROGRAM, EnumSet.of(PROGRAM_ADMINISTRATOR)),
    /**
     * Appoint or revoke a deputy: one's own (any role on the program), or anyone's (program
     * administrators; the handler checks which).
     */
    APPOINT_DEPUTIES(
            Scope.PROGRAM,
            EnumSet.of(PROGRAM_ADMINISTRATOR, PMO_OFFICER, FINANCE_CONTROLLER, CONTRACT_MANAGER, AUDITOR, VIEWER)),
    /**
     * A program's auditor's bundle when {@code programId} is given (all of its records, its grants
     * included), else the whole store (portfolio).
     */
    EXPORT_BUNDLE(Scope.PROGRAM_IF_GIVEN, EnumSet.of(PROGRAM_ADMINISTRATOR, AUDITOR), EnumSet.of(AUDITOR, OPERATOR)),
    REGISTER_PROGRAMS(Scope.PORTFOLIO, EnumSet.of(PROGRAM_ADMINISTRATOR, PMO_OFFICER)),
    READ_PORTFOLIO_ACCESS(Scope.PORTFOLIO, EnumSet.of(PROGRAM_ADMINISTRATOR, AUDITOR)),
    ADMINISTER_PORTFOLIO_ACCESS(Scope.PORTFOLIO, EnumSet.of(PROGRAM_ADMINISTRATOR)),
    /** The ledger's verification with its findings (positions, record ids); others see the verdict only. */
    INSPECT_LEDGER(Scope.PORTFOLIO, EnumSet.of(PROGRAM_ADMINISTRATOR, AUDITOR, OPERATOR)),
    REBUILD_READ_MODELS(Scope.PORTFOLIO, EnumSet.of(OPERATOR));

    /** Where the roles are looked for. */
    public enum Scope {
        CALLER,
        /** The program named by the {@code programId} path variable. */
        PROGRAM,
        /** The program named by the {@code programId} parameter if there is one, else the portfolio. */
        PROGRAM_IF_GIVEN,
        PORTFOLIO
    }

    private final Scope scope;
    private final Set<AccessRole> roles;
    private final Set<AccessRole> portfolioRoles;

    Right(Scope scope, Set<AccessRole> roles) {
        this(scope, roles, scope == Scope.PORTFOLIO ? roles : Set.of());
    }

    Right(Scope scope, Set<AccessRole> roles, Set<AccessRole> portfolioRoles) {
        this.scope = scope;
        this.roles = Set.copyOf(roles);
        this.portfolioRoles = Set.copyOf(portfolioRoles);
    }

    public Scope scope() {
        return scope;
    }

    /** The roles that hold this right on a program (or on the portfolio, for a portfolio right). */
    public Set<AccessRole> roles() {
        return roles;
    }

    /** For {@link Scope#PROGRAM_IF_GIVEN}: the portfolio-wide roles needed when no program is named. */
    public Set<AccessRole> portfolioRoles() {
        return portfolioRoles;
    }

    /** True if any of {@code held} carries this right. */
    public boolean heldBy(Set<AccessRole> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
