package io.governanceledger.query.workspace.decisions;

import io.governanceledger.query.decisions.DecisionHistoryEntry;
import io.governanceledger.query.decisions.DecisionView;
import io.governanceledger.query.decisions.FindDecisionQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.Comparison;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
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
        return pages.compare(
                programId,
                point,
                points,
                model,
                at -> queries.query(
                                new FindDecisionQuery(programId, decisionId, at),
                                ResponseTypes.optionalInstanceOf(DecisionView.class))
                        .join(),
                decision -> decision.field(
                                "decision.status", view -> view.summary().status())
                        .field("decision.title", view -> view.summary().title())
                        .field("decision.decidingBody", view -> view.summary().decidingBody())
                        .field("decision.meetingDate", view -> view.summary().meetingDate())
                        .field("decision.decidedOn", view -> view.summary().decidedOn())
                        .field("decision.effectiveFrom", view -> view.summary().effectiveFrom())
                        .field("field.chosenOption", view -> view.summary().chosenOption())
                        .field("decision.supersededBy", view -> view.summary().supersededBy())
                        .field("decision.deferredUntil", DecisionView::deferredUntil)
                        .field("decision.revokedOn", DecisionView::revokedOn)
                        .events(DecisionView::history, DecisionHistoryEntry::eventId, DecisionComparePage::event),
                view -> view.summary().title(),
                decisionId,
                ProgramPages.path("/workspace/programs", programId, "decisions", decisionId));
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
