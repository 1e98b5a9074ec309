package io.governanceledger.query.changes;

import io.governanceledger.events.changes.BaselineContent;
import io.governanceledger.events.changes.BaselineContract;
import io.governanceledger.events.changes.BaselineMilestone;
import io.governanceledger.events.changes.BaselineScopeItem;
import io.governanceledger.query.budget.BudgetLineView;
import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractsQuery;
import io.governanceledger.query.pointintime.PointInTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A baseline against another, or against the program at a point: the program's side is read through
 * the budget's and the contracts' own queries at the same point (allocation and estimate at completion
 * per line, value per contract) and this read model's milestones and scope.
 */
@Component
class BaselineComparisons {

    private final QueryGateway queries;

    BaselineComparisons(QueryGateway queries) {
        this.queries = queries;
    }

    BaselineComparisonView between(
            String programId,
            PointInTime point,
            BaselineSummaryView baseline,
            BaselineContent content,
            BaselineSummaryView against,
            BaselineContent other) {
        Map<String, BigDecimal> otherCosts = new TreeMap<>();
        other.costs().forEach(cost -> otherCosts.put(cost.lineId(), cost.amount()));
        List<BaselineComparisonView.CostVariance> costs = costs(content, otherCosts, Map.of());
        return new BaselineComparisonView(
                programId,
                point.stated(),
                point.knownAt(),
                baseline,
                against,
                content.currency(),
                costs,
                total(content, otherCosts, null),
                dates(content, dates(other.milestones()), milestoneNames(other.milestones())),
                scope(content, names(other.scope())),
                contracts(content, values(other.contracts()), referencesOf(other.contracts())));
    }

    BaselineComparisonView againstProgram(
            String programId,
            PointInTime point,
            BaselineSummaryView baseline,
            BaselineContent content,
            List<ScopeItemView> scopeNow,
            List<MilestoneState> milestonesNow) {
        Optional<BudgetView> budget = queries.query(
                        new FindBudgetQuery(programId, point), ResponseTypes.optionalInstanceOf(BudgetView.class))
                .join();
        Map<String, BigDecimal> allocated = new TreeMap<>();
        Map<String, BigDecimal> estimates = new TreeMap<>();
        budget.ifPresent(view -> {
            for (BudgetLineView line : view.lines()) {
                allocated.put(line.lineId(), line.balance().allocated());
                estimates.put(
                        line.lineId(),
                        line.balance().forecast() != null
                                ? line.balance().forecast()
                                : line.balance().allocated());
            }
        });
        List<ContractView> contracts = queries.query(
                        new FindContractsQuery(programId, point), ResponseTypes.multipleInstancesOf(ContractView.class))
                .join();
        Map<String, BigDecimal> contractValues = new TreeMap<>();
        Map<String, String> references = new TreeMap<>();
        for (ContractView contract : contracts) {
            contractValues.put(contract.contractId(), contract.currentValue());
            references.put(contract.contractId(), contract.terms().reference());
        }
        Map<String, LocalDate> datesNow = new TreeMap<>();
        milestonesNow.forEach(milestone -> datesNow.put(milestone.milestoneId(), milestone.dateNow()));
        Map<String, String> namesNow = new TreeMap<>();
        scopeNow.forEach(item -> namesNow.put(item.itemId(), item.name()));
        Map<String, String> milestoneNames = new TreeMap<>();
        milestonesNow.forEach(milestone -> milestoneNames.put(milestone.milestoneId(), milestone.name()));
        return new BaselineComparisonView(
                programId,
                point.stated(),
                point.knownAt(),
                baseline,
                null,
                content.currency(),
                costs(content, allocated, estimates),
                total(content, allocated, estimates),
                dates(content, datesNow, milestoneNames),
                scope(content, namesNow),
                contracts(content, contractValues, references));
    }

    private static List<BaselineComparisonView.CostVariance> costs(
            BaselineContent content, Map<String, BigDecimal> other, Map<String, BigDecimal> estimates) {
        Map<String, BigDecimal> planned = new TreeMap<>();
        content.costs().forEach(cost -> planned.put(cost.lineId(), cost.amount()));
        TreeSet<String> lines = new TreeSet<>(planned.keySet());
        lines.addAll(other.keySet());
        List<BaselineComparisonView.CostVariance> variances = new ArrayList<>();
        for (String line : lines) {
            BigDecimal base = planned.get(line);
            BigDecimal now = other.get(line);
            BigDecimal estimate = estimates.get(line);
            variances.add(new BaselineComparisonView.CostVariance(
                    line,
                    base,
                    now,
                    difference(base, now),
                    estimate,
                    estimate == null ? null : difference(base, estimate)));
        }
        return variances;
    }

    private static BaselineComparisonView.CostVariance total(
            BaselineContent content, Map<String, BigDecimal> other, Map<String, BigDecimal> estimates) {
        BigDecimal base = content.totalCost();
        BigDecimal now = other.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal estimate =
                estimates == null ? null : estimates.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BaselineComparisonView.CostVariance(
                "total", base, now, now.subtract(base), estimate, estimate == null ? null : estimate.subtract(base));
    }

    private static List<BaselineComparisonView.DateVariance> dates(
            BaselineContent content, Map<String, LocalDate> other, Map<String, String> otherNames) {
        Map<String, BaselineMilestone> planned = new LinkedHashMap<>();
        content.milestones().forEach(milestone -> planned.put(milestone.milestoneId(), milestone));
        TreeSet<String> ids = new TreeSet<>(planned.keySet());
        ids.addAll(other.keySet());
        List<BaselineComparisonView.DateVariance> variances = new ArrayList<>();
        for (String id : ids) {
            BaselineMilestone base = planned.get(id);
            LocalDate now = other.get(id);
            LocalDate baseDate = base == null ? null : base.date();
            variances.add(new BaselineComparisonView.DateVariance(
                    id,
                    base != null ? base.name() : otherNames.get(id),
                    baseDate,
                    now,
                    baseDate == null || now == null ? null : ChronoUnit.DAYS.between(baseDate, now)));
        }
        return variances;
    }

    private static List<BaselineComparisonView.ScopeChange> scope(BaselineContent content, Map<String, String> other) {
        Map<String, String> planned = names(content.scope());
        List<BaselineComparisonView.ScopeChange> changes = new ArrayList<>();
        other.forEach((id, name) -> {
            if (!planned.containsKey(id)) {
                changes.add(new BaselineComparisonView.ScopeChange(id, name, "ADDED"));
            }
        });
        planned.forEach((id, name) -> {
            if (!other.containsKey(id)) {
                changes.add(new BaselineComparisonView.ScopeChange(id, name, "REMOVED"));
            }
        });
        return changes;
    }

    private static List<BaselineComparisonView.ContractVariance> contracts(
            BaselineContent content, Map<String, BigDecimal> other, Map<String, String> otherReferences) {
        Map<String, BaselineContract> planned = new LinkedHashMap<>();
        content.contracts().forEach(contract -> planned.put(contract.contractId(), contract));
        TreeSet<String> ids = new TreeSet<>(planned.keySet());
        ids.addAll(other.keySet());
        List<BaselineComparisonView.ContractVariance> variances = new ArrayList<>();
        for (String id : ids) {
            BaselineContract base = planned.get(id);
            BigDecimal now = other.get(id);
            BigDecimal baseValue = base == null ? null : base.value();
            variances.add(new BaselineComparisonView.ContractVariance(
                    id,
                    base != null ? base.reference() : otherReferences.get(id),
                    baseValue,
                    now,
                    difference(baseValue, now)));
        }
        return variances;
    }

    private static BigDecimal difference(BigDecimal base, BigDecimal other) {
        return (base == null ? BigDecimal.ZERO : base).negate().add(other == null ? BigDecimal.ZERO : other);
    }

    private static Map<String, String> names(List<BaselineScopeItem> items) {
        Map<String, String> names = new TreeMap<>();
        items.forEach(item -> names.put(item.itemId(), item.name()));
        return names;
    }

    private static Map<String, String> milestoneNames(List<BaselineMilestone> milestones) {
        Map<String, String> names = new TreeMap<>();
        milestones.forEach(milestone -> names.put(milestone.milestoneId(), milestone.name()));
        return names;
    }

    private static Map<String, LocalDate> dates(List<BaselineMilestone> milestones) {
        Map<String, LocalDate> dates = new TreeMap<>();
        milestones.forEach(milestone -> dates.put(milestone.milestoneId(), milestone.date()));
        return dates;
    }

    private static Map<String, BigDecimal> values(List<BaselineContract> contracts) {
        Map<String, BigDecimal> values = new TreeMap<>();
        contracts.forEach(contract -> values.put(contract.contractId(), contract.value()));
        return values;
    }

    private static Map<String, String> referencesOf(List<BaselineContract> contracts) {
        Map<String, String> references = new TreeMap<>();
        contracts.forEach(contract -> references.put(contract.contractId(), contract.reference()));
        return references;
    }
}
