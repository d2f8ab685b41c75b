package dev.slowfast.loadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T06:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void thePlanOfOneRunIsItsWarmUpItsStairAndAStart() {
        assertEquals(Duration.ofSeconds(5 + 45 + 15), RunProgress.plannedRun(5.0, 45_000));
    }

    @Test
    void theEtaStartsFromThePlanAndIsCorrectedByHowLongTheFinishedRunsTook() {
        var clock = new HandClock();
        var progress = new RunProgress(List.of(Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(4)), clock);

        assertEquals("run 1 of 3, about 8 min left (until 06:08 UTC, first estimate)", progress.start());
        clock.advance(Duration.ofMinutes(3)); // the first run took 1.5 × its plan
        progress.finish();

        assertEquals("run 2 of 3, about 9 min left (until 06:12 UTC)", progress.start(), "(2 + 4) min × 1.5");
        clock.advance(Duration.ofMinutes(1)); // now 4 min of actual for 4 min planned: back on plan
        progress.finish();

        assertEquals("run 3 of 3, about 4 min left (until 06:08 UTC)", progress.start());
        progress.finish();
        assertThrows(IllegalStateException.class, progress::start, "no fourth run was planned");
    }

    @Test
    void underNinetySecondsLeftIsSaidInSeconds() {
        var progress = new RunProgress(List.of(Duration.ofSeconds(75)), new HandClock());
        assertEquals("run 1 of 1, about 75 s left (until 06:01 UTC, first estimate)", progress.start());
    }
}
