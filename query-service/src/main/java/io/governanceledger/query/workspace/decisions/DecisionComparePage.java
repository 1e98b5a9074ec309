package io.governanceledger.query.workspace.decisions;

import io.governanceledger.query.decisions.DecisionHistoryEntry;
import io.governanceledger.query.decisions.DecisionSummaryView;
import io.governanceledger.query.decisions.DecisionView;
import io.governanceledger.query.decisions.FindDecisionQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.Comparison;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** A decision at two points side by side, with the events that explain each difference. */
@Controller
@ConditionalOnWorkspace
class DecisionComparePage {

    private final QueryGateway queries;
    private final ProgramPages pages;

    DecisionComparePage(QueryGateway queries, ProgramPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/workspace/programs/{programId}/decisions/{decisionId}/compare")
    @Requires(Right.READ_PROGRAM)
    String compare(
            @PathVariable String programId,
            @PathVariable String decisionId,
            @ModelAttribute Comparison.Points points,
            PointInTime point,
            Model model) {
        var clock = pages.clock();
        PointInTime a = points.a(clock);
        PointInTime b = points.b(clock);
        pages.at(point, programId, model);
        Optional<DecisionView> atA = find(programId, decisionId, a);
        Optional<DecisionView> atB = find(programId, decisionId, b);
        Comparison.Fields fields = new Comparison.Fields();
        summary(fields, atA.map(DecisionView::summary), atB.map(DecisionView::summary));
        fields.add(
                "decision.deferredUntil",
                atA.map(DecisionView::deferredUntil).orElse(null),
                atB.map(DecisionView::deferredUntil).orElse(null));
        fields.add(
                "decision.revokedOn",
                atA.map(DecisionView::revokedOn).orElse(null),
                atB.map(DecisionView::revokedOn).orElse(null));
        model.addAttribute("comparison", new Comparison(a, b, fields.list(), between(atA, atB)));
        model.addAttribute(
                "recordTitle",
                atB.or(() -> atA).map(view -> view.summary().title()).orElse(decisionId));
        model.addAttribute("back", ProgramPages.path("/workspace/programs", programId, "decisions", decisionId));
        points.show(model, clock);
        return "workspace/compare";
    }

    private Optional<DecisionView> find(String programId, String decisionId, PointInTime point) {
        return queries.query(
                        new FindDecisionQuery(programId, decisionId, point),
                        ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join();
    }

    private static void summary(
            Comparison.Fields fields, Optional<DecisionSummaryView> a, Optional<DecisionSummaryView> b) {
        fields.add(
                        "decision.status",
                        a.map(s -> s.status()).orElse(null),
                        b.map(s -> s.status()).orElse(null))
                .add(
                        "decision.title",
                        a.map(DecisionSummaryView::title).orElse(null),
                        b.map(DecisionSummaryView::title).orElse(null))
                .add(
                        "decision.decidingBody",
                        a.map(DecisionSummaryView::decidingBody).orElse(null),
                        b.map(DecisionSummaryView::decidingBody).orElse(null))
                .add(
                        "decision.meetingDate",
                        a.map(DecisionSummaryView::meetingDate).orElse(null),
                        b.map(DecisionSummaryView::meetingDate).orElse(null))
                .add(
                        "decision.decidedOn",
                        a.map(DecisionSummaryView::decidedOn).orElse(null),
                        b.map(DecisionSummaryView::decidedOn).orElse(null))
                .add(
                        "decision.effectiveFrom",
                        a.map(DecisionSummaryView::effectiveFrom).orElse(null),
                        b.map(DecisionSummaryView::effectiveFrom).orElse(null))
                .add(
                        "field.chosenOption",
                        a.map(DecisionSummaryView::chosenOption).orElse(null),
                        b.map(DecisionSummaryView::chosenOption).orElse(null))
                .add(
                        "decision.supersededBy",
                        a.map(DecisionSummaryView::supersededBy).orElse(null),
                        b.map(DecisionSummaryView::supersededBy).orElse(null));
    }

    /** The events in view at one point and not the other: what changed the record between them. */
    private static List<Comparison.Event> between(Optional<DecisionView> a, Optional<DecisionView> b) {
        return Comparison.onlyAtOne(
                a.map(DecisionView::history).orElse(List.of()),
                b.map(DecisionView::history).orElse(List.of()),
                DecisionHistoryEntry::eventId,
                DecisionComparePage::event);
    }

    private static Comparison.Event event(DecisionHistoryEntry entry, String onlyAt) {
        return new Comparison.Event(
                entry.position(),
                entry.eventType(),
                entry.actor(),
                entry.recordedAt(),
                entry.effectiveAt(),
                entry.reason(),
                onlyAt);
    }
}
