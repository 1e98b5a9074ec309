package io.governanceledger.query.budget;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The movement ledger's filter is read from the query string only: Spring would also fill a bound
 * record's fields from request headers of the same name ({@code Status}, {@code Reference}).
 */
@ControllerAdvice(assignableTypes = BudgetReadController.class)
class MovementFilterBinding {

    @InitBinder
    void queryStringOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
            servletBinder.setHeaderPredicate(header -> false);
        }
    }
}
