/**
 * The reference for time travel: what the read models answer when they hold nothing but a replay of
 * the events recorded by a point in time, folded with their effective times up to a date. The fast,
 * bitemporal read models are proved equal to it.
 */
package io.governanceledger.query.replay;
