package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.winback.loadgen.proc.Pids;

class ModeOptionsTests {

    private static Options.Modes parse(Map<String, String> env, String... args) throws Options.UsageException {
        return assertInstanceOf(Options.Run.class, Options.parse(args, env))
                .options()
                .modes();
    }

    private static Options.Modes parse(String... args) throws Options.UsageException {
        return parse(Map.of(), args);
    }

    @Test
    void defaults() throws Exception {
        Options.Modes m = parse();
        assertEquals(Options.Mode.NORMAL, m.mode());
        assertFalse(m.pids().has(Pids.Role.REVIEW));
        assertNull(m.control());
        assertEquals(100_000, m.backlog());
        assertEquals(1_000_000, m.historyReviews());
        assertEquals(100_000, m.historyOpenTickets());
        assertEquals(200, m.shops());
        assertEquals(2, m.instances());
        assertEquals(50_000, m.scaleReviews());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/", m.jdbcUrl());
        assertEquals("winback", m.dbUser());
        assertEquals("reviews", m.reviewsDb());
        assertEquals("tickets", m.ticketsDb());
        assertEquals(Duration.ofSeconds(300), m.giveUp());
        assertEquals(8092, m.secondTicketPort());
    }

    @Test
    void eachModeByItsOptions() throws Exception {
        assertEquals(Options.Mode.FOOTPRINT, parse("--footprint").mode());
        assertEquals(
                Options.Mode.HISTORY,
                parse("--history", "--history-reviews", "2000", "--history-open-tickets=200")
                        .mode());
        Options.Modes backlog = parse("--backlog", "200");
        assertEquals(Options.Mode.BACKLOG, backlog.mode());
        assertEquals(200, backlog.backlog());
        assertEquals(100_000, parse("--backlog").backlog(), "the goal's size without a number");
        assertEquals(100_000, parse("--backlog", "--rate", "5").backlog());
        Options.Modes scale = parse("--shops", "3", "--scale-reviews", "300");
        assertEquals(Options.Mode.SCALE, scale.mode());
        assertEquals(3, scale.shops());
        assertEquals(2, scale.instances());
        assertEquals(Options.Mode.SCALE, parse("--instances", "1").mode(), "--instances alone is scale too");
        assertEquals(
                200,
                parse("--history", "--history-reviews", "2000").historyOpenTickets(),
                "a tenth of a small history");
    }

    @Test
    void settingsForTheModes() throws Exception {
        Options.Modes m = parse(
                Map.of("PGHOST", "127.0.0.1", "PGPORT", "35900", "PGUSER", "postgres", "PGPASSWORD", "pw"),
                "--pids",
                "review=1,ticket=2,ticket2=3",
                "--control",
                "/x/deploy/run",
                "--jwt-key",
                "/x/key.pem",
                "--reviews-db",
                "reviews_200",
                "--tickets-db",
                "tickets_200",
                "--give-up",
                "2m",
                "--second-ticket-port",
                "8292");
        assertEquals(List.of(2L, 3L), m.pids().of(Pids.Role.TICKET));
        assertEquals("/x/deploy/run", m.control());
        assertEquals("/x/key.pem", m.jwtKey());
        assertEquals("jdbc:postgresql://127.0.0.1:35900/", m.jdbcUrl(), "from PGHOST and PGPORT");
        assertEquals("postgres", m.dbUser());
        assertEquals("pw", m.dbPassword());
        assertFalse(m.toString().contains("pw,"), "the password stays out of log lines");
        assertEquals("reviews_200", m.reviewsDb());
        assertEquals(Duration.ofMinutes(2), m.giveUp());
        assertEquals(8292, m.secondTicketPort());
        assertEquals(
                "jdbc:postgresql://db:5432/",
                parse("--jdbc", "jdbc:postgresql://db:5432").jdbcUrl());
    }

    @Test
    void oneModeAtATimeAndSaneNumbers() {
        Map<String, String> env = Map.of();
        for (String[] bad : new String[][] {
            {"--footprint", "--backlog", "5"},
            {"--history", "--shops", "3"},
            {"--footprint=yes"},
            {"--backlog", "0"},
            {"--shops", "0"},
            {"--instances", "5"},
            {"--pids", "redis=1"},
            {"--jdbc", "postgres://x"},
            {"--reviews-db", "a;drop"},
            {"--second-ticket-port", "70000"},
            {"--history", "--history-reviews", "10", "--history-open-tickets", "11"},
            {"--shops", "10", "--scale-reviews", "5"},
            {"--history", "--shop", "a23456789012345678901234567890123456789012345678X"}
        }) {
            assertThrows(Options.UsageException.class, () -> Options.parse(bad, env), String.join(" ", bad));
        }
    }

    @Test
    void checkOptionsKnowsTheModes() {
        assertEquals(0, Main.run(new String[] {"--check-options", "--footprint"}));
        assertEquals(0, Main.run(new String[] {"--check-options", "--backlog", "200"}));
        assertEquals(0, Main.run(new String[] {"--check-options", "--history", "--history-reviews", "2000"}));
        assertEquals(0, Main.run(new String[] {
            "--check-options", "--shops", "3", "--instances", "2", "--scale-reviews", "300"
        }));
        assertEquals(2, Main.run(new String[] {"--check-options", "--footprint", "--history"}));
    }

    @Test
    void aModeWithoutDeployRunSaysSo() {
        assertEquals(1, Main.run(new String[] {"--backlog", "10"}), "setup failure: no --control");
        assertEquals(1, Main.run(new String[] {"--shops", "1", "--scale-reviews", "1"}));
        assertEquals(1, Main.run(new String[] {"--footprint"}));
    }

    @Test
    void aSecondRunOnTheSameShopHasIdsOfItsOwn() {
        ReviewIds first = new ReviewIds("bench-00ff00");
        ReviewIds second = first.withTag("H");
        assertEquals("bench-00ff00", second.shopId());
        String id = second.platformReviewId(ReviewIds.Phase.MEASURED, 7);
        assertEquals("bench-00ff00-H-M-R-0000007", id);
        assertEquals(Optional.of(new ReviewIds.Ref(ReviewIds.Phase.MEASURED, 7)), second.parse(id));
        assertEquals(Optional.empty(), first.parse(id), "the first run never counts the second's");
        assertEquals(Optional.empty(), second.parse(first.platformReviewId(ReviewIds.Phase.MEASURED, 7)));
        assertTrue(id.length() <= 64);
    }
}
