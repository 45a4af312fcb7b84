package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.Published;
import shop.winback.testing.TestTokens;

@QuarkusTest
class ConcurrentCaptureTests {

    @Inject
    EntityManager em;

    @Inject
    ReviewConfig config;

    @Test
    void identicalPostsAtTheSameInstantMakeOneReviewAndOneEvent() throws Exception {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        String body = Reviews.json(shop, "R-race", orderId, "BAD");
        int posts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(TestTokens.integration(shop))
                            .contentType(ContentType.JSON)
                            .body(body)
                            .when()
                            .post("/api/v1/reviews");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        long reviews = QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(r) from Review r where r.shopId = :s")
                        .setParameter("s", shop)
                        .getSingleResult());
        long events = Published.onTopic(
                        config.topic(),
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> (Long)
                                        em.createQuery("select count(e) from OutboxEvent e where e.messageKey = :k")
                                                .setParameter("k", orderId)
                                                .getSingleResult()),
                        r -> orderId.equals(r.key()))
                .size();
        assertThat(reviews).isEqualTo(1);
        assertThat(events).isEqualTo(1);
    }
}
