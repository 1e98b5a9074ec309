package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.AmendmentFigures;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.DeMinimisCounting;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.ReviewClause;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a modification of a public contract is allowed without a new procurement, judged on the
 * basis it claims (Directive 2014/24/EU art. 72; Belgian royal decree of 14 January 2013, art. 38 to
 * 38/x), the contract's terms, the amendments already accepted and the thresholds in force on its
 * signing date. "Below" a threshold or a share means strictly below.
 */
public final class AmendmentRules {

    private final ProcurementThresholds thresholds;

    public AmendmentRules(ProcurementThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** An amendment already accepted on the contract. */
    public record Accepted(LegalBasis basis, String reviewClauseId, BigDecimal valueDelta) {}

    /** The verdict: accepted, or the rule that refuses it and why; with the figures either way. */
    public record Verdict(boolean accepted, String rule, String explanation, AmendmentFigures figures) {}

    public Verdict judge(
            ContractTerms contract,
            BigDecimal latestIndexValue,
            List<Accepted> history,
            LegalBasis basis,
            String reviewClauseId,
            BigDecimal valueDelta,
            LocalDate signedOn) {
        BigDecimal reference = referenceValue(contract, latestIndexValue);
        Optional<BigDecimal> euThreshold =
                thresholds.euThreshold(contract.regime(), contract.type(), contract.authority(), signedOn);
        BigDecimal priorNet = BigDecimal.ZERO;
        BigDecimal priorAbsolute = BigDecimal.ZERO;
        for (Accepted past : history) {
            if (past.basis() == LegalBasis.DE_MINIMIS) {
                priorNet = priorNet.add(past.valueDelta());
                priorAbsolute = priorAbsolute.add(past.valueDelta().abs());
            }
        }
        boolean counts = basis == LegalBasis.DE_MINIMIS;
        BigDecimal net = (counts ? priorNet.add(valueDelta) : priorNet).abs();
        BigDecimal absolute = counts ? priorAbsolute.add(valueDelta.abs()) : priorAbsolute;
        BigDecimal counted = contract.deMinimisCounting() == DeMinimisCounting.ABSOLUTE_CUMULATIVE ? absolute : net;

        switch (basis) {
            case DE_MINIMIS -> {
                BigDecimal share = thresholds.deMinimisShare(contract.type());
                BigDecimal cap = amount(reference.multiply(share));
                AmendmentFigures figures =
                        new AmendmentFigures(reference, euThreshold.orElse(null), share, cap, net, absolute, counted);
                if (euThreshold.isEmpty()) {
                    return refuse(
                            "no-threshold-in-force", "No EU threshold is configured for " + signedOn + ".", figures);
                }
                if (!thresholds.getCurrency().equals(contract.currency())) {
                    return refuse(
                            "threshold-currency",
                            "The EU thresholds are in " + thresholds.getCurrency()
                                    + "; a contract in " + contract.currency()
                                    + " cannot be judged against them without a "
                                    + "published conversion.",
                            figures);
                }
                if (counted.compareTo(euThreshold.get()) >= 0) {
                    return refuse(
                            "de-minimis-eu-threshold",
                            "The de minimis modifications would total " + counted + ", not below the EU threshold of "
                                    + euThreshold.get() + " in force on " + signedOn + ".",
                            figures);
                }
                if (counted.compareTo(cap) >= 0) {
                    return refuse(
                            "de-minimis-share",
                            "The de minimis modifications would total " + counted + ", not below " + percent(share)
                                    + " of the reference value " + reference + " (" + cap + ").",
                            figures);
                }
                return accept(figures);
            }
            case ADDITIONAL_WORKS, UNFORESEEABLE_CIRCUMSTANCES -> {
                BigDecimal share = thresholds.getAdditionalModificationCapShare();
                boolean capped = contract.regime() == ContractRegime.CLASSIC;
                BigDecimal cap = capped ? amount(reference.multiply(share)) : null;
                AmendmentFigures figures = new AmendmentFigures(
                        reference, euThreshold.orElse(null), capped ? share : null, cap, net, absolute, counted);
                if (valueDelta.signum() <= 0) {
                    return refuse(
                            "increase-required",
                            "Additional works or unforeseeable circumstances justify an "
                                    + "increase of price; this modification does not increase it.",
                            figures);
                }
                if (capped && valueDelta.compareTo(cap) > 0) {
                    return refuse(
                            "fifty-percent-cap",
                            "The increase of " + valueDelta + " exceeds " + percent(share) + " of the reference value "
                                    + reference + " (" + cap + ").",
                            figures);
                }
                return accept(figures);
            }
            case REVIEW_CLAUSE -> {
                Optional<ReviewClause> clause = contract.reviewClauses().stream()
                        .filter(c -> c.clauseId().equals(reviewClauseId))
                        .findFirst();
                // the clause caps what it may add: increases count, decreases do not make room again
                BigDecimal used = history.stream()
                        .filter(past -> past.basis() == LegalBasis.REVIEW_CLAUSE
                                && past.reviewClauseId().equals(reviewClauseId))
                        .map(Accepted::valueDelta)
                        .filter(delta -> delta.signum() > 0)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                AmendmentFigures figures = new AmendmentFigures(
                        reference,
                        euThreshold.orElse(null),
                        null,
                        clause.map(ReviewClause::maximumValue).orElse(null),
                        net,
                        absolute,
                        counted);
                if (clause.isEmpty()) {
                    return refuse(
                            "unknown-review-clause",
                            "The contract has no review clause '" + reviewClauseId + "'.",
                            figures);
                }
                if (valueDelta.signum() > 0
                        && used.add(valueDelta).compareTo(clause.get().maximumValue()) > 0) {
                    return refuse(
                            "review-clause-maximum",
                            "Review clause " + reviewClauseId + " allows "
                                    + clause.get().maximumValue() + " in all; " + used + " is used and " + valueDelta
                                    + " more was asked.",
                            figures);
                }
                return accept(figures);
            }
            case NON_SUBSTANTIAL, REPLACEMENT_OF_CONTRACTOR -> {
                AmendmentFigures figures =
                        new AmendmentFigures(reference, euThreshold.orElse(null), null, null, net, absolute, counted);
                if (valueDelta.signum() != 0) {
                    return refuse(
                            "value-change-needs-value-basis",
                            "A " + basis + " modification cannot change the "
                                    + "contract's value; a change of value needs a review clause, additional works, unforeseeable "
                                    + "circumstances or de minimis.",
                            figures);
                }
                return accept(figures);
            }
            default -> throw new IllegalArgumentException("unknown legal basis " + basis);
        }
    }

    /** The initial value, indexed when the contract has an indexation clause and an index value is known. */
    public static BigDecimal referenceValue(ContractTerms contract, BigDecimal latestIndexValue) {
        if (contract.indexation() == null || latestIndexValue == null) {
            return contract.initialValue();
        }
        return amount(contract.initialValue()
                .multiply(latestIndexValue)
                .divide(contract.indexation().baseValue(), 10, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static Verdict accept(AmendmentFigures figures) {
        return new Verdict(true, null, null, figures);
    }

    private static Verdict refuse(String rule, String explanation, AmendmentFigures figures) {
        return new Verdict(false, rule, explanation, figures);
    }
}
