package shop.winback.review.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import shop.winback.review.domain.Review;

class CaptureRetryTests {

    final AtomicInteger attempts = new AtomicInteger();

    CaptureRetry failingFirst(int failures, String sqlState) {
        return new CaptureRetry(new ReviewCapture(null, null, null, null, null, null, null, null) {
            @Override
            public List<Captured> captureAll(List<Review> reviews) {
                if (attempts.incrementAndGet() <= failures) {
                    throw new IllegalStateException("tx failed", new SQLException("boom", sqlState));
                }
                return List.of(new Captured(reviews.get(0), true));
            }
        });
    }

    @Test
    void aDeadlockedCaptureIsRunAgain() {
        Review review = new Review();
        assertThat(failingFirst(2, "40P01").captureAll(List.of(review))).hasSize(1);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterThreeAttemptsAndNeverRetriesAClientsMistakeOrABug() {
        assertThatThrownBy(() -> failingFirst(5, "40P01").captureAll(List.of(new Review())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(3);
        attempts.set(0);
        assertThatThrownBy(() -> failingFirst(1, "23514").captureAll(List.of(new Review())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
