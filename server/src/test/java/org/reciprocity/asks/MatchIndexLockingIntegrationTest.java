package org.reciprocity.asks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.MemberRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The match index's lock and the connection pool are always taken in one order, connection first: a write
 * refreshes the index after its commit with its connection still in hand, so a poll that took the lock
 * and then waited for a connection could wait for the writers waiting for it. (It happened: twenty profile
 * saves at once drained a pool of ten for the pool's 30-second timeout.)
 */
class MatchIndexLockingIntegrationTest extends IntegrationTest {

    @Autowired
    MatchIndex index;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberRows members;

    @Test
    void aWriterRefreshingAfterItsCommitIsNotStuckBehindAPollWaitingForAConnection() throws Exception {
        long ana = members.byPublicId(newAccount("Ana Lock").id()).orElseThrow().id();
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < poolSize - 1; i++) {
                held.add(dataSource.getConnection());
            }
            CountDownLatch writerHoldsTheLastConnection = new CountDownLatch(1);
            CountDownLatch pollIsWaiting = new CountDownLatch(1);
            Future<?> writer = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("select count(*) from member").query(Long.class).single();
                writerHoldsTheLastConnection.countDown();
                await(pollIsWaiting);
                index.refreshMember(ana); // what the after-commit listener does, its connection still held
            }));
            assertThat(writerHoldsTheLastConnection.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> poll = threads.submit(index::catchUp);
            Thread.sleep(300); // the poll is now waiting for a connection
            pollIsWaiting.countDown();

            writer.get(10, TimeUnit.SECONDS);
            poll.get(10, TimeUnit.SECONDS);
        } finally {
            for (Connection c : held) {
                c.close();
            }
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
