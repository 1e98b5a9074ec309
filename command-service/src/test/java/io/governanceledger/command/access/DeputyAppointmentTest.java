package io.governanceledger.command.access;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.effectiveAt;
import static io.governanceledger.command.Violations.invalid;
import static io.governanceledger.command.Violations.notFound;

import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.access.DeputyAppointedEvent;
import io.governanceledger.events.access.DeputyAppointmentRevokedEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeputyAppointmentTest {

    private static final String PROGRAM = "AIR-1";
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final DeputyAppointedEvent APPOINTED =
            new DeputyAppointedEvent("A1", PROGRAM, "chair", "secretary", FROM, null, "chair");

    private FixtureConfiguration<DeputyAppointment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeputyAppointment.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new ProgramStanding() {
            @Override
            public ProgramFacts requireOpen(String programId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void requireKnown(String programId) {
                if (!programId.equals(PROGRAM)) {
                    throw RuleViolationException.notFound("unknown-program", "programId", "No program " + programId);
                }
            }
        });
    }

    private static Map<String, Object> as(String actor) {
        return Map.of("actor", actor);
    }

    @Test
    void thePrincipalAppointsADeputyFromTheStartOfItsFirstDay() {
        fixture.givenNoPriorActivity()
                .when(new AppointDeputyCommand("A1", PROGRAM, "chair", "secretary", FROM, null), as("chair"))
                .expectEvents(APPOINTED)
                .expectEventsMatching(effectiveAt("2026-02-28T23:00:00Z"));
    }

    @Test
    void noOneIsTheirOwnDeputy() {
        fixture.givenNoPriorActivity()
                .when(new AppointDeputyCommand("A1", PROGRAM, "chair", "chair", FROM, null), as("chair"))
                .expectNoEvents()
                .expectExceptionDetails(invalid("not-oneself", "deputy"));
    }

    @Test
    void anAppointmentNeedsAProgramThatExistsAndDatesInOrder() {
        fixture.givenNoPriorActivity()
                .when(new AppointDeputyCommand("A1", "NOPE", "chair", "secretary", FROM, null), as("chair"))
                .expectExceptionDetails(notFound("unknown-program", "programId"));
        fixture.givenNoPriorActivity()
                .when(
                        new AppointDeputyCommand("A1", PROGRAM, "chair", "secretary", FROM, FROM.minusDays(1)),
                        as("chair"))
                .expectNoEvents()
                .expectExceptionDetails(invalid("to-not-before-from", "validTo"));
    }

    @Test
    void anAppointmentEndsOnceOnItsOwnProgram() {
        fixture.given(APPOINTED)
                .when(new RevokeDeputyCommand("A1", PROGRAM), as("ada"))
                .expectEvents(new DeputyAppointmentRevokedEvent("A1", PROGRAM, "chair", "secretary", "ada"));
        fixture.given(APPOINTED, new DeputyAppointmentRevokedEvent("A1", PROGRAM, "chair", "secretary", "ada"))
                .when(new RevokeDeputyCommand("A1", PROGRAM), as("ada"))
                .expectNoEvents()
                .expectExceptionDetails(conflict("already-revoked"));
        fixture.given(APPOINTED)
                .when(new RevokeDeputyCommand("A1", "OTHER"), as("ada"))
                .expectNoEvents()
                .expectExceptionDetails(notFound("unknown-appointment", "appointmentId"));
    }
}
