package org.reciprocity.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.SecondInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/** How deliveries are claimed and sent: a bounded pool, per-host limits, leases, the guard at connect time. */
class WebhookDeliveryIntegrationTest extends IntegrationTest {

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    WebhookRows rows;

    @Autowired
    WebhookProperties config;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    Environment environment;

    /** A receiver on 127.0.0.1 that counts requests; a slow one holds each until the test lets go (15 s at most). */
    final class Target {
        final HttpServer server;
        final ExecutorService threads = Executors.newFixedThreadPool(8);
        final String url;
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        Target(String host, boolean slow) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads); // several at once, so too many concurrent requests would show
            server.createContext("/hook", exchange -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    exchange.getRequestBody().readAllBytes();
                    if (slow) {
                        letGo.await(15, TimeUnit.SECONDS);
                    }
                    exchange.sendResponseHeaders(204, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                    received.incrementAndGet();
                    exchange.close();
                }
            });
            server.start();
            url = "http://" + host + ":" + server.getAddress().getPort() + "/hook";
            cleanups.add(() -> {
                server.stop(0);
                threads.shutdownNow();
            });
        }

        @Override
        public String toString() {
            return url + ": " + received + " received, " + inFlight + " in flight, at most " + mostInFlight;
        }
    }

    interface Cleanup {
        void run() throws Exception;
    }

    final CountDownLatch letGo = new CountDownLatch(1);
    final List<Cleanup> cleanups = new ArrayList<>();
    /** One admin token per test: each admin() call issues a token, and an account may hold only so many. */
    Account admin;

    @BeforeEach
    void allowPrivateTargets() throws Exception {
        admin = admin();
        allowPrivateTargets(true);
    }

    @AfterEach
    void cleanUp() throws Exception {
        letGo.countDown();
        awaitUntil(deadline(Duration.ofSeconds(20)), () -> dispatcher.inFlight() == 0, () -> "sends still in flight");
        for (Cleanup cleanup : cleanups) {
            cleanup.run();
        }
        allowPrivateTargets(false);
    }

    @Test
    void aSlowTargetDelaysOnlyItsOwnDeliveries() throws Exception {
        Target slow = new Target("127.0.0.1", true);
        Target fast = new Target("localhost", false);
        Account ana = newAccount("Ana Slow");
        Account cleo = newAccount("Cleo Fast");
        Account ben = newAccount("Ben Busy");
        String slowHook = hook(ana, slow.url);
        String fastHook = hook(cleo, fast.url);
        for (int i = 0; i < 4; i++) {
            exchange(ben, ana);
        }
        exchange(ben, cleo); // queued behind the slow ones

        long polled = deadline(Duration.ofSeconds(2));
        dispatcher.poll(); // the scheduled path: it claims and returns without waiting for the sends
        awaitUntil(polled, () -> slow.inFlight.get() == 2, () -> "two requests held by " + slow);
        awaitUntil(polled, () -> states(cleo, fastHook).equals(List.of("DELIVERED")),
                () -> "the fast target within 2 s of the poll: " + fast + " " + log(cleo, fastHook));
        assertThat(fast.received).hasValue(1);
        assertThat(slow.inFlight).as("the slow ones are still in flight").hasValue(2);
        assertThat(states(ana, slowHook)).as("newest first: two sending, two left unclaimed")
                .containsExactly("PENDING", "PENDING", "SENDING", "SENDING");

        dispatcher.poll();
        assertThat(states(ana, slowHook)).as("a busy host gets no more").containsExactly("PENDING", "PENDING", "SENDING", "SENDING");

        letGo.countDown();
        awaitUntil(deadline(Duration.ofSeconds(10)), () -> dispatcher.inFlight() == 0, () -> "the slow sends finish: " + slow);
        dispatcher.runDue();
        assertThat(states(ana, slowHook)).containsOnly("DELIVERED").hasSize(4);
        assertThat(slow.received).hasValue(4);
        assertThat(slow.mostInFlight).as("concurrent requests to the slow host").hasValue(2);
    }

    @Test
    void aClaimedDeliveryIsClaimedAgainOnlyAfterItsLeaseRunsOut() throws Exception {
        Account ana = newAccount("Ana Leased");
        String hook = hook(ana, "http://127.0.0.1:9/lease");
        exchange(newAccount("Ben Leases"), ana);
        Predicate<WebhookDispatcher.Claim> mine = claim -> claim.hook().publicId().equals(hook);

        List<WebhookDispatcher.Claim> first = dispatcher.claim(clock.instant(), 10, mine);
        assertThat(first).hasSize(1);
        assertThat(states(ana, hook)).containsExactly("SENDING");
        assertThat(dispatcher.claim(clock.instant(), 10, mine)).as("a second instance, while the lease holds").isEmpty();
        clock.advance(config.lease().minusSeconds(1));
        assertThat(dispatcher.claim(clock.instant(), 10, mine)).as("a second before the lease ends").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<WebhookDispatcher.Claim> second = dispatcher.claim(clock.instant(), 10, mine);
        assertThat(second).as("the first instance stopped: its lease ran out").hasSize(1);
        long id = first.get(0).delivery().id();
        assertThat(second.get(0).delivery().id()).isEqualTo(id);

        // the first holder's late answer no longer counts; the new holder's does
        assertThat(rows.attempted(id, first.get(0).leaseUntil(), DeliveryState.DELIVERED, 1, null, 204, null, clock.instant()))
                .isFalse();
        assertThat(states(ana, hook)).containsExactly("SENDING");
        assertThat(rows.attempted(id, second.get(0).leaseUntil(), DeliveryState.DELIVERED, 1, null, 204, null, clock.instant()))
                .isTrue();
        assertThat(states(ana, hook)).containsExactly("DELIVERED");
    }

    @Test
    void rowsAnotherInstanceIsClaimingAreSkippedNotWaitedFor() throws Exception {
        Account ana = newAccount("Ana Locked");
        String hook = hook(ana, "http://127.0.0.1:9/locked");
        exchange(newAccount("Ben Locks"), ana);
        Predicate<WebhookDispatcher.Claim> mine = claim -> claim.hook().publicId().equals(hook);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread other = new Thread(() -> tx.executeWithoutResult(status -> {
            rows.lockDue(clock.instant(), 10_000, Set.of()); // another instance's claim, caught in the middle
            locked.countDown();
            try {
                finish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }));
        other.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            assertThat(dispatcher.claim(clock.instant(), 10, mine)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("skipped, not waited for").isLessThan(Duration.ofSeconds(5));
        } finally {
            finish.countDown();
            other.join(20_000);
        }
        assertThat(dispatcher.claim(clock.instant(), 10, mine)).as("once the other claim is over").hasSize(1);
    }

    @Test
    void aTargetThatIsNoLongerAllowedIsNotConnectedTo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Account ana = newAccount("Ana Private");
            String hook = hook(ana, "https://127.0.0.1:" + listener.getLocalPort() + "/hook"); // allowed while registering
            exchange(newAccount("Ben Private"), ana);
            allowPrivateTargets(false);

            dispatcher.runDue();
            assertThat(states(ana, hook)).containsExactly("FAILED");
            assertThat(JsonPath.<String>read(log(ana, hook), "$.items[0].lastError")).startsWith("Not sent: ")
                    .contains("127.0.0.0/8");
            // the attempt is over, so a connection it made would be waiting in the backlog
            listener.setSoTimeout(200);
            try {
                listener.accept().close();
                fail("the delivery connected to a loopback address");
            } catch (SocketTimeoutException expected) {
                // nobody connected
            }
        }
    }

    @Test
    void twoInstancesPollingAtOnceDeliverEachEventOnce() throws Exception {
        Target target = new Target("127.0.0.1", false);
        Account ana = newAccount("Ana Two Dispatchers");
        Account ben = newAccount("Ben Two Dispatchers");
        String hook = hook(ana, target.url);
        for (int i = 0; i < 12; i++) {
            exchange(ana, ben);
        }
        try (ConfigurableApplicationContext b = SecondInstance.start(environment, clock)) {
            WebhookDispatcher onB = b.getBean(WebhookDispatcher.class);
            // each poll sends at most two at a time to one host, so it takes a few rounds
            for (int round = 0; round < 40 && target.received.get() < 12; round++) {
                SecondInstance.together(dispatcher::runDue, onB::runDue);
            }
        }
        assertThat(target.received.get()).as("each of the 12 events once, whichever instance claimed it").isEqualTo(12);
        assertThat(states(ana, hook)).hasSize(12).containsOnly("DELIVERED");
    }

    @Test
    void scheduledJobsDoNotShareOneThread() {
        assumeTrue(scheduler instanceof ThreadPoolTaskScheduler, "with virtual threads every run has its own thread");
        ThreadPoolTaskScheduler pool = (ThreadPoolTaskScheduler) scheduler;
        assertThat(pool.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThan(1);
        assertThat(pool.getThreadNamePrefix()).isEqualTo("scheduled-");
    }

    // --- helpers -------------------------------------------------------------------------------

    void allowPrivateTargets(boolean allow) throws Exception {
        mvc.perform(apiPut("/api/v1/admin/settings", admin.token(), json("allowPrivateWebhookTargets", allow)))
                .andExpect(status().isOk());
    }

    /** Registers a webhook for exchange.recorded, deleted again after the test. */
    String hook(Account owner, String url) throws Exception {
        String created = mvc.perform(apiPost("/api/v1/webhooks", owner.token(),
                        "{\"url\":\"" + url + "\",\"events\":[\"exchange.recorded\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        cleanups.add(() -> mvc.perform(delete("/api/v1/webhooks/" + id).header("Authorization", owner.bearer())));
        return id;
    }

    /** {@code by} records a favor given to {@code to}: an exchange.recorded event for both. */
    void exchange(Account by, Account to) throws Exception {
        mvc.perform(apiPost("/api/v1/exchanges", by.token(), json("direction", "GAVE", "counterpartMemberId", to.id(),
                        "kind", "ADVICE", "description", "Reviewed a draft", "weight", 1,
                        "occurredOn", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString())))
                .andExpect(status().isCreated());
    }

    /** The states of the webhook's deliveries, newest first. */
    List<String> states(Account owner, String hook) {
        return JsonPath.read(log(owner, hook), "$.items[*].state");
    }

    String log(Account owner, String hook) {
        try {
            return mvc.perform(apiGet("/api/v1/webhooks/" + hook + "/deliveries", owner.token())).andReturn().getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long deadline(Duration within) {
        return System.nanoTime() + within.toNanos();
    }

    /** Polls {@code condition} until it holds; fails with {@code why} once {@code deadline} (nanoTime) passed. */
    static void awaitUntil(long deadline, BooleanSupplier condition, Supplier<String> why) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Timed out waiting for " + why.get());
            }
            Thread.sleep(10);
        }
    }
}
