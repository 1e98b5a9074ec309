package io.governanceledger.query.workspace.budget;

import io.governanceledger.query.budget.FindPendingApprovalsQuery;
import io.governanceledger.query.budget.MovementView;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.FormValues;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.query.workspace.TimeTravel;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Waiting for you": the movements the reader may approve or refuse, on every program they may see,
 * with the approvals each has and needs (four eyes: the requester never signs, and above the threshold
 * two different people must).
 */
@Controller
@ConditionalOnWorkspace
class InboxPage {

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final AccessDecider access;
    private final ProgramPages pages;

    InboxPage(QueryGateway queries, CommandRelay commands, AccessDecider access, ProgramPages pages) {
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping("/workspace/inbox")
    @Requires(Right.SIGNED_IN)
    String inbox(PointInTime point, Model model) {
        return show(point, model, null, null, Map.of());
    }

    private String show(
            PointInTime point,
            Model model,
            String failedMovement,
            CommandRelay.Outcome outcome,
            Map<String, String> sent) {
        Caller caller = Caller.current();
        Set<String> readable =
                access.programsWhere(caller, Right.READ_PROGRAM.roles()).orElse(null);
        List<MovementView> waiting = queries.query(
                        new FindPendingApprovalsQuery(caller.subject(), null, point, readable),
                        ResponseTypes.multipleInstancesOf(MovementView.class))
                .join();
        model.addAttribute("travel", TimeTravel.of(point, pages.clock()));
        model.addAttribute("waiting", waiting);
        model.addAttribute("failedMovement", failedMovement);
        model.addAttribute("outcome", outcome);
        model.addAttribute("sent", sent);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "workspace/budget/inbox";
    }

    @PostMapping("/workspace/programs/{programId}/budget/movements/{movementId}/{decision:approve|refuse}")
    @Requires(Right.MOVE_BUDGET)
    String decide(
            @PathVariable String programId,
            @PathVariable String movementId,
            @PathVariable String decision,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "reason", fields.get("reason"));
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "budget", "movements", movementId, decision),
                body,
                fields.get("idempotencyKey"));
        if (outcome.succeeded()) {
            return ProgramPages.shown("/workspace/inbox", outcome);
        }
        ProgramPages.refused(response, outcome);
        model.addAttribute("path", "/workspace/inbox");
        return show(pages.now(), model, movementId + "-" + decision, outcome, fields);
    }
}
