package shop.winback.logistics;

import io.quarkus.test.common.QuarkusTestResource;
import shop.winback.testing.LocalInfraResource;

/** Applies to every test of this module: the real "logistics" database, and the in-process Kuaidi100 stub. */
@QuarkusTestResource(LocalInfraResource.class)
@QuarkusTestResource(Kuaidi100StubResource.class)
public final class InfraForTests {
    private InfraForTests() {}
}
