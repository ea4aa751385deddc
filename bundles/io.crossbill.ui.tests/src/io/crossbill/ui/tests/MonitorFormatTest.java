package io.crossbill.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.crossbill.ui.monitor.MonitorFormat;

/** The monitor's words and numbers, without a display. */
class MonitorFormatTest {

	@Test
	void durationsReadAsAnAnalystSaysThem() {
		assertEquals("850 ms", MonitorFormat.duration(Duration.ofMillis(850)));
		assertEquals("4.2 s", MonitorFormat.duration(Duration.ofMillis(4_200)));
		assertEquals("42 s", MonitorFormat.duration(Duration.ofSeconds(42)));
		assertEquals("3 min 05 s", MonitorFormat.duration(Duration.ofSeconds(185)));
		assertEquals("2 h 07 min", MonitorFormat.duration(Duration.ofMinutes(127)));
		assertEquals("", MonitorFormat.duration(null));
		Instant t = Instant.parse("2026-11-30T10:00:00Z");
		assertEquals("running 12 s", MonitorFormat.runDuration(t, null, t.plusSeconds(12)));
		assertEquals("10:00:00", MonitorFormat.when(t, t.plusSeconds(60), ZoneOffset.UTC));
		assertEquals("2026-11-30 10:00:00", MonitorFormat.when(t, t.plusSeconds(86_400), ZoneOffset.UTC));
	}

	@Test
	void arrowsGrowWithThroughputAndStayVisible() {
		assertEquals(1, MonitorFormat.arrowWidth(0, 100));
		int one = MonitorFormat.arrowWidth(1, 100);
		int ten = MonitorFormat.arrowWidth(10, 100);
		int hundred = MonitorFormat.arrowWidth(100, 100);
		assertTrue(1 < one && one < ten && ten < hundred, one + " " + ten + " " + hundred);
		assertEquals(9, hundred, "the busiest arrow is the widest");
	}

	@Test
	void payloadsAreIndentedWhenJsonAndShownAsTheyAreOtherwise() {
		assertEquals("{\n  \"a\" : 1\n}", MonitorFormat.payload("{\"a\":1}").replace("\r\n", "\n"));
		assertEquals("not json {", MonitorFormat.payload("not json {"));
		assertEquals("{broken", MonitorFormat.payload("{broken"));
		assertEquals("", MonitorFormat.payload(null));
		assertEquals("Lead to project", MonitorFormat.title("lead-to-project"));
	}
}
