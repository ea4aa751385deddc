package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossbill.store.internal.KeyDigestSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyDigestSetTest {

    private record Pair(long high, long low) {
    }

    @Test
    void behavesLikeASetThroughGrowthAndRemoval() {
        Random random = new Random(11);
        KeyDigestSet set = new KeyDigestSet(16);
        Set<Pair> reference = new HashSet<>();
        List<Pair> added = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // few distinct low bits, so probe chains collide and wrap
            Pair p = new Pair(random.nextInt(1000), random.nextInt(64) == 0 ? 0 : random.nextLong());
            assertEquals(reference.add(p), set.add(p.high(), p.low()));
            added.add(p);
            if (i % 3 == 0) {
                Pair victim = added.get(random.nextInt(added.size()));
                assertEquals(reference.remove(victim), set.remove(victim.high(), victim.low()));
            }
        }
        assertEquals(reference.size(), set.size());
        for (Pair p : added) {
            assertEquals(reference.contains(p), set.contains(p.high(), p.low()), p.toString());
        }
    }
}
