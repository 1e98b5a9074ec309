/**
 * Both clocks for record-like read models. A record (a program, a decision, a budget movement) keeps
 * its facts, the events about it, and a set of versions: each version is the record's state over a
 * range of effective time, valid over a range of knowledge (recorded time and ledger position). A
 * new fact revises the record's current versions, closing those it changes and opening new ones, so
 * "what did we know at C about D" is one indexed lookup, whatever the length of history.
 */
package io.governanceledger.query.timeline;
