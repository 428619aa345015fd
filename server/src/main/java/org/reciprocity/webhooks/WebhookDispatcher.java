package org.reciprocity.webhooks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued webhook deliveries: a POST of the JSON payload signed with HMAC-SHA256 over
 * {@code <timestamp>.<body>} ({@code Reciprocity-Signature: t=<unix seconds>,v1=<hex>}). A failure is
 * retried with exponential back-off (base, 2×base, 4×base, …) up to {@value #MAX_ATTEMPTS} attempts.
 *
 * <p>The scheduled poll only claims: due rows are locked with {@code skip locked}, so instances sharing a
 * database never claim the same delivery, and marked SENDING with a lease. The sends run on a bounded pool,
 * at most {@code per-host} at a time to one target host, so a slow receiver delays only itself; deliveries
 * to a busy host are left unclaimed for a later poll. A lease that runs out (its instance stopped) makes
 * the delivery due again.
 */
@Component
public class WebhookDispatcher implements DisposableBean {

    static final int MAX_ATTEMPTS = 8;
    static final String SIGNATURE = "Reciprocity-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** A delivery this instance holds until {@code leaseUntil}, with its webhook and the host it goes to. */
    record Claim(WebhookRows.Delivery delivery, WebhookRows.Hook hook, String host, Instant leaseUntil) {}

    private final WebhookRows rows;
    private final OutboundGuard guard;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WebhookProperties config;
    private final CloseableHttpClient http;
    private final ThreadPoolExecutor senders;
    /** Cuts off attempts that outlast connect + response timeouts, e.g. a receiver trickling its answer. */
    private final ScheduledThreadPoolExecutor deadlines;
    private final Map<String, Integer> busyHosts = new HashMap<>(); // guarded by this
    private int inFlight; // guarded by this
    private volatile boolean stopped;

    WebhookDispatcher(WebhookRows rows, OutboundGuard guard, TransactionTemplate tx, Clock clock, WebhookProperties config) {
        this.rows = rows;
        this.guard = guard;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
        this.http = httpClient(guard, config);
        // never more queued than threads: a poll claims only what a free thread can take at once
        this.senders = new ThreadPoolExecutor(config.threads(), config.threads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(config.threads()), daemonThreads("webhook-send-"));
        this.senders.allowCoreThreadTimeOut(true);
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("webhook-deadline-"));
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * The delivery client: it resolves each host through the guard, which checks and returns the addresses
     * it connects to; TLS verifies the certificate against the host name. No redirects, retries, cookies,
     * proxies or kept-alive connections (a reused connection would skip the check of a new attempt).
     */
    static CloseableHttpClient httpClient(DnsResolver resolver, WebhookProperties config) {
        Timeout connect = Timeout.of(config.connectTimeout());
        Timeout response = Timeout.of(config.responseTimeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build())
                        .setMaxConnTotal(config.threads()).setMaxConnPerRoute(config.threads())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response).build())
                .setConnectionReuseStrategy((request, answer, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .setUserAgent("Reciprocity-Webhooks/1")
                .build();
    }

    /** The scheduled poll: claims what is due and hands it to the senders, without waiting for them. */
    @Scheduled(fixedDelayString = "${reciprocity.webhooks.poll:PT5S}", initialDelayString = "${reciprocity.webhooks.poll:PT5S}")
    void poll() {
        dispatchDue();
    }

    /** One poll that waits for the sends it started (tests use it); returns how many were delivered. */
    public int runDue() {
        int delivered = 0;
        for (CompletableFuture<Boolean> send : dispatchDue()) {
            if (send.join()) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Deliveries this instance is sending now. */
    synchronized int inFlight() {
        return inFlight;
    }

    private List<CompletableFuture<Boolean>> dispatchDue() {
        List<Claim> claims;
        synchronized (this) {
            int free = config.threads() - inFlight;
            if (stopped || free <= 0) {
                return List.of();
            }
            Map<String, Integer> taken = new HashMap<>();
            claims = claim(clock.instant(), free, candidate -> {
                int busy = busyHosts.getOrDefault(candidate.host(), 0) + taken.getOrDefault(candidate.host(), 0);
                if (busy >= config.perHost()) {
                    return false;
                }
                taken.merge(candidate.host(), 1, Integer::sum);
                return true;
            });
            for (Claim c : claims) {
                busyHosts.merge(c.host(), 1, Integer::sum);
                inFlight++;
            }
        }
        List<CompletableFuture<Boolean>> sends = new ArrayList<>();
        for (Claim c : claims) {
            try {
                sends.add(CompletableFuture.supplyAsync(() -> send(c), senders));
            } catch (RejectedExecutionException e) {
                release(c); // shutting down: the lease runs out and the delivery is due again
            }
        }
        return sends;
    }

    /**
     * Claims up to {@code limit} due deliveries that {@code take} accepts, in one transaction: rows another
     * instance is claiming at the same time are skipped, the taken ones become SENDING until the lease ends.
     * A webhook whose delivery is not taken is passed over for the rest of the claim, so the backlog of a
     * busy host does not hide the deliveries behind it.
     */
    List<Claim> claim(Instant now, int limit, Predicate<Claim> take) {
        Instant leaseUntil = now.plus(config.lease());
        int batch = Math.max(4 * limit, 20);
        return tx.execute(status -> {
            List<Claim> claimed = new ArrayList<>();
            Set<Long> passedOver = new HashSet<>();
            Map<Long, WebhookRows.Hook> hooks = new HashMap<>();
            while (claimed.size() < limit) {
                List<WebhookRows.Delivery> due = rows.lockDue(now, batch, passedOver);
                List<Long> leased = new ArrayList<>();
                for (WebhookRows.Delivery d : due) {
                    if (claimed.size() == limit) {
                        break;
                    }
                    if (passedOver.contains(d.webhookId())) {
                        continue;
                    }
                    // the delivery row is locked, so its webhook (deleted only with its deliveries) is there
                    WebhookRows.Hook hook = hooks.computeIfAbsent(d.webhookId(), id -> rows.byId(id).orElseThrow());
                    Claim candidate = new Claim(d, hook, host(hook.url()), leaseUntil);
                    if (take.test(candidate)) {
                        leased.add(d.id());
                        claimed.add(candidate);
                    } else {
                        passedOver.add(d.webhookId());
                    }
                }
                rows.lease(leased, leaseUntil);
                // every row of a full batch was leased or passed over, so the next batch holds new rows
                if (due.size() < batch) {
                    break;
                }
            }
            return claimed;
        });
    }

    private boolean send(Claim claim) {
        try {
            return attempt(claim);
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be recorded; it is due again when its lease ends",
                    claim.delivery().publicId(), e);
            return false;
        } finally {
            release(claim);
        }
    }

    private synchronized void release(Claim claim) {
        busyHosts.computeIfPresent(claim.host(), (host, n) -> n > 1 ? n - 1 : null);
        inFlight--;
    }

    private boolean attempt(Claim claim) {
        WebhookRows.Delivery d = claim.delivery();
        WebhookRows.Hook hook = claim.hook();
        int attempts = d.attempts() + 1;
        Optional<String> refusal = guard.formRefusal(hook.url());
        if (refusal.isPresent()) {
            return record(claim, DeliveryState.FAILED, attempts, null, "Not sent: " + refusal.get());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(URI.create(hook.url()));
        post.setHeader("Reciprocity-Event", d.event());
        post.setHeader("Reciprocity-Delivery", d.publicId());
        post.setHeader(SIGNATURE, "t=" + timestamp + ",v1=" + sign(hook.secret(), timestamp, d.payload()));
        post.setEntity(new StringEntity(d.payload(), ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, config.attemptDeadline().toMillis(), TimeUnit.MILLISECONDS);
        // the status is kept as soon as it arrives: the client reads the rest of the body after the handler
        AtomicInteger answered = new AtomicInteger();
        String error = null;
        try {
            http.execute(post, response -> {
                answered.set(response.getCode());
                return null;
            });
        } catch (OutboundGuard.Refused e) {
            return record(claim, DeliveryState.FAILED, attempts, null, "Not sent: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (answered.get() == 0) {
                error = post.isCancelled() ? "No answer within " + config.attemptDeadline().toSeconds() + " s"
                        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        } finally {
            deadline.cancel(false);
        }
        Integer status = answered.get() == 0 ? null : answered.get();
        if (status != null && status >= 200 && status < 300) {
            return record(claim, DeliveryState.DELIVERED, attempts, status, null);
        }
        if (status != null) {
            error = "HTTP " + status;
        }
        boolean last = attempts >= MAX_ATTEMPTS;
        return record(claim, last ? DeliveryState.FAILED : DeliveryState.PENDING, attempts, status, error);
    }

    /** Writes the outcome of an attempt; true when it was delivered. */
    private boolean record(Claim claim, DeliveryState state, int attempts, Integer status, String error) {
        Instant now = clock.instant();
        Instant next = state == DeliveryState.PENDING ? now.plus(config.retryBase().multipliedBy(1L << (attempts - 1))) : null;
        if (!rows.attempted(claim.delivery().id(), claim.leaseUntil(), state, attempts, next, status, error, now)) {
            log.info("Webhook delivery {} was claimed again or deleted while being sent; this attempt is not recorded",
                    claim.delivery().publicId());
        }
        return state == DeliveryState.DELIVERED;
    }

    /** The host a webhook calls, as the per-host limit counts it. */
    static String host(String url) {
        try {
            // host and port: two services on one machine are two targets, and one being slow says nothing of the other
            URI uri = URI.create(url.strip());
            String host = uri.getHost();
            int port = uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            return host == null ? url : host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        senders.shutdown();
        boolean finished = senders.awaitTermination(5, TimeUnit.SECONDS);
        // what is still in flight then fails at once, is recorded as a failed attempt and retried later
        http.close(finished ? CloseMode.GRACEFUL : CloseMode.IMMEDIATE);
        senders.awaitTermination(2, TimeUnit.SECONDS);
        deadlines.shutdownNow();
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /** The hex HMAC-SHA256 of {@code <timestamp>.<body>} with the webhook's secret: what receivers recompute. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
