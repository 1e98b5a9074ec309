package io.governanceledger.query.workspace.access;

import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.query.access.AccessView;
import io.governanceledger.query.access.FindAccessQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.rebuild.ProjectionRebuilder;
import io.governanceledger.query.rebuild.ReadModels;
import io.governanceledger.query.rebuild.RebuildProgress;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.FormValues;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.query.workspace.TimeTravel;
import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A program's access (grants and deputies, granting and revoking) and the read models' rebuilds. */
@Controller
@ConditionalOnWorkspace
class AccessPages {

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;
    private final ObjectProvider<ProjectionRebuilder> rebuilder;
    private final AccessDecider access;

    AccessPages(
            QueryGateway queries,
            CommandRelay commands,
            ProgramPages pages,
            ObjectProvider<ProjectionRebuilder> rebuilder,
            AccessDecider access) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.pages = pages;
        this.rebuilder = rebuilder;
    }

    @GetMapping("/workspace/programs/{programId}/access")
    @Requires(Right.READ_ACCESS)
    String access(@PathVariable String programId, PointInTime point, Model model) {
        return show(programId, point, model, null, null, Map.of());
    }

    private String show(
            String programId,
            PointInTime point,
            Model model,
            String failedForm,
            CommandRelay.Outcome outcome,
            Map<String, String> sent) {
        pages.at(point, programId, model);
        AccessView access = queries.query(
                        new FindAccessQuery(programId, point), ResponseTypes.optionalInstanceOf(AccessView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        model.addAttribute("access", access);
        model.addAttribute("roles", AccessRole.values());
        model.addAttribute("kinds", GranteeKind.values());
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("outcome", outcome);
        model.addAttribute("sent", sent);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "workspace/access/access";
    }

    @PostMapping("/workspace/programs/{programId}/access/grants")
    @Requires(Right.ADMINISTER_ACCESS)
    String grant(
            @PathVariable String programId,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Object> grantee = new LinkedHashMap<>();
        FormValues.put(grantee, "kind", fields.get("granteeKind"));
        FormValues.put(grantee, "id", fields.get("granteeId"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantee", grantee);
        for (String field : List.of("role", "validFrom", "validTo", "reason")) {
            FormValues.put(body, field, fields.get(field));
        }
        return answer(
                programId,
                "grant",
                commands.post(
                        ProgramPages.path("/api/programs", programId, "access", "grants"),
                        body,
                        fields.get("idempotencyKey")),
                fields,
                model,
                response);
    }

    @PostMapping("/workspace/programs/{programId}/access/grants/{grantId}/revoke")
    @Requires(Right.ADMINISTER_ACCESS)
    String revoke(
            @PathVariable String programId,
            @PathVariable String grantId,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        FormValues.put(body, "reason", fields.get("reason"));
        return answer(
                programId,
                "revoke-" + grantId,
                commands.post(
                        ProgramPages.path("/api/programs", programId, "access", "grants", grantId, "revoke"),
                        body,
                        fields.get("idempotencyKey")),
                fields,
                model,
                response);
    }

    private String answer(
            String programId,
            String form,
            CommandRelay.Outcome outcome,
            Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        String page = ProgramPages.path("/workspace/programs", programId, "access");
        if (outcome.succeeded()) {
            return ProgramPages.shown(page, outcome);
        }
        ProgramPages.refused(response, outcome);
        model.addAttribute("path", page);
        return show(programId, pages.now(), model, form, outcome, fields);
    }

    /** The read models and their last rebuild on this instance; an operator starts one from here. */
    @GetMapping("/workspace/admin")
    @Requires(Right.INSPECT_LEDGER)
    String admin(PointInTime point, Model model) {
        model.addAttribute("travel", TimeTravel.of(point, pages.clock()));
        Map<String, Optional<RebuildProgress>> progress = new LinkedHashMap<>();
        ProjectionRebuilder rebuilds = rebuilder.getIfAvailable();
        for (String readModel : new TreeSet<>(ReadModels.TABLES.keySet())) {
            progress.put(readModel, rebuilds == null ? Optional.empty() : rebuilds.progress(readModel));
        }
        progress.put(
                ProjectionRebuilder.ALL,
                rebuilds == null ? Optional.empty() : rebuilds.progress(ProjectionRebuilder.ALL));
        model.addAttribute("progress", progress);
        model.addAttribute(
                "mayRebuild",
                rebuilds != null && Right.REBUILD_READ_MODELS.heldBy(access.portfolioRoles(Caller.current())));
        model.addAttribute(
                "running",
                progress.values().stream()
                        .flatMap(Optional::stream)
                        .anyMatch(rebuild -> rebuild.state() == RebuildProgress.State.RUNNING));
        return "workspace/access/admin";
    }

    @PostMapping("/workspace/admin/rebuild")
    @Requires(Right.REBUILD_READ_MODELS)
    String rebuild(@RequestParam String readModel, Model model, HttpServletResponse response) {
        ProjectionRebuilder rebuilds = rebuilder.getIfAvailable();
        if (rebuilds == null) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "redirect:/workspace/admin";
        }
        try {
            rebuilds.start(readModel);
        } catch (ProjectionRebuilder.RebuildRunningException running) {
            return "redirect:/workspace/admin?refused=running";
        } catch (IllegalArgumentException | RecordNotFoundException unknown) {
            return "redirect:/workspace/admin?refused=unknown";
        }
        return "redirect:/workspace/admin";
    }
}
