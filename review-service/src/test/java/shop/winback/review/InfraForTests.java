package shop.winback.review;

import io.quarkus.test.common.QuarkusTestResource;
import shop.winback.testing.LocalInfraResource;

/** Applies to every test of this module: makes sure the real "reviews" database exists. */
@QuarkusTestResource(LocalInfraResource.class)
public final class InfraForTests {
    private InfraForTests() {}
}
