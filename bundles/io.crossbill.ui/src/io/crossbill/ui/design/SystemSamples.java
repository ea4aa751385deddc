package io.crossbill.ui.design;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.SampleSource;
import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingResult;
import io.crossbill.store.Inbox;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * Samples read from the design's own system, so the preview shows what the design does to real records:
 * <ul>
 * <li>an INBOUND design: up to N records of its entity mapping's source entity, read from the design's system
 * through the connector's {@link SampleSource} (design entity {@code deal} is HubSpot's {@code Deal},
 * {@code timeEntry} Xero Projects' {@code TimeEntry}; singular or plural, any case);</li>
 * <li>an OUTBOUND design whose source is a canonical entity (Customer, Project): the canonical records the
 * INBOUND design that makes that entity produces from its own system's samples (Project: hubspot-deal-to-project
 * over HubSpot's deals);</li>
 * <li>when the system cannot be reached or has no such records: the payloads of that system and entity captured
 * in the engine's inbox (newest first);</li>
 * <li>and finally the design's own test cases.</li>
 * </ul>
 * {@link #read} says which of these answered and why the ones before did not. Every read is a network or
 * database call: call it off the UI thread (the editor does, in a job). Never writes anywhere.
 */
public final class SystemSamples implements SampleProvider {

	/** How many of the newest inbox rows are looked at for captured payloads of the wanted system and entity. */
	static final int INBOX_ROWS_SCANNED = 5_000;

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final Supplier<WorkspaceSystems> systems;
	private final Supplier<Inbox> inbox;
	private final Supplier<List<MappingDesign>> designs;
	private final Clock clock;
	private final SampleProvider testCases = new TestCaseSamples();

	/** One connector a design's system name stands for, with the name an analyst knows it by. */
	private record Reader(String label, SampleSource source) {
	}

	/**
	 * @param systems the workspace's systems (opened lazily, off the UI thread; may throw saying why they cannot be
	 *                opened)
	 * @param inbox   the engine's inbox for captured payloads; may throw or return null when there is no database
	 * @param designs the designs an OUTBOUND design's canonical source may come from (the INBOUND ones are used)
	 * @param clock   for the time in {@link SampleSet#origin()}
	 */
	public SystemSamples(Supplier<WorkspaceSystems> systems, Supplier<Inbox> inbox,
			Supplier<List<MappingDesign>> designs, Clock clock) {
		this.systems = systems;
		this.inbox = inbox;
		this.designs = designs;
		this.clock = clock;
	}

	@Override
	public List<JsonNode> samples(MappingDesign design, EntityMapping entityMapping, int max) {
		return read(design, entityMapping, max).records();
	}

	@Override
	public String origin() {
		return "the design's system, else its inbox, else its test cases";
	}

	@Override
	public SampleSet read(MappingDesign design, EntityMapping entityMapping, int max) {
		List<String> reasons = new ArrayList<>();
		String entity = entityMapping.getSourceEntity();
		if (max <= 0) {
			return new SampleSet(List.of(), "no samples asked for");
		}
		if (design.getDirection() == Direction.OUTBOUND) {
			SampleSet canonical = canonical(entity, max, reasons);
			if (canonical != null) {
				return canonical;
			}
		} else {
			SampleSet read = source(design.getSystem(), entity, max, reasons);
			if (read != null) {
				return read;
			}
		}
		List<JsonNode> tests = testCases.samples(design, entityMapping, max);
		return new SampleSet(tests, "the design's " + tests.size() + (tests.size() == 1 ? " test case" : " test cases")
				+ ": " + String.join("; ", reasons));
	}

	/** The records of {@code entity} from the system, else its inbox; null (with the reasons) when neither has any. */
	private SampleSet source(String system, String entity, int max, List<String> reasons) {
		String things = plural(entity);
		try {
			WorkspaceSystems opened = systems.get();
			String where = opened.isSandbox() ? " (sandbox)" : "";
			List<Reader> readers = readers(opened.systems(), system);
			if (readers.isEmpty()) {
				reasons.add("Crossbill has no connector that reads system '" + system + "'");
			}
			Optional<String> missing = Optional.empty();
			for (Reader reader : readers) {
				Optional<String> name = entityName(reader.source().schema(), entity);
				if (name.isEmpty()) {
					missing = Optional.of(reader.label() + where);
					continue;
				}
				try {
					List<JsonNode> records = reader.source().samples(name.get(), max);
					if (!records.isEmpty()) {
						return new SampleSet(records, records.size() + " " + (records.size() == 1 ? words(entity)
								: things) + " read from " + reader.label() + where + " at " + HH_MM.format(
										clock.instant().atZone(clock.getZone())));
					}
					reasons.add(reader.label() + where + " has no " + things);
				} catch (RuntimeException e) {
					reasons.add(reader.label() + where + " did not answer: " + message(e));
				}
				missing = Optional.empty();
				break;
			}
			if (missing.isPresent()) {
				reasons.add(String.join(" or ", readers.stream().map(Reader::label).toList()) + " has no entity '"
						+ entity + "' (" + readers.stream().flatMap(r -> r.source().schema().entities().stream())
								.map(ConnectorSchema.Entity::name).toList() + ")");
			}
		} catch (RuntimeException e) {
			reasons.add("the systems could not be opened: " + message(e));
		}
		return captured(system, entity, max, reasons);
	}

	/** Payloads of the system and entity captured in the inbox, newest first; null when there are none. */
	private SampleSet captured(String system, String entity, int max, List<String> reasons) {
		try {
			Inbox box = inbox.get();
			if (box == null) {
				reasons.add("there is no inbox to take captured " + plural(entity) + " from");
				return null;
			}
			List<JsonNode> records = new ArrayList<>();
			long newest = box.count();
			int unreadable = 0;
			for (long id = newest; id > Math.max(0, newest - INBOX_ROWS_SCANNED) && records.size() < max; id--) {
				Optional<Inbox.Row> row = box.get(id);
				if (row.isPresent() && sameSystem(row.get().system(), system) && sameEntity(row.get().entity(),
						entity)) {
					try {
						records.add(JSON.readTree(row.get().payload()));
					} catch (Exception e) {
						unreadable++;
					}
				}
			}
			if (!records.isEmpty()) {
				return new SampleSet(records, records.size() + " " + words(entity) + " payload"
						+ (records.size() == 1 ? "" : "s") + " captured in the inbox (" + String.join("; ", reasons)
						+ ")");
			}
			reasons.add("the inbox has no " + words(entity) + " payloads from " + system
					+ (unreadable > 0 ? " that are JSON (" + unreadable + " are not)" : ""));
		} catch (RuntimeException e) {
			reasons.add("the inbox could not be read: " + message(e));
		}
		return null;
	}

	/** Canonical records of {@code entity} as the INBOUND design making them produces them from its samples. */
	private SampleSet canonical(String entity, int max, List<String> reasons) {
		List<MappingDesign> all;
		try {
			all = designs.get();
		} catch (RuntimeException e) {
			reasons.add("the designs making " + entity + " records could not be read: " + message(e));
			return null;
		}
		for (MappingDesign inbound : all) {
			if (inbound.getDirection() != Direction.INBOUND) {
				continue;
			}
			for (EntityMapping making : inbound.getEntityMappings()) {
				if (!entity.equals(making.getTargetEntity())) {
					continue;
				}
				List<String> sourceReasons = new ArrayList<>();
				SampleSet sources = source(inbound.getSystem(), making.getSourceEntity(), max, sourceReasons);
				if (sources == null) {
					reasons.add(inbound.getName() + " makes " + entity + " records but has no samples: " + String
							.join("; ", sourceReasons));
					continue;
				}
				List<JsonNode> made = new ArrayList<>();
				int failed = 0;
				try {
					CompiledMapping compiled = new MappingCompiler().compileUncached(inbound);
					for (JsonNode source : sources.records()) {
						try {
							MappingResult result = compiled.map(making.getSourceEntity(), source);
							made.addAll(result.records());
						} catch (RuntimeException e) {
							failed++;
						}
						if (made.size() >= max) {
							break;
						}
					}
				} catch (RuntimeException e) {
					reasons.add(inbound.getName() + " makes " + entity + " records but cannot run: " + message(e));
					continue;
				}
				if (made.isEmpty()) {
					reasons.add(inbound.getName() + " made no " + entity + " records from " + sources.origin());
					continue;
				}
				List<JsonNode> records = made.size() > max ? made.subList(0, max) : made;
				return new SampleSet(records, records.size() + " " + entity + " record" + (records.size() == 1 ? ""
						: "s") + " made by " + inbound.getName() + " from " + sources.origin()
						+ (failed > 0 ? " (" + failed + " could not be mapped)" : ""));
			}
		}
		if (reasons.isEmpty()) {
			reasons.add("no INBOUND design makes " + entity + " records");
		}
		return null;
	}

	/** The connectors a design's system name stands for, best first. */
	private static List<Reader> readers(Systems s, String system) {
		List<Reader> readers = new ArrayList<>();
		String name = system == null ? "" : system.trim().toLowerCase(Locale.ROOT);
		if (name.equals(WorkspaceSystems.HUBSPOT) && s.crm().connector() instanceof SampleSource crm) {
			readers.add(new Reader("HubSpot", crm));
		}
		if (name.equals("xero") || name.equals(WorkspaceSystems.XERO_ACCOUNTING)) {
			readers.add(new Reader("Xero Accounting", s.erp()));
		}
		if (name.equals("xero") || name.equals(WorkspaceSystems.XERO_PROJECTS)) {
			readers.add(new Reader("Xero Projects", s.psaReader()));
		}
		return readers;
	}

	/** The schema's name for a design's entity: {@code deal} is {@code Deal}, {@code timeEntry} is {@code TimeEntry}. */
	static Optional<String> entityName(ConnectorSchema schema, String entity) {
		String wanted = key(entity);
		return schema.entities().stream().map(ConnectorSchema.Entity::name).filter(n -> key(n).equals(wanted))
				.findFirst();
	}

	static boolean sameEntity(String a, String b) {
		return a != null && b != null && key(a).equals(key(b));
	}

	/** Inbox system names: {@code xero} covers {@code xero-projects} and {@code xero-accounting} and back. */
	static boolean sameSystem(String inboxSystem, String designSystem) {
		if (inboxSystem == null || designSystem == null) {
			return false;
		}
		String a = inboxSystem.trim().toLowerCase(Locale.ROOT);
		String b = designSystem.trim().toLowerCase(Locale.ROOT);
		return a.equals(b) || a.startsWith(b + "-") || b.startsWith(a + "-");
	}

	/** An entity name without case, separators or plural ending: deals, Deal and deal are one key. */
	private static String key(String entity) {
		String k = entity == null ? "" : entity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (k.endsWith("ies")) {
			return k.substring(0, k.length() - 3) + "y";
		}
		return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
	}

	/** "timeEntry" in words: "time entry". */
	static String words(String entity) {
		return entity == null ? "record" : entity.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ')
				.toLowerCase(Locale.ROOT);
	}

	/** "deal" -> "deals", "company" -> "companies", "timeEntry" -> "time entries". */
	static String plural(String entity) {
		String w = words(entity);
		if (w.endsWith("s")) {
			return w;
		}
		return w.endsWith("y") && !w.matches(".*[aeiou]y") ? w.substring(0, w.length() - 1) + "ies" : w + "s";
	}

	private static String message(RuntimeException e) {
		String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
	}
}
