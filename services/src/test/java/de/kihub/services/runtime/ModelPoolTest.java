package de.kihub.services.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ModelPoolTest {
    private final FakeModels models = new FakeModels();

    @Test
    void deploymentsOfTheSameArtifactShareOneLoadedModel() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);

        pool.retain("a");
        pool.retain("a");

        assertEquals(1, models.loaded("a").size());
        PoolStats stats = pool.stats();
        assertEquals(List.of("a"), stats.loadedKeys());
        assertEquals(List.of("a"), stats.pinnedKeys());
        assertEquals(1, stats.loads());
        try (ModelPool.Lease<FakeModels.Model> lease = pool.lease("a")) {
            assertSame(models.last("a"), lease.model());
        }
    }

    @Test
    void releasingTheLastPinUnloadsTheModel() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);
        pool.retain("a");
        pool.retain("a");

        assertTrue(pool.release("a"));
        assertFalse(models.last("a").closed(), "one deployment still holds it");

        assertTrue(pool.release("a"));
        assertTrue(models.last("a").closed());
        assertEquals(0, pool.stats().loadedCount());
        assertEquals(0, pool.stats().estimatedBytes());
        assertEquals(List.of(), pool.stats().pinnedKeys());
        assertEquals(1, pool.stats().unloads());
    }

    @Test
    void releasingWhileARequestHoldsTheModelUnloadsItWhenTheRequestEnds() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);
        pool.retain("a");
        ModelPool.Lease<FakeModels.Model> request = pool.lease("a");

        pool.release("a");
        assertFalse(models.last("a").closed(), "a request still runs on it");

        request.close();
        assertTrue(models.last("a").closed());
        assertEquals(List.of(), pool.stats().loadedKeys());
    }

    @Test
    void releasingAKeyThatNoDeploymentRetainedChangesNothing() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);
        pool.lease("a").close();

        assertFalse(pool.release("a"));
        assertFalse(models.last("a").closed());
    }

    @Test
    void aRequestLoadsAModelOnDemandAndKeepsItForTheNextRequest() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);

        pool.lease("a").close();
        pool.lease("a").close();

        assertEquals(1, models.loaded("a").size());
        assertEquals(List.of("a"), pool.stats().loadedKeys());
    }

    @Test
    void evictsTheLeastRecentlyUsedModelWhenTheCountBoundIsReached() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 2, 1000);
        pool.retain("a");
        pool.retain("b");
        pool.lease("a").close(); // a is now used more recently than b

        pool.retain("c");

        assertTrue(models.last("b").closed());
        assertFalse(models.last("a").closed());
        assertEquals(List.of("a", "c"), pool.stats().loadedKeys());
        assertEquals(1, pool.stats().evictions());
    }

    @Test
    void evictsInLeastRecentlyUsedOrderUntilTheNewModelFitsTheByteBound() {
        models.size("a", 40).size("b", 40).size("c", 50).size("d", 90);
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 10, 100);
        pool.lease("a").close();
        pool.lease("b").close();

        pool.lease("c").close();
        assertTrue(models.last("a").closed(), "a is the least recently used");
        assertFalse(models.last("b").closed(), "evicting a alone makes room for c");
        assertEquals(90, pool.stats().estimatedBytes());

        pool.lease("d").close();
        assertTrue(models.last("b").closed());
        assertTrue(models.last("c").closed());
        assertEquals(List.of("d"), pool.stats().loadedKeys());
        assertEquals(90, pool.stats().estimatedBytes());
        assertEquals(3, pool.stats().evictions());
    }

    @Test
    void evictionSkipsModelsThatARequestHolds() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 2, 1000);
        try (ModelPool.Lease<FakeModels.Model> running = pool.lease("a")) {
            pool.lease("b").close();

            pool.lease("c").close();

            assertFalse(running.model().closed(), "a is older but serves a request");
            assertTrue(models.last("b").closed());
        }
        assertEquals(List.of("a", "c"), pool.stats().loadedKeys());
    }

    @Test
    void anEvictedPinnedModelIsLoadedAgainByItsNextRequest() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 1, 1000);
        pool.retain("a");
        pool.retain("b");
        assertTrue(models.last("a").closed(), "pinned models may be evicted");

        try (ModelPool.Lease<FakeModels.Model> lease = pool.lease("a")) {
            assertFalse(lease.model().closed());
        }

        assertEquals(2, models.loaded("a").size());
        assertEquals(List.of("a", "b"), pool.stats().pinnedKeys());
    }

    @Test
    void refusesWithSaturatedExceptionWhenEveryLoadedModelServesARequest() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 1, 1000);
        try (ModelPool.Lease<FakeModels.Model> running = pool.lease("a")) {

            assertThrows(SaturatedException.class, () -> pool.lease("b"));

            assertTrue(models.last("b").closed(), "the model that found no room is closed");
            assertFalse(running.model().closed());
            assertEquals(List.of("a"), pool.stats().loadedKeys());
            assertEquals(0, pool.stats().evictions());
        }
        pool.lease("b").close();
        assertEquals(List.of("b"), pool.stats().loadedKeys());
    }

    @Test
    void refusesWithoutEvictingAnythingWhenEvictingEveryIdleModelWouldNotMakeRoom() {
        models.size("held", 60).size("idle", 20).size("big", 50);
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 10, 100);
        pool.lease("idle").close();
        try (ModelPool.Lease<FakeModels.Model> running = pool.lease("held")) {

            assertThrows(SaturatedException.class, () -> pool.lease("big"));

            assertFalse(models.last("idle").closed());
            assertFalse(running.model().closed());
            assertEquals(80, pool.stats().estimatedBytes());
        }
    }

    @Test
    void aModelLargerThanTheWholeBoundIsNotUsable() {
        models.size("huge", 101);
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 10, 100);

        ModelNotUsableException e =
                assertThrows(ModelNotUsableException.class, () -> pool.retain("huge"));

        assertTrue(e.getMessage().contains("huge"), e.getMessage());
        assertTrue(models.last("huge").closed());
        assertEquals(List.of(), pool.stats().pinnedKeys());
    }

    @Test
    void aLoadFailureLeavesNothingLoadedOrPinnedAndIsTriedAgainNextTime() {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);

        IllegalStateException first =
                assertThrows(IllegalStateException.class, () -> pool.retain("broken"));
        assertEquals("cannot load broken", first.getMessage());

        PoolStats stats = pool.stats();
        assertEquals(List.of(), stats.loadedKeys());
        assertEquals(List.of(), stats.pinnedKeys());
        assertEquals(0, stats.loads());
        assertFalse(pool.release("broken"), "the failed retain pinned nothing");
        assertThrows(IllegalStateException.class, () -> pool.lease("broken"));
    }

    @Test
    void concurrentRequestsForAnUnloadedModelLoadItOnce() throws Exception {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);
        CountDownLatch gate = models.closeGate();
        List<FakeModels.Model> seen = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try (ModelPool.Lease<FakeModels.Model> lease = pool.lease("a")) {
                                    seen.add(lease.model());
                                } catch (RuntimeException e) {
                                    failures.add(e);
                                }
                            },
                            "request-" + i);
            requests.add(t);
            t.start();
        }
        // all eight are parked: one in the loader behind the gate, seven waiting for its load (if
        // each loaded on its own, all eight would park in the loader and count eight attempts)
        awaitAllWaiting(requests);
        gate.countDown();
        for (Thread t : requests) {
            t.join(30_000);
        }

        assertEquals(List.of(), failures);
        assertEquals(1, models.attempts());
        assertEquals(8, seen.size());
        assertTrue(seen.stream().allMatch(m -> m == models.last("a")));
        assertEquals(1, pool.stats().loads());
    }

    @Test
    void requestsWaitingForAFailedLoadGetItsFailure() throws Exception {
        ModelPool<FakeModels.Model> pool = new ModelPool<>(models, 4, 1000);
        CountDownLatch gate = models.closeGate();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    pool.lease("broken").close();
                                } catch (RuntimeException e) {
                                    failures.add(e);
                                }
                            },
                            "request-" + i);
            requests.add(t);
            t.start();
        }
        awaitAllWaiting(requests);
        gate.countDown();
        for (Thread t : requests) {
            t.join(30_000);
        }

        assertEquals(1, models.attempts());
        assertEquals(4, failures.size());
        assertTrue(failures.stream().allMatch(f -> f.getMessage().equals("cannot load broken")));
        assertEquals(List.of(), pool.stats().loadedKeys());
    }

    private static void awaitAllWaiting(List<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!threads.stream()
                .map(Thread::getState)
                .allMatch(s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "requests never all waited: "
                                + threads.stream().map(Thread::getState).toList());
            }
            Thread.sleep(5);
        }
    }
}
