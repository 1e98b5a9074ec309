package io.governanceledger.support.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right an API handler needs. Checked before the request's body is read: a caller with no grant
 * on the program gets the same 404 as for a program that does not exist, one with a grant but not the
 * role gets 403. A handler under {@code /api} without it stops the service at start.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {
    Right value();
}
