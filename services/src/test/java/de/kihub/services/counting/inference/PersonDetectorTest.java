package de.kihub.services.counting.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.counting.DetectionSettings;
import de.kihub.services.counting.NanoDetOnnx;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.RuntimeSettings;
import de.kihub.services.runtime.SaturatedException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admission and timeouts of the real NanoDet-m detector: a busy worker is simulated by holding its
 * slot, so no test depends on how fast inference runs.
 */
class PersonDetectorTest {
    private static final BufferedImage FRAME =
            new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);

    private static Path onnx;

    @BeforeAll
    static void convert() throws Exception {
        onnx = NanoDetOnnx.convertToTempFile();
    }

    @AfterAll
    static void delete() throws Exception {
        if (onnx != null) {
            Files.deleteIfExists(onnx);
        }
    }

    @Test
    void refusesAtOnceWhenTheOnlyWorkerIsBusyAndNoRequestMayWait() throws Exception {
        try (PersonDetector detector = new PersonDetector(onnx, settings(1, 0, 60_000))) {
            var busy = detector.admit();
            try {
                assertThrows(
                        SaturatedException.class,
                        () -> detector.detect(FRAME, DetectionSettings.defaults()));
            } finally {
                busy.close();
            }
            // the refusal took no permit with it: the freed worker serves the next request
            assertEquals(0, detector.detect(FRAME, DetectionSettings.defaults()).size());
        }
    }

    @Test
    void anAdmittedRequestFailsWithATimeoutWhenNoWorkerFreesUp() throws Exception {
        try (PersonDetector detector = new PersonDetector(onnx, settings(1, 1, 200))) {
            var busy = detector.admit();
            try {
                assertThrows(
                        InferenceTimeoutException.class,
                        () -> detector.detect(FRAME, DetectionSettings.defaults()));
            } finally {
                busy.close();
            }
            assertEquals(0, detector.detect(FRAME, DetectionSettings.defaults()).size());
        }
    }

    @Test
    void admitsOneRunningAndTheConfiguredWaitingRequestsPerWorker() throws Exception {
        try (PersonDetector detector = new PersonDetector(onnx, settings(2, 1, 60_000))) {
            var first = detector.admit();
            var second = detector.admit();
            Thread w1 = waiter(detector);
            Thread w2 = waiter(detector);
            try {
                // the two waiting places are taken; the fifth request is refused without waiting
                awaitWaiting(w1, w2);

                assertThrows(
                        SaturatedException.class,
                        () -> detector.detect(FRAME, DetectionSettings.defaults()));
            } finally {
                first.close();
                second.close();
                // the waiters run on the freed workers; the model is closed only after them
                w1.join(60_000);
                w2.join(60_000);
            }
        }
    }

    @Test
    void estimatesItsMemoryFromTheModelFileAndTheWorkers() throws Exception {
        long file = Files.size(onnx);
        try (PersonDetector one = new PersonDetector(onnx, settings(1, 0, 1000));
                PersonDetector two = new PersonDetector(onnx, settings(2, 0, 1000))) {
            System.out.printf(
                    "NanoDet-m ONNX file %d bytes; estimated %d MiB with 1 worker, %d MiB with"
                            + " 2%n",
                    file, one.estimatedBytes() >> 20, two.estimatedBytes() >> 20);
            assertTrue(one.estimatedBytes() > file, "at least the weights");
            assertEquals(
                    PersonDetector.BYTES_PER_WORKER, two.estimatedBytes() - one.estimatedBytes());
        }
    }

    private static RuntimeSettings settings(int workers, int queuePerWorker, long timeoutMillis) {
        return RuntimeSettings.defaults()
                .withWorkers(workers, 1, queuePerWorker)
                .withRequestTimeout(timeoutMillis);
    }

    private static Thread waiter(PersonDetector detector) {
        Thread t = new Thread(() -> detector.detect(FRAME, DetectionSettings.defaults()), "waiter");
        t.start();
        return t;
    }

    private static void awaitWaiting(Thread... threads) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (Thread t : threads) {
            while (t.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(t.getName() + " never waited: " + t.getState());
                }
                Thread.sleep(5);
            }
        }
    }
}
