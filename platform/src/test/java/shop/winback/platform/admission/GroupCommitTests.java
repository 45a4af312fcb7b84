package shop.winback.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    /** Records each group it commits; fails a group that holds "bad"; waits at the gate while it is closed. */
    static final class Recorder implements GroupCommit.Committer<String, String> {
        final List<List<String>> groups = new ArrayList<>();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean gated;

        @Override
        public synchronized List<String> commit(List<String> items) {
            entered.countDown();
            if (gated) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            groups.add(List.copyOf(items));
            return items.stream().map(String::toUpperCase).toList();
        }
    }

    final Recorder committer = new Recorder();
    GroupCommit<String, String> line;

    @AfterEach
    void close() {
        committer.gate.countDown();
        line.close();
    }

    @Test
    void eachUnitGetsItsOwnResultsInOrder() throws Exception {
        line = new GroupCommit<>("test", 100, 100, Duration.ofSeconds(10), committer);
        assertThat(get(line.submit(List.of("a", "b")))).containsExactly("A", "B");
        assertThat(get(line.submit(List.of("c")))).containsExactly("C");
    }

    @Test
    void whatArrivesWhileAGroupCommitsIsCommittedTogether() throws Exception {
        line = new GroupCommit<>("test", 100, 100, Duration.ofSeconds(10), committer);
        committer.gated = true;
        CompletionStage<List<String>> first = line.submit(List.of("first"));
        committer.entered.await(10, TimeUnit.SECONDS); // the committer holds the first group
        CompletionStage<List<String>> second = line.submit(List.of("x"));
        CompletionStage<List<String>> third = line.submit(List.of("y", "z"));
        committer.gate.countDown();
        assertThat(get(first)).containsExactly("FIRST");
        assertThat(get(second)).containsExactly("X");
        assertThat(get(third)).containsExactly("Y", "Z");
        assertThat(committer.groups).containsExactly(List.of("first"), List.of("x", "y", "z"));
        assertThat(line.stats().groups()).isEqualTo(2);
    }

    @Test
    void aFullLineRefusesAtOnceAndStoresNothingOfTheRefused() throws Exception {
        line = new GroupCommit<>("test", 3, 100, Duration.ofSeconds(10), committer);
        committer.gated = true;
        CompletionStage<List<String>> first = line.submit(List.of("first"));
        committer.entered.await(10, TimeUnit.SECONDS);
        CompletionStage<List<String>> waiting = line.submit(List.of("a", "b"));
        assertThatThrownBy(() -> line.submit(List.of("c", "d"))).isInstanceOf(GroupCommit.OverloadedException.class);
        assertThatThrownBy(() -> line.requireRoom(2)).isInstanceOf(GroupCommit.OverloadedException.class);
        line.requireRoom(1); // still fits
        committer.gate.countDown();
        get(first);
        assertThat(get(waiting)).containsExactly("A", "B");
        assertThat(committer.groups).containsExactly(List.of("first"), List.of("a", "b"));
        assertThat(line.stats().refused()).isEqualTo(2);
    }

    @Test
    void anEmptyLineTakesAUnitLargerThanItsLimits() throws Exception {
        line = new GroupCommit<>("test", 2, 2, Duration.ofSeconds(10), committer);
        assertThat(get(line.submit(List.of("a", "b", "c")))).containsExactly("A", "B", "C");
    }

    @Test
    void aUnitThatWaitedTooLongIsRefusedNotCommitted() throws Exception {
        AtomicLong now = new AtomicLong();
        line = new GroupCommit<>("test", 100, 100, Duration.ofSeconds(1), committer, now::get);
        committer.gated = true;
        CompletionStage<List<String>> first = line.submit(List.of("first"));
        committer.entered.await(10, TimeUnit.SECONDS);
        CompletionStage<List<String>> late = line.submit(List.of("late"));
        now.addAndGet(Duration.ofSeconds(2).toNanos()); // the first group took two seconds
        committer.gate.countDown();
        assertThatThrownBy(() -> get(late)).hasCauseInstanceOf(GroupCommit.OverloadedException.class);
        assertThat(committer.groups).doesNotContain(List.of("late"));
        assertThat(get(first)).isNotNull(); // taken before it could wait
    }

    @Test
    void aUnitThatWouldWaitLongerThanItMayIsRefusedBeforeItQueues() throws Exception {
        AtomicLong now = new AtomicLong();
        Semaphore groups = new Semaphore(0);
        CountDownLatch busy = new CountDownLatch(2);
        List<List<String>> committed = new CopyOnWriteArrayList<>();
        GroupCommit.Committer<String, String> slow = items -> {
            busy.countDown();
            try {
                groups.tryAcquire(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.addAndGet(Duration.ofMillis(400).toNanos()); // every group takes 400 ms
            committed.add(List.copyOf(items));
            return items;
        };
        line = new GroupCommit<>("test", 1000, 10, Duration.ofSeconds(1), slow, now::get);
        groups.release();
        get(line.submit(List.of("learn"))); // one group committed: a group takes 400 ms
        CompletionStage<List<String>> inHand = line.submit(List.of("in hand"));
        busy.await(10, TimeUnit.SECONDS); // the committer holds it
        List<CompletionStage<List<String>>> admitted = List.of(
                line.submit(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")), // nothing waits: taken
                line.submit(List.of("11", "12", "13", "14", "15")), // one full group ahead: ~800 ms
                line.submit(List.of("16", "17", "18", "19", "20"))); // still one full group ahead
        // two full groups ahead and the one in hand: ~1,200 ms, more than the second it may wait
        assertThatThrownBy(() -> line.submit(List.of("21")))
                .isInstanceOf(GroupCommit.OverloadedException.class)
                .hasMessageContaining("1200 ms");
        assertThatThrownBy(() -> line.requireRoom(1)).isInstanceOf(GroupCommit.OverloadedException.class);
        assertThat(line.queued()).isEqualTo(20);
        groups.release(10);
        get(inHand);
        for (CompletionStage<List<String>> unit : admitted) {
            assertThat(get(unit)).isNotEmpty();
        }
        assertThat(committed).noneMatch(group -> group.contains("21"));
        assertThat(line.stats().refused()).isEqualTo(2);
    }

    @Test
    void aBadUnitFailsAloneItsGroupIsCommittedWithoutIt() throws Exception {
        line = new GroupCommit<>("test", 100, 100, Duration.ofSeconds(10), committer);
        committer.gated = true;
        CompletionStage<List<String>> first = line.submit(List.of("first"));
        committer.entered.await(10, TimeUnit.SECONDS);
        CompletionStage<List<String>> good = line.submit(List.of("good"));
        CompletionStage<List<String>> bad = line.submit(List.of("bad", "innocent"));
        CompletionStage<List<String>> alsoGood = line.submit(List.of("also"));
        committer.gate.countDown();
        get(first);
        assertThat(get(good)).containsExactly("GOOD");
        assertThat(get(alsoGood)).containsExactly("ALSO");
        assertThatThrownBy(() -> get(bad)).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(committer.groups).containsExactly(List.of("first"), List.of("good"), List.of("also"));
    }

    @Test
    void closingCommitsWhatWaitsThenRefuses() throws Exception {
        line = new GroupCommit<>("test", 100, 100, Duration.ofSeconds(10), committer);
        CompletionStage<List<String>> waiting = line.submit(List.of("a"));
        line.close();
        assertThat(get(waiting)).containsExactly("A");
        assertThatThrownBy(() -> line.submit(List.of("b"))).isInstanceOf(GroupCommit.OverloadedException.class);
    }

    private static List<String> get(CompletionStage<List<String>> stage)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
