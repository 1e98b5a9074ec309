package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.budget.BudgetLineLineageView;
import io.governanceledger.query.budget.FindBudgetLineLineageQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.Comparison;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** A budget line at two points: its balances side by side, and the bookings seen at one point only. */
@Controller
@ConditionalOnWorkspace
class LineComparePage {

    private final QueryGateway queries;
    private final ProgramPages pages;

    LineComparePage(QueryGateway queries, ProgramPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}/budget/lines/{lineId}/compare")
    @Requires(Right.READ_PROGRAM)
    String compare(
            @PathVariable String programId,
            @PathVariable String lineId,
            @ModelAttribute Comparison.Points points,
            PointInTime point,
            Model model) {
        var clock = pages.clock();
        return pages.compare(
                programId,
                point,
                points,
                model,
                at -> queries.query(
                                new FindBudgetLineLineageQuery(programId, lineId, at),
                                ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                        .join(),
                line -> line.field("budget.allocated", view -> view.current().allocated())
                        .field("budget.committed", view -> view.current().committed())
                        .field("budget.actual", view -> view.current().actual())
                        .field("budget.available", view -> view.current().available())
                        .field("budget.forecast", view -> view.current().forecast())
                        .events(
                                BudgetLineLineageView::steps,
                                step -> step.position() + "/" + step.movementId() + "/" + step.measure(),
                                (step, at) -> new Comparison.Event(
                                        step.position(),
                                        step.kind() + " " + step.measure() + " "
                                                + step.delta().toPlainString(),
                                        step.requestedBy(),
                                        step.bookedAt(),
                                        clock.startOf(step.effectiveDate()),
                                        step.reason(),
                                        at)),
                view -> lineId,
                lineId,
                ProgramPages.path("/workspace/programs", programId, "budget", "lines", lineId));
    }
}
