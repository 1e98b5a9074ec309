/**
 * The program read model on both clocks: each program's facts and versions (see
 * {@link io.governanceledger.query.timeline}), and whether a program exists for the other read models.
 */
package io.governanceledger.query.programs;
