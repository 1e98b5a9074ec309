package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.ReviewClause;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;

/** What a contract must say to be registered. */
final class ContractTermsRules {

    private ContractTermsRules() {}

    static void check(ContractTerms terms, String programCurrency) {
        if (terms == null) {
            throw RuleViolationException.invalid("required", "terms", "are required");
        }
        requireText(terms.reference(), "reference");
        requireText(terms.title(), "title");
        requireText(terms.supplier(), "supplier");
        requireSet(terms.regime(), "regime");
        requireSet(terms.type(), "type");
        requireSet(terms.authority(), "authority");
        requireSet(terms.deMinimisCounting(), "deMinimisCounting");
        requirePositiveCents(terms.initialValue(), "initialValue");
        if (!programCurrency.equals(terms.currency())) {
            throw RuleViolationException.invalid(
                    "currency-mismatch",
                    "currency",
                    "must be the program's currency " + programCurrency + ", not " + terms.currency());
        }
        requireSet(terms.startDate(), "startDate");
        requireSet(terms.endDate(), "endDate");
        if (!terms.endDate().isAfter(terms.startDate())) {
            throw RuleViolationException.invalid("end-after-start", "endDate", "must be after " + terms.startDate());
        }
        if (terms.indexation() != null) {
            requireText(terms.indexation().indexName(), "indexation.indexName");
            if (terms.indexation().baseValue() == null
                    || terms.indexation().baseValue().signum() <= 0) {
                throw RuleViolationException.invalid("positive", "indexation.baseValue", "must be positive");
            }
        }
        for (ReviewClause clause : terms.reviewClauses()) {
            requireText(clause.clauseId(), "reviewClauses.clauseId");
            requirePositiveCents(clause.maximumValue(), "reviewClauses.maximumValue");
        }
        if (!Contract.uniqueClauseIds(terms.reviewClauses())) {
            throw RuleViolationException.invalid("unique-clause-ids", "reviewClauses", "a clause id is used twice");
        }
        if (terms.renewalNoticeDays() < 0 || terms.renewalNoticeDays() > 3650) {
            throw RuleViolationException.invalid("range", "renewalNoticeDays", "must be 0 to 3650 days");
        }
    }

    private static void requirePositiveCents(BigDecimal amount, String field) {
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.invalid("positive-cents", field, "must be positive with at most 2 decimals");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("required", field, "must not be blank");
        }
    }

    private static void requireSet(Object value, String field) {
        if (value == null) {
            throw RuleViolationException.invalid("required", field, "is required");
        }
    }
}
