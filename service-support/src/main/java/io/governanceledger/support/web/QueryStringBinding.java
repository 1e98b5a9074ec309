package io.governanceledger.support.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * A record bound from a request (a filter of query parameters) is read from the query string only, which
 * the edge checks: Spring would also fill its fields from request headers of the same names
 * ({@code Status}, {@code Reference}).
 */
@ControllerAdvice
public class QueryStringBinding {

    @InitBinder
    void queryStringOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder servletBinder) {
            servletBinder.setHeaderPredicate(header -> false);
        }
    }
}
