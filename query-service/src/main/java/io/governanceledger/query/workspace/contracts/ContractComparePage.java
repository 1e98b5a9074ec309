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
import java.util.Optional;
import java.util.function.Function;
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
        PointInTime a = points.a(clock);
        PointInTime b = points.b(clock);
        pages.at(point, programId, model);
        Optional<ContractView> atA = find(programId, contractId, a);
        Optional<ContractView> atB = find(programId, contractId, b);
        Comparison.Fields fields = new Comparison.Fields();
        field(fields, "contract.currentValue", atA, atB, ContractView::currentValue);
        field(fields, "contract.endAfter", atA, atB, ContractView::endDate);
        field(fields, "contract.referenceValue", atA, atB, ContractView::referenceValue);
        field(fields, "contract.calledOff", atA, atB, ContractView::calledOff);
        field(fields, "contract.remaining", atA, atB, ContractView::remainingValue);
        field(
                fields,
                "contract.deMinimis",
                atA,
                atB,
                view -> view.deMinimis() == null ? null : view.deMinimis().counted());
        field(fields, "contract.amendments", atA, atB, view -> view.amendments().size());
        field(fields, "contract.rejected", atA, atB, view -> view.rejected().size());
        List<Comparison.Event> events = Comparison.onlyAtOne(
                proposals(atA),
                proposals(atB),
                AmendmentView::amendmentId,
                (amendment, at) -> new Comparison.Event(
                        0,
                        amendment.legalBasis() + " " + amendment.status()
                                + (amendment.rule() == null ? "" : " (" + amendment.rule() + ")"),
                        String.join(", ", amendment.signatories()),
                        amendment.recordedAt(),
                        amendment.effectiveFrom() == null ? null : clock.startOf(amendment.effectiveFrom()),
                        amendment.scope(),
                        at));
        model.addAttribute("comparison", new Comparison(a, b, fields.list(), events));
        model.addAttribute(
                "recordTitle",
                atB.or(() -> atA).map(view -> view.terms().reference()).orElse(contractId));
        model.addAttribute("back", ProgramPages.path("/workspace/programs", programId, "contracts", contractId));
        points.show(model, clock);
        return "workspace/compare";
    }

    private Optional<ContractView> find(String programId, String contractId, PointInTime point) {
        return queries.query(
                        new FindContractQuery(programId, contractId, point),
                        ResponseTypes.optionalInstanceOf(ContractView.class))
                .join();
    }

    private static List<AmendmentView> proposals(Optional<ContractView> contract) {
        List<AmendmentView> all = new ArrayList<>();
        contract.ifPresent(view -> {
            all.addAll(view.amendments());
            all.addAll(view.rejected());
        });
        return all;
    }

    private static void field(
            Comparison.Fields fields,
            String label,
            Optional<ContractView> a,
            Optional<ContractView> b,
            Function<ContractView, Object> value) {
        fields.add(label, a.map(value).orElse(null), b.map(value).orElse(null));
    }
}
