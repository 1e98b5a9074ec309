package io.governanceledger.query.pointintime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a read whose answer has no place to state the point it answers for (a list, a CSV file): the
 * answer states it in the {@code Ledger-As-Of} and {@code Ledger-Known-At} headers.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PointInHeaders {}
