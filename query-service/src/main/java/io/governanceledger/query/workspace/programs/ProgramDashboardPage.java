package io.governanceledger.query.workspace.programs;

import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.BurnView;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.budget.FindBurnQuery;
import io.governanceledger.query.budget.FindPendingApprovalsQuery;
import io.governanceledger.query.budget.MovementView;
import io.governanceledger.query.changes.ChangeRegisterView;
import io.governanceledger.query.changes.ExceptionsView;
import io.governanceledger.query.changes.FindChangeRequestsQuery;
import io.governanceledger.query.changes.FindExceptionsQuery;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractsQuery;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.query.workspace.budget.BurnChart;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A program at the page's point: its budget figures and burn, the latest decisions, its contracts with
 * their value, de minimis use and deadlines, the movements waiting for the reader, the open exceptions
 * and the change requests by status.
 */
@Controller
@ConditionalOnWorkspace
class ProgramDashboardPage {

    static final int RECENT_DECISIONS = 5;

    private final QueryGateway queries;
    private final ProgramPages pages;

    ProgramDashboardPage(QueryGateway queries, ProgramPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}")
    @Requires(Right.READ_PROGRAM)
    String dashboard(@PathVariable String programId, PointInTime point, Model model) {
        pages.at(point, programId, model);
        model.addAttribute(
                "budget",
                queries.query(new FindBudgetQuery(programId, point), ResponseTypes.optionalInstanceOf(BudgetView.class))
                        .join()
                        .orElse(null));
        model.addAttribute(
                "chart",
                queries.query(new FindBurnQuery(programId, point), ResponseTypes.optionalInstanceOf(BurnView.class))
                        .join()
                        .map(burn -> BurnChart.of(burn, point.asOf()))
                        .orElse(null));
        model.addAttribute(
                "decisions",
                queries.query(
                                new FindDecisionsQuery(programId, null, null, null, 0, RECENT_DECISIONS, point),
                                ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                        .join()
                        .map(DecisionRegisterView::decisions)
                        .orElse(java.util.List.of()));
        model.addAttribute(
                "contracts",
                queries.query(
                                new FindContractsQuery(programId, point),
                                ResponseTypes.multipleInstancesOf(ContractView.class))
                        .join());
        model.addAttribute(
                "waiting",
                queries.query(
                                new FindPendingApprovalsQuery(
                                        Caller.current().subject(), programId, point, Set.of(programId)),
                                ResponseTypes.multipleInstancesOf(MovementView.class))
                        .join());
        model.addAttribute(
                "exceptions",
                queries.query(
                                new FindExceptionsQuery(programId, true, point),
                                ResponseTypes.optionalInstanceOf(ExceptionsView.class))
                        .join()
                        .map(ExceptionsView::exceptions)
                        .orElse(java.util.List.of()));
        model.addAttribute(
                "changes",
                queries.query(
                                new FindChangeRequestsQuery(programId, null, point),
                                ResponseTypes.optionalInstanceOf(ChangeRegisterView.class))
                        .join()
                        .orElse(null));
        return "workspace/programs/dashboard";
    }
}
