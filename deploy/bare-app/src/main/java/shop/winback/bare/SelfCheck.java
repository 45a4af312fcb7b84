package shop.winback.bare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Uses the REST client under fault tolerance (timeout, retry), as the services' postage look-up does. */
@Path("/api/v1/self-check")
public class SelfCheck {

    private final SelfClient self;

    public SelfCheck(@RestClient SelfClient self) {
        this.self = self;
    }

    @GET
    @RolesAllowed("manager")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1)
    public String check() {
        return self.ready();
    }
}
