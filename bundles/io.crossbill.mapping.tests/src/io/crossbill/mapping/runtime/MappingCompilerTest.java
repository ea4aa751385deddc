package io.crossbill.mapping.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;

class MappingCompilerTest {

	@Test
	void sameVersionIsCompiledOnceNewVersionAgain() {
		MappingCompiler compiler = new MappingCompiler();
		CompiledMapping v3 = compiler.compile(XeroDesigns.timeEntries(3));
		assertSame(v3, compiler.compile(XeroDesigns.timeEntries(3)), "a second design object of the same version");
		CompiledMapping v4 = compiler.compile(XeroDesigns.timeEntries(4));
		assertNotSame(v3, v4);
		assertEquals(4, v4.version());
		assertSame(v4, compiler.compile(XeroDesigns.timeEntries(4)));
	}

	@Test
	void evictAndUncachedCompileGiveFreshObjects() {
		MappingCompiler compiler = new MappingCompiler();
		CompiledMapping first = compiler.compile(XeroDesigns.timeEntries(3));
		assertNotSame(first, compiler.compileUncached(XeroDesigns.timeEntries(3)));
		compiler.evict("xero-time-entries");
		assertNotSame(first, compiler.compile(XeroDesigns.timeEntries(3)));
	}

	@Test
	void designThatCannotRunNamesTheRule() {
		MappingDesign design = XeroDesigns.timeEntries(7);
		XeroDesigns.rule(design.getEntityMappings().get(0), "lines[]/amount", RuleKind.COPY, "a[*].b[*].c");
		MappingFailure failure = assertThrows(MappingFailure.class, () -> new MappingCompiler().compile(design));
		assertEquals("Design \"xero-time-entries\" v7, mapping timeEntry -> TimeEntry, field lines[]/amount (COPY):"
				+ " the design cannot run: the source path has 2 [*] but the target path has 1 []; they must pair up",
				failure.getMessage());
	}

	@Test
	void copyWithoutSourceAndBadPathsAreRejected() {
		MappingDesign noSource = XeroDesigns.timeEntries(8);
		XeroDesigns.rule(noSource.getEntityMappings().get(0), "x", RuleKind.COPY, null);
		assertTrue(assertThrows(MappingFailure.class, () -> new MappingCompiler().compile(noSource)).getMessage()
				.endsWith("a copy rule needs a source path"));
		MappingDesign badPath = XeroDesigns.timeEntries(9);
		XeroDesigns.rule(badPath.getEntityMappings().get(0), "x", RuleKind.COPY, "items[last]");
		assertTrue(assertThrows(MappingFailure.class, () -> new MappingCompiler().compile(badPath)).getMessage()
				.contains("'[last]': use a number or *"));
	}
}
