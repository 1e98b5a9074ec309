package io.governanceledger.command.web;

import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.AccessInterceptor;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Subjects;
import io.governanceledger.support.web.AccessRefusal;
import io.governanceledger.support.web.IdempotencyFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the audit metadata of the HTTP request that asked for it: the authenticated
 * caller, the subject of their access token and its display name (never a name from the body), the client address, the reason, an optional explicit
 * effective instant, and the correlation id (taken from {@code X-Correlation-Id} or made here, and
 * echoed back). Waits for the command to be handled: a 2xx means its events are committed.
 */
@Component
public class CommandDispatcher {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /**
     * On a 2xx, the identifier of the last event the command recorded: sent back to the query service
     * as {@code Ledger-Read-After}, it makes the answer wait until every read model has taken it in.
     */
    public static final String LAST_EVENT_HEADER = "Ledger-Event-Id";

    /**
     * On a command, the person the caller acts for, by a deputy appointment in force on the program now;
     * recorded as {@code onBehalfOf} beside the actor. What may be done is still what the caller's own
     * grants allow, and rules on persons (four eyes, delegated limits) apply to the caller.
     */
    public static final String ON_BEHALF_OF_HEADER = "Ledger-On-Behalf-Of";

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final LastRecordedEvents lastRecordedEvents;
    private final AccessDecider access;
    private final AccessInterceptor accessCheck;

    public CommandDispatcher(
            CommandGateway commandGateway,
            HttpServletRequest request,
            HttpServletResponse response,
            LastRecordedEvents lastRecordedEvents,
            AccessDecider access,
            AccessInterceptor accessCheck) {
        this.commandGateway = commandGateway;
        this.request = request;
        this.response = response;
        this.lastRecordedEvents = lastRecordedEvents;
        this.access = access;
        this.accessCheck = accessCheck;
    }

    /** Sends and waits; returns the correlation id the command's events are stored under. */
    public String send(Object command, String programId, String reason) {
        return send(command, programId, reason, null);
    }

    public String send(Object command, String programId, String reason, Instant effectiveAt) {
        return sendForResult(command, programId, reason, effectiveAt).correlationId();
    }

    /** Sends and waits; returns what the handler answered as well. */
    public Sent sendForResult(Object command, String programId, String reason, Instant effectiveAt) {
        String correlationId = correlationId();
        Map<String, Object> metadata = new HashMap<>();
        // checked again now that the body has arrived: a grant revoked meanwhile refuses the command
        accessCheck.checkAgain(request);
        Caller caller = Caller.current();
        metadata.put(LedgerMetaData.ACTOR, caller.subject());
        metadata.put(LedgerMetaData.ACTOR_NAME, caller.name());
        onBehalfOf(caller, programId).ifPresent(principal -> metadata.put(LedgerMetaData.ON_BEHALF_OF, principal));
        metadata.put(LedgerMetaData.PROGRAM_ID, programId);
        metadata.put(LedgerMetaData.REASON, reason);
        metadata.put(LedgerMetaData.CORRELATION_ID, correlationId);
        metadata.put(LedgerMetaData.CLIENT_ADDRESS, request.getRemoteAddr());
        if (effectiveAt != null) {
            metadata.put(LedgerMetaData.EFFECTIVE_AT, effectiveAt.toString());
        }
        if (request.getAttribute(IdempotencyFilter.OWNED_KEY_ATTRIBUTE) instanceof String ownedKey) {
            metadata.put(LastRecordedEvents.IDEMPOTENCY_KEY, ownedKey);
        }
        CommandMessage<Object> message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata));
        Object result;
        try {
            result = commandGateway.sendAndWait(message, 30, TimeUnit.SECONDS);
        } finally {
            // a refusal the business keeps on record is answered 4xx but has recorded its event
            lastRecordedEvents
                    .take(message.getIdentifier())
                    .ifPresent(eventId -> response.setHeader(LAST_EVENT_HEADER, eventId));
        }
        return new Sent(correlationId, result);
    }

    public record Sent(String correlationId, Object result) {}

    private java.util.Optional<String> onBehalfOf(Caller caller, String programId) {
        String principal = request.getHeader(ON_BEHALF_OF_HEADER);
        if (principal == null) {
            return java.util.Optional.empty();
        }
        if (!Subjects.isKeepable(principal)) {
            throw RuleViolationException.invalid("format", ON_BEHALF_OF_HEADER, "must name a person: " + Subjects.RULE);
        }
        if (!access.actsFor(caller.subject(), principal, programId)) {
            throw new NotADeputyException(caller.subject(), principal, programId);
        }
        return java.util.Optional.of(principal);
    }

    /** 403: no deputy appointment in force lets the caller act for the person named. */
    public static final class NotADeputyException extends org.springframework.security.access.AccessDeniedException
            implements AccessRefusal {
        NotADeputyException(String deputy, String principal, String programId) {
            super("No deputy appointment in force on program '" + programId + "' lets '" + deputy
                    + "' act on behalf of '" + principal + "'.");
        }

        @Override
        public String rule() {
            return "not-a-deputy";
        }
    }

    private String correlationId() {
        String given = request.getHeader(CORRELATION_HEADER);
        if (given != null && !CORRELATION_ID.matcher(given).matches()) {
            throw RuleViolationException.invalid(
                    "format", CORRELATION_HEADER, "must be 1 to 100 letters, digits or . _ : -");
        }
        String correlationId = given != null ? given : UUID.randomUUID().toString();
        response.setHeader(CORRELATION_HEADER, correlationId);
        return correlationId;
    }
}
