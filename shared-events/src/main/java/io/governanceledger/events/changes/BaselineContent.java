package io.governanceledger.events.changes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What a baseline froze: the scope items, milestone dates, cost per budget line (in the program's
 * currency) and contract values, each list in id order. {@link #canonicalText()} writes it as
 * tab-separated lines and {@link #sha256()} hashes that text, so anyone can recompute a baseline's
 * hash from its content (docs/change-control.md shows the form).
 */
public record BaselineContent(
        String currency,
        List<BaselineScopeItem> scope,
        List<BaselineMilestone> milestones,
        List<BaselineCost> costs,
        List<BaselineContract> contracts) {

    public BaselineContent {
        scope = sorted(scope, Comparator.comparing(BaselineScopeItem::itemId));
        milestones = sorted(milestones, Comparator.comparing(BaselineMilestone::milestoneId));
        costs = sorted(costs, Comparator.comparing(BaselineCost::lineId));
        contracts = sorted(contracts, Comparator.comparing(BaselineContract::contractId));
    }

    /** The total planned cost: the sum of the lines. */
    public BigDecimal totalCost() {
        return costs.stream().map(BaselineCost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String canonicalText() {
        StringBuilder text = new StringBuilder("governance-ledger baseline 1\n");
        line(text, "currency", currency);
        for (BaselineScopeItem item : scope) {
            line(text, "scope", item.itemId(), item.name());
        }
        for (BaselineMilestone milestone : milestones) {
            line(text, "milestone", milestone.milestoneId(), milestone.name(), String.valueOf(milestone.date()));
        }
        for (BaselineCost cost : costs) {
            line(text, "cost", cost.lineId(), amount(cost.amount()));
        }
        for (BaselineContract contract : contracts) {
            line(
                    text,
                    "contract",
                    contract.contractId(),
                    contract.reference(),
                    amount(contract.value()),
                    contract.currency());
        }
        return text.toString();
    }

    /** SHA-256 of {@link #canonicalText()} in UTF-8, as lowercase hex. */
    public String sha256() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String amount(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder text, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            String field = fields[i] == null ? "" : fields[i];
            text.append(field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
        }
        text.append('\n');
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? List.of() : items.stream().sorted(order).toList();
    }
}
