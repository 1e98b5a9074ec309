/**
 * The point on both clocks a read answers for: the effective point asked ({@code asOf}, a date or an
 * instant) and the point of knowledge ({@code knownAt}), and how an answer states them.
 */
package io.governanceledger.query.pointintime;
