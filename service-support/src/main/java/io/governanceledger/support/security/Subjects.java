package io.governanceledger.support.security;

import java.util.regex.Pattern;

/**
 * How a person (the subject of their tokens) or a group of the identity provider is written wherever
 * the ledger keeps one: the actor of an event, a grantee, a deputy, a delegation's holder. Whatever the
 * provider uses (a UUID, an e-mail address, a group path) fits; the audit trail keeps 200 characters.
 */
public final class Subjects {

    /** For {@code @Pattern} on request records; {@link #isKeepable} holds the same rule. */
    public static final String PATTERN =
            "[^\\p{Cc}\\p{IsWhite_Space}](?:[^\\p{Cc}]{0,198}[^\\p{Cc}\\p{IsWhite_Space}])?";

    public static final String RULE = "must be 1 to 200 characters, without control characters or spaces at either end";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Subjects() {}

    public static boolean isKeepable(String subject) {
        return subject != null && COMPILED.matcher(subject).matches();
    }
}
