package io.governanceledger.query.workspace.programs;

import io.governanceledger.query.budget.BalanceView;
import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.contracts.ContractDeadlinesView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.programs.ProgramView;
import java.math.BigDecimal;
import java.util.List;

/**
 * A program on the portfolio: its state, its budget, the movements waiting for the reader, its
 * contracts' remaining value and the renewal notices due, all at the page's point.
 */
public record ProgramFigures(ProgramView program, BalanceView budget, int waitingForYou, List<ContractView> contracts) {

    public BigDecimal contractHeadroom() {
        return contracts.stream()
                .map(ContractView::remainingValue)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long noticesDue() {
        return contracts.stream()
                .filter(contract -> contract.deadlines() != null
                        && (contract.deadlines().renewalNoticeState() == ContractDeadlinesView.RenewalNoticeState.DUE
                                || contract.deadlines().renewalNoticeState()
                                        == ContractDeadlinesView.RenewalNoticeState.OVERDUE))
                .count();
    }

    static BalanceView balance(java.util.Optional<BudgetView> budget) {
        return budget.map(BudgetView::total).orElse(null);
    }
}
