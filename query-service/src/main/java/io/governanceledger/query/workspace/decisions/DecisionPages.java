package io.governanceledger.query.workspace.decisions;

import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.DecisionView;
import io.governanceledger.query.decisions.FindDecisionQuery;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.FormValues;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The decision log. Reads go through the same query handlers as the API; writes go to the command
 * service as the signed-in person. After a write, the person is sent to the record with the write's
 * event in the link, so the page waits until the read models have it and shows it at once.
 */
@Controller
@ConditionalOnWorkspace
class DecisionPages {

    static final int PAGE_SIZE = 50;
    /** What may be done to a decision in each status, by the forms of its page. */
    static final Map<DecisionStatus, Set<String>> ACTIONS = Map.of(
            DecisionStatus.PROPOSED, Set.of("approve", "reject", "defer"),
            DecisionStatus.DEFERRED, Set.of("approve", "reject", "defer"),
            DecisionStatus.APPROVED, Set.of("supersede", "revoke"));
    /** The fields of each action's form, in the order shown; the API's request names them the same. */
    static final Map<String, java.util.List<String>> ACTION_FIELDS = Map.of(
            "approve", java.util.List.of("decidedOn", "effectiveFrom", "chosenOption", "reason"),
            "reject", java.util.List.of("decidedOn", "reason"),
            "defer", java.util.List.of("decidedOn", "deferredUntil", "reason"),
            "revoke", java.util.List.of("revokedOn", "effectiveFrom", "reason"));

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;

    DecisionPages(QueryGateway queries, CommandRelay commands, ProgramPages pages) {
        this.queries = queries;
        this.commands = commands;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}/decisions")
    @Requires(Right.READ_PROGRAM)
    String register(
            @PathVariable String programId,
            @RequestParam(required = false) DecisionStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            PointInTime point,
            Model model) {
        int offset = Math.max(0, page) * PAGE_SIZE;
        DecisionRegisterView register = queries.query(
                        new FindDecisionsQuery(programId, status, from, to, offset, PAGE_SIZE, point),
                        ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        at(point, programId, model);
        model.addAttribute("register", register);
        model.addAttribute("statuses", DecisionStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (register.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "workspace/decisions/register";
    }

    @GetMapping("/workspace/programs/{programId}/decisions/{decisionId}")
    @Requires(Right.READ_PROGRAM)
    String decision(@PathVariable String programId, @PathVariable String decisionId, PointInTime point, Model model) {
        return decisionPage(programId, decisionId, point, model, null, null);
    }

    @GetMapping("/workspace/programs/{programId}/decisions/new")
    @Requires(Right.KEEP_DECISION_LOG)
    String newDecision(@PathVariable String programId, PointInTime point, Model model) {
        at(point, programId, model);
        model.addAttribute("form", DecisionForm.empty());
        model.addAttribute("outcome", null);
        return "workspace/decisions/record";
    }

    @PostMapping("/workspace/programs/{programId}/decisions")
    @Requires(Right.KEEP_DECISION_LOG)
    String record(
            @PathVariable String programId,
            @ModelAttribute("form") DecisionForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(api(programId, "decisions"), form.body(), form.idempotencyKey());
        if (outcome.succeeded()) {
            return shown(programId, outcome.id(), outcome);
        }
        refused(response, outcome);
        at(now(), programId, model);
        model.addAttribute("form", form.again());
        model.addAttribute("outcome", outcome);
        return "workspace/decisions/record";
    }

    @GetMapping("/workspace/programs/{programId}/decisions/{decisionId}/supersede")
    @Requires(Right.KEEP_DECISION_LOG)
    String supersedeForm(
            @PathVariable String programId, @PathVariable String decisionId, PointInTime point, Model model) {
        DecisionView decision = find(programId, decisionId, point);
        at(point, programId, model);
        model.addAttribute("decision", decision);
        model.addAttribute("form", DecisionForm.empty());
        model.addAttribute("outcome", null);
        return "workspace/decisions/record";
    }

    @PostMapping("/workspace/programs/{programId}/decisions/{decisionId}/supersede")
    @Requires(Right.KEEP_DECISION_LOG)
    String supersede(
            @PathVariable String programId,
            @PathVariable String decisionId,
            @ModelAttribute("form") DecisionForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome =
                commands.post(api(programId, "decisions", decisionId, "supersede"), form.body(), form.idempotencyKey());
        if (outcome.succeeded()) {
            return shown(programId, outcome.id(), outcome);
        }
        refused(response, outcome);
        PointInTime now = now();
        at(now, programId, model);
        model.addAttribute("decision", find(programId, decisionId, now));
        model.addAttribute("form", form.again());
        model.addAttribute("outcome", outcome);
        return "workspace/decisions/record";
    }

    /** Approve, reject, defer or revoke: the fields each needs, as the decision page's forms send them. */
    @PostMapping("/workspace/programs/{programId}/decisions/{decisionId}/{action:approve|reject|defer|revoke}")
    @Requires(Right.KEEP_DECISION_LOG)
    String act(
            @PathVariable String programId,
            @PathVariable String decisionId,
            @PathVariable String action,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : ACTION_FIELDS.get(action)) {
            FormValues.put(body, field, fields.get(field));
        }
        CommandRelay.Outcome outcome =
                commands.post(api(programId, "decisions", decisionId, action), body, fields.get("idempotencyKey"));
        if (outcome.succeeded()) {
            return shown(programId, decisionId, outcome);
        }
        refused(response, outcome);
        return decisionPage(programId, decisionId, now(), model, action, outcome, fields);
    }

    private String decisionPage(
            String programId,
            String decisionId,
            PointInTime point,
            Model model,
            String failedAction,
            CommandRelay.Outcome outcome) {
        return decisionPage(programId, decisionId, point, model, failedAction, outcome, Map.of());
    }

    private String decisionPage(
            String programId,
            String decisionId,
            PointInTime point,
            Model model,
            String failedAction,
            CommandRelay.Outcome outcome,
            Map<String, String> sent) {
        DecisionView decision = find(programId, decisionId, point);
        at(point, programId, model);
        model.addAttribute("decision", decision);
        model.addAttribute("actions", ACTIONS.getOrDefault(decision.summary().status(), Set.of()));
        model.addAttribute("failedAction", failedAction);
        model.addAttribute("outcome", outcome);
        model.addAttribute("sent", sent);
        model.addAttribute("formKey", DecisionForm.newKey());
        model.addAttribute("actionFields", ACTION_FIELDS);
        model.addAttribute("path", ProgramPages.path("/workspace/programs", programId, "decisions", decisionId));
        model.addAttribute("today", pages.clock().today());
        return "workspace/decisions/decision";
    }

    private DecisionView find(String programId, String decisionId, PointInTime point) {
        return queries.query(
                        new FindDecisionQuery(programId, decisionId, point),
                        ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join()
                .orElseThrow(() ->
                        point.notFound("decisionId", "Program " + programId + " has no decision '" + decisionId + "'"));
    }

    private void at(PointInTime point, String programId, Model model) {
        pages.at(point, programId, model);
    }

    private PointInTime now() {
        return pages.now();
    }

    private static String shown(String programId, String decisionId, CommandRelay.Outcome outcome) {
        return ProgramPages.shown(
                ProgramPages.path("/workspace/programs", programId, "decisions", decisionId), outcome);
    }

    private static void refused(HttpServletResponse response, CommandRelay.Outcome outcome) {
        ProgramPages.refused(response, outcome);
    }

    static String api(String programId, String... path) {
        return ProgramPages.path("/api/programs", programId, path);
    }
}
