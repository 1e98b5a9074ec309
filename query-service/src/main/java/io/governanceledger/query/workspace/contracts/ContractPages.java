package io.governanceledger.query.workspace.contracts;

import io.governanceledger.events.changes.AmendmentCheck;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.decisions.DecisionStatus;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractQuery;
import io.governanceledger.query.contracts.FindContractsQuery;
import io.governanceledger.query.decisions.DecisionRegisterView;
import io.governanceledger.query.decisions.FindDecisionsQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.CommandRelay;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.messaging.LedgerSerializer;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The program's contracts, one contract's timeline, and the amendment proposal with its verdict. */
@Controller
@ConditionalOnWorkspace
class ContractPages {

    private final QueryGateway queries;
    private final CommandRelay commands;
    private final ProgramPages pages;

    ContractPages(QueryGateway queries, CommandRelay commands, ProgramPages pages) {
        this.queries = queries;
        this.commands = commands;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}/contracts")
    @Requires(Right.READ_PROGRAM)
    String register(@PathVariable String programId, PointInTime point, Model model) {
        pages.at(point, programId, model);
        model.addAttribute(
                "contracts",
                queries.query(
                                new FindContractsQuery(programId, point),
                                ResponseTypes.multipleInstancesOf(ContractView.class))
                        .join());
        return "workspace/contracts/register";
    }

    @GetMapping("/workspace/programs/{programId}/contracts/{contractId}")
    @Requires(Right.READ_PROGRAM)
    String contract(@PathVariable String programId, @PathVariable String contractId, PointInTime point, Model model) {
        show(programId, contractId, point, model);
        model.addAttribute("form", AmendmentForm.empty());
        model.addAttribute("outcome", null);
        model.addAttribute("check", null);
        return "workspace/contracts/contract";
    }

    /**
     * Checks the proposal in the form against the procurement rules on its signing date, recording
     * nothing (the contract manager, before signing): the page shows the verdict and its figures and
     * keeps the form as it was.
     */
    @PostMapping("/workspace/programs/{programId}/contracts/{contractId}/amendment-check")
    @Requires(Right.ASSESS_CHANGE_REQUESTS)
    String check(
            @PathVariable String programId,
            @PathVariable String contractId,
            @ModelAttribute("form") AmendmentForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "contracts", contractId, "amendment-checks"),
                form.checkBody(),
                null);
        show(programId, contractId, pages.now(), model);
        model.addAttribute("form", form.again());
        model.addAttribute("path", ProgramPages.path("/workspace/programs", programId, "contracts", contractId));
        if (outcome.succeeded()) {
            model.addAttribute("outcome", null);
            model.addAttribute(
                    "check", LedgerSerializer.fromJson(outcome.answer().toString(), AmendmentCheck.class));
        } else {
            ProgramPages.refused(response, outcome);
            model.addAttribute("outcome", outcome);
            model.addAttribute("check", null);
        }
        return "workspace/contracts/contract";
    }

    private void show(String programId, String contractId, PointInTime point, Model model) {
        pages.at(point, programId, model);
        ContractView contract = queries.query(
                        new FindContractQuery(programId, contractId, point),
                        ResponseTypes.optionalInstanceOf(ContractView.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException(
                        "contractId", "Program " + programId + " has no contract '" + contractId + "'."));
        model.addAttribute("contract", contract);
        ContractTimeline timeline = ContractTimeline.of(contract);
        model.addAttribute("timeline", timeline);
        model.addAttribute("chart", timeline.chart(point.asOf()));
        model.addAttribute("bases", LegalBasis.values());
        model.addAttribute(
                "approvedDecisions",
                queries.query(
                                new FindDecisionsQuery(programId, DecisionStatus.APPROVED, null, null, 0, 200, point),
                                ResponseTypes.optionalInstanceOf(DecisionRegisterView.class))
                        .join()
                        .map(DecisionRegisterView::decisions)
                        .orElse(List.of()));
    }

    /**
     * Proposes an amendment. The command service records it accepted or rejected (a rejection is on the
     * record, with its rule and figures) and the contract's page shows the verdict; a malformed proposal
     * is refused with its fields and nothing is recorded.
     */
    @PostMapping("/workspace/programs/{programId}/contracts/{contractId}/amendments")
    @Requires(Right.MANAGE_CONTRACTS)
    String propose(
            @PathVariable String programId,
            @PathVariable String contractId,
            @ModelAttribute("form") AmendmentForm form,
            Model model,
            HttpServletResponse response) {
        CommandRelay.Outcome outcome = commands.post(
                ProgramPages.path("/api/programs", programId, "contracts", contractId, "amendments"),
                form.body(),
                form.idempotencyKey());
        String page = ProgramPages.path("/workspace/programs", programId, "contracts", contractId);
        if (outcome.succeeded()) {
            return ProgramPages.shown(page, outcome) + "#amendment-" + outcome.id();
        }
        ProgramPages.refused(response, outcome);
        show(programId, contractId, pages.now(), model);
        model.addAttribute("form", form.again());
        model.addAttribute("outcome", outcome);
        model.addAttribute("check", null);
        model.addAttribute("path", page);
        return "workspace/contracts/contract";
    }
}
