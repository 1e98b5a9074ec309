package io.governanceledger.query.workspace.contracts;

import io.governanceledger.query.contracts.AmendmentView;
import io.governanceledger.query.contracts.ContractView;
import io.governanceledger.query.contracts.FindContractQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.Comparison;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** A contract at two points: value, term and use side by side, and the amendments seen at one point only. */
@Controller
@ConditionalOnWorkspace
class ContractComparePage {

    private final QueryGateway queries;
    private final ProgramPages pages;

    ContractComparePage(QueryGateway queries, ProgramPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}/contracts/{contractId}/compare")
    @Requires(Right.READ_PROGRAM)
    String compare(
            @PathVariable String programId,
            @PathVariable String contractId,
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
                                new FindContractQuery(programId, contractId, at),
                                ResponseTypes.optionalInstanceOf(ContractView.class))
                        .join(),
                contract -> contract.field("contract.currentValue", ContractView::currentValue)
                        .field("contract.endAfter", ContractView::endDate)
                        .field("contract.referenceValue", ContractView::referenceValue)
                        .field("contract.calledOff", ContractView::calledOff)
                        .field("contract.remaining", ContractView::remainingValue)
                        .field(
                                "contract.deMinimis",
                                view -> view.deMinimis() == null
                                        ? null
                                        : view.deMinimis().counted())
                        .field("contract.amendments", view -> view.amendments().size())
                        .field("contract.rejected", view -> view.rejected().size())
                        .events(
                                ContractComparePage::proposals,
                                AmendmentView::amendmentId,
                                (amendment, at) -> new Comparison.Event(
                                        0,
                                        amendment.legalBasis() + " " + amendment.status()
                                                + (amendment.rule() == null ? "" : " (" + amendment.rule() + ")"),
                                        String.join(", ", amendment.signatories()),
                                        amendment.recordedAt(),
                                        amendment.effectiveFrom() == null
                                                ? null
                                                : clock.startOf(amendment.effectiveFrom()),
                                        amendment.scope(),
                                        at)),
                view -> view.terms().reference(),
                contractId,
                ProgramPages.path("/workspace/programs", programId, "contracts", contractId));
    }

    /** Every proposal the contract has at a point, accepted or rejected. */
    private static List<AmendmentView> proposals(ContractView contract) {
        List<AmendmentView> all = new ArrayList<>(contract.amendments());
        all.addAll(contract.rejected());
        return all;
    }
}
