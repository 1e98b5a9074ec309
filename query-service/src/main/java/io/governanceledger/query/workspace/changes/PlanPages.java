package io.governanceledger.query.workspace.changes;

import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ExceptionPolicy;
import io.governanceledger.events.changes.ExceptionResponse;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.changes.BaselineComparisonView;
import io.governanceledger.query.changes.BaselineSummaryView;
import io.governanceledger.query.changes.BaselinesView;
import io.governanceledger.query.changes.ChangePlanView;
import io.governanceledger.query.changes.ChangeRegisterView;
import io.governanceledger.query.changes.ChangeRequestSummaryView;
import io.governanceledger.query.changes.ExceptionsView;
import io.governanceledger.query.changes.FindBaselineComparisonQuery;
import io.governanceledger.query.changes.FindBaselinesQuery;
import io.governanceledger.query.changes.FindChangePlanQuery;
import io.governanceledger.query.changes.FindChangeRequestsQuery;
import io.governanceledger.query.changes.FindExceptionsQuery;
import io.governanceledger.query.changes.FindMilestonesQuery;
import io.governanceledger.query.changes.MilestonesView;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.DecisionSummaryView;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.FormValues;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program's plan under change control: the milestone timeline (baseline against forecast), the
 * scope items and tolerances, the baselines and their comparison, and the exceptions. Every form is a
 * {@link Action}: the API path it posts to, its fields, and the page it returns to.
 */
@Controller
@ConditionalOnWorkspace
class PlanPages {

    /**
     * A form of these pages: {@code api} is the path under the program ({@code {id}} is the record the
     * form names in field {@code idField}), {@code numbers} the fields sent as numbers.
     */
    record Action(String api, String idField, List<String> fields, Set<String> numbers, String page) {}

    static final Map<String, Action> ACTIONS = Map.of(
            "milestone-define",
            new Action(
                    "milestones",
                    null,
                    List.of("milestoneId", "name", "owner", "plannedDate", "reason"),
                    Set.of(),
                    "milestones"),
            "milestone-forecast",
            new Action(
                    "milestones/{id}/forecast",
                    "milestoneId",
                    List.of("forecastDate", "reason", "changeRequestId"),
                    Set.of(),
                    "milestones"),
            "milestone-achieved",
            new Action(
                    "milestones/{id}/achieved", "milestoneId", List.of("actualDate", "reason"), Set.of(), "milestones"),
            "milestone-link",
            new Action(
                    "milestones/{id}/dependencies",
                    "milestoneId",
                    List.of("dependsOnProgramId", "dependsOnMilestoneId", "reason"),
                    Set.of(),
                    "milestones"),
            "scope-add",
            new Action(
                    "scope-items",
                    null,
                    List.of("itemId", "name", "description", "changeRequestId", "reason"),
                    Set.of(),
                    "plan"),
            "scope-remove",
            new Action("scope-items/{id}/remove", "itemId", List.of("changeRequestId", "reason"), Set.of(), "plan"),
            "tolerances",
            new Action(
                    "tolerances",
                    null,
                    List.of(
                            "decisionId",
                            "costAmount",
                            "costPercent",
                            "timeDays",
                            "scopeItems",
                            "costExceptionPolicy",
                            "reason"),
                    Set.of("costAmount", "costPercent", "timeDays", "scopeItems"),
                    "plan"),
            "baseline",
            new Action(
                    "baselines",
                    null,
                    List.of("name", "decisionId", "changeRequestId", "reason"),
                    Set.of(),
                    "baselines"),
            "exception-decide",
            new Action(
                    "exceptions/{id}/decide",
                    "exceptionId",
                    List.of("decisionId", "response", "reason"),
                    Set.of(),
                    "exceptions"));

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;
    private final AccessDecider access;

    PlanPages(QueryGateway queries, CommandRelay commands, ProgramPages pages, AccessDecider access) {
        this.queries = queries;
        this.commands = commands;
        this.pages = pages;
        this.access = access;
    }

    /** The programs the signed-in person may read (null: every one), for dependencies across programs. */
    private java.util.Set<String> readable() {
        return access.programsWhere(Caller.current(), Right.READ_PROGRAM.roles())
                .orElse(null);
    }

    @GetMapping("/workspace/programs/{programId}/milestones")
    @Requires(Right.READ_PROGRAM)
    String milestones(@PathVariable String programId, PointInTime point, Model model) {
        return milestonesPage(programId, point, model);
    }

    @GetMapping("/workspace/programs/{programId}/plan")
    @Requires(Right.READ_PROGRAM)
    String plan(@PathVariable String programId, PointInTime point, Model model) {
        return planPage(programId, point, model);
    }

    @GetMapping("/workspace/programs/{programId}/baselines")
    @Requires(Right.READ_PROGRAM)
    String baselines(
            @PathVariable String programId,
            @RequestParam(required = false) Integer number,
            @RequestParam(required = false) Integer against,
            PointInTime point,
            Model model) {
        return baselinesPage(programId, number, against, point, model);
    }

    @GetMapping("/workspace/programs/{programId}/exceptions")
    @Requires(Right.READ_PROGRAM)
    String exceptions(@PathVariable String programId, PointInTime point, Model model) {
        return exceptionsPage(programId, point, model);
    }

    @PostMapping(
            "/workspace/programs/{programId}/plan/{action:milestone-define|milestone-forecast|milestone-achieved|milestone-link|scope-add|scope-remove|tolerances|baseline|exception-decide}")
    @Requires(Right.CONTROL_CHANGES)
    String act(
            @PathVariable String programId,
            @PathVariable String action,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Action form = ACTIONS.get(action);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : form.fields()) {
            if (form.numbers().contains(field)) {
                FormValues.putNumber(body, field, fields.get(field));
            } else {
                FormValues.put(body, field, fields.get(field));
            }
        }
        String id = form.idField() == null ? null : fields.getOrDefault(form.idField(), "");
        List<String> parts = new ArrayList<>();
        for (String part : form.api().split("/")) {
            parts.add(part.equals("{id}") ? (id == null || id.isBlank() ? "-" : id.strip()) : part);
        }
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, parts.toArray(String[]::new)),
                body,
                fields.get("idempotencyKey"));
        String page = ProgramPages.path("/workspace/programs", programId, form.page());
        if (outcome.succeeded()) {
            return ProgramPages.shown(page, outcome);
        }
        ProgramPages.refused(response, outcome);
        model.addAttribute("failedAction", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("sent", fields);
        PointInTime now = pages.now();
        return switch (form.page()) {
            case "milestones" -> milestonesPage(programId, now, model);
            case "plan" -> planPage(programId, now, model);
            case "baselines" -> baselinesPage(programId, null, null, now, model);
            default -> exceptionsPage(programId, now, model);
        };
    }

    private String milestonesPage(String programId, PointInTime point, Model model) {
        common(programId, point, model, "milestones");
        MilestonesView milestones = program(
                queries.query(
                        new FindMilestonesQuery(programId, point, readable()),
                        ResponseTypes.optionalInstanceOf(MilestonesView.class)),
                programId,
                point);
        model.addAttribute("milestones", milestones);
        model.addAttribute("chart", MilestoneChart.of(milestones.milestones(), point.asOf()));
        model.addAttribute(
                "milestoneChoices",
                milestones.milestones().stream()
                        .map(m -> new Choice(m.milestoneId(), m.milestoneId() + " · " + m.name()))
                        .toList());
        model.addAttribute("changes", Choice.changes(authorisingChanges(programId, point)));
        model.addAttribute("today", pages.clock().today());
        return "workspace/changes/milestones";
    }

    private String planPage(String programId, PointInTime point, Model model) {
        common(programId, point, model, "plan");
        ChangePlanView plan = program(
                queries.query(
                        new FindChangePlanQuery(programId, point),
                        ResponseTypes.optionalInstanceOf(ChangePlanView.class)),
                programId,
                point);
        model.addAttribute("plan", plan);
        model.addAttribute(
                "scopeChoices",
                plan.scope().stream()
                        .map(item -> new Choice(item.itemId(), item.itemId() + " · " + item.name()))
                        .toList());
        model.addAttribute("changes", Choice.changes(authorisingChanges(programId, point)));
        model.addAttribute("approvedDecisions", Choice.decisions(approvedDecisions(programId, point)));
        model.addAttribute("policies", Choice.of(ExceptionPolicy.values()));
        return "workspace/changes/plan";
    }

    private String baselinesPage(String programId, Integer number, Integer against, PointInTime point, Model model) {
        common(programId, point, model, "baselines");
        BaselinesView baselines = program(
                queries.query(
                        new FindBaselinesQuery(programId, null, point),
                        ResponseTypes.optionalInstanceOf(BaselinesView.class)),
                programId,
                point);
        model.addAttribute("baselines", baselines);
        Integer shown = number != null
                ? number
                : baselines.baselines().stream()
                        .map(BaselineSummaryView::number)
                        .findFirst()
                        .orElse(null);
        BaselineComparisonView comparison = shown == null
                ? null
                : queries.query(
                                new FindBaselineComparisonQuery(programId, shown, against, point),
                                ResponseTypes.optionalInstanceOf(BaselineComparisonView.class))
                        .join()
                        .orElse(null);
        model.addAttribute("comparison", comparison);
        model.addAttribute("number", shown);
        model.addAttribute("against", against);
        model.addAttribute("changes", Choice.changes(authorisingChanges(programId, point)));
        model.addAttribute("approvedDecisions", Choice.decisions(approvedDecisions(programId, point)));
        return "workspace/changes/baselines";
    }

    private String exceptionsPage(String programId, PointInTime point, Model model) {
        common(programId, point, model, "exceptions");
        model.addAttribute(
                "exceptions",
                program(
                        queries.query(
                                new FindExceptionsQuery(programId, false, point),
                                ResponseTypes.optionalInstanceOf(ExceptionsView.class)),
                        programId,
                        point));
        model.addAttribute("approvedDecisions", Choice.decisions(approvedDecisions(programId, point)));
        model.addAttribute("responses", Choice.of(ExceptionResponse.values()));
        return "workspace/changes/exceptions";
    }

    private void common(String programId, PointInTime point, Model model, String page) {
        pages.at(point, programId, model);
        model.addAttribute("formKey", ChangeRequestForm.newKey());
        model.addAttribute("path", ProgramPages.path("/workspace/programs", programId, page));
        if (!model.containsAttribute("sent")) {
            model.addAttribute("sent", Map.of());
            model.addAttribute("failedAction", null);
            model.addAttribute("outcome", null);
        }
    }

    /** The change requests that may authorise a change now: approved or being implemented. */
    private List<ChangeRequestSummaryView> authorisingChanges(String programId, PointInTime point) {
        List<ChangeRequestSummaryView> changes = new ArrayList<>();
        for (ChangeRequestStatus status : List.of(ChangeRequestStatus.APPROVED, ChangeRequestStatus.IMPLEMENTING)) {
            queries.query(
                            new FindChangeRequestsQuery(programId, status, point),
                            ResponseTypes.optionalInstanceOf(ChangeRegisterView.class))
                    .join()
                    .map(ChangeRegisterView::changeRequests)
                    .ifPresent(changes::addAll);
        }
        return changes;
    }

    private List<DecisionSummaryView> approvedDecisions(String programId, PointInTime point) {
        return queries.query(
                        new FindDecisionsQuery(programId, DecisionStatus.APPROVED, null, null, 0, 200, point),
                        ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                .join()
                .map(DecisionRegisterView::decisions)
                .orElse(List.of());
    }

    private static <T> T program(CompletableFuture<Optional<T>> answer, String programId, PointInTime point) {
        return answer.join().orElseThrow(() -> point.unknownProgram(programId));
    }
}
