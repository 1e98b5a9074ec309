package io.governanceledger.query.workspace.programs;

import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.budget.FindPendingApprovalsQuery;
import io.governanceledger.query.budget.MovementView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractsQuery;
import io.governanceledger.query.ledger.LedgerRecords;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.FindProgramsQuery;
import io.governanceledger.query.programs.ProgramView;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.TimeTravel;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.time.BusinessClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The programs the reader may see, each with its figures, at the page's point. */
@Controller
@ConditionalOnWorkspace
class PortfolioPage {

    private final QueryGateway queries;
    private final AccessDecider access;
    private final BusinessClock clock;
    private final ObjectProvider<LedgerRecords> ledger;

    PortfolioPage(
            QueryGateway queries, AccessDecider access, BusinessClock clock, ObjectProvider<LedgerRecords> ledger) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
        this.ledger = ledger;
    }

    @GetMapping("/workspace")
    @Requires(Right.SIGNED_IN)
    String portfolio(PointInTime point, Model model) {
        Caller caller = Caller.current();
        Set<String> readable =
                access.programsWhere(caller, Right.READ_PROGRAM.roles()).orElse(null);
        List<ProgramView> programs = queries.query(
                        new FindProgramsQuery(null, point, readable),
                        ResponseTypes.multipleInstancesOf(ProgramView.class))
                .join();
        Map<String, Long> waiting = queries
                .query(
                        new FindPendingApprovalsQuery(caller.subject(), null, point, readable),
                        ResponseTypes.multipleInstancesOf(MovementView.class))
                .join()
                .stream()
                .collect(Collectors.groupingBy(MovementView::programId, Collectors.counting()));
        List<ProgramFigures> figures = programs.stream()
                .map(program -> new ProgramFigures(
                        program,
                        ProgramFigures.balance(queries.query(
                                        new FindBudgetQuery(program.programId(), point),
                                        ResponseTypes.optionalInstanceOf(BudgetView.class))
                                .join()),
                        waiting.getOrDefault(program.programId(), 0L).intValue(),
                        queries.query(
                                        new FindContractsQuery(program.programId(), point),
                                        ResponseTypes.multipleInstancesOf(ContractView.class))
                                .join()))
                .toList();
        model.addAttribute("travel", TimeTravel.of(point, clock));
        model.addAttribute("programs", figures);
        // the ledger is one chain for every program: its last verification's verdict, without walking it again
        LedgerRecords records = ledger.getIfAvailable();
        model.addAttribute(
                "verification",
                records == null ? null : records.lastVerification().orElse(null));
        return "workspace/portfolio";
    }
}
