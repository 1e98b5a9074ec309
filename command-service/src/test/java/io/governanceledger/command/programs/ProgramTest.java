package io.governanceledger.command.programs;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.effectiveAt;
import static io.governanceledger.command.Violations.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.programs.ProgramClosedEvent;
import io.governanceledger.events.programs.ProgramCreatedEvent;
import io.governanceledger.events.programs.ProgramRenamedEvent;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgramTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ProgramCreatedEvent CREATED =
            new ProgramCreatedEvent("AIR-1", "Airport automation", "COO", START, LocalDate.of(2039, 1, 1), "EUR");

    private FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CreateProgramCommand create(
            String id, String name, String sponsor, LocalDate start, LocalDate end, String currency) {
        return new CreateProgramCommand(id, name, sponsor, start, end, currency);
    }

    @Test
    void createdProgramTakesEffectAtTheStartOfItsStartDateInTheBusinessZone() {
        fixture.givenNoPriorActivity()
                .when(create("AIR-1", " Airport automation ", "COO", START, LocalDate.of(2039, 1, 1), "EUR"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED)
                .expectEventsMatching(effectiveAt("2023-12-31T23:00:00Z"));
    }

    @Test
    void aProgramStartingLaterExistsFromWhenItIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(create(
                        "AIR-2",
                        "Airport automation",
                        "COO",
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2039, 1, 1),
                        "EUR"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(effectiveAt("2026-06-15T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " AIR",
                "AIR 1",
                "-AIR",
                "a/b",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void malformedIdIsRefused(String id) {
        fixture.givenNoPriorActivity()
                .when(create(id, "n", "s", START, START.plusYears(1), "EUR"))
                .expectException(RuleViolationException.class)
                .expectExceptionDetails(invalid("format", "programId"))
                .expectNoEvents();
    }

    @Test
    void blankNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("P", "  ", "s", START, START.plusYears(1), "EUR"))
                .expectExceptionDetails(invalid("required", "name"));
    }

    @Test
    void missingSponsorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create("P", "n", null, START, START.plusYears(1), "EUR"))
                .expectExceptionDetails(invalid("required", "sponsor"));
    }

    @Test
    void missingDatesAreRefused() {
        fixture.givenNoPriorActivity()
                .when(create("P", "n", "s", null, START, "EUR"))
                .expectExceptionDetails(invalid("required", "startDate"));
        fixture.givenNoPriorActivity()
                .when(create("P", "n", "s", START, null, "EUR"))
                .expectExceptionDetails(invalid("required", "plannedEndDate"));
    }

    @Test
    void plannedEndMustBeAfterStart() {
        fixture.givenNoPriorActivity()
                .when(create("P", "n", "s", START, START, "EUR"))
                .expectExceptionDetails(invalid("end-after-start", "plannedEndDate"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "eur", "EURO", ""})
    void currencyMustBeAnIsoCode(String currency) {
        fixture.givenNoPriorActivity()
                .when(create("P", "n", "s", START, START.plusYears(1), currency))
                .expectExceptionDetails(invalid("iso-4217", "currency"))
                .expectNoEvents();
    }

    @Test
    void renameRecordsPreviousAndNewName() {
        fixture.given(CREATED)
                .when(new RenameProgramCommand("AIR-1", "Airport automation phase 2"))
                .expectEvents(new ProgramRenamedEvent("AIR-1", "Airport automation", "Airport automation phase 2"));
    }

    @Test
    void renameToTheSameNameIsRefused() {
        fixture.given(CREATED)
                .when(new RenameProgramCommand("AIR-1", "Airport automation"))
                .expectExceptionDetails(invalid("unchanged", "name"))
                .expectNoEvents();
    }

    @Test
    void closedProgramCannotBeRenamed() {
        fixture.given(CREATED, new ProgramClosedEvent("AIR-1", LocalDate.of(2026, 1, 31)))
                .when(new RenameProgramCommand("AIR-1", "Other"))
                .expectExceptionDetails(conflict("program-closed"))
                .expectNoEvents();
    }

    @Test
    void closeTakesEffectOnItsDate() {
        fixture.given(CREATED)
                .when(new CloseProgramCommand("AIR-1", LocalDate.of(2026, 6, 1)))
                .expectEvents(new ProgramClosedEvent("AIR-1", LocalDate.of(2026, 6, 1)))
                .expectEventsMatching(effectiveAt("2026-05-31T22:00:00Z"));
    }

    @Test
    void closingTwiceIsRefused() {
        fixture.given(CREATED, new ProgramClosedEvent("AIR-1", LocalDate.of(2026, 1, 31)))
                .when(new CloseProgramCommand("AIR-1", LocalDate.of(2026, 2, 1)))
                .expectExceptionDetails(conflict("program-closed"));
    }

    @Test
    void closeBeforeStartOrInTheFutureOrUndatedIsRefused() {
        fixture.given(CREATED)
                .when(new CloseProgramCommand("AIR-1", START.minusDays(1)))
                .expectExceptionDetails(invalid("not-before-start", "closedOn"));
        fixture.given(CREATED)
                .when(new CloseProgramCommand("AIR-1", CLOCK.today().plusDays(1)))
                .expectExceptionDetails(invalid("not-in-future", "closedOn"));
        fixture.given(CREATED)
                .when(new CloseProgramCommand("AIR-1", null))
                .expectExceptionDetails(invalid("required", "closedOn"));
    }

    @Test
    void closingTodayIsAllowed() {
        fixture.given(CREATED)
                .when(new CloseProgramCommand("AIR-1", CLOCK.today()))
                .expectEvents(new ProgramClosedEvent("AIR-1", CLOCK.today()))
                .expectState(program -> assertThat(program.isClosed()).isTrue());
    }
}
