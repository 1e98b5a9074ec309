package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.budget.BalanceView;
import io.governanceledger.query.budget.BudgetLineLineageView;
import io.governanceledger.query.budget.FindBudgetLineLineageQuery;
import io.governanceledger.query.budget.LineageStepView;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.Comparison;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
        PointInTime a = points.a(clock);
        PointInTime b = points.b(clock);
        pages.at(point, programId, model);
        Optional<BudgetLineLineageView> atA = find(programId, lineId, a);
        Optional<BudgetLineLineageView> atB = find(programId, lineId, b);
        Comparison.Fields fields = new Comparison.Fields();
        measure(fields, "budget.allocated", atA, atB, BalanceView::allocated);
        measure(fields, "budget.committed", atA, atB, BalanceView::committed);
        measure(fields, "budget.actual", atA, atB, BalanceView::actual);
        measure(fields, "budget.available", atA, atB, BalanceView::available);
        measure(fields, "budget.forecast", atA, atB, BalanceView::forecast);
        List<Comparison.Event> events = Comparison.onlyAtOne(
                atA.map(BudgetLineLineageView::steps).orElse(List.of()),
                atB.map(BudgetLineLineageView::steps).orElse(List.of()),
                step -> step.position() + "/" + step.movementId() + "/" + step.measure(),
                (step, at) -> event(step, at, clock));
        model.addAttribute("comparison", new Comparison(a, b, fields.list(), events));
        model.addAttribute("recordTitle", lineId);
        model.addAttribute("back", ProgramPages.path("/workspace/programs", programId, "budget", "lines", lineId));
        points.show(model, clock);
        return "workspace/compare";
    }

    private Optional<BudgetLineLineageView> find(String programId, String lineId, PointInTime point) {
        return queries.query(
                        new FindBudgetLineLineageQuery(programId, lineId, point),
                        ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                .join();
    }

    private static void measure(
            Comparison.Fields fields,
            String label,
            Optional<BudgetLineLineageView> a,
            Optional<BudgetLineLineageView> b,
            Function<BalanceView, Object> value) {
        fields.add(
                label,
                a.map(BudgetLineLineageView::current).map(value).orElse(null),
                b.map(BudgetLineLineageView::current).map(value).orElse(null));
    }

    private static Comparison.Event event(
            LineageStepView step, String onlyAt, io.governanceledger.support.time.BusinessClock clock) {
        return new Comparison.Event(
                step.position(),
                step.kind() + " " + step.measure() + " " + step.delta().toPlainString(),
                step.requestedBy(),
                step.bookedAt(),
                clock.startOf(step.effectiveDate()),
                step.reason(),
                onlyAt);
    }
}
