package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.AmendmentStatus;

/** What the contract made of a proposed amendment: accepted, or rejected by the rule named. */
public record AmendmentRuling(AmendmentStatus status, String rule) {

    static AmendmentRuling accepted() {
        return new AmendmentRuling(AmendmentStatus.ACCEPTED, null);
    }

    static AmendmentRuling rejected(String rule) {
        return new AmendmentRuling(AmendmentStatus.REJECTED, rule);
    }
}
