package io.governanceledger.command.changes;

import io.governanceledger.command.programs.ProgramStanding.ProgramFacts;
import io.governanceledger.events.changes.Tolerances;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The rules of a program's plan inside {@link ProgramChanges}: milestones, their dependencies, tolerances. */
final class PlanRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlanRules() {}

    /** A milestone another one needs first: of this program or another. */
    record Dependency(String programId, String milestoneId) {

        @Override
        public String toString() {
            return programId + "/" + milestoneId;
        }
    }

    /** What {@link ProgramChanges} keeps of a milestone. */
    record Milestone(String id, String name, LocalDate forecast, LocalDate actual, Set<Dependency> dependsOn) {

        /** Its date now: when it was reached, else its forecast. */
        LocalDate dateNow() {
            return actual != null ? actual : forecast;
        }

        Milestone forecastOn(LocalDate date) {
            return new Milestone(id, name, date, actual, dependsOn);
        }

        Milestone reachedOn(LocalDate date) {
            return new Milestone(id, name, forecast, date, dependsOn);
        }

        Milestone withDependency(Dependency dependency, boolean add) {
            Set<Dependency> changed = new HashSet<>(dependsOn);
            if (add) {
                changed.add(dependency);
            } else {
                changed.remove(dependency);
            }
            return new Milestone(id, name, forecast, actual, Set.copyOf(changed));
        }
    }

    static void requireNewMilestone(DefineMilestoneCommand command, Set<String> existing, ProgramFacts program) {
        if (existing.contains(command.milestoneId())) {
            throw RuleViolationException.conflict(
                    "milestone-exists", "Milestone " + command.milestoneId() + " exists; reforecast it instead.");
        }
        requireInProgramPeriod(command.plannedDate(), program, "plannedDate");
    }

    static Milestone requireMilestone(Map<String, Milestone> milestones, String milestoneId) {
        Milestone milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw RuleViolationException.notFound(
                    "unknown-milestone", "milestoneId", "The program has no milestone '" + milestoneId + "'.");
        }
        return milestone;
    }

    static void requireReforecast(Milestone milestone, LocalDate date, ProgramFacts program) {
        if (milestone.actual() != null) {
            throw RuleViolationException.conflict(
                    "milestone-reached", milestone.id() + " was reached on " + milestone.actual() + ".");
        }
        requireInProgramPeriod(date, program, "forecastDate");
        if (date.equals(milestone.forecast())) {
            throw RuleViolationException.invalid(
                    "changed", "forecastDate", "is the forecast already (" + milestone.forecast() + ")");
        }
    }

    static void requireAchievable(Milestone milestone, LocalDate date, ProgramFacts program, LocalDate today) {
        if (milestone.actual() != null) {
            throw RuleViolationException.conflict(
                    "milestone-reached", milestone.id() + " was reached on " + milestone.actual() + ".");
        }
        requireInProgramPeriod(date, program, "actualDate");
        if (date.isAfter(today)) {
            throw RuleViolationException.invalid("not-in-future", "actualDate", "must not be in the future");
        }
    }

    /**
     * Known, not itself, not already there, and no cycle, within the program or across programs:
     * {@code dependenciesOf} answers what a milestone of any program needs first.
     */
    static void requireLinkable(
            Milestone milestone,
            Dependency dependency,
            boolean known,
            String programId,
            java.util.function.BiFunction<String, String, Set<Dependency>> dependenciesOf) {
        if (!known) {
            throw RuleViolationException.invalid(
                    "unknown-milestone", "dependsOnMilestoneId", "no milestone " + dependency + " that you may see");
        }
        Dependency itself = new Dependency(programId, milestone.id());
        if (dependency.equals(itself)) {
            throw RuleViolationException.invalid(
                    "not-itself", "dependsOnMilestoneId", "a milestone cannot need itself");
        }
        if (milestone.dependsOn().contains(dependency)) {
            throw RuleViolationException.conflict(
                    "dependency-exists", milestone.id() + " already depends on " + dependency + ".");
        }
        if (reaches(dependency, itself, dependenciesOf)) {
            throw RuleViolationException.invalid(
                    "no-cycle",
                    "dependsOnMilestoneId",
                    dependency + " already needs " + itself + " first, directly or not");
        }
    }

    /** True if {@code from} needs {@code to} first, following the dependencies of every program. */
    private static boolean reaches(
            Dependency from,
            Dependency to,
            java.util.function.BiFunction<String, String, Set<Dependency>> dependenciesOf) {
        Deque<Dependency> next = new ArrayDeque<>(Set.of(from));
        Set<Dependency> seen = new HashSet<>();
        while (!next.isEmpty()) {
            Dependency current = next.pop();
            if (current.equals(to)) {
                return true;
            }
            if (seen.add(current)) {
                dependenciesOf.apply(current.programId(), current.milestoneId()).forEach(next::push);
            }
        }
        return false;
    }

    /** At least one tolerance; cost as an amount or a percentage, not both; none negative. */
    static void requireTolerances(Tolerances tolerances) {
        if (tolerances == null
                || (tolerances.costAmount() == null
                        && tolerances.costPercent() == null
                        && tolerances.timeDays() == null
                        && tolerances.scopeItems() == null)) {
            throw RuleViolationException.invalid(
                    "required", "tolerances", "set at least one of cost, time or scope tolerance");
        }
        requireNotNegative(tolerances.costAmount(), "costAmount");
        requireNotNegative(tolerances.costPercent(), "costPercent");
        requireNotNegative(
                tolerances.timeDays() == null ? null : BigDecimal.valueOf(tolerances.timeDays()), "timeDays");
        requireNotNegative(
                tolerances.scopeItems() == null ? null : BigDecimal.valueOf(tolerances.scopeItems()), "scopeItems");
        if (tolerances.costAmount() != null && tolerances.costPercent() != null) {
            throw RuleViolationException.invalid(
                    "amount-or-percent",
                    "costPercent",
                    "give the cost tolerance as an amount or a percentage, not both");
        }
        if (tolerances.costPercent() != null && tolerances.costPercent().compareTo(HUNDRED) > 0) {
            throw RuleViolationException.invalid("at-most-100", "costPercent", "must be at most 100");
        }
    }

    private static void requireNotNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw RuleViolationException.invalid("not-negative", field, "must not be negative");
        }
    }

    private static void requireInProgramPeriod(LocalDate date, ProgramFacts program, String field) {
        if (date.isBefore(program.startDate())) {
            throw RuleViolationException.invalid(
                    "within-program", field, "must not be before the program starts on " + program.startDate());
        }
    }
}
