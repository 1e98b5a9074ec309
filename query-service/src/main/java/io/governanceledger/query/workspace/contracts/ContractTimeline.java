package io.governanceledger.query.workspace.contracts;

import io.governanceledger.events.contracts.AmendmentStatus;
import io.governanceledger.query.contracts.AmendmentView;
import io.governanceledger.query.contracts.CallOffView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.IndexValueView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A contract's value and term over business time: the award, each accepted amendment (value and end
 * after it), each call-off (with what has been called off so far), each index value (with the reference
 * value it gives), in date order.
 */
public record ContractTimeline(List<Step> steps) {

    /** The contract's value and what has been called off, as steps up to {@code asOf}. */
    public io.governanceledger.query.workspace.StepChart chart(LocalDate asOf) {
        return io.governanceledger.query.workspace.StepChart.of(
                List.of("value", "calledoff", "referencevalue"),
                steps.stream()
                        .map(step -> new io.governanceledger.query.workspace.StepChart.Step(
                                step.on(), List.of(step.valueAfter(), step.calledOffAfter(), step.referenceAfter())))
                        .toList(),
                asOf);
    }

    /** One dated change: its kind, what it refers to, and the value, end, called-off amount and reference value after it. */
    public record Step(
            LocalDate on,
            String kind,
            String reference,
            BigDecimal change,
            BigDecimal valueAfter,
            LocalDate endAfter,
            BigDecimal calledOffAfter,
            BigDecimal referenceAfter) {}

    static ContractTimeline of(ContractView contract) {
        record Dated(LocalDate on, int order, Object what) {}
        List<Dated> dated = new ArrayList<>();
        for (AmendmentView amendment : contract.amendments()) {
            if (amendment.status() == AmendmentStatus.ACCEPTED) {
                dated.add(new Dated(amendment.effectiveFrom(), 0, amendment));
            }
        }
        for (CallOffView callOff : contract.callOffs()) {
            dated.add(new Dated(callOff.placedOn(), 1, callOff));
        }
        for (IndexValueView index : contract.indexValues()) {
            dated.add(new Dated(index.valueDate(), 2, index));
        }
        dated.sort(Comparator.comparing(Dated::on).thenComparing(Dated::order));
        List<Step> steps = new ArrayList<>();
        BigDecimal value = contract.terms().initialValue();
        LocalDate end = contract.terms().endDate();
        BigDecimal calledOff = BigDecimal.ZERO;
        BigDecimal reference = value;
        steps.add(new Step(
                contract.terms().startDate(),
                "AWARD",
                contract.terms().reference(),
                value,
                value,
                end,
                calledOff,
                reference));
        for (Dated change : dated) {
            if (change.what() instanceof AmendmentView amendment) {
                value = amendment.valueAfter() != null ? amendment.valueAfter() : value.add(amendment.valueDelta());
                end = amendment.endDateAfter() != null ? amendment.endDateAfter() : end;
                steps.add(new Step(
                        change.on(),
                        "AMENDMENT",
                        "#" + amendment.number(),
                        amendment.valueDelta(),
                        value,
                        end,
                        calledOff,
                        reference));
            } else if (change.what() instanceof CallOffView callOff) {
                calledOff = calledOff.add(callOff.value());
                steps.add(new Step(
                        change.on(),
                        "CALL_OFF",
                        callOff.reference(),
                        callOff.value(),
                        value,
                        end,
                        calledOff,
                        reference));
            } else if (change.what() instanceof IndexValueView index) {
                BigDecimal before = reference;
                reference = index.referenceValue();
                steps.add(new Step(
                        change.on(),
                        "INDEX",
                        index.value().stripTrailingZeros().toPlainString(),
                        reference.subtract(before),
                        value,
                        end,
                        calledOff,
                        reference));
            }
        }
        return new ContractTimeline(steps);
    }
}
