/**
 * Framework contracts, call-offs and amendments under public procurement law (Directive 2014/24/EU
 * art. 72; Belgian royal decree of 14 January 2013, art. 37-38/x). An amendment is judged against the
 * contract's history when it is proposed: accepted, it changes the contract; refused, it is recorded
 * as a rejected amendment with the rule and the figures, and changes nothing.
 */
package io.governanceledger.events.contracts;
