package io.governanceledger.command.budget;

import io.governanceledger.command.commandbus.OtherRecords;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A program's budget figures as change control needs them: which lines exist, each line's allocation
 * (a baseline's cost) and each line's estimate at completion (its last reforecast, or its allocation if
 * it was never reforecast), both over every booked leg whatever its date.
 */
public interface BudgetFigures {

    boolean hasLine(String programId, String lineId);

    /**
     * Every line's allocation: all its booked allocation legs, whatever their effective date (the budget
     * at completion, which a line's estimate at completion is measured against).
     */
    Map<String, BigDecimal> allocations(String programId);

    Map<String, BigDecimal> estimates(String programId);

    @Component
    class FromRepository implements BudgetFigures {

        private final Repository<ProgramBudget> budgets;

        public FromRepository(Repository<ProgramBudget> budgets) {
            this.budgets = budgets;
        }

        @Override
        public boolean hasLine(String programId, String lineId) {
            return budget(programId).map(budget -> budget.hasLine(lineId)).orElse(false);
        }

        @Override
        public Map<String, BigDecimal> allocations(String programId) {
            return budget(programId).map(ProgramBudget::allocations).orElse(Map.of());
        }

        @Override
        public Map<String, BigDecimal> estimates(String programId) {
            return budget(programId).map(ProgramBudget::estimates).orElse(Map.of());
        }

        private Optional<ProgramBudget> budget(String programId) {
            return OtherRecords.ask(budgets, ProgramBudget.idOf(programId), budget -> budget);
        }
    }
}
