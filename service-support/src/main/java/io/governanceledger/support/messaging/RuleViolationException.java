package io.governanceledger.support.messaging;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Thrown by a command handler that refuses a command. As a {@link CommandExecutionException} with the
 * {@link RuleViolation} as its details, it reaches the REST layer intact over a local or a
 * distributed command bus. Nothing is stored: the unit of work rolls back.
 */
public class RuleViolationException extends CommandExecutionException {

    public RuleViolationException(RuleViolation violation) {
        super(violation.message(), null, violation);
    }

    public static RuleViolationException invalid(String rule, String field, String message) {
        return new RuleViolationException(RuleViolation.invalid(rule, field, message));
    }

    public static RuleViolationException notFound(String rule, String field, String message) {
        return new RuleViolationException(RuleViolation.notFound(rule, field, message));
    }

    public static RuleViolationException conflict(String rule, String message) {
        return new RuleViolationException(RuleViolation.conflict(rule, message));
    }

    public RuleViolation violation() {
        return this.<RuleViolation>getDetails().orElseThrow();
    }
}
