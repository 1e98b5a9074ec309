package io.governanceledger.command.decisions;

import static io.governanceledger.command.Violations.CLOCK;
import static io.governanceledger.command.Violations.conflict;
import static io.governanceledger.command.Violations.effectiveAt;
import static io.governanceledger.command.Violations.invalid;
import static io.governanceledger.command.Violations.notFound;

import io.governanceledger.command.programs.ProgramStanding;
import io.governanceledger.events.decisions.DecisionApprovedEvent;
import io.governanceledger.events.decisions.DecisionDeferredEvent;
import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionOption;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRejectedEvent;
import io.governanceledger.events.decisions.DecisionRevokedEvent;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.events.decisions.DecisionSupersededEvent;
import io.governanceledger.events.decisions.Participant;
import io.governanceledger.events.decisions.RecordKind;
import io.governanceledger.events.decisions.RecordLink;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final String PROGRAM = "AIR-1";
    private static final String ID = "d-1";
    private static final LocalDate MEETING = LocalDate.of(2026, 3, 10);

    private final Set<String> closedPrograms = new HashSet<>();
    private final ProgramStanding standing = programId -> {
        if (!programId.equals(PROGRAM) && !programId.equals("OTHER")) {
            throw RuleViolationException.notFound("unknown-program", "programId", "No program " + programId);
        }
        if (closedPrograms.contains(programId)) {
            throw RuleViolationException.conflict("program-closed", "closed");
        }
        return new ProgramStanding.ProgramFacts("EUR", LocalDate.of(2024, 1, 1), LocalDate.of(2039, 1, 1));
    };
    /** What the decision log told change control, in order. */
    private final List<String> taken = new ArrayList<>();

    private final DecisionFollowers followers = new DecisionFollowers() {
        @Override
        public void decisionTaken(
                String programId, String decisionId, DecisionStatus outcome, LocalDate decidedOn, String conditions) {
            taken.add(decisionId + " " + outcome + " " + decidedOn + " " + conditions);
        }

        @Override
        public boolean authorises(String programId, String reference) {
            return false;
        }
    };

    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(standing);
        fixture.registerInjectableResource(followers);
    }

    static DecisionDetails details(String chosen, LocalDate decidedOn, LocalDate effectiveFrom) {
        return new DecisionDetails(
                "Adopt cloud hosting",
                "Hosting contract ends in 2026",
                List.of(new DecisionOption("A", "Stay"), new DecisionOption("B", "Move")),
                chosen,
                "Cheaper over ten years",
                "Steering Committee",
                MEETING,
                decidedOn,
                effectiveFrom,
                people("Alice (chair)", "Bob", "Carol"),
                2,
                List.of(new RecordLink(RecordKind.CHANGE_REQUEST, "CR-12", "authorises")));
    }

    static List<Participant> people(String... texts) {
        return java.util.Arrays.stream(texts).map(Participant::parse).toList();
    }

    static DecisionRecordedEvent recorded() {
        return new DecisionRecordedEvent(ID, PROGRAM, details("B", null, null), null);
    }

    static DecisionApprovedEvent approved() {
        return new DecisionApprovedEvent(ID, PROGRAM, MEETING, MEETING, "B", null);
    }

    @Nested
    class Recording {

        @Test
        void recordsAProposedDecisionOnTheRegisterFromTheMeetingItWasTabledAt() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, details("B", null, null)))
                    .expectEvents(recorded())
                    .expectEventsMatching(effectiveAt("2026-03-09T23:00:00Z"));
        }

        @Test
        void aDecisionTabledForALaterMeetingIsOnTheRegisterFromWhenItIsRecorded() {
            DecisionDetails forJuly = new DecisionDetails(
                    "t",
                    "ctx",
                    details("B", null, null).options(),
                    null,
                    "why",
                    "SC",
                    LocalDate.of(2026, 7, 2),
                    null,
                    null,
                    List.of(),
                    null,
                    List.of());
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, forJuly))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(effectiveAt("2026-06-15T10:00:00Z"));
        }

        @Test
        void unknownProgramIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, "NOPE", details("B", null, null)))
                    .expectExceptionDetails(notFound("unknown-program", "programId"))
                    .expectNoEvents();
        }

        @Test
        void closedProgramTakesNoDecisions() {
            closedPrograms.add(PROGRAM);
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, details("B", null, null)))
                    .expectExceptionDetails(conflict("program-closed"))
                    .expectNoEvents();
        }

        @Test
        void contentNeedsTitleContextRationaleAndDecidingBody() {
            DecisionDetails valid = details("B", null, null);
            record Case(String field, DecisionDetails details) {}
            for (Case c : List.of(
                    new Case(
                            "title",
                            new DecisionDetails(
                                    " ",
                                    valid.context(),
                                    valid.options(),
                                    null,
                                    valid.rationale(),
                                    valid.decidingBody(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)),
                    new Case(
                            "context",
                            new DecisionDetails(
                                    "t",
                                    null,
                                    valid.options(),
                                    null,
                                    valid.rationale(),
                                    valid.decidingBody(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)),
                    new Case(
                            "rationale",
                            new DecisionDetails(
                                    "t",
                                    "c",
                                    valid.options(),
                                    null,
                                    "",
                                    valid.decidingBody(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)),
                    new Case(
                            "decidingBody",
                            new DecisionDetails(
                                    "t", "c", valid.options(), null, "r", null, null, null, null, null, null, null)),
                    new Case(
                            "options",
                            new DecisionDetails(
                                    "t", "c", List.of(), null, "r", "SC", null, null, null, null, null, null)))) {
                fixture.givenNoPriorActivity()
                        .when(new RecordDecisionCommand(ID, PROGRAM, c.details()))
                        .expectExceptionDetails(invalid("required", c.field()))
                        .expectNoEvents();
            }
        }

        @Test
        void optionKeysAreUnique() {
            DecisionDetails twice = new DecisionDetails(
                    "t",
                    "c",
                    List.of(new DecisionOption("A", "x"), new DecisionOption("A", "y")),
                    null,
                    "r",
                    "SC",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, twice))
                    .expectExceptionDetails(invalid("unique-option-keys", "options"));
        }

        @Test
        void chosenOptionMustBeOneOfTheOptions() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, details("C", null, null)))
                    .expectExceptionDetails(invalid("known-option", "chosenOption"));
        }

        @Test
        void participantsAreListedOnceAndMustMeetTheQuorum() {
            DecisionDetails valid = details("B", null, null);
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(
                            ID,
                            PROGRAM,
                            new DecisionDetails(
                                    "t",
                                    "c",
                                    valid.options(),
                                    null,
                                    "r",
                                    "SC",
                                    null,
                                    null,
                                    null,
                                    people("Alice", "Alice (chair)"),
                                    null,
                                    null)))
                    .expectExceptionDetails(invalid("unique-participants", "participants"));
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(
                            ID,
                            PROGRAM,
                            new DecisionDetails(
                                    "t",
                                    "c",
                                    valid.options(),
                                    null,
                                    "r",
                                    "SC",
                                    null,
                                    null,
                                    null,
                                    people("Alice", "Bob"),
                                    3,
                                    null)))
                    .expectExceptionDetails(invalid("quorum", "quorum"));
        }

        @Test
        void decisionDateIsNeitherInTheFutureNorBeforeTheMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(
                            ID, PROGRAM, details("B", CLOCK.today().plusDays(1), null)))
                    .expectExceptionDetails(invalid("not-in-future", "decidedOn"));
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, details("B", MEETING.minusDays(1), null)))
                    .expectExceptionDetails(invalid("not-before-meeting", "decidedOn"));
        }

        @Test
        void effectiveDateIsNotBeforeTheDecisionDate() {
            fixture.givenNoPriorActivity()
                    .when(new RecordDecisionCommand(ID, PROGRAM, details("B", MEETING, MEETING.minusDays(1))))
                    .expectExceptionDetails(invalid("effective-not-before-decision", "effectiveFrom"));
        }
    }

    @Nested
    class Approving {

        @Test
        void approvalChangesTheStatusOnTheDecisionDateWhileItsContentGovernsFromItsEffectiveDate() {
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, LocalDate.of(2026, 7, 1), null, null))
                    .expectEvents(new DecisionApprovedEvent(ID, PROGRAM, MEETING, LocalDate.of(2026, 7, 1), "B", null))
                    .expectEventsMatching(effectiveAt("2026-03-09T23:00:00Z"));
        }

        @Test
        void effectiveDateDefaultsToTheDecisionDateAndTheBodyMayChooseAnotherOption() {
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, "A", null))
                    .expectEvents(new DecisionApprovedEvent(ID, PROGRAM, MEETING, MEETING, "A", null));
        }

        @Test
        void recordedEffectiveDateIsKeptWhenApprovalNamesNone() {
            fixture.given(new DecisionRecordedEvent(ID, PROGRAM, details("B", null, LocalDate.of(2026, 9, 1)), null))
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, null, null))
                    .expectEvents(new DecisionApprovedEvent(ID, PROGRAM, MEETING, LocalDate.of(2026, 9, 1), "B", null));
        }

        @Test
        void approvalNeedsAKnownChosenOption() {
            fixture.given(new DecisionRecordedEvent(ID, PROGRAM, details(null, null, null), null))
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, null, null))
                    .expectExceptionDetails(invalid("required", "chosenOption"));
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, "Z", null))
                    .expectExceptionDetails(invalid("known-option", "chosenOption"));
        }

        @Test
        void approvalDatesAreChecked() {
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, null, null, null, null))
                    .expectExceptionDetails(invalid("required", "decidedOn"));
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, CLOCK.today().plusDays(1), null, null, null))
                    .expectExceptionDetails(invalid("not-in-future", "decidedOn"));
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING.minusDays(1), null, null, null))
                    .expectExceptionDetails(invalid("not-before-meeting", "decidedOn"));
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, MEETING.minusDays(1), null, null))
                    .expectExceptionDetails(invalid("effective-not-before-decision", "effectiveFrom"))
                    .expectNoEvents();
        }

        @Test
        void aDeferredDecisionCanBeApprovedLater() {
            fixture.given(recorded(), new DecisionDeferredEvent(ID, PROGRAM, MEETING, null))
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING.plusDays(30), null, null, null))
                    .expectEvents(new DecisionApprovedEvent(
                            ID, PROGRAM, MEETING.plusDays(30), MEETING.plusDays(30), "B", null));
        }

        @Test
        void onlyProposedOrDeferredDecisionsCanBeApproved() {
            fixture.given(recorded(), approved())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, null, null))
                    .expectExceptionDetails(conflict("decision-approved"));
            fixture.given(recorded(), new DecisionRejectedEvent(ID, PROGRAM, MEETING))
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, null, null))
                    .expectExceptionDetails(conflict("decision-rejected"))
                    .expectNoEvents();
        }

        @Test
        void aDecisionOfAnotherProgramIsUnknownHere() {
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, "OTHER", MEETING, null, null, null))
                    .expectExceptionDetails(notFound("unknown-decision", "decisionId"));
        }

        @Test
        void closedProgramTakesNoApprovals() {
            closedPrograms.add(PROGRAM);
            fixture.given(recorded())
                    .when(new ApproveDecisionCommand(ID, PROGRAM, MEETING, null, null, null))
                    .expectExceptionDetails(conflict("program-closed"));
        }
    }

    @Nested
    class RejectingAndDeferring {

        @Test
        void rejectsAProposedDecision() {
            fixture.given(recorded())
                    .when(new RejectDecisionCommand(ID, PROGRAM, MEETING))
                    .expectEvents(new DecisionRejectedEvent(ID, PROGRAM, MEETING));
        }

        @Test
        void anApprovedDecisionCannotBeRejectedOrDeferred() {
            fixture.given(recorded(), approved())
                    .when(new RejectDecisionCommand(ID, PROGRAM, MEETING))
                    .expectExceptionDetails(conflict("decision-approved"));
            fixture.given(recorded(), approved())
                    .when(new DeferDecisionCommand(ID, PROGRAM, MEETING, null))
                    .expectExceptionDetails(conflict("decision-approved"));
        }

        @Test
        void defersUntilALaterDateAndCanDeferAgain() {
            fixture.given(recorded())
                    .when(new DeferDecisionCommand(ID, PROGRAM, MEETING, LocalDate.of(2026, 5, 1)))
                    .expectEvents(new DecisionDeferredEvent(ID, PROGRAM, MEETING, LocalDate.of(2026, 5, 1)));
            fixture.given(recorded(), new DecisionDeferredEvent(ID, PROGRAM, MEETING, null))
                    .when(new DeferDecisionCommand(ID, PROGRAM, MEETING.plusDays(7), null))
                    .expectEvents(new DecisionDeferredEvent(ID, PROGRAM, MEETING.plusDays(7), null));
        }

        @Test
        void deferralDateMustFollowTheMeeting() {
            fixture.given(recorded())
                    .when(new DeferDecisionCommand(ID, PROGRAM, MEETING, MEETING))
                    .expectExceptionDetails(invalid("after-decision-date", "deferredUntil"));
        }
    }

    @Nested
    class Superseding {

        private final LocalDate later = LocalDate.of(2026, 4, 1);

        @Test
        void aNewApprovedDecisionReplacesTheOldOneAndBothAreLinked() {
            DecisionDetails replacing = details("A", later, null);
            fixture.given(recorded(), approved())
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", replacing))
                    .expectEvents(
                            new DecisionSupersededEvent(ID, PROGRAM, "d-2", later),
                            new DecisionRecordedEvent("d-2", PROGRAM, replacing, ID),
                            new DecisionApprovedEvent("d-2", PROGRAM, later, later, "A", null));
        }

        @Test
        void onlyAnApprovedDecisionCanBeSuperseded() {
            DecisionDetails replacing = details("A", later, null);
            fixture.given(recorded())
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", replacing))
                    .expectExceptionDetails(conflict("decision-proposed"));
            fixture.given(recorded(), approved(), new DecisionSupersededEvent(ID, PROGRAM, "d-0", later))
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", replacing))
                    .expectExceptionDetails(conflict("decision-superseded"))
                    .expectNoEvents();
            fixture.given(recorded(), approved(), new DecisionRevokedEvent(ID, PROGRAM, later, later))
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", replacing))
                    .expectExceptionDetails(conflict("decision-revoked"))
                    .expectNoEvents();
        }

        @Test
        void theReplacingDecisionIsDecidedWithAChosenOptionNotBeforeTheOriginal() {
            fixture.given(recorded(), approved())
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", details("A", null, null)))
                    .expectExceptionDetails(invalid("required", "decidedOn"));
            fixture.given(recorded(), approved())
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", details(null, later, null)))
                    .expectExceptionDetails(invalid("required", "chosenOption"));
            fixture.given(
                            new DecisionRecordedEvent(ID, PROGRAM, details("B", null, null), null),
                            new DecisionApprovedEvent(ID, PROGRAM, later, later, "B", null))
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", details("A", MEETING, null)))
                    .expectExceptionDetails(invalid("not-before-superseded", "decidedOn"))
                    .expectNoEvents();
        }

        @Test
        void theReplacingContentFollowsTheRecordingRules() {
            fixture.given(recorded(), approved())
                    .when(new SupersedeDecisionCommand(ID, PROGRAM, "d-2", details("Z", later, null)))
                    .expectExceptionDetails(invalid("known-option", "chosenOption"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Revoking {

        private final LocalDate later = LocalDate.of(2026, 5, 20);

        @Test
        void revokesAnApprovedDecisionFromItsRevocationDate() {
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, null))
                    .expectEvents(new DecisionRevokedEvent(ID, PROGRAM, later, later))
                    .expectEventsMatching(effectiveAt("2026-05-19T22:00:00Z"));
        }

        @Test
        void aRevocationTakingEffectLaterChangesTheStatusOnTheDayItIsDecided() {
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, LocalDate.of(2026, 9, 1)))
                    .expectEvents(new DecisionRevokedEvent(ID, PROGRAM, later, LocalDate.of(2026, 9, 1)))
                    .expectEventsMatching(effectiveAt("2026-05-19T22:00:00Z"));
        }

        @Test
        void onlyAnApprovedDecisionCanBeRevokedOnce() {
            fixture.given(recorded())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, null))
                    .expectExceptionDetails(conflict("decision-proposed"));
            fixture.given(recorded(), approved(), new DecisionRevokedEvent(ID, PROGRAM, later, later))
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, null))
                    .expectExceptionDetails(conflict("decision-revoked"));
            fixture.given(recorded(), approved(), new DecisionSupersededEvent(ID, PROGRAM, "d-2", later))
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, null))
                    .expectExceptionDetails(conflict("decision-superseded"));
        }

        @Test
        void revocationDatesAreChecked() {
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, MEETING.minusDays(1), null))
                    .expectExceptionDetails(invalid("not-before-decision", "revokedOn"));
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, CLOCK.today().plusDays(1), null))
                    .expectExceptionDetails(invalid("not-in-future", "revokedOn"));
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, later.minusDays(1)))
                    .expectExceptionDetails(invalid("effective-not-before-revocation", "effectiveFrom"));
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, null, null))
                    .expectExceptionDetails(invalid("required", "revokedOn"))
                    .expectNoEvents();
        }

        @Test
        void aRevocationMayTakeEffectLater() {
            fixture.given(recorded(), approved())
                    .when(new RevokeDecisionCommand(ID, PROGRAM, later, LocalDate.of(2026, 12, 31)))
                    .expectEvents(new DecisionRevokedEvent(ID, PROGRAM, later, LocalDate.of(2026, 12, 31)));
        }
    }
}
