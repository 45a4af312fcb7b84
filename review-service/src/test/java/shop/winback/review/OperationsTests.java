package shop.winback.review;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import shop.winback.testing.OperationsContract;

/** The Quarkus operations endpoints integrators and operators rely on. */
@QuarkusTest
class OperationsTests extends OperationsContract {

    @Override
    protected List<String> documented() {
        return List.of("/api/v1/reviews", "/api/v1/reviews:batch");
    }
}
