package io.crossbill.reconcile;

/**
 * A customer as one system holds it. Records of the three systems are compared field by field by their
 * business key (Crossbill's cross-reference id).
 */
public record CustomerRecord(Source system, String businessKey, String name, String taxId, String country,
        String currency, String addressLine, String city, String postcode, String email) {

    /** The system the record comes from. */
    public enum Source {
        CRM, PSA, ERP
    }
}
