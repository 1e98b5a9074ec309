package io.governanceledger.support.web;

/** A 403 that names its rule and says in words what the request needs. */
public interface AccessRefusal {

    String rule();
}
