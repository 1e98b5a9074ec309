package io.governanceledger.command.deadlines;

import io.governanceledger.events.LedgerMetaData;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MetaData;

/**
 * Metadata for events the ledger records on its own when a deadline passes: nobody acts, so the actor
 * is the ledger itself; the deadline message is the cause, and the request that set it, if known, is
 * the correlation.
 */
public final class SystemAction {

    /** The actor of events the ledger records on its own. */
    public static final String ACTOR = "system:governance-ledger";

    /** The name shown for that actor. */
    public static final String ACTOR_NAME = "Governance Ledger";

    private SystemAction() {}

    /** Metadata of an event the ledger records on its own, for the program, saying why. */
    public static MetaData metaData(String programId, String reason) {
        return MetaData.with(LedgerMetaData.ACTOR, ACTOR)
                .and(LedgerMetaData.PROGRAM_ID, programId)
                .and(LedgerMetaData.REASON, reason);
    }

    public static MetaData metaData(DeadlineMessage<?> deadline, String programId, String reason) {
        Object correlation =
                deadline.getMetaData().getOrDefault(LedgerMetaData.CORRELATION_ID, deadline.getIdentifier());
        return metaData(programId, reason)
                .and(LedgerMetaData.CORRELATION_ID, correlation)
                .and(LedgerMetaData.CAUSATION_ID, deadline.getIdentifier());
    }
}
