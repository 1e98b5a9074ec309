package io.governanceledger.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A record's states over effective time, from its facts as known now. The state on an effective
 * instant D is the fold, in ledger order, of the facts effective on or before D; a record exists from
 * its earliest effective fact, and its first fact (the one that created it) always applies once any
 * fact applies, so a back-dated approval never leaves a decision without its content.
 */
public final class Timeline {

    private Timeline() {}

    /** The state {@code state} holds from {@code from} (inclusive) until {@code until} (exclusive, null: open). */
    public record Segment<S>(Instant from, Instant until, S state) {}

    /**
     * @param facts the record's facts in ledger order
     * @param fold  the next state from the previous one (null before the first fact) and a fact
     */
    public static <S> List<Segment<S>> of(List<Fact> facts, BiFunction<S, Fact, S> fold) {
        TreeSet<Instant> breakpoints = new TreeSet<>();
        facts.forEach(fact -> breakpoints.add(fact.effectiveAt()));
        List<Segment<S>> segments = new ArrayList<>();
        Instant from = null;
        S current = null;
        for (Instant breakpoint : breakpoints) {
            S state = stateAt(facts, breakpoint, fold);
            if (from != null && Objects.equals(state, current)) {
                continue;
            }
            if (from != null) {
                segments.add(new Segment<>(from, breakpoint, current));
            }
            from = breakpoint;
            current = state;
        }
        if (from != null) {
            segments.add(new Segment<>(from, null, current));
        }
        // a fold that gives no state (facts about a record that does not exist there) gives no version
        segments.removeIf(segment -> segment.state() == null);
        return segments;
    }

    /**
     * Of a record's facts in ledger order, those that apply on {@code at}: the ones effective by then,
     * and the record's first fact with them.
     */
    public static <T> List<T> applying(List<T> facts, Function<T, Instant> effectiveAt, Instant at) {
        List<T> applying = new ArrayList<>();
        for (T fact : facts) {
            if (!effectiveAt.apply(fact).isAfter(at)) {
                applying.add(fact);
            }
        }
        if (!applying.isEmpty() && applying.get(0) != facts.get(0)) {
            applying.add(0, facts.get(0));
        }
        return applying;
    }

    private static <S> S stateAt(List<Fact> facts, Instant effectiveAt, BiFunction<S, Fact, S> fold) {
        S state = null;
        for (Fact fact : applying(facts, Fact::effectiveAt, effectiveAt)) {
            state = fold.apply(state, fact);
        }
        return state;
    }
}
