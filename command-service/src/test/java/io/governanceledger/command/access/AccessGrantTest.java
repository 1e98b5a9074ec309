package io.governanceledger.command.access;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.effectiveAt;
import static io.governanceledger.command.Violations.invalid;
import static io.governanceledger.command.Violations.notFound;

import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.access.AccessGrantedEvent;
import io.governanceledger.events.access.AccessRevokedEvent;
import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessGrantTest {

    private static final String PROGRAM = "AIR-1";
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final Grantee AUDITOR = new Grantee(GranteeKind.PERSON, "audrey");
    private static final AccessGrantedEvent GRANTED =
            new AccessGrantedEvent("G1", AccessScope.PROGRAM, PROGRAM, AUDITOR, AccessRole.AUDITOR, FROM, null, "ada");

    /** A closed program still takes grants (auditors read it for years); an unknown one does not. */
    private final ProgramStanding standing = new ProgramStanding() {
        @Override
        public ProgramFacts requireOpen(String programId) {
            throw RuleViolationException.conflict("program-closed", "closed");
        }

        @Override
        public void requireKnown(String programId) {
            if (!programId.equals(PROGRAM)) {
                throw RuleViolationException.notFound("unknown-program", "programId", "No program " + programId);
            }
        }
    };

    private FixtureConfiguration<AccessGrant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessGrant.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(standing);
    }

    private static Map<String, Object> as(String actor) {
        return Map.of("actor", actor);
    }

    private static GrantAccessCommand grant(AccessScope scope, String program, Grantee grantee, AccessRole role) {
        return new GrantAccessCommand("G1", scope, program, grantee, role, FROM, null, Set.of("pmo-office"));
    }

    @Nested
    class Granting {

        @Test
        void anAdministratorGrantsARoleOnAProgramEvenAClosedOne() {
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PROGRAM, PROGRAM, AUDITOR, AccessRole.AUDITOR), as("ada"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(GRANTED)
                    .expectEventsMatching(effectiveAt("2026-02-28T23:00:00Z"));
        }

        @Test
        void aGrantFromALaterDayIsInForceFromItsRecordingOn() {
            fixture.givenNoPriorActivity()
                    .when(
                            new GrantAccessCommand(
                                    "G1",
                                    AccessScope.PROGRAM,
                                    PROGRAM,
                                    AUDITOR,
                                    AccessRole.AUDITOR,
                                    LocalDate.of(2027, 1, 1),
                                    null,
                                    Set.of()),
                            as("ada"))
                    .expectEventsMatching(effectiveAt("2026-06-15T10:00:00Z"));
        }

        @Test
        void aGroupIsGrantedPortfolioWide() {
            Grantee audit = new Grantee(GranteeKind.GROUP, "/internal-audit");
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PORTFOLIO, null, audit, AccessRole.AUDITOR), as("ada"))
                    .expectEvents(new AccessGrantedEvent(
                            "G1", AccessScope.PORTFOLIO, null, audit, AccessRole.AUDITOR, FROM, null, "ada"));
        }

        @Test
        void aProgramThatDoesNotExistTakesNoGrant() {
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PROGRAM, "NOPE", AUDITOR, AccessRole.AUDITOR), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(notFound("unknown-program", "programId"));
        }

        @Test
        void theOperatorRoleIsPortfolioWideOnly() {
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PROGRAM, PROGRAM, AUDITOR, AccessRole.OPERATOR), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("portfolio-only", "role"));
        }

        @Test
        void aPortfolioGrantNamesNoProgramAndAProgramGrantNamesOne() {
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PORTFOLIO, PROGRAM, AUDITOR, AccessRole.AUDITOR), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("portfolio-has-no-program", "programId"));
            fixture.givenNoPriorActivity()
                    .when(grant(AccessScope.PROGRAM, null, AUDITOR, AccessRole.AUDITOR), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("required", "programId"));
        }

        @Test
        void anAdministratorMayNotGrantThemselves() {
            fixture.givenNoPriorActivity()
                    .when(
                            grant(
                                    AccessScope.PROGRAM,
                                    PROGRAM,
                                    new Grantee(GranteeKind.PERSON, "ada"),
                                    AccessRole.VIEWER),
                            as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("no-self-grant", "grantee.id"));
        }

        @Test
        void anAdministratorMayNotGrantAGroupTheyBelongTo() {
            fixture.givenNoPriorActivity()
                    .when(
                            grant(
                                    AccessScope.PROGRAM,
                                    PROGRAM,
                                    new Grantee(GranteeKind.GROUP, "pmo-office"),
                                    AccessRole.FINANCE_CONTROLLER),
                            as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("no-self-grant", "grantee.id"));
        }

        @Test
        void theLedgerItselfRecordsTheBootstrapAdministrator() {
            Grantee ada = new Grantee(GranteeKind.PERSON, "ada");
            fixture.givenNoPriorActivity()
                    .when(
                            grant(AccessScope.PORTFOLIO, null, ada, AccessRole.PROGRAM_ADMINISTRATOR),
                            as(SystemAction.ACTOR))
                    .expectEvents(new AccessGrantedEvent(
                            "G1",
                            AccessScope.PORTFOLIO,
                            null,
                            ada,
                            AccessRole.PROGRAM_ADMINISTRATOR,
                            FROM,
                            null,
                            SystemAction.ACTOR));
        }

        @Test
        void theLastDayIsNotBeforeTheFirst() {
            fixture.givenNoPriorActivity()
                    .when(
                            new GrantAccessCommand(
                                    "G1",
                                    AccessScope.PROGRAM,
                                    PROGRAM,
                                    AUDITOR,
                                    AccessRole.AUDITOR,
                                    FROM,
                                    FROM.minusDays(1),
                                    Set.of()),
                            as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("to-not-before-from", "validTo"));
        }

        @ParameterizedTest
        @ValueSource(strings = {" audrey", "audrey ", "aud\u0007rey"})
        void aGranteeIdIsKeptExactlyAsTheProviderWritesIt(String id) {
            fixture.givenNoPriorActivity()
                    .when(
                            grant(AccessScope.PROGRAM, PROGRAM, new Grantee(GranteeKind.PERSON, id), AccessRole.VIEWER),
                            as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("format", "grantee.id"));
        }
    }

    @Nested
    class Revoking {

        @Test
        void aGrantIsRevokedOnceWithWhatItWas() {
            fixture.given(GRANTED)
                    .when(new RevokeAccessCommand("G1", AccessScope.PROGRAM, PROGRAM), as("ada"))
                    .expectEvents(new AccessRevokedEvent(
                            "G1", AccessScope.PROGRAM, PROGRAM, AUDITOR, AccessRole.AUDITOR, "ada"));
        }

        @Test
        void aRevocationTakesEffectNowOrEarlierNeverLater() {
            fixture.given(GRANTED)
                    .when(
                            new RevokeAccessCommand("G1", AccessScope.PROGRAM, PROGRAM),
                            Map.of("actor", "ada", "effectiveAt", "2026-06-16T00:00:00Z"))
                    .expectNoEvents()
                    .expectExceptionDetails(invalid("not-in-future", "effectiveAt"));
            fixture.given(GRANTED)
                    .when(
                            new RevokeAccessCommand("G1", AccessScope.PROGRAM, PROGRAM),
                            Map.of("actor", "ada", "effectiveAt", "2026-04-01T00:00:00Z"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aRevokedGrantIsNotRevokedAgain() {
            fixture.given(
                            GRANTED,
                            new AccessRevokedEvent(
                                    "G1", AccessScope.PROGRAM, PROGRAM, AUDITOR, AccessRole.AUDITOR, "ada"))
                    .when(new RevokeAccessCommand("G1", AccessScope.PROGRAM, PROGRAM), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(conflict("already-revoked"));
        }

        @Test
        void aGrantOfAnotherProgramIsNotFoundThere() {
            fixture.given(GRANTED)
                    .when(new RevokeAccessCommand("G1", AccessScope.PROGRAM, "OTHER"), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(notFound("unknown-grant", "grantId"));
            fixture.given(GRANTED)
                    .when(new RevokeAccessCommand("G1", AccessScope.PORTFOLIO, null), as("ada"))
                    .expectNoEvents()
                    .expectExceptionDetails(notFound("unknown-grant", "grantId"));
        }
    }
}
