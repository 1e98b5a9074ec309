package io.governanceledger.query.workspace.changes;

import io.governanceledger.events.changes.AffectedKind;
import io.governanceledger.events.changes.ChangeRequestStatus;
import io.governanceledger.events.changes.ChangeType;
import io.governanceledger.events.changes.ChangeUrgency;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.budget.BudgetView;
import io.governanceledger.query.budget.FindBudgetQuery;
import io.governanceledger.query.changes.ChangePlanView;
import io.governanceledger.query.changes.ChangeRegisterView;
import io.governanceledger.query.changes.ChangeRequestView;
import io.governanceledger.query.changes.FindChangePlanQuery;
import io.governanceledger.query.changes.FindChangeRequestQuery;
import io.governanceledger.query.changes.FindChangeRequestsQuery;
import io.governanceledger.query.changes.FindMilestonesQuery;
import io.governanceledger.query.changes.MilestonesView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractsQuery;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change register and a change request's page. Reads go through the change-control queries;
 * each next step (take up, assess, submit to a decision, withdraw, implement, close) is a form that
 * the command service checks again. A change request is decided only in the decision log: its page
 * links to the decision it was submitted to.
 */
@Controller
@ConditionalOnWorkspace
class ChangeRequestPages {

    /** The steps a change request's page offers in each status (the command service holds the rules). */
    static final Map<ChangeRequestStatus, Set<String>> STEPS = Map.of(
            ChangeRequestStatus.RAISED, Set.of("assessment", "withdraw"),
            ChangeRequestStatus.UNDER_ASSESSMENT, Set.of("assess", "withdraw"),
            ChangeRequestStatus.ASSESSED, Set.of("assess", "submit", "withdraw"),
            ChangeRequestStatus.SUBMITTED, Set.of("withdraw"),
            ChangeRequestStatus.DEFERRED, Set.of("assessment", "submit", "withdraw"),
            ChangeRequestStatus.APPROVED, Set.of("implementation"),
            ChangeRequestStatus.IMPLEMENTING, Set.of("implemented"),
            ChangeRequestStatus.IMPLEMENTED, Set.of("close"));
    /** The fields of each step's form, as the API's request names them. */
    static final Map<String, List<String>> STEP_FIELDS = Map.of(
            "assessment", List.of("reason"),
            "submit", List.of("decisionId", "reason"),
            "withdraw", List.of("reason"),
            "implementation", List.of("reason"),
            "implemented", List.of("reason"),
            "close", List.of("reason"));

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;
    private final AccessDecider access;

    ChangeRequestPages(QueryGateway queries, CommandRelay commands, ProgramPages pages, AccessDecider access) {
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

    @GetMapping("/workspace/programs/{programId}/changes")
    @Requires(Right.READ_PROGRAM)
    String register(
            @PathVariable String programId,
            @RequestParam(required = false) ChangeRequestStatus status,
            PointInTime point,
            Model model) {
        return registerPage(programId, status, point, model, ChangeRequestForm.empty(), null);
    }

    @PostMapping("/workspace/programs/{programId}/changes")
    @Requires(Right.RAISE_CHANGE_REQUESTS)
    String raise(
            @PathVariable String programId,
            @ModelAttribute("form") ChangeRequestForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "change-requests"), form.body(), form.idempotencyKey());
        if (outcome.succeeded()) {
            return ProgramPages.shown(page(programId, outcome.id()), outcome);
        }
        ProgramPages.refused(response, outcome);
        return registerPage(programId, null, pages.now(), model, form.again(), outcome);
    }

    @GetMapping("/workspace/programs/{programId}/changes/{changeRequestId}")
    @Requires(Right.READ_PROGRAM)
    String changeRequest(
            @PathVariable String programId, @PathVariable String changeRequestId, PointInTime point, Model model) {
        return requestPage(programId, changeRequestId, point, model, null, null, Map.of(), AssessmentForm.empty());
    }

    @PostMapping("/workspace/programs/{programId}/changes/{changeRequestId}/assess")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    String assess(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @ModelAttribute("assessment") AssessmentForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "change-requests", changeRequestId, "assessments"),
                form.body(),
                form.idempotencyKey());
        if (outcome.succeeded()) {
            return ProgramPages.shown(page(programId, changeRequestId), outcome);
        }
        ProgramPages.refused(response, outcome);
        return requestPage(programId, changeRequestId, pages.now(), model, "assess", outcome, Map.of(), form.again());
    }

    /** Taking a change request up for assessment needs the assessor's right; the other steps the PMO's. */
    @PostMapping("/workspace/programs/{programId}/changes/{changeRequestId}/assessment")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    String takeUp(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        return step(programId, changeRequestId, "assessment", fields, model, response);
    }

    @PostMapping(
            "/workspace/programs/{programId}/changes/{changeRequestId}/{step:submit|withdraw|implementation|implemented|close}")
    @Requires(Right.CONTROL_CHANGES)
    String control(
            @PathVariable String programId,
            @PathVariable String changeRequestId,
            @PathVariable String step,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        return step(programId, changeRequestId, step, fields, model, response);
    }

    private String step(
            String programId,
            String changeRequestId,
            String step,
            Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : STEP_FIELDS.get(step)) {
            FormValues.put(body, field, fields.get(field));
        }
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "change-requests", changeRequestId, step),
                body,
                fields.get("idempotencyKey"));
        if (outcome.succeeded()) {
            return ProgramPages.shown(page(programId, changeRequestId), outcome);
        }
        ProgramPages.refused(response, outcome);
        return requestPage(
                programId, changeRequestId, pages.now(), model, step, outcome, fields, AssessmentForm.empty());
    }

    private String registerPage(
            String programId,
            ChangeRequestStatus status,
            PointInTime point,
            Model model,
            ChangeRequestForm form,
            CommandRelay.Outcome outcome) {
        pages.at(point, programId, model);
        ChangeRegisterView register = queries.query(
                        new FindChangeRequestsQuery(programId, status, point),
                        ResponseTypes.optionalInstanceOf(ChangeRegisterView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        model.addAttribute("register", register);
        model.addAttribute("statuses", ChangeRequestStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("types", ChangeType.values());
        model.addAttribute("urgencies", ChangeUrgency.values());
        model.addAttribute("kinds", AffectedKind.values());
        model.addAttribute("items", items(programId, point));
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        model.addAttribute("fields", ChangeRequestForm.FIELDS);
        return "workspace/changes/register";
    }

    private String requestPage(
            String programId,
            String changeRequestId,
            PointInTime point,
            Model model,
            String failedStep,
            CommandRelay.Outcome outcome,
            Map<String, String> sent,
            AssessmentForm assessment) {
        pages.at(point, programId, model);
        ChangeRequestView request = queries.query(
                        new FindChangeRequestQuery(programId, changeRequestId, point),
                        ResponseTypes.optionalInstanceOf(ChangeRequestView.class))
                .join()
                .orElseThrow(() -> point.notFound(
                        "changeRequestId",
                        "Program " + programId + " has no change request '" + changeRequestId + "'"));
        model.addAttribute("cr", request);
        model.addAttribute("steps", STEPS.getOrDefault(request.summary().status(), Set.of()));
        model.addAttribute("stepFields", STEP_FIELDS);
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("failedAction", failedStep);
        model.addAttribute("outcome", outcome);
        model.addAttribute("sent", sent);
        model.addAttribute("formKey", ChangeRequestForm.newKey());
        model.addAttribute("assessment", assessment);
        model.addAttribute(
                "rows",
                java.util.stream.IntStream.range(0, AssessmentForm.ROWS).boxed().toList());
        Map<AffectedKind, List<Choice>> items = items(programId, point);
        model.addAttribute("lineChoices", items.get(AffectedKind.BUDGET_LINE));
        model.addAttribute("milestoneChoices", items.get(AffectedKind.MILESTONE));
        model.addAttribute("contractChoices", items.get(AffectedKind.CONTRACT));
        model.addAttribute("bases", Choice.of(LegalBasis.values()));
        model.addAttribute("openDecisions", Choice.decisions(decisions(programId, point)));
        model.addAttribute("path", page(programId, changeRequestId));
        return "workspace/changes/change";
    }

    /** What a change request can name, by kind: the program's milestones, scope items, budget lines and contracts. */
    private Map<AffectedKind, List<Choice>> items(String programId, PointInTime point) {
        Map<AffectedKind, List<Choice>> items = new LinkedHashMap<>();
        items.put(
                AffectedKind.MILESTONE,
                queries.query(
                                new FindMilestonesQuery(programId, point, readable()),
                                ResponseTypes.optionalInstanceOf(MilestonesView.class))
                        .join()
                        .map(view -> view.milestones().stream()
                                .map(m -> new Choice(m.milestoneId(), m.milestoneId() + " · " + m.name()))
                                .toList())
                        .orElse(List.of()));
        items.put(
                AffectedKind.DELIVERABLE,
                queries.query(
                                new FindChangePlanQuery(programId, point),
                                ResponseTypes.optionalInstanceOf(ChangePlanView.class))
                        .join()
                        .map(view -> view.scope().stream()
                                .map(s -> new Choice(s.itemId(), s.itemId() + " · " + s.name()))
                                .toList())
                        .orElse(List.of()));
        items.put(
                AffectedKind.BUDGET_LINE,
                queries.query(new FindBudgetQuery(programId, point), ResponseTypes.optionalInstanceOf(BudgetView.class))
                        .join()
                        .map(view -> view.lines().stream()
                                .map(l -> new Choice(l.lineId(), l.lineId() + " · " + l.workstream()))
                                .toList())
                        .orElse(List.of()));
        items.put(
                AffectedKind.CONTRACT,
                queries
                        .query(
                                new FindContractsQuery(programId, point),
                                ResponseTypes.multipleInstancesOf(ContractView.class))
                        .join()
                        .stream()
                        .map(c -> new Choice(
                                c.contractId(),
                                c.terms().reference() + " · " + c.terms().title()))
                        .toList());
        return items;
    }

    /** The decisions a change request can be submitted to: proposed or deferred. */
    private List<DecisionSummaryView> decisions(String programId, PointInTime point) {
        List<DecisionSummaryView> open = new ArrayList<>();
        for (DecisionStatus status : EnumSet.of(DecisionStatus.PROPOSED, DecisionStatus.DEFERRED)) {
            queries.query(
                            new FindDecisionsQuery(programId, status, null, null, 0, 200, point),
                            ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                    .join()
                    .map(DecisionRegisterView::decisions)
                    .ifPresent(open::addAll);
        }
        return Stream.of(open).flatMap(List::stream).toList();
    }

    static String page(String programId, String changeRequestId) {
        return ProgramPages.path("/workspace/programs", programId, "changes", changeRequestId);
    }
}
