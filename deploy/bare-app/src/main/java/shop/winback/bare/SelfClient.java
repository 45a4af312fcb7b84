package shop.winback.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The bare app's one REST client (compensation-service and logistics-service have clients). */
@RegisterRestClient(configKey = "self")
@Path("/q/health")
public interface SelfClient {

    @GET
    @Path("/ready")
    String ready();
}
