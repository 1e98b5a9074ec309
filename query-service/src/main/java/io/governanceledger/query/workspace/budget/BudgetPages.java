package io.governanceledger.query.workspace.budget;

import io.governanceledger.events.budget.MovementKind;
import io.governanceledger.events.budget.MovementStatus;
import io.governanceledger.query.budget.BudgetLineLineageView;
import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.BurnView;
import io.governanceledger.query.budget.FindBudgetLineLineageQuery;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.budget.FindBurnQuery;
import io.governanceledger.query.budget.FindMovementsQuery;
import io.governanceledger.query.budget.LedgerCsv;
import io.governanceledger.query.budget.MovementLedgerView;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.ProgramView;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A program's budget: lines, burn, the movement ledger (with CSV), a line's lineage, a movement's request. */
@Controller
@ConditionalOnWorkspace
class BudgetPages {

    static final int PAGE_SIZE = 50;

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;

    BudgetPages(QueryGateway queries, CommandRelay commands, ProgramPages pages) {
        this.queries = queries;
        this.commands = commands;
        this.pages = pages;
    }

    /** The movement ledger's filters, as the page's form and its links give them. */
    record Filters(
            String lineId,
            MovementKind kind,
            MovementStatus status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            String reference) {

        FindMovementsQuery query(String programId, int offset, int limit, PointInTime point) {
            return new FindMovementsQuery(
                    programId, blank(lineId), kind, status, from, to, blank(reference), offset, limit, point);
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/workspace/programs/{programId}/budget")
    @Requires(Right.READ_PROGRAM)
    String budget(
            @PathVariable String programId,
            @ModelAttribute("filters") Filters filters,
            @RequestParam(defaultValue = "0") int page,
            PointInTime point,
            Model model) {
        ProgramView program = pages.at(point, programId, model);
        show(programId, filters, Math.max(0, page), point, model);
        model.addAttribute("form", MovementForm.empty(program.currency()));
        model.addAttribute("outcome", null);
        return "workspace/budget/budget";
    }

    private void show(String programId, Filters filters, int page, PointInTime point, Model model) {
        BudgetView budget = queries.query(
                        new FindBudgetQuery(programId, point), ResponseTypes.optionalInstanceOf(BudgetView.class))
                .join()
                .orElse(null);
        model.addAttribute("budget", budget);
        model.addAttribute(
                "chart",
                queries.query(new FindBurnQuery(programId, point), ResponseTypes.optionalInstanceOf(BurnView.class))
                        .join()
                        .map(burn -> BurnChart.of(burn, point.asOf()))
                        .orElse(null));
        MovementLedgerView ledger =
                filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())
                        ? null
                        : queries.query(
                                        filters.query(programId, page * PAGE_SIZE, PAGE_SIZE, point),
                                        ResponseTypes.optionalInstanceOf(MovementLedgerView.class))
                                .join()
                                .orElse(null);
        model.addAttribute("ledger", ledger);
        model.addAttribute("kinds", MovementKind.values());
        model.addAttribute("statuses", MovementStatus.values());
        model.addAttribute("page", page);
        model.addAttribute("pages", ledger == null ? 1 : Math.max(1, (ledger.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    @GetMapping(value = "/workspace/programs/{programId}/budget/movements.csv", produces = "text/csv")
    @Requires(Right.READ_PROGRAM)
    ResponseEntity<String> csv(@PathVariable String programId, @ModelAttribute Filters filters, PointInTime point) {
        MovementLedgerView ledger = queries.query(
                        filters.query(programId, 0, 0, point),
                        ResponseTypes.optionalInstanceOf(MovementLedgerView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        return LedgerCsv.download(programId, ledger.movements());
    }

    @PostMapping("/workspace/programs/{programId}/budget/movements")
    @Requires(Right.MOVE_BUDGET)
    String request(
            @PathVariable String programId,
            @ModelAttribute("form") MovementForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "budget", "movements"),
                form.body(),
                form.idempotencyKey());
        if (outcome.succeeded()) {
            return ProgramPages.shown(ProgramPages.path("/workspace/programs", programId, "budget"), outcome);
        }
        ProgramPages.refused(response, outcome);
        PointInTime now = pages.now();
        pages.at(now, programId, model);
        show(programId, new Filters(null, null, null, null, null, null), 0, now, model);
        model.addAttribute("filters", new Filters(null, null, null, null, null, null));
        model.addAttribute("form", form.again());
        model.addAttribute("outcome", outcome);
        model.addAttribute("path", ProgramPages.path("/workspace/programs", programId, "budget"));
        return "workspace/budget/budget";
    }

    @GetMapping("/workspace/programs/{programId}/budget/lines/{lineId}")
    @Requires(Right.READ_PROGRAM)
    String lineage(@PathVariable String programId, @PathVariable String lineId, PointInTime point, Model model) {
        pages.at(point, programId, model);
        BudgetLineLineageView lineage = queries.query(
                        new FindBudgetLineLineageQuery(programId, lineId, point),
                        ResponseTypes.optionalInstanceOf(BudgetLineLineageView.class))
                .join()
                .orElseThrow(() ->
                        point.notFound("lineId", "Program " + programId + " has no budget line '" + lineId + "'"));
        model.addAttribute("lineage", lineage);
        return "workspace/budget/lineage";
    }
}
