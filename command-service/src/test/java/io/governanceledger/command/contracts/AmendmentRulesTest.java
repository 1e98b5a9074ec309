package io.governanceledger.command.contracts;

import static io.governanceledger.events.contracts.LegalBasis.ADDITIONAL_WORKS;
import static io.governanceledger.events.contracts.LegalBasis.DE_MINIMIS;
import static io.governanceledger.events.contracts.LegalBasis.NON_SUBSTANTIAL;
import static io.governanceledger.events.contracts.LegalBasis.REPLACEMENT_OF_CONTRACTOR;
import static io.governanceledger.events.contracts.LegalBasis.REVIEW_CLAUSE;
import static io.governanceledger.events.contracts.LegalBasis.UNFORESEEABLE_CIRCUMSTANCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.command.contracts.AmendmentRules.Accepted;
import io.governanceledger.command.contracts.AmendmentRules.Verdict;
import io.governanceledger.events.contracts.AuthorityKind;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.events.contracts.ContractType;
import io.governanceledger.events.contracts.DeMinimisCounting;
import io.governanceledger.events.contracts.IndexationClause;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.events.contracts.ReviewClause;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legal rules, case by case, at and around every boundary. Thresholds as published: 2024-2025
 * works 5,538,000, supplies/services 143,000 (central) or 221,000 (other), utilities 443,000;
 * 2026-2027 works 5,404,000, supplies/services 140,000 or 216,000, utilities 432,000.
 */
class AmendmentRulesTest {

    private static final LocalDate IN_2026 = LocalDate.of(2026, 6, 1);
    private static final LocalDate LAST_DAY_2025 = LocalDate.of(2025, 12, 31);
    private static final LocalDate FIRST_DAY_2026 = LocalDate.of(2026, 1, 1);
    private static final String OK = "accepted";

    static ProcurementThresholds thresholds() {
        ProcurementThresholds thresholds = new ProcurementThresholds();
        thresholds.setThresholds(List.of(
                new ProcurementThresholds.Period(
                        LocalDate.of(2024, 1, 1), LAST_DAY_2025, "5538000", "143000", "221000", "443000"),
                new ProcurementThresholds.Period(
                        FIRST_DAY_2026, LocalDate.of(2027, 12, 31), "5404000", "140000", "216000", "432000")));
        return thresholds;
    }

    /** A case: a contract, what was accepted before, a proposal, and the expected rule (or accepted). */
    record Case(
            String name,
            ContractTerms contract,
            BigDecimal index,
            List<Accepted> history,
            LegalBasis basis,
            String clause,
            String delta,
            LocalDate signedOn,
            String expected,
            String expectedCounted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static ContractTerms contract(
            ContractRegime regime,
            ContractType type,
            AuthorityKind authority,
            String value,
            DeMinimisCounting counting,
            IndexationClause indexation) {
        return contract(regime, type, authority, value, counting, indexation, "EUR");
    }

    static ContractTerms contract(
            ContractRegime regime,
            ContractType type,
            AuthorityKind authority,
            String value,
            DeMinimisCounting counting,
            IndexationClause indexation,
            String currency) {
        return new ContractTerms(
                "FC-1",
                "Framework",
                "Supplier",
                regime,
                type,
                authority,
                new BigDecimal(value),
                currency,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2039, 1, 1),
                indexation,
                List.of(new ReviewClause("R1", "Volume review", new BigDecimal("200000"))),
                90,
                counting);
    }

    static ContractTerms services(String value) {
        return contract(
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.CENTRAL,
                value,
                DeMinimisCounting.NET_CUMULATIVE,
                null);
    }

    static Accepted dm(String delta) {
        return new Accepted(DE_MINIMIS, null, new BigDecimal(delta));
    }

    static Case c(
            String name,
            ContractTerms contract,
            List<Accepted> history,
            LegalBasis basis,
            String delta,
            LocalDate signedOn,
            String expected) {
        return new Case(name, contract, null, history, basis, null, delta, signedOn, expected, null);
    }

    static Stream<Case> cases() {
        ContractTerms services1m = services("1000000");
        ContractTerms absolute1m = contract(
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.CENTRAL,
                "1000000",
                DeMinimisCounting.ABSOLUTE_CUMULATIVE,
                null);
        ContractTerms works10m = contract(
                ContractRegime.CLASSIC,
                ContractType.WORKS,
                AuthorityKind.CENTRAL,
                "10000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms works1m = contract(
                ContractRegime.CLASSIC,
                ContractType.WORKS,
                AuthorityKind.CENTRAL,
                "1000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms supplies1m = contract(
                ContractRegime.CLASSIC,
                ContractType.SUPPLIES,
                AuthorityKind.CENTRAL,
                "1000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms works50m = contract(
                ContractRegime.CLASSIC,
                ContractType.WORKS,
                AuthorityKind.OTHER,
                "50000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms other3m = contract(
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.OTHER,
                "3000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms utilities10m = contract(
                ContractRegime.UTILITIES,
                ContractType.SUPPLIES,
                AuthorityKind.OTHER,
                "10000000",
                DeMinimisCounting.NET_CUMULATIVE,
                null);
        ContractTerms indexed = contract(
                ContractRegime.CLASSIC,
                ContractType.SERVICES,
                AuthorityKind.CENTRAL,
                "1000000",
                DeMinimisCounting.NET_CUMULATIVE,
                new IndexationClause("ABEX", new BigDecimal("100")));
        List<Accepted> none = List.of();
        List<Case> cases = new ArrayList<>(List.of(
                // de minimis, supplies/services: 10% of the reference value, strictly below
                c("services: just below 10%", services1m, none, DE_MINIMIS, "99999.99", IN_2026, OK),
                c(
                        "services: exactly 10% is not below",
                        services1m, none, DE_MINIMIS, "100000.00", IN_2026, "de-minimis-share"),
                c("services: just over 10%", services1m, none, DE_MINIMIS, "100000.01", IN_2026, "de-minimis-share"),
                c(
                        "cumulative: earlier 60000 plus 39999.99",
                        services1m,
                        List.of(dm("60000")),
                        DE_MINIMIS,
                        "39999.99",
                        IN_2026,
                        OK),
                c(
                        "cumulative: earlier 60000 plus 40000 reaches 10%",
                        services1m, List.of(dm("60000")), DE_MINIMIS, "40000", IN_2026, "de-minimis-share"),
                new Case(
                        "net counting: +80000 -50000 then +60000 nets 90000",
                        services1m,
                        null,
                        List.of(dm("80000"), dm("-50000")),
                        DE_MINIMIS,
                        null,
                        "60000",
                        IN_2026,
                        OK,
                        "90000"),
                new Case(
                        "absolute counting: the same history counts 190000",
                        absolute1m,
                        null,
                        List.of(dm("80000"), dm("-50000")),
                        DE_MINIMIS,
                        null,
                        "60000",
                        IN_2026,
                        "de-minimis-eu-threshold",
                        "190000"),
                new Case(
                        "absolute counting below both limits",
                        absolute1m,
                        null,
                        List.of(dm("40000"), dm("-30000")),
                        DE_MINIMIS,
                        null,
                        "29999.99",
                        IN_2026,
                        OK,
                        "99999.99"),
                new Case(
                        "net counting: decreases count by their size",
                        services1m,
                        null,
                        List.of(dm("-90000")),
                        DE_MINIMIS,
                        null,
                        "-9999.99",
                        IN_2026,
                        OK,
                        "99999.99"),
                c(
                        "net counting: a net decrease of 10% is not below",
                        services1m, List.of(dm("-90000")), DE_MINIMIS, "-10000", IN_2026, "de-minimis-share"),
                // de minimis, the EU threshold in force on the signing date
                c(
                        "central services: just below the 2026 threshold",
                        services("2000000"),
                        none,
                        DE_MINIMIS,
                        "139999.99",
                        IN_2026,
                        OK),
                c(
                        "central services: at the 2026 threshold",
                        services("2000000"),
                        none,
                        DE_MINIMIS,
                        "140000",
                        IN_2026,
                        "de-minimis-eu-threshold"),
                c(
                        "thresholds change on a date: 141000 on 31 Dec 2025",
                        services("2000000"),
                        none,
                        DE_MINIMIS,
                        "141000",
                        LAST_DAY_2025,
                        OK),
                c(
                        "thresholds change on a date: 141000 on 1 Jan 2026",
                        services("2000000"),
                        none,
                        DE_MINIMIS,
                        "141000",
                        FIRST_DAY_2026,
                        "de-minimis-eu-threshold"),
                c("other authority services: just below 216000", other3m, none, DE_MINIMIS, "215999.99", IN_2026, OK),
                c(
                        "other authority services: at 216000",
                        other3m,
                        none,
                        DE_MINIMIS,
                        "216000",
                        IN_2026,
                        "de-minimis-eu-threshold"),
                c("utilities supplies: just below 432000", utilities10m, none, DE_MINIMIS, "431999.99", IN_2026, OK),
                c(
                        "utilities supplies: at 432000",
                        utilities10m,
                        none,
                        DE_MINIMIS,
                        "432000",
                        IN_2026,
                        "de-minimis-eu-threshold"),
                c(
                        "utilities supplies in 2025: 440000 below 443000",
                        utilities10m,
                        none,
                        DE_MINIMIS,
                        "440000",
                        LAST_DAY_2025,
                        OK),
                // de minimis, works: 15%
                c("works: just below 15%", works10m, none, DE_MINIMIS, "1499999.99", IN_2026, OK),
                c("works: exactly 15%", works10m, none, DE_MINIMIS, "1500000", IN_2026, "de-minimis-share"),
                c(
                        "works versus supplies: 120000 is under 15% of 1000000 of works",
                        works1m, none, DE_MINIMIS, "120000", IN_2026, OK),
                c(
                        "works versus supplies: 120000 is over 10% of 1000000 of supplies",
                        supplies1m, none, DE_MINIMIS, "120000", IN_2026, "de-minimis-share"),
                c("large works: just below the works threshold", works50m, none, DE_MINIMIS, "5403999.99", IN_2026, OK),
                c(
                        "large works: at the works threshold",
                        works50m,
                        none,
                        DE_MINIMIS,
                        "5404000",
                        IN_2026,
                        "de-minimis-eu-threshold"),
                c(
                        "large works in 2025: 5500000 below 5538000",
                        works50m,
                        none,
                        DE_MINIMIS,
                        "5500000",
                        LAST_DAY_2025,
                        OK),
                c(
                        "no threshold configured for the date",
                        services1m,
                        none,
                        DE_MINIMIS,
                        "1",
                        LocalDate.of(2031, 1, 1),
                        "no-threshold-in-force"),
                c(
                        "other bases do not count towards de minimis",
                        services1m,
                        List.of(new Accepted(ADDITIONAL_WORKS, null, new BigDecimal("400000"))),
                        DE_MINIMIS,
                        "99999.99",
                        IN_2026,
                        OK),
                // indexed reference value
                new Case(
                        "indexed: 110/100 makes the 10% cap 110000",
                        indexed, new BigDecimal("110"), List.of(), DE_MINIMIS, null, "109999.99", IN_2026, OK, null),
                new Case(
                        "indexed: at 110000",
                        indexed,
                        new BigDecimal("110"),
                        List.of(),
                        DE_MINIMIS,
                        null,
                        "110000",
                        IN_2026,
                        "de-minimis-share",
                        null),
                new Case(
                        "indexation clause without a recorded index value uses the initial value",
                        indexed,
                        null,
                        List.of(),
                        DE_MINIMIS,
                        null,
                        "100000",
                        IN_2026,
                        "de-minimis-share",
                        null),
                // additional works and unforeseeable circumstances: at most 50% in the classic regime
                c(
                        "additional works: exactly 50% is allowed",
                        services1m, none, ADDITIONAL_WORKS, "500000", IN_2026, OK),
                c(
                        "additional works: just over 50%",
                        services1m, none, ADDITIONAL_WORKS, "500000.01", IN_2026, "fifty-percent-cap"),
                c(
                        "unforeseeable: just over 50%",
                        services1m, none, UNFORESEEABLE_CIRCUMSTANCES, "500000.01", IN_2026, "fifty-percent-cap"),
                c(
                        "utilities regime: no 50% cap",
                        utilities10m, none, UNFORESEEABLE_CIRCUMSTANCES, "8000000", IN_2026, OK),
                new Case(
                        "indexed: 50% of 1100000",
                        indexed, new BigDecimal("110"), List.of(), ADDITIONAL_WORKS, null, "550000", IN_2026, OK, null),
                c(
                        "each modification is judged alone: a second 50%",
                        services1m,
                        List.of(new Accepted(ADDITIONAL_WORKS, null, new BigDecimal("500000"))),
                        ADDITIONAL_WORKS,
                        "500000",
                        IN_2026,
                        OK),
                c(
                        "additional works must increase the price",
                        services1m,
                        none,
                        ADDITIONAL_WORKS,
                        "-10",
                        IN_2026,
                        "increase-required"),
                // review clauses: within the clause's maximum, all uses together
                new Case(
                        "review clause within its maximum",
                        services1m,
                        null,
                        List.of(),
                        REVIEW_CLAUSE,
                        "R1",
                        "150000",
                        IN_2026,
                        OK,
                        null),
                new Case(
                        "review clause: earlier 150000 plus 50000 reaches exactly the maximum",
                        services1m,
                        null,
                        List.of(new Accepted(REVIEW_CLAUSE, "R1", new BigDecimal("150000"))),
                        REVIEW_CLAUSE,
                        "R1",
                        "50000",
                        IN_2026,
                        OK,
                        null),
                new Case(
                        "review clause: one cent over the maximum",
                        services1m,
                        null,
                        List.of(new Accepted(REVIEW_CLAUSE, "R1", new BigDecimal("150000"))),
                        REVIEW_CLAUSE,
                        "R1",
                        "50000.01",
                        IN_2026,
                        "review-clause-maximum",
                        null),
                new Case(
                        "review clause: a decrease does not make room for a later increase",
                        services1m,
                        null,
                        List.of(
                                new Accepted(REVIEW_CLAUSE, "R1", new BigDecimal("250000")),
                                new Accepted(REVIEW_CLAUSE, "R1", new BigDecimal("-100000"))),
                        REVIEW_CLAUSE,
                        "R1",
                        "60000",
                        IN_2026,
                        "review-clause-maximum",
                        null),
                new Case(
                        "review clause: a decrease is always within it",
                        services1m,
                        null,
                        List.of(new Accepted(REVIEW_CLAUSE, "R1", new BigDecimal("300000"))),
                        REVIEW_CLAUSE,
                        "R1",
                        "-50000",
                        IN_2026,
                        OK,
                        null),
                c(
                        "thresholds are in euro: a contract in pounds cannot be judged de minimis",
                        contract(
                                ContractRegime.CLASSIC,
                                ContractType.SERVICES,
                                AuthorityKind.CENTRAL,
                                "1000000",
                                DeMinimisCounting.NET_CUMULATIVE,
                                null,
                                "GBP"),
                        none,
                        DE_MINIMIS,
                        "1000",
                        IN_2026,
                        "threshold-currency"),
                new Case(
                        "review clause the contract does not have",
                        services1m,
                        null,
                        List.of(),
                        REVIEW_CLAUSE,
                        "R9",
                        "1",
                        IN_2026,
                        "unknown-review-clause",
                        null),
                // bases that do not change the value
                c("non-substantial without a change of value", services1m, none, NON_SUBSTANTIAL, "0", IN_2026, OK),
                c(
                        "non-substantial with a change of value",
                        services1m,
                        none,
                        NON_SUBSTANTIAL,
                        "1",
                        IN_2026,
                        "value-change-needs-value-basis"),
                c("replacement of the contractor", services1m, none, REPLACEMENT_OF_CONTRACTOR, "0", IN_2026, OK)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesEachCaseAsTheLawSays(Case c) {
        Verdict verdict = new AmendmentRules(thresholds())
                .judge(
                        c.contract(),
                        c.index(),
                        c.history(),
                        c.basis(),
                        c.clause(),
                        new BigDecimal(c.delta()),
                        c.signedOn());
        assertThat(verdict.accepted() ? OK : verdict.rule())
                .as(verdict.explanation())
                .isEqualTo(c.expected());
        if (!verdict.accepted()) {
            assertThat(verdict.explanation()).isNotBlank();
        }
        if (c.expectedCounted() != null) {
            assertThat(verdict.figures().countedCumulative()).isEqualByComparingTo(c.expectedCounted());
        }
    }
}
