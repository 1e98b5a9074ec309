package io.governanceledger.query.timeline;

import io.governanceledger.support.ledger.LedgerReader;
import io.governanceledger.support.web.ProblemResponses;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.OptionalLong;

/**
 * Makes an answer "as known at C" final: asked again later, it is the same. A {@code knownAt} in the
 * future is refused (what will be known then is not known yet). One within the last second is held
 * until that second has passed, so a sealing batch stamped with it has committed; then the request
 * waits until every read model has committed every position recorded by C, and is answered 503 if
 * that takes longer than {@code WAIT}.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class KnownAtGuard extends OncePerRequestFilter {

    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final LedgerReader ledger;
    private final ReadModelPositions positions;
    private final ProblemResponses problems;
    private final ApplicationContext context;
    private volatile Map<String, Set<String>> handledTypes;
    /**
     * A ledger position every read model is known to have taken in. Positions only move forward (a
     * rebuild swaps in a copy that has caught up to the head), so an answer as known at an earlier
     * point needs no new look at the processors' tokens.
     */
    private final java.util.concurrent.atomic.AtomicLong reachedByAll = new java.util.concurrent.atomic.AtomicLong();

    KnownAtGuard(JdbcClient jdbc, LedgerReader ledger, ReadModelPositions positions, ProblemResponses problems,
                 ApplicationContext context) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.positions = positions;
        this.problems = problems;
        this.context = context;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getParameter("knownAt") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant knownAt;
        try {
            knownAt = Instant.parse(request.getParameter("knownAt"));
        } catch (DateTimeParseException e) {
            chain.doFilter(request, response); // the parameter's own conversion answers 400
            return;
        }
        if (knownAt.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problems.write(response, ProblemResponses.invalidInput("'knownAt' " + knownAt + " is out of range.", List.of(
                    new ProblemResponses.FieldError("knownAt", "range", "must be after the year 1"))));
            return;
        }
        Instant now = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
        if (knownAt.isAfter(now)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            problems.write(response, ProblemResponses.invalidInput("'knownAt' " + knownAt + " is in the future.", List.of(
                    new ProblemResponses.FieldError("knownAt", "not-in-future", "must not be after " + now))));
            return;
        }
        try {
            Duration settling = Duration.between(now, knownAt.plus(SETTLE));
            if (!settling.isNegative()) {
                Thread.sleep(settling.toMillis() + 1);
            }
            if (!readModelsReached(knownAt)) {
                behind(response, knownAt);
                return;
            }
        } catch (InterruptedException e) {
            // stopping: answer, rather than leave an empty 200
            Thread.currentThread().interrupt();
            behind(response, knownAt);
            return;
        }
        chain.doFilter(request, response);
    }

    private void behind(HttpServletResponse response, Instant knownAt) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "1");
        problems.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind",
                                                          "The read models have not yet taken in everything recorded by "
                                                                  + knownAt + "; retry in a moment."));
    }

    private boolean readModelsReached(Instant knownAt) throws InterruptedException {
        OptionalLong recorded = ledger.lastPositionRecordedBy(knownAt);
        if (recorded.isEmpty() || recorded.getAsLong() <= reachedByAll.get()) {
            return true;
        }
        long needed = recorded.getAsLong();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            boolean reached = true;
            for (var committed : positions.committed().entrySet()) {
                if (committed.getValue() < needed && handlesAnyBetween(committed.getKey(), committed.getValue(), needed)) {
                    reached = false;
                    break;
                }
            }
            if (reached) {
                reachedByAll.accumulateAndGet(needed, Math::max);
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    /**
     * Whether the read model has an event to handle in (after, upTo]. An idle processor stores its
     * position only every few seconds; events it does not handle cannot change its answers.
     */
    private boolean handlesAnyBetween(String readModel, long after, long upTo) {
        Set<String> types = handledTypes().get(readModel);
        if (types == null || types.contains(Object.class.getName())) {
            return true;
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_store.ledger_entry l JOIN event_store.domain_event_entry e"
                                + " ON e.global_index = l.global_index WHERE l.position > ? AND l.position <= ?"
                                + " AND e.payload_type = ANY (?))")
                   .params(after, upTo, types.toArray(String[]::new)).query(Boolean.class).single();
    }

    /** Per processing group, the event types its handlers take (their first parameter). */
    private Map<String, Set<String>> handledTypes() {
        Map<String, Set<String>> types = handledTypes;
        if (types == null) {
            types = new HashMap<>();
            for (var named : context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
                ProcessingGroup group = context.findAnnotationOnBean(named.getKey(), ProcessingGroup.class);
                Set<String> handled = types.computeIfAbsent(group.value(), name -> new HashSet<>());
                for (Method method : AopUtils.getTargetClass(named.getValue()).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                        handled.add(method.getParameterTypes()[0].getName());
                    }
                }
            }
            handledTypes = types;
        }
        return types;
    }
}
