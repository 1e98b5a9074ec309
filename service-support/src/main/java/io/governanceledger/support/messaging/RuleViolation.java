package io.governanceledger.support.messaging;

/**
 * Why the command side refused a command: the rule, the field it concerns (null for a rule about the
 * record as a whole) and a sentence for people. Travels as the details of a command failure, so it
 * survives a distributed command bus.
 */
public record RuleViolation(Kind kind, String rule, String field, String message) {

    public enum Kind {
        /** The input breaks a rule about its own values: the client must change it. */
        INVALID,
        /** An id names no record, or a record of another program. */
        NOT_FOUND,
        /** The record's current state does not allow the change. */
        CONFLICT
    }

    public static RuleViolation invalid(String rule, String field, String message) {
        return new RuleViolation(Kind.INVALID, rule, field, message);
    }

    public static RuleViolation notFound(String rule, String field, String message) {
        return new RuleViolation(Kind.NOT_FOUND, rule, field, message);
    }

    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(Kind.CONFLICT, rule, null, message);
    }
}
