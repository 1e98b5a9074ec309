package io.governanceledger.events;

import java.util.List;

/**
 * Keys of the metadata every stored event carries. The command side sets them from the
 * authenticated request; the event's own timestamp is the recorded time and is set by the server.
 */
public final class LedgerMetaData {

    /** The authenticated caller who caused the event: the subject of their access token. */
    public static final String ACTOR = "actor";
    /** The actor's display name as their identity provider gave it when the event was caused (optional). */
    public static final String ACTOR_NAME = "actorName";
    /**
     * The person on whose behalf the actor acted (optional), by an appointment as their deputy on the
     * program that was in force when the event was recorded.
     */
    public static final String ON_BEHALF_OF = "onBehalfOf";
    /** Business effective instant (ISO-8601); defaults to the recorded time. */
    public static final String EFFECTIVE_AT = "effectiveAt";
    /** Why the change was made, or the reference that authorises it. */
    public static final String REASON = "reason";
    /** Id shared by every message that stems from one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message (command) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Program the record belongs to; {@link #PORTFOLIO} for a record of the whole portfolio. */
    public static final String PROGRAM_ID = "programId";
    /**
     * The {@link #PROGRAM_ID} of records that belong to no single program (portfolio-wide access
     * grants). No program can have it: program ids start with a letter or digit.
     */
    public static final String PORTFOLIO = "*";
    /** Network address the request came from (ISO 27001 A.8.15: "from where"). */
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** Keys that every stored event must carry. */
    public static final List<String> REQUIRED =
            List.of(ACTOR, EFFECTIVE_AT, REASON, CORRELATION_ID, CAUSATION_ID, PROGRAM_ID);

    private LedgerMetaData() {}
}
