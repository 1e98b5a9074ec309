package io.governanceledger.command.commandbus;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * A rule of one record that asks another record (a program's standing, an authorising decision, a
 * budget's estimates, a contract's terms, a milestone): read in the same unit of work, so a stale copy
 * is caught by {@link StaleAggregates}. No such record (no events, or the events of another kind of
 * record) is an answer, not a failure.
 */
public final class OtherRecords {

    private OtherRecords() {}

    /** The answer of record {@code id} to {@code question}; empty if there is no such record or it answers null. */
    public static <A, T> Optional<T> ask(Repository<A> records, String id, Function<A, T> question) {
        try {
            return Optional.ofNullable(records.load(id).invoke(question));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }
}
