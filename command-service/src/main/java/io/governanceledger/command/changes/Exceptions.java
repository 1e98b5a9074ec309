package io.governanceledger.command.changes;

import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.changes.ToleranceBreach;
import io.governanceledger.events.changes.ToleranceExceptionRaisedEvent;
import io.governanceledger.events.changes.ToleranceKind;
import io.governanceledger.support.messaging.RuleViolationException;
import io.governanceledger.support.time.BusinessClock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;

/**
 * The exceptions of {@link ProgramChanges}: numbered EX-1, EX-2, ...; at most one open per subject
 * (a kind and a line, a milestone, the total or the scope); a subject whose last exception was decided
 * gets a new one only when its forecast changes.
 */
final class Exceptions {

    private int raised;
    /** Open exceptions by id, with their subject key. */
    private final Map<String, String> open = new HashMap<>();
    /** The last breach raised for each subject key. */
    private final Map<String, ToleranceBreach> last = new HashMap<>();
    /** When each exception was raised (its effective instant). */
    private final Map<String, java.time.Instant> raisedAt = new HashMap<>();

    String nextId() {
        return "EX-" + (raised + 1);
    }

    boolean isNew(ToleranceBreach breach) {
        String key = key(breach);
        if (open.containsValue(key)) {
            return false;
        }
        ToleranceBreach before = last.get(key);
        return before == null || !sameForecast(before, breach);
    }

    void requireOpen(String exceptionId) {
        if (open.containsKey(exceptionId)) {
            return;
        }
        if (known(exceptionId)) {
            throw RuleViolationException.conflict(
                    "exception-decided",
                    "Exception " + exceptionId + " is decided; a new one is raised if the forecast moves again.");
        }
        throw RuleViolationException.notFound(
                "unknown-exception", "exceptionId", "The program has no exception '" + exceptionId + "'.");
    }

    /** EX-1 up to the last number raised. */
    private boolean known(String exceptionId) {
        return exceptionId != null
                && exceptionId.matches("EX-[1-9][0-9]{0,8}")
                && Integer.parseInt(exceptionId.substring(3)) <= raised;
    }

    /** An open cost exception on the line or on the total. */
    Optional<String> openCostExceptionOn(String lineId) {
        return open.entrySet().stream()
                .filter(entry -> entry.getValue().equals(ToleranceKind.COST + ":" + lineId)
                        || entry.getValue().equals(ToleranceKind.COST + ":" + ToleranceBreach.TOTAL))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    /** When the exception was raised: the board answers it by a decision taken no earlier. */
    java.time.Instant raisedAt(String exceptionId) {
        return raisedAt.get(exceptionId);
    }

    void raised(ToleranceExceptionRaisedEvent event, java.time.Instant at) {
        raisedAt.put(event.exceptionId(), at);
        raised++;
        open.put(event.exceptionId(), key(event.breach()));
        last.put(key(event.breach()), event.breach());
    }

    void decided(String exceptionId) {
        open.remove(exceptionId);
    }

    /** A new baseline: a subject outside it again gets an exception, whatever the last one said. */
    void baselined() {
        last.clear();
    }

    /** Nobody acts: the ledger raises the exception itself, effective when it finds it, saying why. */
    static MetaData raisedByTheLedger(ToleranceBreach breach, String programId, BusinessClock clock) {
        String what = switch (breach.kind()) {
            case COST ->
                "Cost forecast of " + breach.subject() + " is " + breach.forecast() + " " + breach.unit()
                        + " against a baseline of " + breach.baseline();
            case TIME ->
                "Milestone " + breach.subject() + " is now expected on " + breach.forecastDate()
                        + " against a baseline date of " + breach.baselineDate();
            case SCOPE -> breach.variance() + " scope items added or removed since the baseline";
        };
        String reason = what + ": outside the tolerance of " + breach.allowed() + " " + breach.unit() + " (variance "
                + breach.variance() + ")";
        return SystemAction.metaData(programId, reason)
                .and(LedgerMetaData.ACTOR_NAME, SystemAction.ACTOR_NAME)
                .and(LedgerMetaData.EFFECTIVE_AT, clock.now().toString());
    }

    private static String key(ToleranceBreach breach) {
        return breach.kind() + ":" + breach.subject();
    }

    private static boolean sameForecast(ToleranceBreach before, ToleranceBreach now) {
        return before.variance().compareTo(now.variance()) == 0
                && java.util.Objects.equals(before.forecastDate(), now.forecastDate());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Exceptions exceptions
                && raised == exceptions.raised
                && open.equals(exceptions.open)
                && raisedAt.equals(exceptions.raisedAt)
                && last.equals(exceptions.last);
    }

    @Override
    public int hashCode() {
        return raised;
    }
}
