package io.governanceledger.command.decisions;

import io.governanceledger.events.decisions.DecisionDetails;
import io.governanceledger.events.decisions.DecisionOption;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Rules on the content of a decision as recorded, shared by recording and superseding. */
final class DecisionContentRules {

    private DecisionContentRules() {}

    static void check(DecisionDetails details, BusinessClock clock) {
        if (details == null) {
            throw RuleViolationException.invalid("required", "details", "are required");
        }
        requireText(details.title(), "title");
        requireText(details.context(), "context");
        requireText(details.rationale(), "rationale");
        requireText(details.decidingBody(), "decidingBody");
        if (details.options().isEmpty()) {
            throw RuleViolationException.invalid("required", "options", "at least one option considered is required");
        }
        Set<String> keys = new HashSet<>();
        for (DecisionOption option : details.options()) {
            if (!keys.add(option.key())) {
                throw RuleViolationException.invalid(
                        "unique-option-keys", "options", "option key '" + option.key() + "' is used twice");
            }
        }
        if (details.chosenOption() != null && !details.hasOption(details.chosenOption())) {
            throw RuleViolationException.invalid(
                    "known-option",
                    "chosenOption",
                    "'" + details.chosenOption() + "' is not one of the options considered");
        }
        if (details.distinctParticipantNames() != details.participants().size()) {
            throw RuleViolationException.invalid(
                    "unique-participants", "participants", "a participant is listed twice");
        }
        if (details.participants().stream()
                .anyMatch(p -> p.name() == null || p.name().isBlank())) {
            throw RuleViolationException.invalid("required", "participants", "every participant needs a name");
        }
        if (details.quorum() != null
                && details.quorum() > details.participants().size()) {
            throw RuleViolationException.invalid(
                    "quorum",
                    "quorum",
                    "quorum of " + details.quorum() + " is not met by "
                            + details.participants().size() + " participants");
        }
        checkDecisionDate(details.decidedOn(), details.meetingDate(), clock, "decidedOn");
        LocalDate notBefore = details.decidedOn() != null ? details.decidedOn() : details.meetingDate();
        checkEffectiveFrom(details.effectiveFrom(), notBefore);
    }

    /** A decision date is never in the future nor before the meeting that took it. */
    static void checkDecisionDate(LocalDate decidedOn, LocalDate meetingDate, BusinessClock clock, String field) {
        if (decidedOn == null) {
            return;
        }
        if (decidedOn.isAfter(clock.today())) {
            throw RuleViolationException.invalid("not-in-future", field, "must not be in the future");
        }
        if (meetingDate != null && decidedOn.isBefore(meetingDate)) {
            throw RuleViolationException.invalid(
                    "not-before-meeting", field, "must not be before the meeting date " + meetingDate);
        }
    }

    /** A decision cannot take effect before it was taken. */
    static void checkEffectiveFrom(LocalDate effectiveFrom, LocalDate decidedOn) {
        if (effectiveFrom != null && decidedOn != null && effectiveFrom.isBefore(decidedOn)) {
            throw RuleViolationException.invalid(
                    "effective-not-before-decision",
                    "effectiveFrom",
                    "must not be before the decision date " + decidedOn);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("required", field, "must not be blank");
        }
    }
}
