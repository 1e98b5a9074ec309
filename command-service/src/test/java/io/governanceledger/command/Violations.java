package io.governanceledger.command;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.support.messaging.RuleViolation;
import io.governanceledger.support.time.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Test helpers: matchers for the rule a command broke and for effective times, and the fixtures' clock. */
public final class Violations {

    /** "Today" in the fixtures is 15 June 2026, in Brussels. */
    public static final BusinessClock CLOCK = new BusinessClock(
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC")), ZoneId.of("Europe/Brussels"));

    private Violations() {}

    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind, String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind
                        && violation.rule().equals(rule)
                        && Objects.equals(violation.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind + " " + rule + " on " + field);
            }
        };
    }

    /** The events carry exactly these effective instants, in order. */
    public static Matcher<List<EventMessage<?>>> effectiveAt(String... instants) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream()
                        .map(event -> event.getMetaData().get(LedgerMetaData.EFFECTIVE_AT))
                        .toList()
                        .equals(List.of(instants));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events effective at " + List.of(instants));
            }
        };
    }

    /** A matcher from a predicate, for record payloads (Hamcrest's property matchers expect getters). */
    public static <T> Matcher<T> satisfies(String description, java.util.function.Predicate<T> predicate) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(T item) {
                return predicate.test(item);
            }

            @Override
            public void describeTo(Description text) {
                text.appendText(description);
            }
        };
    }

    public static Matcher<RuleViolation> invalid(String rule, String field) {
        return violation(RuleViolation.Kind.INVALID, rule, field);
    }

    public static Matcher<RuleViolation> conflict(String rule) {
        return violation(RuleViolation.Kind.CONFLICT, rule, null);
    }

    public static Matcher<RuleViolation> notFound(String rule, String field) {
        return violation(RuleViolation.Kind.NOT_FOUND, rule, field);
    }
}
