package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.MappingResult;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import io.crossbill.store.DesignVersions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default mapping designs the workflows run, shipped in {@code io.crossbill.mapping}'s
 * {@code designs/shipped/} folder, loaded and compiled once per JVM. Each system maps to and from the
 * canonical model in two legs, so there are N designs, not N x N:
 * <ul>
 * <li>{@value #COMPANY_TO_CUSTOMER}: HubSpot company to canonical Customer, then
 * {@value #CUSTOMER_TO_XERO_CONTACT}: canonical Customer to the Xero Accounting Contact;</li>
 * <li>{@value #DEAL_TO_PROJECT}: HubSpot deal to canonical Project, then {@value #PROJECT_TO_XERO_PROJECT}:
 * canonical Project to the Xero Projects project.</li>
 * </ul>
 * A record the designs cannot map (a country the value map does not know, an amount that is no number)
 * is a {@link MappingFailure} naming the design, field and rule; nothing is written for it.
 * <p>
 * {@link #get()} is the designs as shipped; {@link #approved(DesignLibrary)} the versions approved in a workspace,
 * which is what the workflows run ({@link WorkflowContext#designs()}).
 */
public final class ShippedDesigns {
    public static final String COMPANY_TO_CUSTOMER = "hubspot-company-to-customer";
    public static final String CUSTOMER_TO_XERO_CONTACT = "customer-to-xero-contact";
    public static final String DEAL_TO_PROJECT = "hubspot-deal-to-project";
    public static final String PROJECT_TO_XERO_PROJECT = "project-to-xero-project";
    /** Every design this class runs, in the order lead to project uses them. */
    public static final List<String> NAMES = List.of(COMPANY_TO_CUSTOMER, CUSTOMER_TO_XERO_CONTACT, DEAL_TO_PROJECT,
            PROJECT_TO_XERO_PROJECT);

    private static final class Holder {
        static final ShippedDesigns INSTANCE = load(NAMES);
    }

    /** Sets of approved designs already compiled, by the names and hashes of their versions. */
    private static final Map<String, ShippedDesigns> APPROVED = new ConcurrentHashMap<>();

    private final Map<String, MappingDesign> designs;
    private final Map<String, CompiledMapping> compiled;

    private ShippedDesigns(Map<String, MappingDesign> designs, Map<String, CompiledMapping> compiled) {
        this.designs = designs;
        this.compiled = compiled;
    }

    /**
     * The shipped designs, loaded and compiled on first use.
     *
     * @throws IllegalStateException when a design is missing from io.crossbill.mapping or cannot run (a
     *                               packaging fault, not a data problem)
     */
    public static ShippedDesigns get() {
        return Holder.INSTANCE;
    }

    /**
     * Loads and compiles the named shipped designs (each of {@code io.crossbill.mapping}'s
     * {@code designs/shipped/<name>.xmi}).
     *
     * @throws IllegalStateException naming the design that is missing, unreadable or cannot run
     */
    public static ShippedDesigns load(List<String> names) {
        Map<String, MappingDesign> designs = new LinkedHashMap<>();
        for (String name : names) {
            try {
                designs.put(name, MappingDesignFile.loadShipped(name));
            } catch (IOException e) {
                throw new IllegalStateException("The shipped mapping design \"" + name + "\" cannot be used: "
                        + e.getMessage(), e);
            }
        }
        return compile(designs, "shipped");
    }

    /**
     * The designs lead to project runs in a workspace: for each of {@link #NAMES}, the version approved in the
     * workspace's {@link DesignLibrary} ({@link DesignLibrary#forEngine}), or the shipped design when none is
     * approved. A version saved but not approved is not used. The compiled set is kept while the approved versions
     * stay the same, so asking again per run costs one look-up per design.
     *
     * @throws IllegalStateException naming the design and version that cannot run
     */
    public static ShippedDesigns approved(DesignLibrary library) {
        StringBuilder key = new StringBuilder();
        boolean anyApproved = false;
        for (String name : NAMES) {
            Optional<DesignVersions.Version> v = library.engineVersion(name);
            anyApproved |= v.isPresent();
            key.append(name).append('@').append(v.map(DesignVersions.Version::hash).orElse("shipped")).append(' ');
        }
        if (!anyApproved) {
            return get();
        }
        ShippedDesigns cached = APPROVED.get(key.toString());
        if (cached != null) {
            return cached;
        }
        Map<String, MappingDesign> designs = new LinkedHashMap<>();
        for (String name : NAMES) {
            designs.put(name, library.forEngine(name));
        }
        ShippedDesigns loaded = compile(designs, "approved");
        if (APPROVED.size() > 32) {
            APPROVED.clear();
        }
        APPROVED.put(key.toString(), loaded);
        return loaded;
    }

    private static ShippedDesigns compile(Map<String, MappingDesign> designs, String which) {
        MappingCompiler compiler = new MappingCompiler();
        Map<String, CompiledMapping> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, MappingDesign> design : designs.entrySet()) {
            try {
                compiled.put(design.getKey(), compiler.compile(design.getValue()));
            } catch (MappingFailure e) {
                throw new IllegalStateException("The " + which + " mapping design \"" + design.getKey() + "\" v"
                        + design.getValue().getVersion() + " cannot be used: " + e.getMessage(), e);
            }
        }
        return new ShippedDesigns(Collections.unmodifiableMap(new LinkedHashMap<>(designs)),
                Collections.unmodifiableMap(compiled));
    }

    /** The version of the named design this set runs (the design's version attribute). */
    public int version(String name) {
        return compiled(name).version();
    }

    /** The compiled design of that name. */
    public CompiledMapping compiled(String name) {
        CompiledMapping mapping = compiled.get(name);
        if (mapping == null) {
            throw new IllegalArgumentException("\"" + name + "\" is not one of the loaded shipped designs " + compiled.keySet());
        }
        return mapping;
    }

    /**
     * The canonical Customer of a HubSpot company; the deal's currency, when it has one, replaces the company's
     * (the customer is created to be invoiced in the currency it was sold in).
     *
     * @param company the HubSpot company (id, properties)
     * @param deal    the HubSpot deal it is created for, or {@code null}
     * @throws MappingFailure when the company cannot be mapped
     */
    public ObjectNode customer(JsonNode company, JsonNode deal) {
        ObjectNode customer = compiled(COMPANY_TO_CUSTOMER).map(company).orThrow().output();
        if (deal != null) {
            // only the currency is taken, so a deal problem elsewhere (its amount, say) does not stop the customer
            List<ObjectNode> projects = compiled(DEAL_TO_PROJECT).map(deal).records();
            String currency = projects.size() == 1 ? projects.get(0).path("currencyCode").asText("") : "";
            if (!currency.isBlank()) {
                customer.put("currencyCode", currency);
            }
        }
        return customer;
    }

    /**
     * The Xero Accounting Contact (PUT /Contacts) for a HubSpot company and the deal it is created for: both legs,
     * HubSpot to canonical Customer to Xero.
     *
     * @throws MappingFailure when the company cannot be mapped
     */
    public ObjectNode xeroContact(JsonNode company, JsonNode deal) {
        return compiled(CUSTOMER_TO_XERO_CONTACT).map(customer(company, deal)).orThrow().output();
    }

    /**
     * The canonical Project for a HubSpot deal, for the customer with the given ERP id.
     *
     * @param customerId the customer's Xero contact id (the ERP is the customer master), or {@code null}
     * @throws MappingFailure when the deal cannot be mapped
     */
    public ObjectNode project(JsonNode deal, String customerId) {
        ObjectNode project = compiled(DEAL_TO_PROJECT).map(deal).orThrow().output();
        if (customerId != null) {
            project.put("customerId", customerId);
        }
        return project;
    }

    /**
     * The Xero Projects project (POST /projects) for a HubSpot deal, for the Xero contact: both legs, HubSpot to
     * canonical Project to Xero Projects.
     *
     * @throws MappingFailure when the deal cannot be mapped or no contact id is given
     */
    public ObjectNode xeroProject(JsonNode deal, String xeroContactId) {
        return compiled(PROJECT_TO_XERO_PROJECT).map(project(deal, xeroContactId)).orThrow().output();
    }

    /** Runs every golden test case kept with the shipped designs; one outcome per test case, by design name. */
    public Map<String, List<TestCaseOutcome>> goldenOutcomes() {
        Map<String, List<TestCaseOutcome>> outcomes = new LinkedHashMap<>();
        for (String name : designs.keySet()) {
            List<TestCaseOutcome> list = new ArrayList<>();
            for (TestCase testCase : designs.get(name).getTestCases()) {
                list.add(TestCaseOutcome.run(compiled(name), testCase));
            }
            outcomes.put(name, List.copyOf(list));
        }
        return outcomes;
    }

    /** The result of one leg, problems included, for previews and tests. */
    public MappingResult map(String name, JsonNode source) {
        return compiled(name).map(source);
    }

    @Override
    public String toString() {
        List<String> versions = new ArrayList<>();
        compiled.values().forEach(c -> versions.add(c.name() + " v" + c.version()));
        return "ShippedDesigns " + versions;
    }
}
