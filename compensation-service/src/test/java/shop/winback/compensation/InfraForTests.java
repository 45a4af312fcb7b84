package shop.winback.compensation;

import io.quarkus.test.common.QuarkusTestResource;
import shop.winback.testing.LocalInfraResource;

/**
 * Applies to every test of this module: the real "compensations" database, the test JWT key, and
 * an in-process stand-in for logistics-service's postage endpoint.
 */
@QuarkusTestResource(LocalInfraResource.class)
@QuarkusTestResource(LogisticsStub.class)
public final class InfraForTests {
    private InfraForTests() {}
}
