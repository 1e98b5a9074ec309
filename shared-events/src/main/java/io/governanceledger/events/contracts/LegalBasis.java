package io.governanceledger.events.contracts;

public enum LegalBasis {
    REVIEW_CLAUSE,
    ADDITIONAL_WORKS,
    UNFORESEEABLE_CIRCUMSTANCES,
    DE_MINIMIS,
    NON_SUBSTANTIAL,
    REPLACEMENT_OF_CONTRACTOR
}
