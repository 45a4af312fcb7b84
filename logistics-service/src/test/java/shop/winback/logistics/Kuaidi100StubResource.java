package shop.winback.logistics;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts {@link Kuaidi100Stub} before the application and points the Kuaidi100 REST client at it. */
public class Kuaidi100StubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.kuaidi100.url", Kuaidi100Stub.start());
    }

    @Override
    public void stop() {
        Kuaidi100Stub.stop();
    }
}
